"""Questions over time in words the first sets did not use (the second development set's
wordings): visits by other names, a count by its symbol, "worst" by which way a measure is
better, a brand in Hebrew letters, a specialty asked of the record, and periods "prior
to", by half-year and "onwards" in Hebrew."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.retrieval.reading import read_question
from core.timeline.answers.questions import read_over_time, readings_asked
from core.timeline.measures.specs import HIGHER_IS_BETTER, read_specs
from core.timeline.resources import RulesError
from tests.timeline.rules_files import edit

TODAY = dt.date(2025, 9, 15)


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("Total encounters since the start of 2025?", "visits_in_period"),
        ("# of appts since December 2024", "visits_in_period"),
        ("visit count between July and December 2025", "visits_in_period"),
        ("כמה ביקורים היו בחצי השני של 2025?", "visits_in_period"),
        ("מתי הוא היה אצלנו מיוני 2025 והלאה?", "visits_in_period"),
        ("how long since last appt", "time_since_visit"),
        ("How long ago was anything last recorded for him?", "time_since_visit"),
        ("כמה שבועות עברו מאז שהוא נבדק לאחרונה?", "time_since_visit"),
        ("כמה זמן היא לא הייתה אצלנו?", "time_since_visit"),
        ("ממתי הוא במעקב אצלנו?", "first_visit"),
        ("How long has she been coming here - when was the first appointment?", "first_visit"),
    ],
)
def test_visits_by_other_names(question: str, ask: str) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and found.ask == ask


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        ("# of GAD7 measurements on file", "reading_count", ("gad7",)),
        ('סה"כ ערכים של לחץ הדם מאז ומעולם?', "reading_count", ("bp_systolic", "bp_diastolic")),
        (
            "how mnay blood pressure measurments before Jun 2024",
            "reading_count",
            ("bp_systolic", "bp_diastolic"),
        ),
        ("How much has she lost or gained since September 10, 2023?", "change", ("weight",)),
        ("שתי השקילות האחרונות שלה?", "last_n", ("weight",)),
        ("ארבעת לחצי דם אחרונים?", "last_n", ("bp_systolic", "bp_diastolic")),
        ("מה הלחץ שלה לאחרונה?", "latest", ("bp_systolic", "bp_diastolic")),
        ("Worst eGFR she's had?", "lowest", ("egfr",)),
        ("Best eGFR on file?", "highest", ("egfr",)),
        ("Worst pain score she's had?", "highest", ("pain",)),
        ("Best PHQ-9 so far?", "lowest", ("phq9",)),
    ],
)
def test_measures_in_other_words(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.measures) == (ask, measures)


def test_a_stress_is_not_a_blood_pressure() -> None:
    assert read_over_time("האם הוא בלחץ לאחרונה?", TODAY) is None


@pytest.mark.parametrize(
    ("question", "n"),
    [("most recnt four pain score values", 4), ("the last 2 PHQ-9 scores", 2),
     ("last PHQ-9 readings", 3), ("ארבעת לחצי דם אחרונים?", 4)],
)  # fmt: skip
def test_how_many_readings_the_last_few_are(question: str, n: int) -> None:
    assert readings_asked(question) == n


@pytest.mark.parametrize(
    ("question", "ask", "subject"),
    [
        ("Pantoprazole current?", "still_taking", "pantoprazole"),
        ("עדיין לוקחת סלברקס?", "still_taking", "celecoxib"),  # Celebrex, by its sound
        ("הייתה לה פעם ראומטולוג?", "any_record", "referral: rheumatology"),
        ("יש עדות לקרדיולוג ברשומה?", "any_record", "referral: cardiology"),
        ("Has she ever seen a cardiologist?", "any_record", "referral: cardiology"),
        (
            "first mention of lung function test in the notes, if any?",
            "any_record",
            "spirometry",
        ),
    ],
)
def test_drugs_and_the_record_in_other_words(question: str, ask: str, subject: str) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.subject) == (ask, subject)


def test_a_hebrew_word_is_read_as_a_drug_only_where_a_drug_is_asked_of() -> None:
    assert read_over_time("עדיין כואב לה הגב?", TODAY) is None


@pytest.mark.parametrize(
    ("question", "date_from", "date_to"),
    [
        ("How many times was she weighed prior to August 2024?", None, dt.date(2024, 7, 31)),
        ("When did she come in prior to July 2024?", None, dt.date(2024, 6, 30)),
        ("כמה ביקורים היו בחצי השני של 2025?", dt.date(2025, 7, 1), dt.date(2025, 12, 31)),
        ("מתי הוא היה אצלנו מיוני 2025 והלאה?", dt.date(2025, 6, 1), None),
        # A Hebrew question's numeric dates are day-first at both ends of its range.
        (
            "כמה רישומים של ציון PHQ-9 יש מ-09/04/2024 עד 08/01/2025?",
            dt.date(2024, 4, 9),
            dt.date(2025, 1, 8),
        ),
    ],
)
def test_periods_in_other_words(
    question: str, date_from: dt.date | None, date_to: dt.date | None
) -> None:
    reading = read_question(question, TODAY)
    assert (reading.date_from, reading.date_to) == (date_from, date_to)


def test_which_way_is_better_is_data_and_checked(rules: Path) -> None:
    assert {"egfr", "spo2", "hdl"} <= HIGHER_IS_BETTER and "pain" not in HIGHER_IS_BETTER
    edit(rules / "measures.toml", 'better = "higher"', 'better = "up"')
    with pytest.raises(RulesError, match=r"measures\.toml:\d+: better is"):
        read_specs(rules)
