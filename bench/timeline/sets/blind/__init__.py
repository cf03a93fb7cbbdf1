"""A blind labelled set for the timeline extractor (`core.timeline.extract.extract`):
about 340 note fields (40% Hebrew) of six clinics, written without reading the extractor,
its lexicons or the other sets' generators, from how clinicians type notes. The earlier
held-out set (bench/timeline/sets/holdout/) had fixes made against its scores, so it is a
development set now; this one has not been tuned on. Keep it out of the tuning loop:
`bench/timeline/eval_blind.py` prints aggregates and causes, never a text.

data.json is the set (committed, so it never drifts); `python -m bench.timeline.sets.blind`
rewrites it from the generator (`generate.py`, seed SEED): a new set, whose first score is
the honest one. Each label keeps the span of the words it was read from (`start`, `end`,
`text`), so a label can be checked against its text.

How it is labelled (docs/timeline.md, where it speaks; this set's decision, where not):

Measurements: the value in the MEASURES unit, rounded to 2 decimals (lb x 0.45359237,
inches x 2.54, metres x 100, (°F - 32) x 5/9, cholesterols mmol/L x 38.67, glucose mmol/L
x 18.0, creatinine µmol/L / 88.4, HbA1c mmol/mol / 10.929 + 2.15); a value written without
a unit is in the MEASURES unit (mg/dL for lipids, glucose and creatinine). A blood pressure
is a systolic and a diastolic fact. No fact: a target or goal ("Target BP < 130/80"), an
earlier value quoted for comparison ("last month's pain 7/10", "HbA1c was 8.2% in March":
stored under this note's date it would be misdated, so this set labels it no fact), a
threshold in a conditional plan ("if BP remains > 140/90"), and things that are no MEASURES
key (RR, EF, TG, potassium, muscle power 4/5, grip strength in kg).

Flags: an unbelievable reading ("BP 1380/84", "HR 720", a systolic below its diastolic, a
PHQ-9 above 27) is a flag named after its measure ("bp" for a blood pressure) and no fact.

Medications: started (start, commence, initiate, new, Rx, add, trial of, להתחיל, התחלנו,
הוחל טיפול, הוספתי, and a patient's "started X a week ago"); stopped (stop, D/C, cease,
discontinue, came off, a patient's own stopping, הופסק, להפסיק); continued (continue, c/w,
remains on, no change, ממשיך, ללא שינוי, and a dose change: the drug goes on); listed (a
medication list, "on X", "takes X", נוטל, מקבל, מטופל ב). A switch is the old drug stopped
and the new started. No event: allergies, refusals, "not on", a drug offered or
considered, and a plan that waits on a condition ("If BP remains > 140/90, start X").
The name is the generic in English, whatever brand, typo or Hebrew spelling is written;
the dose as written is kept in the label (the scorer does not compare it).

Diagnoses: present (a complaint, a condition assessed now, an "Active problems" list);
negated (denies, no, ruled out, excluded, no evidence of, "no hx of", שולל, ללא, נשלל, אין
עדות ל; a "but"/"however"/"אבל" ends the negation, so what follows it is present);
history (ConText's historical: h/o, previous, s/p, "in 2014, resolved", בעבר, מצב לאחר, a
"PMH:", "Past history:", "רקע רפואי:" or "ברקע:" heading and the list it reaches). Under
such a heading a lasting condition (vocab.Condition.lasting, from clinical knowledge: a
chronic disease such as hypertension, asthma or gout, its year the onset) is present, as
docs/timeline.md's "Present or history" says; an event or acute illness (MI, PE,
pneumonia) and a condition that comes in episodes (depression, insomnia, low back pain)
is history. Until issue 27 this set labelled every condition of such a list history; its
labels were changed to the documented convention then, the texts unchanged. No
diagnosis: a family member's condition, "?X", "r/o X", "concerning for", a differential,
"return if X", "חשד ל", "לשלול"; examination findings.

Procedures: one done at the visit (ECG, spirometry, joint injection, dry needling, ear
syringing, suture removal, flu vaccine, echo, Holter, diabetic foot exam); one booked or
arranged at the visit ("book echo", "DN to be arranged", "לתאם הולטר") is a procedure fact
with status "ordered", as docs/timeline.md's "Procedures ordered" says (the scorer compares
a procedure's name only; until issue 27 this set labelled these no fact); one only due
later ("X at next visit", "plan X in 6/52", "לבצע X בהמשך", "repeat bloods in 3 months")
is no fact. A referral made
at the visit ("Refer to cardiology", "הפניה לקרדיולוג") is "referral: <specialty>"; one
only considered is none.

Visits: the type of the visit the note records (initial, follow-up, telehealth; a phone or
video visit is telehealth only); a next appointment ("F/U 2/52", "ביקור חוזר בעוד 3
חודשים") is no visit fact.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import LabelledField
from bench.timeline.kit.stored import expected_fact

DATA = Path(__file__).resolve().parent / "data.json"


@cache
def load() -> dict[str, Any]:
    """data.json as written: {"seed": ..., "fields": [...]}."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def fields() -> list[LabelledField]:
    """The set, in the scorer's types (bench.timeline.kit.scoring)."""
    return labelled(load())


def labelled(doc: dict[str, Any]) -> list[LabelledField]:
    """A blind set's data.json (this shape: set #3 writes it too) in the scorer's types."""
    return [
        LabelledField(
            id=f["id"],
            language=f["language"],
            field=f["field"],
            text=f["text"],
            expected=[expected_fact(x) for x in f["expected"]],
            expected_flags=[x["name"] for x in f["expected_flags"]],
        )
        for f in doc["fields"]
    ]


def seed() -> int:
    return int(load()["seed"])
