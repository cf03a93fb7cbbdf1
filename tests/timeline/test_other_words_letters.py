"""Questions over time in the seventh development set's voices (a pharmacist's medication
reconciliation, a letter to an insurer, dictation, colloquial English and Hebrew, a formal
Hebrew register): each class of wording tested once, in words of these tests' own."""

from __future__ import annotations

import datetime as dt

import pytest

from core.retrieval.reading import read_question
from core.timeline.answers.questions import read_over_time

TODAY = dt.date(2025, 9, 15)


def _read(question: str) -> tuple[str, str | None]:
    found = read_over_time(question, TODAY)
    assert found is not None, question
    return found.ask, found.subject


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # Whether a treatment goes on now: "נמשך" and "כעת"; colloquial "עוד על".
        ("האם הטיפול במטפורמין נמשך?", ("still_taking", "metformin")),
        ("מטפורמין כעת?", ("still_taking", "metformin")),
        ("הוא עוד על אמלודיפין?", ("still_taking", "amlodipine")),
        # The last visit by other verbs and abbreviations.
        ("When was she last reviewed here?", ("last_visit", None)),
        ("When did he pop in last?", ("last_visit", None)),
        ("When did she last drop by?", ("last_visit", None)),
        ("last f/u date?", ("last_visit", None)),
        ("מתי היה ה-f/u האחרון שלה?", ("last_visit", None)),
        # A formal Hebrew "when" and "start": "מועד", "תחילת".
        ("נא לציין את מועד תחילת הטיפול באטורבסטטין.", ("med_first", "atorvastatin")),
        # A lay name of a condition, and a clinic's name of a specialty.
        ("Any mention of bone thinning?", ("any_record", "osteoporosis")),
        ("Was he ever sent to the chest clinic?", ("any_record", "referral: pulmonology")),
        # A referral asked of the notes, with no "when".
        (
            "Show me where a referral to cardiology appears in her notes.",
            ("any_record", "referral: cardiology"),
        ),
    ],
)
def test_a_wording_of_the_seventh_set_is_placed(
    question: str, read: tuple[str, str | None]
) -> None:
    assert _read(question) == read


@pytest.mark.parametrize(
    "question",
    [
        "How many weights were recorded up to the end of 2024?",
        "How many weights were recorded until the end of 2024?",
        "How many weights were recorded by the end of 2024?",
    ],
)
def test_up_to_the_end_of_a_year_closes_the_period_there_and_opens_none(question: str) -> None:
    reading = read_question(question, TODAY)
    assert (reading.date_from, reading.date_to) == (None, dt.date(2024, 12, 31))


def test_another_with_no_drug_is_no_still_taking() -> None:
    """ "עוד" is also "another": "עוד מדידה" asks no drug's course."""
    found = read_over_time("האם יש עוד ביקורים ב-2024?", TODAY)
    assert found is not None and found.ask == "visits_in_period"


def test_how_long_a_treatment_lasted_is_its_course_not_whether_it_goes_on() -> None:
    found = read_over_time("כמה זמן נמשך הטיפול במטפורמין?", TODAY)
    assert found is not None and found.ask != "still_taking"


@pytest.mark.parametrize(
    "question",
    [
        "Meds from 3 March 2025?",
        "Prescriptions from March 3, 2025?",
        "מרשמים מ-3.3.2025?",
        "אילו תרופות ניתנו מתאריך 2025-03-03?",
    ],
)
def test_prescriptions_from_a_day_are_that_days_visits(question: str) -> None:
    """ "from" before a whole day's date is that day, as "the note from 3 March" is."""
    found = read_over_time(question, TODAY)
    assert found is not None
    day = dt.date(2025, 3, 3)
    assert (found.ask, found.date_from, found.date_to, found.day) == (
        "prescribed_at",
        day,
        day,
        day,
    )


@pytest.mark.parametrize(
    "question", ["Meds from March 2025 onwards?", "Prescriptions from 3 March 2025 to 1 June 2025?"]
)
def test_prescriptions_from_a_month_or_to_an_end_are_a_period(question: str) -> None:
    found = read_over_time(question, TODAY)
    assert found is None or found.ask != "prescribed_at"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # Hebrew "how many" before any plural noun, a learner's "כמה פעם", "ספירת", and
        # "כמה יש?" as a clause of its own.
        ("כמה שקילות נעשו ב-2024?", ("reading_count", None)),
        ("כמה פעם בדקו לה את הדופק ב-2024?", ("reading_count", None)),
        ("ספירת ערכי A1c ב-2024", ("reading_count", None)),
        ("לא היו מדידות דופק ב-2024, נכון? כמה היו?", ("reading_count", None)),
        ("כמה פעם היא באה ב-2024?", ("visits_in_period", None)),
        # "came" and "בא" of the patient: the last visit, the visits of a period.
        ("The last time he came, how long ago was that?", ("time_since_visit", None)),
        ("כשבאה בפעם האחרונה, לפני כמה זמן זה היה?", ("time_since_visit", None)),
        ("באילו תאריכים היא באה ב-2024?", ("visits_in_period", None)),
        # The earliest reading in Hebrew; the last few, in the plural, with a count apart.
        ("מה הערך הכי מוקדם של המשקל?", ("first_value", None)),
        ("שקילות אחרונות, 4 בבקשה", ("last_n", None)),
        # "As of today, yes or no", and "no longer on" in Hebrew: whether it is taken now.
        ("נכון להיום, מטפורמין כן או לא?", ("still_taking", "metformin")),
        ("הוא כבר לא על אמלודיפין, נכון?", ("still_taking", "amlodipine")),
        # The asker's trade before a procedure is not a referral asked about.
        ("קרדיולוגיה, היא עברה פעם אקו לב?", ("any_record", "echocardiogram")),
    ],
)
def test_a_wording_of_the_eighth_set_is_placed(question: str, read: tuple[str, str | None]) -> None:
    assert _read(question) == read


def test_the_last_few_asked_apart_take_their_count() -> None:
    found = read_over_time("שקילות אחרונות, 4 בבקשה", TODAY)
    assert found is not None and found.n == 4


def test_the_next_visit_is_not_the_patient_coming() -> None:
    assert read_over_time("מה תוכנן לביקור הבא?", TODAY) is None


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # "Recent" in Hebrew for the last few; "מספר" before any plural noun counts.
        ("תראי לי את שלוש השקילות העדכניות ביותר", ("last_n", None)),
        ("מספר השקילות ב-2024?", ("reading_count", None)),
        # The time that passed since, in Hebrew.
        ("כמה זמן חלף מאז הביקור האחרון?", ("time_since_visit", None)),
        ("הזמן שעבר מאז המפגש האחרון", ("time_since_visit", None)),
        # Started, colloquially: "התחלו", "נכנס לטיפול", "עלה על".
        ("מתי התחלו לה מטפורמין?", ("med_first", "metformin")),
        ("מתי נכנס אמלודיפין לטיפול?", ("med_first", "amlodipine")),
        ("מתי הוא עלה על מטפורמין?", ("med_first", "metformin")),
        # A date's own comma does not end a clause.
        (
            "For the audit: visits between June 2, 2024 and August 30, 2024?",
            ("visits_in_period", None),
        ),
    ],
)
def test_a_wording_of_the_ninth_set_is_placed(question: str, read: tuple[str, str | None]) -> None:
    assert _read(question) == read


def test_words_that_only_say_who_asks_do_not_ask() -> None:
    # The scene mentions "the first time"; the question after the dash asks for the last.
    found = read_over_time(
        "A locum, seeing the chart for the first time - what's her last weight?", TODAY
    )
    assert found is not None and found.ask == "latest"
    # A scene that names a date still says what the change is measured from.
    found = read_over_time("Since the visit on 3 March 2025 - has her weight changed?", TODAY)
    assert found is not None and found.ask == "change" and found.date_from == dt.date(2025, 3, 3)


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # What was given for a condition: "give", "נותנים", "נרשם" (a final mem), "to treat".
        ("מה נותנים לה בשביל שיגדון?", ("prescribed_for", "gout")),
        ("מה נרשם כטיפול בשיגדון?", ("prescribed_for", "gout")),
        ("Which drug did we start to treat her gout?", ("prescribed_for", "gout")),
        ("What was prescribed to manage his gout?", ("prescribed_for", "gout")),
        # A day's prescriptions: "what did we give her on…", "scripts".
        ("What did we give her on 3 March 2025", ("prescribed_at", None)),
        ("3 March 2025 visit - what scripts went out?", ("prescribed_at", None)),
        # "The date" of a referral.
        (
            "Tell me the date she was referred to rheumatology.",
            ("any_record", "referral: rheumatology"),
        ),
    ],
)
def test_a_wording_of_the_second_single_visit_set_is_placed(
    question: str, read: tuple[str, str | None]
) -> None:
    assert _read(question) == read


def test_give_me_is_not_a_prescription() -> None:
    found = read_over_time("Can you give me all appointment dates in 2024?", TODAY)
    assert found is not None and found.ask == "visits_in_period"


@pytest.mark.parametrize(
    ("question", "read"),
    [
        # A plural abbreviation; a Latin plural after Hebrew's "כמה".
        ("last 4 wts?", ("last_n", None)),
        ("כמה readings של המשקל יש ב-2024?", ("reading_count", None)),
        # "Not X — Y": the order set aside, the thing named kept.
        ("Not the first appointment — the most recent one, when was it?", ("last_visit", None)),
        # Visits "recorded" counted are not a note's words.
        ("כמה ביקורים נרשמו ב-2024?", ("visits_in_period", None)),
        # The patient seeing the doctor is a visit.
        ("When did he last see the doctor?", ("last_visit", None)),
        # A condition's word used as a verb names no condition.
        ("Before I numb him up: what's his latest BP?", ("latest", None)),
    ],
)
def test_a_wording_of_the_tenth_set_is_placed(question: str, read: tuple[str, str | None]) -> None:
    assert _read(question) == read


def test_a_day_still_to_come_in_the_scene_is_no_period() -> None:
    found = read_over_time("Seeing her tomorrow; what was her last weight?", TODAY)
    assert found is not None and found.ask == "latest"
    assert (found.date_from, found.date_to, found.day) == (None, None, None)
