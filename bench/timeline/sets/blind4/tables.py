"""This set's vocabulary as data, read and checked: the clinics and what each measures
(clinics.toml), the lines every clinic writes and their chances (extras.toml), the words
around the measures (phrases.toml), how a field is laid out (layout.toml) and the ranges
values are drawn from (ranges.toml). A file of the wrong shape is a VocabError naming it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).parent

Strings = tuple[str, ...]
ByLanguage = dict[str, Strings]


def _table(path: Path, where: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise VocabError(f"{path}: {where}: a table")
    return value


def _strings(path: Path, where: str, value: object) -> Strings:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return tuple(value)


def _number(path: Path, where: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise VocabError(f"{path}: {where}: a number")
    return value


def _pairs(path: Path, where: str, value: object) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p) for p in value
    ):
        raise VocabError(f"{path}: {where}: a list of [words, name] pairs")
    return tuple((p[0], p[1]) for p in value)


def _languages(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {lang: t for lang, t in data.items() if isinstance(t, dict)}


def clinics() -> tuple[Strings, dict[str, Strings], dict[str, Strings], dict[str, Strings]]:
    """The clinics in turn, and by clinic its vitals, its results and what its patients
    report (only the clinics that report)."""
    path = HERE / "clinics.toml"
    vitals: dict[str, Strings] = {}
    results: dict[str, Strings] = {}
    reported: dict[str, Strings] = {}
    for clinic, spec in read_toml(path).items():
        spec = _table(path, clinic, spec)
        vitals[clinic] = _strings(path, f"[{clinic}] vitals", spec.get("vitals"))
        results[clinic] = _strings(path, f"[{clinic}] results", spec.get("results"))
        if "reported" in spec:
            reported[clinic] = _strings(path, f"[{clinic}] reported", spec["reported"])
    return tuple(vitals), vitals, results, reported


def openers() -> dict[str, tuple[str, float]]:
    """Clinic ("*" any other) -> the pool of its subjective's opener and its chance."""
    path = HERE / "extras.toml"
    out: dict[str, tuple[str, float]] = {}
    for clinic, spec in _table(path, "opener", read_toml(path).get("opener")).items():
        spec = _table(path, f"[opener] {clinic}", spec)
        pool = spec.get("pool")
        if not isinstance(pool, str):
            raise VocabError(f"{path}: [opener] {clinic}: a pool's name")
        out[clinic] = (pool, _number(path, f"[opener] {clinic}", spec.get("chance")))
    if "*" not in out:
        raise VocabError(f'{path}: [opener] needs "*", the opener of any other clinic')
    return out


def extras() -> dict[str, tuple[tuple[str, float], ...]]:
    """Field -> (pool, chance) of each line every clinic writes, in the order drawn."""
    path = HERE / "extras.toml"
    fields = _table(path, "extras", read_toml(path).get("extras"))
    return {
        field: tuple((pool, _number(path, f"[extras.{field}] {pool}", p))
                     for pool, p in _table(path, f"extras.{field}", pools).items())
        for field, pools in fields.items()
    }  # fmt: skip


@dataclass(frozen=True)
class Phrases:
    joins: Strings
    vitals_lead: ByLanguage
    results_lead: ByLanguage
    reported_lead: ByLanguage
    earlier: ByLanguage
    flags: dict[str, tuple[tuple[str, str], ...]]  # (words, the flag's measure)


def phrases() -> Phrases:
    """phrases.toml: the joins of a run of readings, and by language its leads, the forms
    of an earlier value and the flags."""
    path = HERE / "phrases.toml"
    data = read_toml(path)
    langs = _languages(data)

    def each(key: str) -> ByLanguage:
        return {lang: _strings(path, f"[{lang}] {key}", t.get(key)) for lang, t in langs.items()}

    flags = {lang: _pairs(path, f"[{lang}] flags", t.get("flags")) for lang, t in langs.items()}
    return Phrases(
        _strings(path, "joins", data.get("joins")),
        each("vitals_lead"), each("results_lead"), each("reported_lead"), each("earlier"), flags,
    )  # fmt: skip


@dataclass(frozen=True)
class Layout:
    bullets: Strings
    numbered: Strings  # {} the number
    headings: dict[tuple[str, str], Strings]  # by (language, field)
    copied: ByLanguage
    typos: dict[str, str]


def layout() -> Layout:
    """layout.toml: a list's marks, the headings, the lines that open a block carried
    forward, and the misspellings."""
    path = HERE / "layout.toml"
    data = read_toml(path)
    headings = {
        (lang, field): _strings(path, f"[headings.{lang}] {field}", heads)
        for lang, fields in _table(path, "headings", data.get("headings")).items()
        for field, heads in _table(path, f"headings.{lang}", fields).items()
    }
    copied = {lang: _strings(path, f"[copied] {lang}", lines)
              for lang, lines in _table(path, "copied", data.get("copied")).items()}  # fmt: skip
    typos = _table(path, "typos", data.get("typos"))
    if not all(isinstance(v, str) for v in typos.values()):
        raise VocabError(f"{path}: [typos]: each word's misspelling, a string")
    return Layout(
        _strings(path, "bullets", data.get("bullets")),
        _strings(path, "numbered", data.get("numbered")),
        headings, copied, dict(typos),
    )  # fmt: skip


Ranges = dict[tuple[str, str], tuple[float, float, int, str]]


def ranges() -> tuple[tuple[float, ...], dict[str, str], Ranges]:
    """ranges.toml: the factors of an earlier value, measure code -> MEASURES key where they
    differ, and (measure code, unit) -> (low, high, decimals, the name of the formula to the
    MEASURES unit)."""
    path = HERE / "ranges.toml"
    data = read_toml(path)
    measure = _table(path, "measure", data.get("measure"))
    if not all(isinstance(v, str) for v in measure.values()):
        raise VocabError(f"{path}: [measure]: each code's MEASURES key, a string")
    earlier = data.get("earlier")
    if not isinstance(earlier, list) or not earlier:
        raise VocabError(f"{path}: earlier: a list of factors")
    factors = tuple(_number(path, "earlier", f) for f in earlier)
    out: Ranges = {}
    for code, units in _table(path, "ranges", data.get("ranges")).items():
        for unit, spec in _table(path, f"ranges.{code}", units).items():
            where = f"[ranges.{code}] {unit}"
            spec = _table(path, where, spec)
            decimals, to = spec.get("decimals"), spec.get("to")
            if not isinstance(decimals, int) or isinstance(decimals, bool):
                raise VocabError(f"{path}: {where}: decimals, a whole number")
            if not isinstance(to, str):
                raise VocabError(f"{path}: {where}: to, a formula's name")
            low = _number(path, where, spec.get("low"))
            high = _number(path, where, spec.get("high"))
            out[(code, unit)] = (low, high, decimals, to)
    return factors, dict(measure), out
