"""Questions over time in the clinician's own words (issue 42, point 5): 14 operations,
each in at least 25 wordings of its own, a third in Hebrew, about the patients and notes of
bench/timeline/sets/overtime, with gold answers computed from the facts that set's
generator wrote its notes from (see generate.py), split half dev, half test.

    .venv/bin/python -m bench.timeline.sets.questions.generate   # rewrites data.json
    .venv/bin/python -m bench.timeline.eval_questions       # asks and scores them
    .venv/bin/python -m bench.timeline.sets.questions.generate --extra dev2   # a further dev set
    .venv/bin/python -m bench.timeline.eval_questions --split dev2 --misses

The wordings are data: wordings/main.toml for this set, wordings/<name>.toml for each further
development set, in the format wording.py describes (which also reads names.toml, the names
a question may use). A new development set is one file, wordings/<name>.toml, and its name
added to EXTRA below; `generate --extra <name>` then writes <name>.json.

A question: id, client (external id), notes_language, operation, subject, subject_type,
period ({start, end, style, text} or null), date (the dated visit asked about, or null),
language, family (its wording's id: operation.language.nn), question, gold (by kind:
value, values, dates, date, change, count, yes_no, since; values are strings, dates ISO)
and split ("dev" or "test").

Held out: nothing here was tuned against, and its first scored run is the honest one.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data.json"
# Further development sets, each written blind after the sets before it were scored and
# tuned on like the dev half: their name, their split, and the stem of their wordings
# (wordings/<name>.toml) and of their questions (<name>.json); a new one goes last, as its
# place here sets its seed.
EXTRA = ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
         "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19",
         "dev20", "dev21", "dev22", "dev23", "dev24", "dev25", "dev26", "dev27",
         "dev28", "dev29", "dev30", "dev31", "dev32", "dev33", "dev34", "dev35",
         "dev36", "dev37", "dev38", "dev39", "dev40", "dev41", "dev42", "dev43",
         "dev44", "dev45", "dev46", "dev47", "dev48", "dev49", "dev50", "dev51",
         "dev52", "dev53")  # fmt: skip


def load(extra: str | None = None) -> dict[str, Any]:
    """The committed set (data.json): what is scored; or, `extra`, a further development
    set (dev2.json, dev3.json: every question in that split)."""
    path = DATA if extra is None else DATA.with_name(f"{extra}.json")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
