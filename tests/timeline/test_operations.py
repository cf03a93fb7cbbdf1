"""Questions over time that the model's path answered wrong (a stopped drug called current,
last month's pain taken as the highest, visits never counted): each answered from the
timeline, with the reading, the course or every visit cited."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.follow_up import follow_up
from core.timeline.answers.over_time import Cite, answer
from core.timeline.answers.questions import read_over_time
from tests.timeline.chart import TODAY, Notes, ask, chart


def _day(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d, 10)


RUTH: Notes = {
    _day(2023, 1, 10): {
        "subjective": "Knee pain 4/10. PHQ-9 7.",
        "plan": "Start naproxen 250 mg bid.",
    },
    _day(2023, 3, 2): {
        "subjective": "Pain 5/10 on stairs. PHQ-9 12.",
        "plan": "Continue naproxen.",
    },
    _day(2023, 6, 20): {
        "subjective": "Pain was 9/10 last month, now 3/10. PHQ-9 score 9.",
        "plan": "Stop naproxen.",
    },
    _day(2023, 9, 5): {"subjective": "Pain 2/10.", "plan": "Review in 3 months."},
}
PRIYA: Notes = {
    _day(2024, 1, 8): {"objective": "BP 115/98, weight 70.2 kg", "plan": "Start amlodipine 5 mg."},
    _day(2024, 3, 4): {"objective": "BP 118/96", "plan": "Continue amlodipine 5 mg."},
    _day(2024, 5, 6): {"objective": "BP 124/90", "plan": "D/c amlodipine (ankle swelling)."},
    _day(2024, 7, 1): {"objective": "BP 120/100, weight 68.4 kg", "plan": "Lifestyle advice."},
}
DANA: Notes = {
    _day(2022, 11, 30): {
        "subjective": "Follow-up. Weight 92 kg.",
        "plan": "Start metformin 500 mg.",
    },
    _day(2023, 2, 14): {"subjective": "Follow-up. Weight 90.5 kg.", "plan": "Continue metformin."},
    _day(2023, 9, 13): {"subjective": "GI upset. Weight 88 kg.", "plan": "D/c metformin."},
    _day(2023, 12, 1): {"subjective": "Review. Weight 87.1 kg.", "plan": "Diet only."},
    _day(2024, 1, 8): {"subjective": "A1c up. Weight 86 kg.", "plan": "Restart metformin 500 mg."},
}


@pytest.mark.parametrize(
    ("question", "value", "days"),
    [
        ("What was Ruth's highest pain score on record?", "5/10", [dt.date(2023, 3, 2)]),
        ("What was her worst pain?", "5/10", [dt.date(2023, 3, 2)]),
        ("Highest PHQ-9?", "12", [dt.date(2023, 3, 2)]),
        ("What was the lowest pain score?", "2/10", [dt.date(2023, 9, 5)]),
        ("מה היה ציון הכאב הגבוה ביותר?", "5/10", [dt.date(2023, 3, 2)]),
    ],
)
def test_the_highest_or_lowest_reading_is_the_timelines(
    question: str, value: str, days: list[dt.date]
) -> None:
    text, refused, cited = ask(question, RUTH)
    assert not refused and value in text and cited == days, text


def test_a_highest_reached_twice_cites_both_visits() -> None:
    notes: Notes = {**RUTH, _day(2023, 10, 1): {"subjective": "Pain 5/10 after a fall."}}
    text, _, cited = ask("What was the peak pain score?", notes)
    assert "5/10" in text and sorted(cited) == [dt.date(2023, 3, 2), dt.date(2023, 10, 1)]


@pytest.mark.parametrize(
    ("question", "notes", "yes", "day"),
    [
        ("Is Priya still taking amlodipine?", PRIYA, False, dt.date(2024, 5, 6)),
        ("Is her amlodipine still part of her regimen?", PRIYA, False, dt.date(2024, 5, 6)),
        ("Is Ruth still on naproxen?", RUTH, False, dt.date(2023, 6, 20)),
        ("Is Dana still taking metformin?", DANA, True, dt.date(2024, 1, 8)),
        ("האם היא עדיין נוטלת מטפורמין?", DANA, True, dt.date(2024, 1, 8)),
        ("האם היא עדיין נוטלת אמלודיפין?", PRIYA, False, dt.date(2024, 5, 6)),
    ],
)
def test_still_taking_follows_the_course_to_its_last_event(
    question: str, notes: Notes, yes: bool, day: dt.date
) -> None:
    text, refused, cited = ask(question, notes)
    assert not refused and cited == [day], text
    assert text.startswith(("Yes", "כן") if yes else ("No", "לא")), text


@pytest.mark.parametrize(
    "question",
    [
        "How many times did we see Dana during 2023?",
        "How often did she come in during 2023?",
        "כמה פעמים ראינו את דנה ב-2023?",
    ],
)
def test_visits_in_a_year_are_counted_each_cited(question: str) -> None:
    text, refused, cited = ask(question, DANA)
    three = [dt.date(2023, 2, 14), dt.date(2023, 9, 13), dt.date(2023, 12, 1)]
    assert not refused and text.startswith(("3 visits", "3 מפגשים")) and cited == three, text


def test_a_change_from_the_first_weigh_in_to_the_latest_is_a_change() -> None:
    question = (
        "By how many kilograms has Dana's weight changed from the first weigh-in to the most "
        "recent one?"
    )
    text, refused, cited = ask(question, DANA)
    assert not refused and "down 6 kg" in text, text
    assert cited == [dt.date(2022, 11, 30), dt.date(2024, 1, 8)]


@pytest.mark.parametrize(
    "question",
    ["What's Priya's blood pressure these days?", "BP currently?", "מה לחץ הדם שלה כיום?"],
)
def test_these_days_is_the_latest(question: str) -> None:
    text, refused, cited = ask(question, PRIYA)
    assert not refused and "120/100" in text and cited == [dt.date(2024, 7, 1)], text


def test_a_drug_question_without_still_keeps_its_old_kind() -> None:
    q = read_over_time("When was amlodipine started?")
    assert q is not None and q.ask == "med_first"


def test_still_taking_a_drug_only_the_notes_words_hold_is_no_absence() -> None:
    """No medication event, but a line of the notes names the drug: declined to the model's
    path, which reads it; only a search that finds nothing says no note mentions it."""
    q = read_over_time("Is she still taking ramipril?")
    assert q is not None and q.ask == "still_taking"
    line = Cite(None, None, "medical_history", "HTN on ramipril for years")
    facts, visits = chart(PRIYA)
    found = answer(q, facts, visits, lambda words: [line], TODAY)
    assert found.declined and not found.refused
    absent = answer(q, facts, visits, lambda words: [], TODAY)
    assert absent.refused and "no note" in absent.text


@pytest.mark.parametrize(
    ("follow", "previous", "ask", "measures", "subject"),
    [
        ("and her weight?", "What is her latest blood pressure?", "latest", ("weight",), None),
        ("ומה עם המשקל?", "מה לחץ הדם האחרון?", "latest", ("weight",), None),
        ("and the PHQ-9?", "What was the highest pain score?", "highest", ("phq9",), None),
        ("and metformin?", "Is she still taking amlodipine?", "still_taking", (), "metformin"),
    ],
)
def test_a_follow_up_borrows_what_it_leaves_out(
    follow: str, previous: str, ask: str, measures: tuple[str, ...], subject: str | None
) -> None:
    q = follow_up(follow, previous)
    assert q is not None and (q.ask, q.measures, q.subject) == (ask, measures, subject)


def test_a_follow_up_borrows_the_operation_and_takes_its_own_period() -> None:
    q = follow_up("and in 2022?", "What was the highest weight?")
    assert q is not None and q.ask == "highest" and q.measures == ("weight",)
    assert (q.date_from, q.date_to) == (dt.date(2022, 1, 1), dt.date(2022, 12, 31))


@pytest.mark.parametrize(
    ("follow", "previous"),
    [
        ("Why was it raised?", "What is her latest blood pressure?"),
        ("and her weight?", "What did the plan say about exercise?"),
        ("Did she say anything about her weight worries at work last time?", "Latest BP?"),
    ],
)
def test_a_follow_up_of_its_own_or_after_no_question_over_time_is_not_borrowed(
    follow: str, previous: str
) -> None:
    assert follow_up(follow, previous) is None


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("What is her average BP?", "series"),
        ("How many times was metformin prescribed?", "med_course"),
        ("כמה פעמים נרשם מטפורמין?", "med_course"),
        ("Is she still smoking?", "still_has"),
    ],
)
def test_a_question_over_time_no_pattern_places_stays_with_the_timeline(
    question: str, ask: str
) -> None:
    """No open door to the model's five passages: the subject's readings, its course or its
    record, each cited."""
    q = read_over_time(question)
    assert q is not None and q.ask == ask


@pytest.mark.parametrize(
    "question",
    ["Why did her BP go up?", "What dose of ramipril is she on?", "Is metformin working?"],
)
def test_a_question_about_a_notes_words_keeps_the_models_path(question: str) -> None:
    assert read_over_time(question) is None


def test_a_drug_course_lists_each_stop_and_restart() -> None:
    text, refused, cited = ask("How many times was metformin prescribed?", DANA)
    assert not refused and cited == sorted(cited) and len(cited) == 4, text
    assert text.index("stopped") < text.rindex("started 500 mg"), text


def test_a_condition_still_had_is_read_from_its_last_note() -> None:
    notes: Notes = {
        _day(2023, 1, 5): {"assessment": "Gout flare, left big toe."},
        _day(2023, 8, 2): {"assessment": "No gout attacks since March; gout resolved."},
    }
    text, refused, cited = ask("Does he still have gout?", notes)
    assert not refused and text.startswith("Not as of") and cited == [dt.date(2023, 8, 2)], text


def test_a_fact_stored_twice_is_still_one_reading() -> None:
    facts, visits = chart(PRIYA)
    q = read_over_time("What is her latest blood pressure?")
    assert q is not None
    text = answer(q, facts + facts, visits, lambda words: [], TODAY).text
    assert "120/100 mmHg" in text and "120/100/100" not in text, text


@pytest.mark.parametrize(
    ("question", "count", "days"),
    [
        ("How many times has her weight been recorded?", "5 readings", None),
        ("Number of weight recordings since March 2023?", "3 readings", [(2023, 9, 13)]),
        ("How many weigh-ins between 2023-02-01 and 2023-12-31?", "3 readings", [(2023, 2, 14)]),
        ("כמה פעמים נמדד המשקל מאז מרץ 2023?", "3 מדידות", [(2023, 9, 13)]),
        ("How often was weight taken in Q1 2023?", "1 reading", [(2023, 2, 14)]),
    ],
)
def test_readings_are_counted_in_the_period_asked_each_visit_cited(
    question: str, count: str, days: list[tuple[int, int, int]] | None
) -> None:
    """ "How many PHQ-9s since May" was answered with a list or the latest value, never a
    count; "how many kg" is a change, not a count."""
    text, refused, cited = ask(question, DANA)
    assert not refused and count in text, text
    n = int(count.split()[0])
    assert len(cited) == n and cited == sorted(cited), text
    for day in days or []:
        assert dt.date(*day) in cited, text


def test_how_many_kilograms_is_a_change_not_a_count() -> None:
    q = read_over_time("By how many kg has her weight changed?")
    assert q is not None and q.ask == "change"


@pytest.mark.parametrize(
    "question",
    [
        "When was amlodipine stopped?",
        "When did we take her off amlodipine?",
        "Stop date of amlodipine?",
        "What date was amlodipine taken out of the regimen?",
        "מתי הופסק amlodipine?",
        "עד מתי היא לקחה amlodipine?",
    ],
)
def test_when_a_drug_was_stopped_cites_the_stop(question: str) -> None:
    text, refused, cited = ask(question, PRIYA)
    assert not refused and "2024-05-06" in text and cited == [dt.date(2024, 5, 6)], text


def test_a_stop_and_a_restart_are_both_said() -> None:
    text, refused, cited = ask("When was metformin discontinued?", DANA)
    assert not refused and cited == [dt.date(2023, 9, 13), dt.date(2024, 1, 8)], text
    assert "recorded again on 2024-01-08" in text, text


def test_a_drug_never_recorded_as_stopped_gets_its_course_not_an_absence() -> None:
    """The notes may stop it in words the reader did not take: no "never stopped" claim."""
    text, refused, cited = ask("When did she stop naproxen?", PRIYA | {
        _day(2024, 9, 1): {"plan": "Start naproxen 250 mg."},
        _day(2024, 10, 1): {"plan": "Continue naproxen 250 mg."},
    })  # fmt: skip
    assert not refused and "oldest first" in text and len(cited) == 2, text


@pytest.mark.parametrize(
    ("question", "ask", "day_from"),
    [
        ("first vs latest pulse?", "change", None),
        ("Is her weight better or worse than at the first visit?", "change", None),
        ("How much has her weight moved from baseline to the latest?", "change", None),
        ("Compare her BP on 2024-03-04 with the latest one.", "change", dt.date(2024, 3, 4)),
        ("המשקל אז לעומת היום?", "change", None),
        ("Give me the weight series since May 2023.", "series", dt.date(2023, 5, 1)),
        ("Which BP values did we get in H1 2024?", "series", dt.date(2024, 1, 1)),
        ("תפרט את כל מדידות הדופק מאז דצמבר 2024", "series", dt.date(2024, 12, 1)),
        ("Pull the final three blood pressure readings.", "last_n", None),
        ("lst 2 blood pressure readings", "last_n", None),
        ("מה היו תוצאות ה-GAD-7 ב-3 הפעמים האחרונות?", "last_n", None),
        ("כמה הוא שוקל היום?", "latest", None),
        ("What is her BP today?", "latest", None),
        ("As of the most recent note, is Concor continuing?", "still_taking", None),
        ("Is she on amlodipine?", "still_taking", None),
        ("נכון לביקור האחרון, הוא על celecoxib?", "still_taking", None),
        ("What appointments did she have between March and September 2024?", "visits_in_period",
         dt.date(2024, 3, 1)),
        ("List his visit dates since 10 June 2025.", "visits_in_period", dt.date(2025, 6, 10)),
    ],
)  # fmt: skip
def test_a_question_in_other_words_takes_its_operation(
    question: str, ask: str, day_from: dt.date | None
) -> None:
    """Wordings of the held-out questions' development half that took the wrong operation:
    a change read as the first value, a list as a change, "today" as a day with no visit."""
    q = read_over_time(question, TODAY)
    assert q is not None and q.ask == ask, q
    assert q.date_from == day_from and q.day is None, q
    if ask == "last_n":
        assert q.n in (2, 3), q


def test_a_change_from_a_day_runs_to_the_latest_reading() -> None:
    text, refused, cited = ask("Compare her BP on 2024-03-04 with the latest one.", PRIYA)
    assert not refused and cited == [dt.date(2024, 3, 4), dt.date(2024, 7, 1)], text


@pytest.mark.parametrize(
    ("question", "ask"),
    [
        ("oldest body weight reading we have?", "first_value"),
        ("What BP was recorded at the very beginning?", "first_value"),
        ("מה היה המשקל בקבלה?", "first_value"),
        ("How high has her weight gone?", "highest"),
        ("מה היה המשקל הכי נמוך?", "lowest"),
        ("מה המקסימום של הדופק?", "highest"),
        ("האם הדופק ירד מאז תחילת הטיפול?", "change"),
        ("תראה לי את המשקל בשתי המדידות האחרונות", "last_n"),
        ("Has she remained on amlodipine?", "still_taking"),
        ("ממשיכים עם amlodipine?", "still_taking"),
        ("When was amlodipine added to her regimen?", "med_first"),
        ("Date amlodipine was initiated?", "med_first"),
        ("What date did we kick off amlodipine?", "med_first"),
        ("מאיזה ביקור היא על amlodipine?", "med_first"),
        ("Time since she was last in?", "time_since_visit"),
        ("כמה זמן עבר מאז שראינו אותה?", "time_since_visit"),
        ("When was she last in clinic?", "last_visit"),
        ("Last time she was here?", "last_visit"),
        ("מתי ראינו אותה לאחרונה?", "last_visit"),
        ("Date of her first appointment?", "first_visit"),
        ("מתי היא הגיעה אלינו לראשונה?", "first_visit"),
        ("In terms of follow-up, how many times did we meet in 2024?", "visits_in_period"),
        ("כמה פעמים היא הייתה במרפאה ב-2024?", "visits_in_period"),
    ],
)
def test_more_wordings_take_their_operation(question: str, ask: str) -> None:
    q = read_over_time(question, TODAY)
    assert q is not None and q.ask == ask, q


def test_the_first_visit_is_cited() -> None:
    text, refused, cited = ask("Date of her first appointment?", PRIYA)
    assert not refused and "2024-01-08" in text and cited == [dt.date(2024, 1, 8)], text


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Any ECG in his chart?", "ecg"),
        ("Any gout on record?", "gout"),
        ("Is gout part of his history?", "gout"),
        ("ניתוח קטרקט - יש משהו בתיק?", "cataract"),
        ("האם מופיע בתיק משהו על פסוריאזיס?", "psoriasis"),
    ],
)
def test_whether_the_chart_holds_a_subject_in_other_words(question: str, subject: str) -> None:
    q = read_over_time(question, TODAY)
    assert q is not None and (q.ask, q.subject) == ("any_record", subject), q


def test_words_no_vocabulary_names_are_never_said_to_be_absent() -> None:
    """A lay name may be a note's clinical one ("a wobbly tooth", periodontitis): a look for
    the words alone finds nothing, and "I found no note that mentions a wobbly tooth" would
    be a false "no record"."""
    facts, visits = chart(PRIYA)
    q = read_over_time("Is a wobbly tooth part of her history?", TODAY)
    assert q is not None and q.subject == "wobbly tooth"
    draft = answer(q, facts, visits, lambda words: [], TODAY)
    assert draft.declined and not draft.refused and not draft.text
    known = read_over_time("Any record of gout?", TODAY)
    assert known is not None
    absent = answer(known, facts, visits, lambda words: [], TODAY)
    assert absent.refused and absent.text == "I found no note that mentions gout."


@pytest.mark.parametrize(
    "question",
    [
        "Medications ordered at the 6 May 2025 appointment?",
        "Which drugs were prescribed on 2024-04-08?",
    ],
)
def test_one_days_visit_asked_about_its_drugs_is_what_was_prescribed(question: str) -> None:
    q = read_over_time(question, TODAY)
    assert q is not None and q.ask == "prescribed_at" and q.day is not None, q
