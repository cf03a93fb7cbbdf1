"""The timeline's tests' fixtures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.timeline.resources import ROOT


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    """A copy of the timeline's rules files (core/timeline/resources/), to break."""
    copy = tmp_path / "resources"
    shutil.copytree(ROOT, copy)
    return copy
