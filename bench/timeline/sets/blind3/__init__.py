"""Blind set #3 for the timeline extractor (`core.timeline.extract.extract`), issue 27: 342
note fields (40% Hebrew) of nine clinics the earlier sets do not keep (geriatrics,
nephrology, rheumatology, women's health, sports medicine, occupational therapy, addiction
psychiatry, the diabetes nurse clinic and a telehealth GP), written without reading the
extractor, its lexicons, the other sets' generators or their data; its author read only
core/timeline/types.py, docs/timeline.md, the scorer and the blind eval's loader. Keep it out
of the tuning loop: `python -m bench.timeline.eval_blind blind3`
prints aggregates and causes, never a
text. Once fixes are made against its causes it is a development set, as set #2 became.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind3`
rewrites it from the generator (`generate.py`, seed SEED), and the test checks that it
would write the same. Its vocabulary is data in this folder: clinicians' snippets in
clinics/<clinic>.toml (by language and field; clinics/order.toml deals them), the written
styles of each measure in styles_en.toml / styles_he.toml, what every clinic writes
(openers, flags, what is no fact, headings, layout marks) in shared.toml, each measure's
range in ranges.toml, names' aliases in aliases.toml. compose.py lays a field out (a heading
or none, lines, bullets, numbered or "#1" problem lists, a paragraph, vitals on one line).
Labels are written inline (markup.py), so each keeps the span of its words.

Labelling follows docs/timeline.md where it speaks. Where it is silent, this set decides:

Measurements: the value in the MEASURES unit from the number as written, to 2 decimals
(lb x 0.45359237, inches x 2.54, metres x 100, ft/in as inches, (°F - 32) x 5/9,
cholesterols mmol/L x 38.67, glucose mmol/L x 18.0, creatinine µmol/L / 88.4, HbA1c
mmol/mol / 10.929 + 2.15); a number with no unit is in the MEASURES unit (Israeli labs
report mg/dL). A blood pressure is a systolic and a diastolic fact, both spanning the
reading; a recheck in the same note is a second reading. A reading the patient reports from
home today or as a recent home average ("home BP log avg 138/84", "מדידות ל"ד בבית סביב",
"home glucose this am") is a fact. No fact: a target or goal, an earlier value quoted for
comparison ("was 84 kg at the start of the year", "(prev 7.9)", "last visit BP was 152/94",
"לעומת 12 בביקור הקודם"), a threshold in a conditional plan, and what is no MEASURES key
(grip strength in kg, MMSE, TUG, Schober, a figure-of-eight in cm, "F/U 4/52").

Flags: an unbelievable value (BP 1460/88, a systolic under its diastolic, HR 720, weight
7300 kg, SpO2 199%, T 373 or 3.7, height 1680 cm, BMI 274, HbA1c 71%, PHQ-9 over 27,
GAD-7 over 21, pain 15/10) is a flag named after its measure ("bp" for a pressure) and no
fact. A field can hold a flag beside a believable reading of the same measure.

Medications: the generic name in English whatever brand (Israeli ones too), Hebrew spelling
or prefix ("הגלוקומין") is written; names as bench/timeline/kit/same_drug.toml
reads them (paracetamol, salbutamol, levothyroxine, furosemide, insulin glargine, vitamin
d); alendronate, ferrous sulfate. Started: start, add, restart, commence, "Rx"/a plan line
with no verb, להתחיל, הוחל, הוספתי, לחדש, and a patient's "started X 3 weeks ago".
Stopped: stop, D/C, a patient who stopped or finished a course, הופסק, להפסיק, הפסיק(ה).
Continued: continue, renew (חידוש), no change, ממשיך, and a dose change (increase, reduce,
taper, titrate: the drug goes on). Listed: a medication list, "takes", "using", "on X",
מקבל, נוטל, a drug named in an assessment. A switch ("Switch ramipril to losartan", "במקום
X לעבור ל-Y") is the old stopped and the new started. No event: an allergy, a refusal, an
offer or a discussion ("Acamprosate offered, declined", "Biologic discussed"), "consider",
"not on", a plan that waits on a condition, a drug class ("NSAIDs", "OCP") and illicit
drugs.

Diagnoses, by the doc's present / history rule: a lasting condition is present wherever it
is listed (HTN, T2DM, CKD, dyslipidaemia, hypothyroidism, osteoporosis, RA, gout, asthma,
MS, Parkinson's, dementia, endometriosis, GERD, depression, opioid use disorder on OST), an
event under h/o, s/p, "מצב לאחר", "Post", בעבר or with its year is history (hip fracture
2019, TIA, DVT 2020, DKA, pyelonephritis 2019, stroke 2023, stress fracture 2022, kidney
stones 2010, pre-eclampsia 2016, a previous pneumonia, a past overdose), as is a condition
the note says is over ("in remission", "treated 2019, SVR", "resolved", "fully recovered").
Every event in a history field carries its own cue, so no label depends on a heading. A
symptom or an examination finding that names a condition (oedema, synovitis, rash) is
present; negated ones are denied, "no", "excluded", "ruled out", "no evidence of", שולל,
ללא, נשלל, אין עדות ל. No diagnosis: a family member's condition (with or without a
heading: "Mother and brother T2DM", "אשתו חולת COPD"), "?X", "r/o X", "concerning for",
"X vs Y" and "Differential:", "considered", "return if", "חשד ל", "לשלול", a questionnaire's
name ("depression screen"), an allergy's reaction, and a reason in a conditional plan.

Procedures: done at the visit (ECG, renal ultrasound, joint injection, cervical smear, IUD
insertion, dry needling, splint fabrication, diabetic foot exam); ordered at the visit
("Hand X-rays ordered", "MRI knee requested", "Pelvic US booked", "DEXA requested", "לבצע
DEXA", "הוזמן", "נקבע תור") with status "ordered". No fact: one recommended, declined,
not done, due later or waiting on a condition ("Recommend DEXA", "Mammogram due next
year", "if no better in 6 wks, consider PRP"), bloods at a later visit, and a past surgery
in the history ("ACL reconstruction R knee 2015", "PSH: cataract surgery"): the timeline's
procedure is an act of the visit. Referrals made at the visit are "referral: <specialty>",
including "Letter to GP" (the doc reads "letter to" as a referral); a conditional one
("Refer gynaecology if US shows fibroids") is none.

Visits: from the subjective's opener only (follow-up, initial, intake, telehealth); a phone
or video follow-up is telehealth alone; a subjective with no opener has no visit fact; a
next appointment in the plan is none.

Names: a diagnosis, procedure and referral carry aliases (names.py): other spellings,
abbreviations and Hebrew terms that count as the same name.

Relabelled after its first score, when it became a development set (issue 27): a denied
orthopnoea ("no orthopnoea", "ללא אורתופנאה") is a negated diagnosis and an itchy rash's
"itchy" is pruritus present, as docs/timeline.md reads a denied symptom and a complaint; the
set had left both unlabelled.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import LabelledField
from bench.timeline.sets.blind import labelled

HERE = Path(__file__).resolve().parent  # the set's data files are read from here
DATA = HERE / "data.json"


@cache
def load() -> dict[str, Any]:
    """data.json as written: {"seed": ..., "fields": [...]}."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def fields() -> list[LabelledField]:
    """The set, in the scorer's types (bench.timeline.kit.scoring)."""
    return labelled(load())


def seed() -> int:
    return int(load()["seed"])
