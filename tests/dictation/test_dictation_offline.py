"""Dictation without a network (issue 29, point 4): `chartside transcribe` inside a network
namespace that has nothing but loopback, the offline guard installed as well."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.models.test_offline_e2e import _namespace_problem  # pyright: ignore[reportPrivateUsage]

ROOT = Path(__file__).resolve().parents[2]
RECORDING = ROOT / "tests" / "data" / "dictation" / "knee.wav"

CHILD = r"""
import json, socket, sys
from tests import offline_guard
offline_guard.install()
from app.main import main
interfaces = [name for _, name in socket.if_nameindex()]
code = main(["--data-dir", sys.argv[1], "--json", "transcribe", sys.argv[2]])
print(json.dumps({"interfaces": interfaces, "code": code,
                  "violations": offline_guard.violations()}))
"""


def test_transcribe_works_in_a_namespace_without_network(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = _namespace_problem()
    if problem is not None:
        with capsys.disabled():
            print(f"\nSKIPPED offline dictation test: {problem}")
        pytest.skip(problem)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [
        "unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
        sys.executable, "-c", CHILD, str(tmp_path / "data"), str(RECORDING),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.strip().splitlines()
    transcript, status = json.loads(lines[-2]), json.loads(lines[-1])
    assert status == {"interfaces": ["lo"], "code": 0, "violations": []}
    assert "ibuprofen" in transcript["text"].lower() and transcript["words"]
