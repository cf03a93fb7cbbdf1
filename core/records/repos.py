"""Repositories: encrypt on the way in, decrypt on the way out, filter by workspace.

They run inside a caller's transaction (`Database.tx`), so a service can make several
writes atomic. Row-Level Security checks the workspace again underneath these filters.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from uuid import UUID

from sqlalchemy import (
    Connection,
    LargeBinary,
    Table,
    any_,
    bindparam,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from core.db import schema as s
from core.domain import (
    SOAP_FIELDS,
    Client,
    ClientData,
    ClientSummary,
    Session,
    SessionData,
    SessionSummary,
    headline,
)
from core.errors import NotFound, ValidationError
from core.messages import Message
from core.security.crypto import CellCipher


def _encrypt(
    cipher: CellCipher, table: Table, row_id: UUID, values: Mapping[str, str | None]
) -> dict[str, bytes | None]:
    present = {col: val for col, val in values.items() if val is not None}
    out: dict[str, bytes | None] = dict.fromkeys(values)
    out.update(cipher.encrypt_row(table.name, row_id, present))
    return out


def _decrypt(cipher: CellCipher, table: Table, row: Any, cols: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for col in cols:
        blob = getattr(row, col)
        if blob is not None:
            out[col] = cipher.decrypt(table.name, col, row.id, blob)
    return out


class _Repo:
    """What every encrypted, workspace-owned record shares: scoping, update, delete, and the
    keyed hash that finds a record by its external id."""

    table: Table
    kind: str  # "client" or "session": names records in errors and salts the lookup hash

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher
        self.ws = cipher.workspace_id

    def _mine(self, row_id: UUID) -> Any:
        return (self.table.c.id == row_id) & (self.table.c.workspace_id == self.ws)

    def _missing(self, row_id: UUID) -> NotFound:
        return NotFound(
            Message("records.does_not_exist", record=Message(f"records.{self.kind}"), id=row_id)
        )

    def _with_lookup(self, values: dict[str, Any], external_id: str | None) -> dict[str, Any]:
        values["external_id_hash"] = (
            self.cipher.lookup_hash(self.kind, external_id) if external_id else None
        )
        return values

    def _check_external_id_free(
        self, conn: Connection, external_id: str | None, row_id: UUID | None
    ) -> None:
        """A taken external id is the user's input error, not a database failure."""
        if external_id is None:
            return
        owner = self.ids_by_external(conn, [external_id]).get(external_id)
        if owner is not None and owner != row_id:
            raise ValidationError(
                Message("records.already_used", record=Message(f"records.{self.kind}")),
                field="external_id",
            )

    def _update(self, conn: Connection, row_id: UUID, values: dict[str, Any]) -> None:
        res = conn.execute(
            update(self.table).where(self._mine(row_id)).values(updated_at=func.now(), **values)
        )
        if res.rowcount != 1:
            raise self._missing(row_id)

    def _row(self, conn: Connection, row_id: UUID) -> Any:
        row = conn.execute(select(self.table).where(self._mine(row_id))).first()
        if row is None:
            raise self._missing(row_id)
        return row

    def _rows(self, conn: Connection, ids: Sequence[UUID]) -> Any:
        t = self.table
        return conn.execute(select(t).where(t.c.id.in_(ids), t.c.workspace_id == self.ws))

    def exists(self, conn: Connection, row_id: UUID) -> bool:
        return conn.execute(select(self.table.c.id).where(self._mine(row_id))).first() is not None

    def delete(self, conn: Connection, row_id: UUID) -> None:
        if conn.execute(delete(self.table).where(self._mine(row_id))).rowcount != 1:
            raise self._missing(row_id)

    def ids_by_external(self, conn: Connection, external_ids: Sequence[str]) -> dict[str, UUID]:
        by_hash = {self.cipher.lookup_hash(self.kind, e): e for e in external_ids}
        if not by_hash:
            return {}
        # One array parameter instead of an IN list: imports look up thousands at once.
        hashes = bindparam("hashes", list(by_hash), type_=ARRAY(LargeBinary))
        t = self.table
        rows = conn.execute(
            select(t.c.id, t.c.external_id_hash).where(
                t.c.workspace_id == self.ws, t.c.external_id_hash == any_(hashes)
            )
        )
        return {by_hash[bytes(r.external_id_hash)]: r.id for r in rows}


class ClientRepo(_Repo):
    table = s.clients
    kind = "client"

    def row_values(self, client_id: UUID, d: ClientData) -> dict[str, Any]:
        plain = {
            "full_name": d.full_name,
            "date_of_birth": d.date_of_birth.isoformat() if d.date_of_birth else None,
            "medical_history": d.medical_history,
            "notes": d.notes,
            "external_id": d.external_id,
        }
        values = self._with_lookup(
            _encrypt(self.cipher, self.table, client_id, plain), d.external_id
        )
        values["facts_version"] = None  # its facts are read again (core.timeline.store)
        return values

    def insert(self, conn: Connection, d: ClientData, client_id: UUID | None = None) -> UUID:
        cid = client_id or uuid.uuid4()
        self._check_external_id_free(conn, d.external_id, cid)
        conn.execute(
            insert(self.table).values(id=cid, workspace_id=self.ws, **self.row_values(cid, d))
        )
        return cid

    def update(self, conn: Connection, client_id: UUID, d: ClientData) -> None:
        self._check_external_id_free(conn, d.external_id, client_id)
        self._update(conn, client_id, self.row_values(client_id, d))

    def _decode(self, row: Any) -> ClientData:
        p = _decrypt(
            self.cipher,
            self.table,
            row,
            ("full_name", "date_of_birth", "medical_history", "notes", "external_id"),
        )
        dob = p.get("date_of_birth")
        return ClientData(
            full_name=p["full_name"],
            date_of_birth=dt.date.fromisoformat(dob) if dob else None,
            medical_history=p["medical_history"],
            notes=p["notes"],
            external_id=p.get("external_id"),
        )

    def get(self, conn: Connection, client_id: UUID) -> Client:
        row = self._row(conn, client_id)
        return Client(row.id, self._decode(row), row.updated_at)

    def many(self, conn: Connection, ids: Sequence[UUID]) -> list[Client]:
        """These clients, in one query (those of another workspace or gone are left out)."""
        return [Client(r.id, self._decode(r), r.updated_at) for r in self._rows(conn, ids)]

    def all(self, conn: Connection) -> list[Client]:
        rows = conn.execute(select(self.table).where(self.table.c.workspace_id == self.ws))
        return [Client(r.id, self._decode(r), r.updated_at) for r in rows]

    def summaries(self, conn: Connection) -> list[ClientSummary]:
        t = self.table
        rows = conn.execute(
            select(t.c.id, t.c.full_name, t.c.date_of_birth).where(t.c.workspace_id == self.ws)
        )
        out: list[ClientSummary] = []
        for r in rows:
            p = _decrypt(self.cipher, t, r, ("full_name", "date_of_birth"))
            dob = p.get("date_of_birth")
            out.append(
                ClientSummary(r.id, p["full_name"], dt.date.fromisoformat(dob) if dob else None)
            )
        return out


class SessionRepo(_Repo):
    table = s.sessions
    kind = "session"

    def row_values(self, session_id: UUID, d: SessionData) -> dict[str, Any]:
        plain: dict[str, str | None] = {f: getattr(d, f) for f in SOAP_FIELDS}
        plain["external_id"] = d.external_id
        values = self._with_lookup(
            _encrypt(self.cipher, self.table, session_id, plain), d.external_id
        )
        values["session_date"] = d.date
        values["facts_version"] = None  # its facts are read again (core.timeline.store)
        return values

    def insert(
        self, conn: Connection, client_id: UUID, d: SessionData, session_id: UUID | None = None
    ) -> UUID:
        sid = session_id or uuid.uuid4()
        self._check_external_id_free(conn, d.external_id, sid)
        conn.execute(
            insert(self.table).values(
                id=sid, workspace_id=self.ws, client_id=client_id, **self.row_values(sid, d)
            )
        )
        return sid

    def update(self, conn: Connection, session_id: UUID, d: SessionData) -> None:
        self._check_external_id_free(conn, d.external_id, session_id)
        self._update(conn, session_id, self.row_values(session_id, d))

    def _decode(self, row: Any) -> Session:
        p = _decrypt(self.cipher, self.table, row, (*SOAP_FIELDS, "external_id"))
        data = SessionData(
            date=row.session_date,
            external_id=p.get("external_id"),
            **{f: p[f] for f in SOAP_FIELDS},
        )
        return Session(row.id, row.client_id, data, row.updated_at)

    def get(self, conn: Connection, session_id: UUID) -> Session:
        return self._decode(self._row(conn, session_id))

    def many(self, conn: Connection, ids: Sequence[UUID]) -> list[Session]:
        """These sessions, in one query (those of another workspace or gone are left out)."""
        return [self._decode(r) for r in self._rows(conn, ids)]

    def for_client(self, conn: Connection, client_id: UUID) -> list[Session]:
        t = self.table
        rows = conn.execute(
            select(t)
            .where(t.c.client_id == client_id, t.c.workspace_id == self.ws)
            .order_by(t.c.session_date, t.c.id)
        )
        return [self._decode(r) for r in rows]

    def summaries(self, conn: Connection, client_id: UUID) -> list[SessionSummary]:
        t = self.table
        rows = conn.execute(
            select(t.c.id, t.c.client_id, t.c.session_date, t.c.assessment)
            .where(t.c.client_id == client_id, t.c.workspace_id == self.ws)
            .order_by(t.c.session_date.desc(), t.c.id)
        )
        return [
            SessionSummary(
                r.id,
                r.client_id,
                r.session_date,
                headline(_decrypt(self.cipher, self.table, r, ("assessment",)).get("assessment")),
            )
            for r in rows
        ]
