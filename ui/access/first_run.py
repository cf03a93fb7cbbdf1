"""First run, after the passphrase: the recovery key (typed back in part), then the offer to
let the OS keyring unlock. Both open window-modal and never block the event loop."""

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
from ui.access.recovery import RecoveryKeyDialog
from ui.kit.bidi import ltr
from ui.kit.contrast import ALERT_TEXT
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner


class KeyringOfferDialog(QDialog):
    """Offers the OS keyring as a second way to unlock; "Not now" leaves it off.
    Emits `enabled(backend)` once the keyring holds the key."""

    enabled = Signal(str)

    def __init__(self, api: NotesApi, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._busy = False
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
        self.error = QLabel(self)
        self.error.setObjectName("keyringOfferError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT_TEXT};")
        self.error.hide()
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)
        self._progress.setTextVisible(False)
        self._progress.setAccessibleName(self.tr("Setting up the keyring"))
        self._progress.hide()
        self.use_button = QPushButton(self.tr("&Use the keyring"), self)
        self.use_button.setObjectName("keyringUse")
        self.use_button.clicked.connect(self._use)
        self.skip_button = QPushButton(self.tr("&Not now"), self)
        self.skip_button.setObjectName("keyringSkip")
        self.skip_button.setDefault(True)  # the safer choice is the one Enter takes
        self.skip_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self._progress, 1)
        buttons.addStretch()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def reject(self) -> None:
        if not self._busy:  # the key is being stored: let it finish
            super().reject()

    def _use(self) -> None:
        if self._busy:
            return
        self.error.hide()
        self._set_busy(True)
        self._runner.submit(
            self._api.enable_keyring, on_success=self._on_enabled, on_error=self._on_failed
        )

    def _on_enabled(self, backend: str) -> None:
        self._set_busy(False)
        self.enabled.emit(backend)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(describe(exc).as_text())
        self.error.show()
        self.skip_button.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        self.use_button.setEnabled(not busy)
        self.skip_button.setEnabled(not busy)


class FirstRun(QObject):
    """Recovery key, then (where the policy allows the keyring) the keyring offer. Emits
    `finished` when the user is through both."""

    finished = Signal()

    def __init__(self, api: NotesApi, runner: TaskRunner, window: QMainWindow) -> None:
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
