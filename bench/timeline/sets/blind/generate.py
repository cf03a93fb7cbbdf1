"""The schedule of fields (clinic, field, how many in English and in Hebrew) and the one
seeded run that writes them all: the same list, byte for byte, every time."""

from __future__ import annotations

import json
from typing import Any

from bench.timeline.sets.blind.meds import Meds
from bench.timeline.sets.blind.notes import BUILDERS, Ctx
from bench.timeline.sets.blind.problems import Care, Problems
from bench.timeline.sets.blind.seg import Pick

SEED = 27_061_193
# (clinic, field, English fields, Hebrew fields)
SCHEDULE: tuple[tuple[str, str, int, int], ...] = (
    ("gp", "subjective", 12, 8),
    ("gp", "objective", 14, 9),
    ("gp", "assessment", 9, 6),
    ("gp", "plan", 12, 8),
    ("gp", "medical_history", 6, 4),
    ("physio", "subjective", 6, 4),
    ("physio", "objective", 9, 6),
    ("physio", "assessment", 4, 3),
    ("physio", "plan", 6, 4),
    ("psych", "subjective", 7, 5),
    ("psych", "objective", 9, 6),
    ("psych", "assessment", 6, 4),
    ("psych", "plan", 7, 5),
    ("psych", "medical_history", 3, 2),
    ("endo", "subjective", 4, 3),
    ("endo", "objective", 14, 9),
    ("endo", "assessment", 6, 4),
    ("endo", "plan", 8, 5),
    ("endo", "medical_history", 4, 3),
    ("cardio", "subjective", 4, 3),
    ("cardio", "objective", 10, 7),
    ("cardio", "assessment", 6, 4),
    ("cardio", "plan", 8, 5),
    ("cardio", "medical_history", 4, 3),
    ("paeds", "subjective", 5, 3),
    ("paeds", "objective", 7, 5),
    ("paeds", "assessment", 3, 2),
    ("paeds", "plan", 4, 3),
)


def generate(seed: int = SEED) -> list[dict[str, Any]]:
    """Every field as JSON: id, language, field, clinic, text, expected (facts with their
    spans) and expected_flags (each a measure's name with its span)."""
    p = Pick(seed)
    meds, dx, care = Meds(p), Problems(p), Care(p)
    jobs = [
        (clinic, field, lang)
        for clinic, field, n_en, n_he in SCHEDULE
        for lang, n in (("en", n_en), ("he", n_he))
        for _ in range(n)
    ]
    p.rng.shuffle(jobs)
    out: list[dict[str, Any]] = []
    for i, (clinic, field, lang) in enumerate(jobs, 1):
        meds.used.clear()
        dx.used.clear()
        seg = BUILDERS[field](Ctx(p, meds, dx, care, lang, clinic))
        labels = sorted(seg.labels, key=lambda x: (x.start, x.end))
        out.append(
            {
                "id": f"blind-{i:03d}-{lang}-{clinic}-{field}",
                "language": lang,
                "field": field,
                "clinic": clinic,
                "text": seg.text,
                "expected": [x.to_json(seg.text) for x in labels if x.kind != "flag"],
                "expected_flags": [
                    {
                        "name": x.name,
                        "start": x.start,
                        "end": x.end,
                        "text": seg.text[x.start : x.end],
                    }
                    for x in labels
                    if x.kind == "flag"
                ],
            }
        )
    return out


def dumps(seed: int = SEED) -> str:
    return json.dumps({"seed": seed, "fields": generate(seed)}, ensure_ascii=False, indent=1) + "\n"
