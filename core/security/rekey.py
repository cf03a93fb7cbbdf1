"""Re-encryption after a data-key rotation: resumable and idempotent by construction.

Each pass selects rows that still hold a value written with an older key version, in
batches, each batch its own transaction. Killed halfway, the next run simply finds fewer
rows. No job table can drift out of step with the data."""

from __future__ import annotations

import struct
from typing import Any

from sqlalchemy import BindParameter, bindparam, text

from core.db.engine import Database
from core.errors import Cancelled
from core.messages import Message
from core.progress import CancelToken, Progress
from core.security.crypto import CellCipher

# Every encrypted column, by table (external ids too).
ENCRYPTED = {
    "clients": ("external_id", "full_name", "date_of_birth", "medical_history", "notes"),
    "sessions": ("external_id", "subjective", "objective", "assessment", "plan"),
    "practitioners": ("display_name",),
    "conversations": ("title",),
    "messages": ("content",),
    "message_sources": ("reason",),
    "drafts": ("content",),
    "facts": ("payload",),
    "documents": ("title", "content"),
    "document_pages": ("text", "words"),
    "session_recordings": ("content",),
}
# Binary values (an attached document's file, a kept dictation), re-encrypted as bytes.
BINARY = {("documents", "content"), ("session_recordings", "content")}
# A document's file is up to 50 MB, a kept visit's sound tens of MB: two a transaction.
BATCH_CAP = {"documents": 2, "session_recordings": 2}


def _stale(cols: tuple[str, ...]) -> str:
    # Bytes 3-6 of a value are its key version (core.security.crypto's header).
    return " OR ".join(f"substring({c} from 3 for 4) <> :v" for c in cols)


def pending(db: Database, cipher: CellCipher) -> int:
    v = struct.pack(">I", cipher.key_version)
    total = 0
    with db.tx(cipher.workspace_id) as conn:
        for table, cols in ENCRYPTED.items():
            total += conn.execute(
                text(f"SELECT count(*) FROM {table} WHERE {_stale(cols)}"), {"v": v}
            ).scalar_one()
    return total


def reencrypt(
    db: Database,
    cipher: CellCipher,
    *,
    batch: int = 200,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> int:
    """Re-encrypt every value not yet under the current key. Returns how many rows."""
    v = struct.pack(">I", cipher.key_version)
    total = pending(db, cipher) or 1
    done = 0
    for table, cols in ENCRYPTED.items():
        select = text(
            f"SELECT id, {', '.join(cols)} FROM {table} WHERE {_stale(cols)} "
            "LIMIT :n FOR UPDATE SKIP LOCKED"
        )
        params: list[BindParameter[Any]] = [bindparam(c, type_=None) for c in cols]
        update = text(
            f"UPDATE {table} SET {', '.join(f'{c} = :{c}' for c in cols)} WHERE id = :id"
        ).bindparams(*params)
        while True:
            if cancel is not None and cancel.cancelled:
                raise Cancelled(Message("keys.re_encryption_paused"), done=done)
            with db.tx(cipher.workspace_id) as conn:
                rows = conn.execute(
                    select, {"v": v, "n": min(batch, BATCH_CAP.get(table, batch))}
                ).all()
                if not rows:
                    break
                conn.execute(update, [_rewrap(cipher, table, cols, r) for r in rows])
            done += len(rows)
            if progress is not None:
                progress(min(1.0, done / total), "re-encrypting")
    return done


def _rewrap(cipher: CellCipher, table: str, cols: tuple[str, ...], row: Any) -> dict[str, Any]:
    present = [c for c in cols if getattr(row, c) is not None]
    plain = {
        c: cipher.decrypt(table, c, row.id, getattr(row, c))
        for c in present
        if (table, c) not in BINARY
    }
    out: dict[str, Any] = dict.fromkeys(cols)
    out.update(cipher.encrypt_row(table, row.id, plain))
    for c in present:
        if (table, c) in BINARY:
            data = cipher.decrypt_bytes(table, c, row.id, bytes(getattr(row, c)))
            out[c] = cipher.encrypt_bytes(table, c, row.id, data)
    out["id"] = row.id
    return out
