"""A measure on a line of its own, as EHR exports write one: "Systolic Blood Pressure: 111.9
mmHg", "Heart rate: 88.4 /min", "Glucose [Mass/volume] in Blood: 67.8 mg/dL". The line's
name is looked up whole in the display names of `core/timeline/resources/*/ehr_lines.toml`
(LOINC's names and the short ones exports use), so a name is never read from part of a
longer one ("Glucose in Urine" is no blood glucose), and the value keeps the digits written.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from core.timeline.measures.units import convert, convertible, with_unit
from core.timeline.resources import ROOT, RulesError, check_keys, load, where
from core.timeline.types import MEASURES

# name (which may hold a colon of its own: "Patient Health Questionnaire-9: Modified for
# Teens"), separator (a colon, an equals sign, or a tab or wide gap as columns leave), value
# and the rest of the line as its unit. A value with a comparator ("<5", ">90") is a
# laboratory's limit, kept only for eGFR, whose ">90" is its highest reported value.
_LINE = re.compile(
    r"^[^\S\n]*(?:[-*•][^\S\n]+)?(?P<name>(?:\d{1,6}-\d[^\S\n]+)?[^\s:=\d][^=\n\t]{0,118}?)"
    r"(?:[^\S\n]*[:=][^\S\n]*|\t+[^\S\n]*|[^\S\n]{2,})"
    r"(?P<cmp>[<>≤≥][^\S\n]*)?(?P<value>\d{1,5}(?:\.\d{1,4})?)(?![\d.,/])"
    r"[^\S\n]*(?P<unit>[^\s\d][^\n]{0,23}?)?[^\S\n]*$",
    re.MULTILINE,
)
_BRACKETS = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)|\{[^}\n]*\}")
_LOINC = re.compile(r"^\d{1,6}-\d\s+")
_METHOD = re.compile(r"\s+by\s+[\w .,/-]+$")


@dataclass(frozen=True)
class _Table:
    names: dict[str, str]  # normalised display name -> measure
    specimens: tuple[str, ...]
    units: dict[str, str]  # written unit, lower case -> units.convert's key
    own_units: dict[str, frozenset[str]]  # measure -> other spellings of its stored unit


def read_table(root: Path = ROOT) -> _Table:
    """The display names of every language, checked as they are read."""
    neutral, languages = load("ehr_lines", root)
    check_keys(neutral, {"specimens", "units"}, f"{root / 'ehr_lines.toml'}")
    names: dict[str, str] = {}
    own: dict[str, set[str]] = {}
    for lang, tables in languages.items():
        path = root / lang / "ehr_lines.toml"
        for measure, table in tables.items():
            at = where(path, measure)
            if measure not in MEASURES:
                raise RulesError(f"{at}: no measure {measure!r} in core/timeline/types.py")
            check_keys(table, {"names", "units"}, at)
            own.setdefault(measure, set()).update(str(u).casefold() for u in table.get("units", ()))
            for name in table.get("names", ()):
                key = _normal(name, ())
                if names.get(key, measure) != measure:
                    raise RulesError(f"{at}: {name!r} is already {names[key]}'s name")
                names[key] = measure
    units = {str(k).casefold(): str(v) for k, v in neutral.get("units", {}).items()}
    specimens = tuple(sorted(neutral.get("specimens", ()), key=len, reverse=True))
    return _Table(names, specimens, units, {m: frozenset(u) for m, u in own.items()})


@functools.cache
def _table() -> _Table:
    return read_table()


@dataclass(frozen=True)
class Line:
    start: int  # the name's first character
    end: int  # after the value, or after its unit
    measure: str
    value: float  # in MEASURES[measure]
    written: str | None = None  # the value and unit as written, where `value` is converted


def ehr_lines(text: str) -> Iterator[Line]:
    """Each line of `text` that is a measure's display name and one value; a unit that is
    neither the measure's own nor one it converts from makes the line no reading."""
    table = _table()
    for m in _LINE.finditer(text):
        measure = _measure(m.group("name"), table)
        if measure is None or (m.group("cmp") and measure != "egfr"):
            continue
        raw = m.group("value")
        value = _in_stored_unit(measure, float(raw), m.group("unit"), table)
        if value is None:
            continue
        end = m.end("unit") if m.group("unit") else m.end("value")
        kept = value == float(raw) and not re.search(r"\.\d*0$", raw)  # "88.40" keeps its 0
        # "BMI: 24.0" has no unit written: its own is meant.
        unit = m.group("unit")
        written = (
            None if kept else f"{raw} {unit.strip()}" if unit else with_unit(raw, MEASURES[measure])
        )
        yield Line(m.start("name"), end, measure, value, written)


def _measure(written: str, table: _Table) -> str | None:
    name = _normal(written, table.specimens)
    return table.names.get(name) or table.names.get(_normal(written, ()))


def _normal(name: str, specimens: tuple[str, ...]) -> str:
    """Lower case, brackets, a leading LOINC code and a method dropped, and a blood
    specimen ("in Serum or Plasma") where `specimens` names one."""
    out = _LOINC.sub("", _BRACKETS.sub(" ", name.casefold()))
    out = " ".join(_METHOD.sub("", " ".join(out.split())).split())
    for specimen in specimens:
        if out.endswith(f" in {specimen}"):
            return out[: -len(specimen) - 4]
    return out.rstrip(" -:,")


def _in_stored_unit(measure: str, value: float, unit: str | None, table: _Table) -> float | None:
    stored = MEASURES[measure]
    if not unit or _same_unit(unit, stored) or _unit(unit) in table.own_units.get(measure, ()):
        return value
    key = table.units.get(_unit(unit))
    if key is None:
        return None  # a unit this measure is not read in: no guess
    if key == "=":
        return value
    if not convertible(measure, key):
        return None  # "Body Weight: 70 cm": a unit of another kind, no reading
    converted = convert(measure, value, key)
    return value if converted == value else round(converted, 2)


def _unit(written: str) -> str:
    """A written unit as the tables key it: lower case, and Hebrew's gershayim (״) as the
    double quote most keyboards type in its place ('מ"ג/ד"ל')."""
    return written.strip().casefold().replace("\u05f4", '"')


def _same_unit(written: str, stored: str) -> bool:
    """ "mmHg" and "mm[Hg]", "/min" and "{beats}/min", "mL/min/{1.73_m2}" and
    "mL/min/1.73m2", "{score}" and "score" are one unit written two ways."""

    def bare(u: str) -> str:
        return re.sub(r"[\s\[\]{}_]|beats|breaths", "", u.casefold()).replace("²", "2")

    return bare(written) == bare(stored) or (stored == "score" and bare(written) in ("", "score"))
