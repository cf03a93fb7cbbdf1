"""How a clinician might type each single-visit question, in English and in Hebrew.

Several forms a kind, drawn by the seeded generator, so no kind is one template. Names in
questions are the generic (or, now and then, the brand a note writes); measures and
procedures have a couple of names each, the way people shorten them.
"""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTHS_HE = (
    "ינואר",
    "פברואר",
    "מרץ",
    "אפריל",
    "מאי",
    "יוני",
    "יולי",
    "אוגוסט",
    "ספטמבר",
    "אוקטובר",
    "נובמבר",
    "דצמבר",
)


def date_words(day: dt.date, form: str) -> str:
    m = MONTHS[day.month - 1]
    return {
        "iso": day.isoformat(),
        "dmy": f"{day.day} {m} {day.year}",
        "mdy": f"{m} {day.day}, {day.year}",
        "dmon": f"{day.day} {m[:3]} {day.year}",
        "dotted": f"{day.day}.{day.month}.{day.year}",
        "he_month": f"{day.day} ב{MONTHS_HE[day.month - 1]} {day.year}",
    }[form]


DATE_FORMS_EN = ("iso", "dmy", "mdy", "dmon")
DATE_FORMS_HE = ("iso", "dotted", "he_month")

MEASURE_EN = {
    "weight": ("weight", "body weight", "wt"),
    "a1c": ("HbA1c", "A1c"),
    "egfr": ("eGFR",),
    "phq9": ("PHQ-9", "PHQ-9 score"),
    "gad7": ("GAD-7", "GAD-7 score"),
    "pain": ("pain score", "pain rating"),
    "heart_rate": ("heart rate", "pulse", "HR"),
}
MEASURE_HE = {
    "weight": ("המשקל",),
    "a1c": ("ה-HbA1c", "ההמוגלובין המסוכרר"),
    "egfr": ("ה-eGFR",),
    "phq9": ("ציון ה-PHQ-9",),
    "gad7": ("ציון ה-GAD-7",),
    "pain": ("ציון הכאב",),
    "heart_rate": ("הדופק",),
}
CONDITION_EN = {
    "gout": ("gout",),
    "atrial fibrillation": ("atrial fibrillation", "AF"),
    "osteoporosis": ("osteoporosis",),
    "copd": ("COPD",),
    "migraine": ("migraine",),
    "fibromyalgia": ("fibromyalgia",),
    "hypertension": ("hypertension", "high blood pressure"),
    "type 2 diabetes": ("type 2 diabetes", "diabetes type 2", "T2DM"),
    "depression": ("depression",),
    "benign prostatic hyperplasia": ("BPH", "benign prostatic hyperplasia"),
}
PROCEDURE_EN = {
    "ecg": ("ECG", "EKG"),
    "spirometry": ("spirometry", "lung function test"),
    "joint aspiration": ("joint aspiration", "knee aspiration"),
    "dexa scan": ("DEXA scan", "bone density scan"),
    "ear irrigation": ("ear irrigation", "ear syringing"),
}
PROCEDURE_HE = {
    "ecg": ('אק"ג',),
    "spirometry": ("ספירומטריה",),
    "joint aspiration": ("שאיבת נוזל מהברך", "ניקור ברך"),
    "dexa scan": ("בדיקת צפיפות עצם",),
    "ear irrigation": ("שטיפת אוזניים",),
}
SPECIALTY_EN = {
    "rheumatology": ("rheumatology",),
    "urology": ("urology",),
    "cardiology": ("cardiology", "a cardiologist"),
    "pulmonology": ("a pulmonologist", "pulmonology", "the chest clinic"),
    "psychiatry": ("psychiatry",),
    "neurology": ("neurology",),
}

ASK_EN = {
    "value_on_date": (
        "What was {poss} {m} on {d}?",
        "{M} on {d}?",
        "What {m} did we record at the {d} visit?",
        "{M} at the appointment of {d}?",
        "What was the {m} when we saw {obj} on {d}?",
    ),
    "bp_on_date": (
        "What was the BP on {d}?",
        "Blood pressure at the {d} visit?",
        "BP reading from {d}?",
        "What was {poss} blood pressure when seen on {d}?",
    ),
    "first_diagnosed": (
        "When was {dx} first diagnosed?",
        "When did {pron} first present with {dx}?",
        "Date of the first {dx} diagnosis?",
        "When was {dx} first documented as a diagnosis?",
    ),
    "medication_started": (
        "When was {drug} started?",
        "When did {pron} start {drug}?",
        "Start date for {drug}?",
        "When did we begin {drug}?",
        "When was {drug} first prescribed?",
    ),
    "prescribed_for": (
        "What was prescribed for {dx}?",
        "Which medication did we give for {poss} {dx}?",
        "Meds prescribed for {dx}?",
        "What drug was {pron} put on for {dx}?",
    ),
    "prescribed_at": (
        "What was prescribed on {d}?",
        "Which meds did we prescribe at the {d} visit?",
        "Prescriptions from {d}?",
        "What did we prescribe {obj} on {d}?",
    ),
    "procedure_when": (
        "When was the {proc} done?",
        "When did {pron} have the {proc}?",
        "Date of {poss} {proc}?",
    ),
    "referral_when": (
        "When was {pron} referred to {sp}?",
        "Date of the referral to {sp}?",
        "When did we send {obj} to {sp}?",
    ),
    "any_procedure": (
        "Any record of {proc}?",
        "Is there a record of {proc}?",
        "Did {pron} ever have {proc} done?",
    ),
    "any_referral": (
        "Any referral to {sp} on record?",
        "Has {pron} been referred to {sp}?",
        "Was a {sp} referral ever made?",
    ),
}
ASK_HE = {
    "value_on_date": ("מה היה {m} ב-{d}?", "{m} בביקור מ-{d}?", "כמה היה {m} במפגש של {d}?"),
    "bp_on_date": ("מה היה לחץ הדם ב-{d}?", 'ל"ד במפגש מ-{d}?'),
    "first_diagnosed": ("מתי נרשמה לראשונה אבחנה של {dx}?", "מה תאריך האבחנה הראשונה של {dx}?"),
    "medication_started": (
        "מתי הותחל {drug}?",
        "מתי נרשם לראשונה {drug}?",
        "מאיזה תאריך נוטל {drug}?",
    ),
    "prescribed_for": ("מה נרשם עבור {dx}?", "איזו תרופה ניתנה ל{dx}?"),
    "prescribed_at": ("מה נרשם במפגש מ-{d}?", "אילו תרופות נרשמו ב-{d}?"),
    "procedure_when": ("מתי בוצע {proc}?", "באיזה תאריך נעשה {proc}?"),
    "referral_when": ("מתי נשלחה הפניה ל{sp}?", "באיזה תאריך הופנה ל{sp}?"),
    "any_procedure": ("יש תיעוד של {proc}?", "האם נעשה אי פעם {proc}?"),
    "any_referral": ("האם הייתה הפניה ל{sp}?", "יש תיעוד של הפניה ל{sp}?"),
}

# Absent: asked as if it existed; none of these is in the asked client's record.
ABSENT_EN = {
    "medication": (
        ("lithium", "warfarin", "metformin", "atorvastatin", "levothyroxine", "amlodipine"),
        ("When was {x} started?", "What dose of {x} is {pron} on?", "Was {x} ever prescribed?"),
    ),
    "procedure": (
        ("colonoscopy", "echocardiogram", "knee MRI", "steroid injection", "skin biopsy"),
        ("When was the {x} done?", "What did the {x} show?", "Any {x} on record?"),
    ),
    "lab": (
        ("TSH", "potassium", "ferritin", "vitamin D", "LDL cholesterol", "INR"),
        ("What was the {x} on {d}?", "Latest {x}?", "{x} result from {d}?"),
    ),
    "condition": (
        ("psoriasis", "asthma", "hypothyroidism", "epilepsy"),
        ("When was {x} diagnosed?", "Any history of {x}?"),
    ),
}
ABSENT_HE = {
    "medication": (
        ("ליתיום", "וורפרין", "מטפורמין", "אמלודיפין"),
        ("מתי הותחל {x}?", "באיזה מינון {x}?"),
    ),
    "procedure": (
        ("קולונוסקופיה", "אקו לב", "MRI של הברך"),
        ("מתי בוצעה {x}?", "מה הראתה {x}?"),
    ),
    "lab": (
        ("TSH", "אשלגן", "פריטין", "ויטמין D"),
        ("מה היה {x} ב-{d}?", "מה הערך האחרון של {x}?"),
    ),
    "condition": (("פסוריאזיס", "אסתמה", "אפילפסיה"), ("מתי אובחנה {x}?", "יש רקע של {x}?")),
}
# A reading on a visit that did not take it, or on a day with no visit at all.
ABSENT_READING_EN = ("What was the {m} on {d}?", "{M} recorded on {d}?")
ABSENT_READING_HE = ("מה היה {m} ב-{d}?",)
