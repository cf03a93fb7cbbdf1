"""The real desktop case: a normal (non-root) account runs the server as itself, with
private 0700 data and socket directories. CI runs as root, so this test switches user."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, stat, sys
from app.compose import build_service, build_settings
svc = build_service(build_settings())
svc.initialise(os.environ["PW"])
server = svc.store.server
out = {
    "me": os.geteuid(),
    "server_uid": os.stat(f"/proc/{server.pid}").st_uid,
    "data_dir": oct(stat.S_IMODE(server.pg_dir.stat().st_mode)),
    "socket_dir": oct(stat.S_IMODE(server.socket_dir.stat().st_mode)),
    "doctor": {c.name: c.ok for c in svc.health.doctor()},
}
svc.close()
print(json.dumps(out))
"""


def _as_normal_user() -> list[str]:
    """A command prefix that runs as an unprivileged uid 1000 with no capabilities: a user
    namespace mapping it onto us. (Switching to a system account fails here because the
    interpreter lives under /root, which is 0700.)"""
    if os.geteuid() != 0:
        pytest.skip("already a normal user: every other test covers this path")
    prefix = ["unshare", "--user", "--map-user=1000", "--map-group=1000"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(f"user namespaces are not allowed here: {probe.stderr.strip()}")
    return prefix


def test_normal_user_runs_its_own_private_server(tmp_path: Path) -> None:
    prefix = _as_normal_user()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PW": PASSPHRASE,
        "PYTHONPATH": str(ROOT),
        "CHARTSIDE_DATA_DIR": str(tmp_path / "data"),
        "CHARTSIDE_CONFIG_FILE": str(tmp_path / "none.toml"),
        "CHARTSIDE_POLICY_FILE": str(tmp_path / "none.toml"),
        **{f"CHARTSIDE_CRYPTO__{k.upper()}": str(v) for k, v in FAST_KDF.items()},
    }
    res = subprocess.run(
        [*prefix, sys.executable, "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd="/",
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["me"] == 1000
    assert out["server_uid"] == out["me"]  # no separate system account for a normal user
    assert out["data_dir"] == "0o700" and out["socket_dir"] == "0o700"
    assert all(out["doctor"].values()), out["doctor"]
