"""ConText's scope (Harkema et al., 2009), shared by diagnoses and procedures: which
words a trigger before a name still reaches, and whether a name is negated. Moved out of
`core.timeline.conditions.reader` unchanged."""

from __future__ import annotations

import re

from core.timeline.reading.cues import cues
from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

W = WORD_START
E = WORD_END
# "not raised,", "לא יציבה,": a "not" of one word, ended by the comma after it.
_NOT_ONE_WORD = re.compile(
    rf"{W}(?:not|לא)\s+(?:raised|elevated|enlarged|tender|distended|palpable|swollen|"
    rf"inflamed|increased|reduced|seen|visible|steady|stable|יציב|יציבה|מוגדל|מוגדלת|רגיש|"
    rf"רגישה|נפוח|נפוחה|תקין|תקינה)\s*(?=,)",
    re.IGNORECASE,
)
# "(-) fever, (-) chills": a review of systems marks a negative before the name.
_MINUS_BEFORE = re.compile(r"(?:\(\s*-\s*\)|\(neg\)|ø|Ø)\s*$", re.IGNORECASE)
PRE_NEGATION = re.compile(rf"{W}(?:{cues('pre_negation')}){E}", re.IGNORECASE)
POST_NEGATION = re.compile(
    rf"^[\s,:]*(?:was |is |has been |been |were |are )?"
    r"(?:(?:considered|suspected|queried|raised),? (?:but|and) (?:was |then )?)?"
    rf"(?:ruled out|excluded|unlikely|negative|"
    r"resolved|absent|not present|denied|not reported|not noted|not seen|not found|not detected|"
    r"not observed|not identified|not appreciated|not elicited|none noted|none seen|"
    # what an examination did not find by touch, sight or ear (round 7)
    r"not palpable|not palpated|not felt|impalpable|not visible|not heard|לא נמוש|לא נמושה|"
    r"נשלל|נשללה|נשללו|שלילי|שלילית|לא נמצא|לא נמצאה|"
    rf"אינו קיים|אינה קיימת|לא קיים|לא קיימת)(?![\w{HEB}])|^\s*[:\-–—=]\s*(?:no|none|nil|neg|"
    r"negative|denies|denied|absent|not present|ruled out|excluded|resolved|nkda|"
    rf"אין|ללא|לא|שולל|שוללת|שלילי|שלילית|נשלל|נשללה)(?![\w{HEB}])|^\s*[:\-–—=]?\s*\(-\)|"
    rf"^\s*[:=]?\s*(?:neg|negative|-ve)(?![\w{HEB}])|^\s*[-–—](?=\s*(?:[,;.]|$))",
    re.IGNORECASE,
)
# "fever: absent, cough: present": a negation that is a previous name's value reaches back
# to that name only, not forward to the next. A list's dash at the start ("- no X") is
# no value.
_NEGATIVE_VALUE = re.compile(
    rf"(?<=[\w{HEB})])\s*[:\-–—=]\s*(?:absent|negative|neg|none|no|nil|denied|denies|"
    r"not present|ruled out|אין|שולל|שוללת|שלילי|שלילית|ללא)\s*(?=[,;]|$)",
    re.IGNORECASE,
)
# Phrases that hold a trigger's word but are no trigger (ConText's pseudo-triggers).
_PSEUDO = re.compile(rf"{W}(?:{cues('pseudo')}){E}", re.IGNORECASE)
# Ends a trigger's scope: what follows is asserted again.
TERMINATE = re.compile(rf"{W}(?:{cues('terminate')}){E}", re.IGNORECASE)
_CLOSED_ASIDE = re.compile(r"\)\s*[,;]")


def scope_before(body: str, start: int, cut: int = 0) -> str:
    """The part of the sentence before `start` that a trigger there would still reach: from
    its last heading (`cut`) or terminating word on, pseudo-triggers blanked out. A
    parenthesis closed before a comma ends its own words' reach: in "stopped X (no longer
    needed), letter to neurology" the "no longer" is the parenthesis's."""
    head = _PSEUDO.sub(lambda m: " " * len(m.group(0)), body[cut:start])
    ends = [*TERMINATE.finditer(head), *_CLOSED_ASIDE.finditer(head)]
    return head[max(m.end() for m in ends) :] if ends else head


def negated(body: str, start: int, end: int, cut: int = 0) -> bool:
    scope = _values_blanked(scope_before(body, start, cut), body[start:])
    scope = without_closed_not(scope)
    return bool(
        PRE_NEGATION.search(scope)
        or _MINUS_BEFORE.search(body[max(0, start - 6) : start])
        or POST_NEGATION.match(body[end:])
    )


def _values_blanked(scope: str, rest: str) -> str:
    """`scope` with each previous name's negative value blanked out. The value must end its
    item in the sentence itself: the scope's own end, where the name begins, is no end
    ("considered - no parkinsonism" negates parkinsonism)."""
    whole = scope + rest
    out = list(scope)
    for m in _NEGATIVE_VALUE.finditer(whole):
        if m.end() <= len(scope):
            out[m.start() : m.end()] = " " * (m.end() - m.start())
    return "".join(out)


def last_words(scope: str, n: int) -> str:
    words = list(re.finditer(rf"[\w{HEB}'/-]+", scope))
    return scope[words[-n].start() :] if len(words) >= n else scope


def without_closed_not(scope: str) -> str:
    """`scope` with each "not" of one word that a comma ends blanked out."""
    return _NOT_ONE_WORD.sub(lambda m: " " * len(m.group(0)), scope)
