"""Words for the facts that are not measurements: drugs, conditions, procedures,
referrals, visit types, and sentences that hold no fact at all, in English and Hebrew.

Each entry carries its canonical name (what a correct extraction calls it) and the
surface forms a note may use; the Hebrew forms are what an Israeli clinic writes.
"""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.kit.facts import Lang

G = "״"  # gershayim


@dataclass(frozen=True)
class Drug:
    name: str  # generic, lower case: what the extractor must normalise to
    he: str
    doses: tuple[str, ...]  # "50 mg"; the Hebrew note writes the unit its own way


DRUGS: tuple[Drug, ...] = (
    Drug("sertraline", "סרטרלין", ("50 mg", "100 mg", "25 mg")),
    Drug("ibuprofen", "איבופרופן", ("400 mg", "600 mg", "200 mg")),
    Drug("metformin", "מטפורמין", ("500 mg", "850 mg", "1000 mg")),
    Drug("amlodipine", "אמלודיפין", ("5 mg", "10 mg")),
    Drug("lisinopril", "ליסינופריל", ("10 mg", "20 mg", "5 mg")),
    Drug("atorvastatin", "אטורבסטטין", ("20 mg", "40 mg", "10 mg")),
    Drug("levothyroxine", "לבותירוקסין", ("50 mcg", "75 mcg", "100 mcg")),
    Drug("omeprazole", "אומפרזול", ("20 mg", "40 mg")),
    Drug("escitalopram", "אסציטלופרם", ("10 mg", "5 mg")),
    Drug("losartan", "לוסרטן", ("50 mg", "100 mg")),
    Drug("gabapentin", "גבפנטין", ("300 mg", "100 mg")),
    Drug("naproxen", "נפרוקסן", ("500 mg", "250 mg")),
    Drug("fluoxetine", "פלואוקסטין", ("20 mg", "40 mg")),
    Drug("prednisone", "פרדניזון", ("5 mg", "20 mg")),
    Drug("amoxicillin", "אמוקסיצילין", ("500 mg", "875 mg")),
    Drug("rosuvastatin", "רוזובסטטין", ("10 mg", "20 mg")),
    Drug("montelukast", "מונטלוקאסט", ("10 mg",)),
    Drug("bupropion", "בופרופיון", ("150 mg", "300 mg")),
    Drug("empagliflozin", "אמפגליפלוזין", ("10 mg", "25 mg")),
)
DRUG_BY_NAME = {d.name: d for d in DRUGS}

FREQ_EN = ("daily", "bid", "once daily", "at night", "twice a day", "qd", "in the morning", "")
FREQ_HE = ("פעם ביום", "פעמיים ביום", "בערב", "בבוקר", "")

# Sentences by status; {drug} {dose} {freq}. A "listed" drug is named in a list of what
# the patient takes, which records no decision at this visit.
MED_EN: dict[str, tuple[str, ...]] = {
    "started": (
        "Start {drug} {dose} {freq}.", "Started {drug} {dose}.",
        "Begin {drug} {dose} at night.", "Initiated {drug} {dose} {freq}.",
        "New Rx: {drug} {dose} {freq}.", "Commence {drug} {dose}.",
        "Prescribed {drug} {dose} {freq}.", "started {drug} {dose}",
    ),
    "stopped": (
        "Stop {drug}.", "D/c {drug}.", "Discontinue {drug} due to side effects.",
        "{Drug} stopped.", "Stopped {drug} {dose}.", "discontinued {drug} today.",
        "stop {drug}", "Cease {drug}.",
    ),
    "continued": (
        "Cont. {drug} {dose} {freq}.", "Continue {drug} {dose}.",
        "Continue current dose of {drug} {dose}.", "{Drug} {dose} - continue.",
        "cont {drug} {dose} daily.", "Continue {drug} {dose} {freq}, no change.",
    ),
}  # fmt: skip
MED_LIST_EN = ("Meds: {list}.", "Current medications: {list}.", "Medication list: {list}.",
               "Home meds: {list}.", "Current meds include {list}.", "Takes {list}.")  # fmt: skip
MED_HE: dict[str, tuple[str, ...]] = {
    "started": (
        "התחיל {drug} {dose} {freq}.", "להתחיל {drug} {dose}.",
        "התחלת טיפול ב-{drug} {dose}.", "מתחילה {drug} {dose} {freq}.",
    ),
    "stopped": (
        "הפסיק {drug}.", "להפסיק {drug}.", "הופסק {drug} עקב תופעות לוואי.",
        "הפסיקה {drug}.",
    ),
    "continued": (
        "ממשיך {drug} {dose}.", "להמשיך {drug} {dose} {freq}.", "ממשיכה {drug} {dose}.",
        "המשך {drug} {dose} ללא שינוי.",
    ),
}  # fmt: skip
MED_LIST_HE = ("תרופות: {list}.", "טיפול קבוע: {list}.", "תרופות קבועות: {list}.",
               "נוטל {list}.")  # fmt: skip


def dose_he(dose: str, variant: int) -> str:
    """A dose as a Hebrew note writes it: 50 מ״ג, 50 מ"ג or 50mg."""
    n, unit = dose.split()
    if unit == "mcg":
        return f"{n} מק{G}ג" if variant % 2 else f"{n}mcg"
    return (f"{n} מ{G}ג", f'{n} מ"ג', f"{n}mg")[variant % 3]


@dataclass(frozen=True)
class Condition:
    name: str  # canonical, lower case
    en: tuple[str, ...]  # surface forms
    he: tuple[str, ...]
    symptom: bool = False  # "denies X" reads naturally

    @property
    def lasting(self) -> bool:
        """A chronic disease the patient still has when a note lists it as background
        ("PMH: HTN", "h/o asthma"): its status there is present, not history
        (docs/timeline.md)."""
        return self.name in LASTING

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.name, *self.en, *self.he)


# Of the conditions below, those that do not resolve by themselves.
LASTING = frozenset(
    {
        *("hypertension", "type 2 diabetes", "anxiety", "asthma", "hypothyroidism"),
        *("hyperlipidemia", "osteoarthritis", "gerd", "migraine", "atrial fibrillation"),
        *("chronic kidney disease", "copd"),
    }
)
CONDITIONS: tuple[Condition, ...] = (
    Condition("hypertension", ("hypertension", "HTN", "essential hypertension"), ("יתר לחץ דם",)),
    Condition("type 2 diabetes", ("type 2 diabetes", "T2DM", "diabetes"), ("סוכרת סוג 2", "סוכרת")),
    Condition("depression", ("depression", "major depressive disorder"), ("דיכאון",)),
    Condition("anxiety", ("generalized anxiety disorder", "anxiety"), ("חרדה", "הפרעת חרדה")),
    Condition("asthma", ("asthma",), ("אסתמה",)),
    Condition("hypothyroidism", ("hypothyroidism",), ("תת פעילות של בלוטת התריס",)),
    Condition("hyperlipidemia", ("hyperlipidemia", "dyslipidemia"), ("היפרליפידמיה",)),
    Condition("osteoarthritis", ("knee osteoarthritis", "osteoarthritis"), ("אוסטאוארתריטיס",)),
    Condition("gerd", ("GERD", "gastroesophageal reflux disease"), ("ריפלוקס",)),
    Condition("chest pain", ("chest pain",), ("כאבים בחזה",), symptom=True),
    Condition("shortness of breath", ("shortness of breath", "SOB"), ("קוצר נשימה",), True),
    Condition("dvt", ("DVT", "deep vein thrombosis"), ("DVT", "פקקת ורידים עמוקים")),
    Condition("migraine", ("migraine",), ("מיגרנה",)),
    Condition("atrial fibrillation", ("atrial fibrillation", "AFib"), ("פרפור פרוזדורים",)),
    Condition("low back pain", ("low back pain",), ("כאבי גב תחתון",), symptom=True),
    Condition("suicidal ideation", ("suicidal ideation", "SI"), ("מחשבות אובדניות",), True),
    Condition("chronic kidney disease", ("chronic kidney disease", "CKD"), ("מחלת כליות כרונית",)),
    Condition("copd", ("COPD",), ("COPD",)),
    Condition("palpitations", ("palpitations",), ("דפיקות לב",), symptom=True),
)  # fmt: skip
CONDITION_BY_NAME = {c.name: c for c in CONDITIONS}

DX_EN: dict[str, tuple[str, ...]] = {
    "present": ("Assessment: {dx}.", "Dx: {dx}.", "Diagnosed with {dx}.",
                "New diagnosis of {dx}.", "Impression: {dx}.", "{Dx} - stable.",
                "{Dx}, well controlled.", "Working diagnosis: {dx}."),
    "negated": ("Denies {dx}.", "No history of {dx}.", "{Dx} ruled out.",
                "Negative for {dx}.", "No evidence of {dx}.", "Ruled out {dx}."),
    "history": ("h/o {dx}.", "History of {dx}.", "Past history of {dx}.", "Hx of {dx}.",
                "PMH: {dx}."),
}  # fmt: skip
# Templates that only read naturally with a symptom, or only with a disease.
SYMPTOM_ONLY = frozenset({"Denies {dx}.", "שולל {dx}.", "שוללת {dx}."})
DX_HE: dict[str, tuple[str, ...]] = {
    "present": ("אבחנה: {dx}.", "אובחן עם {dx}.", "התרשמות: {dx}.", "{dx} - יציב."),
    "negated": ("שולל {dx}.", "שוללת {dx}.", "ללא היסטוריה של {dx}.", "נשלל {dx}.",
                "אין עדות ל-{dx}."),
    "history": ("ברקע: {dx}.", "רקע של {dx}.", "היסטוריה של {dx}."),
}  # fmt: skip


@dataclass(frozen=True)
class Procedure:
    name: str
    en: str  # the noun phrase
    he: str  # a whole Hebrew clause saying it was done
    aliases: tuple[str, ...] = ()


PROCEDURES: tuple[Procedure, ...] = (
    Procedure("knee injection", "knee injection", "בוצעה הזרקה לברך", ("הזרקה לברך",)),
    Procedure("shoulder injection", "shoulder injection", "בוצעה הזרקה לכתף", ("הזרקה לכתף",)),
    Procedure("ecg", "ECG", f"בוצע אק{G}ג", ("ekg", "electrocardiogram", f"אק{G}ג", "אקג")),
    Procedure("spirometry", "spirometry", "בוצעה ספירומטריה", ("ספירומטריה",)),
    Procedure("ear irrigation", "ear irrigation", "בוצעה שטיפת אוזניים", ("שטיפת אוזניים",)),
    Procedure("skin biopsy", "skin biopsy", "נלקחה ביופסיית עור", ("ביופסיית עור",)),
    Procedure("wound dressing", "wound dressing", "בוצעה החלפת חבישה", ("החלפת חבישה",)),
)
PROC_EN = ("{Proc} performed.", "{Proc} done today.", "Procedure: {proc}.",
           "{Proc} completed without complications.", "Performed {proc} today.")  # fmt: skip

SPECIALTIES: tuple[tuple[str, str], ...] = (
    ("cardiology", "קרדיולוגיה"), ("physiotherapy", "פיזיותרפיה"),
    ("dermatology", "דרמטולוגיה"), ("orthopedics", "אורתופדיה"),
    ("endocrinology", "אנדוקרינולוגיה"), ("psychiatry", "פסיכיאטריה"),
    ("neurology", "נוירולוגיה"), ("gastroenterology", "גסטרואנטרולוגיה"),
    ("ophthalmology", "רפואת עיניים"),
)  # fmt: skip
REFER_EN = ("Referred to {sp}.", "Refer to {sp}.", "Referral to {sp} placed.",
            "Referral: {sp}.", "Referred to {sp} for evaluation.")  # fmt: skip
REFER_HE = ("הפניה ל{sp}.", "הופנה ל{sp}.", "הפניה: {sp}.")

VISITS_EN: dict[str, tuple[str, ...]] = {
    "follow-up": ("Follow-up visit.", "F/U visit.", "Follow up appointment.",
                  "Returns for follow-up.", "Seen today for a follow-up visit."),
    "initial": ("Initial assessment.", "New patient, initial assessment.", "Initial visit.",
                "Initial evaluation today."),
    "telehealth": ("Telehealth visit.", "Video visit (telehealth).", "Seen via telehealth.",
                   "Telehealth consultation by video."),
}  # fmt: skip
VISITS_HE: dict[str, tuple[str, ...]] = {
    "follow-up": ("ביקור מעקב.", "הגיע לביקור מעקב."),
    "initial": ("הערכה ראשונית.", "ביקור ראשון, הערכה ראשונית."),
    "telehealth": ("ביקור מרחוק (טלרפואה).", "שיחת וידאו - טלרפואה."),
}
VISIT_ALIASES: dict[str, tuple[str, ...]] = {
    "follow-up": ("follow up", "followup", "f/u", "מעקב"),
    "initial": ("initial assessment", "initial visit", "intake", "הערכה ראשונית"),
    "telehealth": ("video visit", "טלרפואה"),
}

# Sentences with no fact in them. The targets and goals state a value the patient does not
# have; "recheck"/"repeat" name a measure with no value; "follow up in" plans a visit.
NOISE: dict[Lang, dict[str, tuple[str, ...]]] = {
    "en": {
        "any": ("Discussed sleep hygiene.", "Patient accompanied by spouse.",
                "Questions answered.", "Mood improved per patient.", "Sleeping better.",
                "Reviewed diet and exercise.", "Walks 30 minutes most days.",
                "Works as a teacher, reports stress at work."),
        "plan": ("Target BP < 130/80.", "Goal A1c under 7%.", "Aim for weight below 80 kg.",
                 "Target LDL < 70 mg/dL.", "Goal: pain below 3/10.",
                 "Recheck BP in 2 weeks.", "Repeat A1c in 3 months.",
                 "Labs ordered: lipid panel, CMP.", "Follow up in 4 weeks.", "RTC 6 weeks.",
                 "Educated on medication side effects."),
    },
    "he": {
        "any": ("הוסבר על היגיינת שינה.", "הגיע עם בת הזוג.", "מצב הרוח השתפר.",
                "ישן טוב יותר.", "הודרך לגבי תזונה ופעילות גופנית.", "עובד כמורה."),
        "plan": ("יעד לחץ דם מתחת ל-130/80.", "יעד HbA1c מתחת ל-7%.",
                 "לחזור על בדיקות דם בעוד 3 חודשים.", "ביקורת בעוד חודש.",
                 "יעד משקל: פחות מ-80 ק" + G + "ג.", "הוסבר על תופעות לוואי."),
    },
}  # fmt: skip

# Things no generated note mentions: the "any record of X?" questions whose answer is none.
ABSENT_EN: tuple[tuple[str, str], ...] = (
    ("warfarin", "Any record of warfarin?"),
    ("colonoscopy", "Has {pron} ever had a colonoscopy?"),
    ("gout", "Any mention of gout?"),
    ("methotrexate", "Was methotrexate ever prescribed?"),
    ("allergy testing", "Any record of allergy testing?"),
    ("insulin", "Is there any note about insulin?"),
    ("mammogram", "Any record of a mammogram?"),
    ("clopidogrel", "Has clopidogrel ever come up?"),
    ("hip replacement", "Any record of a hip replacement?"),
    ("lithium", "Any record of lithium?"),
    ("pneumonia", "Was pneumonia ever recorded?"),
    ("cataract surgery", "Any record of cataract surgery?"),
)
ABSENT_HE: tuple[tuple[str, str], ...] = (
    ("warfarin", "האם יש תיעוד של וורפרין?"),
    ("colonoscopy", "האם בוצעה אי פעם קולונוסקופיה?"),
    ("gout", "האם יש אזכור של גאוט?"),
    ("insulin", "האם יש תיעוד של אינסולין?"),
)
