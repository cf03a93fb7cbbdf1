"""Writes data.json from the generator (seed SEED): a new set, whose first score counts."""

from bench.timeline.sets.overtime import write

print(f"wrote {write()}")
