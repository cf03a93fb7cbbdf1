"""Each measure in its written styles: a style is a language ("en", or "he" for a Hebrew
note only), a template and the unit its number is written in. A Hebrew note also takes the
English styles, as Israeli clinicians write "BP 130/80" in Hebrew."""

from __future__ import annotations

import random
from collections.abc import Callable

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
# Range in MEASURES' unit and decimals as written there.
RANGES: dict[str, tuple[float, float, int]] = {
    "heart_rate": (52, 112, 0),
    "weight": (46, 128, 1),
    "height": (148, 194, 0),
    "bmi": (18.6, 41.5, 1),
    "temperature": (36.1, 38.9, 1),
    "spo2": (90, 99, 0),
    "pain": (0, 9, 0),
    "a1c": (5.3, 10.8, 1),
    "ldl": (58, 196, 0),
    "hdl": (29, 84, 0),
    "total_cholesterol": (138, 286, 0),
    "glucose": (72, 264, 0),
    "creatinine": (0.55, 2.6, 2),
    "egfr": (22, 108, 0),
    "phq2": (0, 6, 0),
    "phq9": (0, 25, 0),
    "gad7": (0, 20, 0),
    "rom": (15, 150, 0),
}


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
