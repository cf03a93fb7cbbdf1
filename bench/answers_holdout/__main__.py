"""Writes data.json (seed SEED): a new set, whose first score counts."""

from bench.answers_holdout import write

print(f"wrote {write()}")
