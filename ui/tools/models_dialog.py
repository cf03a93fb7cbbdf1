"""The models screen (Tools → Models…): the installed embedders and generators, which are in
use and why, whether each fits in free RAM; checking their SHA-256, switching, adding a
model file from an offline bundle, and the notes being re-embedded after an embedder switch.

Model work (hashing gigabytes) runs on a task runner of its own, so a save or a search
never waits behind it; the notes' calls (`index_status`, `assistant_status`) go through the
window's runner like every other service call. Progress crosses to the GUI thread through
a queued signal; Cancel trips a token the hashing checks after every block."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi, ModelsPart
from core.domain import AssistantStatus
from core.errors import Cancelled, Locked
from core.model_info import GENERATOR_SETTING, ModelInfo
from core.progress import CancelToken
from core.retrieval.types import IndexStatus
from ui.kit.bidi import isolate, ltr
from ui.kit.core_text import core_words
from ui.kit.errors import ErrorBanner, ErrorText, describe
from ui.kit.tasks import TaskRunner
from ui.tools.task_dialog import PROGRESS_STEPS, ProgressRelay
from ui.tools.tool_dialog import ToolDialogAction

INDEX_POLL_MS = 1000
COLUMNS = ("kind", "name", "size", "ram", "in_use", "check")


def kind_label(kind: str) -> str:
    labels = {
        "embedder": QCoreApplication.translate("ModelsDialog", "Embedder (search)"),
        "generator": QCoreApplication.translate("ModelsDialog", "Generator (answers)"),
        "speech": QCoreApplication.translate("ModelsDialog", "Speech (dictation)"),
    }
    return labels.get(kind, kind)


def _size(n: int) -> str:
    # "87.36 MiB" as one left-to-right island: in a right-to-left cell or sentence the
    # bidi algorithm would otherwise put the unit before the number ("MiB 87.36").
    return ltr(QLocale().formattedDataSize(n))


class ModelsDialog(QDialog):
    """Emits `failed(exc)` for errors that belong to the controller (`Locked`, or any that
    arrives while hidden) and `models_changed(kind)` after a switch."""

    failed = Signal(object)
    models_changed = Signal(str)

    def __init__(
        self,
        models: ModelsPart,
        api: ChartsideApi,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("modelsDialog")
        self.setWindowTitle(self.tr("Models"))
        self.resize(820, 620)
        self._models = models
        self._api = api
        self._runner = runner
        # Hashing a 1 GB file takes seconds: not on the worker that saves notes.
        self.model_runner = TaskRunner(self)
        self._busy = False
        self._cancel: CancelToken | None = None
        self._inputs: list[QWidget] = []
        self.infos: list[ModelInfo] = []
        self.generator_locked = False
        self.index: IndexStatus | None = None
        self.assistant: AssistantStatus | None = None
        self._relay = ProgressRelay(self)
        self._relay.progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._index_timer = QTimer(self, interval=INDEX_POLL_MS)
        self._index_timer.timeout.connect(self.refresh_index)

        intro = QLabel(
            self.tr(
                "The embedder finds the notes a question is about; the generator writes the "
                "answer. Each file is pinned by its SHA-256 when it is added, and a changed "
                "file is refused. The embedder is the workspace's: every computer that shares "
                "it switches too."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.result = QLabel(self)
        self.result.setObjectName("modelsResult")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.hide()

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("modelList")
        self.tree.setAccessibleName(self.tr("Installed models"))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setHeaderLabels(
            [
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Size"),
                self.tr("RAM"),
                self.tr("In use"),
                self.tr("SHA-256"),
            ]
        )
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.currentItemChanged.connect(lambda *_: self._on_selected())
        self.detail = QLabel(self)
        self.detail.setObjectName("modelDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.verify_button = QPushButton(self.tr("&Verify all"), self)
        self.verify_button.setObjectName("verifyModels")
        self.verify_button.setToolTip(self.tr("Check every model file against its SHA-256"))
        self.verify_button.clicked.connect(self.verify)
        self.use_button = QPushButton(self.tr("&Use this model"), self)
        self.use_button.setObjectName("useModel")
        self.use_button.clicked.connect(self.use_selected)
        self.cancel_button = QPushButton(self.tr("&Stop"), self)
        self.cancel_button.setObjectName("cancelModelWork")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("modelProgress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.hide()
        self.step = QLabel(self)
        self.step.setObjectName("modelStep")
        self.step.hide()
        actions = QHBoxLayout()
        actions.addWidget(self.verify_button)
        actions.addWidget(self.use_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress, 1)
        self._inputs += [self.tree, self.verify_button, self.use_button]

        self.index_label = QLabel(self)
        self.index_label.setObjectName("reembedStatus")
        self.index_label.setTextFormat(Qt.TextFormat.PlainText)
        self.index_label.setWordWrap(True)
        self.index_bar = QProgressBar(self)
        self.index_bar.setObjectName("reembedProgress")
        self.index_bar.setAccessibleName(self.tr("Notes embedded"))
        self.index_bar.hide()
        self.assistant_label = QLabel(self)
        self.assistant_label.setObjectName("modelsAssistantStatus")
        self.assistant_label.setTextFormat(Qt.TextFormat.PlainText)
        self.assistant_label.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        layout.addWidget(self.step)
        layout.addWidget(self.result)
        layout.addWidget(self._add_box())
        layout.addWidget(self.index_label)
        layout.addWidget(self.index_bar)
        layout.addWidget(self.assistant_label)
        layout.addWidget(buttons)
        self._update_buttons()

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a model file"), self)
        self.add_kind = QComboBox(box)
        self.add_kind.setObjectName("addKind")
        self.add_kind.addItem(kind_label("generator"), "generator")
        self.add_kind.addItem(kind_label("embedder"), "embedder")
        self.add_path = QLineEdit(box)
        self.add_path.setObjectName("addPath")
        self.add_path.setPlaceholderText(self.tr("A .gguf file from the model bundle"))
        browse = QPushButton(self.tr("&Browse…"), box)
        browse.setObjectName("addPathBrowse")
        browse.clicked.connect(self._browse)
        self.add_sha256 = QLineEdit(box)
        self.add_sha256.setObjectName("addSha256")
        self.add_sha256.setPlaceholderText(self.tr("64 hexadecimal digits, from the manifest"))
        self.add_button = QPushButton(self.tr("&Add"), box)
        self.add_button.setObjectName("addModel")
        self.add_button.clicked.connect(self.add)
        path_row = QHBoxLayout()
        path_row.addWidget(self.add_path, 1)
        path_row.addWidget(browse)
        form = QFormLayout(box)
        form.addRow(self.tr("&Kind:"), self.add_kind)
        # A row holding a layout gets no buddy from QFormLayout: name the field's label here.
        path_caption = QLabel(self.tr("&File:"), box)
        path_caption.setBuddy(self.add_path)
        form.addRow(path_caption, path_row)
        form.addRow(self.tr("S&HA-256:"), self.add_sha256)
        form.addRow("", self.add_button)
        self._inputs += [self.add_kind, self.add_path, browse, self.add_sha256, self.add_button]
        return box

    # -- state for the owner and tests ------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def result_text(self) -> str:
        return self.result.text() if not self.result.isHidden() else ""

    def row_of(self, info: ModelInfo) -> QTreeWidgetItem:
        return self.tree.topLevelItem(self.infos.index(info))

    def select(self, kind: str, name: str) -> ModelInfo:
        for i, info in enumerate(self.infos):
            if info.kind == kind and info.name == name:
                self.tree.setCurrentItem(self.tree.topLevelItem(i))
                return info
        raise KeyError(f"{kind} {name}")

    def active(self, kind: str) -> ModelInfo | None:
        return next((m for m in self.infos if m.kind == kind and m.active), None)

    # -- the work ---------------------------------------------------------------------------

    def refresh(self) -> None:
        def listed(found: tuple[list[ModelInfo], bool]) -> None:
            self._on_listed(*found)

        self._run(
            # The policy is read off the GUI thread, with the list, through the models part.
            lambda cancel: (
                self._models.list_models(self._relay.report),
                self._models.generator_locked,
            ),
            listed,
            self.tr("Reading the installed models…"),
            keep_messages=True,  # after an add or a switch, its message stays in view
        )
        self.refresh_index()
        self.refresh_assistant()

    def verify(self) -> None:
        def done(found: tuple[list[ModelInfo], bool]) -> None:
            infos, _ = found
            self._on_listed(*found)
            changed = [m for m in infos if m.checksum_ok is False]
            missing = [m for m in infos if not m.present]
            if changed or missing:
                names = ", ".join(isolate(m.name) for m in changed + missing)
                self._show_result(
                    self.tr("Not as registered (it will be refused): {names}").format(names=names)
                )
            else:
                self._show_result(self.tr("All %n model(s) match their SHA-256.", "", len(infos)))

        self._run(
            lambda cancel: (
                self._models.verify_models(self._relay.report, cancel),
                self._models.generator_locked,
            ),
            done,
            self.tr("Checking the SHA-256 of every model file…"),
        )

    def use_selected(self) -> None:
        info = self._selected()
        if info is None or info.active:
            return

        def used(chosen: ModelInfo) -> None:
            self._show_result(
                self.tr("{kind}: now using {name}.").format(
                    kind=kind_label(chosen.kind), name=isolate(chosen.name)
                )
            )
            self.models_changed.emit(chosen.kind)
            self.refresh()
            if chosen.kind == "embedder":
                self._index_timer.start()

        self._run(
            lambda cancel: self._models.use_model(info.kind, info.path, self._relay.report, cancel),
            used,
            self.tr("Checking {name} before using it…").format(name=isolate(info.name)),
        )

    def add(self) -> None:
        self._clear_messages()
        text = self.add_path.text().strip()
        digest = self.add_sha256.text().strip()
        kind = str(self.add_kind.currentData())
        if not text or not Path(text).expanduser().is_absolute():
            self._local_error(
                self.tr("Choose the model file."), self.tr("Use “Browse…” to choose it.")
            )
            self.add_path.setFocus()
            return
        if not digest:
            self._local_error(
                self.tr("Enter the file's SHA-256."),
                self.tr("The model bundle's manifest lists it beside the file."),
            )
            self.add_sha256.setFocus()
            return
        path = Path(text).expanduser()

        def added(info: ModelInfo) -> None:
            self.add_path.clear()
            self.add_sha256.clear()
            self._show_result(
                self.tr(
                    "{name} was added; its SHA-256 matches. It is not in use until you choose it."
                ).format(name=isolate(info.name))
            )
            self.refresh()

        self._run(
            lambda cancel: self._models.add_model(kind, path, digest, self._relay.report, cancel),
            added,
            self.tr("Checking the file's SHA-256…"),
        )

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def refresh_index(self) -> None:
        self._runner.submit(
            self._api.search.index_status, on_success=self._on_index, on_error=self._on_notes_error
        )

    def refresh_assistant(self) -> None:
        self._runner.submit(
            self._api.assistant.status,
            on_success=self._on_assistant,
            on_error=self._on_notes_error,
        )

    def shutdown(self) -> None:
        """Stop hashing and wait for the model worker (the app is quitting)."""
        self.cancel()
        self._index_timer.stop()
        self.model_runner.shutdown()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        # Nobody is watching the re-embedding any more; the status bar still shows it.
        self._index_timer.stop()
        super().hideEvent(event)

    def reject(self) -> None:
        # Hashing stops on Cancel; a switch half-done would leave the choice unclear, so
        # closing waits for it like the backup dialog does.
        if self._busy:
            self.cancel()
            return
        self._index_timer.stop()
        super().reject()

    # -- results ----------------------------------------------------------------------------

    def _run(
        self,
        work: Callable[[CancelToken], Any],
        on_success: Callable[[Any], None],
        step: str,
        *,
        keep_messages: bool = False,
    ) -> None:
        if self._busy:
            return
        if not keep_messages:
            self._clear_messages()
        token = CancelToken()
        self._cancel = token
        self._set_busy(True, step)

        def succeeded(result: Any) -> None:
            self._set_busy(False)
            on_success(result)

        self.model_runner.submit(work, token, on_success=succeeded, on_error=self._on_error)

    def _on_listed(self, infos: list[ModelInfo], generator_locked: bool) -> None:
        keep = self._selected()
        self.infos = list(infos)
        self.generator_locked = generator_locked
        self.tree.clear()
        for info in self.infos:
            item = QTreeWidgetItem(
                [
                    kind_label(info.kind),
                    info.name,
                    _size(info.size),
                    self._ram_text(info),
                    self.tr("in use") if info.active else "",
                    self._check_text(info),
                ]
            )
            item.setToolTip(1, info.path)
            if info.why:
                item.setToolTip(4, core_words(info.why))
            self.tree.addTopLevelItem(item)
            if keep is not None and (info.kind, info.path) == (keep.kind, keep.path):
                self.tree.setCurrentItem(item)
        self._on_selected()

    def _ram_text(self, info: ModelInfo) -> str:
        need, free = _size(info.ram_bytes), _size(info.available_ram)
        if info.fits_ram:
            return self.tr("about {need} ({free} free)").format(need=need, free=free)
        return self.tr("may not fit: about {need}, {free} free").format(need=need, free=free)

    def _check_text(self, info: ModelInfo) -> str:
        if not info.present:
            return self.tr("missing")
        if info.checksum_ok is None:
            return ""
        return self.tr("OK") if info.checksum_ok else self.tr("CHANGED")

    def _on_selected(self) -> None:
        info = self._selected()
        if info is None:
            self.detail.clear()
        else:
            lines = [
                self.tr("File: {path}").format(path=ltr(info.path)),
                self.tr("SHA-256: {digest}").format(digest=ltr(info.sha256)),
            ]
            if info.active:
                why = core_words(info.why) if info.why else self.tr("you chose it")
                lines.append(self.tr("In use: {why}").format(why=isolate(why)))
            elif self._fixed_by_policy(info):
                lines.append(
                    self.tr(
                        "The system policy sets the generator ({key}); "
                        "ask the administrator to change it."
                    ).format(key=ltr(GENERATOR_SETTING))
                )
            lines += [isolate(w) for w in info.warnings]
            self.detail.setText("\n".join(lines))
        self._update_buttons()

    def _on_index(self, status: IndexStatus) -> None:
        self.index = status
        model = isolate(status.model_id or self.tr("no embedder"))
        if status.complete:
            self._index_timer.stop()
            self.index_bar.hide()
            self.index_label.setText(
                self.tr(
                    "All %n passage(s) of the notes are embedded with {model}.", "", status.total
                ).format(model=model)
            )
            return
        self.index_bar.setRange(0, max(status.total, 1))
        self.index_bar.setValue(status.current)
        self.index_bar.show()
        self.index_label.setText(
            self.tr("Re-embedding the notes with {model}: {current} of {total}.").format(
                model=model, current=status.current, total=status.total
            )
        )
        if not self._index_timer.isActive() and self.isVisible():
            self._index_timer.start()

    def _on_assistant(self, status: AssistantStatus) -> None:
        self.assistant = status
        if status.available and status.generator and status.embedder:
            self.assistant_label.setText(
                self.tr(
                    "The assistant answers with {generator} and searches with {embedder}."
                ).format(generator=isolate(status.generator), embedder=isolate(status.embedder))
            )
        else:
            # Why it cannot run comes from core, in English: translated as core's words are.
            self.assistant_label.setText(core_words(status.reason))

    def _on_progress(self, fraction: float, _message: str) -> None:
        if self._busy:
            self.progress.setValue(round(min(max(fraction, 0.0), 1.0) * PROGRESS_STEPS))

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, Cancelled):
            self._show_result(self.tr("Stopped; nothing was changed."))
            return
        if isinstance(exc, Locked) or not self.isVisible():
            self.failed.emit(exc)
            return
        self.banner.show_error(describe(exc))

    def _on_notes_error(self, exc: BaseException) -> None:
        self._index_timer.stop()
        if isinstance(exc, Locked):
            self.hide()
            self.failed.emit(exc)
        # Otherwise (no embedder, say) the index line stays empty: the list still helps.

    # -- helpers ----------------------------------------------------------------------------

    def _selected(self) -> ModelInfo | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        i = self.tree.indexOfTopLevelItem(item)
        return self.infos[i] if 0 <= i < len(self.infos) else None

    def _update_buttons(self) -> None:
        info = self._selected()
        self.use_button.setEnabled(
            not self._busy
            and info is not None
            and not info.active
            and info.present
            and not self._fixed_by_policy(info)
        )
        self.verify_button.setEnabled(not self._busy and bool(self.infos))

    def _fixed_by_policy(self, info: ModelInfo) -> bool:
        return info.kind == "generator" and self.generator_locked

    def _set_busy(self, busy: bool, step: str = "") -> None:
        self._busy = busy
        for widget in self._inputs:
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.step.setVisible(busy)
        if busy:
            self.progress.setValue(0)
            self.step.setText(step)
        else:
            self._cancel = None
        self._update_buttons()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a model file"),
            self.add_path.text(),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        if chosen:
            self.add_path.setText(chosen)

    def _clear_messages(self) -> None:
        self.banner.clear()
        self.result.hide()

    def _show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()

    def _local_error(self, message: str, remediation: str = "") -> None:
        self.banner.show_error(ErrorText(message, remediation))


class ModelsActions(ToolDialogAction[ModelsDialog]):
    """The "Models…" action (Tools menu) and its dialog."""

    models_changed = Signal(str)

    def __init__(
        self, models: ModelsPart, api: ChartsideApi, runner: TaskRunner, window: QMainWindow
    ) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            window,
            translate("ModelsActions", "&Models…"),
            "modelsAction",
            translate("ModelsActions", "The local models: check, switch or add one"),
        )
        self._models = models
        self._api = api
        self._runner = runner

    def _build(self) -> ModelsDialog:
        dialog = ModelsDialog(self._models, self._api, self._runner, self._window)
        dialog.models_changed.connect(self.models_changed)
        return dialog

    def _refresh(self, dialog: ModelsDialog) -> None:
        if not dialog.busy:  # a verify in progress keeps its results; it refreshes when done
            dialog.refresh()

    def session_ended(self) -> None:
        if self.dialog is not None:
            self.dialog.cancel()
        super().session_ended()

    def shutdown(self) -> None:
        if self.dialog is not None:
            with contextlib.suppress(RuntimeError):  # the dialog is already gone
                self.dialog.shutdown()
