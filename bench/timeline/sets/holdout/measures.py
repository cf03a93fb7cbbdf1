"""Measurement mentions: for each MEASURES key, written styles in English and Hebrew
(vitals.toml, labs.toml), each a template over values drawn from a sampler in the unit the
template writes, the expected value converted to the MEASURES unit (`samplers`). Also the
implausible values (flags.toml)."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import PLAUSIBLE, Cycler, Piece, meas
from bench.timeline.sets.holdout.readers import LANGS, read
from bench.timeline.sets.holdout.samplers import Spec, read_specs

SPECS: dict[str, Spec] = {**read_specs("vitals.toml"), **read_specs("labs.toml")}
# Both halves of a blood pressure are written by one spec, "bp".
_MEASURE_OF = {"bp_systolic": "bp", "bp_diastolic": "bp"}


def spec_key(measure: str) -> str:
    return _MEASURE_OF.get(measure, measure)


def mention(cyc: Cycler, measure: str, lang: str) -> Piece:
    """One mention of `measure` (a SPECS key: "bp" for blood pressure) in the next style."""
    samplers, templates = SPECS[measure]
    style, tag, template = cyc.pick(f"{measure}:{lang}", templates[lang])
    subs, values = samplers[tag](cyc.rng)
    return Piece(template.format(**subs), tuple(meas(n, v, style) for n, v in values))


def _flags() -> list[tuple[str, str, str, tuple[str, str]]]:
    """(language, text, flag name, (measure whose range it breaks, number)), in file order."""
    words = read("flags.toml")
    out: list[tuple[str, str, str, tuple[str, str]]] = []
    for i in range(len(words.tables("flags"))):
        lang, text, name, measure, number = (
            words.text("flags", i, k) for k in ("lang", "text", "flag", "measure", "number")
        )
        if lang not in LANGS or measure not in PLAUSIBLE:
            raise words.wrong(("flags", i), f"a lang of {LANGS} and a measure of PLAUSIBLE")
        out.append((lang, text, name, (measure, number)))
    return out


FLAGS = _flags()


def flag_piece(i: int) -> tuple[Piece, str]:
    """The i-th implausible value as a piece, and its measure (so a field holds no other
    mention of it)."""
    _, s, name, number = FLAGS[i]
    return Piece(s, flags=(name,), flag_numbers=(number,)), number[0]
