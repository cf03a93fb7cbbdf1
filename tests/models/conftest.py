"""Shared fixtures: each packaged model is loaded once per test session (2-core CI)."""

from __future__ import annotations

import os

# Before anything can import huggingface_hub or transformers (DESIGN §1).
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

from collections.abc import Iterator
from pathlib import Path

import pytest

from models import packaged
from models.embedder import SentenceTransformerEmbedder
from models.generator import LlamaCppGenerator
from models.metrics import ModelMetrics


@pytest.fixture(scope="session")
def model_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def gemma_model(model_cache: Path) -> packaged.PackagedModel:
    return packaged.base_generator(model_cache)


@pytest.fixture(scope="session")
def embedder() -> Iterator[SentenceTransformerEmbedder]:
    pm = packaged.embedder()
    e = SentenceTransformerEmbedder(pm.path, name=pm.name, metrics=ModelMetrics())
    e.load()
    yield e
    e.close()


@pytest.fixture(scope="session")
def gemma(gemma_model: packaged.PackagedModel) -> Iterator[LlamaCppGenerator]:
    g = LlamaCppGenerator(
        gemma_model.path, name=gemma_model.name, expected_sha256=gemma_model.sha256
    )
    g.load()
    yield g
    g.close()


@pytest.fixture(scope="session")
def smollm() -> Iterator[LlamaCppGenerator]:
    pm = packaged.instruct_generator()
    g = LlamaCppGenerator(pm.path, name=pm.name, expected_sha256=pm.sha256)
    g.load()
    yield g
    g.close()
