"""`chartside index` and `chartside search` through the real console entry point
(issue 5 §2, §5), including a kill -9 in the middle of indexing."""

from __future__ import annotations

import datetime as dt
import json
import os
import pty
import select
import signal
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.compose import migrations_dir
from core.services.service import ChartsideService
from tests.cli.test_cli import CHARTSIDE, cli, cli_env, ok
from tests.conftest import PASSPHRASE, make_settings
from tests.factories import document


def test_index_then_search_and_batch(tmp_path: Path) -> None:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    doc = document(3, 4)
    doc["clients"][1]["sessions"][2]["plan"] = "Start zolpidem 5 mg at night."
    (tmp_path / "in.json").write_text(json.dumps(doc))
    ok(cli(d, "import", str(tmp_path / "in.json")))
    status = ok(cli(d, "index", "--wait"))
    assert status["complete"] and status["index"]["current"] == status["index"]["total"] > 0
    hits = ok(cli(d, "search", "zolpidem at night", "--k", "3"))
    assert hits[0]["session_external_id"] == doc["clients"][1]["sessions"][2]["external_id"]
    assert hits[0]["field"] == "plan" and "zolpidem" in hits[0]["snippet"]
    assert set(hits[0]) == {
        "rank", "score", "type", "client_external_id", "session_external_id",
        "session_date", "field", "snippet",
    }  # fmt: skip
    other = doc["clients"][0]["external_id"]
    scoped = ok(cli(d, "search", "zolpidem", "--client", other, "--k", "2"))
    assert {h["client_external_id"] for h in scoped} == {other}
    batch = tmp_path / "q.jsonl"
    batch.write_bytes(
        (
            json.dumps({"id": "a", "query": "zolpidem", "client": doc["clients"][1]["external_id"]})
            + "\n{not json\n"
            + json.dumps({"id": "c", "query": "sleep", "client": "no-such-client"})
            + "\n"
        ).encode()
        + b'{"id": "d", "query": "\xa4\xff"}\n'  # a line in another encoding
        + json.dumps({"id": "e", "query": "sleep"}).encode()
    )
    res = cli(d, "search", "--batch", str(batch), "--k", "1")
    assert res.returncode == 0, res.stderr
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert lines[0]["id"] == "a" and lines[0]["results"][0]["field"] == "plan"
    assert lines[1]["error"] == "not valid JSON" and lines[1]["line"] == 2
    assert lines[2] == {"id": "c", "line": 3, "error": "no client has that id"}
    assert lines[3] == {"id": None, "line": 4, "error": "not valid UTF-8"}
    assert lines[4]["id"] == "e" and "results" in lines[4]  # the lines after it still run
    assert "zolpidem" not in res.stderr  # PHI reaches stdout only
    # `search ... | head`: the reader leaves early; the CLI ends quietly, as SIGPIPE would.
    batch.write_text(_many("sleep", 400))
    piped = subprocess.run(
        ["bash", "-c", f'"{CHARTSIDE}" --data-dir "{d}" --json search --batch "{batch}" '
         "--k 10 | head -c 10; echo \" ${PIPESTATUS[0]}\""],
        capture_output=True, text=True, env=cli_env(),
    )  # fmt: skip
    assert piped.stdout.split()[-1] == "141", piped.stderr
    assert "Traceback" not in piped.stderr and "BrokenPipe" not in piped.stderr


def _many(query: str, n: int) -> str:
    """A batch big enough that its output overflows a pipe's buffer."""
    return "".join(json.dumps({"id": str(i), "query": query}) + "\n" for i in range(n))


def _big_import(tmp_path: Path, sessions: int) -> Path:
    """`sessions` sessions with one short field each: 5,000 chunks to embed, not 20,000."""
    day = dt.datetime(2023, 1, 1, 9)
    clients = []
    for c in range(50):
        per = sessions // 50
        clients.append(
            {
                "external_id": f"c-{c:03d}",
                "full_name": f"Client {c}",
                "sessions": [
                    {
                        "external_id": f"s-{c:03d}-{i:03d}",
                        "date": (day + dt.timedelta(days=i)).isoformat(),
                        "subjective": f"Visit {i}: pain {i % 10}/10 after exercise {c}.",
                    }
                    for i in range(per)
                ],
            }
        )
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"format": "chartside.v1", "clients": clients}))
    return path


def _chunk_state(d: Path) -> dict[str, Any]:
    svc = ChartsideService(make_settings(d), migrations_dir())
    try:
        svc.unlock(PASSPHRASE)
        row = svc.session.run(
            lambda c, k: c.execute(
                text(
                    "SELECT count(*) AS n, count(DISTINCT id) AS ids, "
                    "count(embedding) AS embedded, count(DISTINCT model_id) AS models, "
                    "count(DISTINCT (client_id, session_id, field, ordinal)) AS positions "
                    "FROM chunks"
                )
            ).one()
        )
        return dict(row._mapping)
    finally:
        svc.close()


def test_index_survives_kill_9_and_finishes_exactly_once(tmp_path: Path) -> None:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    ok(cli(d, "import", str(_big_import(tmp_path, 5000))))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTSIDE_")}
    env.update({"CHARTSIDE_PASSPHRASE": PASSPHRASE, "CHARTSIDE_CRYPTO__ARGON2_MEMORY_KIB": "19456"})
    env["CHARTSIDE_CRYPTO__ARGON2_ITERATIONS"] = "2"
    master, slave = pty.openpty()  # a terminal, so the progress bar is drawn
    proc = subprocess.Popen(
        [CHARTSIDE, "--data-dir", str(d), "index"], stderr=slave, stdout=slave, env=env
    )
    os.close(slave)
    seen = b""
    try:
        while b"/5000" not in seen or _done(seen) < 640:
            ready, _, _ = select.select([master], [], [], 120)
            assert ready, f"no progress: {seen[-200:]!r}"
            seen += os.read(master, 4096)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        os.close(master)
    partial = _chunk_state(d)
    assert partial["n"] == 5000 and 640 <= partial["embedded"] < 5000
    status = ok(cli(d, "index", "--wait"))
    assert status["index"] == {"current": 5000, "total": 5000, "model": status["index"]["model"]}
    final = _chunk_state(d)
    assert final == {"n": 5000, "ids": 5000, "embedded": 5000, "models": 1, "positions": 5000}


def _done(output: bytes) -> int:
    """The latest 'done' count from the bar: '... 640/5000'."""
    last = output.rsplit(b"\r", 1)[-1].split(b"]")[-1].strip()
    try:
        return int(last.split(b"/")[0])
    except ValueError:
        return 0
