"""Questions over time in words the first sets did not use (the second development set's
wordings): visits by other names, a count by its symbol, "worst" by which way a measure is
better, a brand in Hebrew letters, a specialty asked of the record, and periods "prior
to", by half-year and "onwards" in Hebrew."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from core.retrieval.reading import read_question
from core.services.timeline_ops import line_matches
from core.timeline.answers.questions import read_over_time, readings_asked
from core.timeline.answers.spelling import corrected
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
        ("What's the date of the very first appointment on file for her?", "first_visit"),
        ("When did we last see this patient - how long ago?", "time_since_visit"),
        ("How long ago did she last come to the clinic?", "time_since_visit"),
        ("כמה זמן עבר מאז הבקור האחרון שלה", "time_since_visit"),  # הבקור: a letter left out
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
        ("What's the heaviest she has been?", "highest", ("weight",)),
        ("מה ההבדל בין הערך הראשון של הדופק לערך האחרון?", "change", ("heart_rate",)),
        ('בסה"כ, מה ההפרש בין המדידה הראשונה של הכאב לאחרונה?', "change", ("pain",)),
        ("כמה קילו עלתה או ירדה מאז 8.5.2025?", "change", ("weight",)),
        ("מה היו ארבע המדידות האחרנות של ה-HbA1c", "last_n", ("a1c",)),
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
        ("Is Januvia on his active med list right now?", "still_taking", "sitagliptin"),
        ("Is pantoprazole part of his current regimen?", "still_taking", "pantoprazole"),
        ("המשיכה עם בוספירון או שזה הופסק?", "still_taking", "buspirone"),
        ("ליישוב תרופתי: האם ממשיך ב-celecoxib?", "still_taking", "celecoxib"),
        ("מאז מתי היא נוטלת ביסופרולול?", "med_first", "bisoprolol"),
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
        ("When did she come in after 24 Feb 2025?", dt.date(2025, 2, 25), None),
        (
            "So between 18 August 2023 and May 3, 2024, how many times was he seen?",
            dt.date(2023, 8, 18),
            dt.date(2024, 5, 3),
        ),
        ("האם הגיעה הרבה עד סוף 2024? כמה ביקורים בסך הכל?", None, dt.date(2024, 12, 31)),
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


def test_a_short_hebrew_word_is_put_right_only_by_a_letter_left_out() -> None:
    """ "ירדה" (went down) is one letter changed from "חרדה" (anxiety): it once made a
    weight question ask whether she has anxiety."""
    assert corrected("היא עדין נוטלת פנטופרזול?") == "היא עדיין נוטלת פנטופרזול?"
    assert corrected("כמה קילו עלתה או ירדה מאז 8.5.2025?") is None


def test_one_long_word_is_found_in_its_other_endings() -> None:
    """ "Anything in the chart about aspiration?": the note says "Knee aspirated", and a
    "no note mentions aspiration" would be false."""
    found = line_matches(["aspiration"])
    assert found("Knee aspirated under sterile conditions.")
    assert not found("Aspirin 81 mg daily.")


@pytest.mark.parametrize(
    ("question", "ask", "subject", "measures"),
    [
        ("Psych referral mentions Tritace - when did he first go on it?", "med_first",
         "ramipril", ()),
        ("Before I renew the metformin, what's the current eGFR?", "latest", None, ("egfr",)),
        ("Endo referral - how many A1c tests has he had since 14 January 2024?",
         "reading_count", None, ("a1c",)),
        ("הוא בא למעקב, מה המשקל בנקודת ההתחלה", "first_value", None, ("weight",)),
        # About the same subject, the whole question says more than its last clause.
        ("Compared with the visit on November 12, 2023, is his HbA1c higher or lower now?",
         "change", None, ("a1c",)),
    ],
)  # fmt: skip
def test_a_clause_that_sets_the_scene_does_not_choose_the_subject(
    question: str, ask: str, subject: str | None, measures: tuple[str, ...]
) -> None:
    found = read_over_time(question, TODAY)
    assert found is not None and (found.ask, found.subject, found.measures) == (
        ask, subject, measures,
    )  # fmt: skip
