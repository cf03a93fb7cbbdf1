"""Drafts in the database: one encrypted row per (practitioner, editor); see core.records.drafts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from uuid import UUID

from sqlalchemy import ColumnElement, Connection, delete, insert, select

from core.db import schema as s
from core.records.drafts import Draft
from core.security.crypto import CellCipher


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
