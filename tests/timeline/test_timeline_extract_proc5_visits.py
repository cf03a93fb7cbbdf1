"""The visit's type read from how the subjective's opener is written (issue 27, round 5):
a first encounter, a "pre-X" assessment, a booking, a known patient seen again. Phrasings
are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _visits(text: str, field: str = "subjective") -> list[str]:
    return [f.name for f in extract(text, field).facts if f.kind == "visit"]


@pytest.mark.parametrize(
    "text",
    [
        "New pt - referred for chronic cough.",
        "New referral: abnormal LFTs on routine screen.",
        "New family planning appointment, 19 yo.",
        "Pre-operative assessment before hernia repair.",
        "Pre-placement medical - nursing student.",
        "Obstetric booking at 10 weeks.",
        "Booking visit, 11 weeks pregnant.",
        "אנמנזה:\nהערכה ראשונה בשל כאבי ראש.",
        "ייעוץ טרום ניתוח - מטופל בן 60.",
    ],
)
def test_first_encounter_openers_are_initial(text: str) -> None:
    assert _visits(text) == ["initial"]


@pytest.mark.parametrize(
    "text",
    [
        "Seen at home - known COPD, more breathless this week.",
        "Seen for 6-week review. Knee better.",
        "Attends for annual review of diabetes.",
    ],
)
def test_known_patient_or_review_openers_are_follow_up(text: str) -> None:
    assert _visits(text) == ["follow-up"]


@pytest.mark.parametrize(
    "text",
    [
        # "known" with no encounter word is the history's, not the visit's.
        "Known hypertension, on amlodipine. Headaches for 2 weeks.",
        # Past the opener "new" and "booking" are the history's.
        "Cough for a week.\nNew referral letter from school asks about asthma.",
        "Cough for a week.\nPre-employment medical last year was normal.",
        "Ankle pain.\nWeight at booking 70 kg.",
        "Seen at school - no known allergies, sore throat.",
        # "pre" fused to a word is no "pre-X" visit.
        "Prenatal visit at 24 weeks, feels well.",
        "New symptoms since last review: dizzy on standing.",
        "Called about booking an appointment for bloods.",
        "Seen in ED with fever of unknown cause.",
        "Preventive check, no complaints.",
    ],
)
def test_cues_outside_the_opener_or_without_an_encounter_are_none(text: str) -> None:
    assert _visits(text) == []


def test_a_named_type_still_wins_when_earlier() -> None:
    assert _visits("Telehealth review - known asthma, wheezy.") == ["telehealth"]


def test_only_the_subjective_has_a_visit() -> None:
    assert _visits("New pt.", field="plan") == []


def test_a_breathing_test_in_a_note_is_spirometry() -> None:
    facts = extract("Breathing test done today: mild obstruction.", "plan").facts
    assert [(f.kind, f.name) for f in facts] == [("procedure", "spirometry")]
