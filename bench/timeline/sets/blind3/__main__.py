"""`python -m bench.timeline.sets.blind3` rewrites data.json from the generator."""

from __future__ import annotations

from bench.timeline.sets.blind3 import DATA
from bench.timeline.sets.blind3.generate import build, dumps

DATA.write_text(dumps(build()), encoding="utf-8")
print(f"wrote {DATA}")
