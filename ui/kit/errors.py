"""How errors look to a user: one formatter and one banner, used by every window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from core.errors import Cancelled, ChartsideError, ValidationError
from ui.kit.contrast import ERROR_BACKGROUND, ERROR_BORDER, ERROR_TEXT
from ui.kit.core_text import core_words


@dataclass(frozen=True)
class ErrorText:
    message: str
    remediation: str
    field: str | None = None

    def as_text(self) -> str:
        return f"{self.message}\n{self.remediation}" if self.remediation else self.message


def field_label(field: str) -> str:
    """The on-screen label of a domain field, so an error points at what the user sees."""
    # Each call is a literal so pyside6-lupdate can extract it.
    labels = {
        "full_name": QCoreApplication.translate("Fields", "Full name"),
        "date_of_birth": QCoreApplication.translate("Fields", "Date of birth"),
        "medical_history": QCoreApplication.translate("Fields", "Medical history"),
        "notes": QCoreApplication.translate("Fields", "Notes"),
        "date": QCoreApplication.translate("Fields", "Session date"),
        "subjective": QCoreApplication.translate("Fields", "Subjective"),
        "objective": QCoreApplication.translate("Fields", "Objective"),
        "assessment": QCoreApplication.translate("Fields", "Assessment"),
        "plan": QCoreApplication.translate("Fields", "Plan"),
        "passphrase": QCoreApplication.translate("Fields", "Passphrase"),
        "username": QCoreApplication.translate("Fields", "Username"),
    }
    return labels.get(field, field)


def describe(exc: BaseException) -> ErrorText:
    if isinstance(exc, ValidationError):
        # The on-screen label replaces the internal field name.
        message = QCoreApplication.translate("Errors", "{field}: {reason}").format(
            field=field_label(exc.field), reason=core_words(exc.detail)
        )
        return ErrorText(message, _remediation(exc), exc.field)
    if isinstance(exc, Cancelled):
        return ErrorText(QCoreApplication.translate("Errors", "Cancelled."), "")
    if isinstance(exc, ChartsideError):
        return ErrorText(core_words(exc.msg or exc.message), _remediation(exc))
    # A bug or an unwrapped library error. Its text may quote data, so show only the type.
    return ErrorText(
        QCoreApplication.translate("Errors", "Something went wrong ({kind}).").format(
            kind=type(exc).__name__
        ),
        QCoreApplication.translate(
            "Errors", "Try again. If it keeps happening, run “chartside doctor”."
        ),
    )


def _remediation(exc: ChartsideError) -> str:
    return core_words(exc.remedy or exc.remediation)


class ErrorBanner(QFrame):
    """A dismissable strip at the top of a window; stays until dismissed or replaced, so an
    error is not missed the way a status-bar message that times out can be."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"#errorBanner {{ background: {ERROR_BACKGROUND}; border: 1px solid {ERROR_BORDER}; }}"
            f"#errorBanner QLabel {{ color: {ERROR_TEXT}; }}"
        )
        self._label = QLabel(self)
        self._label.setObjectName("errorText")
        # Plain text: a message must never be interpreted as markup.
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._label.setWordWrap(True)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("×")
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss error"))
        close.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.addWidget(self._label, 1)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    @property
    def text(self) -> str:
        return self._label.text()

    def show_error(self, error: ErrorText) -> None:
        self._label.setText(error.as_text())
        self.show()

    def clear(self) -> None:
        self._label.clear()
        self.hide()
        self.dismissed.emit()
