"""The sessions of the client on screen: the list (date and assessment line, marked when
unsaved), "New session", and the SOAP form, which appears only once a session is chosen
or started."""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.domain import SessionSummary
from ui.bidi import DATE_TIME, isolate, ltr_runs
from ui.editors import SessionEditor
from ui.lists import IdList


class SessionPane(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sessions"), parent)
        self.session_list = IdList("sessionList", self)
        self.session_list.setAccessibleName(self.tr("Sessions of this client"))
        # A row (date, then the assessment line) is wider than the list at 1366x768: it
        # wraps within the list's width rather than hiding its start or end off to a side.
        self.session_list.setWordWrap(True)
        self.session_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_session_button = QPushButton(self.tr("Ne&w session"), self)
        self.new_session_button.setObjectName("newSession")
        self.session_editor = SessionEditor(self)
        # Until a session is chosen or started there is no form: a blank one dated today
        # would look like a new session that nobody asked for.
        self.session_placeholder = QLabel(
            self.tr("Select a session from the list, or start one with New session."), self
        )
        self.session_placeholder.setObjectName("sessionPlaceholder")
        self.session_placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.session_placeholder.setWordWrap(True)
        self.session_stack = QStackedWidget(self)
        self.session_stack.addWidget(self.session_placeholder)
        self.session_stack.addWidget(self.session_editor)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(self.session_list, 1)
        left.addWidget(self.new_session_button)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addWidget(self.session_stack, 3)
        box = QVBoxLayout(self)
        box.addWidget(self.hint)
        box.addLayout(row, 1)

    @property
    def form_shown(self) -> bool:
        return self.session_stack.currentWidget() is self.session_editor

    def show_form(self, shown: bool) -> None:
        # Disabled while hidden, so that neither Ctrl+S nor the unsaved checks see it.
        self.session_editor.setEnabled(shown)
        self.session_stack.setCurrentWidget(
            self.session_editor if shown else self.session_placeholder
        )

    def show_sessions(self, sessions: list[SessionSummary], select: UUID | None) -> None:
        """Newest first; `select` (or the session in the form) stays selected."""
        rows = [
            (summary.id, session_row(summary.date, summary.headline), summary.headline)
            for summary in sorted(sessions, key=lambda s: s.date, reverse=True)
        ]
        self.session_list.set_rows(rows, select or self.session_editor.session_id)

    def spare_height(self) -> int:
        """Height the pane could lend (to search results) and still show its minimum."""
        return max(0, self.height() - self.minimumSizeHint().height())


def session_row(date: dt.datetime, headline: str) -> str:
    """A session list row: when, then the assessment's first line in its own direction."""
    when = date.strftime(DATE_TIME)
    return f"{when}  {isolate(ltr_runs(headline))}" if headline else when
