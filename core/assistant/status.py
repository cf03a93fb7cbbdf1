"""A sentence that calls a drug still taken, checked against the note it cites: "She is
still taking metformin" citing the visit that wrote "D/c metformin" is contradicted by its
own citation, so it is never marked supported. The drug is the word the sentence's own
claim names; the stop is the note's, in its usual words (a verb before the drug, or a
participle after it)."""

from __future__ import annotations

import re

_HEB = "\u05d0-\u05ea"
# "still taking X", "remains on X", "continues X", "is on X", "עדיין נוטלת X".
_ONGOING = re.compile(
    rf"(?:still (?:taking|on|using|takes|prescribed)|remains? on|continues?(?: to take| on)?|"
    rf"(?:is|are) (?:currently )?(?:taking|on)|currently (?:takes|taking|on)|"
    rf"עדיין (?:נוטל\w*|לוקח\w*|מקבל\w*|על)|ממשיכ\w* (?:ליטול|לקחת|לקבל)?)\s+"
    rf"(?:the\s+|her\s+|his\s+|their\s+|את\s+)?(?P<drug>[a-z{_HEB}][\w{_HEB}-]{{2,}})",
    re.IGNORECASE,
)
_STOP_BEFORE = (
    r"(?:d/?c'?d?|stop(?:ped|s)?|discontinu\w*|ceas\w*|withdr[ae]w\w*|came off|off|"
    r"הפסק\w*|הופסק\w*|הפסיק\w*)"
)
# "Stop lisinopril 10 mg, start lisinopril 20 mg": started again after the stop, it runs on.
_AGAIN = r"(?:start\w*|restart\w*|resum\w*|continu\w*|re-?start\w*|התחיל\w*|חידש\w*|ממשיכ\w*)"
_STOP_AFTER = r"(?:stopped|discontinued|d/?c'?d|ceased|withdrawn|held|הופסק\w*)"


def ongoing_drugs(sentence: str) -> list[str]:
    """The words a sentence calls still taken ("still taking metformin": "metformin")."""
    return [m.group("drug") for m in _ONGOING.finditer(sentence)]


def contradicts_status(sentence: str, source: str) -> str | None:
    """The drug the sentence calls still taken that its cited note records as stopped, or
    None."""
    for m in _ONGOING.finditer(sentence):
        drug = re.escape(m.group("drug"))
        stopped = re.search(
            rf"(?<![\w{_HEB}]){_STOP_BEFORE}\s*:?\s+(?:the\s+|את\s+)?{drug}(?![\w{_HEB}])"
            rf"|(?<![\w{_HEB}]){drug}[^.\n;]{{0,30}}?\b{_STOP_AFTER}",
            source,
            re.IGNORECASE,
        )
        if stopped is not None and not re.search(
            rf"(?<![\w{_HEB}]){_AGAIN}\s+(?:the\s+|את\s+)?(?:\S+\s+){{0,2}}?{drug}(?![\w{_HEB}])",
            source[stopped.end() :],
            re.IGNORECASE,
        ):
            return m.group("drug")
    return None
