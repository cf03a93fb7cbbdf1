"""`chartside backup | restore | audit verify | audit export` through the entry point."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import psycopg

from core.db.engine import DB_NAME, DbSecrets
from core.db.server import SUPERUSER
from tests.cli.test_cli import cli, ok
from tests.factories import document


def _seed(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    src = tmp_path / "in.json"
    src.write_text(json.dumps(document(3, 2)))
    ok(cli(d, "import", str(src)))
    return d


def test_backup_restore_round_trip(tmp_path: Path) -> None:
    d = _seed(tmp_path)
    f = tmp_path / "b.chartside-backup"
    out = ok(cli(d, "backup", "--out", str(f)))
    assert out["tables"]["sessions"] == 6 and f.stat().st_mode & 0o777 == 0o600
    again = cli(d, "backup", "--out", str(f))
    assert again.returncode == 1 and len(again.stderr.strip().splitlines()) == 1

    restored = tmp_path / "restored"
    res = ok(cli(restored, "restore", str(f)))
    assert res["restored"] is True and res["tables"]["clients"] == 3
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    ok(cli(d, "export", "--out", str(a)))
    ok(cli(restored, "export", "--out", str(b)))
    assert a.read_bytes() == b.read_bytes()
    assert ok(cli(restored, "audit", "verify"))["ok"] is True

    wrong = cli(tmp_path / "other", "restore", str(f), passphrase="not the passphrase")
    assert wrong.returncode == 1 and "passphrase" in wrong.stderr.lower()
    assert not (tmp_path / "other" / "pg").exists()


def test_audit_verify_and_export(tmp_path: Path) -> None:
    d = _seed(tmp_path)
    verified = ok(cli(d, "audit", "verify"))
    assert verified["ok"] is True and verified["count"] >= 4

    j, c = tmp_path / "audit.json", tmp_path / "audit.csv"
    ok(cli(d, "audit", "export", "--out", str(j)))
    ok(cli(d, "audit", "export", "--out", str(c)))
    events = json.loads(j.read_text())["events"]
    actions = [e["action"] for e in events]
    assert actions[:2] == ["init", "lock"] and "import" in actions
    rows = list(csv.DictReader(c.open()))
    assert [r["action"] for r in rows][: len(actions)] == actions
    assert all(len(r["hash"]) == 64 for r in rows)

    secrets = DbSecrets.load(d)
    # A superuser edits history behind the app's back (the server is started for it).
    from core.db.server import EmbeddedServer

    server = EmbeddedServer(d / "pg")
    server.start()
    try:
        with psycopg.connect(
            host=str(server.socket_dir),
            port=server.port,
            user=SUPERUSER,
            password=secrets.admin_password,
            dbname=DB_NAME,
            autocommit=True,
        ) as conn:
            conn.execute("ALTER TABLE audit_events DISABLE TRIGGER USER")
            conn.execute("UPDATE audit_events SET actor = 'someone-else' WHERE seq = 3")
    finally:
        server.stop()
    res = cli(d, "audit", "verify")
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert report["ok"] is False and "event 3 was altered" in report["problems"]
