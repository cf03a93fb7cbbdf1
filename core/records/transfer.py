"""Import and export in the `chartside.v1` JSON format (docs/usage.md).

An import is validated in full before anything is written, then written in one
transaction, so a bad record leaves the database exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast
from uuid import UUID

from sqlalchemy import Connection

from core.db.bulk import INSERT, UPDATE, bulk
from core.domain import SOAP_FIELDS, ClientData, SessionData
from core.errors import ImportFormatError, ValidationError
from core.files import atomic_file
from core.messages import Message
from core.progress import CancelToken, Progress, Steps
from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.chunks import ChunkWriter, Owner, client_owner, session_owner
from core.security.crypto import CellCipher

FORMAT = "chartside.v1"
# "documents" (attached files) are checked and written by core.documents.transfer: this
# module keeps them as they came.
_CLIENT_KEYS = {
    "external_id",
    "full_name",
    "date_of_birth",
    "medical_history",
    "notes",
    "sessions",
    "documents",
}
_SESSION_KEYS = {"external_id", "date", *SOAP_FIELDS}


@dataclass(frozen=True)
class ImportSummary:
    clients_created: int
    clients_updated: int
    sessions_created: int
    sessions_updated: int
    documents_created: int = 0  # attached files new to their client (core.documents)


@dataclass
class _Parsed:
    client: ClientData
    sessions: list[SessionData]
    documents: list[Any] = field(default_factory=list[Any])  # as in the file; see _CLIENT_KEYS
    record: str = ""  # where the file has it, for errors


def _object(value: object) -> dict[str, Any] | None:
    """A JSON object as parsed, or None: `json.loads` says nothing of the types inside."""
    return cast("dict[str, Any]", value) if isinstance(value, dict) else None


def _list(value: object) -> list[Any] | None:
    return cast("list[Any]", value) if isinstance(value, list) else None


def _fail(message: Message | str, field: str, record: str) -> ImportFormatError:
    return ImportFormatError(message, field=field, record=record)


def parse(raw: bytes | str) -> list[_Parsed]:
    """Validate a whole import file. Raises `ImportFormatError` naming record and field."""
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        # ValueError covers bad JSON, bad UTF-8 and numbers too long to convert; deep
        # nesting exhausts the parser's recursion.
        where = (
            Message("records.line_column", n=exc.lineno, count=exc.colno)
            if isinstance(exc, json.JSONDecodeError)
            else Message("records.nesting_too_deep")
            if isinstance(exc, RecursionError)
            else Message("records.encoding")
            if isinstance(exc, UnicodeDecodeError)
            else Message("records.number_too_long")
        )
        raise _fail(Message("records.not_utf8_json", where=where), "file", "import file") from None
    top = _object(doc)
    if top is None or top.get("format") != FORMAT:
        raise _fail(Message("records.must_name_format", name=FORMAT), "format", "import file")
    clients = _list(top.get("clients"))
    if clients is None:
        raise _fail(Message("records.must_be_list"), "clients", "import file")
    parsed: list[_Parsed] = []
    seen_clients: set[str] = set()
    seen_sessions: set[str] = set()
    for i, item in enumerate(clients):
        rec = f"clients[{i}]"
        c = _object(item)
        if c is None:
            raise _fail(Message("records.must_be_object"), "client", rec)
        if isinstance(c.get("external_id"), str):
            rec = f"clients[{i}] (external_id {c['external_id'][:40]!r})"
        _no_unknown(c, _CLIENT_KEYS, rec)
        try:
            client = ClientData(
                # A missing name reaches validated(), which reports it by field and record.
                full_name=c.get("full_name"),  # pyright: ignore[reportArgumentType]
                date_of_birth=c.get("date_of_birth"),
                medical_history=c.get("medical_history", ""),
                notes=c.get("notes", ""),
                external_id=c.get("external_id"),
            ).validated(rec)
            if client.external_id is None:
                raise _fail(Message("field.required"), "external_id", rec)
        except ValidationError as exc:
            raise _fail(exc.detail, exc.field, rec) from None
        if client.external_id in seen_clients:
            raise _fail(Message("records.appears_twice"), "external_id", rec)
        seen_clients.add(client.external_id)
        raw_sessions = _list(c.get("sessions", []))
        if raw_sessions is None:
            raise _fail(Message("records.must_be_list"), "sessions", rec)
        sessions = [
            _parse_session(s, f"{rec}.sessions[{j}]", seen_sessions)
            for j, s in enumerate(raw_sessions)
        ]
        documents = _list(c.get("documents", []))
        if documents is None:
            raise _fail(Message("records.must_be_list"), "documents", rec)
        parsed.append(_Parsed(client, sessions, documents, rec))
    return parsed


def _parse_session(item: object, rec: str, seen: set[str]) -> SessionData:
    s = _object(item)
    if s is None:
        raise _fail(Message("records.must_be_object"), "session", rec)
    _no_unknown(s, _SESSION_KEYS, rec)
    if "date" not in s:
        raise _fail(Message("field.required"), "date", rec)
    try:
        data = SessionData(
            date=s["date"],
            external_id=s.get("external_id"),
            **{f: s.get(f, "") for f in SOAP_FIELDS},
        ).validated(rec)
    except ValidationError as exc:
        raise _fail(exc.detail, exc.field, rec) from None
    if data.external_id is None:
        raise _fail(Message("field.required"), "external_id", rec)
    if data.external_id in seen:
        raise _fail(Message("records.appears_twice"), "external_id", rec)
    seen.add(data.external_id)
    return data


def _no_unknown(obj: dict[str, Any], allowed: set[str], rec: str) -> None:
    extra = sorted(set(obj) - allowed)
    if extra:
        # The name comes from the file: escape it before it reaches a terminal.
        raise _fail(Message("records.unknown_field"), ascii(str(extra[0]))[1:-1][:40], rec)


BATCH_CLIENTS = 250


@dataclass
class _Batch:
    new_c: list[dict[str, Any]]
    upd_c: list[dict[str, Any]]
    new_s: list[dict[str, Any]]
    upd_s: list[dict[str, Any]]
    owners: list[Owner]


def _encrypt_batch(
    cipher: CellCipher,
    records: list[_Parsed],
    existing_c: dict[str, UUID],
    existing_s: dict[str, UUID],
) -> _Batch:
    crepo, srepo = ClientRepo(cipher), SessionRepo(cipher)
    ws = cipher.workspace_id
    b = _Batch([], [], [], [], [])
    for r in records:
        cid = existing_c.get(r.client.external_id or "")
        new = cid is None
        if cid is None:
            cid = uuid.uuid4()
            b.new_c.append({"id": cid, "workspace_id": ws, **crepo.row_values(cid, r.client)})
        else:
            b.upd_c.append({"_id": cid, **crepo.row_values(cid, r.client)})
        b.owners.append(client_owner(cid, r.client, new=new))
        for sd in r.sessions:
            sid = existing_s.get(sd.external_id or "")
            new = sid is None
            if sid is None:
                sid = uuid.uuid4()
                b.new_s.append(
                    {"id": sid, "workspace_id": ws, "client_id": cid, **srepo.row_values(sid, sd)}
                )
            else:
                b.upd_s.append({"_id": sid, "client_id": cid, **srepo.row_values(sid, sd)})
            b.owners.append(session_owner(cid, sid, sd, new=new))
    return b


def write(
    conn: Connection,
    cipher: CellCipher,
    records: list[_Parsed],
    progress: Progress | None = None,
    chunks: ChunkWriter | None = None,
    cancel: CancelToken | None = None,
) -> ImportSummary:
    """Upsert by external id inside the caller's transaction, with the notes' chunks.
    `cancel` raises `Cancelled` between batches; the caller's rollback then undoes all."""
    steps = Steps(progress, cancel)
    crepo, srepo = ClientRepo(cipher), SessionRepo(cipher)
    existing_c = crepo.ids_by_external(conn, [r.client.external_id or "" for r in records])
    existing_s = srepo.ids_by_external(
        conn, [s.external_id or "" for r in records for s in r.sessions]
    )
    counts = [0, 0, 0, 0]
    # Batches bound memory and feed progress. (A worker thread encrypting ahead was tried:
    # psycopg's executemany holds the GIL while it adapts parameters, so it only slowed.)
    for start in range(0, len(records), BATCH_CLIENTS):
        steps.at(start / len(records), "importing")
        b = _encrypt_batch(cipher, records[start : start + BATCH_CLIENTS], existing_c, existing_s)
        bulk(conn, crepo.table, b.new_c, INSERT)
        bulk(conn, crepo.table, b.upd_c, UPDATE)
        bulk(conn, srepo.table, b.new_s, INSERT)
        bulk(conn, srepo.table, b.upd_s, UPDATE)
        if chunks is not None:
            chunks.sync(conn, b.owners)
        for i, rows in enumerate((b.new_c, b.upd_c, b.new_s, b.upd_s)):
            counts[i] += len(rows)
    steps.at(1.0, "importing")  # the last moment to cancel: the caller commits next
    return ImportSummary(*counts)


def export_doc(
    conn: Connection,
    cipher: CellCipher,
    client_id: UUID | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    extra: Callable[[UUID], dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """Everything (or one client) as a `chartside.v1` document, in a stable order.
    Records without an external id get their internal id, so a re-import keeps them apart.
    Progress is by client; `cancel` raises `Cancelled` between clients. `extra` adds keys
    of a client's that other parts keep (its documents)."""
    crepo, srepo = ClientRepo(cipher), SessionRepo(cipher)
    clients = [crepo.get(conn, client_id)] if client_id else crepo.all(conn)
    steps = Steps(progress, cancel)
    out: list[dict[str, Any]] = []
    for i, c in enumerate(clients):
        steps.at(i / max(len(clients), 1), "exporting")
        d = c.data
        sessions = [
            {
                "external_id": s.data.external_id or str(s.id),
                "date": _iso(s.data.date),
                **{f: getattr(s.data, f) for f in SOAP_FIELDS},
            }
            for s in srepo.for_client(conn, c.id)
        ]
        out.append(
            {
                "external_id": d.external_id or str(c.id),
                "full_name": d.full_name,
                "date_of_birth": d.date_of_birth.isoformat() if d.date_of_birth else None,
                "medical_history": d.medical_history,
                "notes": d.notes,
                "sessions": sorted(sessions, key=lambda s: (s["date"], s["external_id"])),
                **(extra(c.id) if extra is not None else {}),
            }
        )
    out.sort(key=lambda c: c["external_id"])
    steps.at(1.0, "exporting")
    return {"format": FORMAT, "clients": out}


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="seconds" if not value.microsecond else "microseconds")


def dump(doc: dict[str, Any], path: Path) -> None:
    """Write atomically with private permissions: an export is PHI in plaintext, so a
    failed write must leave no partial copy behind either."""
    body = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    with atomic_file(path) as f:
        f.write(body.encode("utf-8"))
