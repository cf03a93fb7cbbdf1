"""Writes bench/timeline/sets/blind4/data.json from the generator (seed SEED)."""

from __future__ import annotations

import json

from bench.timeline.sets.blind4 import DATA
from bench.timeline.sets.blind4.generate import generate


def dump(data: list[dict[str, object]]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main() -> None:
    data = generate()
    DATA.write_text(dump(data), encoding="utf-8")
    print(f"wrote {len(data)} fields to {DATA}")


if __name__ == "__main__":
    main()
