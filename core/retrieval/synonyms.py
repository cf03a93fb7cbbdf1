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
PHRASES = [
    (key, re.compile(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])"))
    for key, forms in SYNONYMS.items()
    for p in forms
]


def expansion(text: str) -> list[str]:
    """The other names, two letters or more, of every term `text` names, as words."""
    low = text.casefold()
    keys = {key for key, pattern in PHRASES if pattern.search(low)}
    words = {w for key in keys for form in SYNONYMS[key] for w in form.split() if len(w) > 1}
    return sorted(words)
