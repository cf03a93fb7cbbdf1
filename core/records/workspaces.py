"""Workspaces, their data keys and their practitioners."""

from __future__ import annotations

import base64
import getpass
import os
import uuid
from typing import Any
from uuid import UUID

from sqlalchemy import Connection, delete, insert, select, update

from core import validation as v
from core.db import schema as s
from core.db.engine import Database
from core.domain import Practitioner
from core.errors import CryptoError, NotFound, ValidationError, WrongPassphrase
from core.messages import Message
from core.security import keys as k
from core.security.crypto import CellCipher, new_key
from core.security.keys import KdfParams
from core.settings import CryptoSettings

PASSPHRASE = "passphrase"
MIN_PASSPHRASE_CHARS = 8


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        raise WrongPassphrase(
            Message("keys.passphrase_too_short", n=MIN_PASSPHRASE_CHARS),
            remediation=Message("keys.choose_longer_passphrase"),
        )


MASTER = "master"
DATA = "data"
RECOVERY = "recovery"
KEYRING = "keyring"
SOURCE_VERSION = 0  # master-key wrappers have no versions; data keys count from 1


def create_workspace(
    db: Database, name: str, passphrase: str, cfg: CryptoSettings, username: str
) -> tuple[UUID, k.WorkspaceKeys, str, UUID]:
    """A new workspace with its first practitioner: random master and data keys, the
    master key wrapped under that practitioner's passphrase and under a new recovery key,
    which is returned to be shown once."""
    check_new_passphrase(passphrase)
    ws = uuid.uuid4()
    keys = k.WorkspaceKeys(new_key(), {1: new_key()}, 1)
    recovery = k.new_recovery_key()
    with db.tx(ws) as conn:
        conn.execute(insert(s.workspaces).values(id=ws, name=name))
        _put_data_key(conn, ws, keys, 1)
        _put_source(conn, ws, RECOVERY, *_recovery_wrap(ws, keys.master, recovery))
        pid = add_practitioner_login(conn, ws, keys, username, username, passphrase, cfg)
    return ws, keys, recovery, pid


def add_practitioner_login(
    conn: Connection,
    ws: UUID,
    keys: k.WorkspaceKeys,
    username: str,
    display_name: str,
    passphrase: str,
    cfg: CryptoSettings,
) -> UUID:
    """A practitioner with their own passphrase (their own wrapper of the master key)."""
    check_new_passphrase(passphrase)
    if conn.execute(select(s.logins.c.username).where(s.logins.c.username == username)).first():
        raise ValidationError(Message("keys.already_taken"), field="username")
    pid = PractitionerRepo(keys.cipher(ws)).create(conn, username, display_name)
    conn.execute(insert(s.logins).values(username=username, workspace_id=ws, practitioner_id=pid))
    set_passphrase(conn, ws, keys, passphrase, cfg, pid)
    return pid


def usernames(conn: Connection, ws: UUID) -> list[str]:
    return sorted(
        conn.execute(select(s.logins.c.username).where(s.logins.c.workspace_id == ws)).scalars()
    )


def find_login(db: Database, username: str | None) -> Any:
    """(workspace_id, practitioner_id) for a username; with no name, the only login there
    is (the solo practitioner). None when there is no such login."""
    with db.tx(None) as conn:
        rows = conn.execute(select(s.logins)).all()
    if username is not None:
        return next((r for r in rows if r.username == username), None)
    return rows[0] if len(rows) == 1 else None


def login_for(db: Database, username: str | None) -> Any:
    """`find_login`, and where nobody answers to `username`, the user's own login name;
    `NotFound` saying how to name oneself when neither is there."""
    login = find_login(db, username) or (None if username else find_login(db, getpass.getuser()))
    if login is None:
        raise NotFound(
            Message("keys.no_such_practitioner")
            if username
            else Message("keys.several_practitioners"),
            remediation=Message("keys.give_username"),
        )
    return login


def _passphrase_wrap(
    ws: UUID, master: bytes, passphrase: str, cfg: CryptoSettings
) -> tuple[dict[str, object], bytes]:
    params = KdfParams.fresh(cfg)
    return params.to_json(), k.wrap_key(k.derive_kek(passphrase, params), master, ws, MASTER)


def _recovery_wrap(ws: UUID, master: bytes, recovery: str) -> tuple[dict[str, object], bytes]:
    salt = os.urandom(16)
    kdf: dict[str, object] = {"algorithm": "hkdf-sha256", "salt": base64.b64encode(salt).decode()}
    return kdf, k.wrap_key(k.recovery_kek(recovery, salt), master, ws, MASTER)


def _mine(t: Any, ws: UUID, kind: str, practitioner_id: UUID | None) -> Any:
    who = (
        t.c.practitioner_id.is_(None)
        if practitioner_id is None
        else t.c.practitioner_id == practitioner_id
    )
    return (t.c.workspace_id == ws) & (t.c.kind == kind) & (t.c.key_version == SOURCE_VERSION) & who


def _put_source(
    conn: Connection,
    ws: UUID,
    kind: str,
    kdf: dict[str, object],
    wrapped: bytes,
    practitioner_id: UUID | None = None,
) -> None:
    """Insert or replace the wrapper of the master key under one source."""
    t = s.key_wrappers
    done = conn.execute(
        update(t).where(_mine(t, ws, kind, practitioner_id)).values(kdf=kdf, wrapped_key=wrapped)
    ).rowcount
    if not done:
        conn.execute(
            insert(t).values(
                id=uuid.uuid4(),
                workspace_id=ws,
                kind=kind,
                key_version=SOURCE_VERSION,
                kdf=kdf,
                wrapped_key=wrapped,
                practitioner_id=practitioner_id,
            )
        )


def _put_data_key(conn: Connection, ws: UUID, keys: k.WorkspaceKeys, version: int) -> None:
    conn.execute(
        insert(s.key_wrappers).values(
            id=uuid.uuid4(),
            workspace_id=ws,
            kind=DATA,
            key_version=version,
            kdf={},
            wrapped_key=k.wrap_key(keys.master, keys.data[version], ws, f"{DATA}:{version}"),
        )
    )


def _source_row(conn: Connection, ws: UUID, kind: str, practitioner_id: UUID | None = None) -> Any:
    t = s.key_wrappers
    return conn.execute(
        select(t.c.kdf, t.c.wrapped_key).where(_mine(t, ws, kind, practitioner_id))
    ).first()


def _open(conn: Connection, ws: UUID, master: bytes) -> k.WorkspaceKeys:
    t = s.key_wrappers
    rows = conn.execute(
        select(t.c.key_version, t.c.wrapped_key).where(t.c.workspace_id == ws, t.c.kind == DATA)
    ).all()
    bad = CryptoError(Message("keys.data_keys_mismatch", id=ws))
    data = {
        r.key_version: k.unwrap_key(
            master, bytes(r.wrapped_key), ws, f"{DATA}:{r.key_version}", bad
        )
        for r in rows
    }
    if not data:
        raise NotFound(Message("keys.workspace_no_data_key", id=ws))
    return k.WorkspaceKeys(master, data, max(data))


def unlock_workspace(
    db: Database,
    ws: UUID,
    passphrase: str | None = None,
    *,
    recovery_key: str | None = None,
    practitioner_id: UUID | None = None,
) -> k.WorkspaceKeys:
    """Unwrap the keys with a practitioner's passphrase (any practitioner's when none is
    named: backups are made by whoever is at the keyboard) or with the recovery key.
    Reads only: a wrong secret changes nothing."""
    with db.tx(ws) as conn:
        if recovery_key is not None:
            row = _source_row(conn, ws, RECOVERY)
            if row is None:
                raise NotFound(Message("keys.workspace_no_recovery_key", id=ws))
            kek = k.recovery_kek(recovery_key, base64.b64decode(row.kdf["salt"]))
            wrong = WrongPassphrase(
                Message("keys.recovery_key_not_correct"),
                remediation=Message("keys.check_recovery_key"),
            )
            return _open(conn, ws, k.unwrap_key(kek, bytes(row.wrapped_key), ws, MASTER, wrong))
        t = s.key_wrappers
        query = select(t.c.kdf, t.c.wrapped_key).where(
            t.c.workspace_id == ws, t.c.kind == PASSPHRASE
        )
        if practitioner_id is not None:
            query = query.where(t.c.practitioner_id == practitioner_id)
        for row in conn.execute(query).all():
            kek = k.derive_kek(passphrase or "", KdfParams.from_json(row.kdf))
            try:
                master = k.unwrap_key(kek, bytes(row.wrapped_key), ws, MASTER)
            except WrongPassphrase:
                continue
            return _open(conn, ws, master)
    raise WrongPassphrase(Message("keys.passphrase_not_correct"))


def _secret_kind(kind: str) -> Message:
    """A key source's kind ("keyring", "recovery", "passphrase") in a message."""
    words = {KEYRING: "keys.kind_keyring", RECOVERY: "keys.kind_recovery"}
    return Message(words.get(kind, "keys.kind_passphrase"))


def unlock_with_secret(db: Database, ws: UUID, kind: str, secret: bytes) -> k.WorkspaceKeys:
    """Unwrap with a raw key-encryption key held elsewhere (the OS keyring)."""
    with db.tx(ws) as conn:
        row = _source_row(conn, ws, kind)
        if row is None:
            raise NotFound(Message("keys.workspace_no_key", id=ws, kind=_secret_kind(kind)))
        wrong = CryptoError(
            Message("keys.secret_does_not_open", kind=_secret_kind(kind), id=ws),
            remediation=Message("keys.unlock_with_passphrase_or_key"),
        )
        return _open(conn, ws, k.unwrap_key(secret, bytes(row.wrapped_key), ws, MASTER, wrong))


def set_passphrase(
    conn: Connection,
    ws: UUID,
    keys: k.WorkspaceKeys,
    passphrase: str,
    cfg: CryptoSettings,
    practitioner_id: UUID,
) -> None:
    check_new_passphrase(passphrase)
    _put_source(
        conn, ws, PASSPHRASE, *_passphrase_wrap(ws, keys.master, passphrase, cfg), practitioner_id
    )


def new_recovery_key(conn: Connection, ws: UUID, keys: k.WorkspaceKeys) -> str:
    recovery = k.new_recovery_key()
    _put_source(conn, ws, RECOVERY, *_recovery_wrap(ws, keys.master, recovery))
    return recovery


def set_secret_source(
    conn: Connection,
    ws: UUID,
    keys: k.WorkspaceKeys,
    kind: str,
    secret: bytes,
    kdf: dict[str, object],
) -> None:
    _put_source(conn, ws, kind, kdf, k.wrap_key(secret, keys.master, ws, MASTER))


def secret_source_backend(db: Database, ws: UUID, kind: str) -> str | None:
    """Which keyring backend holds the secret of this source (None: no such source)."""
    with db.tx(ws) as conn:
        row = _source_row(conn, ws, kind)
    return None if row is None else str(row.kdf.get("backend", ""))


def master_wrappers(conn: Connection, ws: UUID) -> list[dict[str, object]]:
    """The stored passphrase and recovery wrappers of the master key, as a sealed backup
    carries them (they hold no key in the clear)."""
    t = s.key_wrappers
    rows = conn.execute(
        select(t.c.kind, t.c.kdf, t.c.wrapped_key).where(
            t.c.workspace_id == ws,
            t.c.kind.in_([PASSPHRASE, RECOVERY]),
            t.c.key_version == SOURCE_VERSION,
        )
    ).all()
    return [
        {"kind": r.kind, "kdf": r.kdf, "wrapped": base64.b64encode(bytes(r.wrapped_key)).decode()}
        for r in rows
    ]


def drop_passphrase(conn: Connection, ws: UUID, practitioner_id: UUID) -> None:
    t = s.key_wrappers
    conn.execute(delete(t).where(_mine(t, ws, PASSPHRASE, practitioner_id)))


def drop_source(conn: Connection, ws: UUID, kind: str) -> None:
    t = s.key_wrappers
    conn.execute(
        delete(t).where(t.c.workspace_id == ws, t.c.kind == kind, t.c.key_version == SOURCE_VERSION)
    )


def sources(conn: Connection, ws: UUID) -> list[str]:
    t = s.key_wrappers
    query = select(t.c.kind).where(t.c.workspace_id == ws, t.c.key_version == SOURCE_VERSION)
    return sorted(set(conn.execute(query).scalars()))


def add_data_key(conn: Connection, ws: UUID, keys: k.WorkspaceKeys) -> k.WorkspaceKeys:
    """Rotation: a new current data key version, wrapped by the master key."""
    version = keys.current + 1
    rotated = k.WorkspaceKeys(keys.master, {**keys.data, version: new_key()}, version)
    _put_data_key(conn, ws, rotated, version)
    return rotated


def workspace_ids(conn: Connection) -> list[UUID]:
    return [
        r.id
        for r in conn.execute(
            select(s.workspaces.c.id).order_by(s.workspaces.c.created_at, s.workspaces.c.id)
        )
    ]


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
            raise NotFound(
                Message("records.does_not_exist", record=Message("records.practitioner"), id=pid)
            )
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
            raise NotFound(
                Message("records.does_not_exist", record=Message("records.practitioner"), id=pid)
            )

    def delete(self, conn: Connection, pid: UUID) -> None:
        t = self.table
        if conn.execute(delete(t).where(t.c.id == pid, t.c.workspace_id == self.ws)).rowcount != 1:
            raise NotFound(
                Message("records.does_not_exist", record=Message("records.practitioner"), id=pid)
            )
