"""Measurement mentions: for each MEASURES key, written styles in English and Hebrew
(`vitals`, `labs`), each a template over values drawn from a sampler in the unit the
template writes, the expected value converted to the MEASURES unit (`samplers`). Also the
implausible values (flags)."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import Cycler, Piece, meas
from bench.timeline.sets.holdout.labs import LAB_SPECS
from bench.timeline.sets.holdout.samplers import Spec
from bench.timeline.sets.holdout.vitals import VITAL_SPECS

SPECS: dict[str, Spec] = {**VITAL_SPECS, **LAB_SPECS}
_MEASURE_OF = {"bp_systolic": "bp", "bp_diastolic": "bp"}


def spec_key(measure: str) -> str:
    return _MEASURE_OF.get(measure, measure)


def mention(cyc: Cycler, measure: str, lang: str) -> Piece:
    """One mention of `measure` (a SPECS key: "bp" for blood pressure) in the next style."""
    samplers, templates = SPECS[measure]
    style, tag, template = cyc.pick(f"{measure}:{lang}", templates[lang])
    subs, values = samplers[tag](cyc.rng)
    return Piece(template.format(**subs), tuple(meas(n, v, style) for n, v in values))


# -- implausible values: (language, text, flag name, (measure whose range it breaks, number))
FLAGS: list[tuple[str, str, str, tuple[str, str]]] = [
    ("en", "BP 1280/82", "bp", ("bp_systolic", "1280")),
    ("en", "BP: 142/910 mmHg", "bp", ("bp_diastolic", "910")),
    ("en", "Wt 8200 kg", "weight", ("weight", "8200")),
    ("en", "HR 720", "heart_rate", ("heart_rate", "720")),
    ("en", "temp 376 C", "temperature", ("temperature", "376")),
    ("en", "SpO2 197%", "spo2", ("spo2", "197")),
    ("en", "Ht 1720 cm", "height", ("height", "1720")),
    ("en", "BMI 274", "bmi", ("bmi", "274")),
    ("en", "HbA1c 72%", "a1c", ("a1c", "72")),
    ("en", "LDL 3100 mg/dL", "ldl", ("ldl", "3100")),
    ("en", "glucose 18000 mg/dL", "glucose", ("glucose", "18000")),
    ("en", "creatinine 88 mg/dL", "creatinine", ("creatinine", "88")),
    ("en", "eGFR 690", "egfr", ("egfr", "690")),
    ("en", "PHQ-9 31", "phq9", ("phq9", "31")),
    ("en", "GAD-7: 24", "gad7", ("gad7", "24")),
    ("en", "knee flexion 1100°", "rom", ("rom", "1100")),
    ("en", "HDL 460 mg/dL", "hdl", ("hdl", "460")),
    ("he", "לחץ דם 1300/80", "bp", ("bp_systolic", "1300")),
    ("he", 'משקל 7800 ק"ג', "weight", ("weight", "7800")),
    ("he", "דופק 650", "heart_rate", ("heart_rate", "650")),
    ("he", "חום 373", "temperature", ("temperature", "373")),
    ("he", "סטורציה 980%", "spo2", ("spo2", "980")),
    ("he", "HbA1c 65%", "a1c", ("a1c", "65")),
    ("he", "PHQ-9: 35", "phq9", ("phq9", "35")),
    ("he", "כולסטרול כללי 2400", "total_cholesterol", ("total_cholesterol", "2400")),
]


def flag_piece(i: int) -> tuple[Piece, str]:
    """The i-th implausible value as a piece, and its measure (so a field holds no other
    mention of it)."""
    _, s, name, number = FLAGS[i]
    return Piece(s, flags=(name,), flag_numbers=(number,)), number[0]
