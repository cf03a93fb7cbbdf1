"""Issue 14, point 6: the models screen (Tools → Models…) on the real packaged models, the
real registry (app/models_api.py) and the real service built as the app builds it."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui_driver import GuiDriver

from app.compose import build_service
from app.models_api import RegistryModelsPart
from core.domain import ClientData, SessionData
from core.retrieval.types import IndexStatus
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE, make_settings
from ui.kit.bidi import strip_isolates
from ui.kit.core_text import core_words
from ui.tools.models_dialog import ModelsDialog

MakeGui = Callable[..., GuiDriver]
PACKAGED = {
    "all-MiniLM-L6-v2",
    "multilingual-e5-small",
    "SmolLM2-135M-Instruct",
    "Qwen2.5-Coder-1.5B-Instruct",
}
SMOL = "SmolLM2-135M-Instruct"
LOCKED_POLICY = '[models]\ndefault_generator = "instruct"\n'
E5 = "multilingual-e5-small"


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packaged models registered once (hashing them all takes a while); each test
    starts from a copy, so no test sees another's switch."""
    base = tmp_path_factory.mktemp("models-registry")
    with pytest.MonkeyPatch.context() as mp:  # no developer or machine settings file
        mp.setenv("CHARTSIDE_CONFIG_FILE", str(base / "config.toml"))
        mp.setenv("CHARTSIDE_POLICY_FILE", str(base / "policy.toml"))
        settings = make_settings(base / "data")
        listed = RegistryModelsPart(settings).list_models()
    assert {m.name for m in listed} >= PACKAGED
    return settings.models_dir / "models.json"


@pytest.fixture
def app_service(
    registry_file: Path, tmp_path: Path
) -> Iterator[tuple[ChartsideService, RegistryModelsPart]]:
    settings = make_settings(tmp_path / "data")
    settings.models_dir.mkdir(parents=True)
    shutil.copyfile(registry_file, settings.models_dir / "models.json")
    svc = build_service(settings)  # as `chartside` builds it: assistant status included
    svc.initialise(PASSPHRASE)
    try:
        # `build_service` gives the service its models part, as `chartside` does.
        assert isinstance(svc.models, RegistryModelsPart)
        yield svc, svc.models
    finally:
        svc.close()


def _open(driver: GuiDriver) -> ModelsDialog:
    driver.unlock(PASSPHRASE)
    actions = driver.controller.models
    assert actions is not None
    tools = next(m for m in driver.controller.menus.menus() if m.objectName() == "toolsMenu")
    assert actions.action in tools.actions()
    actions.action.trigger()
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    driver.wait_until(lambda: not dialog.busy and bool(dialog.infos))
    return dialog


def _row(dialog: ModelsDialog, kind: str, name: str) -> list[str]:
    info = next(m for m in dialog.infos if (m.kind, m.name) == (kind, name))
    item = dialog.row_of(info)
    return [item.text(c) for c in range(dialog.tree.columnCount())]


def _wait(driver: GuiDriver, dialog: ModelsDialog) -> None:
    driver.wait_until(lambda: not dialog.busy)


def test_lists_the_models_with_the_one_in_use_marked_and_verifies_them(
    app_service: tuple[ChartsideService, RegistryModelsPart], make_gui: MakeGui
) -> None:
    svc, _ = app_service
    svc.lock()
    driver = make_gui(svc)
    dialog = _open(driver)

    assert {m.name for m in dialog.infos} >= PACKAGED
    embedder, generator = dialog.active("embedder"), dialog.active("generator")
    assert embedder is not None and embedder.name == "all-MiniLM-L6-v2"
    assert generator is not None and generator.why  # the app chose it, and says why
    for info in dialog.infos:
        row = _row(dialog, info.kind, info.name)
        assert (row[4] == "in use") == info.active, row
        assert "free" in row[3], row  # RAM fit, against free memory
    # Dictation's recogniser is listed as the kind it is, in use (issue 29).
    speech = dialog.active("speech")
    assert speech is not None and speech.name == "whisper-base"  # the transcript's model
    assert _row(dialog, "speech", speech.name)[0] == "Speech (dictation)"
    dialog.select("generator", generator.name)
    assert core_words(generator.why) in dialog.detail.text()
    assert generator.sha256 in dialog.detail.text()

    driver.click(dialog.verify_button)
    _wait(driver, dialog)
    assert all(m.checksum_ok is True for m in dialog.infos)
    assert all(_row(dialog, m.kind, m.name)[5] == "OK" for m in dialog.infos)
    assert f"All {len(dialog.infos)} models match" in dialog.result_text

    # Stop: the token trips before the first file is through, and nothing is claimed.
    driver.click(dialog.verify_button)
    driver.click(dialog.cancel_button)
    _wait(driver, dialog)
    assert "Stopped" in dialog.result_text
    assert not dialog.banner.isVisible()


def test_a_generator_the_policy_sets_cannot_be_switched_from_the_screen(
    app_service: tuple[ChartsideService, RegistryModelsPart],
    make_gui: MakeGui,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The screen offers no choice the policy refuses, and says why; embedders stay free."""
    svc, _ = app_service
    policy = tmp_path / "policy.toml"  # this test's own: the shared empty one stays empty
    policy.write_text(LOCKED_POLICY, encoding="utf-8")
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    svc.lock()
    driver = make_gui(svc)
    dialog = _open(driver)

    assert dialog.generator_locked
    for info in dialog.infos:
        if info.active:
            continue
        dialog.select(info.kind, info.name)
        if info.kind == "generator":
            assert not dialog.use_button.isEnabled(), info.name
            assert "models.default_generator" in dialog.detail.text()
            assert "administrator" in dialog.detail.text()
        else:
            assert dialog.use_button.isEnabled(), info.name
            assert "administrator" not in dialog.detail.text()


def test_a_gguf_file_is_added_only_with_its_sha256(
    app_service: tuple[ChartsideService, RegistryModelsPart], make_gui: MakeGui, tmp_path: Path
) -> None:
    svc, models = app_service
    svc.lock()
    driver = make_gui(svc)
    dialog = _open(driver)
    smol = next(m for m in dialog.infos if m.name == SMOL)
    bundle = tmp_path / "bundle" / "clinic-model.gguf"
    bundle.parent.mkdir()
    shutil.copyfile(smol.path, bundle)

    dialog.add_path.setText(str(bundle))
    dialog.add_sha256.setText("0" * 64)
    driver.click(dialog.add_button)
    _wait(driver, dialog)
    assert "expected 000000000000" in strip_isolates(dialog.banner.text)
    assert str(bundle) not in {m.path for m in models.list_models()}

    dialog.add_sha256.setText("not a digest")
    driver.click(dialog.add_button)
    _wait(driver, dialog)
    assert "64 hexadecimal digits" in dialog.banner.text

    dialog.add_sha256.setText(smol.sha256.upper())
    driver.click(dialog.add_button)
    _wait(driver, dialog)
    assert not dialog.banner.isVisible(), dialog.banner.text
    assert "clinic-model" in dialog.result_text
    driver.wait_until(lambda: not dialog.busy and str(bundle) in {m.path for m in dialog.infos})
    (added,) = [m for m in models.list_models() if m.path == str(bundle)]
    assert added.sha256 == smol.sha256 and not added.active


def test_switching_generator_and_embedder_reaches_the_service(
    app_service: tuple[ChartsideService, RegistryModelsPart], make_gui: MakeGui
) -> None:
    svc, _ = app_service
    client = svc.notes.create_client(
        ClientData(full_name="Switch Client", medical_history="Asthma.")
    )
    # Enough distinct passages that re-embedding outlasts a few of the screen's polls.
    for day in range(60):
        svc.notes.create_session(
            client.id,
            SessionData(
                date=dt.datetime(2024, 3, 2, 10, 0) + dt.timedelta(days=day),
                subjective=f"Wheezy on {day + 1} nights this week, worse after climbing stairs.",
                assessment=f"Asthma, peak flow {300 + day} L/min, partly controlled.",
            ),
        )
    svc.lock()
    driver = make_gui(svc)
    dialog = _open(driver)
    assert svc.assistant.status().generator != SMOL

    dialog.select("generator", SMOL)
    driver.click(dialog.use_button)
    _wait(driver, dialog)
    assert not dialog.banner.isVisible(), dialog.banner.text
    driver.wait_until(lambda: not dialog.busy and dialog.active("generator") is not None)
    assert dialog.active("generator").name == SMOL  # type: ignore[union-attr]
    assert svc.assistant.status().generator == SMOL
    status_bar = driver.controller.assistant_status
    driver.wait_until(lambda: status_bar.status is not None and status_bar.status.generator == SMOL)
    driver.wait_until(lambda: SMOL in dialog.assistant_label.text())

    dialog.select("embedder", E5)
    driver.click(dialog.use_button)
    _wait(driver, dialog)
    assert not dialog.banner.isVisible(), dialog.banner.text
    assert svc.embedder is not None and svc.embedder.model_id.startswith(E5)
    # The background indexer re-embeds every passage with the new model; the screen
    # follows it, part way ("40 of 121") and then until none is left.
    shown: list[tuple[str, int, int]] = []

    def done() -> bool:
        index = dialog.index
        if index is not None and (index.model_id or "").startswith(E5):
            shown.append((dialog.index_label.text(), index.current, index.total))
        return index is not None and (index.model_id or "").startswith(E5) and index.complete

    driver.wait_until(done, timeout=240_000)
    total = shown[-1][2]
    assert total >= 100 and "All" in shown[-1][0] and E5 in shown[-1][0]
    part_way = [(text, n) for text, n, _ in shown if 0 < n < total]
    assert part_way, shown
    assert all(f"{n} of {total}" in text for text, n in part_way), part_way


def test_re_embedding_progress_reads_n_of_m(make_gui: MakeGui, fake_api: object) -> None:
    from fake_api import FAKE_PASSPHRASE, FakeModelsPart

    fake_api.models = FakeModelsPart()
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    actions = driver.controller.models
    assert actions is not None
    dialog = actions.open()
    driver.wait_until(lambda: not dialog.busy and bool(dialog.infos))
    dialog._on_index(IndexStatus(1, 3, "multilingual-e5-small@abc"))
    assert "1 of 3" in dialog.index_label.text() and dialog.index_bar.isVisible()
    assert dialog.index_bar.value() == 1 and dialog.index_bar.maximum() == 3
