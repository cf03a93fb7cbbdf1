"""Hand-written note fields in the many ways clinicians write, beside the generated set
(`fields`): each a line or a few as typed in a clinic, with the facts it holds by the rules
of `fields` (a target, a plan, a query or a relative's condition is no fact). Written to
widen what the extractor is developed on: range of motion in its forms, problem lists,
ICD codes, sections and lists over several lines, negation in its forms, procedures by
their verb, and medication orders by heading, verb and switch; English and Hebrew.

`varied_fields()` gives them as `LabelledField`s, scored like the generated set.
"""

from __future__ import annotations

from typing import Any

from bench.timeline.kit.facts import ExpectedFact, LabelledField
from core.timeline.types import MEASURES

# (language, field, text, facts, flags). Facts: ("m", measure, value) in MEASURES units,
# ("med", drug, status), ("dx", condition, status), ("proc", name), ("visit", kind).
Row = tuple[str, str, str, list[tuple[Any, ...]], list[str]]

ROWS: list[Row] = [
    # -- range of motion ---------------------------------------------------------------------
    ("en", "objective", "R knee flexion 0-120°, extension 0°.",
     [("m", "rom", 120), ("m", "rom", 0)], []),
    ("en", "objective", "knee flex to 95 deg", [("m", "rom", 95)], []),
    ("en", "objective", "AROM shoulder abd 150", [("m", "rom", 150)], []),
    ("en", "objective", "ROM: ext -5, flex 110", [("m", "rom", -5), ("m", "rom", 110)], []),
    ("en", "objective", "Shoulder AROM: flex 140°, abd 120°, ER 45°, IR 60°",
     [("m", "rom", 140), ("m", "rom", 120), ("m", "rom", 45), ("m", "rom", 60)], []),
    ("en", "objective", "Cervical rotation R 60°, L 70°.",
     [("m", "rom", 60), ("m", "rom", 70)], []),
    ("en", "objective", "Knee flexion R/L 120/115.", [("m", "rom", 120), ("m", "rom", 115)], []),
    ("en", "objective", "ROM (R knee): 5 to 100 deg. Sent to ER 35 minutes later for chest pain.",
     [("m", "rom", 100), ("proc", "referral: emergency department"),
      ("dx", "chest pain", "present")],
     []),
    ("en", "objective", "Able to flex the knee to 90 degrees; hip IR 20°.",
     [("m", "rom", 90), ("m", "rom", 20)], []),
    ("en", "objective", "Shoulder flexion AROM 120/PROM 140",
     [("m", "rom", 120), ("m", "rom", 140)], []),
    ("en", "objective", "Flexion improved from 90 to 110 degrees. Ankle DF 10.",
     [("m", "rom", 110), ("m", "rom", 10)], []),
    ("he", "objective", "טווח תנועה בברך ימין 0-115°, יישור ברך -5",
     [("m", "rom", 115), ("m", "rom", -5)], []),
    ("he", "objective", "הרמת כתף 150 מעלות, סיבוב חיצוני 45°",
     [("m", "rom", 150), ("m", "rom", 45)], []),
    ("he", "objective", "כיפוף הברך השתפר ל-105 מעלות", [("m", "rom", 105)], []),
    # -- vitals and labs as typed --------------------------------------------------------------
    ("en", "objective", "BP 142/90 (L), 138/88 (R); HR 88 reg; Wt 82,5 kg",
     [("m", "bp_systolic", 142), ("m", "bp_diastolic", 90), ("m", "bp_systolic", 138),
      ("m", "bp_diastolic", 88), ("m", "heart_rate", 88), ("m", "weight", 82.5)], []),
    ("en", "objective", "Orthostatic BP: lying 130/80, standing 110/70.",
     [("m", "bp_systolic", 130), ("m", "bp_diastolic", 80), ("m", "bp_systolic", 110),
      ("m", "bp_diastolic", 70)], []),
    ("en", "objective", "systolic 140, diastolic 90; SpO2 97% on RA",
     [("m", "bp_systolic", 140), ("m", "bp_diastolic", 90), ("m", "spo2", 97)], []),
    ("en", "objective", "B.P. 130/85, T. 37.5, bp was repeated 126/82",
     [("m", "bp_systolic", 130), ("m", "bp_diastolic", 85), ("m", "temperature", 37.5),
      ("m", "bp_systolic", 126), ("m", "bp_diastolic", 82)], []),
    ("en", "objective", "Vitals stable: 124/78, 70, 98% RA",
     [("m", "bp_systolic", 124), ("m", "bp_diastolic", 78), ("m", "spo2", 98)], []),
    ("en", "objective", "Weight: 85.0 kg (187 lb). Ht 5' 7\". BMI 29.4 (overweight)",
     [("m", "weight", 85.0), ("m", "height", 170.2), ("m", "bmi", 29.4),
      ("dx", "overweight", "present")], []),
    ("en", "objective", "Ht/Wt 165 cm/60 kg", [("m", "height", 165), ("m", "weight", 60)], []),
    ("en", "objective", "Temp 99.1 °F, O2 98% on room air", [("m", "temperature", 37.28),
                                                            ("m", "spo2", 98)], []),
    ("en", "assessment", "A1c (03/2024): 7.1. A1c improved from 8.1 to 7.3 since.",
     [("m", "a1c", 7.1), ("m", "a1c", 7.3)], []),
    ("en", "objective", "HbA1c (IFCC) 53; HDL-C 1.2 mmol/L; eGFR >90; GFR est 72",
     [("m", "a1c", 7.0), ("m", "hdl", 46.4), ("m", "egfr", 90), ("m", "egfr", 72)], []),
    ("en", "objective", "Glucose, fasting (mg/dL): 110. HGT 7.8. HDL chol 45.",
     [("m", "glucose", 110), ("m", "glucose", 140.4), ("m", "hdl", 45)], []),
    ("en", "objective", "Pain: 4/10 at rest, 7/10 with activity",
     [("m", "pain", 4), ("m", "pain", 7)], []),
    ("en", "plan", "Target eGFR > 60; goal A1c < 7. Lost 5 kg since last visit.", [], []),
    ("en", "objective", "BP 1280/82 (typo?), wt 8200 kg; knee flexion 400°", [],
     ["bp_systolic", "weight", "rom"]),
    ("he", "objective", "ל.ד. 130/80, 118/78 בחזרה; משקלו 82 ק״ג; רוויון 95%",
     [("m", "bp_systolic", 130), ("m", "bp_diastolic", 80), ("m", "bp_systolic", 118),
      ("m", "bp_diastolic", 78), ("m", "weight", 82), ("m", "spo2", 95)], []),
    ("he", "objective", "גובה 1,75 מ', חום גוף 37.9", [("m", "height", 175),
                                                    ("m", "temperature", 37.9)], []),
    # -- diagnoses: problem lists, codes, sections --------------------------------------------
    ("en", "assessment", "Dx: E11.9. I10 Essential hypertension.",
     [("dx", "type 2 diabetes", "present"), ("dx", "hypertension", "present")], []),
    ("en", "assessment", "A/P: 1. HTN - uncontrolled, increase amlodipine. 2. T2DM - A1c at goal.",
     [("dx", "hypertension", "present"), ("med", "amlodipine", "continued"),
      ("dx", "type 2 diabetes", "present")], []),
    ("en", "assessment", "Assessment/Plan:\n1. Obesity\n2. Hyperlipidemia\n3. OSA on CPAP",
     [("dx", "obesity", "present"), ("dx", "hyperlipidemia", "present"),
      ("dx", "obstructive sleep apnea", "present")], []),
    ("en", "medical_history", "PMH:\n- HTN\n- DM2\n- Asthma as a child\n\nCurrent: migraine",
     [("dx", "hypertension", "present"), ("dx", "type 2 diabetes", "present"),
      ("dx", "asthma", "history"), ("dx", "migraine", "present")], []),
    ("en", "subjective", "HPI: 45yo F with hx of HTN presents with chest pain x 2 days.",
     [("dx", "hypertension", "present"), ("dx", "chest pain", "present")], []),
    ("en", "subjective", "History of present illness: 3 days of cough and fever.",
     [("dx", "cough", "present"), ("dx", "fever", "present")], []),
    ("en", "assessment", "h/o depression, currently with anxiety. h/o MI, Assessment: angina.",
     [("dx", "depression", "history"), ("dx", "anxiety", "present"),
      ("dx", "myocardial infarction", "history"), ("dx", "angina", "present")], []),
    ("en", "assessment", "r/o DVT. ?UTI. Possible pneumonia. Concerning for cellulitis. "
     "Differential: migraine vs tension headache.", [], []),
    ("en", "subjective", "Denies CP/SOB. Nausea/vomiting: denies. Fever: not reported.",
     [("dx", "chest pain", "negated"), ("dx", "shortness of breath", "negated"),
      ("dx", "nausea", "negated"), ("dx", "vomiting", "negated"), ("dx", "fever", "negated")], []),
    ("en", "subjective", "ROS: (-) fever, (-) chills, (+) cough. No evidence of DVT.",
     [("dx", "fever", "negated"), ("dx", "chills", "negated"), ("dx", "cough", "present"),
      ("dx", "deep vein thrombosis", "negated")], []),
    ("en", "assessment", "Unlikely to be appendicitis. Not anemic. Patient is not depressed.",
     [("dx", "appendicitis", "negated"), ("dx", "anemia", "negated"),
      ("dx", "depression", "negated")], []),
    ("en", "medical_history", "Family history:\n- mother: breast cancer\n- father: MI\n\n"
     "Patient has hypothyroidism.", [("dx", "hypothyroidism", "present")], []),
    ("en", "assessment", "Migraines improved. Recurrent UTIs. Non-smoker.",
     [("dx", "migraine", "present"), ("dx", "urinary tract infection", "present"),
      ("dx", "tobacco use", "negated")], []),
    ("en", "assessment", "Return if chest pain worsens. At risk for diabetes.", [], []),
    ("en", "assessment", "Known hypertension, now with new onset atrial fibrillation.",
     [("dx", "hypertension", "present"), ("dx", "atrial fibrillation", "present")], []),
    ("he", "assessment", "כאבי חזה על רקע חרדה. חשד לדלקת בדרכי השתן.",
     [("dx", "chest pain", "present"), ("dx", "anxiety", "present")], []),
    ("he", "subjective", "ללא חום. חום 38.2 אתמול בערב. מחשבות אובדניות: שולל.",
     [("dx", "fever", "negated"), ("m", "temperature", 38.2),
      ("dx", "suicidal ideation", "negated")], []),
    ("he", "medical_history", "ברקע: יל\"ד, היפרליפידמיה. לאחר אוטם שריר הלב. סבל מדיכאון בעבר.",
     [("dx", "hypertension", "present"), ("dx", "hyperlipidemia", "present"),
      ("dx", "myocardial infarction", "history"), ("dx", "depression", "history")], []),
    ("he", "assessment", "אבחנה: יתר לחץ דם, סוכרת סוג 2. מטופל סוכרתי, ללא רקע של מחלת לב.",
     [("dx", "hypertension", "present"), ("dx", "type 2 diabetes", "present"),
      ("dx", "type 2 diabetes", "present"), ("dx", "heart disease", "negated")], []),
    # -- procedures and referrals ----------------------------------------------------------------
    ("en", "plan", "Injected 40 mg triamcinolone into the right knee. Consult cardiology.",
     [("proc", "knee injection"), ("med", "triamcinolone", "started"),
      ("proc", "referral: cardiology")], []),
    # An operation given with its year is the patient's past, no act of this visit
    # (docs/timeline.md; relabelled in issue 27, until then a procedure fact).
    ("en", "objective", "s/p R knee arthroscopy 2019. Underwent colonoscopy in March, normal.",
     [("proc", "colonoscopy")], []),
    ("en", "objective", "Left knee aspirated, 30 mL clear fluid. Dressing changed. Tdap given.",
     [("proc", "joint aspiration"), ("proc", "wound dressing"), ("proc", "vaccination")], []),
    ("en", "objective", "CXR: no consolidation. Rapid strep negative. Mole excised.",
     [("proc", "chest x-ray"), ("proc", "throat swab"), ("proc", "excision")], []),
    # A test ordered at the visit is a procedure fact (status "ordered"); one declined or
    # only recommended is none (docs/timeline.md).
    ("en", "plan", "MRI ordered. Colonoscopy declined. Will arrange an echo. Recommend DEXA.",
     [("proc", "mri"), ("proc", "echocardiogram")], []),
    ("en", "plan", "Came for her scheduled knee injection; plan discussed, injection to the "
     "left knee performed.", [("proc", "knee injection"), ("proc", "knee injection")], []),
    ("en", "plan", "Cardiology consult requested. Referred to orthopedic surgery.",
     [("proc", "referral: cardiology"), ("proc", "referral: orthopedics")], []),
    # The flu vaccine by its own name (issue 27; "vaccination" until then), as the held-out
    # and blind sets name it.
    ("en", "objective", "Flu vaccine administered today; no immediate reaction.",
     [("proc", "flu vaccine")], []),
    ("he", "plan", "הוזרקו סטרואידים לכתף ימין. ייעוץ קרדיולוגי. בוצעה שאיבה מהברך.",
     [("proc", "shoulder injection"), ("proc", "referral: cardiology"),
      ("proc", "joint aspiration")], []),
    ("he", "objective", "לאחר ניתוח להחלפת ברך ב-2018. ניתן חיסון שפעת.",
     [("proc", "flu vaccine")], []),
    # -- medications ----------------------------------------------------------------------------
    ("en", "plan", "Stop:\n- ibuprofen\n- naproxen\nContinue:\n- lisinopril 10 mg\n"
     "- metformin 500 mg bid",
     [("med", "ibuprofen", "stopped"), ("med", "naproxen", "stopped"),
      ("med", "lisinopril", "continued"), ("med", "metformin", "continued")], []),
    ("en", "plan", "Current medications:\n1. metformin 500 mg\n2. lisinopril 10 mg\n\n"
     "Start atorvastatin 20 mg qhs.",
     [("med", "metformin", "listed"), ("med", "lisinopril", "listed"),
      ("med", "atorvastatin", "started")], []),
    ("en", "plan", "Continue home medications including lisinopril and metformin.",
     [("med", "lisinopril", "continued"), ("med", "metformin", "continued")], []),
    ("en", "subjective", "Stopped taking sertraline 2 weeks ago (side effects). Ran out of "
     "atorvastatin.", [("med", "sertraline", "stopped"), ("med", "atorvastatin", "stopped")], []),
    ("en", "plan", "Metformin held due to AKI; amlodipine d/c'd due to edema. Switched from "
     "sertraline to escitalopram 10 mg.",
     [("med", "metformin", "stopped"), ("dx", "acute kidney injury", "present"),
      ("med", "amlodipine", "stopped"), ("dx", "edema", "present"),
      ("med", "sertraline", "stopped"), ("med", "escitalopram", "started")], []),
    ("en", "plan", "Metformin caused GI upset and was stopped. Atorvastatin well tolerated, "
     "continue. Ibuprofen (stopped). Omeprazole: d/c",
     [("med", "metformin", "stopped"), ("med", "atorvastatin", "continued"),
      ("med", "ibuprofen", "stopped"), ("med", "omeprazole", "stopped")], []),
    ("en", "plan", "Lisinopril 10 mg PO daily. Restart amlodipine 5 mg. Given ceftriaxone 1 g IM.",
     [("med", "lisinopril", "started"), ("med", "amlodipine", "started"),
      ("med", "ceftriaxone", "started")], []),
    ("en", "assessment", "Vitamin D deficiency - start vitamin D 1000 IU daily.",
     [("dx", "vitamin d deficiency", "present"), ("med", "cholecalciferol", "started")], []),
    ("he", "plan", "להפסיק:\nאיבופרופן\nנפרוקסן\n\nהוחלף סרטרלין לאסציטלופרם 10 מ\"ג",
     [("med", "ibuprofen", "stopped"), ("med", "naproxen", "stopped"),
      ("med", "sertraline", "stopped"), ("med", "escitalopram", "started")], []),
    ("he", "plan", "אופטלגין 1 גרם לפי הצורך. ארקוקסיה 90 מ\"ג - להמשיך.",
     [("med", "dipyrone", "started"), ("med", "etoricoxib", "continued")], []),
    # -- visits ---------------------------------------------------------------------------------
    ("en", "subjective", "Seen via telehealth for a follow-up of hypertension.",
     [("visit", "telehealth"), ("dx", "hypertension", "present")], []),
    ("he", "subjective", "מפגש מעקב. מתלונן על כאבי גב תחתון מזה שבועיים.",
     [("visit", "follow-up"), ("dx", "low back pain", "present")], []),
    ("en", "subjective", "Initial evaluation; referred by GP for knee pain. Follow up in 2 weeks.",
     [("visit", "initial"), ("dx", "knee pain", "present")], []),
]  # fmt: skip


def _fact(t: tuple[Any, ...]) -> ExpectedFact:
    kind = t[0]
    if kind == "m":
        return ExpectedFact(
            "measurement", t[1], float(t[2]), MEASURES[t[1]], style=f"varied/{t[1]}"
        )
    if kind == "med":
        return ExpectedFact("medication", t[1], status=t[2])
    if kind == "dx":
        return ExpectedFact("diagnosis", t[1], status=t[2])
    if kind == "proc":
        return ExpectedFact("procedure", t[1])
    return ExpectedFact("visit", t[1])


def varied_fields() -> list[LabelledField]:
    return [
        LabelledField(f"vf-{i:03d}", lang, field, text, [_fact(t) for t in facts], flags)  # type: ignore[arg-type]
        for i, (lang, field, text, facts, flags) in enumerate(ROWS, start=1)
    ]
