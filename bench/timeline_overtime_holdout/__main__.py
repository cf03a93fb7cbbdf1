"""Writes data.json from the generator (seed SEED): a new set, whose first score counts."""

from bench.timeline_overtime_holdout import write

print(f"wrote {write()}")
