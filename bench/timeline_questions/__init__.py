"""Questions over time in the clinician's own words (issue 42, point 5): 14 operations,
each in at least 25 wordings of its own, a third in Hebrew, about the patients and notes of
bench/timeline_overtime_holdout, with gold answers computed from the facts that set's
generator wrote its notes from (see generate.py), split half dev, half test.

    .venv/bin/python -m bench.timeline_questions.generate   # rewrites data.json
    .venv/bin/python -m bench.eval_timeline_questions       # asks and scores them

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
DEV2 = DATA.with_name("dev2.json")


def load(dev2: bool = False) -> dict[str, Any]:
    """The committed set (data.json): what is scored. `dev2`: the second development set
    (dev2.json, every question in split "dev2"), written blind after the first was scored
    and tuned on like the dev half."""
    path = DEV2 if dev2 else DATA
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
