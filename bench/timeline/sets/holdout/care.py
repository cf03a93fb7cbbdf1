"""Procedures (procedures.toml), referrals (referrals.toml) and visit types; and the words
around them that hold no fact: targets, future appointments, tests to repeat, examination
findings, small talk (care.toml)."""

from __future__ import annotations

from collections.abc import Container

from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.holdout.base import Cycler, Piece, proc, referral, visit
from bench.timeline.sets.holdout.meds import PREFIX, join_prefix
from bench.timeline.sets.holdout.readers import Strings, by_lang, kinds_by_lang, read


def _named(words: VocabFile, key: str) -> dict[str, tuple[Strings, Strings, Strings]]:
    """Each name of [<key>.<name>]: (other names that count, English, Hebrew)."""
    out: dict[str, tuple[Strings, Strings, Strings]] = {}
    for name in words.table(key):
        if set(words.table(key, name)) != {"others", "en", "he"}:
            raise words.wrong((key, name), "others, en and he")
        others, en, he = (words.strings(key, name, k) for k in ("others", "en", "he"))
        if not en or not he:
            raise words.wrong((key, name), "a phrase in each language at least")
        out[name] = (others, en, he)
    return out


def _pools(words: VocabFile, names: Container[str]) -> dict[str, Strings]:
    """[pools]: lists of the names of the file's tables."""
    out = words.lists("pools")
    for pool, named in out.items():
        words.known(named, names, "pools", pool)
    return out


_PROCEDURES = read("procedures.toml")
# name -> (other names that count, English phrases, Hebrew phrases)
PROCEDURES = _named(_PROCEDURES, "procedures")
PROC_POOLS = _pools(_PROCEDURES, PROCEDURES)

_REFERRALS = read("referrals.toml")
# target -> (other names that count, English spellings, Hebrew spellings)
REFERRALS = _named(_REFERRALS, "referrals")
REF_POOLS = _pools(_REFERRALS, REFERRALS)
REF_PHRASES = by_lang(_REFERRALS, "phrases")

_CARE = read("care.toml")
VISITS = kinds_by_lang(_CARE, "visits")
NO_FACT = kinds_by_lang(_CARE, "no_fact")


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
