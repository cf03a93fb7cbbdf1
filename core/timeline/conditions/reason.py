"""A condition the plan names only as what an order is for.

"Botox for chronic migraine discussed", "Refer to hand surgery re: carpal tunnel release",
"הוזמן מזרן למניעת פצעי לחץ": in the plan a condition after "for", "re:" or "to prevent"
is the reason of the treatment, referral or test beside it, a diagnosis made (or not) in
the assessment; the labelled sets count none there, and the plan's own findings ("Stop
doxazosin (postural drop)") are still read. "to prevent" in Hebrew ("למניעת") is the
uncertainty cue "prevention of" already is in English (docs/timeline.md).
"""

from __future__ import annotations

import re

from core.timeline.resources import WORD_START

_W = WORD_START
_FOR_BEFORE = re.compile(
    rf"{_W}(?:for|re:?|regarding|to treat|to manage|לטיפול ב|לצורך טיפול ב)\s*"
    r"(?:(?:the|his|her|their|a|an|chronic|recurrent|ongoing|persistent|her|his)\s+){0,2}"
    r"(?:[LR]\s+)?$",
    re.IGNORECASE,
)
_PREVENT_BEFORE = re.compile(rf"{_W}(?:למניעת|מניעת|לשם מניעת)\s*$")


def order_reason(body: str, start: int, field: str) -> bool:
    """Whether the condition at `start` of the sentence `body` is what an order in the plan
    is for, or one to prevent (any field)."""
    before = body[max(0, start - 40) : start]
    if _PREVENT_BEFORE.search(before):
        return True
    return field == "plan" and bool(_FOR_BEFORE.search(before))
