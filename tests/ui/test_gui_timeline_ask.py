"""A question over time asked in the window, on the real service, embedder and database
(issue 27, point 6): "What were her last three systolic readings?" shows the three right
values, newest first, each with a citation of its own that opens the visit it came from,
the line selected. The same in the Hebrew window, answered in Hebrew."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from gui_driver import GuiDriver
from qtdoc import hrefs
from test_gui_assistant import ask_question, click_citation, selected_text, wait_for_answer
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from core.api import ChartsideApi
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from tests.conftest import PASSPHRASE
from ui.assistant.assistant_panel import AssistantPanel
from ui.kit.bidi import RLM, strip_isolates

MakeGui = Callable[[ChartsideApi], GuiDriver]
START = dt.datetime(2024, 1, 10, 9)
# Free text: a target and a visit's recheck, distractors a retrieval answer fell for.
OBJECTIVES = (
    "BP 142/90, Wt 88.2 kg",
    "blood pressure 138 over 88. Target BP < 130/80.",
    "BP 131/84 sitting, repeat 129/83",
    "Vitals: BP today 127/81, HR 70",
    "BP 124/79",
)


def _ask(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
    question: str,
    visits: list[SessionData] | None = None,
) -> tuple[GuiDriver, AssistantPanel, list[Any]]:
    """The client's chart (`visits`, by default one a month with OBJECTIVES) saved on the
    real service, the window unlocked on it, and `question` asked and answered: (driver,
    panel, the sessions oldest first)."""
    svc = service_factory(embedder=embedder)
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Noa Peretz"))
    visits = visits or [
        SessionData(date=START + dt.timedelta(days=30 * i), objective=objective)
        for i, objective in enumerate(OBJECTIVES)
    ]
    sessions = [svc.notes.create_session(client.id, visit).id for visit in visits]
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    panel = ask_question(driver, question)
    wait_for_answer(driver, 60_000)
    return driver, panel, sessions


def test_the_last_three_systolic_readings_each_open_their_own_visit(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    question = "What were her last three systolic readings?"
    driver, panel, sessions = _ask(service_factory, embedder, make_gui, question)
    window = driver.window
    result = panel.result
    assert result is not None and result.path == "timeline" and not result.refused
    shown = strip_isolates(panel.answer.toPlainText())
    found = re.findall(r"(\d+) mmHg on (\d{4}-\d\d-\d\d) \[(\d)\]", shown)
    assert found == [
        ("124", "2024-05-09", "1"),
        ("127", "2024-04-09", "2"),
        ("129", "2024-03-10", "3"),
    ]
    assert sorted(hrefs(panel.answer.document())) == ["cite:0:1", "cite:0:2", "cite:0:3"]
    assert len(panel.sources.chips) == 3
    expected = {1: (sessions[4], "BP 124/79"), 2: (sessions[3], "Vitals: BP today 127/81, HR 70"),
                3: (sessions[2], "BP 131/84 sitting, repeat 129/83")}  # fmt: skip
    for n, (session_id, line) in expected.items():
        assert click_citation(driver, panel.answer, n) == f"cite:0:{n}"
        driver.settle()
        assert window.session_editor.session_id == session_id
        assert selected_text(window.session_editor.objective) == line
    assert window.banner.text == ""


@pytest.mark.usefixtures("hebrew")
def test_a_hebrew_question_over_time_gets_a_hebrew_answer_with_its_citations(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    _, panel, sessions = _ask(service_factory, embedder, make_gui, "מה היה לחץ הדם האחרון?")
    result = panel.result
    assert result is not None and result.path == "timeline"
    # (The right-to-left marks that hold [1] to the Hebrew sentence show nothing.)
    shown = strip_isolates(panel.answer.toPlainText()).replace(RLM, "")
    assert "הערך האחרון של לחץ דם: 124/79 mmHg ב-2024-05-09 [1]" in shown
    assert [s.session_id for s in result.sources] == [sessions[4]]
    assert hrefs(panel.answer.document()) == ["cite:0:1"]


# Visits in 2022, three in 2023 and one in 2024: "how many times in 2023" counts the three.
VISIT_DAYS = (
    dt.datetime(2022, 11, 2, 9),
    dt.datetime(2023, 1, 16, 9),
    dt.datetime(2023, 5, 3, 9),
    dt.datetime(2023, 10, 24, 9),
    dt.datetime(2024, 2, 6, 9),
)


def _counted(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
    question: str,
    count: str,
) -> None:
    visits = [
        SessionData(date=day, subjective=f"Follow-up visit {i + 1}.")
        for i, day in enumerate(VISIT_DAYS)
    ]
    driver, panel, sessions = _ask(service_factory, embedder, make_gui, question, visits)
    result = panel.result
    assert result is not None and result.path == "timeline" and not result.refused
    shown = strip_isolates(panel.answer.toPlainText()).replace(RLM, "")
    assert shown.count(count) == 1, shown
    assert [s.session_id for s in result.sources] == sessions[1:4]
    assert sorted(hrefs(panel.answer.document())) == ["cite:0:1", "cite:0:2", "cite:0:3"]
    for n, session_id in enumerate(sessions[1:4], start=1):
        assert click_citation(driver, panel.answer, n) == f"cite:0:{n}"
        driver.settle()
        assert driver.window.session_editor.session_id == session_id


def test_visits_in_a_year_are_counted_and_each_cites_its_visit(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    """Refused 16 times of 16 on the model's path: counted on the timeline, every visit
    counted cited and opening its own note."""
    question = "How many times did we see her in 2023?"
    _counted(service_factory, embedder, make_gui, question, "3 visits")


@pytest.mark.usefixtures("hebrew")
def test_visits_in_a_year_are_counted_in_the_hebrew_window(
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    """In Hebrew the model's path quoted three unrelated blood pressures."""
    _counted(service_factory, embedder, make_gui, "כמה פעמים ראינו אותה ב-2023?", "3 מפגשים")
