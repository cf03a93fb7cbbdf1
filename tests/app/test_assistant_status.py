"""Without usable models the notes still work, and the assistant says why it cannot run."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.compose import build_service
from app.models_setup import assistant_status, open_embedder, open_generator, runtime_settings
from core.domain import ClientData, SessionData
from core.errors import ConfigError
from core.messages import Message
from models.registry import ModelRegistry, use_generator
from tests.conftest import PASSPHRASE, make_settings


def _broken(tmp_path: Path) -> Path:
    """A data dir whose active generator file has disappeared."""
    settings = make_settings(tmp_path / "data")
    reg = ModelRegistry(settings.models_dir)
    reg.ensure_defaults(settings.model_cache_dir)
    smol = next(r for r in reg.records() if r.name == "SmolLM2-135M-Instruct")
    copy = tmp_path / "gone.gguf"
    shutil.copyfile(smol.path, copy)
    use_generator(settings.models_dir, copy)
    copy.unlink()
    return settings.data_dir


def test_ready_with_the_packaged_models(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    ModelRegistry(settings.models_dir).ensure_defaults(settings.model_cache_dir)
    status = assistant_status(settings)
    assert status.available
    # Qwen is the default wherever its RAM fits, and the status bar says so.
    assert (status.embedder, status.generator) == (
        "all-MiniLM-L6-v2",
        "Qwen2.5-Coder-1.5B-Instruct",
    )
    reason = str(status.reason)
    assert "Qwen2.5-Coder-1.5B-Instruct" in reason and "RAM" in reason


def test_auto_falls_back_to_smollm_when_qwen_does_not_fit(tmp_path: Path) -> None:
    from models.registry import _choose_generator

    settings = make_settings(tmp_path / "data")
    records = ModelRegistry(settings.models_dir).ensure_defaults(settings.model_cache_dir)
    qwen = records["qwen"]
    assert _choose_generator("auto", records, qwen.ram_bytes + 1) == (
        "qwen",
        Message("models.why_most_capable_that_fits"),
    )
    chosen, why = _choose_generator("auto", records, qwen.ram_bytes // 2)
    assert chosen == "instruct" and "RAM" in str(why) and "GiB" in str(why)
    # A chosen generator is the one used, whatever the RAM says.
    assert _choose_generator("instruct", records, 2**40)[0] == "instruct"
    assert _choose_generator("qwen", records, 0)[0] == "qwen"


def test_missing_model_explains_itself_and_notes_still_work(tmp_path: Path) -> None:
    data_dir = _broken(tmp_path)
    svc = build_service(make_settings(data_dir))
    try:
        status = svc.assistant.status()
        assert not status.available
        assert "generator" in str(status.reason) and "missing" in str(status.reason)
        svc.initialise(PASSPHRASE)
        c = svc.notes.create_client(ClientData(full_name="Works Anyway"))
        s = svc.notes.create_session(c.id, SessionData(date="2024-02-02", plan="Plan"))
        assert svc.notes.get_session(s.id).data.plan == "Plan"
    finally:
        svc.close()


def test_thread_counts_and_context_come_from_settings(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path / "data",
        models={
            "embedder_query_threads": 1,
            "embedder_batch_threads": 2,
            "generator_threads": 2,
            "generator_batch_threads": 3,
            "generator_context": 2048,
        },
    )
    emb_s, gen_s = runtime_settings(settings)
    assert (emb_s.query_threads, emb_s.batch_threads) == (1, 2)
    assert (gen_s.n_threads, gen_s.n_threads_batch, gen_s.n_ctx) == (2, 3, 2048)
    embedder, generator = open_embedder(settings), open_generator(settings)  # unloaded: cheap
    try:
        assert embedder.settings == emb_s and generator.settings == gen_s
        assert generator.context_length <= 2048
    finally:
        embedder.close()
        generator.close()


@pytest.mark.parametrize(
    ("choice", "name"),
    [("instruct", "SmolLM2"), ("qwen", "Qwen"), ("auto", "Qwen")],
)
def test_default_generator_setting_picks_the_packaged_model(
    tmp_path: Path, choice: str, name: str
) -> None:
    settings = make_settings(tmp_path / "data", models={"default_generator": choice})
    generator = open_generator(settings)  # unloaded: cheap
    try:
        assert generator.name.startswith(name)
    finally:
        generator.close()


def test_gemma_is_no_longer_a_packaged_choice(tmp_path: Path) -> None:
    """Gemma 3 270M left the package (issue 31): `base` no longer names a packaged
    generator, and a setting that asks for it says which values remain."""
    with pytest.raises(ConfigError) as err:
        make_settings(tmp_path / "data", models={"default_generator": "base"})
    assert "models.default_generator='base'" in str(err.value)
    assert "auto|qwen|instruct" in str(err.value)
