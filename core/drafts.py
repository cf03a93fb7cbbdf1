"""Drafts: what a practitioner typed and has not saved, kept encrypted in the database.

A draft is the editor's form as typed (not validated: half a date is still worth keeping),
one per (practitioner, editor). It is written while the keys are in memory, so auto-lock,
a crash or a logout loses at most the last few seconds of typing, never the note.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, delete, insert, select

from core.crypto import CellCipher
from core.db import schema as s
from core.errors import ValidationError
from core.validation import MAX_NOTE_CHARS

DRAFT_KINDS = ("client", "session")
# A form holds at most a few note fields; anything larger is not a form.
MAX_DRAFT_CHARS = 8 * MAX_NOTE_CHARS


@dataclass(frozen=True)
class Draft:
    """`kind` names the editor; `client_id`/`session_id` say which record it edits (None:
    a new one); `values` are the form's fields by name, as text."""

    kind: str
    client_id: UUID | None
    session_id: UUID | None
    values: dict[str, str] = field(default_factory=dict)
    saved_at: dt.datetime | None = None

    def checked(self) -> Draft:
        if self.kind not in DRAFT_KINDS:
            raise ValidationError(f"must be one of {', '.join(DRAFT_KINDS)}", field="kind")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in self.values.items()):
            raise ValidationError("must map field names to text", field="values")
        if sum(len(v) for v in self.values.values()) > MAX_DRAFT_CHARS:
            raise ValidationError("is too long to keep as a draft", field="values")
        return self


def _encode(d: Draft) -> str:
    return json.dumps(
        {
            "client_id": None if d.client_id is None else str(d.client_id),
            "session_id": None if d.session_id is None else str(d.session_id),
            "values": d.values,
        }
    )


def _decode(kind: str, text: str, saved_at: dt.datetime) -> Draft:
    raw = json.loads(text)
    return Draft(
        kind=kind,
        client_id=None if raw["client_id"] is None else UUID(raw["client_id"]),
        session_id=None if raw["session_id"] is None else UUID(raw["session_id"]),
        values={str(k): str(v) for k, v in raw["values"].items()},
        saved_at=saved_at,
    )


class DraftRepo:
    """Runs inside the caller's transaction, scoped to the cipher's workspace."""

    def __init__(self, cipher: CellCipher, practitioner_id: UUID) -> None:
        self._k = cipher
        self._pid = practitioner_id
        self._t = s.drafts

    def _mine(self) -> ColumnElement[bool]:
        t = self._t
        return (t.c.workspace_id == self._k.workspace_id) & (t.c.practitioner_id == self._pid)

    def put(self, conn: Connection, draft: Draft) -> None:
        d = draft.checked()
        # A fresh row id each time: the ciphertext is bound to it, so replace, never patch.
        self.discard(conn, d.kind)
        row_id = uuid.uuid4()
        conn.execute(
            insert(self._t).values(
                id=row_id,
                workspace_id=self._k.workspace_id,
                practitioner_id=self._pid,
                kind=d.kind,
                content=self._k.encrypt(self._t.name, "content", row_id, _encode(d)),
            )
        )

    def all(self, conn: Connection) -> list[Draft]:
        t = self._t
        rows = conn.execute(
            select(t.c.id, t.c.kind, t.c.content, t.c.updated_at)
            .where(self._mine())
            .order_by(t.c.kind)
        )
        return [
            _decode(r.kind, self._k.decrypt(t.name, "content", r.id, r.content), r.updated_at)
            for r in rows
        ]

    def discard(self, conn: Connection, kind: str) -> None:
        conn.execute(delete(self._t).where(self._mine() & (self._t.c.kind == kind)))
