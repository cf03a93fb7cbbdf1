"""The parsed query checked against the client's timeline before it is answered: a period
or a day the record cannot hold is said with the record's own dates; a subject no fact
names is looked for in the notes' lines before it is called absent; a subject the record
holds as another kind is asked of that kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from core.services.timeline_ops import line_matches
from core.timeline.answers.over_time import Cite, Draft, answer
from core.timeline.answers.questions import OverTime, read_over_time
from tests.timeline.chart import TODAY, Notes, chart


def _day(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 10)


RUTH: Notes = {
    _day(2023, 1, 10): {"subjective": "Knee pain 4/10.", "plan": "Start naproxen 250 mg bid."},
    _day(2023, 3, 2): {"subjective": "Pain 5/10 on stairs.", "plan": "Continue naproxen."},
    _day(2023, 9, 5): {
        "subjective": "Pain 2/10. Family history: mother had type 2 diabetes.",
        "assessment": "Asthma, well controlled.",
        "plan": "Review in 3 months.",
    },
}


def _search(notes: Notes) -> object:
    def search(forms: Sequence[str]) -> list[Cite]:
        hit = line_matches(forms)
        return [
            Cite(None, day, field, line)
            for day, fields in notes.items()
            for field, text in fields.items()
            for line in text.splitlines()
            if hit(line)
        ]

    return search


def _answer(q: OverTime, notes: Notes = RUTH) -> tuple[Draft, list[dt.date]]:
    facts, visits = chart(notes)
    draft = answer(q, facts, visits, _search(notes), TODAY)  # type: ignore[arg-type]
    return draft, [c.session_date.date() for c in draft.cites if c.session_date is not None]


def _asked(question: str) -> OverTime:
    q = read_over_time(question, TODAY)
    assert q is not None, question
    return q


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "How many times did we see her in 2019?",
            "No visit is recorded between 2019-01-01 and 2019-12-31: the notes run from "
            "2023-01-10 [1] to 2023-09-05 [2].",
        ),
        (
            "What were her pain scores in 2024?",
            "I found no pain score reading between 2024-01-01 and 2024-12-31: the notes run "
            "from 2023-01-10 [1] to 2023-09-05 [2].",
        ),
        (
            "כמה פעמים ראינו אותה ב-2019?",
            "לא תועד מפגש בין 2019-01-01 ל-2019-12-31: הרישומים הם מ-2023-01-10 [1] עד "
            "2023-09-05 [2].",
        ),
    ],
)
def test_a_period_the_record_does_not_reach_is_said_with_the_records_first_and_last_dates(
    question: str, said: str
) -> None:
    draft, days = _answer(_asked(question))
    assert draft.text == said
    assert draft.refused
    assert days == [dt.date(2023, 1, 10), dt.date(2023, 9, 5)]


def test_a_period_not_yet_come_says_so_and_cites_the_last_note() -> None:
    q = OverTime("visits_in_period", date_from=dt.date(2025, 9, 1), date_to=dt.date(2025, 12, 31))
    draft, days = _answer(q)
    assert draft.text == (
        "The period asked about (between 2025-09-01 and 2025-12-31) has not come yet: the last "
        "note is of 2023-09-05 [1]."
    )
    assert draft.refused
    assert days == [dt.date(2023, 9, 5)]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "What was her pain score on 2023-03-03?",
            "I found no pain score reading on 2023-03-03: the nearest notes are of "
            "2023-03-02 [1] and 2023-09-05 [2].",
        ),
        (
            "מה היה ציון הכאב ב-3.3.2023?",
            "לא מצאתי מדידה של ציון כאב ב-2023-03-03: הרישומים הקרובים ביותר הם "
            "מ-2023-03-02 [1] ומ-2023-09-05 [2].",
        ),
    ],
)
def test_a_day_no_note_is_dated_names_the_notes_on_either_side_and_no_other_days_reading(
    question: str, said: str
) -> None:
    draft, days = _answer(_asked(question))
    assert draft.text == said
    assert draft.refused
    assert days == [dt.date(2023, 3, 2), dt.date(2023, 9, 5)]


def test_a_day_after_the_last_note_is_a_period_after_the_record() -> None:
    draft, days = _answer(_asked("What was her pain score on 2024-02-01?"))
    assert draft.text.startswith("I found no pain score reading on 2024-02-01: the notes run from")
    assert days == [dt.date(2023, 1, 10), dt.date(2023, 9, 5)]


def test_a_day_a_note_is_dated_with_no_reading_of_it_is_no_reading_that_day() -> None:
    draft, _ = _answer(_asked("What was her weight on 2023-03-02?"))
    assert draft.text == "I found no weight reading on 2023-03-02."


def test_a_condition_the_notes_name_with_no_fact_read_goes_to_the_notes_not_to_absence() -> None:
    # The mother's diabetes is family history, no diagnosis of hers: the words are in a
    # note, so "no note mentions type 2 diabetes" would be false.
    draft, _ = _answer(OverTime("first_diagnosed", subject="type 2 diabetes"))
    assert draft.declined
    assert draft.text == ""


def test_a_drug_the_notes_name_with_no_course_read_goes_to_the_notes_not_to_absence() -> None:
    notes: Notes = {_day(2024, 1, 5): {"subjective": "Her sister takes metformin."}}
    draft, _ = _answer(OverTime("med_first", subject="metformin"), notes)
    assert draft.declined


@pytest.mark.parametrize(
    ("q", "said"),
    [
        (OverTime("first_diagnosed", subject="gout"), "I found no note that mentions gout."),
        (OverTime("med_last", subject="warfarin"), "I found no note that mentions warfarin."),
    ],
)
def test_a_subject_no_fact_and_no_line_names_is_absent(q: OverTime, said: str) -> None:
    draft, days = _answer(q)
    assert draft.text == said
    assert draft.refused
    assert days == []


def test_a_condition_asked_about_as_a_drug_is_asked_of_the_condition() -> None:
    draft, days = _answer(OverTime("still_taking", subject="asthma"))
    assert "asthma" in draft.text.casefold()
    assert "taking" not in draft.text
    assert days == [dt.date(2023, 9, 5)]


def test_a_drug_asked_about_as_a_condition_is_asked_of_the_drug() -> None:
    draft, days = _answer(OverTime("first_diagnosed", subject="naproxen"))
    assert "naproxen" in draft.text
    assert days == [dt.date(2023, 1, 10)]
    assert not draft.refused
