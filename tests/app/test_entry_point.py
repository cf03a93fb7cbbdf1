"""`chartside` with no arguments opens the window (what `make run` starts)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

import ui.shell.app
from app.main import main
from app.models_api import RegistryModelsPart
from core.services.service import ChartsideService


def test_no_arguments_start_the_gui_on_the_embedded_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: dict[str, Any] = {}

    def fake_run_gui(api: ChartsideService, settings: Any) -> int:
        started.update(api=api, settings=settings)
        return 7

    monkeypatch.setattr(ui.shell.app, "run_gui", fake_run_gui)
    monkeypatch.setenv("CHARTSIDE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    assert main([]) == 7
    api = started["api"]
    assert isinstance(api, ChartsideService)
    assert api.settings.data_dir == tmp_path / "data" and api.settings.embedded
    assert os.environ["HF_HUB_OFFLINE"] == "1"
    # The service hands the window a models part over this data dir's registry.
    models = api.models
    assert isinstance(models, RegistryModelsPart)
    assert models._settings is started["settings"] and models._service is api
    assert models._settings.models_dir.is_relative_to(tmp_path / "data")


def test_a_bad_setting_stops_the_gui_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CHARTSIDE_SECURITY__AUTO_LOCK_MINUTES", "90")
    assert main([]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "security.auto_lock_minutes" in err[0]
