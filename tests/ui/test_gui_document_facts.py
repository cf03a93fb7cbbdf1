"""A scan's numbers reach the timeline only once confirmed (issue 30, point 2), in the real
window on the real database with the real tesseract: a scanned lab letter from the
project's generator is dropped on the client and read; its values are not in the timeline;
in the page view each is listed beside the page image with the words it was read from and
the scan's caution, a chosen one boxed on the page; the checked ones, confirmed, are in the
timeline, citing the document's page."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from gui_driver import GuiDriver
from PySide6.QtCore import Qt
from test_gui_documents_real import READ_TIMEOUT_MS, _attach_by_drop
from test_gui_documents_real import make_service as make_service  # the fixture

from bench.documents import make
from core.api import ChartsideApi
from core.domain import ClientData
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE
from ui.timeline.flowsheet import FACTS_ROLE

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs tesseract")

MakeGui = Callable[[ChartsideApi], GuiDriver]
LAB = [
    [
        "Laboratory report",
        "Potassium 4.2 mmol/L",
        "HbA1c 7.1%",
        "Glucose 142 mg/dL",
        "Medications: metformin 500 mg twice daily",
    ]
]
CAUTION = "from a scan — check against the original"


def test_a_scans_numbers_join_the_timeline_once_confirmed_against_the_page(
    make_service: Callable[..., ChartsideService],
    make_gui: MakeGui,
    tmp_path: Path,
) -> None:
    svc = make_service()
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    svc.lock()
    letter = tmp_path / "lab-letter.png"
    scan = make.scan(make.text_pdf(LAB), 0, make.Degrade(dpi=200, rotate=0.6, seed=2))
    letter.write_bytes(make.image_bytes(scan))

    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    window = driver.window
    info = _attach_by_drop(driver, letter, "lab", "Lab letter")
    progress = driver.controller.read_progress
    driver.wait_until(lambda: (1, 1) in progress.reports, READ_TIMEOUT_MS)

    # Read, but not in the timeline: neither its facts nor an answer over time.
    names = {t.fact.name for t in svc.timeline.facts(client.id)}
    assert not {"a1c", "glucose", "metformin"} & names
    answer = svc.timeline.answer("What was the latest A1c?", client.id, dt.date(2024, 6, 1))
    assert answer is not None and answer.refused

    # The page view: the page image, and beside it the facts waiting to be checked.
    documents = window.documents.open()
    assert documents is not None
    driver.wait_until(lambda: bool(documents.infos) and documents.infos[0].read)
    documents.open_page(info.id, 1, "")
    pane = documents.page_view
    panel = pane.facts_panel
    driver.wait_until(lambda: pane.view is not None and panel.list.count() > 0)
    assert panel.isVisible() and pane.canvas.isVisible()
    assert CAUTION in panel.caution.text()
    rows = {t.fact.name: n for n, t in enumerate(panel.facts())}
    assert {"a1c", "glucose", "metformin"} <= set(rows)
    a1c_row = panel.list.item(rows["a1c"])
    assert "HbA1c 7.1%" in a1c_row.text() and CAUTION in a1c_row.text()
    assert "7.1 %" in a1c_row.text()
    assert not panel.confirm.isEnabled()  # nothing is checked to begin with

    # Choosing a row boxes the words it was read from on the page image.
    panel.list.setCurrentRow(rows["a1c"])
    driver.wait_until(lambda: pane.view is not None and pane.view.span is not None)
    view = pane.view
    assert view is not None and view.span is not None
    assert view.page.text[view.span[0] : view.span[1]] == "HbA1c 7.1%"
    assert list(view.words) == ["HbA1c", "7.1%"] and len(view.boxes) == 2
    assert len(pane.canvas.highlight_rects()) == 2

    # Check the A1c and glucose against the page, and confirm them.
    for name in ("a1c", "glucose"):
        panel.list.item(rows[name]).setCheckState(Qt.CheckState.Checked)
    assert panel.confirm.isEnabled()
    reviewed: list[bool] = []
    pane.facts_reviewed.connect(lambda: reviewed.append(True))
    driver.click(panel.confirm)
    driver.wait_until(lambda: bool(reviewed) and panel.list.count() == len(rows) - 2)
    left = {t.fact.name for t in panel.facts()}
    assert "metformin" in left and not {"a1c", "glucose"} & left

    # In the timeline now, citing the document's page; the unconfirmed one still is not.
    by_name = {t.fact.name: t for t in svc.timeline.facts(client.id)}
    a1c = by_name["a1c"]
    assert (a1c.fact.value, a1c.fact.unit) == (7.1, "%")
    assert by_name["glucose"].fact.value == 142.0
    assert "metformin" not in by_name
    assert a1c.session_id is None and a1c.document is not None
    assert (a1c.document.id, a1c.document.title, a1c.document.page) == (info.id, "Lab letter", 1)
    assert a1c.document.date == dt.date(2024, 3, 2) and a1c.document.from_scan
    answer = svc.timeline.answer("What was the latest A1c?", client.id, dt.date(2024, 6, 1))
    assert answer is not None and not answer.refused and "7.1" in answer.text
    assert answer.sources[0].document == a1c.document

    # The flowsheet shows it, and choosing it opens the document's page at its words.
    documents.open_page(info.id, 1, "")
    driver.wait_until(lambda: pane.view is not None and pane.view.span is None)
    sheet = window.open_flowsheet()
    assert sheet is not None
    driver.wait_until(lambda: not sheet.loading and sheet.table.rowCount() > 0)
    table = sheet.table
    items = [table.item(r, c) for r in range(table.rowCount()) for c in range(table.columnCount())]
    cell = next(i for i in items if i is not None and "7.1" in i.text())
    [shown] = cell.data(FACTS_ROLE)
    assert shown.document == a1c.document
    sheet.activate(shown)
    driver.wait_until(lambda: pane.view is not None and pane.view.span is not None)
    view = pane.view
    assert view is not None and view.span is not None
    assert view.page.text[view.span[0] : view.span[1]] == "HbA1c 7.1%"
