"""Measurements as clinicians type them: for each measure its written styles (label,
order, unit, spacing, Hebrew or English), values drawn in a plausible range and converted
to the MEASURES unit with the factors docs/timeline.md names. A style is one way of
writing the measure; its id is what the per-style recall counts. The styles are
measures.toml; the factors stay here, beside the arithmetic that uses them."""

from __future__ import annotations

from bench.timeline.sets.blind.tables import LANGUAGES, read

LB, INCH = 0.45359237, 2.54
CHOL, GLU, CREAT = 38.67, 18.0, 88.4


def a1c_pct(mmol_mol: float) -> float:
    return mmol_mol / 10.929 + 2.15


def f_to_c(f: float) -> float:
    return (f - 32) * 5 / 9


def in_measures_unit(measure: str, unit: str, value: float) -> float:
    """`value`, written in `unit`, in the MEASURES unit of `measure`."""
    if unit == "lb":
        return value * LB
    if unit == "m":
        return value * 100
    if unit == "F":
        return f_to_c(value)
    if unit == "mmol/mol":
        return a1c_pct(value)
    if unit == "mmol/L":
        return value * (GLU if measure == "glucose" else CHOL)
    if unit == "umol/L":
        return value / CREAT
    return value


# (style id, language, format, unit as written); {v} the value, {s}/{d} a pressure's halves
Style = tuple[str, str, str, str]


def _styles() -> dict[str, list[Style]]:
    words = read("measures.toml")
    out: dict[str, list[Style]] = {}
    for measure in words.data:
        out[measure] = []
        for sid in words.table(measure):
            written = words.strings(measure, sid)
            if len(written) != 3 or written[0] not in LANGUAGES:
                raise words.wrong(
                    (measure, sid), f"[language, format, unit], a language of {LANGUAGES}"
                )
            out[measure].append((sid, written[0], written[1], written[2]))
    return out


STYLES = _styles()
