"""Blind set #4 for the timeline extractor (`core.timeline.extract.extract`), issue 27: 344
note fields (about 40% Hebrew) of thirteen clinics no earlier set keeps (pulmonology,
gastroenterology, neurology, dermatology, ENT, urology, oncology follow-up, a pain clinic,
emergency department discharge notes, home-care nursing, student health, speech therapy
and a dietitian), written without reading the extractor, its lexicons, the other sets'
generators or their data: its author read only core/timeline/types.py, docs/timeline.md,
the scorer and the blind eval's loader. Keep it out of the tuning loop:
`python -m bench.timeline.eval_blind blind4`
prints aggregates and counted causes, never a text. Once
fixes are made against its causes it is a development set, as sets #2 and #3 became.

data.json is the set, committed so it never drifts; `python -m bench.timeline.sets.blind4`
rewrites it from the generator (generate.py, seed SEED) and the test checks that it would
write the same. The clinicians' lines are in snippets/en.txt and snippets/he.txt (by clinic
and field, and what every clinic writes), each measure's written styles in
snippets/styles.txt (measures.py fills them), layout.py lays a field out (a heading or
none; lines, a paragraph, bullets, numbered, "#1" problems, a block carried forward; the
odd typo outside the labels). The rest of the set's words are data too, read by tables.py:
the clinics and what each measures (clinics.toml), what every clinic writes beside its own
lines and how often (extras.toml), the words around the measures and the flags
(phrases.toml), a layout's marks, headings and typos (layout.toml) and the ranges values
are drawn from (ranges.toml). Labels are written inline (markup.py), so each keeps its
span; a measure's style is its words with every number as "#".

Labelling follows docs/timeline.md where it speaks. Where it is silent, this set decides:

Measurements: the value in the MEASURES unit from the number as written, to 2 decimals
(measures.py: lb, inches, metres, °F, mmol/L for cholesterols and glucose, µmol/L
creatinine, mmol/mol HbA1c); a number with no unit is in the MEASURES unit. A blood
pressure is a systolic and a diastolic fact over the same words. A reading the patient
reports today or from this week's home log is a fact. A value in its own clause beside an
earlier one ("Wt 82 kg (prev 88)") is a fact, the earlier one not. No fact: FEV1, PSA, Hb,
ferritin, waist circumference, ESS, IPSS, SSI-4, a naming test's "38/60", "Power 5/5",
kPa on elastography, a weight change ("Wt down 4 kg", "ירדה כ-3 ק\"ג"), an angle that is
no range of motion, a threshold in a conditional plan and a target.

Flags: an unbelievable value (a BP over 1000 or with its systolic under its diastolic, HR
640, 7150 kg, T 386, SpO2 189%, 1710 cm, BMI 287, HbA1c 68%, pain 13/10, PHQ-9 over 27,
GAD-7 over 21, glucose 9800) is a flag named by its measure ("bp" for a pressure), no fact.

Medications: the generic name in English (names as bench/timeline/eval_blind.py's
same_drug.toml reads them; mesalazine, ferrous sulfate, vitamin d), whatever brand (Israeli
ones too: אומפרדקס, נורבסק, גלוקומין, מוקסיפן, טרמדקס, אומניק, פמרה, קסלודה, אטקנד) or Hebrew
spelling is written. Started: start, add, "trial of", "try", apply, Rx: lists and a plan
line with no verb, להתחיל, להוסיף, מרשם, and a patient who "started X 6 weeks ago".
Stopped: stop, a switch's old drug, a patient who stopped or completed/finished a course,
להפסיק, הפסיק(ה), סיים(ה). Continued: continue, המשך, and a dose change (increase, taper,
dose-reduce, להעלות, להוריד בהדרגה: the drug goes on). Listed: "on X", takes, uses,
Meds: lists, נוטל(ת), משתמש, a drug named in an assessment. No event: an allergy, a
refusal, an offer, a discussion ("Botox ... discussed", "הוסבר על"), "consider", "not on",
a plan that waits on a condition, a drug class (NSAIDs, triptans, steroids, "the pill").

Diagnoses, by the doc's present / history rule: complaints, symptoms and findings that
name a condition (cough, dyspnoea, wheeze, oedema, swelling, erythema, tremor) are present; a
lasting condition is present wherever it is listed (a chronic one's year is its onset:
"T2DM 2018", "UC dx 2014"); an event under h/o, s/p, "מצב לאחר", post-, בעבר or with its
year is history (PE 2018, CVA 2019, MI 2017, DVT 2022, #NOF 2022, melanoma in situ 2017),
as is a condition said to be over: resolved, in remission (Crohn's "in clinical remission",
colon cancer "in remission"), "as a child", outgrown. Every event in a history field
carries its own cue, so no label depends on a heading. A new event at this visit (TIA
3/52 ago, a fracture seen today) is present. Negated: denies, no, ללא, שולל, ruled out,
excluded, נשלל(ה), "no signs of", "ללא עדות ל". No diagnosis: a relative's condition,
"?X", "r/o X", "to exclude", "X vs Y", "Differential:", "DDx:", חשד ל, לשלול, "return if", an
allergy's reaction, a questionnaire's name ("Depression screen", "שאלון דיכאון"), a
reason in a conditional plan, a past surgery (appendicectomy, TURP 2020, FESS, TKR), and
smoking status (social history, not a diagnosis).

Procedures: done at the visit (spirometry, 6MWT, gastroscopy, Fibroscan, NCS, dermoscopy,
punch biopsy, cryotherapy, nasendoscopy, audiogram, laryngoscopy, bladder scan,
cystoscopy, urine dip, trigger point injections, ECG, CXR, X-ray, CT, dressing and
catheter changes, bedside swallow, FEES); ordered at the visit ("ordered", "requested",
"booked", "Book X", "to be booked", "Listed for", הוזמן, נקבע תור ל, לתאם, "לבצע X" with no
later time) with status "ordered" (the scorer matches procedures by name only). No fact:
recommended, declined, not done, due later, at the next visit, waiting on a condition, a
past surgery, examination (DRE, "Ears:"), and a test's result alone ("Troponin x2
negative", "Monospot positive"). Equipment ordered (a pressure mattress) is none.
Referrals made at the visit are "referral: <specialty>" ("Refer to", "Referred to",
"הפניה ל", "letter to GP", "מכתב לרופא המשפחה"), with no status; "referred by GP" in an
opener is the referrer's act, and a conditional one ("Refer back to ENT if ...") is none.

Visits: from the subjective's opener only: follow-up (F/U, review, returns, ביקור חוזר,
מעקב, ביקורת, בא למעקב), initial (new patient, first visit, intake, ביקור ראשון, פנייה
ראשונה, קבלה) and telehealth (phone, video, Zoom, שיחה טלפונית, ייעוץ בווידאו); a home
visit, "BIBA", "walk-in" or "פנה למיון" is none of them, and a subjective with no opener has
no visit fact.

Names: a diagnosis, procedure and referral carry aliases (names.py, and the words of
their span): other spellings, abbreviations and Hebrew terms that count as the same name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bench.timeline.sets.blind4.generate import SEED

DATA = Path(__file__).with_name("data.json")


def seed() -> int:
    return SEED


def records() -> list[dict[str, Any]]:
    """data.json as written: each field with its labels and their spans."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def fields() -> list[Any]:
    """The set as the scorer's LabelledField, each label an ExpectedFact."""
    from bench.timeline.kit.facts import LabelledField
    from bench.timeline.kit.stored import expected_fact

    return [
        LabelledField(
            r["id"], r["language"], r["field"], r["text"],
            [expected_fact(e) for e in r["expected"]], [f["name"] for f in r["flags"]],
        )
        for r in records()
    ]  # fmt: skip
