"""A second set of questions over time, written apart from bench/timeline/sets/labelled and kept
fixed: patients whose notes and questions a generator of its own wrote once (seed `SEED`),
committed as data.json, so the router and the answers are scored on wording they were not
fixed against.

Its own style throughout: notes that read as a clinician's free text (labels in other
forms, readings before or after their words, distractor targets and untracked vitals in
other units, brands for some drugs, medication lists in the history), other drugs,
conditions, procedures and specialties, and questions worded its own way ("Current
weight?", "Give me the last 3 systolic values", "Has her HbA1c gone up or down since
2 March 2024?", "Start date of ramipril?"), dates in questions as ISO or in words, about a
quarter of the patients in Hebrew.

Ground truth comes from what the generator wrote, never from the extractor. The kinds and
the scoring are those of bench/timeline/sets/labelled/questions.py and scoring.py (so both sets
measure the same thing): a tracked value is written in its canonical unit, as its
expected answer is; a drug counts as prescribed at a visit where it is started or
continued, never where it is only listed; a condition is first diagnosed where first
recorded as present, an earlier "no evidence of" not counting.

    .venv/bin/python -m bench.timeline.sets.overtime   # rewrites data.json (seed SEED)

Once committed, data.json is what is scored (bench/timeline/eval_overtime.py);
regenerating it is a new set, and its first score is the honest one.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from bench.timeline.kit.facts import Lang, OverTimeQuestion

T = TypeVar("T")
SEED = 7_204_915
TODAY = dt.date(2025, 9, 15)
DATA = Path(__file__).resolve().parent / "data.json"
KINDS = (
    "latest", "last_n", "change", "med_first", "med_last", "prescribed_at", "current_meds",
    "dx_first", "last_visit", "visits_in_period", "time_since", "any_record", "absent",
)  # fmt: skip
HEBREW_KINDS = ("latest", "last_n", "change", "med_first", "dx_first", "last_visit",
                "time_since", "any_record", "absent")  # fmt: skip
PRESCRIBED = ("started", "continued")


# -- what patients have ------------------------------------------------------------------
@dataclass(frozen=True)
class Drug:
    name: str  # generic, as an answer names it
    written: tuple[str, ...]  # how English notes write it (brands too)
    he: str
    doses: tuple[str, ...]


DRUGS = {
    d.name: d
    for d in (
        Drug("ramipril", ("ramipril", "Tritace"), "רמיפריל", ("2.5 mg", "5 mg", "10 mg")),
        Drug("bisoprolol", ("bisoprolol", "Concor"), "ביסופרולול", ("2.5 mg", "5 mg")),
        Drug("pantoprazole", ("pantoprazole", "Controloc"), "פנטופרזול", ("20 mg", "40 mg")),
        Drug("citalopram", ("citalopram", "Cipramil"), "ציטלופרם", ("10 mg", "20 mg")),
        Drug("duloxetine", ("duloxetine", "Cymbalta"), "דולוקסטין", ("30 mg", "60 mg")),
        Drug("pregabalin", ("pregabalin", "Lyrica"), "פרגבלין", ("75 mg", "150 mg")),
        Drug("allopurinol", ("allopurinol",), "אלופורינול", ("100 mg", "300 mg")),
        Drug("tamsulosin", ("tamsulosin", "Omnic"), "טמסולוסין", ("0.4 mg",)),
        Drug("simvastatin", ("simvastatin", "Simovil"), "סימבסטטין", ("20 mg", "40 mg")),
        Drug("apixaban", ("apixaban", "Eliquis"), "אפיקסבן", ("2.5 mg", "5 mg")),
        Drug("mirtazapine", ("mirtazapine", "Remeron"), "מירטזפין", ("15 mg", "30 mg")),
        Drug("celecoxib", ("celecoxib", "Celebrex"), "צלקוקסיב", ("100 mg", "200 mg")),
        Drug("dapagliflozin", ("dapagliflozin", "Forxiga"), "דפגליפלוזין", ("10 mg",)),
        Drug("sitagliptin", ("sitagliptin", "Januvia"), "סיטגליפטין", ("50 mg", "100 mg")),
        Drug("montelukast", ("montelukast", "Singulair"), "מונטלוקאסט", ("10 mg",)),
        Drug("buspirone", ("buspirone",), "בוספירון", ("5 mg", "10 mg")),
    )
}


@dataclass(frozen=True)
class Condition:
    name: str  # as a question names it
    en: str
    he: str


CONDITIONS = {
    c.name: c
    for c in (
        Condition("gout", "gout", "שיגדון"),
        Condition("atrial fibrillation", "atrial fibrillation", "פרפור פרוזדורים"),
        Condition("osteoporosis", "osteoporosis", "אוסטאופורוזיס"),
        Condition("copd", "COPD", "COPD"),
        Condition("migraine", "migraine", "מיגרנה"),
        Condition("fibromyalgia", "fibromyalgia", "פיברומיאלגיה"),
        Condition("hypertension", "hypertension", "יתר לחץ דם"),
        Condition("type 2 diabetes", "type 2 diabetes", "סוכרת סוג 2"),
        Condition("depression", "depression", "דיכאון"),
        Condition("benign prostatic hyperplasia", "BPH", "הגדלה שפירה של הערמונית"),
    )
}


@dataclass(frozen=True)
class Done:
    name: str  # what the question asks for
    en: tuple[str, ...]  # sentences saying it was done
    he: str
    question_en: str  # the words a question uses
    question_he: str


PROCEDURES = {
    p.name: p
    for p in (
        Done(
            "ecg",
            ("ECG performed - sinus rhythm.", "12-lead ECG done today, normal."),
            'בוצע אק"ג, קצב סינוס.',
            "an ECG",
            'אק"ג',
        ),
        Done(
            "spirometry",
            ("Spirometry done in clinic.", "Spirometry performed today."),
            "בוצעה ספירומטריה.",
            "spirometry",
            "ספירומטריה",
        ),
        Done(
            "joint aspiration",
            (
                "Knee aspirated under sterile conditions.",
                "Joint aspiration of the left knee performed.",
            ),
            "בוצעה שאיבת נוזל מהברך.",
            "a joint aspiration",
            "שאיבת נוזל מהברך",
        ),
        Done(
            "dexa scan",
            ("DEXA scan completed.", "Bone density scan done."),
            "בוצעה בדיקת צפיפות עצם.",
            "a DEXA scan",
            "בדיקת צפיפות עצם",
        ),
        Done(
            "ear irrigation",
            ("Ear syringing performed, wax cleared.", "Ear irrigation done today."),
            "בוצעה שטיפת אוזניים.",
            "ear irrigation",
            "שטיפת אוזניים",
        ),
    )
}
SPECIALTIES = {
    "rheumatology": ("rheumatology", "ראומטולוגיה"),
    "urology": ("urology", "אורולוגיה"),
    "cardiology": ("cardiology", "קרדיולוגיה"),
    "pulmonology": ("a pulmonologist", "רופא ריאות"),
    "psychiatry": ("psychiatry", "פסיכיאטריה"),
    "neurology": ("neurology", "נוירולוגיה"),
}


@dataclass(frozen=True)
class Profile:
    measures: tuple[str, ...]
    drugs: tuple[str, ...]
    conditions: tuple[str, ...]
    procedures: tuple[str, ...]
    specialties: tuple[str, ...]


PROFILES = (
    Profile(("bp", "weight"), ("ramipril", "bisoprolol", "simvastatin", "apixaban"),
            ("hypertension", "atrial fibrillation"), ("ecg",), ("cardiology",)),
    Profile(("a1c", "weight"), ("dapagliflozin", "sitagliptin", "simvastatin", "ramipril"),
            ("type 2 diabetes", "hypertension"), ("ecg",), ("cardiology",)),
    Profile(("phq9", "gad7"), ("citalopram", "mirtazapine", "buspirone", "pantoprazole"),
            ("depression", "migraine"), ("ecg",), ("psychiatry", "neurology")),
    Profile(("pain", "heart_rate"), ("pregabalin", "duloxetine", "celecoxib", "pantoprazole"),
            ("fibromyalgia", "gout"), ("joint aspiration",), ("rheumatology",)),
    Profile(("egfr", "bp"), ("allopurinol", "tamsulosin", "ramipril", "pantoprazole"),
            ("gout", "benign prostatic hyperplasia"), ("ear irrigation",), ("urology",)),
    Profile(("weight", "heart_rate"), ("montelukast", "bisoprolol", "pantoprazole", "citalopram"),
            ("copd", "osteoporosis"), ("spirometry", "dexa scan"), ("pulmonology",)),
)  # fmt: skip
# Measures' walks: start range, step, decimals, floor, ceiling.
WALKS = {
    "weight": (62.0, 104.0, 1.4, 1, 48.0, 130.0),
    "a1c": (6.6, 9.2, 0.35, 1, 5.4, 11.0),
    "egfr": (35.0, 80.0, 4.0, 0, 18.0, 100.0),
    "phq9": (8.0, 19.0, 3.0, 0, 0.0, 27.0),
    "gad7": (6.0, 16.0, 3.0, 0, 0.0, 21.0),
    "pain": (3.0, 8.0, 2.0, 0, 0.0, 10.0),
    "heart_rate": (58.0, 96.0, 7.0, 0, 48.0, 118.0),
}

# -- how notes say it ---------------------------------------------------------------------
READING_EN = {
    "bp": ("BP {s}/{d} mmHg (seated)", "blood pressure today {s}/{d}", "Sitting BP {s}/{d} mm Hg",
           "{s}/{d} mmHg right arm", "B/P: {s}/{d}"),
    "weight": ("Weight today {v} kg", "wt {v}kg", "Weighed {v} kg on clinic scales",
               "Body weight: {v} kg"),
    "a1c": ("HbA1c {v}%", "A1C came back at {v}%", "glycated haemoglobin {v} %",
            "Hb A1c result: {v}%"),
    "egfr": ("eGFR {v} mL/min/1.73m2", "estimated GFR {v}", "eGFR of {v}"),
    "phq9": ("PHQ-9 total {v}", "PHQ9 = {v}", "PHQ-9 score today: {v}/27"),
    "gad7": ("GAD-7 {v}", "GAD7 score {v}/21", "GAD-7 total {v}"),
    "pain": ("Pain {v}/10", "rates pain {v} out of 10", "NRS {v}/10"),
    "heart_rate": ("HR {v} bpm", "pulse {v} regular", "heart rate {v}/min"),
}  # fmt: skip
READING_HE = {
    "bp": ("לחץ דם {s}/{d}", 'ל"ד {s}/{d} ממ"כ'),
    "weight": ('משקל {v} ק"ג', 'שוקל {v} ק"ג'),
    "a1c": ("HbA1c {v}%", "המוגלובין מסוכרר {v}%"),
    "egfr": ("eGFR {v}",),
    "phq9": ("PHQ-9: {v}",),
    "gad7": ("GAD-7: {v}",),
    "pain": ("כאב {v}/10", "עוצמת כאב {v} מתוך 10"),
    "heart_rate": ("דופק {v}", "דופק {v} לדקה"),
}
DISTRACTORS_EN = ("Target BP < 130/80.", "Goal weight 75 kg.", "Aim HbA1c below 7%.",
                  "T 98.4F, RR 16.", "SpO2 97% RA.", "Temp 36.7 C.")  # fmt: skip
DISTRACTORS_HE = ("יעד לחץ דם מתחת ל-130/80.", "סטורציה 97%.", "חום 36.8.")
MED_EN = {
    "started": ("Commenced {drug} {dose} daily.", "New: {drug} {dose}.",
                "Rx {drug} {dose} once daily #30.", "Begin {drug} {dose}.",
                "Starting {drug} {dose} today."),
    "continued": ("Renew {drug} {dose}.", "{drug} {dose} - continue.", "Continue {drug}.",
                  "Refilled {drug} {dose}."),
    "stopped": ("Stop {drug}.", "{drug} discontinued (side effects).", "D/C {drug}.",
                "Discontinue {drug} today."),
}  # fmt: skip
MED_HE = {
    "started": ("להתחיל {drug} {dose}.", "התחלנו {drug} {dose}."),
    "continued": ("להמשיך {drug} {dose}.", "חידוש מרשם {drug}."),
    "stopped": ("להפסיק {drug}.", "הופסק {drug}."),
}
LISTED_EN = ("Taking {list}.", "Current meds: {list}.", "Meds reviewed: {list}.")
LISTED_HE = ("נוטל {list}.", "תרופות: {list}.")
DX_EN = {"present": ("Assessment: {dx}.", "Impression - {dx}.", "{dx} diagnosed today.",
                     "Dx: {dx}."),
         "negated": ("No evidence of {dx}.", "{dx} ruled out.")}  # fmt: skip
DX_HE = {"present": ("אבחנה: {dx}.",), "negated": ("אין עדות ל{dx}.",)}
REFER_EN = ("Referred to {sp}.", "Referral letter to {sp}.", "{sp} referral sent.")
REFER_HE = ("הפניה ל{sp}.",)
VISIT_EN = {"initial": ("New patient visit.", "First consultation."),
            "follow-up": ("Routine review.", "Follow-up.", "Seen for review."),
            "telehealth": ("Phone consultation.", "Video call today.")}  # fmt: skip
VISIT_HE = {"initial": ("ביקור ראשון.",), "follow-up": ("מפגש מעקב.",),
            "telehealth": ("שיחת וידאו.",)}  # fmt: skip
FILLER_EN = ("Feels about the same.", "Sleeping poorly this month.", "Came with her daughter.",
             "Walking daily.", "Discussed diet.")  # fmt: skip
FILLER_HE = ("מרגיש בסדר.", "ישן פחות טוב.", "הגיע עם בתו.")
NAMES = (("Hannah Brooks", "F", "en"), ("Omar Haddad", "M", "en"), ("Grace Liu", "F", "en"),
         ("Peter Novak", "M", "en"), ("Irene Costa", "F", "en"), ("Samuel Kent", "M", "en"),
         ("Lena Fischer", "F", "en"), ("דינה אברהם", "F", "he"), ("משה ביטון", "M", "he"),
         ("נועה שפירא", "F", "he"))  # fmt: skip
ABSENT_EN = (("lithium", "Has {pron} ever been on lithium?"),
             ("colonoscopy", "Was a colonoscopy ever done?"),
             ("psoriasis", "Any history of psoriasis?"),
             ("warfarin", "Any mention of warfarin in the notes?"))  # fmt: skip
ABSENT_HE = (("ליתיום", "האם נטל אי פעם ליתיום?"), ("קולונוסקופיה", "האם בוצעה קולונוסקופיה?"))


# -- questions -----------------------------------------------------------------------------
MEASURE_EN = {"bp": "blood pressure", "bp_systolic": "systolic pressure", "weight": "weight",
              "a1c": "HbA1c", "egfr": "eGFR", "phq9": "PHQ-9", "gad7": "GAD-7 score",
              "pain": "pain score", "heart_rate": "pulse"}  # fmt: skip
MEASURE_HE = {"bp": "לחץ הדם", "bp_systolic": "לחץ הדם הסיסטולי", "weight": "המשקל",
              "a1c": "ה-HbA1c", "egfr": "ה-eGFR", "phq9": "ה-PHQ-9", "gad7": "ה-GAD-7",
              "pain": "ציון הכאב", "heart_rate": "הדופק"}  # fmt: skip
ASK_EN = {
    "latest": ("What's {poss} most recent {m}?", "Current {m}?", "Last {m} reading on file?"),
    "last_n": ("Give me the last {n} {m} values", "Previous {n} {m} measurements?",
               "{Poss} {m} at the last {n} visits?"),
    "change": ("Has {poss} {m} gone up or down since {d}?", "{M} trend since {d}?"),
    "med_first": ("When did we first prescribe {drug}?", "Start date of {drug}?"),
    "med_last": ("Last time {drug} was prescribed?", "When was {drug} most recently renewed?"),
    "prescribed_at": ("Which drugs were prescribed on {d}?",
                      "Medications ordered at the {d} appointment?"),
    "current_meds": ("What is {pron} taking at the moment?", "Active medication list?"),
    "dx_first": ("When was {dx} first noted?", "Date {dx} was first diagnosed?"),
    "last_visit": ("When did we last see {obj}?", "Date of the last appointment?"),
    "time_since": ("How long ago was {poss} last visit?", "Days since the last session?"),
    "visits_in_period": ("Appointments between {d1} and {d2}?",
                         "Which dates did {pron} attend between {d1} and {d2}?"),
    "any_procedure": ("Has {pron} ever had {proc}?", "Any record of {proc} being done?"),
    "any_referral": ("Was {pron} ever sent to {sp}?", "Any referral to {sp} on file?"),
}  # fmt: skip
ASK_HE = {
    "latest": ("מה הערך האחרון של {m}?",),
    "last_n": ("מה היו {n} הערכים האחרונים של {m}?",),
    "change": ("איך השתנה {m} מאז {d}?",),
    "med_first": ("מתי הותחל {drug}?",),
    "dx_first": ("מתי אובחנה {dx} לראשונה?",),
    "last_visit": ("מתי היה המפגש האחרון?",),
    "time_since": ("כמה זמן עבר מהמפגש האחרון?",),
    "any_procedure": ("האם בוצעה אי פעם {proc}?",),
    "any_referral": ("האם הייתה אי פעם הפניה ל{sp}?",),
}
NUMBER_WORDS = {2: "two", 3: "three", 4: "four"}


@dataclass
class Patient:
    external_id: str
    name: str
    sex: str
    lang: str
    dates: list[dt.date]
    kinds: list[str]
    readings: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    meds: list[tuple[int, str, str]] = field(default_factory=list)  # visit, drug, status
    roles: dict[str, str] = field(default_factory=dict)
    dx: list[tuple[int, str, str]] = field(default_factory=list)
    done: list[tuple[int, str]] = field(default_factory=list)
    notes: list[dict[str, str]] = field(default_factory=list)
    history: str = ""


class _Gen:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.turns: dict[str, int] = {}

    def pick(self, key: str, options: tuple[T, ...]) -> T:
        """Options in turn, each list from a random place: every wording comes round."""
        n = self.turns.setdefault(key, self.rng.randrange(len(options)))
        self.turns[key] = n + 1
        return options[n % len(options)]

    # -- the patient's story -----------------------------------------------------------
    def patient(self, i: int) -> Patient:
        r = self.rng
        name, sex, lang = NAMES[i]
        profile = PROFILES[i % len(PROFILES)]
        n = r.randint(7, 12)
        day = dt.date(2021, 1, 4) + dt.timedelta(days=r.randint(0, 400))
        dates = []
        for _ in range(n):
            dates.append(day)
            day += dt.timedelta(days=r.randint(35, 110))
        # The last visit a few weeks before "today".
        shift = TODAY - dt.timedelta(days=r.randint(6, 70)) - dates[-1]
        dates = [d + shift for d in dates]
        kinds = ["initial"] + [
            "telehealth" if 0 < v < n - 1 and r.random() < 0.15 else "follow-up"
            for v in range(1, n)
        ]
        p = Patient(f"oth-{i + 1:02d}", name, sex, lang, dates, kinds)
        in_person = [v for v in range(n) if kinds[v] != "telehealth"]
        for m in profile.measures:
            when = sorted(
                {in_person[0], in_person[-1]} | {v for v in in_person if r.random() < 0.8}
            )
            p.readings[m] = [
                (v, text) for v, text in zip(when, self._walk(m, len(when)), strict=True)
            ]
        self._meds(p, list(profile.drugs), n)
        late, first = r.sample(list(profile.conditions), 2)
        negated_at = r.randint(0, 1)
        diagnosed_at = r.randint(negated_at + 2, n // 2 + 1)
        again = [(v, first, "present") for v in range(1, n) if r.random() < 0.25]
        first_events = [(negated_at, late, "negated"), (diagnosed_at, late, "present")]
        p.dx = sorted([*first_events, (0, first, "present"), *again])
        proc = r.choice(profile.procedures)
        p.done = [(v, proc) for v in sorted(r.sample(range(1, n), r.randint(1, 2)))]
        p.done.append((r.randint(1, n - 1), f"referral: {r.choice(profile.specialties)}"))
        p.done.sort()
        for v in range(n):
            p.notes.append(self._note(p, v))
        p.history = self._history(p)
        return p

    def _walk(self, m: str, n: int) -> list[str]:
        r = self.rng
        if m == "bp":
            s, d = r.randint(126, 168), r.randint(72, 98)
            out = []
            for _ in range(n):
                out.append(f"{s}/{d}")
                s = min(176, max(104, s + r.randint(-10, 8)))
                d = min(104, max(60, min(s - 30, d + r.randint(-6, 5))))
            return out
        lo, hi, step, decimals, floor, ceiling = WALKS[m]
        v = r.uniform(lo, hi)
        out = []
        for _ in range(n):
            out.append(f"{v:.{decimals}f}")
            v = min(ceiling, max(floor, v + r.uniform(-step, step)))
        return out

    def _meds(self, p: Patient, drugs: list[str], n: int) -> None:
        r = self.rng
        r.shuffle(drugs)
        steady, renewed, stopped, late = drugs
        p.roles = {"steady": steady, "renewed": renewed, "stopped": stopped, "late": late}
        ev = [(0, steady, "started")]
        ev += [(v, steady, "continued") for v in range(1, n) if r.random() < 0.4]
        s = r.randint(0, 1)
        last = r.randint(s + 2, n - 3)
        ev.append((s, renewed, "started"))
        ev += [(v, renewed, "continued") for v in range(s + 1, last) if r.random() < 0.5]
        ev.append((last, renewed, "continued"))
        ev += [(v, renewed, "listed") for v in range(last + 1, n) if r.random() < 0.7]
        s = r.randint(1, max(1, n // 2 - 1))
        end = r.randint(s + 1, n - 2)
        ev.append((s, stopped, "started"))
        ev.append((end, stopped, "stopped"))
        ev.append((r.randint(n - 2, n - 1), late, "started"))
        p.meds = sorted(set(ev))

    def _drug(self, p: Patient, name: str) -> str:
        d = DRUGS[name]
        return d.he if p.lang == "he" else self.pick(f"brand:{name}", d.written)

    def _reading(self, p: Patient, m: str, text: str) -> str:
        table = READING_HE if p.lang == "he" else READING_EN
        template = self.pick(f"r:{p.lang}:{m}", table[m])
        if m == "bp":
            s, d = text.split("/")
            return template.format(s=s, d=d)
        return template.format(v=text)

    def _note(self, p: Patient, v: int) -> dict[str, str]:
        r, he = self.rng, p.lang == "he"
        doses = {name: DRUGS[name].doses[len(name) % len(DRUGS[name].doses)] for name in DRUGS}
        # Subjective: the visit, a filler, what is listed as taken.
        subj = [
            self.pick(f"visit:{p.lang}:{p.kinds[v]}", (VISIT_HE if he else VISIT_EN)[p.kinds[v]])
        ]
        listed = [d for ev, d, st in p.meds if ev == v and st == "listed"]
        if listed:
            items = ", ".join(f"{self._drug(p, d)} {doses[d]}" for d in listed)
            subj.append(
                self.pick(f"list:{p.lang}", LISTED_HE if he else LISTED_EN).format(list=items)
            )
        if r.random() < 0.6:
            subj.append(self.pick(f"fill:{p.lang}", FILLER_HE if he else FILLER_EN))
        # Objective: readings in any order, distractors among them.
        obj: list[str] = []
        for m, series in p.readings.items():
            obj += [self._reading(p, m, text) for ev, text in series if ev == v]
        if p.kinds[v] != "telehealth" and r.random() < 0.7:
            obj.insert(
                r.randrange(len(obj) + 1),
                self.pick(f"dist:{p.lang}", DISTRACTORS_HE if he else DISTRACTORS_EN),
            )
        r.shuffle(obj)
        obj = [o.rstrip(".") for o in obj]
        if p.kinds[v] == "telehealth" and not obj:
            obj = ["ללא בדיקה" if he else "Not examined (remote)"]
        # Assessment and plan.
        ass = [
            self.pick(f"dx:{p.lang}:{st}", (DX_HE if he else DX_EN)[st]).format(
                dx=CONDITIONS[c].he if he else CONDITIONS[c].en
            )
            for ev, c, st in p.dx
            if ev == v
        ]
        plan = [
            self.pick(f"med:{p.lang}:{st}", (MED_HE if he else MED_EN)[st]).format(
                drug=self._drug(p, d), dose=doses[d]
            )
            for ev, d, st in p.meds
            if ev == v and st != "listed"
        ]
        for ev, name in p.done:
            if ev != v:
                continue
            if name.startswith("referral: "):
                sp = SPECIALTIES[name.removeprefix("referral: ")]
                template = self.pick(f"ref:{p.lang}", REFER_HE if he else REFER_EN)
                text = template.format(sp=sp[1] if he else sp[0])
                plan.append(text[:1].upper() + text[1:])
            else:
                proc = PROCEDURES[name]
                done = proc.he if he else self.pick(f"proc:{name}", proc.en)
                obj.append(done.rstrip("."))
        r.shuffle(plan)
        sep = "\n" if r.random() < 0.5 else " "
        fix = [s[:1].upper() + s[1:] for s in plan]
        joiner = r.choice([". ", ".\n", "; "])
        return {
            "subjective": sep.join(subj),
            "objective": joiner.join(obj) + ("." if obj else ""),
            "assessment": " ".join(ass) or ("ללא שינוי." if he else "Stable."),
            "plan": sep.join(fix) or ("המשך מעקב." if he else "Review as needed."),
        }

    def _history(self, p: Patient) -> str:
        others = [
            c
            for c in CONDITIONS
            if c not in {x for _, x, _ in p.dx}
            and not (p.sex == "F" and c == "benign prostatic hyperplasia")
        ]
        c = self.rng.choice(others)
        cond = CONDITIONS[c]
        return f"ברקע: {cond.he}." if p.lang == "he" else f"PMH: {cond.en}."

    def to_json(self, p: Patient) -> dict[str, Any]:
        return {
            "external_id": p.external_id,
            "full_name": p.name,
            "medical_history": p.history,
            "notes": "",
            "sessions": [
                {"external_id": f"{p.external_id}-s{v + 1:02d}",
                 "date": f"{d.isoformat()}T09:15:00", **p.notes[v]}
                for v, d in enumerate(p.dates)
            ],
        }  # fmt: skip


class _Asker:
    def __init__(self, g: _Gen, p: Patient) -> None:
        self.g, self.p = g, p
        self.he = p.lang == "he"
        f = p.sex == "F"
        self.words = {"pron": "she" if f else "he", "poss": "her" if f else "his",
                      "obj": "her" if f else "him"}  # fmt: skip

    def sid(self, v: int) -> str:
        return f"{self.p.external_id}-s{v + 1:02d}"

    def day(self, v: int) -> str:
        return self.p.dates[v].isoformat()

    def say(self, kind: str, **kw: str) -> str:
        table = ASK_HE if self.he else ASK_EN
        text = self.g.pick(f"q:{self.p.lang}:{kind}", table[kind])
        words = {**self.words, "Poss": self.words["poss"].capitalize(), **kw}
        if "m" in kw:
            words["M"] = kw["m"][:1].upper() + kw["m"][1:]
        out = text.format(**words)
        return out[:1].upper() + out[1:]

    def date_words(self, d: dt.date) -> str:
        if self.he:
            return d.isoformat()
        form = self.g.pick("dateform", ("iso", "dmy", "mdy"))
        return {
            "iso": d.isoformat(),
            "dmy": f"{d.day} {d:%B %Y}",
            "mdy": f"{d:%B} {d.day}, {d.year}",
        }[form]

    def measure_name(self, m: str) -> str:
        return (MEASURE_HE if self.he else MEASURE_EN)[m]

    def series(self, m: str) -> list[tuple[int, str]]:
        if m == "bp_systolic":
            return [(v, t.split("/")[0]) for v, t in self.p.readings["bp"]]
        return self.p.readings[m]

    def tracked(self, turn: str, systolic: bool) -> str:
        m = self.g.pick(f"m:{turn}:{self.p.external_id}", tuple(sorted(self.p.readings)))
        return "bp_systolic" if m == "bp" and systolic else m

    def latest(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("latest", systolic=False)
        v, text = self.p.readings[m][-1]
        return self.say("latest", m=self.measure_name(m)), text.split("/"), [self.sid(v)], {}

    def last_n(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("last_n", systolic=True)
        s = self.series(m)
        n = min(len(s), self.g.rng.randint(2, 4))
        count = str(n) if self.he or self.g.rng.random() < 0.5 else NUMBER_WORDS[n]
        q = self.say("last_n", m=self.measure_name(m), n=count)
        return q, [t for _, t in s[-n:]], [self.sid(v) for v, _ in s[-n:]], {"measure": m}

    def change(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        m = self.tracked("change", systolic=True)
        s = self.series(m)
        i = self.g.rng.randrange(0, len(s) - 1)
        d = self.p.dates[s[i][0]]
        q = self.say("change", m=self.measure_name(m), d=self.date_words(d))
        picked = [s[i], s[-1]]
        return q, [t for _, t in picked], [self.sid(v) for v, _ in picked], {}

    def drug_words(self, name: str) -> str:
        return DRUGS[name].he if self.he else name

    def med_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        drug = self.p.roles[self.g.pick("first-role", ("steady", "stopped", "late", "renewed"))]
        v = min(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return self.say("med_first", drug=self.drug_words(drug)), [self.day(v)], [self.sid(v)], {}

    def med_last(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        drug = self.p.roles[self.g.pick("last-role", ("renewed", "renewed", "stopped"))]
        v = max(ev for ev, d, st in self.p.meds if d == drug and st in PRESCRIBED)
        return self.say("med_last", drug=drug), [self.day(v)], [self.sid(v)], {}

    def prescribed_at(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        by_visit: dict[int, set[str]] = {}
        for v, d, st in self.p.meds:
            if st in PRESCRIBED:
                by_visit.setdefault(v, set()).add(d)
        v = self.g.rng.choice(sorted(by_visit))
        q = self.say("prescribed_at", d=self.date_words(self.p.dates[v]))
        return q, sorted(by_visit[v]), [self.sid(v)], {}

    def current_meds(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        last: dict[str, tuple[int, str]] = {}
        for v, d, st in self.p.meds:
            last[d] = (v, st)
        current = sorted(d for d, (_, st) in last.items() if st != "stopped")
        return (
            self.say("current_meds"),
            current,
            sorted({self.sid(last[d][0]) for d in current}),
            {},
        )

    def dx_first(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        negated = {c for _, c, st in self.p.dx if st == "negated"}
        cond = sorted(negated)[0] if self.g.rng.random() < 0.7 else self.p.dx[0][1]
        v = min(ev for ev, c, st in self.p.dx if c == cond and st == "present")
        c = CONDITIONS[cond]
        q = self.say("dx_first", dx=c.he if self.he else c.en)
        return q, [self.day(v)], [self.sid(v)], {}

    def last_visit(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.dates) - 1
        return self.say("last_visit"), [self.day(v)], [self.sid(v)], {}

    def time_since(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        v = len(self.p.dates) - 1
        return self.say("time_since"), [self.day(v)], [self.sid(v)], {"today": TODAY.isoformat()}

    def visits_in_period(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        dates = self.p.dates
        i = self.g.rng.randrange(1, len(dates) - 3)
        start = dates[i] - dt.timedelta(days=self.g.rng.randint(1, 9))
        end = dates[i + 1] + dt.timedelta(days=self.g.rng.randint(1, 9))
        inside = [k for k, d in enumerate(dates) if start <= d <= end]
        q = self.say("visits_in_period", d1=self.date_words(start), d2=self.date_words(end))
        return q, [self.day(k) for k in inside], [self.sid(k) for k in inside], {}

    def any_record(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        names = sorted({n for _, n in self.p.done})
        name = self.g.pick(f"rec:{self.p.external_id}", tuple(names))
        at = [v for v, n in self.p.done if n == name]
        if name.startswith("referral: "):
            sp = SPECIALTIES[name.removeprefix("referral: ")]
            q = self.say("any_referral", sp=sp[1] if self.he else sp[0].removeprefix("a "))
        else:
            proc = PROCEDURES[name]
            q = self.say("any_procedure", proc=proc.question_he if self.he else proc.question_en)
        return q, [self.day(v) for v in at], [self.sid(v) for v in at], {}

    def absent(self) -> tuple[str, list[str], list[str], dict[str, Any]]:
        text = " ".join([self.p.history, *(" ".join(n.values()) for n in self.p.notes)]).lower()
        pool = ABSENT_HE if self.he else ABSENT_EN
        for _ in pool:
            term, q = self.g.pick(f"absent:{self.p.lang}", pool)
            if term not in text:
                return q.format(**self.words), [], [], {"absent": True}
        raise AssertionError(f"every absent term is in {self.p.external_id}'s notes")


def generate(seed: int = SEED) -> dict[str, Any]:
    """The import, the questions and "today", as data.json holds them."""
    g = _Gen(seed)
    patients = [g.patient(i) for i in range(len(NAMES))]
    questions: list[OverTimeQuestion] = []
    for p in patients:
        asker = _Asker(g, p)
        kinds = HEBREW_KINDS if p.lang == "he" else KINDS
        for kind in kinds:
            text, values, sessions, extra = getattr(asker, kind)()
            qid = f"oq-{len(questions) + 1:03d}"
            lang: Lang = "he" if p.lang == "he" else "en"
            asked = (qid, p.external_id, text, kind, values, sessions)
            questions.append(OverTimeQuestion(*asked, language=lang, **extra))
    return {
        "seed": seed,
        "today": TODAY.isoformat(),
        "doc": {"format": "chartside.v1", "clients": [g.to_json(p) for p in patients]},
        "questions": [asdict(q) for q in questions],
    }


def load() -> dict[str, Any]:
    """The committed set (data.json): what is scored."""
    return json.loads(DATA.read_text(encoding="utf-8"))


def write() -> Path:
    DATA.write_text(json.dumps(generate(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return DATA
