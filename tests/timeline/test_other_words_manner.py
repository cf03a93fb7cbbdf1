"""Questions in the manner of the main set's development half (the forty-sixth to
fifty-first development sets' classes), in words of my own: a date followed by the next
phrase's preposition ("since 2 May 2025, in date order"), a scale's name in the plural
("PHQ-9s"), a test done for the patient ("did the team do an ECG", "עשו לו"), "באילו
תאריכים", gained or lost in Hebrew, "the last day she was on", a drug that "נשאר לה" or is
"בטיפול הקבוע", "מארבע המדידות האחרונות", "עצרו", "סיים עם", "called time on", "net
movement", "face-to-face", "most up-to-date", a contraction without its apostrophe, two
letters swapped in a short word, a measure's name never "put right" to a fragment of
its pattern, a stop "given up" or "pulled" (never "pull up"), "השווה", "הפער", "budged",
"הכי נמוכה", "יש הרבה", "since when not seen", "עדיין בתוקף", "furthest up", "the gap",
"the two at the end", "#", "tot up", "נע", "בשימוש", "מרשם פעיל", "sat in front of one of
us" (never oxygen saturation) and "דרכה כף רגלה"."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.questions import read_over_time
from core.timeline.answers.spelling import vocabulary
from tests.timeline.asked import TODAY, asked


def test_a_date_followed_by_the_next_phrases_preposition_is_still_read() -> None:
    read = asked("Show me her weight readings since 2 May 2025, in date order.")
    assert read == ("series", None, ("weight",), dt.date(2025, 5, 2), None)


def test_a_scales_name_in_the_plural() -> None:
    read = asked("How many PHQ-9s has she filled in?")
    assert (read[0], read[2]) == ("reading_count", ("phq9",))


@pytest.mark.parametrize(
    "question", ["Did the team ever do an ECG for him?", 'כתוב שעשו לו אק"ג?', 'האם ביצעו לה אק"ג?']
)
def test_a_test_done_for_the_patient(question: str) -> None:
    assert asked(question)[:2] == ("any_record", "ecg")


def test_which_dates_a_visit_was_on() -> None:
    read = asked("באילו תאריכים היה ביקור שלה אחרי יוני 2024?")
    assert read == ("visits_in_period", None, (), dt.date(2024, 7, 1), None)


def test_gained_or_lost_weight_in_hebrew() -> None:
    read = asked("כמה הוא השמין מאז השקילה הראשונה?")
    assert (read[0], read[2]) == ("change", ("weight",))


@pytest.mark.parametrize(
    ("question", "ask", "drug"),
    [
        ("What was the last day she was on sertraline?", "med_stopped", "sertraline"),
        ("מתי עצרו את הסרטרלין?", "med_stopped", "sertraline"),
        ("מטפורמין נשאר לה?", "still_taking", "metformin"),
        ("האם ליזינופריל בטיפול הקבוע שלו?", "still_taking", "lisinopril"),
        ("מתי הוא סיים עם הסרטרלין?", "med_stopped", "sertraline"),
        ("When did we call time on metformin?", "med_stopped", "metformin"),
    ],
)
def test_a_drugs_course_in_other_words(question: str, ask: str, drug: str) -> None:
    assert asked(question)[:2] == (ask, drug)


def test_the_last_few_after_a_hebrew_from() -> None:
    read = asked("מה היו הערכים מארבע המדידות האחרונות של המשקל?")
    assert (read[0], read[2]) == ("last_n", ("weight",))


@pytest.mark.parametrize(
    ("question", "ask", "measures", "since"),
    [
        (
            "Net movement in her weight since 3 March 2025?",
            "change",
            ("weight",),
            dt.date(2025, 3, 3),
        ),
        ("Her most up-to-date weight, please.", "latest", ("weight",), None),
        ("the lats 3 weights?", "last_n", ("weight",), None),
    ],
)
def test_a_measure_asked_in_other_words(
    question: str, ask: str, measures: tuple[str, ...], since: dt.date | None
) -> None:
    read = asked(question)
    assert (read[0], read[2], read[3]) == (ask, measures, since)


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("whens her first appointment on file?", "first_visit"),
        ("How long since our last face-to-face with him?", "time_since_visit"),
    ],
)
def test_a_visit_asked_in_other_words(question: str, ask: str) -> None:
    assert asked(question)[:2] == (ask, None)


def test_a_measures_name_is_never_put_right_to_a_fragment_of_its_pattern() -> None:
    """ "ha?emoglobin" had given the word "emoglobin": "haemoglobin" was then put right to
    it, and the question lost its measure."""
    assert {"haemoglobin", "hemoglobin"} <= vocabulary() and "emoglobin" not in vocabulary()
    read = asked("What glycated haemoglobin was charted at the visit on 3 March 2025?")
    assert (read[0], read[2], read[3]) == ("series", ("a1c",), dt.date(2025, 3, 3))


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        ("when did she come of sertraline", "sertraline"),
        ("Which visit did we pull the lisinopril at?", "lisinopril"),
        ("When did she give up on metformin?", "metformin"),
    ],
)
def test_a_stop_given_up_pulled_or_misspelt(question: str, drug: str) -> None:
    assert asked(question)[:2] == ("med_stopped", drug)


def test_pulling_up_a_reading_or_a_date_is_no_stop() -> None:
    read = asked("Pull up her latest weight")
    assert (read[0], read[2]) == ("latest", ("weight",))
    assert asked("Pull the date metformin was started.")[:2] == ("med_first", "metformin")


@pytest.mark.parametrize(
    ("question", "ask", "measures", "since"),
    [
        ("השווה את הדופק מהביקור הראשון לאחרון", "change", ("heart_rate",), None),
        ("מה הפער בין הדופק הראשון לאחרון?", "change", ("heart_rate",), None),
        ("Has her weight budged since 3 March 2025?", "change", ("weight",), dt.date(2025, 3, 3)),
        ("מה היה המשקל בנקודה הכי נמוכה?", "lowest", ("weight",), None),
        ("יש הרבה מדידות משקל ב-2024?", "reading_count", ("weight",), dt.date(2024, 1, 1)),
    ],
)
def test_a_measure_compared_budged_or_at_its_lowest(
    question: str, ask: str, measures: tuple[str, ...], since: dt.date | None
) -> None:
    read = asked(question)
    assert (read[0], read[2], read[3]) == (ask, measures, since)


@pytest.mark.parametrize(
    "question",
    [
        "מה הפער מהפגישה האחרונה שלו עד היום?",
        "ממתי הוא לא הגיע אלינו?",
        "כמה זמן הוא בלי מעקב?",
        "How long has it been since he was actually in?",
    ],
)
def test_since_when_not_seen_is_the_time_since_the_last_visit(question: str) -> None:
    """ "Since when not seen" is since the last visit, not the first."""
    assert asked(question)[:2] == ("time_since_visit", None)


def test_a_drug_still_in_force() -> None:
    assert asked("מטפורמין עדיין בתוקף אצלה?")[:2] == ("still_taking", "metformin")


def test_the_latest_and_the_ones_before_it_so_many_in_all() -> None:
    """A number given "in all" is how many to show, not a count asked for."""
    read = read_over_time("Her weight: the latest reading and the ones before it, 4 in all?", TODAY)
    assert read is not None and (read.ask, read.measures, read.n) == ("last_n", ("weight",), 4)
    assert asked("How many weight readings in total?")[0] == "reading_count"


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        ("Her weight at its furthest up?", "highest", ("weight",)),
        ("What's the gap between her first weight and the one now?", "change", ("weight",)),
        ("Set her latest pulse against her first one.", "change", ("heart_rate",)),
        ("Of all her pulse readings I want the three at the end.", "last_n", ("heart_rate",)),
        ("#weight readings in 2024?", "reading_count", ("weight",)),
        ("Tot up her pulse readings for 2024.", "reading_count", ("heart_rate",)),
        ("מאז הביקור הראשון, כמה נע המשקל?", "change", ("weight",)),
    ],
)
def test_a_measure_at_its_furthest_its_gap_its_end_and_its_tally(
    question: str, ask: str, measures: tuple[str, ...]
) -> None:
    read = asked(question)
    assert (read[0], read[2]) == (ask, measures)


@pytest.mark.parametrize(
    "question",
    ["מטפורמין - עדיין בשימוש?", "יש לה מרשם פעיל למטפורמין?", "מטפורמין עוד חלק מהטיפול שלה?"],
)
def test_a_drug_still_in_use_or_prescribed(question: str) -> None:
    assert asked(question)[:2] == ("still_taking", "metformin")


@pytest.mark.parametrize(
    "question",
    ["How long since he sat in front of one of us?", "כמה זמן לא דרכה כף רגלו אצלנו?"],
)
def test_sitting_with_us_and_setting_foot_here_are_visits(question: str) -> None:
    """ "sat" is the patient sitting, not oxygen saturation."""
    assert asked(question)[:2] == ("time_since_visit", None)


def test_sats_are_still_oxygen_saturation() -> None:
    read = asked("What were her sats at the last visit?")
    assert (read[0], read[2]) == ("latest", ("spo2",))
