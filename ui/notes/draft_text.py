"""What the draft bar says about the drafts it offers back: whose
record, which session, which fields, and when they were kept.

"Unsaved changes to a session were kept (2026-11-25 14:56)" named no client and no
session, and its time read like a session's date. `describe_drafts` runs on the worker and
compares each draft with what its record holds now; `bar_text` words the result:
"Unsaved changes to the session of Dana Levi on 2024-03-02 10:00 were kept at 14:56:
Subjective, Plan." The strings are translated in the "DraftBar" context, the bar's own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from core.api import ChartsideApi
from core.domain import Client, Session
from core.errors import NotFound
from core.records.drafts import Draft
from ui.kit.bidi import DATE_TIME, isolate, ltr
from ui.kit.fields import field_label

TIME = "%H:%M"
R = TypeVar("R")


@dataclass(frozen=True)
class DraftNote:
    """One kept draft, as the bar names it. `client` is "" when unknown (a deleted
    record, a new client with no name yet); `fields` are the keys of the fields that
    differ from the saved record (every filled field of a new one), in the form's order."""

    kind: str
    client: str
    session_date: dt.datetime | None
    new: bool
    fields: tuple[str, ...]


def saved_values(record: Client | Session) -> dict[str, str]:
    """A record's fields as its editor's draft holds them (`_Editor.draft_values`)."""
    if isinstance(record, Client):
        data = record.data
        born = data.date_of_birth
        return {
            "full_name": data.full_name,
            "date_of_birth": born.isoformat() if born is not None else "",
            "medical_history": data.medical_history,
            "notes": data.notes,
        }
    session = record.data
    return {
        "date": session.date.isoformat(),
        "subjective": session.subjective,
        "objective": session.objective,
        "assessment": session.assessment,
        "plan": session.plan,
    }


def _same(key: str, typed: str, saved: str) -> bool:
    if key == "date":
        try:
            return dt.datetime.fromisoformat(typed) == dt.datetime.fromisoformat(saved)
        except ValueError:
            return False
    if key == "date_of_birth":
        return typed.strip() == saved
    return typed == saved


def _draft_date(draft: Draft) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(draft.values.get("date", ""))
    except ValueError:
        return None  # a draft is not validated


def describe(draft: Draft, client: Client | None, session: Session | None) -> DraftNote:
    """`draft` against its saved client and (for a session draft) session, None where
    there is none (a new record, or one deleted since)."""
    record: Client | Session | None = client if draft.kind == "client" else session
    if record is None:
        fields = tuple(k for k, v in draft.values.items() if k != "date" and v.strip())
    else:
        saved = saved_values(record)
        fields = tuple(
            k for k, v in draft.values.items() if k in saved and not _same(k, v, saved[k])
        )
    if draft.kind == "client" and client is None:
        name = draft.values.get("full_name", "")
    else:
        name = client.data.full_name if client is not None else ""
    return DraftNote(
        kind=draft.kind,
        client=" ".join(name.split()),
        session_date=_draft_date(draft) if draft.kind == "session" else None,
        new=record is None,
        fields=fields,
    )


def describe_drafts(api: ChartsideApi, drafts: list[Draft]) -> list[DraftNote]:
    """On the worker: each draft described against what its records hold now."""
    return [describe(d, _get(api.notes.get_client, d.client_id), _session(api, d)) for d in drafts]


def _session(api: ChartsideApi, draft: Draft) -> Session | None:
    return _get(api.notes.get_session, draft.session_id) if draft.kind == "session" else None


def _get(read: Callable[[UUID], R], record_id: UUID | None) -> R | None:
    if record_id is None:
        return None
    try:
        return read(record_id)
    except NotFound:
        return None  # deleted since the draft was kept: described as a new record


# -- the words ------------------------------------------------------------------------------


def _field_name(key: str) -> str:
    names = {
        "date": QCoreApplication.translate("DraftBar", "Session date"),
        "full_name": QCoreApplication.translate("DraftBar", "Full name"),
        "date_of_birth": QCoreApplication.translate("DraftBar", "Date of birth"),
    }
    return names[key] if key in names else field_label(key)


def _what(note: DraftNote) -> str:
    """The record, as "Unsaved changes to {what}" names it."""
    client = isolate(note.client) if note.client else ""
    date = ltr(note.session_date.strftime(DATE_TIME)) if note.session_date else "?"
    if note.kind == "session":
        if not client:
            return QCoreApplication.translate("DraftBar", "a session on {date}").format(date=date)
        if note.new:
            return QCoreApplication.translate(
                "DraftBar", "a new session of {client} on {date}"
            ).format(client=client, date=date)
        return QCoreApplication.translate("DraftBar", "the session of {client} on {date}").format(
            client=client, date=date
        )
    if not note.new:
        return QCoreApplication.translate("DraftBar", "the details of {client}").format(
            client=client
        )
    if client:
        return QCoreApplication.translate("DraftBar", "a new client, {client}").format(
            client=client
        )
    return QCoreApplication.translate("DraftBar", "a new client")


def kept_at(saved_at: dt.datetime | None, now: dt.datetime) -> str:
    """When a draft was kept, in local time: the time alone today, else date and time."""
    if saved_at is None:
        return ""
    local = saved_at.astimezone()
    today = local.date() == now.astimezone().date()
    return ltr(local.strftime(TIME if today else DATE_TIME))


def note_sentence(note: DraftNote, when: str) -> str:
    what = _what(note)
    fields = ", ".join(_field_name(key) for key in note.fields)  # Hebrew's comma too
    if when and fields:
        text = QCoreApplication.translate(
            "DraftBar", "Unsaved changes to {what} were kept at {time}: {fields}."
        )
    elif when:
        text = QCoreApplication.translate(
            "DraftBar", "Unsaved changes to {what} were kept at {time}."
        )
    elif fields:
        text = QCoreApplication.translate(
            "DraftBar", "Unsaved changes to {what} were kept: {fields}."
        )
    else:
        text = QCoreApplication.translate("DraftBar", "Unsaved changes to {what} were kept.")
    return text.format(what=what, time=when, fields=fields)


def bar_text(drafts: list[Draft], notes: list[DraftNote], now: dt.datetime) -> str:
    """The bar's words for `drafts`, described by `notes` (the same order)."""
    sentences = [
        note_sentence(note, kept_at(draft.saved_at, now))
        for draft, note in zip(drafts, notes, strict=True)
    ]
    return " ".join(
        [*sentences, QCoreApplication.translate("DraftBar", "Restore them, or discard them?")]
    )
