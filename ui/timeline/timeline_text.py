"""The timeline's words in the window's language: measure names, units, values and dates.

Core names a measure by its key (`core.timeline.types.MEASURES`) and stores every value in
that key's unit; how either reads on screen is the window's business. Values are numbers
and Latin units, so each is a left-to-right island (ui/kit/bidi.py) that a Hebrew line cannot
reorder; a unit the catalogue words in Hebrew follows its number in the line's own order.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from core.timeline.measures.units import with_unit
from core.timeline.types import MEASURES, TimelineFact
from ui.kit.bidi import DATE, DATE_TIME, ltr

_HEBREW = range(0x0590, 0x0600)


def measure_label(name: str) -> str:
    """The translated name of a measure key; a key the window does not know yet shows as
    core wrote it, so a new measure is never hidden."""
    labels = {
        "bp_systolic": QCoreApplication.translate("Measures", "Systolic BP"),
        "bp_diastolic": QCoreApplication.translate("Measures", "Diastolic BP"),
        "heart_rate": QCoreApplication.translate("Measures", "Heart rate"),
        "respiratory_rate": QCoreApplication.translate("Measures", "Respiratory rate"),
        "weight": QCoreApplication.translate("Measures", "Weight"),
        "height": QCoreApplication.translate("Measures", "Height"),
        "bmi": QCoreApplication.translate("Measures", "BMI"),
        "temperature": QCoreApplication.translate("Measures", "Temperature"),
        "spo2": QCoreApplication.translate("Measures", "Oxygen saturation"),
        "pain": QCoreApplication.translate("Measures", "Pain"),
        "a1c": QCoreApplication.translate("Measures", "HbA1c"),
        "ldl": QCoreApplication.translate("Measures", "LDL cholesterol"),
        "hdl": QCoreApplication.translate("Measures", "HDL cholesterol"),
        "total_cholesterol": QCoreApplication.translate("Measures", "Total cholesterol"),
        "glucose": QCoreApplication.translate("Measures", "Glucose"),
        "creatinine": QCoreApplication.translate("Measures", "Creatinine"),
        "egfr": QCoreApplication.translate("Measures", "eGFR"),
        "sodium": QCoreApplication.translate("Measures", "Sodium"),
        "potassium": QCoreApplication.translate("Measures", "Potassium"),
        "hemoglobin": QCoreApplication.translate("Measures", "Hemoglobin"),
        "tsh": QCoreApplication.translate("Measures", "TSH"),
        "triglycerides": QCoreApplication.translate("Measures", "Triglycerides"),
        "phq2": QCoreApplication.translate("Measures", "PHQ-2"),
        "phq9": QCoreApplication.translate("Measures", "PHQ-9"),
        "gad7": QCoreApplication.translate("Measures", "GAD-7"),
        "rom": QCoreApplication.translate("Measures", "Range of motion"),
    }
    return labels.get(name, name)


def blood_pressure_label() -> str:
    return QCoreApplication.translate("Measures", "Blood pressure")


def unit_label(unit: str) -> str:
    """A unit as it reads after a number; symbols stay as they are in both languages."""
    words = {
        "score": QCoreApplication.translate("Measures", "points"),
        "/min": QCoreApplication.translate("Measures", "/min"),
        "kg/m2": "kg/m²",
        "mL/min/1.73m2": "mL/min/1.73 m²",
    }
    return words.get(unit, unit)


def unit_of(name: str) -> str:
    return unit_label(MEASURES.get(name, ""))


def number(value: float) -> str:
    """A reading as the note wrote it: 132, 6.8, 36.75, 0.795 (no "132.0", and no digit
    lost: two decimals once showed a creatinine of 0.795 as 0.8). Ten significant digits
    keep every written one and drop a float's noise (84.7 - 85.0 is 0.3)."""
    shown = f"{float(value):.10g}"
    return "0" if shown == "-0" else shown


def shown(fact: TimelineFact, row_unit: str | None = None) -> str:
    """A reading's cell: the number in the row's unit, or, where the note wrote another
    unit ("3.1 mmol/L" in a row of mg/dL), the value and unit as written. `row_unit` is a
    unit the notes wrote that the row is headed by ("lb"): a reading in it shows its digits."""
    if (digits := fact.fact.kept_digits) is not None:  # "4.0 mmol/L" in a row of mmol/L
        return ltr(digits)
    if row_unit is not None and (other := fact.fact.written_unit) and other[1] == row_unit:
        return ltr(other[0])
    if fact.fact.written:
        return ltr(fact.fact.written)
    return number(fact.fact.value) if fact.fact.value is not None else ""


def signed(value: float) -> str:
    return ("+" if value > 0 else "") + number(value)


def value_text(value: str, unit: str) -> str:
    """`value` (already a number's text) with its unit after it, kept in order in any line:
    a Latin unit shares the number's left-to-right island; a Hebrew one follows it in the
    line's own direction, which puts it after the number there too."""
    if not unit:
        return ltr(value)
    if any(ord(ch) in _HEBREW for ch in unit):
        return f"{ltr(value)} {unit}"
    return ltr(with_unit(value, unit))


def measure_heading(name: str, unit: str | None = None) -> str:
    """ "Systolic BP (mmHg)": a table row's or a plot's name with its unit (`unit`, where
    the row's readings were all written in another: "Weight (lb)")."""
    unit = unit or unit_of(name)
    label = measure_label(name)
    return f"{label} ({ltr(unit)})" if unit else label


def tick_label(when: dt.datetime, spacing_s: float) -> str:
    """A time axis tick, as coarse as the ticks are apart, in the window's one date format:
    "2024", "2024-03", "2024-03-02", "2024-03-02 10:30"."""
    day = 86_400
    if spacing_s >= 360 * day:
        return str(when.year)
    if spacing_s >= 28 * day:
        return when.strftime("%Y-%m")
    if spacing_s >= day:
        return when.strftime(DATE)
    return when.strftime(DATE_TIME)


def visit_date(when: dt.datetime | None) -> str:
    """A note's date as the session list shows it; the client's own record has none."""
    if when is None:
        return QCoreApplication.translate("Measures", "Client record")
    return ltr(when.strftime(DATE))
