"""Sentences of a note, each with the facts it states: the generator's one writer, shared by
the labelled fields and the patients of the questions over time.

Every choice of wording rotates through its list (per kind of sentence and language)
rather than being drawn at random, so that a few hundred fields are sure to use every
style; the random generator picks values and which things to mention. The wordings are
vocab.toml's and styles.toml's (read by `vocab` and `styles`).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from bench.timeline.kit.facts import ExpectedFact, Lang
from bench.timeline.sets.labelled.measures import GROUP_MEASURES, Style, implausible, render, sample
from bench.timeline.sets.labelled.styles import EARLIER, styles_of
from bench.timeline.sets.labelled.vocab import (
    DX_EN,
    DX_HE,
    FREQ_EN,
    FREQ_HE,
    HISTORY_LEADS,
    LIST_LABELS,
    MED_EN,
    MED_HE,
    MED_LIST_EN,
    MED_LIST_HE,
    NOISE,
    PROC_EN,
    REFER_EN,
    REFER_HE,
    SPECIALTIES,
    SYMPTOM_ONLY,
    VISIT_ALIASES,
    VISITS_EN,
    VISITS_HE,
    Condition,
    Drug,
    Procedure,
    dose_he,
)
from core.timeline.types import MEASURES


@dataclass
class Piece:
    """One sentence (or, `inline`, a measurement mention for a list such as "Vitals: ...")."""

    text: str
    facts: list[ExpectedFact] = field(default_factory=list[ExpectedFact])
    flags: list[str] = field(default_factory=list[str])
    inline: bool = False
    # Measurement values as written, for questions: measure -> text of the number.
    numbers: dict[str, str] = field(default_factory=dict[str, str])


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _fill(template: str, **kw: str) -> str:
    """Fill {x} and {X} (the same word capitalised); tidy the gaps an empty word leaves."""
    out = template
    for key, value in kw.items():
        out = out.replace("{" + key + "}", value).replace("{" + cap(key) + "}", cap(value))
    while "  " in out:
        out = out.replace("  ", " ")
    return out.replace(" .", ".").replace(" ,", ",").strip()


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._turn: dict[tuple[str, ...], int] = {}

    def turn(self, key: tuple[str, ...], options: Sequence[str]) -> str:
        """The next of `options` for `key`, round robin."""
        i = self._turn.get(key, 0)
        self._turn[key] = i + 1
        return options[i % len(options)]

    # -- measurements --------------------------------------------------------------------
    def measure(
        self,
        group: str,
        lang: Lang,
        written: dict[str, float] | None = None,
        *,
        canonical_only: bool = False,
    ) -> Piece:
        """A mention of `group`; `canonical_only` (the patients' tracked readings): written
        in the canonical unit, as a reading taken at the visit."""
        options = styles_of(group, lang, canonical_only=canonical_only, taken_now=canonical_only)
        key = ("m", group, lang, "c" if canonical_only else "")
        chosen = self.turn(key, [s.id for s in options])
        style: Style = next(s for s in options if s.id == chosen)
        m = render(style, written if written is not None else sample(style, self.rng))
        facts = [
            ExpectedFact("measurement", name, value, MEASURES[name], style=style.id)
            for name, value in m.facts
            if style.id not in EARLIER
        ]
        return Piece(m.text, facts, inline=True, numbers=m.numbers)

    def implausible(self, lang: Lang) -> Piece:
        n = self._turn.get(("flag", lang), 0)
        self._turn[("flag", lang)] = n + 1
        text, measure = implausible(lang, n, self.rng)
        return Piece(text, [], [measure], inline=True)

    # -- medications ---------------------------------------------------------------------
    def _dose(self, drug: Drug, lang: Lang, dose: str | None) -> str:
        dose = dose or self.rng.choice(drug.doses)
        return dose_he(dose, self.rng.randrange(3)) if lang == "he" else dose

    def med(self, drug: Drug, status: str, lang: Lang, dose: str | None = None) -> Piece:
        table = MED_HE if lang == "he" else MED_EN
        template = self.turn(("med", status, lang), table[status])
        freq = self.rng.choice(FREQ_HE if lang == "he" else FREQ_EN)
        name = drug.he if lang == "he" else drug.name
        text = _fill(template, drug=name, dose=self._dose(drug, lang, dose), freq=freq)
        return Piece(text, [ExpectedFact("medication", drug.name, status=status)])

    def med_list(
        self, drugs: Sequence[Drug], lang: Lang, doses: dict[str, str] | None = None
    ) -> Piece:
        items = []
        for d in drugs:
            freq = self.rng.choice(FREQ_HE if lang == "he" else FREQ_EN)
            name = d.he if lang == "he" else d.name
            dose = self._dose(d, lang, (doses or {}).get(d.name))
            items.append(_fill("{n} {dose} {freq}", n=name, dose=dose, freq=freq))
        template = self.turn(("medlist", lang), MED_LIST_HE if lang == "he" else MED_LIST_EN)
        text = _fill(template, list=", ".join(items))
        return Piece(text, [ExpectedFact("medication", d.name, status="listed") for d in drugs])

    # -- diagnoses -----------------------------------------------------------------------
    def dx(self, cond: Condition, status: str, lang: Lang) -> Piece:
        table = DX_HE if lang == "he" else DX_EN
        fitting = [
            t for t in table[status] if (t in SYMPTOM_ONLY) == cond.symptom or status != "negated"
        ]
        template = self.turn(("dx", status, lang, str(cond.symptom)), fitting)
        forms = cond.he if lang == "he" else cond.en
        form = self.turn(("dxform", cond.name, lang), forms)
        # Every history template is a background cue ("h/o", "PMH:", "ברקע:"), none a word
        # of the past: a lasting condition under one is still the patient's.
        label = "present" if status == "history" and cond.lasting else status
        return Piece(
            _fill(template, dx=form),
            [ExpectedFact("diagnosis", cond.name, status=label, aliases=cond.aliases)],
        )

    def history_list(self, conds: Sequence[Condition], lang: Lang) -> Piece:
        names = [(c.he if lang == "he" else c.en)[0] for c in conds]
        lead = self.turn(("pmh", lang), HISTORY_LEADS[lang])
        facts = [
            ExpectedFact(
                "diagnosis",
                c.name,
                status="present" if c.lasting else "history",
                aliases=c.aliases,
            )
            for c in conds
        ]
        return Piece(f"{lead} {', '.join(names)}.", facts)

    # -- procedures, referrals, visits ---------------------------------------------------
    def procedure(self, proc: Procedure, lang: Lang) -> Piece:
        # Hebrew writes the whole clause ("בוצעה הזרקה לברך"): its verb agrees with the noun.
        he = lang == "he"
        text = proc.he + "." if he else _fill(self.turn(("proc",), PROC_EN), proc=proc.en)
        return Piece(text, [ExpectedFact("procedure", proc.name, aliases=proc.aliases)])

    def referral(self, specialty: str, lang: Lang) -> Piece:
        he = dict(SPECIALTIES)[specialty]
        if lang == "he":
            text = _fill(self.turn(("ref", "he"), REFER_HE), sp=he)
        else:
            text = _fill(self.turn(("ref", "en"), REFER_EN), sp=specialty)
        name = f"referral: {specialty}"
        return Piece(text, [ExpectedFact("procedure", name, aliases=(f"referral: {he}",))])

    def visit(self, kind: str, lang: Lang) -> Piece:
        table = VISITS_HE if lang == "he" else VISITS_EN
        text = self.turn(("visit", kind, lang), table[kind])
        return Piece(text, [ExpectedFact("visit", kind, aliases=VISIT_ALIASES[kind])])

    def noise(self, lang: Lang, where: str = "any") -> Piece:
        return Piece(self.turn(("noise", lang, where), NOISE[lang][where]))


def measures_of(pieces: Sequence[Piece]) -> list[str]:
    return [f.name for p in pieces for f in p.facts if f.kind == "measurement"]


def join(pieces: Sequence[Piece], lang: Lang, rng: random.Random, label: str = "") -> str:
    """The pieces as one field: mentions gathered in a labelled list ("Vitals: ..."), one a
    line, or as sentences; other sentences around them."""
    inline = [p.text for p in pieces if p.inline]
    prose = [p.text for p in pieces if not p.inline]
    layout = rng.randrange(3)
    parts: list[str] = []
    if inline:
        if layout == 0 and label:
            parts.append(f"{label}: {', '.join(inline)}.")
        elif layout == 1:
            parts.append("\n".join(inline))
        else:
            parts.append(" ".join(f"{t}." for t in inline))
    if prose:
        where = rng.randrange(len(prose) + 1)
        parts = [*prose[:where], *parts, *prose[where:]] if inline else prose
    sep = "\n" if layout == 1 else " "
    return sep.join(parts)


def vitals_label(lang: Lang, labs: bool) -> str:
    return LIST_LABELS[lang]["labs" if labs else "vitals"]


__all__ = ["GROUP_MEASURES", "Piece", "Writer", "join", "measures_of"]
