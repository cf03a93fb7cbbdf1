"""The measures the extractor reads: for each, its labels (English and Hebrew), the shape
of its value, its units and the values that are believable, read from
`core/timeline/resources/measures.toml` and each language's file; and the words a label's
value may follow."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from core.timeline.resources import (
    ROOT,
    RulesError,
    check_keys,
    expand,
    line_of,
    load,
    strings,
    where,
)
from core.timeline.types import MEASURES

# "A1c improved from 8.1 to 7.3": the reading is the value it came to.
_FROM_TO = (
    r"from\s+\d{1,4}(?:[.,]\d{1,3})?\s*(?:%|°|kg|lbs?|mg/dl|mmol/l|deg(?:rees)?|מעלות)?\s*"
    r"(?:to|->|→|ל-?)"
)
# "A1c (03/2024): 7.1", "A1c on 3/5: 7.1%": the day of the result, before it.
_DATE = (
    r"(?:on\s+|dated\s+)?(?:\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?|\d{1,2}/\d{4}|"
    r"\d{4}-\d{2}(?:-\d{2})?)(?![\d])"
)
# "Glucose, fasting (mg/dL): 110": the unit, in brackets, before the value.
_UNIT_NOTE = r"\((?:mg/dl|mmol/l|mmol/mol|%|kg|lbs?|cm|mm\s?hg|bpm|°\s?[cf]|ml/min[^)]{0,12})\)"


@dataclass(frozen=True)
class Spec:
    names: tuple[str, ...]  # one per value group: BP has two
    labels: tuple[str, ...]  # regex alternatives, English and Hebrew
    value: str  # regex with one group per name
    units: str  # regex of the units this measure is written in (may be empty)
    plausible: tuple[tuple[float, float], ...]  # per name, in the stored unit
    # Which way is better: "higher" for a kidney function or an oxygen saturation, so that
    # its "worst" reading is its lowest; "lower" (a pain score, a blood pressure) otherwise.
    better: str = "lower"


def read_specs(root: Path = ROOT) -> tuple[Spec, ...]:
    """The measures of `measures.toml` under `root`, each with its labels and units from
    every language's file; checked as they are read."""
    neutral, languages = load("measures", root)
    fragments = dict(neutral.get("fragments", {}))
    for lang, rules in languages.items():
        for name, pattern in rules.get("fragments", {}).items():
            if name in fragments:
                raise RulesError(
                    f"{where(_file(root, lang), 'fragments', name)}: {name} defined twice"
                )
            fragments[name] = pattern
    known = set(neutral.get("measure", {}))
    for lang, rules in languages.items():
        for key in sorted(set(rules) - known - {"fragments", "bridge"}):
            raise RulesError(
                f"{where(_file(root, lang), key)}: no measure {key!r} in measures.toml"
            )
    specs: list[Spec] = []
    for key, measure in neutral.get("measure", {}).items():
        at = where(_file(root, None), f"measure.{key}")
        names = tuple(measure.get("names", ()))
        if not names or any(n not in MEASURES for n in names):
            raise RulesError(f"{at}: names must be measures of core/timeline/types.py: {names}")
        plausible = tuple((float(lo), float(hi)) for lo, hi in measure.get("plausible", ()))
        if len(plausible) != len(names) or any(lo >= hi for lo, hi in plausible):
            raise RulesError(f"{at}: plausible needs one [low, high] per name, low < high")
        check_keys(measure, {"names", "value", "plausible", "better"}, at)
        better = measure.get("better", "lower")
        if better not in ("lower", "higher"):
            raise RulesError(f'{at}: better is "lower" or "higher", not {better!r}')
        if "value" not in measure:
            raise RulesError(f"{at}: {key} has no value pattern")
        labels: list[str] = []
        units: list[str] = []
        for lang, rules in languages.items():
            path = _file(root, lang)
            own = rules.get(key, {})
            check_keys(own, {"labels", "units"}, where(path, key))
            labels += [expand(x, fragments, line_of(path, x)) for x in own.get("labels", ())]
            units += [expand(x, fragments, line_of(path, x)) for x in own.get("units", ())]
        if not labels:
            raise RulesError(f"{at}: {key} has no label in any language")
        value = expand(
            measure["value"], fragments, where(_file(root, None), f"measure.{key}", "value")
        )
        if re.compile(value).groups != len(names):
            raise RulesError(f"{at}: value needs one group per name ({len(names)})")
        specs.append(Spec(names, tuple(labels), value, "|".join(units), plausible, better))
    return tuple(specs)


def read_bridge(root: Path = ROOT) -> str:
    """What may stand between a label and its value: spaces and marks, the words of each
    language's [bridge] (data), a value it came from ("from 8.1 to"), a date and a unit in
    brackets; lazily, so the nearest value is the label's."""
    _, languages = load("measures", root)
    words: list[str] = []
    for lang, rules in languages.items():
        path = _file(root, lang)
        table = rules.get("bridge", {})
        check_keys(table, {"words"}, where(path, "bridge"))
        words += [expand(w, {}, line_of(path, w)) for w in strings(table, "words", path, "bridge")]
    if not words:
        raise RulesError(f"{_file(root, 'en')}: no [bridge] words in any language")
    alternation = "|".join(words)
    return (
        rf"(?:[^\S\n]|[:=\-–,()|]|\b(?:{alternation})\b|(?:{alternation})|{_FROM_TO}|{_DATE}|"
        rf"{_UNIT_NOTE})*?"
    )


def _file(root: Path, lang: str | None) -> Path:
    return root / "measures.toml" if lang is None else root / lang / "measures.toml"


SPECS = read_specs()
# A label's value is on its line: "GAD-7\nscored 26 on the PHQ-9" is no GAD-7 of 26.
BRIDGE = read_bridge()
# The believable values of each measure, in its stored unit.
PLAUSIBLE: dict[str, tuple[float, float]] = {
    name: bounds for spec in SPECS for name, bounds in zip(spec.names, spec.plausible, strict=True)
}
# The measures whose higher readings are the better ones.
HIGHER_IS_BETTER: frozenset[str] = frozenset(
    name for spec in SPECS if spec.better == "higher" for name in spec.names
)
