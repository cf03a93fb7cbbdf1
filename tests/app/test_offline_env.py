"""The offline flags are in the environment before any ML library is imported, on the
path the app really takes, in a fresh interpreter that starts without them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, sys
seen = {}
WATCH = ("torch", "transformers", "sentence_transformers", "huggingface_hub", "llama_cpp")

def hook(event, args):
    if event == "import" and args[0] in WATCH and args[0] not in seen:
        seen[args[0]] = (os.environ.get("HF_HUB_OFFLINE"), os.environ.get("TRANSFORMERS_OFFLINE"))

sys.addaudithook(hook)
from app.main import main  # the console entry point
from app import compose
compose.enforce_offline_env()  # what main() does first
from app.models_setup import open_embedder, open_generator
from core.settings import load_settings
settings = load_settings(data_dir=sys.argv[1])
emb, gen = open_embedder(settings), open_generator(settings)
emb.embed_query("knee pain")
gen.count_tokens("knee pain")
emb.close(); gen.close()
print(json.dumps(seen))
"""


def test_flags_are_set_before_every_ml_import(tmp_path: Path) -> None:
    env = {
        k: v for k, v in os.environ.items() if k not in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE")
    }
    env["PYTHONPATH"] = str(ROOT)
    res = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "data")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    seen = json.loads(res.stdout.strip().splitlines()[-1])
    assert {"torch", "sentence_transformers", "llama_cpp"} <= set(seen)
    assert all(v == ["1", "1"] for v in seen.values()), seen
