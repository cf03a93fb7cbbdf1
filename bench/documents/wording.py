"""What the test set's documents say (bench/documents/corpus.py): referral letters, lab
tables, imaging reports and letters, in English, Hebrew and both, each drawn from several
wordings and layouts by a seeded `random.Random`. Invented people and values only.

Each writer returns the document's pages (a line, or a tuple of cells for a table row) and
its questions: (question, the page that answers it, counting from 1)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from bench.documents.make import Line

Page = list[Line]
Question = tuple[str, int]


@dataclass(frozen=True)
class Written:
    pages: list[Page]
    questions: list[Question]
    lab: bool = False


NAMES = ["Dana Levi", "Noa Katz", "Yael Cohen", "Ruth Adler", "Michal Stern", "Tamar Golan"]
NAMES_HE = ["דנה לוי", "נועה כץ", "יעל כהן", "רות אדלר", "מיכל שטרן", "תמר גולן"]
DOCTORS = ["Dr. A. Barak", "Dr. S. Mizrahi", "Dr. L. Friedman", "Dr. E. Shapiro"]
DOCTORS_HE = ['ד"ר א. ברק', 'ד"ר ש. מזרחי', 'ד"ר ל. פרידמן', 'ד"ר א. שפירא']
# (specialty, complaint, the drug she takes, dose mg, how often)
REFERRALS = [
    ("pain", "chronic lower back pain radiating to the left leg", "naproxen", 500, "twice daily"),
    ("cardiology", "palpitations and chest tightness on exertion", "bisoprolol", 5, "once daily"),
    ("neurology", "recurrent migraines with visual aura", "topiramate", 50, "at night"),
    ("endocrinology", "poorly controlled type 2 diabetes", "metformin", 1000, "twice daily"),
    ("rheumatology", "morning stiffness and swelling of both hands", "prednisone", 10, "daily"),
]
REFERRALS_HE = [
    ("כאב", "כאבי גב תחתון המקרינים לרגל שמאל", "נפרוקסן", 500, "פעמיים ביום"),
    ("קרדיולוגיה", "דפיקות לב ולחץ בחזה במאמץ", "ביסופרולול", 5, "פעם ביום"),
    ("נוירולוגיה", "מיגרנות חוזרות עם הילה", "טופירמט", 50, "בלילה"),
    ("אנדוקרינולוגיה", "סוכרת מסוג 2 שאינה מאוזנת", "מטפורמין", 1000, "פעמיים ביום"),
    ("ראומטולוגיה", "נוקשות בוקר ונפיחות בשתי כפות הידיים", "פרדניזון", 10, "פעם ביום"),
]
# (analyte, Hebrew name, unit, low, high, decimals)
PANELS: list[list[tuple[str, str, str, float, float, int]]] = [
    [
        ("Sodium", "נתרן", "mmol/L", 135, 145, 0),
        ("Potassium", "אשלגן", "mmol/L", 3.5, 5.1, 1),
        ("Creatinine", "קריאטינין", "mg/dL", 0.6, 1.2, 2),
        ("Urea", "אוריאה", "mg/dL", 15, 45, 0),
        ("Glucose", "גלוקוז", "mg/dL", 70, 110, 0),
    ],
    [
        ("Hemoglobin", "המוגלובין", "g/dL", 12.0, 16.0, 1),
        ("White cells", "תאים לבנים", "10^3/uL", 4.0, 11.0, 1),
        ("Platelets", "טסיות", "10^3/uL", 150, 400, 0),
        ("Ferritin", "פריטין", "ng/mL", 15, 150, 0),
    ],
    [
        ("Total cholesterol", "כולסטרול כללי", "mg/dL", 120, 200, 0),
        ("LDL", "כולסטרול רע", "mg/dL", 50, 130, 0),
        ("HDL", "כולסטרול טוב", "mg/dL", 40, 80, 0),
        ("Triglycerides", "טריגליצרידים", "mg/dL", 50, 150, 0),
    ],
    [
        ("TSH", "הורמון מגרה בלוטת התריס", "mIU/L", 0.4, 4.0, 2),
        ("Free T4", "תירוקסין חופשי", "pmol/L", 10, 22, 1),
        ("Vitamin B12", "ויטמין בי 12", "pg/mL", 200, 900, 0),
        ("Vitamin D", "ויטמין די", "ng/mL", 20, 60, 0),
    ],
]
PANEL_TITLES = ["basic metabolic panel", "complete blood count", "lipid profile", "thyroid"]
PANEL_TITLES_HE = ["כימיה בדם", "ספירת דם", "פרופיל שומנים", "בלוטת התריס"]
# (study, finding, impression)
IMAGING = [
    ("MRI of the lumbar spine", "a disc protrusion at L4-L5 touching the left L5 root",
     "degenerative disc disease with L4-L5 protrusion"),
    ("CT of the chest", "a 6 mm nodule in the right upper lobe", "small pulmonary nodule"),
    ("Ultrasound of the abdomen", "several gallstones without wall thickening",
     "cholelithiasis without cholecystitis"),
    ("X-ray of the right knee", "narrowing of the medial joint space with osteophytes",
     "moderate osteoarthritis of the right knee"),
]  # fmt: skip
IMAGING_HE = [
    ("MRI של עמוד השדרה המותני", "בלט דיסק בגובה L4-L5 הנוגע בשורש L5 משמאל",
     "שינויים ניווניים עם בלט דיסק"),
    ("CT של בית החזה", "קשריות בגודל 6 מ\"מ באונה הימנית העליונה", "קשרית ריאתית קטנה"),
    ("אולטרסאונד של הבטן", "מספר אבני מרה ללא עיבוי דופן", "אבני מרה ללא דלקת"),
    ("צילום ברך ימין", "היצרות של מרווח המפרק הפנימי עם אוסטאופיטים",
     "שחיקת סחוס בינונית בברך ימין"),
]  # fmt: skip


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2021, 2025)}"


def _value(rng: random.Random, low: float, high: float, decimals: int) -> str:
    span = high - low
    x = rng.uniform(low - 0.15 * span, high + 0.15 * span)
    return f"{max(x, 0.1):.{decimals}f}"


def referral(rng: random.Random, lang: str, topic: int) -> Written:
    name, doc, date = rng.choice(NAMES), rng.choice(DOCTORS), _date(rng)
    if lang == "en":
        spec, complaint, drug, dose, freq = REFERRALS[topic % len(REFERRALS)]
        year = rng.randint(2015, 2023)
        if rng.random() < 0.5:
            p1: Page = [f"Referral to the {spec} clinic", f"Date: {date}", "Dear colleague,",
                        f"I am referring {name} for assessment of {complaint}.",
                        f"Symptoms began in {year} and have worsened this year."]  # fmt: skip
        else:
            p1 = ["REFERRAL LETTER", f"To: Department of {spec.title()}",
                  f"Re: {name}, seen on {date}",
                  f"Reason for referral: {complaint} since {year}."]  # fmt: skip
        p2: Page = [f"Current medication: {drug} {dose} mg {freq}.",
                    f"Allergies: {rng.choice(['none known', 'penicillin', 'sulfa drugs'])}.",
                    "Thank you for seeing her.", doc]  # fmt: skip
        questions = [(f"referral to {spec} for {complaint.split(' ')[1]}", 1),
                     (f"what dose of {drug} does she take", 2)]  # fmt: skip
    else:
        spec, complaint, drug, dose, freq = REFERRALS_HE[topic % len(REFERRALS_HE)]
        year = rng.randint(2015, 2023)
        if lang == "mixed":
            drug = REFERRALS[topic % len(REFERRALS)][2].title()
        p1 = [f"מכתב הפניה למרפאת {spec}", f"תאריך: {date}", "רופא נכבד,",
              f"הנני מפנה את {rng.choice(NAMES_HE)} לבירור בשל {complaint}.",
              f"התלונות החלו בשנת {year}."]  # fmt: skip
        p2 = [f"טיפול קבוע: {drug} {dose} מג {freq}", "רגישות לתרופות: ללא",
              "בתודה מראש,", rng.choice(DOCTORS_HE)]  # fmt: skip
        questions = [(f"הפניה למרפאת {spec}", 1), (f"מינון {drug}", 2)]
    return Written([p1, p2], questions)


def lab(rng: random.Random, lang: str, topic: int) -> Written:
    panel = PANELS[topic % len(PANELS)]
    rows = [
        (a, he, u, _value(rng, lo, hi, d), f"{lo:.{d}f} - {hi:.{d}f}")
        for a, he, u, lo, hi, d in panel
    ]
    date, title = _date(rng), PANEL_TITLES[topic % len(PANELS)]
    first = panel[rng.randrange(len(panel))]
    if lang == "he":
        title = PANEL_TITLES_HE[topic % len(PANELS)]
        page: Page = [f"תוצאות מעבדה - {title}", f"תאריך דגימה: {date}"]
        page += [f"{he} {v} {u} (תקין {ref})" for _, he, u, v, ref in rows]
        return Written([page], [(f"תוצאת {first[1]} בבדיקת הדם", 1)], lab=True)
    head: Page = (
        [f"תוצאות מעבדה מתאריך {date}", "Laboratory report"]
        if lang == "mixed"
        else [f"Laboratory report - {title}", f"Collected {date}"]
    )
    if rng.random() < 0.5:  # a table, or one line a result
        body: Page = [("Test", "Result", "Unit", "Reference")]
        body += [(a, v, u, ref) for a, _, u, v, ref in rows]
    else:
        body = [f"{a}: {v} {u} (reference {ref})" for a, _, u, v, ref in rows]
    return Written([head + body], [(f"{first[0]} result", 1)], lab=True)


def imaging(rng: random.Random, lang: str, topic: int) -> Written:
    date = _date(rng)
    if lang == "en":
        study, finding, impression = IMAGING[topic % len(IMAGING)]
        p1: Page = [f"{study}", f"Examination date: {date}",
                    f"Clinical details: {rng.choice(['pain', 'follow-up', 'screening'])}.",
                    f"Findings: there is {finding}.",
                    "No other abnormality is seen."]  # fmt: skip
        advice = rng.choice(["clinical correlation", "review in 6 months"])
        p2: Page = [f"Impression: {impression}.", f"Recommendation: {advice}.",
                    rng.choice(DOCTORS) + ", radiologist"]  # fmt: skip
        return Written([p1, p2], [(f"{study} findings", 1), (f"impression of the {study}", 2)])
    study, finding, impression = IMAGING_HE[topic % len(IMAGING_HE)]
    page: Page = [f"פענוח {study}", f"תאריך הבדיקה: {date}", f"ממצאים: {finding}.",
                  f"סיכום: {impression}.", rng.choice(DOCTORS_HE)]  # fmt: skip
    if lang == "mixed":
        page.insert(2, f"Indication: {rng.choice(['pain', 'follow-up'])}")
    return Written([page], [(f"ממצאי {study}", 1)])


def letter(rng: random.Random, lang: str, topic: int) -> Written:
    sys_bp, dia, hr = rng.randint(110, 160), rng.randint(65, 95), rng.randint(58, 96)
    date = _date(rng)
    weeks = rng.choice([2, 4, 6, 8])
    if lang == "en":
        page: Page = [rng.choice(["Clinic letter", "Letter to the family doctor"]),
                      f"Dear {rng.choice(DOCTORS)},",
                      f"I saw {rng.choice(NAMES)} in clinic on {date}.",
                      f"Blood pressure {sys_bp}/{dia}, pulse {hr}.",
                      f"She feels {rng.choice(['better', 'the same', 'tired'])}, sleeps poorly.",
                      f"Plan: review in {weeks} weeks.", "Yours sincerely,"]  # fmt: skip
        return Written([page], [(f"blood pressure at the visit on {date}", 1)])
    drug = "Sertraline 50 mg" if lang == "mixed" else "סרטרלין 50 מג"
    page = [rng.choice(["סיכום ביקור במרפאה", "מכתב לרופא המשפחה"]),
            f"ביקור מתאריך {date}", f"לחץ דם {sys_bp}/{dia} דופק {hr}",
            f"טיפול: {drug} פעם ביום", f"ביקורת בעוד {weeks} שבועות"]  # fmt: skip
    return Written([page], [("לחץ דם ודופק בביקור", 1)])


WRITERS: dict[str, Callable[[random.Random, str, int], Written]] = {
    "referral": referral,
    "lab": lab,
    "imaging": imaging,
    "letter": letter,
}
