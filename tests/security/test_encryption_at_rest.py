"""PHI never lands in plaintext: not in the data files, the WAL, or a pg_dump."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text, update

from core.db import schema as s
from core.db.engine import DbSecrets
from core.db.server import SUPERUSER, bin_dir
from core.domain import ClientData, SessionData
from core.errors import IntegrityError, WrongPassphrase
from core.records import workspaces as w
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE, make_settings

SENTENCE = "Patient disclosed a fear of elevators after the 2019 accident."
NAME = "Yael Ben-Ami Zhukovsky"


def _fill(svc: ChartsideService) -> None:
    c = svc.notes.create_client(
        ClientData(full_name=NAME, medical_history=SENTENCE, external_id="mrn-778812")
    )
    for _ in range(3):
        svc.notes.create_session(
            c.id,
            SessionData(
                date="2024-05-05T08:00:00",
                subjective=SENTENCE,
                assessment="GAD-7 of 14",
                plan=SENTENCE,
            ),
        )


def test_known_sentence_is_not_in_raw_files_or_pg_dump(
    service: ChartsideService, tmp_path: Path
) -> None:
    _fill(service)
    with service.db.owner.connect() as conn:
        conn.execute(text("CHECKPOINT"))  # push everything from shared buffers to disk
    needles = [SENTENCE.encode(), NAME.encode(), b"mrn-778812", b"fear of elevators"]
    data_dir = service.settings.data_dir
    scanned = 0
    for path in data_dir.rglob("*"):
        if path.is_file() and not path.is_socket():
            blob = path.read_bytes()
            scanned += len(blob)
            for needle in needles:
                assert needle not in blob, f"plaintext found in {path.relative_to(data_dir)}"
    assert scanned > 10_000_000  # the whole cluster, WAL included, was searched

    server = service.store.server
    assert server is not None
    secrets = DbSecrets.load(data_dir)
    dump = subprocess.run(
        [
            str(bin_dir() / "pg_dump"),
            "-h",
            str(server.socket_dir),
            "-p",
            str(server.port),
            "-U",
            SUPERUSER,
            "-d",
            "chartside",
            "--format=plain",
        ],
        capture_output=True,
        env={"PGPASSWORD": secrets.admin_password},
        check=True,
    ).stdout
    assert b"COPY public.sessions" in dump  # the dump really holds the session rows
    for needle in needles:
        assert needle not in dump
    assert (
        service.notes.get_client(service.notes.list_clients()[0].id).data.medical_history
        == SENTENCE
    )


def test_swapped_ciphertext_fails_naming_the_record(service: ChartsideService) -> None:
    a = service.notes.create_client(ClientData(full_name="Alpha", notes="alpha's note"))
    b = service.notes.create_client(ClientData(full_name="Bravo", notes="bravo's note"))
    with service.db.tx(service.workspace_id) as conn:
        blob_a = conn.execute(
            text("SELECT notes FROM clients WHERE id = :i"), {"i": a.id}
        ).scalar_one()
        conn.execute(update(s.clients).where(s.clients.c.id == b.id).values(notes=blob_a))
    with pytest.raises(IntegrityError) as err:
        service.notes.get_client(b.id)
    assert str(b.id) in str(err.value) and "clients.notes" in str(err.value)
    assert "alpha" not in str(err.value)
    assert service.notes.get_client(a.id).data.notes == "alpha's note"


def test_one_bit_flip_in_the_database_is_an_integrity_error(service: ChartsideService) -> None:
    c = service.notes.create_client(ClientData(full_name="Charlie"))
    sess = service.notes.create_session(c.id, SessionData(date="2024-01-01", plan="Ice, rest"))
    with service.db.tx(service.workspace_id) as conn:
        conn.execute(
            text(
                "UPDATE sessions SET plan = set_bit(plan, 8 * length(plan) - 1, "
                "1 - get_bit(plan, 8 * length(plan) - 1)) WHERE id = :i"
            ),
            {"i": sess.id},
        )
    with pytest.raises(IntegrityError, match="integrity check failed"):
        service.notes.get_session(sess.id)


def _content_digest(svc: ChartsideService) -> str:
    h = hashlib.sha256()
    with svc.db.owner.connect() as conn:
        for table in ("workspaces", "key_wrappers", "practitioners", "clients", "sessions"):
            for row in conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")):
                h.update(repr(tuple(row)).encode())
    return h.hexdigest()


def test_wrong_passphrase_is_clear_and_changes_nothing(service: ChartsideService) -> None:
    _fill(service)
    before = _content_digest(service)
    data_dir = service.settings.data_dir
    service.close()
    other = ChartsideService(make_settings(data_dir), service.store.migrations_dir)
    try:
        with pytest.raises(WrongPassphrase, match="passphrase is not correct"):
            other.unlock("not the passphrase")
        assert not other.unlocked
        assert _content_digest(other) == before
        other.unlock(PASSPHRASE)
        assert other.notes.list_clients()[0].full_name == NAME
    finally:
        other.close()


def test_keys_never_sit_beside_the_data(service: ChartsideService) -> None:
    """Only the wrapped data key is stored; the raw key appears nowhere on disk."""
    assert service.workspace_id is not None
    keys = w.unlock_workspace(service.db, service.workspace_id, PASSPHRASE)
    dek, master = keys.data[keys.current], keys.master
    _fill(service)
    with service.db.owner.connect() as conn:
        conn.execute(text("CHECKPOINT"))
        wrapped = bytes(
            conn.execute(
                text("SELECT wrapped_key FROM key_wrappers WHERE kind = 'data'")
            ).scalar_one()
        )
    assert len(wrapped) == 12 + 32 + 16 and dek not in wrapped  # nonce + key + tag
    for path in service.settings.data_dir.rglob("*"):
        if path.is_file() and not path.is_socket():
            blob = path.read_bytes()
            assert dek not in blob and master not in blob, path
