"""Random, believable values of each measure, written in a unit and marked with the value a
correct reading stores (in the MEASURES unit, converted from the number as written)."""

from __future__ import annotations

import random

from bench.timeline.sets.blind3.markup import label

KG_PER_LB = 0.45359237
CM_PER_IN = 2.54
CHOL = 38.67  # mg/dL per mmol/L, total, LDL and HDL cholesterol
GLUCOSE = 18.0  # mg/dL per mmol/L
CREATININE = 88.4  # µmol/L per mg/dL

# Range in the MEASURES unit and the decimals a clinician writes there.
RANGE: dict[str, tuple[float, float, int]] = {
    "heart_rate": (52, 112, 0),
    "weight": (48, 124, 1),
    "height": (148, 193, 0),
    "bmi": (18.5, 41, 1),
    "temperature": (36.0, 39.4, 1),
    "spo2": (88, 100, 0),
    "pain": (1, 9, 0),
    "a1c": (5.4, 11.6, 1),
    "ldl": (52, 196, 0),
    "hdl": (28, 86, 0),
    "total_cholesterol": (128, 292, 0),
    "glucose": (72, 268, 0),
    "creatinine": (0.55, 3.4, 2),
    "egfr": (16, 104, 0),
    "phq2": (0, 6, 0),
    "phq9": (0, 27, 0),
    "gad7": (0, 21, 0),
    "rom": (15, 165, 0),
}


def _num(x: float, dec: int) -> str:
    return f"{x:.{dec}f}"


class Values:
    """One snippet's values: each call draws a new one from `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self.r = rng

    def draw(self, measure: str, lo: float | None = None, hi: float | None = None) -> float:
        low, high, dec = RANGE[measure]
        return round(self.r.uniform(low if lo is None else lo, high if hi is None else hi), dec)

    def raw(self, measure: str, dec: int | None = None) -> str:
        """An unlabelled value of `measure` (a target, an earlier reading)."""
        d = RANGE[measure][2] if dec is None else dec
        return _num(self.draw(measure), d)

    def q(
        self,
        measure: str,
        fmt: str = "{}",
        dec: int | None = None,
        lo: float | None = None,
        hi: float | None = None,
    ) -> str:
        """A value in the MEASURES unit, written `fmt` (its span is the whole of `fmt`),
        drawn from the measure's range or from lo..hi."""
        d = RANGE[measure][2] if dec is None else dec
        x = self.draw(measure, lo, hi)
        if measure == "rom":
            x = float(self.r.choice(range(int(x) - int(x) % 5, int(x) + 1, 5)))
        written = _num(x, d)
        return label(fmt.format(written), f"m:{measure}={float(written)}")

    def conv(self, measure: str, per: float, dec: int, fmt: str, *, divide: bool = False) -> str:
        """A value written in another unit: `per` MEASURES units in one written unit (or,
        `divide`, written units in one MEASURES unit)."""
        x = self.draw(measure)
        written = round(x * per if divide else x / per, dec)
        stored = written / per if divide else written * per
        return label(fmt.format(_num(written, dec)), f"m:{measure}={round(stored, 2)}")

    def bp(self, fmt: str = "{s}/{d}") -> str:
        s, d = self.bp_pair()
        return label(fmt.format(s=s, d=d), f"m:bp_systolic={s}", f"m:bp_diastolic={d}")

    def bp_pair(self) -> tuple[int, int]:
        s = self.r.randint(102, 178)
        d = self.r.randint(58, min(104, s - 28))
        return s, d

    # units other than the stored one
    def lb(self, fmt: str = "{} lb") -> str:
        return self.conv("weight", KG_PER_LB, 0, fmt)

    def inches(self, fmt: str = "{} in") -> str:
        return self.conv("height", CM_PER_IN, 0, fmt)

    def metres(self, fmt: str = "{} m") -> str:
        return self.conv("height", 100.0, 2, fmt)

    def feet(self, fmt: str = "{f}'{i}\"") -> str:
        total = round(self.draw("height") / CM_PER_IN)
        text = fmt.format(f=total // 12, i=total % 12)
        return label(text, f"m:height={round(total * CM_PER_IN, 2)}")

    def fahrenheit(self, fmt: str = "{} F") -> str:
        c = self.draw("temperature")
        f = round(c * 9 / 5 + 32, 1)
        return label(fmt.format(_num(f, 1)), f"m:temperature={round((f - 32) * 5 / 9, 2)}")

    def mmol(self, measure: str, fmt: str = "{} mmol/L") -> str:
        per = GLUCOSE if measure == "glucose" else CHOL
        return self.conv(measure, per, 1, fmt)

    def umol(self, fmt: str = "{} umol/L") -> str:
        return self.conv("creatinine", CREATININE, 0, fmt, divide=True)

    def ifcc(self, fmt: str = "{} mmol/mol") -> str:
        pct = self.draw("a1c")
        mm = round((pct - 2.15) * 10.929)
        return label(fmt.format(mm), f"m:a1c={round(mm / 10.929 + 2.15, 2)}")
