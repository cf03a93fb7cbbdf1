"""`chartside index` is a foreground job: its batches take `models.embedder_index_threads`
torch threads; the window's background indexer keeps `embedder_batch_threads` (issue 17)."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.cli import search as cli_search
from app.models_setup import runtime_settings
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from models import packaged
from models.embedder import EmbedderSettings, SentenceTransformerEmbedder
from tests.conftest import PASSPHRASE, make_settings


@pytest.fixture
def two_thread_embedder() -> Iterator[SentenceTransformerEmbedder]:
    pm = packaged.embedder()
    e = SentenceTransformerEmbedder(
        pm.path, name=pm.name, settings=EmbedderSettings(batch_threads=1, index_threads=2)
    )
    yield e
    e.close()


def _torch_threads(e: SentenceTransformerEmbedder) -> int:
    import torch

    return int(e._worker.call(torch.get_num_threads))


def test_the_setting_reaches_the_embedder(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "d", models={"embedder_index_threads": 3})
    emb = runtime_settings(settings)[0]
    assert (emb.batch_threads, emb.index_threads) == (1, 3)


def test_foreground_batches_use_the_index_threads(
    two_thread_embedder: SentenceTransformerEmbedder,
) -> None:
    e = two_thread_embedder
    e.embed_documents(["knee pain on stairs"])
    assert _torch_threads(e) == 1  # the background indexer's count
    e.use_foreground_threads()
    e.embed_documents(["knee pain on stairs"])
    assert _torch_threads(e) == 2
    e.embed_query("knee")
    assert _torch_threads(e) == e.settings.query_threads == 1  # queries keep theirs


class _Cli:
    def __init__(self, svc: ChartsideService) -> None:
        self.svc = svc
        self.args = argparse.Namespace(json=True, wait=True)
        self.emitted: list[dict[str, Any]] = []

    def unlock(self) -> None:  # the service is already unlocked
        pass

    def emit(self, payload: dict[str, Any], human: str) -> None:
        self.emitted.append(payload)


def test_chartside_index_runs_in_the_foreground(
    tmp_path: Path, two_thread_embedder: SentenceTransformerEmbedder
) -> None:
    from app.compose import migrations_dir

    svc = ChartsideService(
        make_settings(tmp_path / "d"), migrations_dir(), embedder=two_thread_embedder
    )
    try:
        svc.initialise(PASSPHRASE)
        c = svc.notes.create_client(ClientData(full_name="Dana Levi"))
        svc.notes.create_session(c.id, SessionData(date="2024-02-02", plan="Quadriceps exercises."))
        cli = _Cli(svc)
        assert cli_search.run_index(cli) == 0
        assert cli.emitted[0]["complete"]
        assert _torch_threads(two_thread_embedder) == 2
    finally:
        svc.close()
