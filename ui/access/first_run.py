"""First run, after the passphrase: the recovery key (typed back in part), then the offer to
let the OS keyring unlock. Both open window-modal and never block the event loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QWidget,
)

from core.api import ChartsideApi
from ui.access.recovery import RecoveryKeyDialog
from ui.kit.bidi import ltr
from ui.kit.offer_dialog import OfferDialog
from ui.kit.tasks import TaskRunner


class KeyringOfferDialog(OfferDialog):
    """Offers the OS keyring as a second way to unlock; "Not now" leaves it off.
    Emits `enabled(backend)` once the keyring holds the key."""

    enabled = Signal(str)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(runner, parent)
        self._api = api
        self.setObjectName("keyringOfferDialog")
        self.setWindowTitle(self.tr("Unlock with the OS keyring?"))
        explain = QLabel(
            self.tr(
                "Chartside can keep a key in this computer account's keyring, so that it "
                "unlocks without the passphrase. Anyone who can sign in to this computer "
                "account could then open the notes: use it only on an account that is yours "
                "alone. The passphrase and the recovery key keep working, and you can "
                "choose this later with {command}."
            ).format(command=ltr("chartside keys keyring-enable")),
            self,
        )
        explain.setWordWrap(True)
        self._build(
            "keyring",
            explain,
            working=self.tr("Setting up the keyring"),
            use_text=self.tr("&Use the keyring"),
            skip_text=self.tr("&Not now"),
        )
        self.error.setObjectName("keyringOfferError")
        self.skip_button.setDefault(True)  # the safer choice is the one Enter takes

    def _call(self) -> tuple[Callable[[], Any], Callable[[Any], None]]:
        return self._api.keys.enable_keyring, self.enabled.emit


class FirstRun(QObject):
    """Recovery key, then (where the policy allows the keyring) the keyring offer. Emits
    `finished` when the user is through both."""

    finished = Signal()

    def __init__(self, api: ChartsideApi, runner: TaskRunner, window: QMainWindow) -> None:
        super().__init__(window)
        self._api = api
        self._runner = runner
        self._window = window
        self.recovery_dialog: RecoveryKeyDialog | None = None
        self.keyring_dialog: KeyringOfferDialog | None = None

    def start(self, recovery_key: str) -> None:
        self.recovery_dialog = RecoveryKeyDialog(recovery_key, self._window)
        self.recovery_dialog.accepted.connect(self._offer_keyring)
        self.recovery_dialog.open()

    def _offer_keyring(self) -> None:
        if not self._api.settings.security.keyring_allowed:
            self.finished.emit()  # a clinic's policy said no: nothing to offer
            return
        self.keyring_dialog = KeyringOfferDialog(self._api, self._runner, self._window)
        self.keyring_dialog.enabled.connect(self._on_keyring_enabled)
        self.keyring_dialog.finished.connect(lambda _result: self.finished.emit())
        self.keyring_dialog.open()

    def _on_keyring_enabled(self, backend: str) -> None:
        self._window.statusBar().showMessage(
            self.tr("The OS keyring ({backend}) can now unlock Chartside.").format(
                backend=ltr(backend)
            )
        )

    def session_ended(self) -> None:
        """A lock hides what is left of the steps; the key is not shown again."""
        for dialog in (self.recovery_dialog, self.keyring_dialog):
            if dialog is not None and dialog.isVisible() and not getattr(dialog, "busy", False):
                dialog.hide()
