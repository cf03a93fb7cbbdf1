"""Note search and index progress on the real service, with the real packaged embedder.

The twin of tests/ui/test_gui_search.py (which runs against FakeNotesApi), reusing its
helpers. Nothing here calls `index_now`: the background indexer that the GUI starts with
`watch_index` at unlock does all the embedding, woken again by a save's NOTIFY.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

import pytest
from gui_driver import GuiDriver
from test_gui_search import open_hit, result_rows, search_notes, selected_text

from core.api import NotesApi
from core.domain import ClientData, SessionData
from core.retrieval.types import IndexStatus
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE

MakeGui = Callable[[NotesApi], GuiDriver]
# The first embedding may load torch's kernels; the indexer also sleeps in 0.5 s waits.
INDEX_TIMEOUT_MS = 60_000

SERTRALINE_PLAN = "Start sertraline 50 mg once daily; review mood and sleep in four weeks."
KNEE_SUBJECTIVE = "Right knee pain after running on hills, worse on stairs."
KNEE_PLAN = "Ice after exercise and a graded physiotherapy programme."
NEW_WORD = "hydrotherapy"


def test_background_index_completes_and_search_opens_the_hit(
    indexed_service: ChartsideService,
    make_gui: MakeGui,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    svc = indexed_service
    client = svc.create_client(ClientData(full_name="Search Client"))
    sertraline = svc.create_session(
        client.id,
        SessionData(dt.datetime(2024, 3, 2, 10, 0), subjective="Low mood.", plan=SERTRALINE_PLAN),
    )
    knee = svc.create_session(
        client.id,
        SessionData(dt.datetime(2024, 1, 9, 9, 30), subjective=KNEE_SUBJECTIVE, plan=KNEE_PLAN),
    )
    svc.lock()

    driver = make_gui(svc)
    bar = driver.controller.index_progress
    # Every status the bar is given (start-up snapshot and the indexer's reports), with
    # whether the bar was visible right after.
    shown: list[tuple[IndexStatus | None, bool]] = []
    original = bar.show_status

    def record(status: IndexStatus | None) -> None:
        original(status)
        shown.append((status, bar.isVisible()))

    monkeypatch.setattr(bar, "show_status", record)

    # 1. Unlock: the GUI's watch_index starts the background indexer, which completes.
    driver.unlock(PASSPHRASE)
    assert bar.watching
    driver.wait_until(
        lambda: bar.status is not None and bar.status.complete and bar.status.total > 0,
        INDEX_TIMEOUT_MS,
    )
    final = bar.status
    assert final is not None and final.current == final.total > 0
    assert svc.embedder is not None and final.model_id == svc.embedder.model_id
    assert bar.isHidden()
    # Any incomplete status the bar was given was shown with its progress.
    for status, visible in shown:
        if status is not None and not status.complete:
            assert visible, status
    assert driver.window.banner.text == ""

    # 2. Search the client's notes and open the hit.
    driver.open_client(client.id)
    panel = search_notes(driver, "sertraline")
    assert panel.hits, panel.message.text()
    first = panel.hits[0]
    assert (first.session_id, first.field, first.type) == (sertraline.id, "plan", "session")
    assert result_rows(panel)[0][:2] == ["2024-03-02 10:00", "Plan"]
    assert "sertraline" in result_rows(panel)[0][2]
    assert first.vector_score is not None  # the vector side had it too: the index is built
    assert panel.index_note.isHidden()

    open_hit(driver, 0)
    window = driver.window
    editor = window.session_editor
    assert editor.session_id == sertraline.id
    assert window.session_list.ids()[window.session_list.currentRow()] == sertraline.id
    assert editor.plan.toPlainText() == SERTRALINE_PLAN
    assert window.focusWidget() is editor.plan
    assert "sertraline" in selected_text(editor.plan)
    assert not window.dirty

    # 3. Edit the other session in the GUI: the next search finds the new word.
    driver.open_session(knee.id)
    reports_before_save = len(shown)
    editor.plan.setPlainText(f"{KNEE_PLAN} Add {NEW_WORD} twice a week.")
    driver.save_session()
    assert window.banner.text == ""
    assert not window.dirty

    panel = search_notes(driver, NEW_WORD)
    assert panel.hits, panel.message.text()
    hit = panel.hits[0]
    assert (hit.session_id, hit.field) == (knee.id, "plan")
    assert NEW_WORD in hit.snippet

    # The save's NOTIFY wakes the indexer: the new chunk is reported stale, then embedded.
    def reindexed() -> bool:
        after = [s for s, _ in shown[reports_before_save:] if s is not None]
        return any(not s.complete for s in after) and after[-1].complete

    driver.wait_until(reindexed, INDEX_TIMEOUT_MS)
    final = bar.status
    assert final is not None and final.current == final.total > 0
    assert bar.isHidden()

    panel = search_notes(driver, NEW_WORD)
    hit = panel.hits[0]
    assert (hit.session_id, hit.field) == (knee.id, "plan")
    assert hit.vector_score is not None
    assert panel.index_note.isHidden()
    open_hit(driver, 0)
    assert editor.session_id == knee.id
    assert window.focusWidget() is editor.plan
    assert NEW_WORD in selected_text(editor.plan)

    # No failure on the way: not the old "index progress unavailable: AttributeError" at
    # unlock, nor a dying indexer thread.
    problems = [
        r
        for r in caplog.records
        if r.levelno >= logging.WARNING
        or r.exc_info
        or "index progress unavailable" in r.getMessage()
        or "AttributeError" in r.getMessage()
    ]
    assert not problems, [(r.name, r.levelname, r.getMessage()) for r in problems]
