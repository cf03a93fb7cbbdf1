"""The practitioners screen (Tools → Practitioners…): who may unlock this workspace, adding
and removing them, changing my own passphrase, and replacing the recovery key.

Every call goes through the task runner: adding a practitioner and changing a passphrase
derive keys with Argon2id, which takes seconds. Passphrases leave their fields as soon as
the call has them. Removing asks for the username typed back; the signed-in practitioner
cannot be removed (the service refuses it too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.errors import Locked
from ui.access.recovery import RecoveryKeyDialog
from ui.kit.bidi import isolate
from ui.kit.errors import ErrorBanner, ErrorText, describe
from ui.kit.tasks import TaskRunner
from ui.tools.tool_dialog import ToolDialogAction

USERNAME_ROLE = Qt.ItemDataRole.UserRole


def _password_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PractitionersDialog(QDialog):
    """Emits `failed(exc)` for errors that belong to the controller (`Locked`, or any that
    arrives while hidden); the rest show in the dialog's banner."""

    failed = Signal(object)
    done_work = Signal()  # after each call's result is shown (tests wait on `busy` instead)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("practitionersDialog")
        self.setWindowTitle(self.tr("Practitioners"))
        self.setMinimumWidth(520)
        self._api = api
        self._runner = runner
        self._busy = 0
        self._me = ""
        self._inputs: list[QWidget] = []
        self.recovery_dialog: RecoveryKeyDialog | None = None

        intro = QLabel(
            self.tr(
                "Each practitioner unlocks this workspace with their own passphrase and sees "
                "the same clients and notes. The recovery key is the workspace's: it opens "
                "it for anyone who has it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.banner = ErrorBanner(self)
        self.result = QLabel(self)
        self.result.setObjectName("practitionersResult")
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.setWordWrap(True)
        self.result.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.banner)
        layout.addWidget(self.result)
        layout.addWidget(self._list_box())
        layout.addWidget(self._add_box())
        layout.addWidget(self._passphrase_box())
        layout.addWidget(self._recovery_box())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout.addWidget(buttons)

    # -- layout -----------------------------------------------------------------------------

    def _list_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who can unlock"), self)
        self.list = QListWidget(box)
        self.list.setObjectName("practitionerList")
        self.list.setAccessibleName(self.tr("Practitioners"))
        self.list.currentItemChanged.connect(lambda *_: self._update_remove())
        self.remove_button = QPushButton(self.tr("&Remove…"), box)
        self.remove_button.setObjectName("removePractitioner")
        self.remove_button.clicked.connect(self._ask_remove)
        self.self_note = QLabel(box)
        self.self_note.setObjectName("removeSelfNote")
        self.self_note.setWordWrap(True)
        self.self_note.hide()
        # The typed confirmation, shown after "Remove…".
        self.confirm_row = QWidget(box)
        self.confirm_label = QLabel(self.confirm_row)
        self.confirm_label.setWordWrap(True)
        self.remove_confirm = QLineEdit(self.confirm_row)
        self.remove_confirm.setObjectName("removeConfirm")
        self.remove_confirm.setAccessibleName(self.tr("The username, typed to confirm removal"))
        self.remove_confirm.textChanged.connect(lambda _t: self._update_confirm())
        self.confirm_remove = QPushButton(self.tr("Remove &for good"), self.confirm_row)
        self.confirm_remove.setObjectName("confirmRemove")
        self.confirm_remove.clicked.connect(self._remove)
        self.cancel_remove = QPushButton(self.tr("&Keep"), self.confirm_row)
        self.cancel_remove.setObjectName("cancelRemove")
        self.cancel_remove.clicked.connect(self._hide_confirm)
        row = QHBoxLayout(self.confirm_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.confirm_label, 1)
        row.addWidget(self.remove_confirm, 1)
        row.addWidget(self.confirm_remove)
        row.addWidget(self.cancel_remove)
        self.confirm_row.hide()
        side = QVBoxLayout()
        side.addWidget(self.remove_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.list, 1)
        top.addLayout(side)
        outer = QVBoxLayout(box)
        outer.addLayout(top)
        outer.addWidget(self.self_note)
        outer.addWidget(self.confirm_row)
        self._inputs += [self.list, self.remove_confirm]
        return box

    def _add_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Add a practitioner"), self)
        self.new_username = QLineEdit(box)
        self.new_username.setObjectName("newUsername")
        self.new_display_name = QLineEdit(box)
        self.new_display_name.setObjectName("newDisplayName")
        self.new_passphrase = _password_field(box, "newPassphrase")
        self.new_confirm = _password_field(box, "newPassphraseConfirm")
        self.add_button = QPushButton(self.tr("&Add practitioner"), box)
        self.add_button.setObjectName("addPractitioner")
        self.add_button.clicked.connect(self._add)
        form = QFormLayout(box)
        form.addRow(self.tr("&Username:"), self.new_username)
        form.addRow(self.tr("&Display name:"), self.new_display_name)
        form.addRow(self.tr("Their &passphrase:"), self.new_passphrase)
        form.addRow(self.tr("Passphrase a&gain:"), self.new_confirm)
        form.addRow("", self.add_button)
        self._inputs += [
            self.new_username,
            self.new_display_name,
            self.new_passphrase,
            self.new_confirm,
            self.add_button,
        ]
        return box

    def _passphrase_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your passphrase"), self)
        self.current_passphrase = _password_field(box, "currentPassphrase")
        self.changed_passphrase = _password_field(box, "changedPassphrase")
        self.changed_confirm = _password_field(box, "changedPassphraseConfirm")
        self.change_button = QPushButton(self.tr("C&hange passphrase"), box)
        self.change_button.setObjectName("changePassphrase")
        self.change_button.clicked.connect(self._change)
        form = QFormLayout(box)
        form.addRow(self.tr("&Current passphrase:"), self.current_passphrase)
        form.addRow(self.tr("&New passphrase:"), self.changed_passphrase)
        form.addRow(self.tr("Ne&w passphrase again:"), self.changed_confirm)
        form.addRow("", self.change_button)
        self._inputs += [
            self.current_passphrase,
            self.changed_passphrase,
            self.changed_confirm,
            self.change_button,
        ]
        return box

    def _recovery_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recovery key"), self)
        explain = QLabel(
            self.tr(
                "A new recovery key replaces the old one, which stops working at once. "
                "It is shown only once: write it down."
            ),
            box,
        )
        explain.setWordWrap(True)
        self.recovery_button = QPushButton(self.tr("Make a new recovery ke&y"), box)
        self.recovery_button.setObjectName("newRecoveryKey")
        self.recovery_button.clicked.connect(self._new_recovery_key)
        layout = QVBoxLayout(box)
        layout.addWidget(explain)
        layout.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeading)
        self._inputs.append(self.recovery_button)
        return box

    # -- state for the owner and tests ------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy > 0

    @property
    def result_text(self) -> str:
        return self.result.text() if not self.result.isHidden() else ""

    def usernames(self) -> list[str]:
        return [str(self.list.item(i).data(USERNAME_ROLE)) for i in range(self.list.count())]

    def select(self, username: str) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(USERNAME_ROLE) == username:
                self.list.setCurrentRow(i)
                return
        raise KeyError(username)

    def refresh(self) -> None:
        self._submit(self._api.keys.practitioners, self._on_list)

    def forget_secrets(self) -> None:
        for field in (
            self.new_passphrase,
            self.new_confirm,
            self.current_passphrase,
            self.changed_passphrase,
            self.changed_confirm,
        ):
            field.clear()

    def reject(self) -> None:
        if not self.busy:
            self.forget_secrets()
            self._hide_confirm()
            super().reject()

    # -- the work ---------------------------------------------------------------------------

    def _submit(self, fn: Callable[[], Any], on_success: Callable[[Any], None]) -> None:
        self._set_busy(+1)

        def succeeded(result: Any) -> None:
            self._set_busy(-1)
            on_success(result)
            self.done_work.emit()

        self._runner.submit(fn, on_success=succeeded, on_error=self._on_error)

    def _on_list(self, names: list[str]) -> None:
        self._me = self._api.actor
        selected = self.list.currentItem()
        keep = selected.data(USERNAME_ROLE) if selected is not None else None
        self.list.clear()
        for name in names:
            text = self.tr("{name} (you)").format(name=isolate(name)) if name == self._me else name
            item = QListWidgetItem(text)
            item.setData(USERNAME_ROLE, name)
            self.list.addItem(item)
            if name == keep:
                self.list.setCurrentItem(item)
        self._update_remove()

    def _add(self) -> None:
        self._start()
        username = self.new_username.text().strip()
        display = self.new_display_name.text().strip() or username
        passphrase = self.new_passphrase.text()
        if not username:
            self._local_error(self.tr("Enter a username for the new practitioner."))
            self.new_username.setFocus()
            return
        if not self._same(passphrase, self.new_confirm.text(), self.new_passphrase):
            return
        self.new_passphrase.clear()
        self.new_confirm.clear()

        def added(_pid: object) -> None:
            self.new_username.clear()
            self.new_display_name.clear()
            self._show_result(
                self.tr(
                    "{name} can now unlock Chartside with their own passphrase. The "
                    "recovery key is unchanged."
                ).format(name=isolate(username))
            )
            self.refresh()

        self._submit(lambda: self._api.keys.add_practitioner(username, display, passphrase), added)

    def _ask_remove(self) -> None:
        name = self._selected()
        if name is None or name == self._me:
            return
        self._start()
        self.confirm_label.setText(
            self.tr("Type {name} to remove them:").format(name=isolate(name))
        )
        self.remove_confirm.clear()
        self.confirm_row.show()
        self._update_confirm()
        self.remove_confirm.setFocus()

    def _remove(self) -> None:
        name = self._selected()
        if name is None or self.remove_confirm.text().strip() != name:
            return
        self._start()
        self._hide_confirm()

        def removed(_none: object) -> None:
            self._show_result(
                self.tr("{name} can no longer unlock Chartside.").format(name=isolate(name))
            )
            self.refresh()

        self._submit(lambda: self._api.keys.remove_practitioner(name), removed)

    def _change(self) -> None:
        self._start()
        current = self.current_passphrase.text()
        new = self.changed_passphrase.text()
        if not current:
            self._local_error(self.tr("Enter your current passphrase."))
            self.current_passphrase.setFocus()
            return
        if not self._same(new, self.changed_confirm.text(), self.changed_passphrase):
            return
        self.forget_secrets()
        me = self._me or None

        def changed(_none: object) -> None:
            self._show_result(self.tr("Your passphrase was changed. Use the new one from now on."))

        self._submit(
            lambda: self._api.keys.change_passphrase(new, current=current, username=me), changed
        )

    def _new_recovery_key(self) -> None:
        self._start()
        self._submit(self._api.keys.new_recovery_key, self._show_recovery_key)

    def _show_recovery_key(self, key: str) -> None:
        self._show_result(self.tr("A new recovery key was made; the old one no longer works."))
        self.recovery_dialog = RecoveryKeyDialog(key, self)
        self.recovery_dialog.open()  # window-modal; never blocks the event loop

    # -- helpers ----------------------------------------------------------------------------

    def _start(self) -> None:
        self.banner.clear()
        self.result.hide()

    def _same(self, first: str, second: str, field: QLineEdit) -> bool:
        if not first:
            self._local_error(self.tr("Enter the new passphrase twice."))
            field.setFocus()
            return False
        if first != second:
            self._local_error(
                self.tr("The two passphrases are not the same."),
                self.tr("Type the new passphrase again in both fields."),
            )
            field.setFocus()
            return False
        return True

    def _selected(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(USERNAME_ROLE))

    def _update_remove(self) -> None:
        name = self._selected()
        is_me = name is not None and name == self._me
        self.remove_button.setEnabled(name is not None and not is_me and not self.busy)
        self.self_note.setVisible(is_me)
        if is_me:
            self.self_note.setText(
                self.tr(
                    "You are signed in as {name}, so you cannot remove yourself. Another "
                    "practitioner can; a workspace always keeps at least one."
                ).format(name=isolate(self._me))
            )
        if name is None or is_me:
            self._hide_confirm()

    def _update_confirm(self) -> None:
        name = self._selected()
        self.confirm_remove.setEnabled(
            name is not None and self.remove_confirm.text().strip() == name and not self.busy
        )

    def _hide_confirm(self) -> None:
        self.remove_confirm.clear()
        self.confirm_row.hide()

    def _set_busy(self, delta: int) -> None:
        self._busy += delta
        for widget in self._inputs:
            widget.setEnabled(not self.busy)
        self._update_remove()
        self._update_confirm()

    def _show_result(self, text: str) -> None:
        self.result.setText(text)
        self.result.show()

    def _local_error(self, message: str, remediation: str = "") -> None:
        self.banner.show_error(ErrorText(message, remediation))

    def _on_error(self, exc: BaseException) -> None:
        self._set_busy(-1)
        self.done_work.emit()
        if isinstance(exc, Locked) or not self.isVisible():
            self.hide()
            self.failed.emit(exc)
            return
        self.banner.show_error(describe(exc))


class PractitionersActions(ToolDialogAction[PractitionersDialog]):
    """The "Practitioners…" action (Tools menu) and its dialog."""

    def __init__(self, api: ChartsideApi, runner: TaskRunner, window: QMainWindow) -> None:
        translate = QCoreApplication.translate
        super().__init__(
            window,
            translate("PractitionersActions", "&Practitioners…"),
            "practitionersAction",
            translate(
                "PractitionersActions", "Add or remove practitioners, change your passphrase"
            ),
        )
        self._api = api
        self._runner = runner

    def _build(self) -> PractitionersDialog:
        return PractitionersDialog(self._api, self._runner, self._window)

    def session_ended(self) -> None:
        """On lock: nothing typed here outlives the session."""
        if self.dialog is not None:
            self.dialog.forget_secrets()
        super().session_ended()
