"""Conversations, their messages and each answer's sources, all PHI as ciphertext."""

from __future__ import annotations

import json
import uuid
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, func, insert, select

from core.assistant.types import AskSource, ConversationSummary, StoredMessage
from core.db import schema as s
from core.errors import NotFound
from core.messages import Message
from core.security.crypto import CellCipher

TITLE_CHARS = 80


def create(conn: Connection, cipher: CellCipher, client_id: UUID | None, title: str) -> UUID:
    cid = uuid.uuid4()
    conn.execute(
        insert(s.conversations).values(
            id=cid,
            workspace_id=cipher.workspace_id,
            client_id=client_id,
            **cipher.encrypt_row("conversations", cid, {"title": title[:TITLE_CHARS]}),
        )
    )
    return cid


def add_message(
    conn: Connection,
    cipher: CellCipher,
    conversation_id: UUID,
    role: str,
    content: str,
    meta: dict[str, Any] | None = None,
    sources: list[AskSource] | None = None,
) -> UUID:
    mid = uuid.uuid4()
    values = {"content": content}
    if meta is not None:
        values["meta"] = json.dumps(meta)
    conn.execute(
        insert(s.messages).values(
            id=mid,
            workspace_id=cipher.workspace_id,
            conversation_id=conversation_id,
            role=role,
            # now() is the transaction's start: a question and its answer saved together
            # would tie, and the order of a conversation would be left to chance.
            created_at=func.clock_timestamp(),
            **cipher.encrypt_row("messages", mid, values),
        )
    )
    rows: list[dict[str, object]] = []
    for src in sources or []:
        sid = uuid.uuid4()
        plain = {"detail": json.dumps(src.to_record())}
        if src.reason:
            plain["reason"] = src.reason
        rows.append(
            {
                "id": sid,
                "workspace_id": cipher.workspace_id,
                "message_id": mid,
                "n": src.n,
                "chunk_id": src.chunk_id,
                "used": src.used,
                "support": src.support,
                "reason": None,
                **cipher.encrypt_row("message_sources", sid, plain),
            }
        )
    if rows:
        conn.execute(insert(s.message_sources), rows)
    return mid


def _source(cipher: CellCipher, row: Any) -> AskSource:
    record = json.loads(cipher.decrypt("message_sources", "detail", row.id, bytes(row.detail)))
    reason = (
        cipher.decrypt("message_sources", "reason", row.id, bytes(row.reason))
        if row.reason
        else None
    )
    # The columns are the truth for what the service queries (used, support).
    return AskSource.from_record({**record, "used": row.used, "support": row.support}, reason)


def messages(conn: Connection, cipher: CellCipher, conversation_id: UUID) -> list[StoredMessage]:
    m, ms = s.messages, s.message_sources
    rows = conn.execute(
        select(m).where(m.c.conversation_id == conversation_id).order_by(m.c.created_at, m.c.id)
    ).all()
    if not rows and not _exists(conn, conversation_id):
        raise NotFound(Message("ask.no_conversation_id"))
    by_message: dict[UUID, list[AskSource]] = {}
    src_rows = conn.execute(
        select(ms).where(ms.c.message_id.in_([r.id for r in rows])).order_by(ms.c.n)
    )
    for r in src_rows:
        # A source row from before details were kept has nothing to show: skip it.
        if r.detail is not None:
            by_message.setdefault(r.message_id, []).append(_source(cipher, r))
    out: list[StoredMessage] = []
    for r in rows:
        meta: dict[str, Any] = (
            json.loads(cipher.decrypt("messages", "meta", r.id, bytes(r.meta))) if r.meta else {}
        )
        out.append(
            StoredMessage(
                id=r.id,
                role=r.role,
                content=cipher.decrypt("messages", "content", r.id, bytes(r.content)),
                created_at=r.created_at,
                sources=by_message.get(r.id, []),
                warnings=[_note(w) for w in meta.get("warnings", [])],
                refused=bool(meta.get("refused", False)),
                lines=tuple(Message.from_json(line) for line in meta.get("lines", [])),
            )
        )
    return out


def _note(stored: Any) -> Message | str:
    """A stored warning: an id and its values, or, stored before ids, its English text."""
    if isinstance(stored, dict):
        data: dict[str, Any] = stored  # pyright: ignore[reportUnknownVariableType]
        return Message.from_json(data)
    return str(stored)


def _exists(conn: Connection, conversation_id: UUID) -> bool:
    c = s.conversations
    return conn.execute(select(c.c.id).where(c.c.id == conversation_id)).first() is not None


def client_of(conn: Connection, conversation_id: UUID) -> UUID | None:
    c = s.conversations
    row = conn.execute(select(c.c.client_id).where(c.c.id == conversation_id)).first()
    if row is None:
        raise NotFound(Message("ask.no_conversation_id"))
    return row.client_id


def summaries(
    conn: Connection, cipher: CellCipher, client_id: UUID | None
) -> list[ConversationSummary]:
    c = s.conversations
    cond = c.c.client_id == client_id if client_id else c.c.client_id.is_(None)
    rows = conn.execute(select(c).where(cond).order_by(c.c.created_at.desc(), c.c.id))
    return [
        ConversationSummary(
            r.id,
            r.client_id,
            cipher.decrypt("conversations", "title", r.id, bytes(r.title)) if r.title else "",
            r.created_at,
        )
        for r in rows
    ]
