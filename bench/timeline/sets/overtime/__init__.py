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

The set's vocabulary is data beside this module, read by tables.py: catalogue.toml
(drugs, conditions, procedures, specialties), patients.toml (names, profiles, the
measures' walks), notes_en.toml and notes_he.toml (how notes say things),
questions_en.toml and questions_he.toml (how questions ask). story.py draws each
patient's visits and writes the notes (`_Gen`, `Patient`); asking.py words the questions
and their answers (`_Asker`); this module puts them together as data.json.

    .venv/bin/python -m bench.timeline.sets.overtime   # rewrites data.json (seed SEED)

Once committed, data.json is what is scored (bench/timeline/eval_overtime.py);
regenerating it is a new set, and its first score is the honest one.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import Lang, OverTimeQuestion
from bench.timeline.sets.overtime.asking import PRESCRIBED, _Asker
from bench.timeline.sets.overtime.story import TODAY, Patient, T, _Gen
from bench.timeline.sets.overtime.tables import (
    ABSENT_EN,
    ABSENT_HE,
    ASK_EN,
    ASK_HE,
    CONDITIONS,
    DISTRACTORS_EN,
    DISTRACTORS_HE,
    DRUGS,
    DX_EN,
    DX_HE,
    EMPTY_EN,
    EMPTY_HE,
    FILLER_EN,
    FILLER_HE,
    HISTORY_EN,
    HISTORY_HE,
    LISTED_EN,
    LISTED_HE,
    MEASURE_EN,
    MEASURE_HE,
    MED_EN,
    MED_HE,
    NAMES,
    NUMBER_WORDS,
    PROCEDURES,
    PROFILES,
    PRONOUNS,
    READING_EN,
    READING_HE,
    REFER_EN,
    REFER_HE,
    SPECIALTIES,
    VISIT_EN,
    VISIT_HE,
    WALKS,
    Condition,
    Done,
    Drug,
    Profile,
)

__all__ = [
    "ABSENT_EN", "ABSENT_HE", "ASK_EN", "ASK_HE", "CONDITIONS", "DATA", "DISTRACTORS_EN",
    "DISTRACTORS_HE", "DRUGS", "DX_EN", "DX_HE", "EMPTY_EN", "EMPTY_HE", "FILLER_EN",
    "FILLER_HE", "HEBREW_KINDS", "HISTORY_EN", "HISTORY_HE", "KINDS", "LISTED_EN",
    "LISTED_HE", "MEASURE_EN", "MEASURE_HE", "MED_EN", "MED_HE", "NAMES", "NUMBER_WORDS",
    "PRESCRIBED", "PROCEDURES", "PROFILES", "PRONOUNS", "READING_EN", "READING_HE",
    "REFER_EN", "REFER_HE", "SEED", "SPECIALTIES", "TODAY", "VISIT_EN", "VISIT_HE", "WALKS",
    "Condition", "Done", "Drug", "Patient", "Profile", "T", "_Asker", "_Gen", "generate",
    "load", "write",
]  # fmt: skip

SEED = 7_204_915
DATA = Path(__file__).resolve().parent / "data.json"
# The kinds asked of every patient, in this order: each is a method of _Asker.
KINDS = (
    "latest", "last_n", "change", "med_first", "med_last", "prescribed_at", "current_meds",
    "dx_first", "last_visit", "visits_in_period", "time_since", "any_record", "absent",
)  # fmt: skip
HEBREW_KINDS = ("latest", "last_n", "change", "med_first", "dx_first", "last_visit",
                "time_since", "any_record", "absent")  # fmt: skip


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
