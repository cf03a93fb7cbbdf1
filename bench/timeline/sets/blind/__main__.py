"""Rewrites data.json from the generator (seed SEED): a new set, whose first score counts."""

from bench.timeline.sets.blind import DATA
from bench.timeline.sets.blind.generate import dumps

DATA.write_text(dumps(), encoding="utf-8")
print(f"wrote {DATA}")
