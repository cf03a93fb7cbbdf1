"""Each measure in its written styles: a style is a language ("en", or "he" for a Hebrew
note only), a template and the unit its number is written in. A Hebrew note also takes the
English styles, as Israeli clinicians write "BP 130/80" in Hebrew. The styles are
styles.toml's, the ranges values are drawn from ranges.toml's."""

from __future__ import annotations

import random
from collections.abc import Callable

from bench.timeline.sets.blind8 import tables
from bench.timeline.sets.blind8.styles import STYLES

# The unit a number is written in: how it was drawn (in MEASURES' unit) and written.
_Conv = tuple[Callable[[float], float], int]  # MEASURES' unit -> written unit, decimals
_UNITS: dict[str, _Conv] = {
    "": (lambda v: v, -1),
    "lb": (lambda v: v / 0.45359237, 0),
    "in": (lambda v: v / 2.54, 0),
    "m": (lambda v: v / 100, 2),
    "F": (lambda v: v * 9 / 5 + 32, 1),
    "chol": (lambda v: v / 38.67, 1),
    "glu": (lambda v: v / 18.0, 1),
    "umol": (lambda v: v * 88.4, 0),
    "ifcc": (lambda v: (v - 2.15) * 10.929, 0),
}
_BACK: dict[str, Callable[[float], float]] = {
    "": lambda w: w,
    "lb": lambda w: w * 0.45359237,
    "in": lambda w: w * 2.54,
    "m": lambda w: w * 100,
    "F": lambda w: (w - 32) * 5 / 9,
    "chol": lambda w: w * 38.67,
    "glu": lambda w: w * 18.0,
    "umol": lambda w: w / 88.4,
    "ifcc": lambda w: w / 10.929 + 2.15,
}
# Range in MEASURES' unit and decimals as written there (ranges.toml).
RANGES = tables.ranges()


def _num(v: float, dec: int) -> str:
    return f"{v:.{dec}f}" if dec > 0 else str(round(v))


def mention(measure: str, style: int, rng: random.Random) -> str:
    """One marked mention of `measure` in its `style`-th written style."""
    _, tmpl, unit = STYLES[measure][style]
    tag = f"{measure}.{style}"
    if measure == "bp":
        s = rng.randint(102, 176)
        d = rng.randint(58, min(98, s - 22))
        return f"[[{tmpl.format(s=s, d=d)}||bp={s}/{d}@{tag}]]"
    lo, hi, dec = RANGES[measure]
    base = rng.uniform(lo, hi)
    to, wdec = _UNITS[unit]
    written = _num(to(base), dec if wdec < 0 else wdec)
    value = round(_BACK[unit](float(written)), 2)
    return f"[[{tmpl.format(v=written)}||m.{measure}={value}@{tag}]]"


class Rotation:
    """The next style of each measure a note of a language may take, in turn."""

    def __init__(self) -> None:
        self.at: dict[tuple[str, str], int] = {}

    def next(self, measure: str, lang: str) -> int:
        # A Hebrew note takes the Hebrew styles first, then the English ones.
        styles = STYLES[measure]
        ok = [i for i, (lg, _, _) in enumerate(styles) if lg == lang]
        if lang == "he":
            ok += [i for i, (lg, _, _) in enumerate(styles) if lg == "en"]
        key = (measure, lang)
        n = self.at.get(key, 0)
        self.at[key] = n + 1
        return ok[n % len(ok)]
