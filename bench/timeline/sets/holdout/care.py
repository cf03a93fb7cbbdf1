"""Procedures (procedures.toml), referrals (referrals.toml) and visit types; and the words
around them that hold no fact: targets, future appointments, tests to repeat, examination
findings, small talk (care.toml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.holdout.base import Cycler, Piece, proc, referral, visit
from bench.timeline.sets.holdout.meds import PREFIX, join_prefix
from bench.timeline.sets.holdout.readers import (
    Strings,
    by_lang,
    kinds_by_lang,
    pools,
    read,
    strings,
    table,
)


def _named(
    path: Path, data: dict[str, Any], key: str
) -> dict[str, tuple[Strings, Strings, Strings]]:
    """Each name of [<key>.<name>]: (other names that count, English, Hebrew)."""
    out: dict[str, tuple[Strings, Strings, Strings]] = {}
    for name, value in table(path, key, data.get(key)).items():
        where = f"{key}.{name}"
        spec = table(path, where, value)
        if set(spec) != {"others", "en", "he"}:
            raise VocabError(f"{path}: {where}: others, en and he")
        others, en, he = (strings(path, f"{where}.{k}", spec[k]) for k in ("others", "en", "he"))
        if not en or not he:
            raise VocabError(f"{path}: {where}: a phrase in each language at least")
        out[name] = (others, en, he)
    return out


def _pools(path: Path, data: dict[str, Any], names: dict[str, Any]) -> dict[str, Strings]:
    out = pools(path, "pools", data.get("pools"))
    if unknown := sorted({n for pool in out.values() for n in pool} - set(names)):
        raise VocabError(f"{path}: [pools]: none of its tables: {', '.join(unknown)}")
    return out


_PATH, _DATA = read("procedures.toml")
# name -> (other names that count, English phrases, Hebrew phrases)
PROCEDURES = _named(_PATH, _DATA, "procedures")
PROC_POOLS = _pools(_PATH, _DATA, PROCEDURES)

_PATH, _DATA = read("referrals.toml")
# target -> (other names that count, English spellings, Hebrew spellings)
REFERRALS = _named(_PATH, _DATA, "referrals")
REF_POOLS = _pools(_PATH, _DATA, REFERRALS)
REF_PHRASES = by_lang(_PATH, "phrases", _DATA.get("phrases"))

_PATH, _DATA = read("care.toml")
VISITS = kinds_by_lang(_PATH, "visits", _DATA.get("visits"))
NO_FACT = kinds_by_lang(_PATH, "no_fact", _DATA.get("no_fact"))


def procedure(cyc: Cycler, pool: str, lang: str, used: set[str]) -> Piece:
    free = [p for p in PROC_POOLS[pool] if p not in used]
    name = cyc.rng.choice(free)
    used.add(name)
    others, en, he = PROCEDURES[name]
    return Piece(cyc.rng.choice(he if lang == "he" else en), (proc(name, others),))


def referral_to(cyc: Cycler, pool: str, lang: str, used: set[str]) -> Piece:
    free = [t for t in REF_POOLS[pool] if t not in used]
    target = cyc.rng.choice(free)
    used.add(target)
    others, en, he = REFERRALS[target]
    t = cyc.rng.choice(he if lang == "he" else en)
    template = cyc.pick(f"ref:{lang}", REF_PHRASES[lang])
    written = template.format(t=t, lt=join_prefix(PREFIX["to"], t))
    return Piece(written, (referral(target, (*others, *en, *he)),))


def visit_line(cyc: Cycler, kind: str, lang: str) -> Piece:
    return Piece(cyc.pick(f"visit:{kind}:{lang}", VISITS[kind][lang]), (visit(kind),))


def no_fact(cyc: Cycler, kind: str, lang: str) -> Piece:
    return Piece(cyc.pick(f"{kind}:{lang}", NO_FACT[kind][lang]))
