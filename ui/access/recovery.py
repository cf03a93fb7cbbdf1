"""Shows the recovery key exactly once, and goes on only when the user has typed one of its
groups back: proof it was written down, not just scrolled past."""

from __future__ import annotations

import secrets

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

GROUP_SEPARATOR = "-"


def key_groups(recovery_key: str) -> list[str]:
    return [group for group in recovery_key.split(GROUP_SEPARATOR) if group]


def _normalised(text: str) -> str:
    # Typed back from paper: case, spaces and dashes do not matter (nor do they to unlock).
    return "".join(ch for ch in text.upper() if ch.isalnum())


class RecoveryKeyDialog(QDialog):
    """`group` (0-based) is the group asked for; random unless a test fixes it."""

    def __init__(
        self, recovery_key: str, parent: QWidget | None = None, *, group: int | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("Your recovery key"))
        groups = key_groups(recovery_key) or [recovery_key]
        self.group = secrets.randbelow(len(groups)) if group is None else group
        self._expected = _normalised(groups[self.group])
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
        # All of it in view: a key scrolled half out of its field gets copied half.
        width = self.key_field.fontMetrics().horizontalAdvance(recovery_key)
        self.key_field.setMinimumWidth(width + 4 * self.key_field.fontMetrics().averageCharWidth())
        ask = QLabel(
            self.tr(
                "To check that you have it, type group {n} of {total} of the key, "
                "counting from the left, from what you wrote down:"
            ).format(n=self.group + 1, total=len(groups)),
            self,
        )
        ask.setObjectName("recoveryKeyAsk")
        ask.setWordWrap(True)
        self.check_field = QLineEdit(self)
        self.check_field.setObjectName("recoveryKeyCheck")
        self.check_field.setFont(QFont("monospace"))
        self.check_field.setAccessibleName(
            self.tr("Group {n} of the recovery key").format(n=self.group + 1)
        )
        form = QFormLayout()
        form.addRow(self.tr("&Group {n}:").format(n=self.group + 1), self.check_field)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("recoveryKeyOk")
        self.ok_button.setText(self.tr("&Continue"))
        self.ok_button.setEnabled(False)
        self.check_field.textChanged.connect(self._check)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.key_field)
        layout.addWidget(ask)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.check_field.setFocus()

    @property
    def confirmed(self) -> bool:
        return _normalised(self.check_field.text()) == self._expected

    def _check(self) -> None:
        self.ok_button.setEnabled(self.confirmed)

    def accept(self) -> None:
        if self.confirmed:  # Enter in the field reaches here too
            super().accept()

    def reject(self) -> None:
        # Escape must not skip the check: the key is never shown again.
        if self.confirmed:
            super().reject()

    def done(self, result: int) -> None:
        # Nothing of the key stays in a widget once the dialog is gone.
        self.key_field.clear()
        self.check_field.clear()
        super().done(result)
