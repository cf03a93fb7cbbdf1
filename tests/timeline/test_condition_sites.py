"""A condition's or an imaging study's name keeps the body site written with it ("Sprain of
wrist", "X-ray of chest"), and a site that makes it one the lexicon names ("malignant
neoplasm of colon", "chest x-ray") takes that name, so a question in other words finds it."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.questions import read_over_time
from core.timeline.extract import extract
from tests.timeline.chart import TODAY, Notes, ask


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Sprain of wrist (disorder)", "sprain of wrist"),
        ("Fracture of the left wrist", "fracture of wrist"),
        ("Osteoarthritis of knee", "osteoarthritis of knee"),
        ("Overlapping malignant neoplasm of colon (disorder)", "colorectal cancer"),
        ("Malignant neoplasm of rectum", "colorectal cancer"),
        ("Carcinoma of prostate", "prostate cancer"),
        ("Malignant tumor of lung", "lung cancer"),
        ("Polyp of colon (disorder)", "colon polyp"),
        ("Recurrent rectal polyp (disorder)", "rectal polyp"),
    ],
)
def test_a_condition_keeps_its_site(written: str, name: str) -> None:
    found = [f.name for f in extract(f"Assessment: {written}", "assessment").facts]
    assert found == [name]


def test_a_question_in_other_words_finds_the_condition_by_its_site() -> None:
    notes: Notes = {
        dt.datetime(2021, 3, 2, 10): {"assessment": "Routine visit; no new diagnoses."},
        dt.datetime(2022, 5, 9, 10): {
            "assessment": "Overlapping malignant neoplasm of colon (disorder)"
        },
    }
    text, refused, cited = ask("When was bowel cancer first recorded?", notes)
    assert not refused and "2022-05-09" in text and cited == [dt.date(2022, 5, 9)], text


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("Plain X-ray of chest (procedure)", "chest x-ray"),
        ("X-ray chest: no consolidation", "chest x-ray"),
        ("X-ray of the knee", "x-ray knee"),
        ("CT abdomen and pelvis done", "ct abdomen pelvis"),
    ],
)
def test_an_imaging_study_keeps_its_site_under_the_lexicons_name(written: str, name: str) -> None:
    found = [f.name for f in extract(written, "plan").facts if f.kind == "procedure"]
    assert found == [name]


def test_the_chest_x_ray_asked_is_the_x_ray_of_chest_written() -> None:
    notes: Notes = {dt.datetime(2023, 6, 1, 10): {"plan": "Plain X-ray of chest (procedure)"}}
    text, refused, cited = ask("When was the chest X-ray done?", notes)
    assert not refused and "2023-06-01" in text and cited == [dt.date(2023, 6, 1)], text


@pytest.mark.parametrize(
    ("question", "ask", "subject", "measures"),
    [
        ("מתי היה לה כאב שיניים לראשונה?", "first_diagnosed", "toothache", ()),
        ("When was tooth pain first recorded?", "first_diagnosed", "toothache", ()),
        ("ציון הכאב הראשון?", "first_value", None, ("pain",)),
    ],
)
def test_a_pain_named_by_its_site_is_a_condition_not_the_pain_score(
    question: str, ask: str, subject: str | None, measures: tuple[str, ...]
) -> None:
    """ "כאב שיניים" (toothache) had been read as the pain score's first reading."""
    q = read_over_time(question, TODAY)
    assert q is not None
    assert (q.ask, q.subject, q.measures) == (ask, subject, measures)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("מתלוננת על כאב הגב", "back pain"),
        ("כאבי הראש חזרו", "headache"),
        ("כאב הגב התחתון החמיר", "low back pain"),
        ("ידוע על יתר לחץ הדם", "hypertension"),
    ],
)
def test_a_hebrew_name_with_the_definite_article_is_the_same_condition(
    written: str, name: str
) -> None:
    """The article joins the construct's last word, or each word after the first: "כאב
    הגב" had been stored as a name of its own, and "כאבי הראש" not read."""
    found = [f.name for f in extract(written, "subjective").facts if f.kind == "diagnosis"]
    assert found == [name]


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("מתי אובחן כאב הגב לראשונה?", "back pain"),
        ("When did her headache start?", "headache"),
        ("מתי התחיל כאב הגב?", "back pain"),
        ("מתי התחילו כאבי הראש?", "headache"),
    ],
)
def test_when_a_condition_began_is_its_first_record(question: str, subject: str) -> None:
    q = read_over_time(question, TODAY)
    assert q is not None
    assert (q.ask, q.subject, q.measures) == ("first_diagnosed", subject, ())


def test_what_was_started_for_a_condition_is_not_when_it_began() -> None:
    q = read_over_time("When did she start physio for back pain?", TODAY)
    assert q is None or q.ask != "first_diagnosed"
