"""The schedule of fields (clinic, field, how many in English and in Hebrew, as
clinics.toml lists them) and the one seeded run that writes them all: the same list, byte
for byte, every time."""

from __future__ import annotations

import json
from typing import Any

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.blind.meds import Meds
from bench.timeline.sets.blind.notes import BUILDERS, Ctx
from bench.timeline.sets.blind.problems import Care, Problems
from bench.timeline.sets.blind.seg import Pick
from bench.timeline.sets.blind.tables import HERE
from bench.timeline.sets.blind.vocab import CLINICS

SEED = 27_061_193


def _schedule() -> tuple[tuple[str, str, int, int], ...]:
    """(clinic, field, English fields, Hebrew fields), in clinics.toml's order."""
    out = tuple(
        (clinic.name, field, n_en, n_he)
        for clinic in CLINICS.values()
        for field, (n_en, n_he) in clinic.fields.items()
    )
    unknown = sorted({field for _, field, _, _ in out} - set(BUILDERS))
    if unknown:
        known = ", ".join(BUILDERS)
        raise VocabError(f"{HERE / 'clinics.toml'}: no field {unknown[0]!r} (known: {known})")
    return out


SCHEDULE = _schedule()


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
