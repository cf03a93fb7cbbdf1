"""The extractor on free text as clinicians write it (issue 27, point 1): units, targets,
implausible values, medication verbs by section, negation, Hebrew. Pure logic; the labelled
set in `make eval` measures it at scale."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.timeline.extract import extract
from core.timeline.reading.text import sentences


def _measures(text: str) -> dict[str, float | None]:
    return {f.name: f.value for f in extract(text, "objective").facts if f.kind == "measurement"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BP 128/82", {"bp_systolic": 128, "bp_diastolic": 82}),
        ("blood pressure 130 over 85", {"bp_systolic": 130, "bp_diastolic": 85}),
        ("Wt 82kg", {"weight": 82}),
        ("weight 180 lb", {"weight": 81.65}),
        ("pain 6/10", {"pain": 6}),
        ("6/10 pain on stairs", {"pain": 6}),
        ("A1c 7.1%", {"a1c": 7.1}),
        ("HbA1c 54 mmol/mol", {"a1c": 7.09}),
        ("LDL 3.4 mmol/L", {"ldl": 131.48}),
        ("temp 100.4F", {"temperature": 38.0}),
        ("T 38.2", {"temperature": 38.2}),
        ("Ht 5'7\"", {"height": 170.2}),
        ("SpO2 97% RA, HR 72", {"spo2": 97, "heart_rate": 72}),
        ("creatinine 88 umol/L, eGFR 74", {"creatinine": 1.0, "egfr": 74}),
        ("PHQ-9 14, GAD-7 = 9, PHQ-2: 3", {"phq9": 14, "gad7": 9, "phq2": 3}),
        ("knee flexion 110°", {"rom": 110}),
        ("Pt weighs 91 kg today", {"weight": 91}),
        ("לחץ דם 130/85", {"bp_systolic": 130, "bp_diastolic": 85}),
        ("משקל 82 ק״ג", {"weight": 82}),
        ("כאב 6/10", {"pain": 6}),
        ("דופק 76, חום 37.8, סטורציה 96%", {"heart_rate": 76, "temperature": 37.8, "spo2": 96}),
    ],
)
def test_measurements_in_many_styles(text: str, expected: dict[str, float]) -> None:
    found = _measures(text)
    assert found == pytest.approx(expected, abs=0.01)


def test_a_target_is_no_reading_and_an_implausible_value_is_a_flag() -> None:
    e = extract("Target BP < 130/80; goal A1c under 7. BP 1280/82. Weight 8200 kg.", "plan")
    assert [f for f in e.facts if f.kind == "measurement"] == []
    assert {(f.name, f.text) for f in e.flags} == {
        ("bp_systolic", "BP 1280/82"),
        ("weight", "Weight 8200 kg"),
    }


@given(st.integers(70, 240), st.integers(40, 130))
def test_any_plausible_bp_is_read_exactly(systolic: int, diastolic: int) -> None:
    text = f"Vitals today: BP {systolic}/{diastolic} mmHg, afebrile."
    found = _measures(text)
    if systolic > diastolic:
        assert found == {"bp_systolic": systolic, "bp_diastolic": diastolic}
    else:
        assert found == {}  # a systolic at or below the diastolic is a typo, flagged


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None, str | None]]:
    return [
        (f.name, f.status, f.dose) for f in extract(text, field).facts if f.kind == "medication"
    ]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Start sertraline 50 mg daily.", "plan", [("sertraline", "started", "50 mg")]),
        ("Begin amlodipine 5 mg at night", "plan", [("amlodipine", "started", "5 mg")]),
        ("D/c metformin", "plan", [("metformin", "stopped", None)]),
        ("cont. lisinopril 10mg daily", "plan", [("lisinopril", "continued", "10mg")]),
        ("Naproxen 500 mg bid x 10 days", "plan", [("naproxen", "started", "500 mg")]),
        (
            "Meds: metformin 500 mg bid, atorvastatin 20 mg",
            "subjective",
            [("metformin", "listed", "500 mg"), ("atorvastatin", "listed", "20 mg")],
        ),
        (
            "Stop ibuprofen and start naproxen 500 mg bid",
            "plan",
            [("ibuprofen", "stopped", None), ("naproxen", "started", "500 mg")],
        ),
        ("ibuprofen was stopped last week", "subjective", [("ibuprofen", "stopped", None)]),
        (
            "Allergic to penicillin; takes Zoloft 50 mg",
            "subjective",
            [("sertraline", "listed", "50 mg")],
        ),
        ("Not on any anticoagulant; no warfarin", "subjective", []),
        ("התחיל סרטרלין 50 מ״ג", "plan", [("sertraline", "started", "50 מ״ג")]),
        # A misspelt name is matched (rapidfuzz) only where a dose follows it.
        ("Start sertaline 50 mg", "plan", [("sertraline", "started", "50 mg")]),
        ("Walked for 20 minutes, exercise 3 units", "plan", []),
        ("הפסיק איבופרופן", "plan", [("ibuprofen", "stopped", None)]),
    ],
)
def test_medications_by_verb_and_section(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected


def _diagnoses(text: str) -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, "assessment").facts if f.kind == "diagnosis"]


def test_negation_and_history_follow_their_scope() -> None:
    text = "Denies chest pain, no history of diabetes. DVT ruled out. h/o pneumonia. HTN, stable."
    assert _diagnoses(text) == [
        ("chest pain", "negated"),
        ("type 2 diabetes", "negated"),
        ("deep vein thrombosis", "negated"),
        ("pneumonia", "history"),
        ("hypertension", "present"),
    ]
    # A terminating word ends the negation's reach.
    assert _diagnoses("No fever but reports low back pain") == [
        ("fever", "negated"),
        ("low back pain", "present"),
    ]
    assert _diagnoses("שולל כאבים בחזה. ברקע אוטם שריר הלב") == [
        ("chest pain", "negated"),
        ("myocardial infarction", "history"),
    ]


def test_procedures_referrals_and_the_visit_type() -> None:
    e = extract("Follow-up visit. Knee injection performed. Referred to cardiology.", "subjective")
    got = [(f.kind, f.name) for f in e.facts if f.kind in ("procedure", "visit")]
    assert got == [
        ("visit", "follow-up"),
        ("procedure", "knee injection"),
        ("procedure", "referral: cardiology"),
    ]
    # The plan's "follow up in two weeks" is the next visit, not this one's type.
    assert [f for f in extract("Follow up in two weeks.", "plan").facts if f.kind == "visit"] == []


def test_each_fact_keeps_the_span_it_was_read_from() -> None:
    text = "S: tired.\nO: BP 128/82, Wt 82kg.\nP: Start sertraline 50 mg."
    for f in extract(text, "objective").facts:
        assert text[f.start : f.end] == f.text


def test_sentences_keep_decimals_and_abbreviations_together() -> None:
    parts = [s.text.strip() for s in sentences("A1c 7.1. cont. lisinopril 10 mg. h/o asthma.")]
    assert parts == ["A1c 7.1", "cont. lisinopril 10 mg", "h/o asthma"]


# -- wider coverage: phrasings seen beyond the labelled set ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Range of motion: value first, verbs, ranges (the end is the reach), Hebrew forms.
        ("110° of knee flexion", {"rom": 110}),
        ("Knee flexes to 105", {"rom": 105}),
        ("Range of motion 0–120°", {"rom": 120}),
        ("Flexion of the knee 110", {"rom": 110}),
        ("כיפוף הברך 110 מעלות", {"rom": 110}),
        ("מתכופפת עד 95", {"rom": 95}),
        ("הרחקת הכתף 160°", {"rom": 160}),
        # Blood pressure: value first, Hebrew article and abbreviations.
        ("128/82 BP", {"bp_systolic": 128, "bp_diastolic": 82}),
        ("לחץ הדם 130/85", {"bp_systolic": 130, "bp_diastolic": 85}),
        ('ל"ד 120/80', {"bp_systolic": 120, "bp_diastolic": 80}),
        ('לח"ד 125/75', {"bp_systolic": 125, "bp_diastolic": 75}),
        ("לחץ-דם 140/90", {"bp_systolic": 140, "bp_diastolic": 90}),
        # Weight: pounds with no label, abbreviations.
        ("Pt is 176 lb", {"weight": 79.83}),
        ("Wgt 80 kg", {"weight": 80}),
        ("BW 75kg", {"weight": 75}),
        ("body wt 70 kg", {"weight": 70}),
        ("82 kg body weight", {"weight": 82}),
        # Glucose, A1c, creatinine wordings.
        ("FBS 110", {"glucose": 110}),
        ("RBS 8.2 mmol/L", {"glucose": 147.6}),
        ("CBG 140", {"glucose": 140}),
        ("Fasting sugar 98 mg/dL", {"glucose": 98}),
        ("רמת סוכר 110", {"glucose": 110}),
        ("גלוקוז בצום 95", {"glucose": 95}),
        ("Glycated Hb 7.2%", {"a1c": 7.2}),
        ("glycohemoglobin 6.5", {"a1c": 6.5}),
        ("קראטינין 1.1", {"creatinine": 1.1}),
        ("קריאטנין 0.9", {"creatinine": 0.9}),
        # Heart rate and saturation.
        ("72 bpm", {"heart_rate": 72}),
        ("קצב לב 64", {"heart_rate": 64}),
        ("Saturating 97% on RA", {"spo2": 97}),
        ("satting 95%", {"spo2": 95}),
        # Hebrew eGFR, BMI and PHQ-9.
        ("קצב הסינון הכלייתי 70", {"egfr": 70}),
        ("מדד מסת הגוף 27", {"bmi": 27}),
        ("קיבל 14 נקודות בשאלון PHQ-9", {"phq9": 14}),
    ],
)
def test_measurements_in_wider_phrasing(text: str, expected: dict[str, float]) -> None:
    assert _measures(text) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(
    "text",
    [
        "Lost 15 lbs since March",  # a change, not a weight
        "Lifting 100 lbs at work",
        "Target weight 180 lbs",
        "5 kg weight loss",
    ],
)
def test_weight_changes_and_targets_are_no_reading(text: str) -> None:
    assert "weight" not in _measures(text)


def test_implausible_values_are_flagged_on_every_path() -> None:
    flags = extract("knee flexion 1100°. CBG 15 mg/dL. 1100 mg/dL glucose.", "objective").flags
    assert {f.name for f in flags} == {"rom", "glucose"}
    assert len(flags) == 3


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # Switches: the first is stopped, the second started.
        (
            "Switched from sertraline to escitalopram 10 mg",
            "plan",
            [("sertraline", "stopped", None), ("escitalopram", "started", "10 mg")],
        ),
        (
            "Replace ibuprofen with naproxen",
            "plan",
            [("ibuprofen", "stopped", None), ("naproxen", "started", None)],
        ),
        (
            "Omeprazole → pantoprazole 40 mg",
            "plan",
            [("omeprazole", "stopped", None), ("pantoprazole", "started", "40 mg")],
        ),
        (
            "הוחלף מ-סרטרלין ל-אסציטלופרם",
            "plan",
            [("sertraline", "stopped", None), ("escitalopram", "started", None)],
        ),
        (
            "מעבר מאומפרזול לפנטופרזול",
            "plan",
            [("omeprazole", "stopped", None), ("pantoprazole", "started", None)],
        ),
        # Continuation and dose changes are continued, not started.
        ("Remain on metformin", "plan", [("metformin", "continued", None)]),
        ("Keep lisinopril 10 mg", "plan", [("lisinopril", "continued", "10 mg")]),
        ("No change to atorvastatin", "plan", [("atorvastatin", "continued", None)]),
        ("Amlodipine unchanged", "plan", [("amlodipine", "continued", None)]),
        ("Aspirin as before", "plan", [("aspirin", "continued", None)]),
        ("ממשיך ליטול מטפורמין", "plan", [("metformin", "continued", None)]),
        ("ללא שינוי בליזינופריל", "plan", [("lisinopril", "continued", None)]),
        ("אטורבסטטין כרגיל", "plan", [("atorvastatin", "continued", None)]),
        ("Metformin ↑ to 1000 mg", "plan", [("metformin", "continued", "1000 mg")]),
        ("Sertraline dose increased to 100 mg", "plan", [("sertraline", "continued", "100 mg")]),
        ("Wean prednisone", "plan", [("prednisone", "continued", None)]),
        # Stop wording.
        ("Withhold metformin", "plan", [("metformin", "stopped", None)]),
        ("Suspend warfarin", "plan", [("warfarin", "stopped", None)]),
        ("Off ibuprofen since May", "subjective", [("ibuprofen", "stopped", None)]),
        # A list heading in the plan lists; "new" starts.
        ("Regimen: metformin 500 mg bid", "plan", [("metformin", "listed", "500 mg")]),
        ("New medication: sertraline 50 mg", "subjective", [("sertraline", "started", "50 mg")]),
        # Near names: after a verb, or in Hebrew before a dose with a joined prefix.
        ("Started on amlodopine", "plan", [("amlodipine", "started", None)]),
        ('ציפראלקס 10 מ"ג', "plan", [("escitalopram", "started", '10 מ"ג')]),
        ('ולוסרטן 50 מ"ג', "plan", [("losartan", "started", '50 מ"ג')]),
        ("Start omepradex 20 mg", "plan", [("omeprazole", "started", "20 mg")]),
        # An allergy heading voids the drugs after it; a later heading does not.
        ("Allergies: amoxicillin, cephalexin", "subjective", []),
        ("Allergies: penicillin, Meds: metformin", "subjective", [("metformin", "listed", None)]),
        ("Continue walking daily", "plan", []),
    ],
)
def test_medication_switches_continuations_and_near_names(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Negation triggers, English and Hebrew, before and after.
        ("Fever absent", [("fever", "negated")]),
        ("Free from chest pain", [("chest pain", "negated")]),
        ("Without evidence of pneumonia", [("pneumonia", "negated")]),
        ("Nil cough", [("cough", "negated")]),
        ("No complaints of nausea", [("nausea", "negated")]),
        ("Rash - none", [("rash", "negated")]),
        ("מכחיש כאבים בחזה", [("chest pain", "negated")]),
        ("אינו סובל מסחרחורות", [("dizziness", "negated")]),
        ("לא נמצאה עדות לדלקת ריאות", [("pneumonia", "negated")]),
        ("ללא עדות לדלקת ריאות", [("pneumonia", "negated")]),
        ("Pneumonia was considered but excluded.", [("pneumonia", "negated")]),
        ("Doubt appendicitis.", [("appendicitis", "negated")]),
        ("Asthma — denied.", [("asthma", "negated")]),
        # "known" is present; a background cue makes history of what is over, while a
        # lasting condition listed there is still the patient's (docs/timeline.md).
        ("Known HTN", [("hypertension", "present")]),
        ("Background: asthma", [("asthma", "present")]),
        ("רקע: אסתמה", [("asthma", "present")]),
        ("Background: pneumonia", [("pneumonia", "history")]),
        # Past conditions and symptoms by their own names.
        (
            "h/o MI, epilepsy and gallstones",
            [
                ("myocardial infarction", "history"),
                ("epilepsy", "present"),
                ("gallstones", "history"),
            ],
        ),
        (
            "OSA on CPAP, IBS",
            [("obstructive sleep apnea", "present"), ("irritable bowel syndrome", "present")],
        ),
        (
            "Sore throat, cough and fatigue",
            [
                ("sore throat", "present"),
                ("cough", "present"),
                ("fatigue", "present"),
            ],
        ),
        ("Diarrhoea and vomiting", [("diarrhea", "present"), ("vomiting", "present")]),
        (
            "אבנים בכליות, מחלת קרוהן",
            [("kidney stones", "present"), ("crohn's disease", "present")],
        ),
        ("שיעול ועייפות", [("cough", "present"), ("fatigue", "present")]),
        ("פרפור עליות", [("atrial fibrillation", "present")]),
    ],
)
def test_diagnoses_in_wider_phrasing(text: str, expected: list[tuple[str, str]]) -> None:
    assert _diagnoses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother has breast cancer; father had MI at 60", []),
        ("FHx: DM, HTN. Patient has asthma.", [("asthma", "present")]),
        ("Family history of colon cancer in father, he has HTN", [("hypertension", "present")]),
        ("Diabetes in his mother", []),
        ("אמו סובלת מסוכרת. אביו עם יתר לחץ דם", []),
        ("היסטוריה משפחתית של סרטן השד", []),
        # A questionnaire is no diagnosis, and short words stay words.
        ("GAD-7 score 12, depression score 9", []),
        ("SpO2 97% RA", []),
        ("Ms. Cohen, ADD metformin", []),
    ],
)
def test_family_history_and_ambiguous_words_give_no_diagnosis(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _diagnoses(text) == expected


def _procedures(text: str, field: str = "plan") -> list[str]:
    return [f.name for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Referred to urology", ["referral: urology"]),
        ("ENT referral placed", ["referral: ent"]),
        ("Referral sent to haematology", ["referral: hematology"]),
        ("Refer on to speech therapy", ["referral: speech therapy"]),
        ("Referral: OBGYN", ["referral: gynecology"]),
        ("מופנה לאורולוג", ["referral: urology"]),
        ("הופנתה למרפאת כאב", ["referral: pain clinic"]),
        ("נשלח לגינקולוגית", ["referral: gynecology"]),
        ("יופנה לעובדת סוציאלית", ["referral: social work"]),
        ("CXR clear. ECHO normal. DEXA done", ["chest x-ray", "echocardiogram", "dexa scan"]),
        ("צילום חזה תקין. אקו לב תקין", ["chest x-ray", "echocardiogram"]),
        ("Discussed the US trip; PT exercises reviewed", []),
    ],
)
def test_referrals_and_procedures_in_wider_phrasing(text: str, expected: list[str]) -> None:
    assert _procedures(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen via video for review", "telehealth"),
        ("Consult by phone", "telehealth"),
        ("Session on Zoom", "telehealth"),
        ("ייעוץ מרחוק", "telehealth"),
        ("מפגש טלפוני", "telehealth"),
        ("First appointment", "initial"),
        ("New client intake", "initial"),
        ("פגישת היכרות", "initial"),
        ("ביקור ראשוני", "initial"),
        ("FU for knee pain", "follow-up"),
        ("f/up BP", "follow-up"),
    ],
)
def test_visit_types_in_wider_phrasing(text: str, expected: str) -> None:
    visits = [f.name for f in extract(text, "subjective").facts if f.kind == "visit"]
    assert visits == [expected]


def test_a_lowercase_fu_is_no_visit() -> None:
    assert [f for f in extract("fu manchu", "subjective").facts if f.kind == "visit"] == []
