"""The visit's type from the opener, round 6 (issue 27): a review named in the opener's
first phrase, the first of a kind of visit, a visit nobody booked ahead, a phone or video
contact by its kind, and one visit of a series. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _visits(text: str, field: str = "subjective") -> list[str]:
    return [f.name for f in extract(text, field).facts if f.kind == "visit"]


@pytest.mark.parametrize(
    "text",
    [
        "Asthma nurse review. Using the brown inhaler most mornings.",
        "Review 2 weeks after the cast came off, ankle stiff.",
        "S: 12 month diabetes review. Feet fine.",
        "Hx: Review eczema, aged 6, itch worse at night.",
        "Year 1 review after bypass; eating small meals.",
        "Fortnightly weigh-in, feels bloated after meals.",
        "Re-attended with the same sore throat, now day 6.",
        "Post-natal check at 6 weeks, bleeding settled.",
        "תלונות:\nביקור שבועי במרפאה. ישנה טוב יותר.",
    ],
)
def test_review_and_series_openers_are_follow_up(text: str) -> None:
    assert _visits(text) == ["follow-up"]


@pytest.mark.parametrize(
    "text",
    [
        "1st appt in the memory service, lives alone.",
        "First headache clinic - daily headaches for a year.",
        "First review on the ward after transfer from Haifa.",
        "New attender, 2 weeks of vaginal discharge.",
        "Pre-assessment before knee arthroscopy, fit and well.",
        "Walk-in appointment: cut finger on a tin.",
        "HPI:\nUrgent appt - toothache since Friday.",
    ],
)
def test_first_and_unbooked_openers_are_initial(text: str) -> None:
    assert _visits(text) == ["initial"]


@pytest.mark.parametrize(
    "text",
    [
        "Telephone clinic - sugars higher this week.",
        "Phone blood results call, feels well.",
        "Video wound check, edges dry.",
        "Telephone pre-op assessment for cataract surgery.",
        "1) מעקב טלפוני.\n2) ללא תלונות חדשות.",
    ],
)
def test_phone_and_video_contacts_are_telehealth(text: str) -> None:
    assert _visits(text) == ["telehealth"]


@pytest.mark.parametrize(
    "text",
    [
        # A review of systems, a review still to come, a review past the opener's first
        # phrase: none opens a visit.
        "Review of systems otherwise negative.",
        "Sore knee, wants to review the x-ray with us.",
        "Cough 3 weeks, worse at night, review of meds asked for.",
        # "first" with no word of an encounter after it is the history's.
        "First noticed the lump in May; no pain.",
        # Past the opener, a series' word is the history's.
        "Low mood.\nWeekly weigh-in at the gym shows 2 kg lost.",
    ],
)
def test_no_visit_where_the_opener_names_none(text: str) -> None:
    assert _visits(text) == []


def test_a_plans_review_is_no_visit() -> None:
    assert _visits("Asthma nurse review in 3 months.", "plan") == []
