"""Workspace isolation: Row-Level Security with FORCE, under the repositories' own filters.

Three workspaces share one database. Every workspace table is probed with raw SQL as the
runtime role, and every repository path is tried across workspaces."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from core.db.schema import WORKSPACE_TABLES
from core.domain import ClientData, SessionData
from core.errors import NotFound
from core.records import workspaces as w
from core.records.repos import ClientRepo, SessionRepo
from core.security.crypto import CellCipher
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE

N_PER_TABLE = 2


def _seed(svc: ChartsideService) -> dict[UUID, CellCipher]:
    """Three workspaces, each with rows in every workspace table."""
    ciphers: dict[UUID, CellCipher] = {}
    assert svc.workspace_id is not None
    extra = [
        w.create_workspace(svc.db, f"ws{i}", PASSPHRASE, svc.settings.crypto, f"user{i}")
        for i in range(2)
    ]
    svc.session.keys.install(extra[0][0], extra[0][1])
    svc.session.keys.install(extra[1][0], extra[1][1])
    for ws in (svc.workspace_id, extra[0][0], extra[1][0]):
        svc.workspace_id = ws
        cipher = svc.cipher()
        ciphers[ws] = cipher
        for i in range(N_PER_TABLE):
            c = svc.notes.create_client(ClientData(full_name=f"{ws} client {i}"))
            # The plan names a drug, so the session has a timeline fact too.
            s = svc.notes.create_session(
                c.id, SessionData(date="2024-01-01", plan="Start sertraline.")
            )
            svc.session.run(lambda conn, k, c=c, s=s: _seed_other_tables(conn, k, c.id, s.id))
            svc.session.run(
                lambda conn, k: w.PractitionerRepo(k).create(conn, f"u{uuid.uuid4()}", "x")
            )
        svc.timeline.backfill()  # the timeline reads the notes off the save path
    return ciphers


def _seed_other_tables(conn: Any, k: CellCipher, cid: UUID, sid: UUID) -> None:
    ws = k.workspace_id
    conv, msg = uuid.uuid4(), uuid.uuid4()
    conn.execute(
        text(
            "INSERT INTO chunks (id, workspace_id, client_id, session_id, field, "
            "ordinal, content_hash, content) VALUES (:i, :w, :c, :s, 'plan', 99, '\\x00', "
            "'\\x00')"
        ),
        {"i": uuid.uuid4(), "w": ws, "c": cid, "s": sid},
    )
    doc = uuid.uuid4()
    conn.execute(
        text(
            "INSERT INTO documents (id, workspace_id, client_id, kind, title, media_type, "
            "size_bytes, page_count, content) VALUES (:i, :w, :c, 'lab', '\\x00', "
            "'application/pdf', 1, 1, '\\x00')"
        ),
        {"i": doc, "w": ws, "c": cid},
    )
    conn.execute(
        text(
            "INSERT INTO document_pages (id, workspace_id, document_id, page) "
            "VALUES (:i, :w, :d, 1)"
        ),
        {"i": uuid.uuid4(), "w": ws, "d": doc},
    )
    conn.execute(
        text(
            "INSERT INTO session_recordings (id, workspace_id, session_id, media_type, "
            "sample_rate, duration_ms, size_bytes, content) "
            "VALUES (:i, :w, :s, 'audio/wav', 16000, 1, 1, '\\x00')"
        ),
        {"i": uuid.uuid4(), "w": ws, "s": sid},
    )
    conn.execute(
        text("INSERT INTO conversations (id, workspace_id, client_id) VALUES (:i, :w, :c)"),
        {"i": conv, "w": ws, "c": cid},
    )
    conn.execute(
        text(
            "INSERT INTO messages (id, workspace_id, conversation_id, role, content) "
            "VALUES (:i, :w, :c, 'user', '\\x00')"
        ),
        {"i": msg, "w": ws, "c": conv},
    )
    conn.execute(
        text(
            "INSERT INTO message_sources (id, workspace_id, message_id, n, used) "
            "VALUES (:i, :w, :m, 1, true)"
        ),
        {"i": uuid.uuid4(), "w": ws, "m": msg},
    )
    conn.execute(
        text(
            "INSERT INTO query_cache (id, workspace_id, scope_key, model_ids, "
            "query_vector, answer, expires_at) VALUES (:i, :w, 's', 'm', '[1,2,3]', "
            "'\\x00', now() + interval '1 day')"
        ),
        {"i": uuid.uuid4(), "w": ws},
    )
    conn.execute(
        text(
            "INSERT INTO drafts (id, workspace_id, practitioner_id, kind, content) "
            "SELECT :i, :w, id, :k, '\\x00' FROM practitioners WHERE workspace_id = :w LIMIT 1"
        ),
        {"i": uuid.uuid4(), "w": ws, "k": f"session-{uuid.uuid4()}"},
    )


@pytest.fixture
def three(service: ChartsideService) -> tuple[ChartsideService, dict[UUID, CellCipher]]:
    return service, _seed(service)


def _counts(svc: ChartsideService, ws: UUID | None) -> dict[str, dict[str, int]]:
    with svc.db.tx(ws) as conn:
        return {
            t: {
                str(r.workspace_id): r.n
                for r in conn.execute(
                    text(f"SELECT workspace_id, count(*) AS n FROM {t} GROUP BY workspace_id")
                )
            }
            for t in WORKSPACE_TABLES
        }


def test_every_table_has_rows_in_every_workspace(three: Any) -> None:
    svc, ciphers = three
    with svc.db.owner.connect() as conn:  # the superuser sees everything
        for t in WORKSPACE_TABLES:
            seen = {r[0] for r in conn.execute(text(f"SELECT DISTINCT workspace_id FROM {t}"))}
            assert seen == set(ciphers), t


def test_raw_reads_see_only_the_own_workspace(three: Any) -> None:
    svc, ciphers = three
    for ws in ciphers:
        counts = _counts(svc, ws)
        for table, by_ws in counts.items():
            assert set(by_ws) == {str(ws)}, f"{table} leaked rows across workspaces"


def test_unset_workspace_sees_nothing_and_writes_nothing(three: Any) -> None:
    svc, ciphers = three
    assert all(not by_ws for by_ws in _counts(svc, None).values())
    ws = next(iter(ciphers))
    with pytest.raises(DBAPIError, match="row-level security"), svc.db.tx(None) as conn:
        conn.execute(
            text("INSERT INTO conversations (id, workspace_id) VALUES (:i, :w)"),
            {"i": uuid.uuid4(), "w": ws},
        )


UPDATABLE = {t: "workspace_id" for t in WORKSPACE_TABLES if t != "audit_events"}


def test_every_cross_workspace_write_is_rejected(three: Any) -> None:
    svc, ciphers = three
    before = _counts(svc, None)
    attempts = rejected = 0
    wss = list(ciphers)
    for me in wss:
        for other in (o for o in wss if o != me):
            for table in WORKSPACE_TABLES:
                # UPDATE and DELETE of the other workspace's rows touch nothing.
                for sql in (
                    f"UPDATE {table} SET workspace_id = workspace_id WHERE workspace_id = :o",
                    f"DELETE FROM {table} WHERE workspace_id = :o",
                ):
                    if table == "audit_events":
                        continue  # the runtime role may not UPDATE/DELETE it at all
                    attempts += 1
                    with svc.db.tx(me) as conn:
                        rejected += conn.execute(text(sql), {"o": other}).rowcount == 0
                # Moving one's own row into another workspace fails the policy's CHECK.
                if table in UPDATABLE:
                    attempts += 1
                    with (
                        pytest.raises(DBAPIError, match="row-level security"),
                        svc.db.tx(me) as conn,
                    ):
                        conn.execute(
                            text(f"UPDATE {table} SET workspace_id = :o WHERE workspace_id = :m"),
                            {"o": other, "m": me},
                        )
                    rejected += 1
            # Inserting a row that belongs to another workspace fails the CHECK too.
            attempts += 1
            with pytest.raises(DBAPIError, match="row-level security"), svc.db.tx(me) as conn:
                conn.execute(
                    text(
                        "INSERT INTO clients (id, workspace_id, full_name, "
                        "medical_history, notes) VALUES (:i, :o, '\\x00', '\\x00', "
                        "'\\x00')"
                    ),
                    {"i": uuid.uuid4(), "o": other},
                )
            rejected += 1
    assert rejected == attempts and attempts > 100
    svc.workspace_id = wss[0]
    assert _counts(svc, None) == before  # nothing changed anywhere


def _other_ids(svc: ChartsideService, ws: UUID) -> tuple[list[UUID], list[UUID]]:
    with svc.db.owner.connect() as conn:
        cs = list(
            conn.execute(
                text("SELECT id FROM clients WHERE workspace_id <> :w"), {"w": ws}
            ).scalars()
        )
        ss = list(
            conn.execute(
                text("SELECT id FROM sessions WHERE workspace_id <> :w"), {"w": ws}
            ).scalars()
        )
    return cs, ss


REPO_CALLS: list[tuple[str, Callable[..., Any]]] = [
    ("client.get", lambda c, k, i: ClientRepo(k).get(c, i)),
    ("client.update", lambda c, k, i: ClientRepo(k).update(c, i, ClientData(full_name="X"))),
    ("client.delete", lambda c, k, i: ClientRepo(k).delete(c, i)),
    ("session.get", lambda c, k, i: SessionRepo(k).get(c, i)),
    ("session.update", lambda c, k, i: SessionRepo(k).update(c, i, SessionData(date="2024-01-01"))),
    ("session.delete", lambda c, k, i: SessionRepo(k).delete(c, i)),
]


def test_every_repository_path_refuses_other_workspaces(three: Any) -> None:
    svc, ciphers = three
    before = _counts(svc, None)
    tried = 0
    for ws, cipher in ciphers.items():
        clients, sessions = _other_ids(svc, ws)
        for name, call in REPO_CALLS:
            for target in clients if name.startswith("client") else sessions:
                with pytest.raises(NotFound), svc.db.tx(ws) as conn:
                    call(conn, cipher, target)
                tried += 1
        # The list paths return only the own workspace's records.
        with svc.db.tx(ws) as conn:
            names = {c.full_name for c in ClientRepo(cipher).summaries(conn)}
            assert names == {f"{ws} client {i}" for i in range(N_PER_TABLE)}
            assert all(c.id not in clients for c in ClientRepo(cipher).all(conn))
    assert tried == 3 * 6 * 2 * N_PER_TABLE
    assert _counts(svc, None) == before


def test_start_up_refuses_a_runtime_role_that_bypasses_rls(
    service: ChartsideService,
    service_factory: Callable[..., ChartsideService],
) -> None:
    from core.db.engine import RUNTIME_USER
    from core.errors import DatabaseError

    data_dir = service.settings.data_dir
    with service.db.owner.begin() as conn:
        conn.execute(text(f"ALTER ROLE {RUNTIME_USER} BYPASSRLS"))
    service.close()
    again = service_factory()
    assert again.settings.data_dir == data_dir
    with pytest.raises(DatabaseError, match="BYPASSRLS"):
        again.unlock(PASSPHRASE)
