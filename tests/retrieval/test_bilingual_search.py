"""Questions about a Hebrew practice's notes, asked in Hebrew or in English (issue 28): the
lexical side adds the other names of what a question names (core/retrieval/thesaurus.py),
an onset question in Hebrew reads as one, and a count is not a year. The service's
thesaurus is the one search uses (the timeline's lexicon included)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from core.retrieval.lexical import query_tokens, tokenize
from core.retrieval.reading import read_question
from core.retrieval.search import in_date_order, strong_match
from core.retrieval.thesaurus import Thesaurus
from core.retrieval.types import SearchQuery
from core.services.search_ops import clinical_thesaurus
from tests.assistant.test_assistant_prompt import hit

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def thesaurus() -> Thesaurus:
    return clinical_thesaurus()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was hypertension diagnosed?", {"יתר", "לחץ", "דם", "אובחן"}),
        ("How long has the patient had CKD?", {"כליות"}),
        ("Which visit recorded a heart rate of 72?", {"דופק"}),
        ("What was the oxygen saturation on 2025-03-04?", {"סטורציה"}),
        ("When was Lipitor prescribed?", {"atorvastatin"}),
        ("Is there a family history of stroke?", {"סיפור", "משפחתי", "שבץ"}),
        ("ממתי יש למטופלת יתר לחץ דם?", {"hypertension", "htn"}),
        ("מתי נמדד דופק 72?", {"pulse", "hr"}),
        ("באיזה ביקור נרשם ליפיטור?", {"atorvastatin"}),
    ],
)
def test_a_question_also_searches_what_it_names_in_the_other_language(
    thesaurus: Thesaurus, question: str, expected: set[str]
) -> None:
    tokens = query_tokens(question, thesaurus)
    assert expected <= set(tokens), (question, tokens)
    # The question's own words come first, in their order.
    own = tokenize(question)
    assert tokens[: len(own)] == own


def test_short_names_are_matched_only_as_written_in_capitals(thesaurus: Thesaurus) -> None:
    assert "hypertension" in thesaurus.names("BP fine, known HTN")
    assert thesaurus.names("the dm wasn't sure") == []  # a lower-case "dm" is nothing
    # Hebrew names are found after their one-letter prefixes ("and in diabetes").
    assert "diabetes" in thesaurus.names("ובסוכרת מאוזנת")
    # A name written with gershayim is matched, but never added: without them it is
    # another word (יל"ד, hypertension, would search ילד, a child).
    assert "ילד" not in query_tokens("When was hypertension diagnosed?", thesaurus)


def test_a_text_names_what_a_question_asks_about_in_either_language(
    thesaurus: Thesaurus,
) -> None:
    asked = thesaurus.matcher("How long has the patient had hypertension (HTN)?")
    assert asked is not None
    assert asked("יתר לחץ דם [I10], אובחן 2015-04-04.")
    assert asked("Known HTN, on amlodipine.")
    assert not asked('לחץ דם 150/95 ממ"כ')  # a reading is not the diagnosis
    both = thesaurus.matcher("When was atorvastatin started for hyperlipidemia?")
    assert both is not None
    assert both("היפרליפידמיה, הוחל טיפול ב-Lipitor")
    assert not both("הוחל טיפול ב-Lipitor")  # only one of the two things asked about
    assert thesaurus.matcher("What did she say about her sleep?") is None


def test_the_built_in_groups_work_without_the_timeline_lexicon() -> None:
    plain = Thesaurus()
    assert {"לחץ", "דם"} <= set(query_tokens("What was the blood pressure?", plain))
    assert "atorvastatin" not in query_tokens("When was Lipitor prescribed?", plain)


def test_an_onset_record_is_listed_when_it_names_the_diagnosis_in_another_language(
    thesaurus: Thesaurus,
) -> None:
    """An English onset question about a Hebrew record: no word in common, and a low BM25
    share (the history lists six diagnoses), yet the record names what was asked. It is
    listed apart, after the visits that record it (the first of them leading)."""
    q = SearchQuery("How long has the patient had hypertension?", order="first")
    asked = thesaurus.matcher(q.text)
    assert asked is not None
    history = "תת-פעילות של בלוטת התריס, אובחן 2010.\nיתר לחץ דם [I10], אובחן 2015-04-04."
    record = replace(hit(history), session_id=None, session_date=None, lexical_share=0.3)
    record = replace(record, names_asked=asked(record.text))
    visit = replace(hit('לחץ דם 150/95 ממ"כ', day=2), lexical_share=0.4)
    later = replace(hit("פנייה עקב יתר לחץ דם.", day=5), lexical_share=1.0)
    later = replace(later, names_asked=asked(later.text))
    assert strong_match(record) and not strong_match(visit)
    ordered = in_date_order([visit, later, record], q)
    assert [h.chunk_id for h in ordered] == [later.chunk_id, visit.chunk_id, record.chunk_id]


@pytest.mark.parametrize(
    "question",
    [
        "כמה זמן יש למטופל לחץ דם גבוה?",
        "ממתי יש למטופלת סוכרת?",
        "מאז מתי היא סובלת מאסתמה?",
        "מתי נקבעה האבחנה של היפרליפידמיה?",
        "When was the asthma diagnosis made?",
    ],
)
def test_onset_questions_in_hebrew_too_ask_for_the_onset(question: str) -> None:
    assert read_question(question, TODAY).order == "onset"


def test_a_diagnosis_asked_about_without_its_onset_is_not_ordered() -> None:
    assert read_question("What is the diagnosis?", TODAY).order is None
    assert read_question("מה האבחנה?", TODAY).order is None


@pytest.mark.parametrize(
    "question",
    [
        "Which visit had a white cell count of 6598 /uL?",
        "מתי white cell count היה 7600 /uL?",
        "Platelets 2450?",
    ],
)
def test_a_four_digit_count_is_not_a_year(question: str) -> None:
    r = read_question(question, TODAY)
    assert not r.dated and r.text == question


def test_a_year_in_a_lifetime_is_still_a_year() -> None:
    r = read_question("What was the A1c in 1998?", TODAY)
    assert (r.date_from, r.date_to) == (dt.date(1998, 1, 1), dt.date(1998, 12, 31))
    assert read_question("Follow-up planned in 2028?", TODAY).date_from == dt.date(2028, 1, 1)
    # A whole date is a date, however far ahead.
    assert read_question("BP on 2040-01-02?", TODAY).day == dt.date(2040, 1, 2)
