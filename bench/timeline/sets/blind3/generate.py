"""Writes the set: SEED decides everything, so `build()` gives the same fields on every run
and data.json is `dumps(build())`. The clinics, dealt two fields each in turn, are those
clinics/order.toml names."""

from __future__ import annotations

import json
import random
from typing import Any

from bench.timeline.sets.blind3.clinic import read_clinics
from bench.timeline.sets.blind3.compose import Composer
from bench.timeline.sets.blind3.markup import parse

SEED = 27_2026_3
N_FIELDS = 342
CLINICS = read_clinics()
# Fields in the proportions a chart holds them: the objective (vitals) most often.
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
WEIGHTS = (4, 5, 4, 4, 3)


def build(n: int = N_FIELDS, seed: int = SEED) -> dict[str, Any]:
    rng = random.Random(seed)
    composer = Composer(rng)
    out: list[dict[str, Any]] = []
    for i in range(n):
        lang = "he" if i % 5 in (1, 3) else "en"
        clinic = CLINICS[(i // 2) % len(CLINICS)]
        field = rng.choices(FIELDS, WEIGHTS)[0]
        text, facts, flags = parse(composer.field(clinic, lang, field))
        out.append(
            {
                "id": f"blind3-{i:04d}",
                "language": lang,
                "clinic": clinic.name,
                "field": field,
                "text": text,
                "expected": facts,
                "expected_flags": flags,
            }
        )
    return {"seed": seed, "fields": out}


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
