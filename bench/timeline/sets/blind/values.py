"""Values for the written styles (bench.timeline.sets.blind.measures.STYLES): a number as it
is written in the style's unit and the same number in the MEASURES unit; a mention of a
measure with its labels; implausible values (flags) and numbers that are no fact. The
ranges drawn from and the flags are values.toml."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.kit.vocab import Key, Number, VocabFile
from bench.timeline.sets.blind.measures import INCH, STYLES, in_measures_unit
from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, mark
from bench.timeline.sets.blind.tables import LANGUAGES, by_language, read
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


def _wholes(words: VocabFile, *keys: Key) -> tuple[int, ...]:
    """A list of one whole number or more: a shape VocabFile has no getter for."""
    n = len(words.numbers(*keys))
    if not n:
        raise words.wrong(keys, "a list of one whole number or more")
    return tuple(words.whole(*keys, i) for i in range(n))


def _pair(words: VocabFile, *keys: Key) -> tuple[int, int]:
    """[first, last]: whole numbers, the first below the last."""
    words.bounds(*keys)
    return words.whole(*keys, 0), words.whole(*keys, 1)


_RANGE = ("low", "high", "step", "decimals")


def _range(words: VocabFile, *keys: Key) -> Range:
    words.known(words.table(*keys), _RANGE, *keys)
    low, high, step = (words.number(*keys, key) for key in _RANGE[:3])
    if not low < high or step <= 0:
        raise words.wrong(keys, "low below high, a step above 0")
    if isinstance(words.at(*keys, "decimals"), list):
        return Range(low, high, step, _wholes(words, *keys, "decimals"))
    return Range(low, high, step, words.whole(*keys, "decimals"))


_VALUES = read("values.toml")
# measure -> unit as written -> its range
RANGES = {
    measure: {
        unit: _range(_VALUES, "ranges", measure, unit) for unit in _VALUES.table("ranges", measure)
    }
    for measure in _VALUES.table("ranges")
}
FEET = _wholes(_VALUES, "feet_inches", "feet")
INCHES = _pair(_VALUES, "feet_inches", "inches")
FEET_INCHES = _VALUES.texts("feet_inches", "written")  # unit -> format
BP_DIASTOLIC = _pair(_VALUES, "bp", "diastolic")
BP_SYSTOLIC = _pair(_VALUES, "bp", "systolic")
BP_ABOVE = _pair(_VALUES, "bp", "above_diastolic")  # how far the systolic is above the diastolic
FLAGS = {lang: _VALUES.rows("flags", lang, width=2) for lang in LANGUAGES}  # (measure, reading)
FLAG_TAILS = by_language(_VALUES, "flags", "tails")


def _check() -> None:
    """Each flag names a measure, and each style's unit has a range to draw from."""
    for lang, flags in FLAGS.items():
        _VALUES.known([name for name, _ in flags], STYLES, "flags", lang)
    for measure, styles in STYLES.items():
        for sid, _, _, unit in styles:
            drawable = unit in FEET_INCHES or unit in RANGES.get(measure, {})
            if measure != "bp" and not drawable:
                raise _VALUES.wrong(("ranges", measure), f"no range in {unit}, which {sid} writes")


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
