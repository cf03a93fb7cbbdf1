"""Whose condition it is, and whether it is one: a relative's named in Hebrew as clinicians
write it ("אמא עם X, אבא Y בגיל 60", "סבא - X", "אח עם X"), and a drug allergy's reaction
("Allergic to X (rash)", "Allergies: X - hives", "אלרגיה ל-X (פריחה)"), which says what the
drug did once, not a diagnosis the patient has now (docs/timeline.md)."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
# The plain Hebrew words for relatives at the start of a clause ("אמא עם", "סבא -", "אח
# עם"): without "עם", "-" or a condition after them "אח" is as often a male nurse.
_RELATIVE = re.compile(
    rf"(?:^|[,;:.]\s*|\s)(?:ו)?(?:אמא|אבא|סבא|סבתא|אח|אחות|אחים|אחיות|בן|בת|דוד|דודה)"
    rf"(?:\s+(?:עם|סובל מ|סובלת מ|חולה ב)|\s*-|\s+(?=[{HEB}A-Za-z]))",
)
# A drug allergy in the clause before the name, its reaction after the drug.
_ALLERGY = re.compile(rf"{_W}(?:allerg\w*|intoleran\w*|אלרגי\w*|רגישות ל)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;\n]")


def relatives_condition(body: str, start: int) -> bool:
    """Whether a Hebrew relative's word opens the clause (up to a comma) that holds the
    condition at `start`."""
    clause_start = max(body.rfind(",", 0, start), body.rfind(";", 0, start)) + 1
    return bool(_RELATIVE.match(body, max(0, clause_start - 1))) or bool(
        _RELATIVE.search(body[clause_start:start])
    )


def allergy_reaction(body: str, start: int) -> bool:
    """Whether the condition at `start` is the reaction of an allergy named before it in
    its clause."""
    ends = list(_CLAUSE_END.finditer(body, 0, start))
    clause = body[ends[-1].end() if ends else 0 : start]
    return bool(_ALLERGY.search(clause))
