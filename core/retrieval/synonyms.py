"""Clinical abbreviations and their spelled-out names: notes write "HR 82 bpm", people ask
about "heart rate". The lexical search adds the other forms to a question's words, and the
grounding checks fold them to one key (core.retrieval.terms)."""

from __future__ import annotations

import re

# Each key stands for the phrases that name it in notes and in answers.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "blood_pressure": ("bp", "blood pressure", "systolic", "diastolic"),
    "heart_rate": ("hr", "heart rate", "pulse", "heartbeat"),
    "respiratory_rate": ("rr", "respiratory rate", "respiration", "respirations"),
    "oxygen_saturation": ("spo2", "sao2", "oxygen saturation", "o2 sat", "saturation"),
    "temperature": ("t", "temp", "temperature", "fever"),
    "potassium": ("k", "potassium"),
    "sodium": ("na", "sodium"),
    "hba1c": ("a1c", "hba1c", "hemoglobin a1c", "glycated hemoglobin", "glycohemoglobin"),
    "hemoglobin": ("hb", "hgb", "hemoglobin", "haemoglobin"),
    "white_cells": ("wbc", "white blood cell", "white blood cells", "leukocytes"),
    "platelets": ("plt", "platelet", "platelets"),
    "creatinine": ("cr", "creat", "creatinine"),
    "urea": ("bun", "urea", "urea nitrogen"),
    "glucose": ("glu", "glucose", "blood sugar"),
    "alt": ("alt", "alanine aminotransferase", "sgpt"),
    "ast": ("ast", "aspartate aminotransferase", "sgot"),
    "crp": ("crp", "c-reactive protein", "c reactive protein"),
    "bmi": ("bmi", "body mass index"),
    "weight": ("weight", "wt", "kg"),
    "height": ("height", "ht", "cm"),
    "cholesterol": ("cholesterol", "ldl", "hdl", "chol"),
    "total_protein": ("tp", "total protein"),
}
# A question about what was given or prescribed is answered by the line that lists the
# medications ("ED workup: Medications: Ibuprofen 400mg"), which shares none of its words.
TREATMENT = frozenset(
    re.findall(
        r"\w+",
        """prescribed prescribe prescription prescriptions given give gave medication
        medications medicine medicines drug drugs treatment treatments treated therapy
        administered rx""",
    )
)


def mentions_treatment(text: str) -> bool:
    return bool(TREATMENT & set(re.findall(r"\w+", text.casefold())))


_FORMS = [(key, p) for key, forms in SYNONYMS.items() for p in forms]
PHRASES = [
    # Not after an apostrophe: the "t" of "don't" is no temperature.
    (key, re.compile(r"(?<![\w'’-])" + re.escape(p) + r"(?![\w-])"))
    for key, p in _FORMS
]
_SPELLED = [phrase for phrase, (_, p) in zip(PHRASES, _FORMS, strict=True) if len(p) > 1]


def expansion(text: str) -> list[str]:
    """The other names of every term `text` names, as words. A one-letter name ("K 4.2")
    is added only for a term the question spells out ("potassium"): a lone letter in a
    question is too often something else."""
    low = text.casefold()
    keys = {key for key, pattern in PHRASES if pattern.search(low)}
    spelled = {key for key, pattern in _SPELLED if pattern.search(low)}
    words = {
        w
        for key in keys
        for form in SYNONYMS[key]
        for w in form.split()
        if len(w) > 1 or key in spelled
    }
    return sorted(words)
