"""Labelled note fields for scoring the timeline extractor (`core.timeline.extract`).

A seeded, deterministic generator writes free-text fields (subjective, objective,
assessment, plan, medical history) in English and Hebrew, the way clinicians write them:
vitals lists, lab lines, questionnaire scores, medication orders and lists, problems with
negation and history, procedures, referrals and the visit's type, among sentences that
state no fact. Each field comes with every fact a correct extractor reads from it. What
each field mentions, and how often each comes up, is fields.toml's; the words, vocab.toml's.

What counts as a fact (the rules the labels follow):
- A value explicitly about a target or goal is NOT a fact ("target BP < 130/80",
  "goal A1c under 7%", "aim for weight below 80 kg"); nor is a measure named without a
  value ("recheck BP in 2 weeks").
- A reported value IS a fact of the note it is written in ("last month pain was 8/10", a
  symptom over the month up to now; "home BP readings around 135/85"), but one dated
  before the visit is not ("reports she weighed 82 kg three months ago": under this note's
  date it would be misdated; a fact until issue 27, docs/timeline.md).
- A reading no body could have ("BP 1280/82", "weight 8200 kg") is a Flag on that measure
  and no fact at all, not even the believable half of a blood pressure.
- A blood pressure is two facts, bp_systolic and bp_diastolic, of one mention.
- Values are converted to the units of MEASURES: lb x 0.45359237 -> kg; °F -> °C;
  in x 2.54, ft/in and m -> cm; cholesterol (LDL, HDL, total) mmol/L x 38.67 -> mg/dL;
  glucose mmol/L x 18.0 -> mg/dL; creatinine umol/L / 88.4 -> mg/dL.
- A drug is its lower-case generic English name, from Hebrew too (סרטרלין -> sertraline).
  Status: started (start, begin, initiated, new Rx, התחיל), stopped (stop, d/c,
  discontinue, הפסיק), continued (cont., continue, ממשיך), listed (named in a list of what
  the patient takes: "Meds: ...", "תרופות: ...", "Takes ...").
- A diagnosis is present (assessment, Dx, diagnosed with), negated (denies, no history of,
  ruled out, negative for, שולל) or history (h/o, history of, PMH, ברקע). Under those
  background cues a lasting condition (`Condition.lasting`: hypertension, diabetes,
  asthma ...) is still present: only what is over is history (docs/timeline.md).
- A procedure is what was done ("knee injection"); a referral is the procedure
  "referral: <specialty>"; a visit is its type: "follow-up", "initial" or "telehealth".
  "Follow up in 4 weeks" in a plan is not this visit's type.

Matching (bench.timeline.kit.scoring), one extracted fact to at most one expected fact of
the same field:
- measurement: same name, same unit (the MEASURES unit), and values within 0.051 of each
  other after both are rounded to one decimal (or as they are: 1.65 matches 1.652);
- medication: same name (lower case, trimmed) and same status;
- diagnosis: same status, and the names equal after normalisation (`scoring.norm_name`:
  lower case, punctuation and hyphens to spaces, "of", "the", "disease", "disorder",
  "mellitus" dropped, British spelling as American: "anaemia" is "anemia") or one's
  words a subset of the other's ("diabetes" ~ "type 2 diabetes"), against the expected
  name or any of its aliases (its Hebrew forms and abbreviations: "HTN", "T2DM", "יתר לחץ
  דם");
- procedure: the names equal after the same normalisation ("referral to X" reads as
  "referral: X"), against the name or an alias;
- visit: the name equal after normalisation, or one of its aliases ("follow up").
A flag matches an expected flag on the same measure; a blood pressure's flag may name
either half ("bp", "bp_systolic" or "bp_diastolic").
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Container
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import FIELD_NAMES, LabelledField, Lang
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.labelled.measures import GROUP_MEASURES
from bench.timeline.sets.labelled.vocab import (
    CONDITIONS,
    DRUGS,
    DX_EN,
    LIST_LABELS,
    MED_EN,
    PROCEDURES,
    SPECIALTIES,
    VISITS_EN,
)
from bench.timeline.sets.labelled.writer import Piece, Writer, join, vitals_label

SEED = 20240611
N_FIELDS = 400
HEBREW_SHARE = 0.3

_DATA = VocabFile(Path(__file__).with_name("fields.toml"))


def _weights() -> tuple[int, ...]:
    if tuple(_DATA.table("weights")) != FIELD_NAMES:
        raise _DATA.wrong(
            ("weights",), f"a weight for each of {', '.join(FIELD_NAMES)}, in that order"
        )
    return tuple(_DATA.whole("weights", name) for name in FIELD_NAMES)


def _groups(field: str) -> tuple[str, ...]:
    groups = _DATA.strings("groups", field)
    _DATA.known(groups, GROUP_MEASURES, "groups", field)
    return groups


def _turns(key: str, allowed: Container[str]) -> tuple[str, ...]:
    names = _DATA.strings("turns", key)
    _DATA.known(names, allowed, "turns", key)
    return names


# How often each field comes up, in the order of FIELD_NAMES.
_FIELD_WEIGHTS = _weights()
# Which measure groups each field mentions.
SUBJECTIVE_GROUPS = _groups("subjective")
VITALS_GROUPS = _groups("vitals")
LAB_GROUPS = _groups("labs")
ASSESSMENT_GROUPS = _groups("assessment")
# What the fields name in turn: visit types, diagnosis and prescription statuses.
VISIT_TURNS = _turns("visit", VISITS_EN)
DX_STATUS_TURNS = _turns("diagnosis", DX_EN)
MED_STATUSES = _turns("medication", MED_EN)


class _Composer:
    """Writes fields one by one, keeping measure groups, drugs and conditions in balance
    across the whole set."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.w = Writer(self.rng)
        self.used: Counter[tuple[str, Lang]] = Counter()

    def _groups(self, allowed: tuple[str, ...], lang: Lang, n: int) -> list[str]:
        # The least-mentioned groups first (ties at random): every style comes round.
        ranked = sorted(allowed, key=lambda g: (self.used[(g, lang)], self.rng.random()))
        chosen = ranked[:n]
        for g in chosen:
            self.used[(g, lang)] += 1
        return chosen

    def _measures(self, allowed: tuple[str, ...], lang: Lang, n: int) -> list[Piece]:
        return [self.w.measure(g, lang) for g in self._groups(allowed, lang, n)]

    def _drug(self) -> Any:
        return DRUGS[int(self.w.turn(("drug",), [str(i) for i in range(len(DRUGS))]))]

    def _cond(self, symptom: bool) -> Any:
        pool = [c for c in CONDITIONS if c.symptom == symptom]
        return pool[int(self.w.turn(("cond", str(symptom)), [str(i) for i in range(len(pool))]))]

    def _noise(self, lang: Lang, n: int, where: str = "any") -> list[Piece]:
        return [self.w.noise(lang, where) for _ in range(n)]

    def subjective(self, lang: Lang) -> list[Piece]:
        r = self.rng
        pieces: list[Piece] = []
        if r.random() < 0.8:
            kind = self.w.turn(("visitkind",), VISIT_TURNS)
            pieces.append(self.w.visit(kind, lang))
        pieces += self._measures(SUBJECTIVE_GROUPS, lang, r.randint(1, 3))
        if r.random() < 0.5:
            pieces.append(self.w.dx(self._cond(True), "negated", lang))
        if r.random() < 0.35:
            pieces.append(self.w.med_list(self._distinct_drugs(r.randint(1, 3)), lang))
        return pieces + self._noise(lang, r.randint(0, 2))

    def objective(self, lang: Lang) -> tuple[list[Piece], str]:
        r = self.rng
        labs = r.random() < 0.35
        groups = LAB_GROUPS if labs else VITALS_GROUPS
        pieces = self._measures(groups, lang, r.randint(2, 5))
        if r.random() < 0.3:
            pieces.insert(r.randrange(len(pieces) + 1), self.w.implausible(lang))
        if r.random() < 0.2:
            pieces.append(self.w.procedure(self._procedure(), lang))
        return pieces + self._noise(lang, r.randint(0, 1)), vitals_label(lang, labs)

    def assessment(self, lang: Lang) -> list[Piece]:
        r = self.rng
        pieces: list[Piece] = []
        for _ in range(r.randint(1, 3)):
            status = self.w.turn(("dxstatus",), DX_STATUS_TURNS)
            pieces.append(self.w.dx(self._cond(False), status, lang))
        pieces += self._measures(ASSESSMENT_GROUPS, lang, r.randint(0, 2))
        return pieces + self._noise(lang, r.randint(0, 1))

    def plan(self, lang: Lang) -> list[Piece]:
        r = self.rng
        pieces = [
            self.w.med(d, self.w.turn(("medstatus",), MED_STATUSES), lang)
            for d in self._distinct_drugs(r.randint(1, 3))
        ]
        if r.random() < 0.4:
            sp = self.w.turn(("specialty",), [s for s, _ in SPECIALTIES])
            pieces.append(self.w.referral(sp, lang))
        if r.random() < 0.2:
            pieces.append(self.w.procedure(self._procedure(), lang))
        pieces += self._noise(lang, r.randint(1, 2), "plan")
        r.shuffle(pieces)
        return pieces

    def medical_history(self, lang: Lang) -> list[Piece]:
        r = self.rng
        conds = list(dict.fromkeys(self._cond(False) for _ in range(r.randint(1, 3))))
        pieces: list[Piece] = []
        if r.random() < 0.5:
            pieces.append(self.w.history_list(conds, lang))
        else:
            pieces += [self.w.dx(c, "history", lang) for c in conds]
        if r.random() < 0.6:
            pieces.append(self.w.dx(self._cond(False), "negated", lang))
        if r.random() < 0.5:
            pieces.append(self.w.med_list(self._distinct_drugs(r.randint(1, 3)), lang))
        return pieces + self._noise(lang, r.randint(0, 1))

    def _distinct_drugs(self, n: int) -> list[Any]:
        return list(dict.fromkeys(self._drug() for _ in range(n)))

    def _procedure(self) -> Any:
        i = int(self.w.turn(("procedure",), [str(i) for i in range(len(PROCEDURES))]))
        return PROCEDURES[i]

    def field(self, i: int) -> LabelledField:
        lang: Lang = "he" if self.rng.random() < HEBREW_SHARE else "en"
        name = self.rng.choices(FIELD_NAMES, weights=_FIELD_WEIGHTS)[0]
        label = ""
        if name == "objective":
            pieces, label = self.objective(lang)
        else:
            pieces = getattr(self, name)(lang)
        if name == "assessment" and any(p.inline for p in pieces):
            label = LIST_LABELS[lang]["results"]
        text = join(pieces, lang, self.rng, label)
        return LabelledField(
            f"tf-{i:04d}",
            lang,
            name,
            text,
            [f for p in pieces for f in p.facts],
            [fl for p in pieces for fl in p.flags],
        )


def labelled_fields(n: int = N_FIELDS, seed: int = SEED) -> list[LabelledField]:
    """`n` labelled fields; the same seed gives the same fields."""
    c = _Composer(seed)
    return [c.field(i) for i in range(n)]


def style_counts(fields: list[LabelledField]) -> dict[str, dict[str, int]]:
    """Mentions per written style, by measure."""
    out: dict[str, Counter[str]] = {}
    for f in fields:
        for e in f.expected:
            if e.kind == "measurement" and e.style:
                out.setdefault(e.name, Counter())[e.style] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items())}


def dataset_summary(fields: list[LabelledField]) -> dict[str, Any]:
    kinds = Counter(e.kind for f in fields for e in f.expected)
    statuses = Counter(f"{e.kind}:{e.status}" for f in fields for e in f.expected if e.status)
    return {
        "fields": len(fields),
        "hebrew": sum(f.language == "he" for f in fields),
        "hebrew_share": round(sum(f.language == "he" for f in fields) / max(1, len(fields)), 3),
        "by_field": dict(Counter(f.field for f in fields)),
        "facts_by_kind": dict(kinds),
        "statuses": dict(sorted(statuses.items())),
        "flags": sum(len(f.expected_flags) for f in fields),
        "styles_per_measure": {k: len(v) for k, v in style_counts(fields).items()},
    }
