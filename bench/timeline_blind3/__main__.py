"""`python -m bench.timeline_blind3` rewrites data.json from the generator."""

from __future__ import annotations

from bench.timeline_blind3 import DATA
from bench.timeline_blind3.generate import build, dumps

DATA.write_text(dumps(build()), encoding="utf-8")
print(f"wrote {DATA}")
