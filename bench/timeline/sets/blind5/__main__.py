"""Rewrite this set's data.json from its generator: `python -m bench.timeline.sets.blind5`."""

from __future__ import annotations

import json
from typing import Any

from bench.timeline.sets.blind5 import DATA, SEED
from bench.timeline.sets.blind5.generate import generate


def dump(records: list[dict[str, Any]]) -> str:
    return json.dumps({"seed": SEED, "fields": records}, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    DATA.write_text(dump(generate(SEED)), encoding="utf-8")
    print(f"wrote {DATA}")
