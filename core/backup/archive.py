"""Encrypted backups of the embedded database, and checked restores (docs/architecture.md,
"Backup and restore").

A backup is `pg_dump -Fc`, run as the BYPASSRLS backup role so that it sees every workspace,
streamed through `core.backup.format` into a file under the passphrase. The manifest inside
records per-table row counts and a SHA-256 of the decrypted content, both taken in the same
snapshot as the dump. A restore authenticates the whole file first, then builds a new
cluster, restores into it, and compares counts and decrypted content with the manifest; on
any failure the new data directory is removed, so nothing half-restored can be opened.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from core.backup import pg
from core.backup.format import (
    BACKUP_SUFFIX,
    CHUNK_SIZE,
    BackupDamaged,
    BackupError,
    BackupReader,
    BackupVersionUnsupported,
    BackupWriter,
    Manifest,
    Sealed,
    backup_file_name,
    file_size,
    open_backup,
    prune_backups,
)
from core.db.engine import BACKUP_USER, Database
from core.db.server import SUPERUSER, EmbeddedServer
from core.db.store import Store, create_cluster
from core.errors import (
    BackupUnsupported,
    NotInitialised,
    RestoreTargetNotEmpty,
    RestoreVerificationFailed,
    WrongPassphrase,
)
from core.files import atomic_file
from core.messages import Message
from core.progress import CancelToken, Progress, Steps
from core.records import transfer
from core.records import workspaces as w
from core.security.crypto import CellCipher
from core.settings import Settings

__all__ = [
    "BACKUP_SUFFIX",
    "BackupDamaged",
    "BackupError",
    "BackupResult",
    "BackupUnsupported",
    "BackupVersionUnsupported",
    "Manifest",
    "RestoreTargetNotEmpty",
    "RestoreVerificationFailed",
    "backup_file_name",
    "content_digest",
    "create_backup",
    "prune_backups",
    "restore_backup",
    "verify_backup",
]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    manifest: Manifest


def content_digest(doc: dict[str, Any]) -> str:
    """SHA-256 of a `transfer.export_doc` document as canonical JSON (it is sorted already)."""
    canon = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


# -- backup ----------------------------------------------------------------------------
def create_backup(
    store: Store,
    out: Path,
    passphrase: str | None,
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    chunk_size: int = CHUNK_SIZE,
    sealed: tuple[Sealed, CellCipher] | None = None,
) -> BackupResult:
    """Write an encrypted backup of the store's database to `out` (atomically, mode 0600).

    The passphrase must unlock every workspace: the file is encrypted under it and a restore
    checks the decrypted content with it. A wrong passphrase writes nothing. `sealed`
    (unattended, scheduled backups of a one-workspace store) encrypts under the unlocked
    workspace key instead; the passphrase or the recovery key opens it later."""
    steps = Steps(progress, cancel)
    server = _embedded(store.server)
    out = Path(out).absolute()
    if out.exists() and not overwrite:
        raise BackupError(
            Message("backup.path_already_exists", path=out),
            remediation=Message("backup.choose_another_file_name"),
        )
    if not out.parent.is_dir():
        raise BackupError(
            Message("backup.folder_missing", path=out.parent),
            remediation=Message("backup.create_the_folder"),
        )
    steps.at(0.0, "checking the passphrase")
    if sealed is not None:
        with store.open().tx(None) as conn:
            if len(w.workspace_ids(conn)) != 1:
                raise BackupUnsupported(
                    Message("backup.unattended_needs_one_workspace"),
                    remediation=Message("backup.back_up_by_hand"),
                )
        ciphers = [sealed[1]]
    else:
        assert passphrase is not None
        ciphers = _unlock_all(store.open(), passphrase)
    secrets = pg.ensure_backup_role(store.settings.data_dir, server)
    assert secrets.backup_password is not None
    engine = pg.engine(server, BACKUP_USER, secrets.backup_password)
    try:
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                # pg_dump imports this snapshot, so the counts and digests below describe
                # exactly the rows in the dump even while the app keeps writing.
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
                snapshot = conn.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
                steps.at(0.02, "counting records")
                tables = pg.row_counts(conn)
                digests: dict[str, str] = {}
                for i, cipher in enumerate(ciphers):
                    steps.at(0.03 + 0.12 * i / len(ciphers), "reading the notes to check them")
                    doc = transfer.export_doc(conn, cipher)
                    digests[str(cipher.workspace_id)] = content_digest(doc)
                # The manifest, less the dump's size and digest (known once it is written).
                info = functools.partial(
                    Manifest,
                    created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    schema_revision=pg.schema_revision(conn),
                    server_version=str(conn.exec_driver_sql("SHOW server_version").scalar()),
                    tables=tables,
                    content_sha256=digests,
                )
                estimate = max(pg.table_bytes(conn), 1)
                report = steps.span(0.15, 0.99, "writing the backup")
                with atomic_file(out) as f:
                    writer = BackupWriter(
                        f,
                        passphrase,
                        store.settings.crypto,
                        chunk_size,
                        sealed=sealed[0] if sealed else None,
                    )
                    sha = hashlib.sha256()

                    def sink(chunk: bytes) -> None:
                        sha.update(chunk)
                        writer.write(chunk)
                        report(writer.bytes_in / estimate)

                    pg.pg_dump(server, secrets.backup_password, snapshot, sink)
                    manifest = info(dump_bytes=writer.bytes_in, dump_sha256=sha.hexdigest())
                    writer.finish(manifest.to_bytes())
                    steps.at(0.99, "writing the backup")  # the last moment to cancel
    finally:
        engine.dispose()
    steps.done("backup written")
    return BackupResult(out, writer.bytes_out, manifest)


def _embedded(server: EmbeddedServer | None) -> EmbeddedServer:
    if server is None:
        raise BackupUnsupported(Message("backup.server_uses_postgres_tools"))
    return server


def _unlock_all(db: Database, passphrase: str) -> list[CellCipher]:
    with db.tx(None) as conn:
        ids = w.workspace_ids(conn)
    if not ids:
        raise NotInitialised(Message("backup.no_workspace_to_back_up"))
    # Each raises WrongPassphrase when the passphrase does not open its workspace.
    return [w.unlock_workspace(db, ws, passphrase).cipher(ws) for ws in ids]


# -- verify and restore ----------------------------------------------------------------
def verify_backup(
    path: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Manifest:
    """Authenticate every byte of a backup file and return its manifest. Writes nothing."""
    steps = Steps(progress, cancel)
    with open_backup(path) as f:
        reader = BackupReader(f, passphrase)
        manifest = _check_pass(reader, file_size(f), steps.span(0.0, 1.0, "checking the backup"))
    steps.done("the backup file is intact")
    return manifest


def _check_pass(reader: BackupReader, total: int, report: Callable[[float], None]) -> Manifest:
    sha, size = hashlib.sha256(), 0
    for chunk in reader.chunks():
        sha.update(chunk)
        size += len(chunk)
        report(reader.position / total)
    manifest = Manifest.from_bytes(reader.manifest)
    if size != manifest.dump_bytes or sha.hexdigest() != manifest.dump_sha256:
        raise BackupDamaged(Message("backup.dump_mismatches_manifest"))
    return manifest


def restore_backup(
    path: Path,
    settings: Settings,
    migrations_dir: Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> Manifest:
    """Restore a backup into `settings.data_dir`, which must be new or empty, and check it.

    Nothing is created until the whole file has been authenticated. After the restore the
    per-table counts and the decrypted content must equal the manifest; otherwise (and on
    any error or cancel) the new data directory is removed again. The server is stopped
    on return: open the data dir with ChartsideService as usual."""
    steps = Steps(progress, cancel)
    store = Store(settings, migrations_dir)
    server = _embedded(store.server)
    target = settings.data_dir
    _require_empty(target)
    with open_backup(path) as f:
        total = file_size(f)
        reader = BackupReader(f, passphrase)
        manifest = _check_pass(reader, total, steps.span(0.0, 0.3, "checking the backup"))
        _require_known_revision(manifest.schema_revision, migrations_dir)
        created = not target.exists()
        try:
            steps.at(0.3, "creating a new database")
            secrets = create_cluster(target, server)
            reader.rewind()
            report = steps.span(0.35, 0.85, "restoring")
            _restore_dump(
                reader, manifest, server, secrets.admin_password, lambda pos: report(pos / total)
            )
            steps.at(0.85, "checking record counts")
            _check_counts(server, secrets.admin_password, manifest)
            steps.at(0.9, "checking the restored notes")
            _check_content(store.open(), passphrase, manifest)
        except BaseException:
            store.close()
            _discard(target, created)
            raise
        store.close()
    steps.done("restore checked")
    return manifest


def _restore_dump(
    reader: BackupReader,
    manifest: Manifest,
    server: EmbeddedServer,
    password: str,
    report: Callable[[float], None],
) -> None:
    sha = hashlib.sha256()

    def chunks() -> Iterator[bytes]:
        for chunk in reader.chunks():
            sha.update(chunk)
            yield chunk
            report(reader.position)

    pg.pg_restore(server, password, chunks())
    # Both passes authenticate every frame; this also catches a file swapped in between.
    if Manifest.from_bytes(reader.manifest) != manifest or sha.hexdigest() != manifest.dump_sha256:
        raise BackupDamaged(Message("backup.file_changed_while_restoring"))


def _check_counts(server: EmbeddedServer, password: str, manifest: Manifest) -> None:
    engine = pg.engine(server, SUPERUSER, password)
    try:
        with engine.connect() as conn:
            found = pg.row_counts(conn)
    finally:
        engine.dispose()
    for table in sorted(set(found) | set(manifest.tables)):
        want, got = manifest.tables.get(table), found.get(table)
        if want != got:
            raise RestoreVerificationFailed(
                Message("backup.restored_row_count_differs", name=table, n=got, total=want)
            )


def _unlock_either(db: Database, ws: UUID, secret: str) -> CellCipher:
    """A sealed backup opens with the passphrase or the recovery key; so does its check."""
    try:
        return w.unlock_workspace(db, ws, secret).cipher(ws)
    except WrongPassphrase:
        return w.unlock_workspace(db, ws, recovery_key=secret).cipher(ws)


def _check_content(db: Database, passphrase: str, manifest: Manifest) -> None:
    with db.tx(None) as conn:
        found = {str(ws) for ws in w.workspace_ids(conn)}
    if found != set(manifest.content_sha256):
        raise RestoreVerificationFailed(Message("backup.restored_workspaces_differ"))
    for ws_text, want in sorted(manifest.content_sha256.items()):
        ws = UUID(ws_text)
        cipher = _unlock_either(db, ws, passphrase)
        with db.tx(ws) as conn:
            got = content_digest(transfer.export_doc(conn, cipher))
        if got != want:
            raise RestoreVerificationFailed(Message("backup.restored_notes_differ", id=ws))


def _require_empty(target: Path) -> None:
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise RestoreTargetNotEmpty(
            Message("backup.target_not_empty", path=target),
        )


def _require_known_revision(revision: str | None, migrations_dir: Path) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir))
    try:
        for rev in (revision or "").split(","):
            if rev:
                ScriptDirectory.from_config(cfg).get_revision(rev)
    except CommandError:
        raise BackupVersionUnsupported(
            Message("backup.made_by_newer_schema", id=revision)
        ) from None


def _discard(target: Path, created: bool) -> None:
    """Remove what a failed restore made. The folder was empty before, so all of it is ours."""
    if created:
        shutil.rmtree(target, ignore_errors=True)
        return
    for child in target.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
