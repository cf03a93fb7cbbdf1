"""The question reader's routing (core/timeline/answers/questions.py) on phrasings written for it:
each family of wording a clinician uses for a question over time reaches its kind, and
questions about what one visit's note says stay on the model's path."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.questions import read_over_time

TODAY = dt.date(2025, 6, 1)


@pytest.mark.parametrize(
    ("question", "ask", "subject"),
    [
        # the last visit, however it is named
        ("When did you last see him?", "last_visit", None),
        ("When did we last see the patient?", "last_visit", None),
        ("מתי הייתה הפגישה האחרונה?", "last_visit", None),
        ("באיזה תאריך היה הביקור האחרון?", "last_visit", None),
        # the time since it
        ("How many weeks since her last appointment?", "time_since_visit", None),
        ("Months since the last visit?", "time_since_visit", None),
        ("How recently was she seen?", "time_since_visit", None),
        ("כמה שבועות עברו מהביקור האחרון?", "time_since_visit", None),
        # visits in a period
        ("Did he attend between 1 March 2025 and 2025-05-01?", "visits_in_period", None),
        ("Which days did she show up between 2024-01-01 and 2024-06-30?", "visits_in_period", None),
        ("אילו מפגשים היו בין 2024-01-01 ל-2024-06-30?", "visits_in_period", None),
        # renewals and refills are prescriptions; "most recently" is the latest
        ("When was metformin last refilled?", "med_last", "metformin"),
        ("Date sertraline was most recently renewed?", "med_last", "sertraline"),
        # what is taken now
        ("Present medication list?", "current_meds", None),
        ("Which meds is she on right now?", "current_meds", None),
        ("מהן התרופות הפעילות?", "current_meds", None),
        # any record of: referrals by another verb, procedures asked in Hebrew
        ("Was she ever sent for a cardiology opinion?", "any_record", "referral: cardiology"),
        ("Did he undergo a colonoscopy?", "any_record", "colonoscopy"),
        ("האם נעשתה קולונוסקופיה?", "any_record", "colonoscopy"),
        ("Has warfarin ever come up?", "any_record", "warfarin"),
        # a start asked for by its date, a drug by its brand
        ("Start date for Concor?", "med_first", "bisoprolol"),
        ("Since when has she been on Lipitor?", "med_first", "atorvastatin"),
        ("ממתי היא נוטלת ליפיטור?", "med_first", "atorvastatin"),
        # "since when" of a condition asks for its onset, not whether it is recorded
        ("Since when has the patient had asthma?", "first_diagnosed", "asthma"),
        # what was given for a condition
        ("What was prescribed for gout?", "prescribed_for", "gout"),
        ("Which medications did he get for his depression?", "prescribed_for", "depression"),
        ("איזו תרופה קיבלה לשיגדון?", "prescribed_for", "gout"),
    ],
)
def test_each_family_of_wording_reaches_its_kind(
    question: str, ask: str, subject: str | None
) -> None:
    read = read_over_time(question, TODAY)
    assert read is not None, question
    assert read.ask == ask
    if subject is not None:
        assert read.subject == subject


def test_a_period_is_read_with_both_ends() -> None:
    read = read_over_time("Which days did she show up between 2024-01-01 and 2024-06-30?", TODAY)
    assert read is not None
    assert (read.date_from, read.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 6, 30))


@pytest.mark.parametrize(
    "question",
    [
        "What did we discuss at the last visit?",
        "Did you see her for knee pain?",
        "What was the plan at the appointment on 2024-03-01?",
        "Why did he come in last time?",
        "מה נאמר בפגישה האחרונה?",
        # a dated question about what was given is about that visit's note
        "What was prescribed for gout at the visit on 2024-03-01?",
    ],
)
def test_what_a_visits_note_says_stays_with_the_model(question: str) -> None:
    assert read_over_time(question, TODAY) is None
