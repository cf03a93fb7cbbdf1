"""Values for the written styles (bench.timeline.sets.blind.measures.STYLES): a number as it
is written in the style's unit and the same number in the MEASURES unit; a mention of a
measure with its labels; implausible values (flags) and numbers that are no fact. The
ranges drawn from and the flags are values.toml."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.blind.measures import INCH, STYLES, in_measures_unit
from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, mark
from bench.timeline.sets.blind.tables import LANGUAGES, Number, Table
from core.timeline.types import MEASURES


@dataclass(frozen=True)
class Range:
    """Where a measure's value is drawn, written in one unit."""

    low: Number
    high: Number
    step: Number
    # Written with this many decimals; a tuple: one drawn for each value, and the label
    # takes the number as written.
    decimals: int | tuple[int, ...]


def _whole(t: Table, key: str, n: int | None = None) -> tuple[int, ...]:
    numbers = t.numbers(key, n)
    if not all(isinstance(x, int) for x in numbers):
        raise VocabError(f"{t.path}: {t.at(key)!r}: whole numbers")
    return tuple(int(x) for x in numbers)


def _pair(t: Table, key: str) -> tuple[int, int]:
    """[first, last]: whole numbers, the first below the last."""
    first, last = _whole(t, key, 2)
    if not first < last:
        raise VocabError(f"{t.path}: {t.at(key)!r}: [first, last], the first below the last")
    return first, last


def _range(t: Table) -> Range:
    t.check_known("low", "high", "step", "decimals")
    low, high, step = t.number("low"), t.number("high"), t.number("step")
    if not low < high or step <= 0:
        raise VocabError(f"{t.path}: {t.where!r}: low below high, a step above 0")
    if isinstance(t.data.get("decimals"), list):
        return Range(low, high, step, _whole(t, "decimals"))
    decimals = t.number("decimals")
    if not isinstance(decimals, int):
        raise VocabError(f"{t.path}: {t.at('decimals')!r}: a whole number or a list of them")
    return Range(low, high, step, decimals)


_VALUES = Table.read("values.toml")
# measure -> unit as written -> its range
RANGES = {
    measure: {unit: _range(t.table(unit)) for unit in t.data}
    for measure, t in _VALUES.table("ranges").tables().items()
}
_FEET_INCHES = _VALUES.table("feet_inches")
FEET = _whole(_FEET_INCHES, "feet")
INCHES = _pair(_FEET_INCHES, "inches")
_WRITTEN = _FEET_INCHES.table("written")
FEET_INCHES = {unit: _WRITTEN.string(unit) for unit in _WRITTEN.data}  # unit -> format
_BP = _VALUES.table("bp")
BP_DIASTOLIC = _pair(_BP, "diastolic")
BP_SYSTOLIC = _pair(_BP, "systolic")
BP_ABOVE = _pair(_BP, "above_diastolic")  # how far the systolic is above the diastolic
_FLAGS = _VALUES.table("flags")
FLAGS = {lang: _FLAGS.rows(lang, 2) for lang in LANGUAGES}  # (measure, reading)
FLAG_TAILS = _FLAGS.by_language("tails")


def _check() -> None:
    """Each flag names a measure, and each style's unit has a range to draw from."""
    for lang, flags in FLAGS.items():
        _FLAGS.among(lang, [name for name, _ in flags], STYLES)
    for measure, styles in STYLES.items():
        for sid, _, _, unit in styles:
            drawable = unit in FEET_INCHES or unit in RANGES.get(measure, {})
            if measure != "bp" and not drawable:
                raise VocabError(f"{_VALUES.path}: no range of {measure} in {unit} ({sid})")


_check()


def _num(x: float, decimals: int) -> str:
    return f"{x:.{decimals}f}"


def draw(p: Pick, measure: str, unit: str) -> tuple[str, float]:
    """(written, value in the MEASURES unit)."""
    if unit in FEET_INCHES:
        ft, inch = p.one(FEET), p.rng.randint(INCHES[0], INCHES[1])
        return FEET_INCHES[unit].format(f=ft, i=inch), (ft * 12 + inch) * INCH
    r = RANGES[measure][unit]
    v = p.uniform(r.low, r.high, r.step)
    if isinstance(r.decimals, int):
        return _num(v, r.decimals), in_measures_unit(measure, unit, v)
    written = _num(v, p.one(r.decimals))
    return written, in_measures_unit(measure, unit, float(written))


def n_styles(measure: str, lang: str) -> int:
    return sum(s[1] == lang for s in STYLES[measure])


def _fact(name: str, value: float, style: str) -> Label:
    return Label("measurement", name, value=round(value, 2), unit=MEASURES[name], style=style)


def mention(p: Pick, measure: str, lang: str, style_id: str | None = None) -> Seg:
    """One reading of `measure` in a style of `lang` (round robin over the styles), with
    its facts: a blood pressure gives a systolic and a diastolic, over the same span."""
    styles = [s for s in STYLES[measure] if s[1] == lang]
    style = (
        next(s for s in styles if s[0] == style_id)
        if style_id
        else p.cycle(f"{measure}/{lang}", styles)
    )
    sid, _, fmt, unit = style
    p.drawn[f"{measure}/{lang}"] += 1
    if measure == "bp":
        # Whole mmHg, the systolic within its range and above the diastolic by its gap.
        (d_low, d_high), (s_low, s_high), (above, most) = BP_DIASTOLIC, BP_SYSTOLIC, BP_ABOVE
        d = p.uniform(d_low, d_high, 1)
        s = p.uniform(max(s_low, d + above), min(s_high, d + most), 1)
        text = fmt.format(s=int(s), d=int(d))
        return mark(text, _fact("bp_systolic", s, sid), _fact("bp_diastolic", d, sid))
    written, value = draw(p, measure, unit)
    return mark(fmt.format(v=written), _fact(measure, value, sid))


def flag(p: Pick, lang: str) -> Seg:
    name, text = p.cycle(f"flag/{lang}", FLAGS[lang])
    return mark(text, Label("flag", name))


def flagged_lead(p: Pick, lang: str) -> Seg:
    """A flag as clinicians leave them: in a vitals line, often with a query."""
    return cat(flag(p, lang), p.one(FLAG_TAILS[lang]))
