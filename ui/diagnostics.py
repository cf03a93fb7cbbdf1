"""The diagnostics page: the service's health checks and the assistant's metrics.

Both come through the task runner (`doctor` may touch the database and the models). Nothing
here is PHI: checks and metrics are counts, timings and model names.
"""

from __future__ import annotations

import datetime as dt
import functools
import platform

import PySide6
from PySide6.QtCore import QCoreApplication, Signal, qVersion
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import NotesApi
from core.assistant.metrics import STAGES
from core.domain import HealthCheck
from ui.tasks import TaskRunner
from ui.tool_dialog import ToolDialogAction

PAGE_KEY = "diagnostics.page"  # the task runner key of what the page shows


def stage_label(stage: str) -> str:
    labels = {
        "embed": QCoreApplication.translate("Diagnostics", "Embed the question"),
        "retrieve": QCoreApplication.translate("Diagnostics", "Retrieve notes"),
        "generate": QCoreApplication.translate("Diagnostics", "Generate the answer"),
        "total": QCoreApplication.translate("Diagnostics", "Total"),
    }
    return labels.get(stage, stage)


def counter_label(group: str, key: str) -> str:
    labels = {
        ("tokens", "prompt"): QCoreApplication.translate("Diagnostics", "Prompt tokens"),
        ("tokens", "answer"): QCoreApplication.translate("Diagnostics", "Answer tokens"),
        ("cache", "hit"): QCoreApplication.translate("Diagnostics", "Cache hits"),
        ("cache", "miss"): QCoreApplication.translate("Diagnostics", "Cache misses"),
        ("outcomes", "answered"): QCoreApplication.translate("Diagnostics", "Answered"),
        ("outcomes", "refused"): QCoreApplication.translate("Diagnostics", "Refused"),
        ("outcomes", "extractive"): QCoreApplication.translate("Diagnostics", "Extractive"),
        ("outcomes", "cancelled"): QCoreApplication.translate("Diagnostics", "Cancelled"),
        ("outcomes", "failed"): QCoreApplication.translate("Diagnostics", "Failed"),
    }
    # A measure added to the service before the GUI knows it still shows, untranslated.
    return labels.get((group, key), f"{group}: {key}")


def _latency(metrics: dict[str, dict[str, float]], stage: str) -> dict[str, float]:
    # core/assistant/metrics.py names them latency_<stage>_ms; accept the bare stage too.
    return metrics.get(f"latency_{stage}_ms") or metrics.get(stage) or {}


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


class DiagnosticsDialog(QDialog):
    """Emits `loaded` once both sections are filled (tests wait on it), `failed(exc)` with
    errors for the controller."""

    loaded = Signal()
    failed = Signal(object)

    def __init__(self, api: NotesApi, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(640, 560)
        self._api = api
        self._runner = runner
        self._waiting = 0
        self.metrics: dict[str, dict[str, float]] | None = None

        checks_box = QGroupBox(self.tr("Health checks"), self)
        self.checks = _tree("healthChecks", [self.tr("Check"), self.tr("OK"), self.tr("Detail")])
        self.checks.setAccessibleName(self.tr("Health checks"))
        QVBoxLayout(checks_box).addWidget(self.checks)

        assistant_box = QGroupBox(self.tr("Assistant"), self)
        self.latency = _tree(
            "assistantLatency",
            [self.tr("Stage"), self.tr("Answers"), self.tr("p50 (ms)"), self.tr("p95 (ms)")],
        )
        self.latency.setAccessibleName(self.tr("Assistant latency"))
        self.counters = _tree("assistantCounters", [self.tr("Measure"), self.tr("Value")])
        self.counters.setAccessibleName(self.tr("Assistant counters"))
        self.metrics_note = QLabel(self)
        self.metrics_note.setObjectName("metricsNote")
        self.metrics_note.setWordWrap(True)
        self.metrics_note.hide()
        box = QVBoxLayout(assistant_box)
        box.addWidget(self.latency)
        box.addWidget(self.counters)
        box.addWidget(self.metrics_note)

        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setObjectName("refreshDiagnostics")
        self.refresh_button.clicked.connect(self.refresh)
        self.copy_button = QPushButton(self.tr("&Copy diagnostics"), self)
        self.copy_button.setObjectName("copyDiagnostics")
        self.copy_button.setToolTip(
            self.tr("Versions, health checks and metrics, for a support request (no notes)")
        )
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(checks_box, 1)
        layout.addWidget(assistant_box, 2)
        layout.addWidget(buttons)

    @property
    def busy(self) -> bool:
        return self._waiting > 0

    def refresh(self) -> None:
        self._waiting = 2
        self.refresh_button.setEnabled(False)
        ticket = self._runner.latest(
            PAGE_KEY,
            self._api.doctor,
            on_success=self._on_checks,
            on_error=functools.partial(self._on_error, self.checks),
        )
        self._runner.submit(
            self._api.assistant_metrics,
            on_success=self._on_metrics,
            on_error=functools.partial(self._on_error, self.latency),
            ticket=ticket,
        )

    def report(self) -> str:
        """What the page shows, as plain text, with the versions a bug report needs."""
        lines = [
            "Chartside diagnostics (no notes, names or questions are included)",
            f"Taken: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
            f"Platform: {platform.platform()}",
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"Unlocked: {'yes' if self._api.unlocked else 'no'}",
            f"Layout: {'right-to-left' if self.isRightToLeft() else 'left-to-right'}",
        ]
        for title, tree in (
            ("Health checks", self.checks),
            ("Assistant latency", self.latency),
            ("Assistant counters", self.counters),
        ):
            headers = [tree.headerItem().text(c) for c in range(tree.columnCount())]
            lines += ["", f"{title} ({' | '.join(headers)}):"]
            lines += ["  " + " | ".join(row) for row in _rows(tree)] or ["  (none)"]
        return "\n".join(lines) + "\n"

    def copy_to_clipboard(self) -> None:
        QApplication.clipboard().setText(self.report())

    def _on_checks(self, checks: list[HealthCheck]) -> None:
        self.checks.clear()
        for check in checks:
            ok = self.tr("yes") if check.ok else self.tr("NO")
            item = QTreeWidgetItem([check.name, ok, check.detail])
            item.setToolTip(2, check.detail)
            self.checks.addTopLevelItem(item)
        self._done()

    def _on_metrics(self, metrics: dict[str, dict[str, float]]) -> None:
        self.metrics = metrics
        self.latency.clear()
        for stage in STAGES:
            values = _latency(metrics, stage)
            self.latency.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        stage_label(stage),
                        _number(values.get("count", 0.0)),
                        _number(values.get("p50", 0.0)),
                        _number(values.get("p95", 0.0)),
                    ]
                )
            )
        self.counters.clear()
        latency_keys = {f"latency_{s}_ms" for s in STAGES} | set(STAGES)
        for group, values in metrics.items():
            if group in latency_keys:
                continue
            for key, value in values.items():
                self.counters.addTopLevelItem(
                    QTreeWidgetItem([counter_label(group, key), _number(value)])
                )
        answers = _latency(metrics, "total").get("count", 0.0)
        self.metrics_note.setVisible(not answers)
        self.metrics_note.setText(self.tr("No questions answered since Chartside started."))
        self._done()

    def _on_error(self, table: QTreeWidget, exc: BaseException) -> None:
        table.clear()
        self._done()
        self.failed.emit(exc)

    def _done(self) -> None:
        self._waiting -= 1
        if self._waiting == 0:
            self.refresh_button.setEnabled(True)
            self.loaded.emit()


class DiagnosticsActions(ToolDialogAction[DiagnosticsDialog]):
    """The "Diagnostics…" toolbar action and its dialog."""

    def __init__(self, api: NotesApi, runner: TaskRunner, window: QMainWindow) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            window,
            translate("DiagnosticsActions", "&Diagnostics…"),
            "diagnosticsAction",
            translate("DiagnosticsActions", "Health checks and assistant performance"),
        )
        self._api = api
        self._runner = runner
        toolbar = window.findChild(QToolBar, "mainToolBar")
        if toolbar is None:
            toolbar = window.addToolBar(self.tr("Main"))
        toolbar.addSeparator()
        toolbar.addAction(self.action)

    def _build(self) -> DiagnosticsDialog:
        return DiagnosticsDialog(self._api, self._runner, self._window)


def _rows(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(r).text(c) for c in range(tree.columnCount())]
        for r in range(tree.topLevelItemCount())
    ]


def _tree(name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setObjectName(name)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setHeaderLabels(headers)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree
