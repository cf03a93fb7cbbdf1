"""How the questions over time are worded, in English and Hebrew: several phrasings per
kind, taken in turn, so no one wording decides a kind's score."""

from __future__ import annotations

MEASURE_EN: dict[str, tuple[str, ...]] = {
    "bp": ("blood pressure", "BP"),
    "bp_systolic": ("systolic", "systolic blood pressure", "systolic BP"),
    "weight": ("weight", "body weight"),
    "heart_rate": ("heart rate", "pulse"),
    "a1c": ("A1c", "HbA1c", "hemoglobin A1c"),
    "ldl": ("LDL", "LDL cholesterol"),
    "egfr": ("eGFR", "estimated GFR"),
    "phq9": ("PHQ-9", "PHQ-9 score"),
    "gad7": ("GAD-7", "GAD-7 score"),
    "pain": ("pain score", "pain rating"),
}
MEASURE_HE: dict[str, str] = {
    "bp": "לחץ הדם",
    "bp_systolic": "לחץ הדם הסיסטולי",
    "weight": "המשקל",
    "heart_rate": "הדופק",
    "a1c": "ה-HbA1c",
    "ldl": "ה-LDL",
    "egfr": "ה-eGFR",
    "phq9": "ציון ה-PHQ-9",
    "gad7": "ציון ה-GAD-7",
    "pain": "ציון הכאב",
}
NUMBER_WORDS: dict[str, dict[int, str]] = {
    "en": {2: "two", 3: "three", 4: "four"},
    "he": {2: "שני", 3: "שלושת", 4: "ארבעת"},
}

# {pron} she/he, {poss} her/his, {obj} her/him; the rest per kind.
EN: dict[str, tuple[str, ...]] = {
    "latest": ("What was {poss} latest {m}?", "Latest {m}?", "Most recent {m}",
               "What is the most recent {m} on record?", "What was the last recorded {m}?"),
    "last_n": ("What were {poss} last {n} {m} readings?", "Last {n} {m} values?",
               "Show the {n} most recent {m} results.", "List {poss} last {n} {m} measurements."),
    "change_since": ("How has {poss} {m} changed since {d}?", "Change in {m} since {d}?",
                     "What happened to {poss} {m} since {d}?"),
    "change_between": ("How did {poss} {m} change between {d1} and {d2}?",
                       "Compare {m} on {d1} and {d2}.",
                       "What was the change in {m} from {d1} to {d2}?"),
    "med_first": ("When was {drug} first started?", "When was {drug} first prescribed?",
                  "When did {pron} start {drug}?", "First prescription of {drug}: when?"),
    "med_last": ("When was {drug} last prescribed?", "Most recent prescription of {drug}?",
                 "When was {drug} last ordered or renewed?",
                 "What is the last visit at which {drug} was prescribed?"),
    "prescribed_at": ("What was prescribed at the visit on {d}?",
                      "Which medications were started or continued on {d}?",
                      "What did we prescribe on {d}?", "Prescriptions from the {d} visit?"),
    "current_meds": ("What medications is {pron} on now?", "Current medications?",
                     "What is {pron} currently taking?", "List {poss} current meds."),
    "dx_first": ("When was {dx} first diagnosed?", "When was {pron} diagnosed with {dx}?",
                 "Date of the {dx} diagnosis?", "When was {dx} first recorded?"),
    "last_visit": ("When was the last visit?", "When did {pron} last come in?",
                   "Date of {poss} most recent session?", "When was {pron} last seen?"),
    "time_since": ("How long since the last visit?", "How many days since {pron} was last seen?",
                   "How long has it been since {poss} last appointment?",
                   "Time since {poss} last visit?"),
    "visits_iso": ("List the visits from {d1} to {d2}.", "Visits between {d1} and {d2}?",
                   "Which sessions took place between {d1} and {d2}?"),
    "visits_months": ("Visits between {m1} and {m2} {y}", "Which visits were there from {m1} "
                      "to {m2} {y}?", "When did {pron} come in between {m1} and {m2} {y}?"),
    "any_procedure": ("Any record of {proc}?", "Was {proc} ever performed?",
                      "When was {proc} done?", "Is there a note of {proc} being done?"),
    "any_referral": ("Was {pron} ever referred to {sp}?", "Any referral to {sp} on record?",
                     "When was {pron} referred to {sp}?"),
}  # fmt: skip

HE: dict[str, tuple[str, ...]] = {
    "latest": ("מה היה {m} האחרון?", "מהו ערך {m} העדכני ביותר?"),
    "last_n": ("מה היו {n} ערכי {m} האחרונים?", "מהם {n} ערכי {m} האחרונים?"),
    "change_since": ("איך השתנה {m} מאז {d}?", "מה השינוי ב{m} מאז {d}?"),
    "change_between": ("איך השתנה {m} בין {d1} ל-{d2}?",),
    "med_first": ("מתי התחיל הטיפול ב-{drug}?", "מתי נרשם {drug} לראשונה?"),
    "med_last": ("מתי נרשם {drug} בפעם האחרונה?", "מתי ניתן מרשם ל-{drug} לאחרונה?"),
    "prescribed_at": ("מה נרשם בביקור בתאריך {d}?",),
    "current_meds": ("אילו תרופות נוטל/ת כעת?",),
    "dx_first": ("מתי אובחן {dx} לראשונה?", "מתי נרשמה לראשונה האבחנה {dx}?"),
    "last_visit": ("מתי היה הביקור האחרון?", "מה התאריך של הביקור האחרון?"),
    "time_since": ("כמה זמן עבר מאז הביקור האחרון?", "כמה ימים עברו מהביקור האחרון?"),
    "visits_iso": ("אילו ביקורים היו בין {d1} ל-{d2}?", "פרט את הביקורים מ-{d1} עד {d2}."),
    "visits_months": ("אילו ביקורים היו בין {m1} ל-{m2} {y}?",),
    "any_procedure": ("האם יש תיעוד של {proc}?", "באילו תאריכים מתועד/ת {proc}?"),
    "any_referral": ("האם הייתה הפניה ל{sp}?", "האם יש תיעוד של הפניה ל{sp}?"),
}
