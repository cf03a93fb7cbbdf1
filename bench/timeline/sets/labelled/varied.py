"""Hand-written note fields in the many ways clinicians write, beside the generated set
(`fields`): each a line or a few as typed in a clinic, with the facts it holds by the rules
of `fields` (a target, a plan, a query or a relative's condition is no fact). Written to
widen what the extractor is developed on: range of motion in its forms, problem lists,
ICD codes, sections and lists over several lines, negation in its forms, procedures by
their verb, and medication orders by heading, verb and switch; English and Hebrew.

`varied_fields()` gives them as `LabelledField`s, scored like the generated set. The fields
and their facts are varied.toml's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import FIELD_NAMES, ExpectedFact, LabelledField
from bench.timeline.kit.vocab import Key, VocabFile
from bench.timeline.sets.labelled import LANGS
from core.timeline.types import MEASURES

_DATA = VocabFile(Path(__file__).with_name("varied.toml"))

# (language, field, text, facts, flags). Facts: ("m", measure, value) in MEASURES units,
# ("med", drug, status), ("dx", condition, status), ("proc", name), ("visit", kind).
Row = tuple[str, str, str, list[tuple[Any, ...]], list[str]]

# Each kind of fact: how many items it is written with, the kind first.
_ARITY = {"m": 3, "med": 3, "dx": 3, "proc": 2, "visit": 2}
_SHAPES = '["m", measure, value], ["med" or "dx", name, status] or ["proc" or "visit", name]'


def _written_fact(where: tuple[Key, ...]) -> tuple[Any, ...]:
    kind = _DATA.text(*where, 0)  # a fact is a list, its kind first
    if kind not in _ARITY or len(_DATA.at(*where)) != _ARITY[kind]:
        raise _DATA.wrong(where, _SHAPES)
    name = _DATA.text(*where, 1)
    if kind == "m":
        _DATA.known((name,), MEASURES, *where)
        return (kind, name, _DATA.number(*where, 2))
    if _ARITY[kind] == 3:
        return (kind, name, _DATA.text(*where, 2))
    return (kind, name)


def _rows() -> list[Row]:
    rows: list[Row] = []
    for i, spec in enumerate(_DATA.tables("field")):
        where = ("field", i)
        flags = _DATA.strings(*where, "flags") if "flags" in spec else ()
        lang, field = _DATA.text(*where, "lang"), _DATA.text(*where, "field")
        _DATA.known((lang,), LANGS, *where, "lang")
        _DATA.known((field,), FIELD_NAMES, *where, "field")
        written = _DATA.at(*where, "facts")
        if not isinstance(written, list):
            raise _DATA.wrong((*where, "facts"), "a list of facts")
        facts = [_written_fact((*where, "facts", j)) for j in range(len(written))]
        rows.append((lang, field, _DATA.text(*where, "text"), facts, list(flags)))
    return rows


ROWS: list[Row] = _rows()


def _fact(t: tuple[Any, ...]) -> ExpectedFact:
    kind = t[0]
    if kind == "m":
        return ExpectedFact(
            "measurement", t[1], float(t[2]), MEASURES[t[1]], style=f"varied/{t[1]}"
        )
    if kind == "med":
        return ExpectedFact("medication", t[1], status=t[2])
    if kind == "dx":
        return ExpectedFact("diagnosis", t[1], status=t[2])
    if kind == "proc":
        return ExpectedFact("procedure", t[1])
    return ExpectedFact("visit", t[1])


def varied_fields() -> list[LabelledField]:
    return [
        LabelledField(f"vf-{i:03d}", lang, field, text, [_fact(t) for t in facts], flags)  # type: ignore[arg-type]
        for i, (lang, field, text, facts, flags) in enumerate(ROWS, start=1)
    ]
