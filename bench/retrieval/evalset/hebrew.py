"""The Hebrew twin of the eval set: the same patients, visits and structured facts, with
the notes and the questions written from Hebrew templates.

Nothing is translated from the generator's English notes: each visit's Hebrew note is
written from its structured resources (reason, vitals, labs, medications, procedures,
imaging), the client's fields from the problem list, allergies and family history. The
questions are derived by the same rules as the English ones (`questions._groups`: a
value singles out its visits in the Hebrew text), then phrased in Hebrew. Paraphrased
questions ask with another Hebrew term than the note's (`hebrew_terms`). Drug, lab and
imaging names stay in Latin letters, as Israeli notes write them.

The Hebrew wordings (HE_PHRASES, HE_DATED, the notes' and client fields' templates) are
data/hebrew.toml beside this module.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any, get_args

from bench.retrieval.evalset.clinosim import SEED
from bench.retrieval.evalset.dated import Kind, ask_on_date, dated_readings, lab_name
from bench.retrieval.evalset.hebrew_terms import RELATIVES, VITALS, asked_form, note_form
from bench.retrieval.evalset.patients import Patient, Visit, coding
from bench.retrieval.evalset.questions import (
    CAP,
    DATED,
    PHRASES,
    STYLE,
    Question,
    Target,
    _client_candidates,
    _session_candidates,
)
from bench.retrieval.evalset.questions import _phrase as english_phrase
from bench.timeline.kit.vocab import VocabFile

SOAP = ("subjective", "objective", "assessment", "plan")
_FILE = VocabFile(Path(__file__).parent / "data" / "hebrew.toml")
HE_PHRASES = _FILE.lists("phrases")
if set(HE_PHRASES) != set(PHRASES):
    raise _FILE.wrong(("phrases",), f"the English set's templates: {list(PHRASES)}")
HE_DATED = _FILE.lists("dated")
if set(HE_DATED) != set(get_args(Kind)):
    raise _FILE.wrong(("dated",), f"one list for each kind of reading: {get_args(Kind)}")
_VITAL_READING = _FILE.texts("dated_vitals")


def _texts(table: str, *keys: str) -> dict[str, str]:
    return {key: _FILE.text(table, key) for key in keys}


_NOTE = _texts(
    "note", "no_reason", "bp", "exam", "exam_clear", "labs", "imaging", "impression",
    "impression_clear", "procedure",
)  # fmt: skip
_NOTE_CHOICES = {key: _FILE.strings("note", key) for key in ("reason", "medication", "follow_up")}
_VITAL_UNITS = _FILE.texts("note", "vital_units")
_CLIENT = _texts("client", "history", "unknown_onset", "allergy", "family", "relative")
_CRITICALITY = _FILE.texts("client", "criticality")


def _vital(name: str, value: str) -> str:
    return f"{VITALS.get(name, name)} {value}{_VITAL_UNITS.get(name, '')}"


def visit_note(v: Visit, rng: random.Random) -> dict[str, str]:
    """A visit's S/O/A/P in Hebrew, from its structured facts only."""
    reason = note_form(v.reason) if v.reason else None
    subjective = (
        rng.choice(_NOTE_CHOICES["reason"]).format(r=reason) if reason else _NOTE["no_reason"]
    )
    found = []
    if v.bp:
        found.append(_NOTE["bp"].format(bp=v.bp))
    found += [_vital(n, x) for n, x in v.vitals]
    objective = [_NOTE["exam"].format(found=", ".join(found)) if found else _NOTE["exam_clear"]]
    if v.labs:
        labs = ", ".join(f"{lab_name(n)} {x} {u}".strip() for n, x, u in v.labs)
        objective.append(_NOTE["labs"].format(labs=labs))
    objective += [_NOTE["imaging"].format(study=study) for study in v.imaging]
    assessment = _NOTE["impression"].format(r=reason) if reason else _NOTE["impression_clear"]
    plan = [rng.choice(_NOTE_CHOICES["medication"]).format(m=med) for med, _ in v.meds]
    plan += [_NOTE["procedure"].format(p=p) for p in v.procedures]
    plan.append(rng.choice(_NOTE_CHOICES["follow_up"]))
    return {
        "subjective": subjective,
        "objective": "\n".join(objective),
        "assessment": assessment,
        "plan": "\n".join(plan),
    }


def hebrew_patients(patients: list[Patient], seed: int = SEED) -> list[Patient]:
    """The same patients whose visits carry Hebrew notes (titles stay the SOAP names)."""
    out = []
    for p in patients:
        visits = []
        for v in p.visits:
            note = visit_note(v, random.Random(f"he-{seed}-{v.ext_id}"))
            sections = [(f.capitalize(), note[f]) for f in SOAP]
            visits.append(replace(v, sections=sections))
        out.append(replace(p, visits=visits))
    return out


def _history(p: Patient) -> str:
    lines = []
    for c in sorted(p.problems, key=lambda c: (c.get("onsetDateTime", ""), c["id"])):
        code = coding(c["code"])
        onset = c.get("onsetDateTime", "")[:10] or _CLIENT["unknown_onset"]
        name = note_form(code.get("display", ""))
        lines.append(_CLIENT["history"].format(name=name, code=code.get("code"), onset=onset))
    return "\n".join(lines)


def _notes(p: Patient) -> str:
    lines = []
    for a in p.allergies:
        name = a["code"].get("text") or coding(a["code"]).get("display", "")
        crit = _CRITICALITY.get(a.get("criticality", ""), "")
        lines.append(_CLIENT["allergy"].format(name=note_form(name), criticality=crit))
    for f in p.family:
        relation = coding(f.get("relationship") or {}).get("display", "")
        who = RELATIVES.get(relation, _CLIENT["relative"])
        conditions = f.get("condition", [])
        dx = ", ".join(note_form(coding(c["code"]).get("display", "")) for c in conditions)
        if dx:
            lines.append(_CLIENT["family"].format(who=who, conditions=dx))
    return "\n".join(lines)


def hebrew_doc(patients: list[Patient]) -> dict[str, Any]:
    """The chartside.v1 import of the Hebrew patients (from `hebrew_patients`)."""
    clients = [
        {
            "external_id": p.ext_id,
            "full_name": p.name,
            "date_of_birth": p.born,
            "medical_history": _history(p),
            "notes": _notes(p),
            "sessions": [
                {"external_id": v.ext_id, "date": v.date, **{f: v.field_text(f) for f in SOAP}}
                for v in p.visits
            ],
        }
        for p in patients
    ]
    return {"format": "chartside.v1", "clients": clients}


def _phrase(template: str, key: str, rng: random.Random) -> str:
    phrase = rng.choice(HE_PHRASES[template])
    if template == "lab_value":
        name, x = key.split("|")
        return phrase.format(name=lab_name(name), x=x)
    if template == "vital_value":
        name, x = key.split("|")
        return phrase.format(name=VITALS.get(name, name), x=x)
    if template in ("visit_reason", "diagnosis_alias", "family_history"):
        return phrase.format(x=asked_form(key))  # a paraphrase, as in English
    if template in ("diagnosis_onset", "allergy"):
        return phrase.format(x=note_form(key))
    return phrase.format(x=key)


def hebrew_questions(patients: list[Patient], seed: int = SEED) -> list[Question]:
    """Questions for the Hebrew patients, by the English set's rules and caps."""
    return twin_questions(patients, seed)[0]


def twin_questions(
    patients: list[Patient], seed: int = SEED
) -> tuple[list[Question], list[Question]]:
    """(Hebrew questions, English questions) about the Hebrew patients' notes: the same
    facts and targets asked twice, once from the Hebrew templates and once from the English
    set's (`questions.PHRASES`, `dated.ask_on_date`), as an English-speaking clinician of a
    Hebrew practice would ask. The English phrasing draws from a random stream of its own,
    so the Hebrew questions are the same with or without it."""
    rng = random.Random(f"he-{seed}")
    en_rng = random.Random(f"he-en-{seed}")
    he: list[Question] = []
    en: list[Question] = []

    def add(
        template: str, client: str, texts: tuple[str, str], targets: tuple[Target, ...]
    ) -> None:
        for out, prefix, text in ((he, "he", texts[0]), (en, "hen", texts[1])):
            out.append(
                Question(
                    id=f"{prefix}{len(out):04d}",
                    template=template,
                    style=STYLE[template],
                    client=client,
                    text=text,
                    targets=targets,
                )
            )

    for p in patients:
        by_template: dict[str, list[tuple[str, list[Target]]]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for template, key, targets in [*_session_candidates(p), *_client_candidates(p)]:
            if (template, key) not in seen:
                seen.add((template, key))
                by_template[template].append((key, targets))
        for template in HE_PHRASES:
            found = by_template.get(template, [])
            for key, targets in rng.sample(found, min(len(found), CAP.get(template, 1))):
                texts = (_phrase(template, key, rng), english_phrase(template, key, en_rng))
                add(template, p.ext_id, texts, tuple(targets))
    dated_rng = random.Random(f"he-dated-{seed}")
    for p in patients:
        readings = dated_readings(p)
        for template in DATED:
            found = [r for r in readings if f"{r.kind}_on_date" == template]
            if not found:
                continue
            r = dated_rng.choice(found)
            name = _VITAL_READING.get(r.name, r.name) if r.kind == "vital" else r.name
            text = dated_rng.choice(HE_DATED[r.kind]).format(name=name, day=r.day.isoformat())
            add(
                template,
                p.ext_id,
                (text, ask_on_date(r, en_rng)),
                (Target("session", r.visit.ext_id),),
            )
    return he, en
