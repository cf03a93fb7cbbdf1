"""The offer of the multilingual embedder (issue 28): after an unlock, when the workspace's
notes are mostly Hebrew and it is searched with another embedder, one window-modal dialog
says why and switches in one click. "Not now" is remembered on this computer. A workspace
created while the window is in Hebrew needs no offer: it starts with that embedder."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import NotesApi
from core.retrieval.types import EmbedderAdvice
from ui.kit.bidi import ltr
from ui.kit.contrast import ALERT_TEXT
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner


class EmbedderOfferDialog(QDialog):
    """The reason, "Use it" and "Not now". Emits `switched(model_id)` once the workspace
    uses the advised embedder."""

    switched = Signal(str)

    def __init__(
        self,
        api: NotesApi,
        runner: TaskRunner,
        advice: EmbedderAdvice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._busy = False
        self.advice = advice
        self.setObjectName("embedderOfferDialog")
        self.setWindowTitle(self.tr("Search Hebrew notes better?"))
        suggested = ltr(advice.suggested_name)
        self.reason = QLabel(self.reason_text(advice), self)
        self.reason.setObjectName("embedderOfferReason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("embedderOfferError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT_TEXT};")
        self.error.hide()
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)
        self._progress.setTextVisible(False)
        self._progress.setAccessibleName(self.tr("Switching the embedding model"))
        self._progress.hide()
        self.use_button = QPushButton(self.tr("&Use {model}").format(model=suggested), self)
        self.use_button.setObjectName("embedderOfferUse")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self._use)
        self.skip_button = QPushButton(self.tr("&Not now"), self)
        self.skip_button.setObjectName("embedderOfferSkip")
        self.skip_button.clicked.connect(self._skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self._progress, 1)
        buttons.addStretch()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def reason_text(self, advice: EmbedderAdvice) -> str:
        share = ltr(f"{round(advice.hebrew_share * 100)}%")
        suggested = ltr(advice.suggested_name)
        if advice.current_name is None:
            better = self.tr(
                "{share} of this workspace's notes are in Hebrew, and they are searched by "
                "their words alone. {suggested}, made for Hebrew as well as English, also "
                "finds notes by their meaning."
            ).format(share=share, suggested=suggested)
        else:
            better = self.tr(
                "{share} of this workspace's notes are in Hebrew. {suggested}, made for "
                "Hebrew as well as English, finds them better than {current}."
            ).format(share=share, suggested=suggested, current=ltr(advice.current_name))
        how = self.tr(
            "Switching re-embeds the notes in the background, on every computer of this "
            "workspace; search keeps working meanwhile. The models screen can switch back."
        )
        return f"{better}\n\n{how}"

    @property
    def busy(self) -> bool:
        return self._busy

    def reject(self) -> None:
        if not self._busy:  # the switch is being recorded: let it finish
            super().reject()

    def _use(self) -> None:
        if self._busy:
            return
        self.error.hide()
        self._set_busy(True)
        self._runner.submit(
            self._api.use_advised_embedder, on_success=self._on_switched, on_error=self._failed
        )

    def _skip(self) -> None:
        if self._busy:
            return
        # Remembered on this computer; a failure to remember is no reason to keep asking now.
        self._runner.submit(self._api.decline_embedder_advice, on_error=lambda _exc: None)
        self.reject()

    def _on_switched(self, model_id: str) -> None:
        self._set_busy(False)
        self.switched.emit(model_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(describe(exc).as_text())
        self.error.show()
        self.skip_button.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        self.use_button.setEnabled(not busy)
        self.skip_button.setEnabled(not busy)


class EmbedderOffer(QObject):
    """Asks the service after each unlock whether to offer the embedder, and offers it."""

    def __init__(self, api: NotesApi, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._api = api
        self._runner = runner
        self._window = window
        self.dialog: EmbedderOfferDialog | None = None

    def session_started(self) -> None:
        # Advice reads a sample of the notes: off the GUI thread, and never an error shown
        # for it (the models screen offers the same choice).
        self._runner.submit(self._api.embedder_advice, on_success=self.offer, on_error=_ignore)

    def offer(self, advice: EmbedderAdvice | None) -> None:
        if advice is None or (self.dialog is not None and self.dialog.isVisible()):
            return
        self.dialog = EmbedderOfferDialog(self._api, self._runner, advice, self._window)
        self.dialog.switched.connect(self._on_switched)
        self.dialog.open()

    def _on_switched(self, model_id: str) -> None:
        name = model_id.split("@", 1)[0]
        self._window.statusBar().showMessage(
            self.tr("Searching with {model}; the notes are re-embedded in the background.").format(
                model=ltr(name)
            )
        )

    def session_ended(self) -> None:
        """A lock closes the offer; the next unlock asks again."""
        if self.dialog is not None and self.dialog.isVisible() and not self.dialog.busy:
            self.dialog.hide()


def _ignore(_exc: BaseException) -> None:
    pass
