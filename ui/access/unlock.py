"""The unlock screen, which doubles as "create a passphrase" on first run."""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import AlreadyInitialised, WrongPassphrase
from ui.kit.contrast import ALERT_TEXT
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner

MIN_PASSPHRASE_CHARS = 8


class Mode(enum.Enum):
    CHECKING = "checking"
    UNLOCK = "unlock"
    CREATE = "create"
    UNAVAILABLE = "unavailable"  # the probe failed; the button retries it


def _probe(api: ChartsideApi) -> tuple[bool, bool, bool]:
    """(initialised, already unlocked, the OS keyring can unlock). Runs on the worker: all
    three may touch the database."""
    initialised = api.is_initialised()
    return (
        initialised,
        initialised and bool(api.unlocked),
        initialised and api.keyring_ready(),
    )


class UnlockDialog(QDialog):
    """Asks for the passphrase and emits `unlocked` once the service accepted it.

    Shown with `show()`, not `exec()`: a nested event loop would block the runner's queued
    results and tests alike.
    """

    unlocked = Signal()
    recovery_key_created = Signal(str)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._api = api
        self._runner = runner
        self._mode = Mode.CHECKING
        self._busy = False
        self._keyring = False
        self.setObjectName("unlockDialog")
        self.setWindowTitle(self.tr("Chartside"))
        self.setMinimumWidth(420)

        self._intro = QLabel(self)
        self._intro.setObjectName("unlockIntro")
        self._intro.setWordWrap(True)
        self._username = QLineEdit(self)
        self._username.setObjectName("username")
        self._username.setPlaceholderText(
            self.tr("Only needed when several practitioners share this computer account")
        )
        self._passphrase = QLineEdit(self)
        self._passphrase.setObjectName("passphrase")
        self._passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._confirm = QLineEdit(self)
        self._confirm.setObjectName("confirmPassphrase")
        self._confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self._form = QFormLayout()
        self._form.addRow(self.tr("Use&rname:"), self._username)
        self._form.addRow(self.tr("&Passphrase:"), self._passphrase)
        self._form.addRow(self.tr("Con&firm passphrase:"), self._confirm)

        self._error = QLabel(self)
        self._error.setObjectName("unlockError")
        self._error.setTextFormat(Qt.TextFormat.PlainText)
        self._error.setWordWrap(True)
        self._error.setStyleSheet(f"color: {ALERT_TEXT};")
        self._error.hide()
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)  # indeterminate: key derivation reports no progress
        self._progress.setTextVisible(False)
        self._progress.hide()
        self._button = QPushButton(self)
        self._button.setObjectName("unlockButton")
        self._button.setDefault(True)  # Enter in either field submits
        self._button.clicked.connect(self._on_submit)
        # Never pressed for the user: after a lock the keyring would open the notes again
        # at once, and a lock must keep them shut until someone asks.
        self._keyring_button = QPushButton(self.tr("Unlock with the OS &keyring"), self)
        self._keyring_button.setObjectName("keyringButton")
        self._keyring_button.clicked.connect(self._on_keyring)
        self._keyring_button.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self._progress, 1)
        buttons.addWidget(self._keyring_button)
        buttons.addWidget(self._button)
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro)
        layout.addLayout(self._form)
        layout.addWidget(self._error)
        layout.addLayout(buttons)
        self._set_mode(Mode.CHECKING)

    # -- state visible to the controller and to tests ---------------------------------------

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def error_text(self) -> str:
        return self._error.text() if not self._error.isHidden() else ""

    def show_notice(self, text: str) -> None:
        """Show why the user is here (e.g. "Chartside is locked.") above the button."""
        self._show_error(text)

    def start(self) -> None:
        """Find out whether to unlock or to create; call once after `show()`."""
        self._set_mode(Mode.CHECKING)
        self._set_busy(True)
        self._runner.submit(
            _probe, self._api, on_success=self._on_probed, on_error=self._on_probe_failed
        )

    # -- events -----------------------------------------------------------------------------

    def reject(self) -> None:
        # Closing while initialise runs would quit halfway through creating the keys.
        if not self._busy:
            super().reject()

    def _on_submit(self) -> None:
        if self._busy or self._mode is Mode.CHECKING:
            return
        if self._mode is Mode.UNAVAILABLE:
            self.start()
            return
        passphrase = self._passphrase.text()
        if self._mode is Mode.UNLOCK:
            if not passphrase:
                self._show_error(self.tr("Enter your passphrase."))
                return
            username = self._username.text().strip() or None
            self._run(functools.partial(self._api.unlock, username=username), passphrase)
            return
        if len(passphrase) < MIN_PASSPHRASE_CHARS:
            self._show_error(
                self.tr("The passphrase must be at least {n} characters long.").format(
                    n=MIN_PASSPHRASE_CHARS
                )
            )
            self._passphrase.setFocus()
            return
        if passphrase != self._confirm.text():
            self._show_error(self.tr("The two passphrases do not match."))
            self._confirm.clear()
            self._confirm.setFocus()
            return
        self._run(self._api.initialise, passphrase)

    def _on_keyring(self) -> None:
        if self._busy or self._mode is not Mode.UNLOCK:
            return
        self._hide_error()
        self._set_busy(True)
        self._runner.submit(
            functools.partial(
                self._api.unlock_with_keyring, username=self._username.text().strip() or None
            ),
            on_success=self._on_unlocked,
            on_error=self._on_unlock_failed,
        )

    def _run(self, call: Callable[[str], object], passphrase: str) -> None:
        self._hide_error()
        self._set_busy(True)
        self._runner.submit(
            call,
            passphrase,
            on_success=self._on_unlocked,
            on_error=self._on_unlock_failed,
        )

    def _on_probed(self, result: tuple[bool, bool, bool]) -> None:
        initialised, already_unlocked, self._keyring = result
        self._set_busy(False)
        if already_unlocked:
            self._finish()
            return
        self._set_mode(Mode.UNLOCK if initialised else Mode.CREATE)

    def _on_probe_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._set_mode(Mode.UNAVAILABLE)
        self._show_error(describe(exc).as_text())

    def _on_unlocked(self, result: object) -> None:
        self._set_busy(False)
        if isinstance(result, str):  # initialise() hands back the new recovery key
            self.recovery_key_created.emit(result)
        self._finish()

    def _on_unlock_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, AlreadyInitialised):
            # Another process created the store meanwhile; the user now has to unlock it.
            self._set_mode(Mode.UNLOCK)
        self._show_error(describe(exc).as_text())
        if isinstance(exc, WrongPassphrase):
            self._passphrase.clear()
        self._passphrase.setFocus()

    def _finish(self) -> None:
        # Drop the passphrase from the widgets as soon as it has done its job.
        self._passphrase.clear()
        self._confirm.clear()
        self.unlocked.emit()
        self.accept()

    # -- presentation -----------------------------------------------------------------------

    def _set_mode(self, mode: Mode) -> None:
        self._mode = mode
        creating = mode is Mode.CREATE
        self._form.setRowVisible(self._confirm, creating)
        self._form.setRowVisible(self._username, mode is Mode.UNLOCK)
        self._form.setRowVisible(self._passphrase, mode in (Mode.UNLOCK, Mode.CREATE))
        if mode is Mode.CHECKING:
            self._intro.setText(self.tr("Opening the notes database…"))
        elif mode is Mode.UNLOCK:
            self.setWindowTitle(self.tr("Unlock Chartside"))
            self._intro.setText(self.tr("Enter your passphrase to open your notes."))
        elif mode is Mode.CREATE:
            self.setWindowTitle(self.tr("Create a passphrase"))
            self._intro.setText(
                self.tr(
                    "Choose a passphrase of at least {n} characters. It encrypts every note "
                    "Chartside stores. Next you will see a recovery key: keep it safe, it is "
                    "the only way in if the passphrase is forgotten."
                ).format(n=MIN_PASSPHRASE_CHARS)
            )
        else:
            self._intro.setText(self.tr("Chartside could not open the notes database."))
        self._update_button()
        if mode in (Mode.UNLOCK, Mode.CREATE):
            self._passphrase.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        self._passphrase.setEnabled(not busy)
        self._username.setEnabled(not busy)
        self._confirm.setEnabled(not busy)
        self._update_button()

    def _update_button(self) -> None:
        self._button.setEnabled(not self._busy and self._mode is not Mode.CHECKING)
        self._keyring_button.setVisible(self._keyring and self._mode is Mode.UNLOCK)
        self._keyring_button.setEnabled(not self._busy)
        if self._mode is Mode.CREATE:
            label = self.tr("Creating…") if self._busy else self.tr("&Create")
        elif self._mode is Mode.UNAVAILABLE:
            label = self.tr("&Try again")
        else:
            label = self.tr("Unlocking…") if self._busy else self.tr("&Unlock")
        self._button.setText(label)

    def _show_error(self, text: str) -> None:
        self._error.setText(text)
        self._error.show()

    def _hide_error(self) -> None:
        self._error.clear()
        self._error.hide()
