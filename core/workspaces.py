"""Workspaces, their data keys and their practitioners."""

from __future__ import annotations

import uuid
from uuid import UUID

from sqlalchemy import Connection, delete, insert, select, update

from core import keys as k
from core import validation as v
from core.crypto import CellCipher, new_key
from core.db import schema as s
from core.db.engine import Database
from core.domain import Practitioner, Workspace
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


def create_workspace(
    db: Database, name: str, passphrase: str, cfg: CryptoSettings
) -> tuple[UUID, bytes, int]:
    """A new workspace with a random data key wrapped under the passphrase."""
    check_new_passphrase(passphrase)
    ws = uuid.uuid4()
    dek, version = new_key(), 1
    params = KdfParams.fresh(cfg)
    wrapped = k.wrap_key(k.derive_kek(passphrase, params), dek, ws, version)
    with db.tx(ws) as conn:
        conn.execute(insert(s.workspaces).values(id=ws, name=name))
        conn.execute(
            insert(s.key_wrappers).values(
                id=uuid.uuid4(),
                workspace_id=ws,
                kind=PASSPHRASE,
                key_version=version,
                kdf=params.to_json(),
                wrapped_key=wrapped,
            )
        )
    return ws, dek, version


def unlock_workspace(db: Database, ws: UUID, passphrase: str) -> tuple[bytes, int]:
    """Unwrap the workspace's current data key. Reads only: a wrong passphrase changes nothing."""
    with db.tx(ws) as conn:
        t = s.key_wrappers
        row = conn.execute(
            select(t.c.kdf, t.c.wrapped_key, t.c.key_version)
            .where(t.c.workspace_id == ws, t.c.kind == PASSPHRASE)
            .order_by(t.c.key_version.desc())
            .limit(1)
        ).first()
    if row is None:
        raise NotFound(f"workspace {ws} has no passphrase key")
    params = KdfParams.from_json(row.kdf)
    kek = k.derive_kek(passphrase, params)
    return k.unwrap_key(kek, bytes(row.wrapped_key), ws, row.key_version), row.key_version


def workspace_ids(conn: Connection) -> list[UUID]:
    return [
        r.id
        for r in conn.execute(
            select(s.workspaces.c.id).order_by(s.workspaces.c.created_at, s.workspaces.c.id)
        )
    ]


class WorkspaceRepo:
    """Workspaces hold no PHI; their rows are visible without a key."""

    def get(self, conn: Connection, ws: UUID) -> Workspace:
        row = conn.execute(select(s.workspaces).where(s.workspaces.c.id == ws)).first()
        if row is None:
            raise NotFound(f"workspace {ws} does not exist")
        return Workspace(row.id, row.name)

    def rename(self, conn: Connection, ws: UUID, name: str) -> None:
        name = v.text(
            name, field="name", record=f"workspace {ws}", max_chars=v.MAX_NAME_CHARS, required=True
        )
        if (
            conn.execute(
                update(s.workspaces).where(s.workspaces.c.id == ws).values(name=name)
            ).rowcount
            != 1
        ):
            raise NotFound(f"workspace {ws} does not exist")

    def delete(self, conn: Connection, ws: UUID) -> None:
        """Everything in the workspace goes with it (foreign keys cascade)."""
        if conn.execute(delete(s.workspaces).where(s.workspaces.c.id == ws)).rowcount != 1:
            raise NotFound(f"workspace {ws} does not exist")


class PractitionerRepo:
    table = s.practitioners

    def __init__(self, cipher: CellCipher) -> None:
        self.cipher = cipher
        self.ws = cipher.workspace_id

    def _validated(self, username: str, display_name: str) -> tuple[str, str]:
        return (
            v.text(username, field="username", max_chars=v.MAX_NAME_CHARS, required=True),
            v.text(display_name, field="display_name", max_chars=v.MAX_NAME_CHARS),
        )

    def create(self, conn: Connection, username: str, display_name: str) -> UUID:
        username, display_name = self._validated(username, display_name)
        pid = uuid.uuid4()
        conn.execute(
            insert(self.table).values(
                id=pid,
                workspace_id=self.ws,
                username=username,
                display_name=self.cipher.encrypt(
                    self.table.name, "display_name", pid, display_name
                ),
            )
        )
        return pid

    def get(self, conn: Connection, pid: UUID) -> Practitioner:
        t = self.table
        row = conn.execute(select(t).where(t.c.id == pid, t.c.workspace_id == self.ws)).first()
        if row is None:
            raise NotFound(f"practitioner {pid} does not exist")
        name = self.cipher.decrypt(t.name, "display_name", row.id, row.display_name)
        return Practitioner(row.id, row.workspace_id, row.username, name)

    def update(self, conn: Connection, pid: UUID, username: str, display_name: str) -> None:
        username, display_name = self._validated(username, display_name)
        t = self.table
        res = conn.execute(
            update(t)
            .where(t.c.id == pid, t.c.workspace_id == self.ws)
            .values(
                username=username,
                display_name=self.cipher.encrypt(t.name, "display_name", pid, display_name),
            )
        )
        if res.rowcount != 1:
            raise NotFound(f"practitioner {pid} does not exist")

    def delete(self, conn: Connection, pid: UUID) -> None:
        t = self.table
        if conn.execute(delete(t).where(t.c.id == pid, t.c.workspace_id == self.ws)).rowcount != 1:
            raise NotFound(f"practitioner {pid} does not exist")
