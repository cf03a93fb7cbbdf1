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

from core.crypto import CellCipher
from core.db import schema as s
from core.domain import (
    SOAP_FIELDS,
    Client,
    ClientData,
    ClientSummary,
    Session,
    SessionData,
    SessionSummary,
)
from core.errors import NotFound


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


class ClientRepo:
    table = s.clients

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher
        self.ws = cipher.workspace_id

    def row_values(self, client_id: UUID, d: ClientData) -> dict[str, Any]:
        plain = {
            "full_name": d.full_name,
            "date_of_birth": d.date_of_birth.isoformat() if d.date_of_birth else None,
            "medical_history": d.medical_history,
            "notes": d.notes,
            "external_id": d.external_id,
        }
        values: dict[str, Any] = _encrypt(self.cipher, self.table, client_id, plain)
        values["external_id_hash"] = (
            self.cipher.lookup_hash("client", d.external_id) if d.external_id else None
        )
        return values

    def insert(self, conn: Connection, d: ClientData, client_id: UUID | None = None) -> UUID:
        cid = client_id or uuid.uuid4()
        conn.execute(
            insert(self.table).values(id=cid, workspace_id=self.ws, **self.row_values(cid, d))
        )
        return cid

    def update(self, conn: Connection, client_id: UUID, d: ClientData) -> None:
        res = conn.execute(
            update(self.table)
            .where(self.table.c.id == client_id, self.table.c.workspace_id == self.ws)
            .values(updated_at=func.now(), **self.row_values(client_id, d))
        )
        if res.rowcount != 1:
            raise NotFound(f"client {client_id} does not exist")

    def delete(self, conn: Connection, client_id: UUID) -> None:
        res = conn.execute(
            delete(self.table).where(
                self.table.c.id == client_id, self.table.c.workspace_id == self.ws
            )
        )
        if res.rowcount != 1:
            raise NotFound(f"client {client_id} does not exist")

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
        row = conn.execute(
            select(self.table).where(
                self.table.c.id == client_id, self.table.c.workspace_id == self.ws
            )
        ).first()
        if row is None:
            raise NotFound(f"client {client_id} does not exist")
        return Client(row.id, self._decode(row), row.updated_at)

    def all(self, conn: Connection) -> list[Client]:
        rows = conn.execute(select(self.table).where(self.table.c.workspace_id == self.ws))
        return [Client(r.id, self._decode(r), r.updated_at) for r in rows]

    def summaries(self, conn: Connection) -> list[ClientSummary]:
        t = self.table
        rows = conn.execute(
            select(t.c.id, t.c.full_name, t.c.date_of_birth).where(t.c.workspace_id == self.ws)
        )
        out = []
        for r in rows:
            p = _decrypt(self.cipher, t, r, ("full_name", "date_of_birth"))
            dob = p.get("date_of_birth")
            out.append(
                ClientSummary(r.id, p["full_name"], dt.date.fromisoformat(dob) if dob else None)
            )
        return out

    def ids_by_external(self, conn: Connection, external_ids: Sequence[str]) -> dict[str, UUID]:
        return _ids_by_external(conn, self.table, self.cipher, "client", self.ws, external_ids)


class SessionRepo:
    table = s.sessions

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher
        self.ws = cipher.workspace_id

    def row_values(self, session_id: UUID, d: SessionData) -> dict[str, Any]:
        plain: dict[str, str | None] = {f: getattr(d, f) for f in SOAP_FIELDS}
        plain["external_id"] = d.external_id
        values: dict[str, Any] = _encrypt(self.cipher, self.table, session_id, plain)
        values["external_id_hash"] = (
            self.cipher.lookup_hash("session", d.external_id) if d.external_id else None
        )
        values["session_date"] = d.date
        return values

    def insert(
        self, conn: Connection, client_id: UUID, d: SessionData, session_id: UUID | None = None
    ) -> UUID:
        sid = session_id or uuid.uuid4()
        conn.execute(
            insert(self.table).values(
                id=sid, workspace_id=self.ws, client_id=client_id, **self.row_values(sid, d)
            )
        )
        return sid

    def update(self, conn: Connection, session_id: UUID, d: SessionData) -> None:
        res = conn.execute(
            update(self.table)
            .where(self.table.c.id == session_id, self.table.c.workspace_id == self.ws)
            .values(updated_at=func.now(), **self.row_values(session_id, d))
        )
        if res.rowcount != 1:
            raise NotFound(f"session {session_id} does not exist")

    def delete(self, conn: Connection, session_id: UUID) -> None:
        res = conn.execute(
            delete(self.table).where(
                self.table.c.id == session_id, self.table.c.workspace_id == self.ws
            )
        )
        if res.rowcount != 1:
            raise NotFound(f"session {session_id} does not exist")

    def _decode(self, row: Any) -> Session:
        p = _decrypt(self.cipher, self.table, row, (*SOAP_FIELDS, "external_id"))
        data = SessionData(
            date=row.session_date,
            external_id=p.get("external_id"),
            **{f: p[f] for f in SOAP_FIELDS},
        )
        return Session(row.id, row.client_id, data, row.updated_at)

    def get(self, conn: Connection, session_id: UUID) -> Session:
        row = conn.execute(
            select(self.table).where(
                self.table.c.id == session_id, self.table.c.workspace_id == self.ws
            )
        ).first()
        if row is None:
            raise NotFound(f"session {session_id} does not exist")
        return self._decode(row)

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
            select(t.c.id, t.c.client_id, t.c.session_date)
            .where(t.c.client_id == client_id, t.c.workspace_id == self.ws)
            .order_by(t.c.session_date.desc(), t.c.id)
        )
        return [SessionSummary(r.id, r.client_id, r.session_date) for r in rows]

    def ids_by_external(self, conn: Connection, external_ids: Sequence[str]) -> dict[str, UUID]:
        return _ids_by_external(conn, self.table, self.cipher, "session", self.ws, external_ids)


def _ids_by_external(
    conn: Connection,
    table: Table,
    cipher: CellCipher,
    kind: str,
    ws: UUID,
    external_ids: Sequence[str],
) -> dict[str, UUID]:
    by_hash = {cipher.lookup_hash(kind, e): e for e in external_ids}
    if not by_hash:
        return {}
    # One array parameter instead of an IN list: imports look up thousands at once.
    hashes = bindparam("hashes", list(by_hash), type_=ARRAY(LargeBinary))
    rows = conn.execute(
        select(table.c.id, table.c.external_id_hash).where(
            table.c.workspace_id == ws, table.c.external_id_hash == any_(hashes)
        )
    )
    return {by_hash[bytes(r.external_id_hash)]: r.id for r in rows}
