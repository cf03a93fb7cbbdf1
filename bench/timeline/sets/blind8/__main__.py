"""Rewrite data.json from the generator: `python -m bench.timeline.sets.blind8`."""

from __future__ import annotations

import json
from typing import Any

from bench.timeline.sets.blind8 import DATA, SEED
from bench.timeline.sets.blind8.generate import generate


def dump(fields: list[dict[str, Any]]) -> str:
    return json.dumps({"seed": SEED, "fields": fields}, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    DATA.write_text(dump(generate(SEED)), encoding="utf-8")
    print(f"wrote {DATA}")
