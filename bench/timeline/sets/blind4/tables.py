"""This set's vocabulary as data, read and checked through the kit's VocabFile: the clinics
and what each measures (clinics.toml), the lines every clinic writes and their chances
(extras.toml), the words around the measures (phrases.toml), how a field is laid out
(layout.toml) and the ranges values are drawn from (ranges.toml). A file of the wrong
shape is a VocabError naming it and the key."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

HERE = Path(__file__).parent

Strings = tuple[str, ...]
ByLanguage = dict[str, Strings]


def clinics() -> tuple[Strings, dict[str, Strings], dict[str, Strings], dict[str, Strings]]:
    """The clinics in turn, and by clinic its vitals, its results and what its patients
    report (only the clinics that report)."""
    words = VocabFile(HERE / "clinics.toml")
    vitals: dict[str, Strings] = {}
    results: dict[str, Strings] = {}
    reported: dict[str, Strings] = {}
    for clinic in words.data:
        words.table(clinic)
        vitals[clinic] = words.strings(clinic, "vitals")
        results[clinic] = words.strings(clinic, "results")
        if words.has(clinic, "reported"):
            reported[clinic] = words.strings(clinic, "reported")
    return tuple(vitals), vitals, results, reported


def openers() -> dict[str, tuple[str, float]]:
    """Clinic ("*" any other) -> the pool of its subjective's opener and its chance."""
    words = VocabFile(HERE / "extras.toml")
    out = {
        clinic: (words.text("opener", clinic, "pool"), words.number("opener", clinic, "chance"))
        for clinic in words.table("opener")
    }
    # generate.py falls back on "*" for every clinic the table does not name.
    if "*" not in out:
        raise words.wrong(("opener",), 'needs "*", the opener of any other clinic')
    return out


def extras() -> dict[str, tuple[tuple[str, float], ...]]:
    """Field -> (pool, chance) of each line every clinic writes, in the order drawn."""
    words = VocabFile(HERE / "extras.toml")
    return {
        field: tuple((pool, words.number("extras", field, pool))
                     for pool in words.table("extras", field))
        for field in words.table("extras")
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
    """phrases.toml: the joins of a run of readings, and by language (each table of the
    file) its leads, the forms of an earlier value and the flags."""
    words = VocabFile(HERE / "phrases.toml")
    langs = [lang for lang, value in words.data.items() if isinstance(value, dict)]

    def each(key: str) -> ByLanguage:
        return {lang: words.strings(lang, key) for lang in langs}

    flags = {
        lang: tuple((said, measure) for said, measure in words.rows(lang, "flags", width=2))
        for lang in langs
    }
    return Phrases(
        words.strings("joins"),
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
    words = VocabFile(HERE / "layout.toml")
    headings = words.lists_by_pair("headings")
    return Layout(
        words.strings("bullets"), words.strings("numbered"), headings, words.lists("copied"),
        words.texts("typos"),
    )  # fmt: skip


Ranges = dict[tuple[str, str], tuple[float, float, int, str]]


def ranges(formulas: Container[str]) -> tuple[tuple[float, ...], dict[str, str], Ranges]:
    """ranges.toml: the factors of an earlier value, measure code -> MEASURES key where they
    differ, and (measure code, unit) -> (low, high, decimals, the name of the formula to the
    MEASURES unit, one of `formulas`)."""
    words = VocabFile(HERE / "ranges.toml")
    factors = words.numbers("earlier")
    # generate.py draws one factor for each earlier value it writes.
    if not factors:
        raise words.wrong(("earlier",), "a list of factors")
    out: Ranges = {}
    for code in words.table("ranges"):
        for unit in words.table("ranges", code):
            spec = ("ranges", code, unit)
            to = words.text(*spec, "to")
            words.known([to], formulas, *spec, "to")
            low, high = words.number(*spec, "low"), words.number(*spec, "high")
            out[(code, unit)] = (low, high, words.whole(*spec, "decimals"), to)
    return factors, words.texts("measure"), out
