"""Referrals named by the service written (a known service's short form, the words less
"service" or "team", a treatment named after a Hebrew word for one) and the guards that
keep a reason, a paper sent or a time anchor from being an act (issue 27, round 5).
Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A clinician's short form of one known service is that service.
        ("Refer rheum re inflammatory back pain.", [("referral: rheumatology", None)]),
        ("Refer haem for a view on the ferritin.", [("referral: hematology", None)]),
        ("Referred to plastics.", [("referral: plastic surgery", None)]),
        # An unknown service less the word that only says it is one.
        ("Refer to the cornea service next week.", [("referral: cornea", None)]),
        ("Refer to the early psychosis team.", [("referral: early psychosis", None)]),
        # A clinic keeps its word.
        ("Refer to the IBD clinic.", [("referral: ibd clinic", None)]),
        # After a Hebrew word for a treatment or clinic, the Latin words name it.
        ("הפניה לטיפול EMDR.", [("referral: emdr", None)]),
        ("הפניה למרפאת IBD.", [("referral: ibd", None)]),
    ],
)
def test_referral_named_by_the_service_written(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Too short or shared by two services: no guess.
        "Refer pae for review.",
        "Refer pain.",
    ],
)
def test_a_short_form_that_is_not_one_service_names_none(text: str) -> None:
    assert _procs(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What the referral is for, a few words after "re"/"for", is no act of this visit.
        ("Refer urology re possible prostate biopsy.", [("referral: urology", None)]),
        ("Refer dermatology for urgent skin biopsy.", [("referral: dermatology", None)]),
        # A specialty in what a referral is for is not a second referral.
        ("Refer ENT for a surgery opinion.", [("referral: ent", None)]),
    ],
)
def test_what_a_referral_is_for_is_no_act(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Repeat prescription for sertraline - sent to GP.",
        "מרשם חוזר - נשלח לרופא המשפחה.",
    ],
)
def test_a_paper_sent_is_no_referral(text: str) -> None:
    assert _procs(text) == []


def test_the_patient_sent_is_a_referral() -> None:
    assert _procs("Chest pain at rest - sent to ED.") == [("referral: emergency department", None)]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Oxycodone 5 mg 30 min before dressing changes.", "plan"),
        ("Stopped loratadine 5 days ago ahead of skin prick testing.", "subjective"),
        ("לקחת אקמול לפני החלפת חבישה.", "plan"),
        ("Cast intact, fingers warm and pink.", "objective"),
        ("גבס תקין, ללא לחץ.", "objective"),
        ("Phone call - results of bloods discussed.", "subjective"),
        ("בירור התאמה לניתוח בריאטרי.", "subjective"),
        ("Wrist fracture on ED x-ray, now in clinic.", "assessment"),
        ("Shingles vaccine next month at the pharmacy.", "plan"),
        ("חיסון שפעת בחודש הבא.", "plan"),
        ("Carotid 50-69% stenosis on duplex.", "objective"),
    ],
)
def test_anchor_state_result_work_up_elsewhere_or_far_later_is_no_act(
    text: str, field: str
) -> None:
    assert _procs(text, field) == []


def test_a_test_with_a_normal_result_is_still_done() -> None:
    assert _procs("Hearing test normal both ears.", "objective") == [("audiometry", None)]
