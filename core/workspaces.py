"""Workspaces, their data keys and their practitioners."""

from __future__ import annotations

import uuid
from uuid import UUID

from sqlalchemy import Connection, insert, select

from core import keys as k
from core.crypto import new_key
from core.db import schema as s
from core.db.engine import Database
from core.errors import NotFound, WrongPassphrase
from core.keys import KdfParams
from core.settings import CryptoSettings

PASSPHRASE = "passphrase"
MIN_PASSPHRASE_CHARS = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise WrongPassphrase(
            f"The passphrase must have at least {MIN_PASSPHRASE_CHARS} characters.",
            remediation="Choose a longer passphrase.",
        )


def create_workspace(db: Database, name: str, passphrase: str,
                     cfg: CryptoSettings) -> tuple[UUID, bytes, int]:
    """A new workspace with a random data key wrapped under the passphrase."""
    check_new_passphrase(passphrase)
    ws = uuid.uuid4()
    dek, version = new_key(), 1
    params = KdfParams.fresh(cfg)
    wrapped = k.wrap_key(k.derive_kek(passphrase, params), dek, ws, version)
    with db.tx(ws) as conn:
        conn.execute(insert(s.workspaces).values(id=ws, name=name))
        conn.execute(insert(s.key_wrappers).values(
            id=uuid.uuid4(), workspace_id=ws, kind=PASSPHRASE, key_version=version,
            kdf=params.to_json(), wrapped_key=wrapped))
    return ws, dek, version


def unlock_workspace(db: Database, ws: UUID, passphrase: str) -> tuple[bytes, int]:
    """Unwrap the workspace's current data key. Reads only: a wrong passphrase changes nothing."""
    with db.tx(ws) as conn:
        t = s.key_wrappers
        row = conn.execute(
            select(t.c.kdf, t.c.wrapped_key, t.c.key_version)
            .where(t.c.workspace_id == ws, t.c.kind == PASSPHRASE)
            .order_by(t.c.key_version.desc()).limit(1)
        ).first()
    if row is None:
        raise NotFound(f"workspace {ws} has no passphrase key")
    params = KdfParams.from_json(row.kdf)
    kek = k.derive_kek(passphrase, params)
    return k.unwrap_key(kek, bytes(row.wrapped_key), ws, row.key_version), row.key_version


def workspace_ids(conn: Connection) -> list[UUID]:
    return [r.id for r in conn.execute(
        select(s.workspaces.c.id).order_by(s.workspaces.c.created_at, s.workspaces.c.id))]


def add_practitioner(conn: Connection, cipher_ws: UUID, username: str,
                     display_name_ct: bytes, practitioner_id: UUID) -> None:
    conn.execute(insert(s.practitioners).values(
        id=practitioner_id, workspace_id=cipher_ws, username=username,
        display_name=display_name_ct))
