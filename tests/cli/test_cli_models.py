"""`chartside models …` on the real packaged models."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from models.files import sha256_path
from tests.cli.test_cli import cli, ok


def _active(rows: list[dict], kind: str) -> dict:
    (row,) = [r for r in rows if r["kind"] == kind and r["active"]]
    return row


def test_list_verify_and_switch_models(tmp_path: Path) -> None:
    d = tmp_path / "data"
    listed = ok(cli(d, "models", "list", passphrase=None))
    rows = listed["models"]
    # The CPU kernels the generator runs with: the portable build's AVX2 here.
    assert listed["llama_cpu"]["level"] == "AVX2" and listed["llama_cpu"]["variants"] == []
    assert {r["name"] for r in rows} >= {
        "all-MiniLM-L6-v2",
        "SmolLM2-135M-Instruct",
        "Qwen2.5-Coder-1.5B-Instruct",
    }
    emb = _active(rows, "embedder")
    assert emb["dimension"] == 384 and len(emb["sha256"]) == 64
    assert emb["model_id"] == f"all-MiniLM-L6-v2@{emb['sha256'][:12]}"
    gen = _active(rows, "generator")
    # The default where its RAM fits, and the list says why it was chosen.
    assert gen["name"] == "Qwen2.5-Coder-1.5B-Instruct" and gen["has_chat_template"] is True
    assert "RAM" in gen["why"]
    assert all(r["fits_ram"] for r in rows)
    assert (d.stat().st_mode & 0o777) == 0o700

    verified = ok(cli(d, "models", "verify", passphrase=None))
    assert verified["ok"] is True
    assert all(r["checksum_ok"] is True for r in verified["models"])

    smol = next(r for r in rows if r["name"] == "SmolLM2-135M-Instruct")
    copy = tmp_path / "smol.gguf"
    shutil.copyfile(smol["path"], copy)
    used = ok(cli(d, "models", "use-generator", str(copy), passphrase=None))
    assert used["active"] is True and used["has_chat_template"] is True
    listed = ok(cli(d, "models", "list", passphrase=None))
    rows = listed["models"]
    # The CPU kernels the generator runs with: the portable build's AVX2 here.
    assert listed["llama_cpu"]["level"] == "AVX2" and listed["llama_cpu"]["variants"] == []
    assert _active(rows, "generator")["path"] == str(copy)

    with copy.open("r+b") as f:  # one changed byte in the middle of the weights
        f.seek(copy.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0xFF]))
    res = cli(d, "models", "verify", passphrase=None)
    assert res.returncode == 1
    report = json.loads(res.stdout)
    (changed,) = [r for r in report["models"] if r["checksum_ok"] is False]
    assert changed["path"] == str(copy)


def test_use_embedder_refuses_a_missing_directory(tmp_path: Path) -> None:
    res = cli(tmp_path / "data", "models", "use-embedder", str(tmp_path / "nope"), passphrase=None)
    assert res.returncode == 1
    assert len(res.stderr.strip().splitlines()) == 1


def test_add_a_bundled_model_file_checked_against_its_digest(tmp_path: Path) -> None:
    """An offline bundle (issue 15, point 4): the file is registered only when its SHA-256
    is the manifest's; a wrong digest is one line and registers nothing."""
    d = tmp_path / "data"
    listed = ok(cli(d, "models", "list", passphrase=None))
    rows = listed["models"]
    # The CPU kernels the generator runs with: the portable build's AVX2 here.
    assert listed["llama_cpu"]["level"] == "AVX2" and listed["llama_cpu"]["variants"] == []
    smol = next(r for r in rows if r["name"] == "SmolLM2-135M-Instruct")
    bundle = tmp_path / "bundle" / "clinic-model.gguf"
    bundle.parent.mkdir()
    shutil.copyfile(smol["path"], bundle)

    wrong = cli(d, "models", "add", str(bundle), "--sha256", "0" * 64, passphrase=None)
    assert wrong.returncode != 0 and len(wrong.stderr.strip().splitlines()) == 1
    assert "expected 000000000000" in wrong.stderr
    listed = ok(cli(d, "models", "list", passphrase=None))["models"]
    assert str(bundle) not in {r["path"] for r in listed}

    added = ok(cli(d, "models", "add", str(bundle), "--sha256", smol["sha256"].upper(),
                  passphrase=None))  # fmt: skip
    assert added["path"] == str(bundle) and added["sha256"] == smol["sha256"]
    assert added["active"] is False  # the current choice stays until --use
    listed = ok(cli(d, "models", "list", passphrase=None))["models"]
    assert str(bundle) in {r["path"] for r in listed}


def test_a_model_without_a_chat_template_is_added_and_used(
    tmp_path: Path, base_model_file: Path
) -> None:
    """Gemma 3 270M left the package (issue 31); a base model like it, a GGUF without a chat
    template, is still registered by `models add` and is the generator once chosen."""
    d = tmp_path / "data"
    listed = ok(cli(d, "models", "list", passphrase=None))
    rows = listed["models"]
    # The CPU kernels the generator runs with: the portable build's AVX2 here.
    assert listed["llama_cpu"]["level"] == "AVX2" and listed["llama_cpu"]["variants"] == []
    assert not {r["name"] for r in rows} & {"gemma-3-270m", base_model_file.stem}
    digest = sha256_path(base_model_file)
    added = ok(cli(d, "models", "add", str(base_model_file), "--sha256", digest, "--use",
                  passphrase=None))  # fmt: skip
    assert added["path"] == str(base_model_file) and added["sha256"] == digest
    assert added["active"] is True and added["has_chat_template"] is False
    listed = ok(cli(d, "models", "list", passphrase=None))
    rows = listed["models"]
    # The CPU kernels the generator runs with: the portable build's AVX2 here.
    assert listed["llama_cpu"]["level"] == "AVX2" and listed["llama_cpu"]["variants"] == []
    assert _active(rows, "generator")["path"] == str(base_model_file)
