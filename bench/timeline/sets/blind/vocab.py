"""The words of the set: drugs (drugs.toml), conditions and the pools drawn from them
(conditions.toml), procedures and specialties (procedures.toml), each with the name its
label expects and the names that count as it, and the six clinics (clinics.toml): their
fields, drugs, measures, referrals, procedures and habits."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.blind.measures import STYLES
from bench.timeline.sets.blind.tables import Table


@dataclass(frozen=True)
class Drug:
    generic: str
    en: tuple[str, ...]  # written in English notes: generic, brands, a typo
    he: tuple[str, ...]  # written in Hebrew notes (English names are common there too)
    doses: tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    name: str  # the label's name
    en: tuple[str, ...]
    he: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # other names an extractor may give it
    # Still the patient's when a background list names it (conditions.toml says which).
    lasting: bool = False


@dataclass(frozen=True)
class Named:
    name: str
    en: tuple[str, ...]
    he: tuple[str, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Clinic:
    """A clinic of clinics.toml, which says what its habits make its notes do."""

    name: str
    fields: dict[str, tuple[int, int]]  # field -> how many in English, in Hebrew
    drugs: tuple[str, ...]  # the drugs its notes name most
    measures: tuple[str, ...]
    referrals: tuple[str, ...]
    procedures: tuple[str, ...]
    subjective_pain: bool
    objective_labs: bool
    objective_procedure: bool
    assessment_measure: bool


def _drugs() -> tuple[Drug, ...]:
    return tuple(
        Drug(generic, t.strings("en"), t.strings("he"), t.strings("doses"))
        for generic, t in Table.read("drugs.toml").tables().items()
    )


def _conditions(doc: Table) -> tuple[Condition, ...]:
    return tuple(
        Condition(name, t.strings("en"), t.strings("he"), t.strings("aliases"), t.flag("lasting"))
        for name, t in doc.table("condition").tables().items()
    )


def _named(doc: Table, key: str) -> tuple[Named, ...]:
    return tuple(
        Named(name, t.strings("en"), t.strings("he"), t.strings("aliases"))
        for name, t in doc.table(key).tables().items()
    )


DRUGS = _drugs()
DRUG = {d.generic: d for d in DRUGS}

_CONDITIONS = Table.read("conditions.toml")
CONDITIONS = _conditions(_CONDITIONS)
COND = {c.name: c for c in CONDITIONS}


def _pool(key: str) -> tuple[str, ...]:
    """The conditions a kind of sentence draws from, in the order drawn."""
    pools = _CONDITIONS.table("pools")
    names = pools.strings(key)
    pools.among(key, names, COND)
    return names


CHRONIC = _pool("chronic")
EVENTS = _pool("events")
SYMPTOMS = _pool("symptoms")
RULED_OUT = _pool("ruled_out")

_PROCEDURES = Table.read("procedures.toml")
PROCEDURES = _named(_PROCEDURES, "procedure")  # done at the visit
PROC = {x.name: x for x in PROCEDURES}
SPECIALTIES = _named(_PROCEDURES, "specialty")
SPEC = {x.name: x for x in SPECIALTIES}


def referral_aliases(s: Named) -> tuple[str, ...]:
    """What counts as this referral: its specialty in any written form, and its aliases."""
    return (*(f"referral: {w}" for w in (*s.en, *s.he)), *s.aliases)


_HABITS = ("subjective_pain", "objective_labs", "objective_procedure", "assessment_measure")


def _clinic(name: str, t: Table) -> Clinic:
    t.check_known("fields", "drugs", "measures", "referrals", "procedures", *_HABITS)
    fields = t.table("fields")
    counts: dict[str, tuple[int, int]] = {}
    for field in fields.data:
        n = fields.numbers(field, 2)
        if not all(isinstance(x, int) and x >= 0 for x in n):
            raise VocabError(f"{t.path}: {fields.at(field)!r}: [English, Hebrew] counts")
        counts[field] = (int(n[0]), int(n[1]))
    names: tuple[tuple[str, Collection[str]], ...] = (
        ("drugs", DRUG),
        ("measures", STYLES),
        ("referrals", SPEC),
        ("procedures", PROC),
    )
    for key, known in names:
        t.among(key, t.strings(key), known)
    return Clinic(
        name,
        counts,
        drugs=t.strings("drugs"),
        measures=t.strings("measures"),
        referrals=t.strings("referrals"),
        procedures=t.strings("procedures"),
        subjective_pain=t.flag("subjective_pain"),
        objective_labs=t.flag("objective_labs"),
        objective_procedure=t.flag("objective_procedure"),
        assessment_measure=t.flag("assessment_measure"),
    )


CLINICS = {name: _clinic(name, t) for name, t in Table.read("clinics.toml").tables().items()}
