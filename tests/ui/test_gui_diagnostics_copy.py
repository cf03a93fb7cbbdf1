"""Issue 14: "Copy diagnostics" puts the app's state on the clipboard, and no note."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from app.compose import answer_kernels
from core.api import ChartsideApi
from core.assistant.types import AskRequest
from core.domain import Client, ClientData, HealthCheck
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from tests.conftest import PASSPHRASE
from ui.kit.bidi import strip_isolates

PLANTED = "Patient disclosed zebra-violet nightmares"


def test_copy_diagnostics_puts_versions_checks_and_metrics_on_the_clipboard(
    make_gui: Callable[[ChartsideApi], GuiDriver], fake_api: FakeChartsideApi
) -> None:
    cid = uuid.uuid4()
    fake_api.clients[cid] = Client(
        cid, ClientData(full_name="Dana Levi", notes=PLANTED), dt.datetime.now()
    )
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(cid)  # a note on screen must not reach the clipboard
    QApplication.clipboard().setText("")
    dialog = driver.controller.diagnostics.open()
    driver.wait_until(lambda: not dialog.busy)
    driver.click(dialog.copy_button)
    text = QApplication.clipboard().text()
    assert f"Qt {qVersion()}" in text
    assert "Unlocked: yes" in text
    assert "  fake | yes | in-memory" in text  # the health checks, as shown
    assert "  Total | 3 | 2,210 | 4,950" in text  # the assistant's latency
    assert "Prompt tokens | 1,834" in text
    assert PLANTED not in text and "Dana Levi" not in text


def test_copy_diagnostics_on_the_real_service_holds_its_checks_and_no_note(
    make_gui: Callable[[ChartsideApi], GuiDriver],
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
) -> None:
    """The twin on the real service and database: its own health checks and an extractive
    answer's metrics reach the clipboard; the note and the name never do."""
    svc = service_factory(embedder=embedder, kernels=answer_kernels)
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi", notes=PLANTED))
    svc.search.index_now()
    svc.assistant.ask(AskRequest("What did the patient disclose?", client.id, extractive=True))
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    QApplication.clipboard().setText("")
    dialog = driver.controller.diagnostics.open()
    driver.wait_until(lambda: not dialog.busy, 60_000)
    driver.click(dialog.copy_button)
    text = QApplication.clipboard().text()
    assert f"Qt {qVersion()}" in text
    assert "Unlocked: yes" in text
    for check in ("database", "pgvector", "schema", "row_level_security", "encryption"):
        assert f"  {check} | yes | " in text
    assert "  index | yes | 1 of 1 chunks embedded" in text
    # The page names each check in words and writes its detail from the check's id and
    # values (issue 28); the copy keeps the names `chartside doctor` prints, for support.
    items = [dialog.checks.topLevelItem(r) for r in range(dialog.checks.topLevelItemCount())]
    rows = {item.text(0): strip_isolates(item.text(2)) for item in items if item is not None}
    assert rows["Row-level security"] == "forced on every workspace table"
    assert rows["Search index"].startswith("1 of 1 chunks embedded with all-MiniLM-L6-v2")
    assert rows["Everyday database role"].endswith(": superuser=no, bypassrls=no")
    # The answering model's kernels, as the composed app reads them from llama.cpp.
    assert rows["Answer model's CPU kernels"].startswith("AVX2, one portable build")
    assert "row_level_security" not in rows and "runtime_role" not in rows
    assert "  Total | 1 | " in text and "  Extractive | 1" in text
    assert PLANTED not in text and "Dana Levi" not in text
    assert "What did the patient disclose?" not in text  # nor the question asked


def test_the_copy_keeps_the_checks_stable_names_in_the_hebrew_window(
    hebrew: None,  # noqa: F811
    make_gui: Callable[[ChartsideApi], GuiDriver],
    fake_api: FakeChartsideApi,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Support matches the copy against `chartside doctor`: the page speaks Hebrew, the
    copy's health checks stay as the CLI writes them."""
    forced = HealthCheck(
        "row_level_security", True, "forced on every workspace table", {},
        "row_level_security.forced", {},
    )  # fmt: skip
    monkeypatch.setattr(fake_api.health, "doctor", lambda: [forced])
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    dialog = driver.controller.diagnostics.open()
    driver.wait_until(lambda: not dialog.busy)
    row = dialog.checks.topLevelItem(0)
    assert row is not None
    assert (row.text(0), row.text(2)) == ("אבטחה ברמת השורה", "נאכפת בכל טבלאות סביבות העבודה")
    assert "  row_level_security | yes | forced on every workspace table" in dialog.report()
