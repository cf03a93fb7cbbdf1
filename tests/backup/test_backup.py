"""Encrypted backups: round trip, tamper and truncation detection, passphrase, refusals.

Everything runs against the real embedded PostgreSQL; damaged files are made by flipping
bytes of a real backup, and inconsistent ones by re-encrypting its real dump."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import stat
import struct
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from sqlalchemy import text

from app.compose import migrations_dir
from core.backup.archive import (
    BackupDamaged,
    BackupError,
    BackupUnsupported,
    BackupVersionUnsupported,
    Manifest,
    RestoreTargetNotEmpty,
    RestoreVerificationFailed,
    backup_file_name,
    create_backup,
    prune_backups,
    restore_backup,
    verify_backup,
)
from core.backup.format import MAGIC, BackupReader, BackupWriter
from core.db.engine import BACKUP_USER, SECRETS_FILE, DbSecrets
from core.db.server import SUPERUSER
from core.db.store import Store
from core.domain import ClientData, SessionData
from core.errors import Cancelled, ChartsideError, WeakKdfParameters, WrongPassphrase
from core.progress import CancelToken
from core.records import workspaces as w
from core.services.service import ChartsideService
from core.settings import Settings
from tests import factories
from tests.conftest import FAST_KDF, PASSPHRASE, make_settings

SENTENCE = "Mrs Quillfeather described a lavender-scented migraine aura before the fall."
SMALL_CHUNK = 16 * 1024  # several frames from a small database


def populate(svc: ChartsideService, n_clients: int = 30) -> None:
    c = svc.notes.create_client(
        ClientData(full_name="Orla Quillfeather", medical_history=SENTENCE, notes="")
    )
    svc.notes.create_session(c.id, SessionData(date="2024-05-06T09:30:00", subjective=SENTENCE))
    doc = factories.document(n_clients, 3)
    path = svc.settings.data_dir.parent / "import.json"
    path.write_text(json.dumps(doc))
    svc.notes.import_file(path)


def digest(doc: dict) -> str:
    canon = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canon.encode()).hexdigest()


def table_counts(store: Store) -> dict[str, int]:
    with store.require().owner.connect() as conn:
        names = conn.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        return {
            n: conn.execute(text(f'SELECT count(*) FROM "{n}"')).scalar_one() for n in list(names)
        }


def frames(raw: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each frame, found by walking the file's own layout."""
    (header_len,) = struct.unpack(">I", raw[18:22])
    pos, out = 22 + header_len + 64, []
    while pos < len(raw):
        (length,) = struct.unpack(">I", raw[pos + 2 : pos + 6])
        out.append((pos, 6 + length))
        pos += 6 + length
    return out


@dataclass(frozen=True)
class Made:
    path: Path
    raw: bytes
    manifest: Manifest
    dek: bytes
    settings: Settings


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Made]:
    """One real backup, in small frames, shared by the tests that only read the file."""
    root = tmp_path_factory.mktemp("made")
    svc = ChartsideService(make_settings(root / "data"), migrations_dir())
    svc.initialise(PASSPHRASE)
    try:
        populate(svc)
        assert svc.workspace_id is not None
        keys = w.unlock_workspace(svc.db, svc.workspace_id, PASSPHRASE)
        dek = keys.data[keys.current]
        out = root / "practice.chartside-backup"
        res = create_backup(svc.store, out, PASSPHRASE, chunk_size=SMALL_CHUNK)
        yield Made(out, out.read_bytes(), res.manifest, dek, svc.settings)
    finally:
        svc.close()


def damaged_copy(tmp_path: Path, raw: bytes) -> Path:
    path = tmp_path / "copy.chartside-backup"
    path.write_bytes(raw)
    return path


# -- round trip ------------------------------------------------------------------------
def test_round_trip_restores_the_same_decrypted_content_and_counts(
    service: ChartsideService, tmp_path: Path
) -> None:
    populate(service)
    before_doc = digest(service.notes.export_doc())  # may add an audit row: count after it
    before_counts = table_counts(service.store)
    assert before_counts["clients"] == 31 and before_counts["sessions"] == 91
    seen: list[tuple[float, str]] = []
    out = tmp_path / "b.chartside-backup"
    res = create_backup(service.store, out, PASSPHRASE, progress=lambda f, m: seen.append((f, m)))

    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left
    assert res.size == out.stat().st_size
    assert res.manifest.tables == before_counts
    assert seen[-1][0] == 1.0 and all(a[0] <= b[0] for a, b in itertools.pairwise(seen))

    target = make_settings(tmp_path / "restored")
    got = restore_backup(out, target, migrations_dir(), PASSPHRASE)
    assert got == res.manifest
    again = ChartsideService(target, migrations_dir())
    try:
        again.store.open()
        assert table_counts(again.store) == before_counts  # before unlock writes its audit row
        again.unlock(PASSPHRASE)
        assert digest(again.notes.export_doc()) == before_doc
        assert again.workspace_id == service.workspace_id
        checks = {c.name: c for c in again.health.doctor()}
        assert checks["runtime_role"].ok and checks["row_level_security"].ok
    finally:
        again.close()
    # The restored cluster has secrets of its own, and a backup role of its own.
    fresh = DbSecrets.load(target.data_dir)
    old = DbSecrets.load(service.settings.data_dir)
    assert fresh.admin_password != old.admin_password
    assert fresh.backup_password and fresh.backup_password != old.backup_password


def test_backup_is_consistent_while_notes_are_being_written(
    service: ChartsideService, tmp_path: Path
) -> None:
    populate(service, n_clients=5)
    stop, started = threading.Event(), threading.Event()
    written = [0]

    def writer() -> None:
        while not stop.is_set():
            c = service.notes.create_client(ClientData(full_name=f"Writer {written[0]}"))
            service.notes.create_session(c.id, SessionData(date="2024-01-01T08:00:00", plan="p"))
            written[0] += 1
            started.set()

    t = threading.Thread(target=writer)
    t.start()
    try:
        assert started.wait(30)
        out = tmp_path / "live.chartside-backup"
        res = create_backup(service.store, out, PASSPHRASE, chunk_size=SMALL_CHUNK)
    finally:
        stop.set()
        t.join()
    assert 6 < res.manifest.tables["clients"] < 6 + written[0]  # it ran amid the writes
    # Restore checks counts and content against the manifest: a torn backup would fail.
    restore_backup(out, make_settings(tmp_path / "r"), migrations_dir(), PASSPHRASE)


# -- the backup role -------------------------------------------------------------------
def test_backup_role_bypasses_rls_and_cannot_write(service: ChartsideService) -> None:
    with service.db.owner.connect() as conn:
        row = conn.execute(
            text(
                "SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolcanlogin, "
                "pg_has_role(rolname, 'pg_read_all_data', 'USAGE') AS reads "
                "FROM pg_roles WHERE rolname = :r"
            ),
            {"r": BACKUP_USER},
        ).one()
    assert row.rolbypassrls and row.rolcanlogin and row.reads
    assert not (row.rolsuper or row.rolcreaterole or row.rolcreatedb)
    server = service.store.server
    assert server is not None
    secrets = DbSecrets.load(service.settings.data_dir)
    assert secrets.backup_password is not None
    with server.connect(BACKUP_USER, secrets.backup_password, "chartside") as conn:
        assert conn.execute("SELECT count(*) FROM clients").fetchone() == (0,)
        with pytest.raises(Exception, match="permission denied"):
            conn.execute("DELETE FROM workspaces")


def test_a_data_dir_from_before_backups_gets_its_role_on_first_backup(
    service: ChartsideService, tmp_path: Path
) -> None:
    data_dir = service.settings.data_dir
    secrets = DbSecrets.load(data_dir)
    server = service.store.server
    assert server is not None
    # What a data dir made before backups existed looks like: no role, no secret for it.
    with server.connect(SUPERUSER, secrets.admin_password, "chartside") as conn:
        conn.execute(f"DROP OWNED BY {BACKUP_USER}")
        conn.execute(f"DROP ROLE {BACKUP_USER}")
    old = {"admin_password": secrets.admin_password, "app_password": secrets.app_password}
    (data_dir / SECRETS_FILE).write_text(json.dumps(old))
    assert DbSecrets.load(data_dir).backup_password is None  # the old file still loads

    create_backup(service.store, tmp_path / "b.chartside-backup", PASSPHRASE)
    now = DbSecrets.load(data_dir)
    assert now.backup_password and replace(now, backup_password=None) == replace(
        secrets, backup_password=None
    )
    assert stat.S_IMODE((data_dir / SECRETS_FILE).stat().st_mode) == 0o600
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".secrets-")]


# -- what the file holds ---------------------------------------------------------------
def test_the_file_holds_no_plaintext_and_no_key(made: Made) -> None:
    assert made.raw.startswith(MAGIC)
    for needle in (SENTENCE, "lavender-scented", "Quillfeather", PASSPHRASE):
        assert needle.encode() not in made.raw
        assert needle.encode("utf-16-le") not in made.raw
    assert len(made.dek) == 32 and made.dek not in made.raw
    header = made.raw[22 : 22 + struct.unpack(">I", made.raw[18:22])[0]]
    assert set(json.loads(header)) == {"format", "cipher", "chunk_size", "file_id", "kdf"}
    assert len(frames(made.raw)) >= 4  # several data frames and the manifest


def test_verify_reads_the_manifest_without_writing(made: Made) -> None:
    assert verify_backup(made.path, PASSPHRASE) == made.manifest
    assert made.manifest.tables["clients"] == 31
    assert made.manifest.schema_revision
    assert made.manifest.content_sha256 and made.manifest.dump_bytes > 0


# -- damage ----------------------------------------------------------------------------
def _offset(raw: bytes, where: str) -> int:
    header_len = struct.unpack(">I", raw[18:22])[0]
    f = frames(raw)
    middle = f[len(f) // 2]
    return {
        "magic": 3,
        "version": 17,
        "header-length": 20,
        "header": 22 + header_len // 2,
        "key-check": 22 + header_len + 5,
        "checksum": 22 + header_len + 40,
        "first-frame-kind": f[0][0],
        "first-frame-length": f[0][0] + 4,
        "middle-frame": middle[0] + middle[1] // 2,
        "last-data-frame": f[-2][0] + f[-2][1] - 3,
        "manifest-frame": f[-1][0] + 10,
        "last-byte": len(raw) - 1,
    }[where]


@pytest.mark.parametrize(
    "where",
    [
        "magic",
        "version",
        "header-length",
        "header",
        "key-check",
        "checksum",
        "first-frame-kind",
        "first-frame-length",
        "middle-frame",
        "last-data-frame",
        "manifest-frame",
        "last-byte",
    ],
)
def test_one_flipped_byte_anywhere_is_detected(made: Made, tmp_path: Path, where: str) -> None:
    raw = bytearray(made.raw)
    raw[_offset(made.raw, where)] ^= 0x01
    path = damaged_copy(tmp_path, bytes(raw))
    expected = BackupVersionUnsupported if where == "version" else BackupDamaged
    with pytest.raises(expected) as exc:
        verify_backup(path, PASSPHRASE)
    assert exc.value.remediation and SENTENCE not in str(exc.value)
    target = make_settings(tmp_path / "never")
    with pytest.raises(expected):
        restore_backup(path, target, migrations_dir(), PASSPHRASE)
    assert not target.data_dir.exists()


def test_a_flipped_byte_is_detected_at_evenly_spread_offsets(made: Made, tmp_path: Path) -> None:
    """The named places above, plus a sweep: no offset slips through as a good file."""
    step = len(made.raw) // 40
    for offset in range(7, len(made.raw), step):
        raw = bytearray(made.raw)
        raw[offset] ^= 0x80
        with pytest.raises((BackupDamaged, BackupVersionUnsupported)):
            verify_backup(damaged_copy(tmp_path, bytes(raw)), PASSPHRASE)


@pytest.mark.parametrize("cut", ["before-manifest", "mid-frame", "in-header", "half"])
def test_truncation_is_detected(made: Made, tmp_path: Path, cut: str) -> None:
    f = frames(made.raw)
    end = {
        "before-manifest": f[-1][0],
        "mid-frame": f[1][0] + 100,
        "in-header": 30,
        "half": len(made.raw) // 2,
    }[cut]
    path = damaged_copy(tmp_path, made.raw[:end])
    with pytest.raises(BackupDamaged, match=r"ends early|truncated|damaged"):
        verify_backup(path, PASSPHRASE)


def test_reordered_dropped_or_appended_frames_are_detected(made: Made, tmp_path: Path) -> None:
    f = frames(made.raw)
    (a, la), (b, lb) = f[0], f[1]
    assert la == lb  # full frames, so a swap keeps every offset valid
    first, second = made.raw[a : a + la], made.raw[b : b + lb]
    swapped = made.raw[:a] + second + first + made.raw[b + lb :]
    dropped = made.raw[:b] + made.raw[b + lb :]
    appended = made.raw + made.raw[f[-1][0] :]
    for raw in (swapped, dropped, appended):
        with pytest.raises(BackupDamaged):
            verify_backup(damaged_copy(tmp_path, raw), PASSPHRASE)


# -- passphrase ------------------------------------------------------------------------
def test_wrong_passphrase_on_restore_writes_nothing(made: Made, tmp_path: Path) -> None:
    target = make_settings(tmp_path / "restored")
    with pytest.raises(WrongPassphrase, match="passphrase"):
        restore_backup(made.path, target, migrations_dir(), "not the passphrase")
    assert not target.data_dir.exists()


def test_wrong_passphrase_on_backup_writes_nothing(
    service: ChartsideService, tmp_path: Path
) -> None:
    out = tmp_path / "out" / "b.chartside-backup"
    out.parent.mkdir()
    with pytest.raises(WrongPassphrase):
        create_backup(service.store, out, "not the passphrase")
    assert list(out.parent.iterdir()) == []


# -- refusals and verification -----------------------------------------------------------
def test_restore_refuses_a_non_empty_folder(made: Made, tmp_path: Path) -> None:
    target = make_settings(tmp_path / "busy")
    target.data_dir.mkdir()
    keep = target.data_dir / "notes.txt"
    keep.write_text("mine")
    with pytest.raises(RestoreTargetNotEmpty, match="not an empty folder") as exc:
        restore_backup(made.path, target, migrations_dir(), PASSPHRASE)
    assert "--data-dir" in exc.value.remediation
    assert [p.name for p in target.data_dir.iterdir()] == ["notes.txt"]


def test_restore_refuses_a_live_data_dir(made: Made, service: ChartsideService) -> None:
    with pytest.raises(RestoreTargetNotEmpty):
        restore_backup(made.path, service.settings, migrations_dir(), PASSPHRASE)
    assert service.notes.list_clients() == []


def _reencrypted(made: Made, tmp_path: Path, **changes: object) -> Path:
    """The same real dump under a manifest that promises something else, properly sealed:
    only the restore's own checks can catch it."""
    path = tmp_path / "forged.chartside-backup"
    with made.path.open("rb") as src, path.open("wb") as dst:
        reader = BackupReader(src, PASSPHRASE)
        writer = BackupWriter(dst, PASSPHRASE, made.settings.crypto, SMALL_CHUNK)
        for chunk in reader.chunks():
            writer.write(chunk)
        manifest = replace(Manifest.from_bytes(reader.manifest), **changes)  # type: ignore[arg-type]
        writer.finish(manifest.to_bytes())
    return path


@pytest.mark.parametrize("lie", ["counts", "content"])
def test_a_restore_that_does_not_match_its_manifest_is_removed(
    made: Made, tmp_path: Path, lie: str
) -> None:
    if lie == "counts":
        change = {"tables": {**made.manifest.tables, "sessions": 90}}
    else:
        change = {"content_sha256": dict.fromkeys(made.manifest.content_sha256, "0" * 64)}
    path = _reencrypted(made, tmp_path, **change)
    target = make_settings(tmp_path / "restored")
    with pytest.raises(RestoreVerificationFailed) as exc:
        restore_backup(path, target, migrations_dir(), PASSPHRASE)
    assert SENTENCE not in str(exc.value)
    assert not target.data_dir.exists()
    if lie == "counts":
        return
    # An empty folder the user made stays, and stays empty.
    target.data_dir.mkdir()
    with pytest.raises(RestoreVerificationFailed):
        restore_backup(path, target, migrations_dir(), PASSPHRASE)
    assert target.data_dir.is_dir() and list(target.data_dir.iterdir()) == []


def test_a_backup_from_a_newer_schema_is_refused_before_anything_is_made(
    made: Made, tmp_path: Path
) -> None:
    path = _reencrypted(made, tmp_path, schema_revision="9999")
    target = make_settings(tmp_path / "restored")
    with pytest.raises(BackupVersionUnsupported, match="newer Chartside"):
        restore_backup(path, target, migrations_dir(), PASSPHRASE)
    assert not target.data_dir.exists()


def test_a_clinic_server_is_backed_up_with_its_own_tools(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "d", database={"url": "postgresql+psycopg://u@h/db"})
    with pytest.raises(BackupUnsupported, match="PostgreSQL's own tools") as exc:
        create_backup(Store(settings, migrations_dir()), tmp_path / "b", PASSPHRASE)
    assert isinstance(exc.value, ChartsideError) and exc.value.remediation


def test_an_existing_file_is_not_overwritten_unless_asked(
    service: ChartsideService, tmp_path: Path
) -> None:
    out = tmp_path / "b.chartside-backup"
    out.write_bytes(b"older")
    with pytest.raises(BackupError, match="already exists"):
        create_backup(service.store, out, PASSPHRASE)
    assert out.read_bytes() == b"older"
    create_backup(service.store, out, PASSPHRASE, overwrite=True)
    assert verify_backup(out, PASSPHRASE).tables["workspaces"] == 1


# -- cancel ----------------------------------------------------------------------------
class _TripOn(CancelToken):
    """A cancel token that trips once progress reports the given step."""

    __slots__ = ("step",)

    def __init__(self, step: str) -> None:
        super().__init__()
        self.step = step

    def progress(self, fraction: float, message: str) -> None:
        if message == self.step:
            self.cancel()


def test_cancelled_backup_leaves_no_file(service: ChartsideService, tmp_path: Path) -> None:
    populate(service, n_clients=10)
    token = _TripOn("writing the backup")
    out = tmp_path / "out" / "b.chartside-backup"
    out.parent.mkdir()
    with pytest.raises(Cancelled):
        create_backup(
            service.store,
            out,
            PASSPHRASE,
            progress=token.progress,
            cancel=token,
            chunk_size=SMALL_CHUNK,
        )
    assert list(out.parent.iterdir()) == []


def test_cancelled_restore_removes_the_new_data_dir(made: Made, tmp_path: Path) -> None:
    token = _TripOn("restoring")
    target = make_settings(tmp_path / "restored")
    with pytest.raises(Cancelled):
        restore_backup(
            made.path, target, migrations_dir(), PASSPHRASE, progress=token.progress, cancel=token
        )
    assert not target.data_dir.exists()


def test_the_service_passes_cancel_to_backup_and_restore(
    service: ChartsideService, tmp_path: Path
) -> None:
    """The front ends' calls (backup_now, restore_copy) stop on their token too: no backup
    file, no audit event for a backup never made, and no restored folder."""
    populate(service, n_clients=5)
    token = _TripOn("reading the notes to check them")
    out = tmp_path / "out" / "b.chartside-backup"
    out.parent.mkdir()
    with pytest.raises(Cancelled):
        service.backups.now(out, PASSPHRASE, progress=token.progress, cancel=token)
    assert list(out.parent.iterdir()) == []
    assert "backup" not in [e["action"] for e in service.health.audit_export()]

    made = service.backups.now(out, PASSPHRASE)
    token = _TripOn("restoring")
    target = tmp_path / "restored"
    with pytest.raises(Cancelled):
        service.backups.restore_copy(
            made.path, target, PASSPHRASE, progress=token.progress, cancel=token
        )
    assert not target.exists()
    assert service.backups.restore_copy(made.path, target, PASSPHRASE).tables["clients"] == 6


# -- retention -------------------------------------------------------------------------
def test_prune_keeps_the_newest_backups_and_touches_nothing_else(tmp_path: Path) -> None:
    names = []
    for i in range(5):
        name = backup_file_name(dt.datetime(2026, 1, 1 + i, 3, 0, 0))
        (tmp_path / name).write_bytes(MAGIC + b"rest")
        os.utime(tmp_path / name, (1_700_000_000 + i, 1_700_000_000 + i))
        names.append(name)
    assert names[0] == "chartside-20260101-030000.chartside-backup"
    (tmp_path / "notes.chartside-backup").write_bytes(b"not a backup")
    (tmp_path / "other.txt").write_bytes(MAGIC)
    (tmp_path / "link.chartside-backup").symlink_to(tmp_path / names[0])

    removed = prune_backups(tmp_path, keep=2)
    assert sorted(p.name for p in removed) == names[:3]
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [*names[3:], "notes.chartside-backup", "other.txt", "link.chartside-backup"]
    )
    assert prune_backups(tmp_path, keep=2) == []
    with pytest.raises(BackupError, match="at least 1"):
        prune_backups(tmp_path, keep=0)


def test_weakened_kdf_parameters_are_refused(made: Made, tmp_path: Path) -> None:
    """Someone who rewrites the header, checksum and all, to make guessing cheaper."""
    header_len = struct.unpack(">I", made.raw[18:22])[0]
    header = json.loads(made.raw[22 : 22 + header_len])
    assert header["kdf"]["memory_kib"] == FAST_KDF["argon2_memory_kib"]
    header["kdf"]["memory_kib"] = 1024
    new = json.dumps(header, sort_keys=True).encode()
    key_check = made.raw[22 + header_len : 22 + header_len + 32]
    head = made.raw[:18] + struct.pack(">I", len(new)) + new + key_check
    raw = head + hashlib.sha256(head).digest() + made.raw[22 + header_len + 64 :]
    with pytest.raises(WeakKdfParameters, match="below the Argon2id floor"):
        verify_backup(damaged_copy(tmp_path, raw), PASSPHRASE)
