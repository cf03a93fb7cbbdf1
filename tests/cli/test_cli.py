"""The CLI contract (docs/usage.md), through the real console entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.factories import document

CHARTSIDE = str(Path(sys.executable).parent / "chartside")


def cli(
    data_dir: Path, *args: str, stdin: str | None = None, passphrase: str | None = PASSPHRASE
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CHARTSIDE, "--data-dir", str(data_dir), "--json", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(passphrase),
        timeout=180,
    )


def cli_env(passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTSIDE_PASSPHRASE")}
    env.update({f"CHARTSIDE_CRYPTO__{k.upper()}": str(v) for k, v in FAST_KDF.items()})
    if passphrase is not None:
        env["CHARTSIDE_PASSPHRASE"] = passphrase
    return env


def ok(res: subprocess.CompletedProcess[str]) -> Any:
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    return d


def test_init_with_passphrase_on_stdin(tmp_path: Path) -> None:
    out = ok(
        cli(tmp_path / "d", "--passphrase-stdin", "init", stdin=PASSPHRASE + "\n", passphrase=None)
    )
    assert out["initialised"] is True
    again = cli(tmp_path / "d", "init")
    assert again.returncode != 0
    assert len(again.stderr.strip().splitlines()) == 1
    assert "already exists" in again.stderr


def test_doctor_reports_versions_schema_and_encryption(data_dir: Path) -> None:
    out = ok(cli(data_dir, "doctor"))
    checks = out["checks"]
    assert out["ok"] is True
    assert checks["database"]["version"].startswith("18.")
    assert checks["pgvector"]["version"].startswith("0.8")
    assert checks["schema"]["revision"] == checks["schema"]["head"]
    assert checks["encryption"]["algorithm"] == "AES-256-GCM" and checks["encryption"]["ok"]
    # Which CPU kernels answer: the portable AVX2 build of the development environment.
    assert checks["kernels"]["ok"] and checks["kernels"]["detail"].startswith(
        "AVX2, one portable build"
    )


def test_doctor_on_a_missing_data_dir_fails_cleanly(tmp_path: Path) -> None:
    res = cli(tmp_path / "none", "doctor")
    assert res.returncode == 1
    assert json.loads(res.stdout)["checks"]["database"]["ok"] is False


def test_import_export_round_trip_is_identical(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_text(json.dumps(document(5, 4)), encoding="utf-8")
    out = ok(cli(data_dir, "import", str(src)))
    assert out == {
        "clients_created": 5,
        "clients_updated": 0,
        "sessions_created": 20,
        "sessions_updated": 0,
        "documents_created": 0,
    }
    first = tmp_path / "first.json"
    ok(cli(data_dir, "export", "--out", str(first)))
    fresh = tmp_path / "fresh"
    ok(cli(fresh, "init"))
    ok(cli(fresh, "import", str(first)))
    second = tmp_path / "second.json"
    ok(cli(fresh, "export", "--out", str(second)))
    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text()) == document(5, 4) | {
        "clients": sorted(document(5, 4)["clients"], key=lambda c: c["external_id"])
    }
    assert oct(first.stat().st_mode & 0o777) == "0o600"


def test_reimport_updates_and_creates_no_duplicates(data_dir: Path, tmp_path: Path) -> None:
    doc = document(3, 2)
    src = tmp_path / "in.json"
    src.write_text(json.dumps(doc))
    ok(cli(data_dir, "import", str(src)))
    doc["clients"][0]["notes"] = "Changed note"
    doc["clients"][0]["sessions"][1]["plan"] = "Changed plan"
    src.write_text(json.dumps(doc))
    out = ok(cli(data_dir, "import", str(src)))
    assert out == {
        "clients_created": 0,
        "clients_updated": 3,
        "sessions_created": 0,
        "sessions_updated": 6,
        "documents_created": 0,
    }
    exported = tmp_path / "out.json"
    ok(cli(data_dir, "export", "--out", str(exported)))
    got = json.loads(exported.read_text())
    assert len(got["clients"]) == 3
    assert sum(len(c["sessions"]) for c in got["clients"]) == 6
    assert got["clients"][0]["notes"] == "Changed note"
    assert got["clients"][0]["sessions"][1]["plan"] == "Changed plan"
    one = tmp_path / "one.json"
    ok(cli(data_dir, "export", "--client", "c-00001", "--out", str(one)))
    assert [c["external_id"] for c in json.loads(one.read_text())["clients"]] == ["c-00001"]


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (
            lambda d: d["clients"][2]["sessions"][1].update(date="2024-02-30T10:00:00"),
            "clients[2] (external_id 'c-00002').sessions[1]: date",
        ),
        (
            lambda d: d["clients"][1].update(full_name="bad\u0000name"),
            "clients[1] (external_id 'c-00001'): full_name",
        ),
        (
            lambda d: d["clients"][3].update(date_of_birth="31/01/1980"),
            "clients[3] (external_id 'c-00003'): date_of_birth",
        ),
        (
            lambda d: d["clients"][0]["sessions"][0].update(colour="red"),
            "clients[0] (external_id 'c-00000').sessions[0]: colour",
        ),
        (
            lambda d: d["clients"][3].update(external_id="c-00000"),
            "clients[3] (external_id 'c-00000'): external_id",
        ),
        (lambda d: d.update(format="other.v9"), "import file: format"),
    ],
)
def test_a_bad_record_fails_the_whole_import(
    data_dir: Path, tmp_path: Path, mutate: Any, where: str
) -> None:
    doc = document(4, 3)
    mutate(doc)
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(doc))
    res = cli(data_dir, "import", str(src))
    assert res.returncode == 1
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and where in err[0], err
    empty = tmp_path / "empty.json"
    ok(cli(data_dir, "export", "--out", str(empty)))
    assert json.loads(empty.read_text())["clients"] == []


def test_malformed_json_is_a_clear_error(data_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "broken.json"
    src.write_text('{"format": "chartside.v1", "clients": [')
    res = cli(data_dir, "import", str(src))
    assert res.returncode == 1
    assert "not valid UTF-8 JSON (line 1" in res.stderr


def test_wrong_passphrase_exits_non_zero_with_one_line(data_dir: Path, tmp_path: Path) -> None:
    res = cli(data_dir, "export", "--out", str(tmp_path / "x.json"), passphrase="nope nope")
    assert res.returncode == 1
    assert res.stderr.strip().splitlines() == [
        "chartside: error: The passphrase is not correct. "
        "(Check the passphrase (and keyboard layout) and try again.)"
    ]
    assert not (tmp_path / "x.json").exists()


def test_the_server_stops_when_the_command_exits(data_dir: Path) -> None:
    ok(cli(data_dir, "doctor"))
    assert not (data_dir / "pg" / "postmaster.pid").exists()


def test_the_server_stops_even_when_the_app_forgets_to_close(tmp_path: Path) -> None:
    """An interpreter that exits without close() still stops the server it started."""
    d = tmp_path / "d"
    ok(cli(d, "init"))
    script = (
        "import sys; from app.compose import build_service, build_settings; "
        f"svc = build_service(build_settings({str(d)!r})); svc.is_initialised(); "
        "print(svc.store.server.pid); sys.exit(0)"
    )
    res = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    pid = int(res.stdout.strip())
    assert not Path(f"/proc/{pid}").exists() or "Z" in Path(f"/proc/{pid}/stat").read_text()
    assert not (d / "pg" / "postmaster.pid").exists()
