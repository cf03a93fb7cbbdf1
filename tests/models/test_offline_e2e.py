"""End to end without a network: embedding and generation inside a network namespace
that has nothing but loopback, with the offline guard installed as well."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = r"""
import json, os, socket, sys, tempfile
assert os.environ["HF_HUB_OFFLINE"] == "1"
interfaces = [name for _, name in socket.if_nameindex()]
# No route off the machine: the kernel refuses before anything is sent.
probe = socket.socket()
probe.settimeout(0)
unreachable = probe.connect_ex(("192.0.2.1", 9))
probe.close()

from tests import offline_guard
offline_guard.install()

from models.factory import open_defaults
from models.metrics import ModelMetrics

registry_dir, cache_dir = sys.argv[1], sys.argv[2]
embedder, generator = open_defaults(registry_dir, cache_dir, metrics=ModelMetrics())
try:
    docs = embedder.embed_documents(["Knee swelling after running.", "Sleep improved."])
    query = embedder.embed_query("running injury")
    scores = [sum(a * b for a, b in zip(query, d)) for d in docs]
    answer = "".join(generator.stream("The knee is a joint that", max_tokens=8))
finally:
    embedder.close()
    generator.close()
print(json.dumps({
    "interfaces": interfaces,
    "unreachable_errno": unreachable,
    "dimension": len(query),
    "best": scores.index(max(scores)),
    "answer": answer,
    "violations": offline_guard.violations(),
}))
"""


def _namespace_problem() -> str | None:
    if not sys.platform.startswith("linux"):
        return "network namespaces are Linux-only"
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        return "unshare or ip (util-linux, iproute2) is not installed"
    probe = subprocess.run(
        ["unshare", "-rn", "sh", "-c", "ip link set lo up"], capture_output=True, text=True
    )
    if probe.returncode != 0:
        return f"the kernel refused a user+network namespace: {probe.stderr.strip()}"
    return None


@pytest.mark.slow
def test_models_work_inside_a_namespace_without_network(
    tmp_path: Path, model_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    problem = _namespace_problem()
    if problem is not None:
        with capsys.disabled():
            print(f"\nSKIPPED offline end-to-end test: {problem}")
        pytest.skip(problem)

    env = {
        **os.environ,
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    command = [
        "unshare", "-rn", "sh", "-c", 'ip link set lo up && exec "$@"', "sh",
        sys.executable, "-c", CHILD, str(tmp_path / "registry"), str(model_cache),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["interfaces"] == ["lo"]
    assert result["unreachable_errno"] != 0
    assert result["dimension"] == 384 and result["best"] == 0
    assert result["answer"].strip()
    assert result["violations"] == []
