"""Reading a question before it is searched: dates (English and Hebrew) become a session-date
range, "first"/"latest" an order, follow-ups keep their own subject (docs/architecture.md,
"Search")."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.assistant.dates import find_dates, mentions_date, spoken, without_dates
from core.retrieval.reading import (
    describe_range,
    read_query,
    read_question,
    resolve_references,
)
from core.retrieval.types import SearchQuery

TODAY = dt.date(2026, 11, 23)
D = dt.date


@pytest.mark.parametrize(
    ("question", "start", "end", "words"),
    [
        ("What was her hemoglobin A1c on 2008-06-03?", D(2008, 6, 3), D(2008, 6, 3), "A1c"),
        ("What was the BP at the visit on 7 May 2025?", D(2025, 5, 7), D(2025, 5, 7), "BP"),
        ("What was her A1c on 3 June 2008?", D(2008, 6, 3), D(2008, 6, 3), "A1c"),
        ("hemoglobin A1c on June 3rd, 2008", D(2008, 6, 3), D(2008, 6, 3), "A1c"),
        ("Glucose on 03/04/2025", D(2025, 3, 4), D(2025, 3, 4), "Glucose"),
        ("What was the A1c in 2008?", D(2008, 1, 1), D(2008, 12, 31), "A1c"),
        ("What did she report in March 2025?", D(2025, 3, 1), D(2025, 3, 31), "report"),
        ("Any change since March?", D(2026, 3, 1), None, "change"),
        ("BP before 2024?", None, D(2023, 12, 31), "BP"),
        ("מה היה לחץ הדם בביקור ב-7 במאי 2025?", D(2025, 5, 7), D(2025, 5, 7), "לחץ הדם"),
        ("מה היה ה-A1c בשנת 2008?", D(2008, 1, 1), D(2008, 12, 31), "A1c"),
        ("What was the BP on 4.3.2025?", D(2025, 3, 4), D(2025, 3, 4), "BP"),  # dotted: day first
        ("מה היה הדופק בביקור מ-4/3/2025?", D(2025, 3, 4), D(2025, 3, 4), "הדופק"),  # "of"
        ("מה השתנה מ-4.3.2025?", D(2025, 3, 4), None, "השתנה"),  # "since"
    ],
)
def test_dates_in_a_question_become_a_range_and_leave_the_words(
    question: str, start: dt.date | None, end: dt.date | None, words: str
) -> None:
    r = read_question(question, TODAY)
    assert (r.date_from, r.date_to) == (start, end)
    assert words in r.text
    for m in find_dates(r.text):  # the date itself is not searched for
        raise AssertionError(f"date left in {r.text!r}: {m.text}")


@pytest.mark.parametrize(
    "question",
    ["Which medication may help her sleep?", "What is the plan now?", "Was an x-ray done?"],
)
def test_words_that_only_look_like_dates_are_not_dates(question: str) -> None:
    r = read_question(question, TODAY)
    assert not r.dated and r.text == question


@pytest.mark.parametrize(
    ("question", "order"),
    [
        ("When was sertraline started?", "first"),
        ("When was asthma first diagnosed?", "first"),
        ("What was the most recent potassium?", "latest"),
        ("What was the last visit about?", "latest"),
        ("מה היה לחץ הדם בביקור האחרון?", "latest"),
        ("What was her A1c on 2008-06-03?", None),
    ],
)
def test_first_and_latest_order_the_matches(question: str, order: str | None) -> None:
    r = read_question(question, TODAY)
    assert r.order == order
    if order == "latest":
        assert "recent" not in r.text and "last" not in r.text


def test_a_follow_up_that_changes_topic_is_searched_on_its_own_words() -> None:
    history = [("What was her hemoglobin A1c on 2008-06-03?", "It was 7.1 % [1].")]
    assert resolve_references("When was sertraline started?", history) == (
        "When was sertraline started?"
    )
    # Only a question that points back borrows the earlier subject, never the answer.
    resolved = resolve_references("When was it started?", [("Is she on sertraline?", "Yes [1].")])
    assert "sertraline" in resolved and "Yes" not in resolved
    assert resolve_references("When was it started?", []) == "When was it started?"


def test_a_range_the_caller_set_wins_over_the_text() -> None:
    q = SearchQuery("A1c on 2008-06-03", date_from=D(2010, 1, 1), date_to=D(2010, 12, 31))
    read = read_query(q, TODAY)
    assert (read.date_from, read.date_to) == (D(2010, 1, 1), D(2010, 12, 31))
    assert read_query(SearchQuery("A1c on 2008-06-03"), TODAY).date_to == D(2008, 6, 3)


def test_ranges_are_described_in_words() -> None:
    assert describe_range(read_question("A1c on 2008-06-03", TODAY)) == "on 3 June 2008"
    assert describe_range(read_question("A1c in 2008", TODAY)) == (
        "between 1 January 2008 and 31 December 2008"
    )


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2049, 12, 31)))
def test_every_written_form_of_a_date_is_the_same_date(day: dt.date) -> None:
    forms = [
        day.isoformat(),
        spoken(day),
        f"{day:%B} {day.day}, {day.year}",
        f"{day:%b} {day.day} {day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.isoformat()}T10:00:00",
    ]
    for form in forms:
        text = f"Seen on {form} [1]."
        assert [m.date for m in find_dates(text)] == [day], form
        assert mentions_date(text, day)
        assert not any(ch.isdigit() for ch in without_dates(text).replace("[1]", ""))


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2049, 12, 31)))
def test_a_hebrew_question_reads_a_date_glued_to_its_preposition(day: dt.date) -> None:
    """Hebrew writes "on" and "from" as a prefix: ב-2025-03-04, ב2025-03-04, ב-4.3.2025;
    numeric dates are day-first there."""
    forms = [
        f"ב-{day.isoformat()}",
        f"ב{day.isoformat()}",
        f"ב-{day.day}.{day.month}.{day.year}",
        f"ב-{day.day}/{day.month}/{day.year}",
    ]
    for form in forms:
        r = read_question(f"מה היה לחץ הדם {form}?", TODAY)
        assert (r.date_from, r.date_to) == (day, day), form
        assert r.text == "מה היה לחץ הדם?", form


@pytest.mark.parametrize(
    "question",
    [
        "PHQ-9 on 11 March 2025?",
        "Which PHQ-9 did we record at the March 11, 2025 visit?",
        "מה היה ציון ה-GAD-7 ב-11 במרץ 2025?",
        "כמה היה ה-HbA1c במפגש של 11 במרץ 2025?",
        "האם נרשם Concor ב-11 במרץ 2025?",
        "מה היה ה-eGFR ב-11 March 2025?",
    ],
)
def test_a_scale_or_latin_word_beside_a_date_leaves_the_day_whole(question: str) -> None:
    """A score's name with its number (GAD-7) or a Latin word in a Hebrew question once
    turned "11 March 2025" into the whole year 2025."""
    r = read_question(question, TODAY)
    assert (r.date_from, r.date_to, r.day) == (D(2025, 3, 11), D(2025, 3, 11), D(2025, 3, 11))
    assert "2025" not in r.text


def test_numbers_that_are_not_dates_are_left_alone() -> None:
    assert find_dates("BP 120/80, dose 2.5 mg, 2024-13-45, 12/31") == []


def test_abbreviations_and_names_find_each_other() -> None:
    from core.retrieval.synonyms import expansion

    assert {"bp", "systolic"} <= set(expansion("What was the most recent blood pressure?"))
    assert {"heart", "rate", "pulse"} <= set(expansion("HR at the last visit?"))
    # Words that every visit's medication list holds would make every visit match "when
    # was X first prescribed": they are not expanded.
    assert expansion("When was sertraline first prescribed?") == []
    assert expansion("When was sertraline started?") == []


def test_a_latest_or_first_question_is_answered_from_one_session() -> None:
    from dataclasses import replace

    from core.assistant.passages import first_or_latest
    from tests.assistant.test_assistant_prompt import hit

    newest = replace(hit("BP 136/85 mmHg", day=9), lexical_share=1.0)
    # Its reading's own field need not match the words: it comes along with its session.
    newest_other_field = replace(hit("Stable.", day=9, field="assessment"), lexical_share=None)
    newest_other_field = replace(newest_other_field, session_id=newest.session_id)
    older = replace(hit("BP 112/82 mmHg", day=2), lexical_share=1.0)
    vague = replace(hit("Follow-up.", day=10), lexical_share=None, vector_score=0.4)
    record = replace(hit("Hypertension, diagnosed 2019-04-01."), session_id=None, lexical_share=0.9)
    latest = first_or_latest([newest, newest_other_field, older, vague, record], "latest")
    assert latest == [newest, newest_other_field]
    first = first_or_latest([record, older, newest], "first")
    assert first == [record, older]
    assert first_or_latest([vague], "latest") == [vague]  # nothing matched: left as it was


def test_a_spelled_out_test_also_finds_its_one_letter_name() -> None:
    from core.retrieval.synonyms import expansion

    assert "k" in expansion("What is the latest potassium?")  # notes write "K 4.2 mmol/L"
    assert "t" in expansion("What was the temperature?")
    # A lone letter asked about is too often something else: nothing one-letter is added.
    assert "k" not in expansion("Vitamin K given?") and expansion("don't know") == []


def test_a_treatment_question_brings_its_sessions_medications_line() -> None:
    from dataclasses import replace

    from core.assistant.passages import with_treatment_lines
    from tests.assistant.test_assistant_prompt import hit

    reason = hit("Encounter reason: fainting episode", day=3, field="assessment")
    given = replace(hit("ED workup: Medications: IV normal saline", day=3), vector_score=0.1)
    given = replace(given, session_id=reason.session_id)
    elsewhere = hit("Today's prescription: Amlodipine 5mg", day=9, field="plan")
    found = [reason, elsewhere, given]
    assert with_treatment_lines(found, [reason]) == [reason, given]


def test_since_when_asks_for_the_onset() -> None:
    assert read_question("Since when has the patient had hyperlipidemia?").order == "onset"
    assert read_question("How long has she had asthma?").order == "onset"
    assert read_question("When was asthma diagnosed?").order == "onset"
    # "first" asks of the visits, whatever else the question says.
    assert read_question("When was she first diagnosed with asthma?").order == "first"
    since_march = read_question("Since March 2024, what was the BP?")
    assert since_march.order is None and since_march.date_from == dt.date(2024, 3, 1)


@pytest.mark.parametrize(
    ("question", "start", "end", "words"),
    [
        # Quarters and halves, which dateparser reads as their whole year.
        ("How many visits in Q2 2024?", D(2024, 4, 1), D(2024, 6, 30), "How many visits?"),
        ("visits in 2024 Q3", D(2024, 7, 1), D(2024, 9, 30), "visits"),
        ("BP in the last quarter of 2025", D(2025, 10, 1), D(2025, 12, 31), "BP"),
        ("כמה נפגשנו ברבעון השני של 2024?", D(2024, 4, 1), D(2024, 6, 30), "כמה נפגשנו?"),
        ("Which BP values in H1 2025?", D(2025, 1, 1), D(2025, 6, 30), "Which BP values?"),
        ("Wt in the second half of 2023", D(2023, 7, 1), D(2023, 12, 31), "Wt"),
        ("המשקל במחצית הראשונה של 2024", D(2024, 1, 1), D(2024, 6, 30), "המשקל"),
        # Ranges with both ends, the first end taking the second's year.
        ("Visits between March and September 2024?", D(2024, 3, 1), D(2024, 9, 30), "Visits?"),
        ("Pulse between November and February 2025", D(2024, 11, 1), D(2025, 2, 28), "Pulse"),
        ("GFR from October 2024 to June 2025?", D(2024, 10, 1), D(2025, 6, 30), "GFR?"),
        ("Visits between 18 August 2024 and November 16, 2024?", D(2024, 8, 18),
         D(2024, 11, 16), "Visits?"),
        ("Seen between November 3, 2024 and 2025-02-01?", D(2024, 11, 3), D(2025, 2, 1),
         "Seen?"),
        ("Which visits were there from May to June 2022?", D(2022, 5, 1), D(2022, 6, 30),
         "Which visits were there?"),
        ("כמה GAD-7 יש בין מרץ לאוגוסט 2025?", D(2025, 3, 1), D(2025, 8, 31), "כמה GAD-7 יש?"),
        ("PHQ-9 ממאי 2024 עד ינואר 2025?", D(2024, 5, 1), D(2025, 1, 31), "PHQ-9?"),
        ("לחץ דם בין 26.8.2024 ל-26/07/2025", D(2024, 8, 26), D(2025, 7, 26), "לחץ דם"),
        # Open ranges: "onwards", and "after" the day or the month it names.
        ("How many visits from August 2024 onwards?", D(2024, 8, 1), None, "How many visits?"),
        ("weights after 25 March 2025", D(2025, 3, 26), None, "weights"),
        ("visits after March 2025", D(2025, 4, 1), None, "visits"),
        ("PHQ-9 אחרי 19.6.2025", D(2025, 6, 20), None, "PHQ-9"),
        # Windows back from today.
        ("BP in the past 6 months", D(2026, 5, 23), TODAY, "BP"),
        ("visits over the last two years", D(2024, 11, 23), TODAY, "visits"),
        ("BP over the last year", D(2025, 11, 23), TODAY, "BP"),
        ("How many visits last year?", D(2025, 1, 1), D(2025, 12, 31), "How many visits?"),
        ("Visits last month?", D(2026, 10, 1), D(2026, 10, 31), "Visits?"),
        ("המשקל בשלושת החודשים האחרונים", D(2026, 8, 23), TODAY, "המשקל"),
    ],
)  # fmt: skip
def test_periods_dateparser_misreads_are_read_whole(
    question: str, start: dt.date | None, end: dt.date | None, words: str
) -> None:
    """A quarter, a half, a range's two ends and a window back from today: each was read as
    a year, a month or one end, and a count over it came out wrong."""
    r = read_question(question, TODAY)
    assert (r.date_from, r.date_to, r.day) == (start, end, None)
    assert r.text == words


@pytest.mark.parametrize(
    "question",
    ["Prescriptions from the 16 April 2023 visit?", "Prescriptions from the 2023-04-16 visit?"],
)
def test_from_a_days_visit_is_that_day(question: str) -> None:
    """ "From the 16 April 2023 visit" names a visit, not the start of a range."""
    r = read_question(question, TODAY)
    assert (r.date_from, r.date_to, r.day) == (D(2023, 4, 16),) * 3


@pytest.mark.parametrize(
    "question",
    ["אילו תרופות נרשמו בביקור מה-2025-03-21?", "מה היה המשקל במפגש מה-21.3.2025?"],
)
def test_a_date_after_two_hebrew_letters_and_a_hyphen_is_that_day(question: str) -> None:
    r = read_question(question, TODAY)
    assert (r.date_from, r.date_to, r.day) == (dt.date(2025, 3, 21),) * 3


@pytest.mark.parametrize("question", ["PHQ-9 diff 1st vs latest?", "weight at the 2nd visit?"])
def test_an_ordinal_with_no_month_is_no_date(question: str) -> None:
    """dateparser reads "1st" as January and "2nd" as February: an order, not a month."""
    reading = read_question(question, TODAY)
    assert (reading.date_from, reading.date_to, reading.day) == (None, None, None)


def test_the_one_on_a_day_is_that_day() -> None:
    """ "since the one on 18 June 2025": dateparser had taken "one on 18" as a date."""
    reading = read_question("Has it risen since the one on 18 June 2025?", TODAY)
    assert reading.day == D(2025, 6, 18)


def test_an_ordinal_of_a_month_is_still_its_day() -> None:
    assert read_question("BP on 3rd May 2025?", TODAY).day == D(2025, 5, 3)


@pytest.mark.parametrize("question", ["Before May 2024, how many visits?", "BEFORE May 2024?"])
def test_before_at_the_start_of_a_question_ends_the_month_before(question: str) -> None:
    """ "Before May 2024" had ended with May itself when "Before" was written capitalised."""
    reading = read_question(question, TODAY)
    assert (reading.date_from, reading.date_to) == (None, D(2024, 4, 30))
