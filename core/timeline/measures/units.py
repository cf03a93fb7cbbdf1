"""Units to the one each measure is stored in. Mass, length and temperature go through
pint; laboratory values in molar units have analyte-specific factors that no unit library
knows (they depend on the molecule's mass), so those few are written here."""

from __future__ import annotations

import functools
from typing import Any, cast

# mmol/L (µmol/L for creatinine) to mg/dL, per analyte.
_MOLAR_TO_MG_DL: dict[str, float] = {
    "ldl": 38.67,
    "hdl": 38.67,
    "total_cholesterol": 38.67,
    "glucose": 18.0,
    "creatinine": 1 / 88.4,
    "triglycerides": 88.57,
}


@functools.cache
def _registry() -> Any:
    import pint  # lazy: building the registry takes ~0.3 s

    return cast(Any, pint.UnitRegistry())


_PINT: dict[str, str] = {
    "kg": "kilogram",
    "lb": "pound",
    "g": "gram",
    "cm": "centimeter",
    "m": "meter",
    "in": "inch",
    "ft": "foot",
    "c": "degC",
    "f": "degF",
}
_TARGET: dict[str, str] = {"weight": "kilogram", "height": "centimeter", "temperature": "degC"}


# How a unit key is shown when the note wrote the number alone ("LDL 3.1": mmol/L).
SHOWN = {
    "mmol/l": "mmol/L",
    "umol/l": "µmol/L",
    "g/l": "g/L",
    "mmol/mol": "mmol/mol",
    "lb": "lb",
    "in": "in",
    "m": "m",
    "f": "°F",
}


def converts(measure: str, unit: str) -> bool:
    """Whether a value in `unit` is stored converted (to MEASURES's unit for `measure`)."""
    if unit in ("mmol/l", "umol/l"):
        return measure in _MOLAR_TO_MG_DL  # a sodium's mmol/L is its own unit
    if unit == "mmol/mol" or (measure, unit) == ("hemoglobin", "g/l"):
        return True
    target, source = _TARGET.get(measure), _PINT.get(unit)
    return target is not None and source is not None and source != target


def convertible(measure: str, unit: str) -> bool:
    """Whether a value in `unit` can be stored as `measure`: its own unit, one of the molar
    units, or one of the same dimension ("Body Weight: 70 cm" is no weight)."""
    if unit in ("mmol/l", "umol/l", "mmol/mol") or (measure, unit) == ("hemoglobin", "g/l"):
        return True
    target, source = _TARGET.get(measure), _PINT.get(unit)
    if target is None or source is None or source == target:
        return True
    ureg = _registry()
    return bool(ureg.get_dimensionality(source) == ureg.get_dimensionality(target))


def convert(measure: str, value: float, unit: str) -> float:
    """`value` in `unit` (a key of _PINT, "mmol/l", "umol/l", "mmol/mol") as the unit
    MEASURES gives for `measure`."""
    if unit in ("mmol/l", "umol/l"):
        return value * _MOLAR_TO_MG_DL.get(measure, 1.0)
    if (measure, unit) == ("hemoglobin", "g/l"):
        return value / 10
    if unit == "mmol/mol":  # IFCC A1c to the NGSP percentage
        return value / 10.929 + 2.15
    target = _TARGET.get(measure)
    source = _PINT.get(unit)
    if target is None or source is None or source == target:
        return value
    ureg = _registry()
    return float(ureg.Quantity(value, source).to(target).magnitude)


def with_unit(raw: str, unit: str) -> str:
    """A value and its unit as a reader writes them: "%", degrees and per-minute rates glued
    to the number ("97%", "110°", "88.40/min"), others after a space ("4.0 mmol/L")."""
    unit = unit.strip()
    return f"{raw}{'' if unit in ('%', '°', '°C') or unit.startswith('/') else ' '}{unit}"
