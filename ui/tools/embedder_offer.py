"""The offer of the multilingual embedder: after an unlock, when the workspace's
notes are mostly Hebrew and it is searched with another embedder, one window-modal dialog
says why and switches in one click. "Not now" is remembered on this computer. A workspace
created while the window is in Hebrew needs no offer: it starts with that embedder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QWidget,
)

from core.api import ChartsideApi
from core.retrieval.types import EmbedderAdvice
from ui.kit.bidi import ltr
from ui.kit.offer_dialog import OfferDialog
from ui.kit.tasks import TaskRunner


class EmbedderOfferDialog(OfferDialog):
    """The reason, "Use it" and "Not now". Emits `switched(model_id)` once the workspace
    uses the advised embedder."""

    switched = Signal(str)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        advice: EmbedderAdvice,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(runner, parent)
        self._api = api
        self.advice = advice
        self.setObjectName("embedderOfferDialog")
        self.setWindowTitle(self.tr("Search Hebrew notes better?"))
        self.reason = QLabel(self.reason_text(advice), self)
        self.reason.setObjectName("embedderOfferReason")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self._build(
            "embedderOffer",
            self.reason,
            working=self.tr("Switching the embedding model"),
            use_text=self.tr("&Use {model}").format(model=ltr(advice.suggested_name)),
            skip_text=self.tr("&Not now"),
        )
        self.use_button.setDefault(True)

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

    def _call(self) -> tuple[Callable[[], Any], Callable[[Any], None]]:
        return self._api.search.take_advice, self.switched.emit

    def _skip(self) -> None:
        if self._busy:
            return
        # Remembered on this computer; a failure to remember is no reason to keep asking now.
        self._runner.submit(self._api.search.decline_advice, on_error=lambda _exc: None)
        self.reject()


class EmbedderOffer(QObject):
    """Asks the service after each unlock whether to offer the embedder, and offers it."""

    def __init__(self, api: ChartsideApi, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._api = api
        self._runner = runner
        self._window = window
        self.dialog: EmbedderOfferDialog | None = None

    def session_started(self) -> None:
        # Advice reads a sample of the notes: off the GUI thread, and never an error shown
        # for it (the models screen offers the same choice).
        self._runner.submit(
            self._api.search.embedder_advice, on_success=self.offer, on_error=_ignore
        )

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
