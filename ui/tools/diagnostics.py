"""The diagnostics page: the service's health checks and the assistant's metrics.

Both come through the task runner (`doctor` may touch the database and the models). Nothing
here is PHI: checks and metrics are counts, timings and model names.
"""

from __future__ import annotations

import datetime as dt
import functools
import platform

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal, qVersion
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

from core.api import ChartsideApi
from core.assistant.metrics import STAGES
from core.domain import HealthCheck
from ui.kit.bidi import ltr
from ui.kit.core_text import core_words
from ui.kit.tasks import TaskRunner
from ui.tools.tool_dialog import ToolDialogAction

PAGE_KEY = "diagnostics.page"  # the task runner key of what the page shows


def stage_label(stage: str) -> str:
    labels = {
        "embed": QCoreApplication.translate("Diagnostics", "Embed the question"),
        "retrieve": QCoreApplication.translate("Diagnostics", "Retrieve notes"),
        "generate": QCoreApplication.translate("Diagnostics", "Generate the answer"),
        "total": QCoreApplication.translate("Diagnostics", "Total"),
    }
    return labels.get(stage, stage)


def check_label(name: str) -> str:
    """A health check's name on screen; `chartside doctor` and the copied report keep the
    stable name."""
    labels = {
        "database": QCoreApplication.translate("Diagnostics", "Database"),
        "pgvector": QCoreApplication.translate("Diagnostics", "Vector search (pgvector)"),
        "schema": QCoreApplication.translate("Diagnostics", "Database schema"),
        "runtime_role": QCoreApplication.translate("Diagnostics", "Everyday database role"),
        "row_level_security": QCoreApplication.translate("Diagnostics", "Row-level security"),
        "encryption": QCoreApplication.translate("Diagnostics", "Encryption"),
        "permissions": QCoreApplication.translate("Diagnostics", "Folder permissions"),
        "index": QCoreApplication.translate("Diagnostics", "Search index"),
        "policy": QCoreApplication.translate("Diagnostics", "System policy"),
        "kernels": QCoreApplication.translate("Diagnostics", "Answer model's CPU kernels"),
    }
    # A check added to the service before the GUI knows it still shows, by its name.
    return labels.get(name, name)


# core.services.doctor.DETAILS in the window's language, by the same ids and with the same
# English (a test holds the two together).
DETAILS = {
    "database.version": QT_TRANSLATE_NOOP("Diagnostics", "PostgreSQL {version}"),
    "pgvector.version": QT_TRANSLATE_NOOP("Diagnostics", "pgvector {version}"),
    "pgvector.missing": QT_TRANSLATE_NOOP("Diagnostics", "pgvector is not installed"),
    "schema.revision": QT_TRANSLATE_NOOP("Diagnostics", "revision {revision} (head {head})"),
    "runtime_role.flags": QT_TRANSLATE_NOOP(
        "Diagnostics", "{role}: superuser={superuser}, bypassrls={bypassrls}"
    ),
    "row_level_security.forced": QT_TRANSLATE_NOOP(
        "Diagnostics", "forced on every workspace table"
    ),
    "row_level_security.missing": QT_TRANSLATE_NOOP("Diagnostics", "not forced on: {tables}"),
    "encryption.ok": QT_TRANSLATE_NOOP("Diagnostics", "AES-256-GCM on {count} stored PHI values"),
    "encryption.bad": QT_TRANSLATE_NOOP(
        "Diagnostics", "unencrypted or unknown format in {columns}"
    ),
    "permissions.private": QT_TRANSLATE_NOOP(
        "Diagnostics", "data and socket directories are private (0700)"
    ),
    "permissions.loose": QT_TRANSLATE_NOOP("Diagnostics", "too open: {paths}"),
    "index.keyword_only": QT_TRANSLATE_NOOP(
        "Diagnostics", "no embedding model: search is keyword-only"
    ),
    "index.locked": QT_TRANSLATE_NOOP("Diagnostics", "embedder {model}; unlock for counts"),
    "index.counts": QT_TRANSLATE_NOOP(
        "Diagnostics", "{current} of {total} chunks embedded with {model}"
    ),
    "policy.none": QT_TRANSLATE_NOOP("Diagnostics", "no setting is fixed by a system policy"),
    "policy.locked": QT_TRANSLATE_NOOP("Diagnostics", "fixed by {path}: {keys}"),
    "kernels.portable": QT_TRANSLATE_NOOP("Diagnostics", "{level}, one portable build"),
    "kernels.portable_cpu": QT_TRANSLATE_NOOP(
        "Diagnostics", "{level}, one portable build; this CPU has {cpu}"
    ),
    "kernels.chosen": QT_TRANSLATE_NOOP(
        "Diagnostics", "{level}, chosen at run time from {count} builds"
    ),
}


def check_detail(check: HealthCheck) -> str:
    """A check's detail in the window's language. A detail without an id is an error's own
    message (the database would not open, the policy file is broken): translated as core's
    errors are. An id the GUI does not know yet shows core's English."""
    template = DETAILS.get(check.detail_id)
    if template is None:
        return core_words(check.message or check.detail)
    values = {k: _detail_value(v) for k, v in check.values.items()}
    return QCoreApplication.translate("Diagnostics", str(template)).format(**values)


def _detail_value(value: object) -> str:
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("Diagnostics", "yes")
            if value
            else QCoreApplication.translate("Diagnostics", "no")
        )
    if isinstance(value, list):
        # Tables, columns, paths and setting keys: each reads left to right in any sentence.
        return ", ".join(ltr(v) for v in value)
    if isinstance(value, int):
        return str(value)
    # A version, a role, a path, a model's id: left to right, so "16.4" or
    # "all-MiniLM-L6-v2@1a2b" keep their order in a right-to-left sentence.
    return ltr(value)


def counter_label(group: str, key: str) -> str:
    labels = {
        ("tokens", "prompt"): QCoreApplication.translate("Diagnostics", "Prompt tokens"),
        ("tokens", "answer"): QCoreApplication.translate("Diagnostics", "Answer tokens"),
        ("cache", "hit"): QCoreApplication.translate("Diagnostics", "Cache hits"),
        ("cache", "miss"): QCoreApplication.translate("Diagnostics", "Cache misses"),
        ("checks", "corrections"): QCoreApplication.translate(
            "Diagnostics", "Corrections made by the check"
        ),
        ("checks", "unsupported"): QCoreApplication.translate(
            "Diagnostics", "Sentences the notes did not support"
        ),
        ("outcomes", "answered"): QCoreApplication.translate("Diagnostics", "Answered"),
        ("outcomes", "timeline"): QCoreApplication.translate(
            "Diagnostics", "Answered from the timeline"
        ),
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

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diagnosticsDialog")
        self.setWindowTitle(self.tr("Diagnostics"))
        self.resize(640, 560)
        self._api = api
        self._runner = runner
        self._waiting = 0
        self.metrics: dict[str, dict[str, float]] | None = None
        self.health: list[HealthCheck] = []

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
            self._api.health.doctor,
            on_success=self._on_checks,
            on_error=functools.partial(self._on_error, self.checks),
        )
        self._runner.submit(
            self._api.assistant.metrics,
            on_success=self._on_metrics,
            on_error=functools.partial(self._on_error, self.latency),
            ticket=ticket,
        )

    def report(self) -> str:
        """What the page shows, as plain text, with the versions a bug report needs. The
        health checks go as `chartside doctor` words them (stable names, core's English),
        whatever the window's language: support matches them against the CLI's."""
        lines = [
            "Chartside diagnostics (no notes, names or questions are included)",
            f"Taken: {dt.datetime.now(dt.UTC).isoformat(timespec='seconds')}",
            f"Platform: {platform.platform()}",
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {PySide6.__version__}",
            f"Unlocked: {'yes' if self._api.unlocked else 'no'}",
            f"Layout: {'right-to-left' if self.isRightToLeft() else 'left-to-right'}",
        ]
        checks = [[c.name, "yes" if c.ok else "NO", c.detail] for c in self.health]
        lines += ["", "Health checks (check | OK | detail):"]
        lines += ["  " + " | ".join(row) for row in checks] or ["  (none)"]
        for title, tree in (
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
        self.health = list(checks)
        self.checks.clear()
        for check in checks:
            ok = self.tr("yes") if check.ok else self.tr("NO")
            detail = check_detail(check)
            item = QTreeWidgetItem([check_label(check.name), ok, detail])
            item.setToolTip(2, detail)
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
        if table is self.checks:
            self.health = []
        self._done()
        self.failed.emit(exc)

    def _done(self) -> None:
        self._waiting -= 1
        if self._waiting == 0:
            self.refresh_button.setEnabled(True)
            self.loaded.emit()


class DiagnosticsActions(ToolDialogAction[DiagnosticsDialog]):
    """The "Diagnostics…" toolbar action and its dialog."""

    def __init__(self, api: ChartsideApi, runner: TaskRunner, window: QMainWindow) -> None:
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
