"""The client form and the SOAP session editor.

Each editor keeps a snapshot of what it last loaded or saved; "unsaved changes" is simply
"the widgets differ from the snapshot", which stays right however the text got there.
"""

from __future__ import annotations

import datetime as dt
from uuid import UUID

from PySide6.QtCore import QDate, QDateTime, QPoint, QRect, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.dictation.types import PcmAudio
from core.domain import Client, ClientData, Session, SessionData
from core.errors import ValidationError
from ui.kit.bidi import first_strong, utf16_len
from ui.notes.dictation import Dictation, Keeper
from ui.notes.note_edit import NoteEdit
from ui.notes.passage import FactSpan, passage_span

_INVALID_STYLE = "border: 2px solid #d93025;"
# ISO order is unambiguous in every locale, which matters for a date of birth.
DATE_TIME_FORMAT = "yyyy-MM-dd HH:mm"
MIN_FIELD_LINES = 2  # what a text field keeps in the smallest window
COMFORT_FIELD_LINES = 6  # what it keeps where the window has the room (1366×768 and up)
BASE_STRETCH = 4  # an empty field's share of the height, against one per line of text
MAX_STRETCH_LINES = 40


def to_qdatetime(value: dt.datetime) -> QDateTime:
    # Sessions are naive wall-clock times. In local time Qt would move 02:30 on a
    # spring-forward day to 03:30; UTC has no such gaps, so it carries the value unchanged.
    return QDateTime(
        QDate(value.year, value.month, value.day),
        QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
        QTimeZone.utc(),
    )


def from_qdatetime(value: QDateTime) -> dt.datetime:
    # Built from the fields, not toPython(): sessions are naive local wall-clock times.
    d, t = value.date(), value.time()
    return dt.datetime(
        d.year(), d.month(), d.day(), t.hour(), t.minute(), t.second(), t.msec() * 1000
    )


def _plain_text_edit(name: str, parent: QWidget) -> NoteEdit:
    edit = NoteEdit(parent)
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)  # keyboard users move on with Tab, as in any form
    # A sideways scroll bar flashed up mid-resize and took a short field's only line. It is
    # never needed while long words and paths break anywhere, so it is off, and they do.
    edit.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    follow_text_direction(edit)
    return edit


def follow_text_direction(edit: QPlainTextEdit | QLineEdit) -> None:
    """Lay `edit` out in the direction of its own text (its first letter): a Hebrew note
    reads right to left, right-aligned, in the English UI, and an English one left to right
    in the Hebrew UI; empty, it follows the UI. (Qt orders each paragraph by its own
    letters already, but a QPlainTextEdit lines every paragraph up on the left.)"""

    def update() -> None:
        text = edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()
        direction = first_strong(text)
        if direction is None:
            edit.unsetLayoutDirection()
        else:
            edit.setLayoutDirection(direction)
        if isinstance(edit, QPlainTextEdit):
            # Its paragraphs keep an automatic direction (each is ordered by its own
            # letters); only the side they line up on follows the note.
            rtl = (direction or edit.layoutDirection()) == Qt.LayoutDirection.RightToLeft
            option = edit.document().defaultTextOption()
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
            option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
            edit.document().setDefaultTextOption(option)

    edit.textChanged.connect(update)


class _Editor(QWidget):
    """Shared behaviour: snapshot-based dirtiness, field highlighting, and the form as a
    draft (`draft_values`/`apply_draft`: every field as text, unvalidated)."""

    save_requested = Signal()
    edited = Signal()  # any field changed, by the user or by a load
    kind = ""  # the draft kind (core.records.drafts.DRAFT_KINDS)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text_rows: list[tuple[int, QPlainTextEdit]] = []
        self._snapshot: tuple[object, ...] = ()
        self._fields: dict[str, QWidget] = {}
        self._highlighted: list[QWidget] = []

    def _values(self) -> tuple[object, ...]:
        raise NotImplementedError

    @property
    def dirty(self) -> bool:
        return self.isEnabled() and self.changed

    @property
    def changed(self) -> bool:
        """The form differs from what was loaded or saved, enabled or not (a save in
        flight disables it without making the edits any less unsaved)."""
        return self._values() != self._snapshot

    def _watch(self) -> None:
        for widget in self._fields.values():
            if isinstance(widget, (QPlainTextEdit, QLineEdit)):
                widget.textChanged.connect(self.edited)
            elif isinstance(widget, QDateTimeEdit):
                widget.dateTimeChanged.connect(self.edited)

    def draft_values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for name, widget in self._fields.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QDateTimeEdit):
                out[name] = from_qdatetime(widget.dateTime()).isoformat()
        return out

    def apply_draft(self, values: dict[str, str]) -> None:
        """Put a draft's fields into the form, leaving the snapshot as it was: the form then
        shows as unsaved, which it is."""
        for name, value in values.items():
            widget = self._fields.get(name)
            if isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
            elif isinstance(widget, QDateTimeEdit):
                try:
                    widget.setDateTime(to_qdatetime(dt.datetime.fromisoformat(value)))
                except ValueError:
                    continue  # a draft is unvalidated; keep the loaded date then
        self._fit_rows()

    def _take_snapshot(self) -> None:
        self._snapshot = self._values()
        self._fit_rows()
        self.clear_highlight()
        self.edited.emit()  # a load sets the fields one by one; only now is it clean

    def highlight(self, field: str) -> bool:
        """Mark the widget of `field`; False when this editor has no such field."""
        widget = self._fields.get(field)
        if widget is None:
            return False
        self.clear_highlight()
        widget.setStyleSheet(_INVALID_STYLE)
        widget.setFocus()
        self._highlighted.append(widget)
        return True

    def focus_field(
        self,
        name: str,
        text: str | None = None,
        used: str | None = None,
        fact: FactSpan | None = None,
    ) -> bool:
        """Focus the widget of field `name` and select what a citation or hit points at
        (`passage_span`: a fact's sentence, the sentence the answer `used`, or the whole
        lines of `text`), when it can be found (else put the cursor at the start). False
        when this editor has no such text field."""
        widget = self._fields.get(name)
        if not isinstance(widget, (QPlainTextEdit, QLineEdit)):
            return False
        content = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        span = passage_span(content, text, used, fact)
        start, end = span if span is not None else (0, 0)
        if isinstance(widget, NoteEdit):
            start, end = widget.document_position(start), widget.document_position(end)
        else:
            start, end = utf16_len(content[:start]), utf16_len(content[:end])
        if isinstance(widget, QPlainTextEdit):
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            widget.setTextCursor(cursor)
            widget.ensureCursorVisible()
        else:
            widget.setSelection(start, end - start)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def comfort_height(self) -> int:
        """The height over this form's minimum that gives each text field
        `COMFORT_FIELD_LINES` lines, as the rows share it by their stretch (`_fit_rows`):
        what search results may not take from it. A field far longer than the others
        takes most of any height, so the others keep their lines only where the window
        has the room for all."""
        if not self._text_rows:
            return 0
        stretches = [max(1, self._grid.rowStretch(row)) for row, _ in self._text_rows]
        more = COMFORT_FIELD_LINES - MIN_FIELD_LINES
        return max(
            w.fontMetrics().lineSpacing() * more * sum(stretches) // stretch
            for (_, w), stretch in zip(self._text_rows, stretches, strict=True)
        )

    def selected_rect(self) -> QRect:
        """Where the passage `focus_field` selected is on screen (global coordinates): the
        selection's own lines, else this whole editor."""
        field = self.focusWidget()
        if isinstance(field, QPlainTextEdit) and field.textCursor().hasSelection():
            cursor = field.textCursor()
            start, end = QTextCursor(cursor), QTextCursor(cursor)
            start.setPosition(cursor.selectionStart())
            end.setPosition(cursor.selectionEnd())
            first, last = field.cursorRect(start), field.cursorRect(end)
            rect = first.united(last)
            if first.top() != last.top():  # lines of their own: the field's width
                rect = QRect(0, rect.top(), field.viewport().width(), rect.height())
            return QRect(field.viewport().mapToGlobal(rect.topLeft()), rect.size())
        return QRect(self.mapToGlobal(QPoint(0, 0)), self.size())

    def clear_highlight(self) -> None:
        for widget in self._highlighted:
            widget.setStyleSheet("")
        self._highlighted.clear()

    def _lay_out(self, rows: list[tuple[str, QWidget]], save_text: str, save_name: str) -> None:
        """A form of (label, widget) rows, the save button at the end of the first.
        The text fields share the height (see `_fit_rows`)."""
        self.save_button = QPushButton(save_text, self)
        self.save_button.setObjectName(save_name)
        self.save_button.clicked.connect(self.save_requested)
        self._grid = QGridLayout()
        self._grid.setVerticalSpacing(4)  # the fields' lines, not gaps, take the height
        for row, (text, widget) in enumerate(rows):
            label = QLabel(text, self)
            label.setBuddy(widget)
            top = isinstance(widget, QPlainTextEdit)
            align = Qt.AlignmentFlag.AlignLeading
            align |= Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
            self._grid.addWidget(label, row, 0, align)
            if row == 0:
                # The save button shares the first row: a row of its own costs the text
                # fields a line in a 768-pixel window.
                first = QHBoxLayout()
                first.addWidget(widget, 1 if isinstance(widget, QLineEdit) else 0)
                if not isinstance(widget, QLineEdit):
                    first.addStretch(1)  # a date needs no more than its own width
                first.addWidget(self.save_button)
                self._first_row = first
                self._grid.addLayout(first, row, 1)
            else:
                self._grid.addWidget(widget, row, 1)
            if isinstance(widget, QPlainTextEdit):
                # A few lines at least, however small the window; the rest by content.
                margin = widget.document().documentMargin()
                widget.setMinimumHeight(
                    widget.fontMetrics().lineSpacing() * MIN_FIELD_LINES
                    + round(2 * margin)
                    + 2 * widget.frameWidth()
                    + 2
                )
                self._text_rows.append((row, widget))
        self._grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._grid, 1)
        self._fit_rows()

    def add_dictation(self, dictation: Dictation) -> None:
        """A microphone button beside each text field, and its take's bar under it."""
        for row, widget in self._text_rows:
            if not isinstance(widget, NoteEdit):
                continue
            button, bar = dictation.add_field(widget, self._keeper())
            # Off the Tab chain: a keyboard user dictates with Ctrl+Shift+D in the field,
            # and a click leaves the caret where the words are to go.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self._grid.removeWidget(widget)
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget, 1)
            column.addWidget(bar)
            self._grid.addLayout(column, row, 1)
            self._grid.addWidget(button, row, 2, Qt.AlignmentFlag.AlignTop)

    def _keeper(self) -> Keeper | None:
        """Where a kept take's sound goes; None: this form's takes are never kept."""
        return None

    def _fit_rows(self) -> None:
        """Share the height between the text fields by how much each holds beyond the lines
        every field keeps, so a 35-line Objective gets the room and an empty Plan keeps a
        few lines. Set on load, not on
        every key: fields that grew and shrank under the typing hand would be hard to use."""
        for row, widget in self._text_rows:
            lines = widget.document().blockCount() if widget.toPlainText() else 0
            beyond = max(0, min(lines, MAX_STRETCH_LINES) - COMFORT_FIELD_LINES)
            self._grid.setRowStretch(row, BASE_STRETCH + beyond)


class ClientEditor(_Editor):
    kind = "client"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._client_id: UUID | None = None
        self._external_id: str | None = None
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("fullName")
        follow_text_direction(self.full_name)
        self.date_of_birth = QLineEdit(self)
        self.date_of_birth.setObjectName("dateOfBirth")
        self.date_of_birth.setPlaceholderText(self.tr("YYYY-MM-DD (optional)"))
        self.date_of_birth.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # ISO order
        self.medical_history = _plain_text_edit("medicalHistory", self)
        self.notes = _plain_text_edit("clientNotes", self)
        self._fields = {
            "full_name": self.full_name,
            "date_of_birth": self.date_of_birth,
            "medical_history": self.medical_history,
            "notes": self.notes,
        }
        self._lay_out(
            [
                (self.tr("F&ull name:"), self.full_name),
                (self.tr("Date of &birth:"), self.date_of_birth),
                (self.tr("&Medical history:"), self.medical_history),
                (self.tr("&Client notes:"), self.notes),
            ],
            self.tr("Save c&lient"),
            "saveClient",
        )
        self._watch()
        self.load(None)

    @property
    def client_id(self) -> UUID | None:
        """The client on screen; None for a new client that was never saved."""
        return self._client_id

    def load(self, client: Client | None) -> None:
        data = client.data if client is not None else ClientData(full_name="")
        self._client_id = client.id if client is not None else None
        self._external_id = data.external_id
        self.full_name.setText(data.full_name)
        dob = data.date_of_birth
        self.date_of_birth.setText(dob.isoformat() if dob is not None else "")
        self.medical_history.setPlainText(data.medical_history)
        self.notes.setPlainText(data.notes)
        self._take_snapshot()

    def _values(self) -> tuple[object, ...]:
        return (
            self.full_name.text(),
            self.date_of_birth.text().strip(),
            self.medical_history.toPlainText(),
            self.notes.toPlainText(),
        )

    def to_data(self) -> ClientData:
        """The form as validated domain data; raises `ValidationError` naming the field."""
        dob_text = self.date_of_birth.text().strip()
        dob: dt.date | None = None
        if dob_text:
            try:
                dob = dt.date.fromisoformat(dob_text)
            except ValueError:
                raise ValidationError(
                    self.tr("is not a real date in YYYY-MM-DD form"), field="date_of_birth"
                ) from None
        return ClientData(
            full_name=self.full_name.text(),
            date_of_birth=dob,
            medical_history=self.medical_history.toPlainText(),
            notes=self.notes.toPlainText(),
            external_id=self._external_id,
        ).validated()


class SessionEditor(_Editor):
    kind = "session"
    # The takes' sound held to be kept with the note when it is saved (memory only).
    recordings_held = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session_id: UUID | None = None
        self._held: list[PcmAudio] = []
        self._external_id: str | None = None
        self.date = QDateTimeEdit(self)
        self.date.setObjectName("sessionDate")
        # The value is left to right. Mirrored, Qt also reverses the format's sections
        # ("2024-09-24 03:44" read "44:03 24-09-2024"), so this comes before the format.
        self.date.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.date.setDisplayFormat(DATE_TIME_FORMAT)
        self.date.setCalendarPopup(True)
        self.date.setTimeZone(QTimeZone.utc())  # see to_qdatetime
        # The range core accepts, so the widget cannot produce a date the service rejects.
        self.date.setMinimumDateTime(to_qdatetime(dt.datetime(1900, 1, 1)))
        self.date.setMaximumDateTime(to_qdatetime(dt.datetime(2200, 12, 31, 23, 59, 59)))
        self.subjective = _plain_text_edit("soapSubjective", self)
        self.objective = _plain_text_edit("soapObjective", self)
        self.assessment = _plain_text_edit("soapAssessment", self)
        self.plan = _plain_text_edit("soapPlan", self)
        self._fields = {
            "date": self.date,
            "subjective": self.subjective,
            "objective": self.objective,
            "assessment": self.assessment,
            "plan": self.plan,
        }
        self._lay_out(
            [
                (self.tr("Session &date:"), self.date),
                (self.tr("&Subjective:"), self.subjective),
                (self.tr("&Objective:"), self.objective),
                (self.tr("&Assessment:"), self.assessment),
                (self.tr("&Plan:"), self.plan),
            ],
            self.tr("Sa&ve session"),
            "saveSession",
        )
        self._watch()
        self.load(None)

    @property
    def session_id(self) -> UUID | None:
        return self._session_id

    def add_dictation(self, dictation: Dictation) -> None:
        super().add_dictation(dictation)
        self.dictate_visit_button = QPushButton(self.tr("Dictate the visit…"), self)
        self.dictate_visit_button.setObjectName("dictateVisit")
        self.dictate_visit_button.setToolTip(
            self.tr("Record the whole visit and sort what was said into S, O, A and P")
        )
        self._first_row.insertWidget(self._first_row.count() - 1, self.dictate_visit_button)
        self.dictate_visit_button.clicked.connect(
            lambda: dictation.dictate_visit(
                self.put_visit, self.dictate_visit_button, self.hold_recording
            )
        )

    def _keeper(self) -> Keeper | None:
        return self.hold_recording

    def hold_recording(self, audio: PcmAudio) -> None:
        """A take to keep with this note when it is saved; in memory until then."""
        self._held.append(audio)
        self.recordings_held.emit(list(self._held))

    @property
    def held_recordings(self) -> tuple[PcmAudio, ...]:
        return tuple(self._held)

    def put_visit(self, sections: dict[str, str]) -> None:
        """A dictated visit's sections, each after what its field already holds."""
        for name, text in sections.items():
            field = self._fields.get(name)
            if isinstance(field, QPlainTextEdit) and text:
                before = field.toPlainText()
                cursor = QTextCursor(field.document())
                cursor.movePosition(QTextCursor.MoveOperation.End)
                cursor.insertText(f"\n{text}" if before.strip() else text)
        self._fit_rows()

    def load(self, session: Session | None) -> None:
        if session is None:
            # A new session starts now, to the minute: what a clinician writing it expects.
            now = dt.datetime.now().replace(second=0, microsecond=0)
            data = SessionData(date=now)
        else:
            data = session.data
        self._session_id = session.id if session is not None else None
        self._external_id = data.external_id
        # Another note (or this one saved, or the lock): the held takes were kept with
        # the save, or are dropped with the form.
        self._held = []
        self.recordings_held.emit([])
        self.date.setDateTime(to_qdatetime(data.date))
        self.subjective.setPlainText(data.subjective)
        self.objective.setPlainText(data.objective)
        self.assessment.setPlainText(data.assessment)
        self.plan.setPlainText(data.plan)
        self._take_snapshot()

    def _values(self) -> tuple[object, ...]:
        return (
            from_qdatetime(self.date.dateTime()),
            self.subjective.toPlainText(),
            self.objective.toPlainText(),
            self.assessment.toPlainText(),
            self.plan.toPlainText(),
        )

    def to_data(self) -> SessionData:
        return SessionData(
            date=from_qdatetime(self.date.dateTime()),
            subjective=self.subjective.toPlainText(),
            objective=self.objective.toPlainText(),
            assessment=self.assessment.toPlainText(),
            plan=self.plan.toPlainText(),
            external_id=self._external_id,
        ).validated()
