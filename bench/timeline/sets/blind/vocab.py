"""The words of the set: drugs (drugs.toml), conditions and the pools drawn from them
(conditions.toml), procedures and specialties (procedures.toml), each with the name its
label expects and the names that count as it, and the six clinics (clinics.toml): their
fields, drugs, measures, referrals, procedures and habits."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind.measures import STYLES
from bench.timeline.sets.blind.tables import read


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
    words = read("drugs.toml")
    return tuple(
        Drug(
            generic,
            words.strings(generic, "en"),
            words.strings(generic, "he"),
            words.strings(generic, "doses"),
        )
        for generic in words.data
    )


def _conditions(words: VocabFile) -> tuple[Condition, ...]:
    return tuple(
        Condition(
            name,
            words.strings("condition", name, "en"),
            words.strings("condition", name, "he"),
            words.strings("condition", name, "aliases"),
            words.flag("condition", name, "lasting"),
        )
        for name in words.table("condition")
    )


def _named(words: VocabFile, key: str) -> tuple[Named, ...]:
    return tuple(
        Named(
            name,
            words.strings(key, name, "en"),
            words.strings(key, name, "he"),
            words.strings(key, name, "aliases"),
        )
        for name in words.table(key)
    )


DRUGS = _drugs()
DRUG = {d.generic: d for d in DRUGS}

_CONDITIONS = read("conditions.toml")
CONDITIONS = _conditions(_CONDITIONS)
COND = {c.name: c for c in CONDITIONS}


def _pool(key: str) -> tuple[str, ...]:
    """The conditions a kind of sentence draws from, in the order drawn."""
    names = _CONDITIONS.strings("pools", key)
    _CONDITIONS.known(names, COND, "pools", key)
    return names


CHRONIC = _pool("chronic")
EVENTS = _pool("events")
SYMPTOMS = _pool("symptoms")
RULED_OUT = _pool("ruled_out")

_PROCEDURES = read("procedures.toml")
PROCEDURES = _named(_PROCEDURES, "procedure")  # done at the visit
PROC = {x.name: x for x in PROCEDURES}
SPECIALTIES = _named(_PROCEDURES, "specialty")
SPEC = {x.name: x for x in SPECIALTIES}


def referral_aliases(s: Named) -> tuple[str, ...]:
    """What counts as this referral: its specialty in any written form, and its aliases."""
    return (*(f"referral: {w}" for w in (*s.en, *s.he)), *s.aliases)


_HABITS = ("subjective_pain", "objective_labs", "objective_procedure", "assessment_measure")
# Each list of a clinic names things of the set: drugs, measure styles, specialties, procedures.
_LISTS: dict[str, Collection[str]] = {
    "drugs": DRUG,
    "measures": STYLES,
    "referrals": SPEC,
    "procedures": PROC,
}


def _clinic(words: VocabFile, name: str) -> Clinic:
    words.known(words.table(name), ("fields", *_LISTS, *_HABITS), name)
    counts: dict[str, tuple[int, int]] = {}
    for field in words.table(name, "fields"):
        words.numbers(name, "fields", field, n=2)
        counts[field] = (
            words.whole(name, "fields", field, 0),
            words.whole(name, "fields", field, 1),
        )
    for key, known in _LISTS.items():
        words.known(words.strings(name, key), known, name, key)
    return Clinic(
        name,
        counts,
        drugs=words.strings(name, "drugs"),
        measures=words.strings(name, "measures"),
        referrals=words.strings(name, "referrals"),
        procedures=words.strings(name, "procedures"),
        subjective_pain=words.flag(name, "subjective_pain"),
        objective_labs=words.flag(name, "objective_labs"),
        objective_procedure=words.flag(name, "objective_procedure"),
        assessment_measure=words.flag(name, "assessment_measure"),
    )


_CLINICS = read("clinics.toml")
CLINICS = {name: _clinic(_CLINICS, name) for name in _CLINICS.data}
