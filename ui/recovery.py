"""Shows the recovery key exactly once, right after set-up."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Your recovery key"))
        explain = QLabel(
            self.tr(
                "This key opens your notes if you forget the passphrase. It is shown only now. "
                "Write it down and keep it somewhere safe, away from this computer."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.key_field = QLineEdit(recovery_key, self)
        self.key_field.setObjectName("recoveryKey")
        self.key_field.setAccessibleName(self.tr("Recovery key"))
        self.key_field.setReadOnly(True)
        self.key_field.setFont(QFont("monospace"))
        self.confirm = QCheckBox(self.tr("I have written the recovery key down"), self)
        self.confirm.setObjectName("recoveryKeyConfirm")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.key_field)
        layout.addWidget(self.confirm)
        layout.addWidget(buttons)

    def done(self, result: int) -> None:
        # Nothing of the key stays in a widget once the dialog is gone.
        self.key_field.clear()
        super().done(result)
