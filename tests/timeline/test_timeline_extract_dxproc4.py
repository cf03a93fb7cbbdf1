"""Procedures and referrals, round 4 of issue 27: imaging keeps its body site, a referral
names the service written, services joined by "and" are each a referral, and a procedure
named only as history, cause, adjective, old comparison, state of the record or topic of
talk is no act of the visit. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("MRI cervical spine arranged.", "plan", [("mri cervical spine", "ordered")]),
        ("Pelvic CT: no collection.", "objective", [("ct pelvis", None)]),
        ("Chest/abdomen/pelvis CT booked.", "plan", [("ct chest abdomen pelvis", "ordered")]),
        ("X-ray of the right ankle: no fracture.", "objective", [("x-ray ankle", None)]),
        ("US thyroid: 8 mm nodule.", "objective", [("ultrasound thyroid", None)]),
        ("MRI ראש: תקין.", "objective", [("mri head", None)]),
        ("צילום ברך שמאל: ללא שבר.", "objective", [("x-ray knee", None)]),
        # No site written: the lexicon's name.
        ("CT ordered.", "plan", [("ct scan", "ordered")]),
        ("Chest x-ray clear.", "objective", [("chest x-ray", None)]),
    ],
)
def test_imaging_keeps_its_body_site(
    text: str, field: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Known services by their canonical names, past qualifying words.
        ("Refer to pulmonary rehab programme.", [("referral: pulmonary rehabilitation", None)]),
        ("Refer local dietitian re: weight.", [("referral: dietitian", None)]),
        ("Referred to diabetes nurse for insulin start.", [("referral: diabetes education", None)]),
        ("הפניה למרפאת אורתופדיה.", [("referral: orthopedics", None)]),
        # Unknown services by the words written, when they end in a service's word.
        # Less a word that only says it is a service (round 5).
        ("Refer to bariatric service for assessment.", [("referral: bariatric", None)]),
        ("Refer to workplace counselling.", [("referral: psychology", None)]),
        ("Refer neuro-ophthalmology.", [("referral: neuro-ophthalmology", None)]),
        # Words that name no service, and where the patient came from, are none.
        ("Refer to the notes above.", []),
        ("Referred by neurology for review.", []),
    ],
)
def test_a_referral_names_the_service_written(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Refer to podiatry and dietitian.",
            [("referral: podiatry", None), ("referral: dietitian", None)],
        ),
        (
            "הפניה לדיאטנית ולפיזיותרפיה.",
            [("referral: dietitian", None), ("referral: physiotherapy", None)],
        ),
    ],
)
def test_services_joined_by_and_are_each_a_referral(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # History: the medical history field or a background heading.
        ("Hysterectomy for fibroids, then radiotherapy.", "medical_history"),
        ("Background: angina, angioplasty x1.", "assessment"),
        ("רקע: סרטן מעי, כימותרפיה והקרנות.", "medical_history"),
        # A cause or a setting of a condition.
        ("Mucositis on a background of radiotherapy.", "assessment"),
        ("Fatigue post-chemo, improving.", "assessment"),
        ("אנמיה על רקע כימותרפיה.", "assessment"),
        # An adjective of a diagnosis.
        ("Colonoscopy-confirmed diverticulosis.", "assessment"),
        # An old study a finding is compared with.
        ("Liver lesion unchanged compared with 2022 MRI.", "assessment"),
        ("Nodule smaller vs previous CT.", "assessment"),
        # The study a finding is read from, in the assessment.
        ("Gallstones seen on US, no cholecystitis.", "assessment"),
        # A state of the record.
        ("Immunisations up to date.", "medical_history"),
        # Only talked of, offered or refused.
        ("Knee injection discussed; she will decide next visit.", "plan"),
        ("Colonoscopy offered.", "plan"),
        ("מסרבת לגסטרוסקופיה.", "plan"),
        ("Pt prefers to wait for the MRI.", "plan"),
    ],
)
def test_no_act_of_the_visit(text: str, field: str) -> None:
    assert _procs(text, field) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # Today's word keeps a procedure of the history field.
        ("Flu vaccine given today.", "medical_history", [("flu vaccine", None)]),
        # A test with its result is done, not an adjective.
        ("Rapid strep negative.", "objective", [("throat swab", None)]),
        # "offered" of another clause does not reach the test.
        ("Book echo, offered statin - declined.", "plan", [("echocardiogram", "ordered")]),
        ("Knee injection performed.", "subjective", [("knee injection", None)]),
        # A study in the assessment that shows its finding is still read.
        ("Stridor - laryngoscopy shows a web.", "assessment", [("laryngoscopy", None)]),
    ],
)
def test_acts_still_read(text: str, field: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flexible nasendoscopy: oedematous turbinates.", "nasendoscopy"),
        ("Bladder scan 250 ml residual.", "bladder scan"),
        ("FEES: silent aspiration with thin fluids.", "fees"),
        ("Fibroscan 12 kPa.", "transient elastography"),
        ("6MWT 410 m.", "6-minute walk test"),
        ("Dermoscopy: benign pattern.", "dermoscopy"),
        ("Tympanometry type B on the left.", "tympanometry"),
        ("Epley manoeuvre performed.", "epley manoeuvre"),
        ("Catheter changed, drained clear.", "urinary catheter change"),
        ("בוצעה לרינגוסקופיה: מיתרים תקינים.", "laryngoscopy"),
        ("קריותרפיה ליבלת בכף הרגל.", "cryotherapy"),
    ],
)
def test_clinic_procedures(text: str, expected: str) -> None:
    assert [name for name, _ in _procs(text, "objective")] == [expected]
