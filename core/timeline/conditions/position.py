"""Conditions read by where they are written, not only by a word list.

Clinicians name a diagnosis in places that say "this is a diagnosis": an item of the
assessment or of a section under a diagnosis's heading ("#1 Venous ulcer - healing",
"Dx: ..."), after "diagnosed with", "c/w", "consistent with", "known", "complicated by",
"אובחן עם", "סובל מ", the complaints after "c/o" or "פונה בשל", a list of findings denied
or absent ("No X, Y or Z", "no evidence of X", "ללא X", "לא נמצאה עדות ל-X", "(-) X"), and
an examination's finding marked with a sign ("X +", "X positive", "X חיובי"). The noun
phrase in such a place is taken for a condition even where no lexicon knows it, cut and
named by `core.timeline.conditions.phrase`, whose guards keep out what such places also hold. The
lexicon comes first: a phrase whose clause holds a lexicon's name is left to it. The
phrase then goes through the same ConText reading as a lexicon's name (negated, history,
present; a relative's or an uncertain one is dropped), so "No X" is X negated. medSpaCy
reads positions this way with its sectionizer and target rules; its code is not used.
A background list's lines and the examination's lines were tried as places too and left
out: they hold more that is no condition than conditions (docs/timeline.md)."""

from __future__ import annotations

import functools
import re

from core.timeline.conditions.naming import disease_shaped
from core.timeline.conditions.phrase import (
    condition_name,
    labels_a_value,
    phrase_after,
    phrase_before,
    procedure_named,
)
from core.timeline.conditions.setting import test_result
from core.timeline.reading.negation import E, W
from core.timeline.reading.sections import Heading, section_at

Span = tuple[int, int, str]

# After these the next phrase is a condition denied or absent, and so is each of a list.
_LIST_CUE = re.compile(
    rf"{W}(?:ללא עדות|אין עדות|לא נמצאה עדות|לא נמצא עדות|לא נמצאו עדויות)\s+ל-?"
    rf"|{W}(?:no evidence of|without evidence of|no signs? of|no features of|negative for|"
    r"denies|denied|no|nil|ללא סימני|אין סימני|ללא|אין|שולל|שוללת)\s+",
    re.IGNORECASE,
)
# After these the next phrase is a condition named ("diagnosed with", "c/w", "known").
_NAME_CUE = re.compile(
    rf"{W}(?:diagnosed with|dx'?d with|dx with|diagnosis of|c/w|consistent with|"
    r"in keeping with|compatible with|known case of|known|complicated by|suffers from|"
    r"suffering from|developed)\s+"
    rf"|{W}(?:אובחן|אובחנה|ידוע|ידועה)\s+(?:עם\s+|כ|ב)|{W}(?:סובל|סובלת|סובלים)\s+מ-?",
    re.IGNORECASE,
)
# After these come the complaints the patient brings ("c/o X, Y", "פונה בשל X").
_COMPLAINT_CUE = re.compile(
    rf"{W}(?:c/o|complains of|complaining of|presents with|presenting with|"
    r"referred (?:by \w+ )?(?:re|for|with)|מתלונן על|מתלוננת על|מתלוננים על|"
    r"(?:פנייה|פניה|פונה|פנה|פנתה|הגיע|הגיעה|מגיע|מגיעה)(?: ראשונה)? (?:בשל|עקב|בגלל))\s+",
    re.IGNORECASE,
)
# A list goes on past a comma, "or", "and", a slash, or Hebrew's joined "ו".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:or|and)?|/|\bor\b|\band\b|\bnor\b)\s*|\s+ו-?(?=[א-ת])")
# An examination's sign after the finding: "dermographism +", "(+)", "positive", "חיובי".
_SIGN_AFTER = re.compile(
    rf"(?<=[\w{'א-ת'}])\s*(?:\(\+\)|\+(?![\w+])|\s(?:positive|\+ve|חיובי|חיובית){E})",
    re.IGNORECASE,
)
_MINUS_BEFORE = re.compile(r"\(\s*-\s*\)\s*")
# A list item's marker or a heading at the start of a sentence ("#2", "1)", "- ", "Dx:").
_ITEM_START = re.compile(r"\s*(?:(?:[-*•·▪]|#\s*\d{0,2}[.):]?|\d{1,2}[.)]|\(\d{1,2}\))\s*)*")
_LABEL = re.compile(r"[^:\n]{1,30}:\s*")
_ASSESSMENT_HEAD = re.compile(
    r"assessment|impression|dx|diagnos|problem|issues|a\s*/\s*p|a\s*&\s*p|"
    r"אבחנ|התרשמות|בעיות|סיכום",
    re.IGNORECASE,
)


_CLAUSE_END = re.compile(r"[,;:(]|\s[-–—]\s")


@functools.cache
def _any_cue() -> re.Pattern[str]:
    cues = (_LIST_CUE, _NAME_CUE, _COMPLAINT_CUE, _MINUS_BEFORE, _SIGN_AFTER)
    return re.compile("|".join(f"(?:{c.pattern})" for c in cues), re.IGNORECASE)


def _same_script(phrase: str, sign: str) -> bool:
    """A Hebrew sign word ("חיובי") marks a Hebrew finding; "anti-Ro חיובי" is a test."""
    hebrew = re.compile(r"[\u05d0-\u05ea]")
    return not hebrew.search(sign) or bool(hebrew.search(phrase))


def _free(a: int, b: int, taken: list[Span]) -> bool:
    return all(b <= x or a >= y for x, y, _ in taken)


_TEST_WORD = re.compile(
    r"\s+(?:naat|rdt|pcr|serology|swab|antigen|sag|culture|screen|test)$", re.IGNORECASE
)


def _add(body: str, span: tuple[int, int] | None, taken: list[Span], out: list[Span]) -> None:
    if span is None:
        return
    a, b = span
    test = _TEST_WORD.search(body, a, b)
    if test is not None and test_result(body, test.start(), "") is not None:
        b = test.start()  # "chlamydia NAAT positive": the disease, its test's result after
    clause = _CLAUSE_END.search(body, b)
    # The lexicon first: a name of its in the phrase's clause is the condition there.
    own = (a, clause.start() if clause else len(body))
    if not _free(*own, taken) or not _free(a, b, out):
        return
    if labels_a_value(body, b) and not disease_shaped(body[a:b]):
        return
    name = condition_name(body[a:b])
    if name is not None:
        out.append((a, b, name))


def _list_from(body: str, start: int, taken: list[Span], out: list[Span]) -> None:
    """The phrase at `start` and each one after it joined by a list's gap."""
    at = start
    while True:
        span = phrase_after(body, at)
        if span is None:
            return
        _add(body, span, taken, out)
        gap = _LIST_GAP.match(body, span[1])
        if gap is None or gap.end() == span[1]:
            return
        at = gap.end()


# Where a list of things absent may begin: the sentence's start, after punctuation or a
# list's marker. "Diet without gluten", "fracture without displacement" qualify a noun.
_CLAUSE_START = re.compile(r"(?:^|[,;:(\-–—]|\band)\s*$")


def _opens_clause(body: str, at: int) -> bool:
    head = body[max(0, at - 40) : at]
    if not _CLAUSE_START.search(head):
        return False
    # "CXR: no consolidation": a study's finding is its result, not a diagnosis.
    label = re.search(r"([^,;:]*):\s*$", head)
    return label is None or not procedure_named(label.group(1))


def assessment_like(field: str, section: Heading | None, text: str) -> bool:
    """An assessment field, or a section under a diagnosis's heading."""
    if section is not None and section.kind == "present":
        return bool(_ASSESSMENT_HEAD.search(text, section.start, section.end))
    return field == "assessment"


# Between a known complaint and the next of its list: a comma, "and" or "or".
_MATE_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|\band\b|\bor\b)\s*", re.IGNORECASE)


# Words that open a clause or qualify one, not a complaint's noun phrase: "and then".
_NOT_A_MATE = frozenset(
    {
        *("then", "also", "still", "now", "just", "otherwise", "generally", "feels"),
        *("feeling", "felt", "it", "this", "that", "not", "so", "very", "really", "more"),
        "less",
    }
)


def _mate_shaped(name: str) -> bool:
    words = name.split()
    return words[0] not in _NOT_A_MATE and (len(words) > 1 or len(words[0]) >= 5)


def _complaint_mates(body: str, found: list[Span], out: list[Span]) -> None:
    """The English phrases listed after a complaint the lexicon knows ("Headaches, poor
    sleep and nightmares"): a list of the patient's complaints holds complaints."""
    for _, e, _ in found:
        gap = _MATE_GAP.match(body, e)
        if gap is None or gap.end() == e:
            continue
        mates: list[Span] = []
        _list_from(body, gap.end(), found, mates)
        out.extend(m for m in mates if m[2].isascii() and _mate_shaped(m[2]))


def positioned_conditions(
    body: str, found: list[Span], *, item: bool, complaints: bool = False
) -> list[Span]:
    """(start, end, name) of the conditions `body` writes in a diagnosis's place that the
    lexicon's names in `found` do not already cover. `item`: the sentence is an item of
    an assessment (its first phrase is a diagnosis); `complaints`: it is the patient's
    account, where a list that holds a known complaint holds complaints."""
    out: list[Span] = []
    if complaints:
        _complaint_mates(body, found, out)
    if not item and not _any_cue().search(body):
        return sorted(out)  # most sentences hold no cue: one pass instead of five
    for m in _LIST_CUE.finditer(body):
        if _opens_clause(body, m.start()):
            _list_from(body, m.end(), found, out)
    for m in _NAME_CUE.finditer(body):
        _add(body, phrase_after(body, m.end()), found, out)
    for m in _COMPLAINT_CUE.finditer(body):
        _list_from(body, m.end(), found, out)
    for m in _MINUS_BEFORE.finditer(body):
        _add(body, phrase_after(body, m.end()), found, out)
    for m in _SIGN_AFTER.finditer(body):
        span = phrase_before(body, m.start(), max(0, m.start() - 60))
        if span is not None and _same_script(body[span[0] : span[1]], m.group(0)):
            _add(body, span, found, out)
    if item:
        start = _ITEM_START.match(body)
        at = start.end() if start else 0
        label = _LABEL.match(body, at)
        if label is not None:
            at = label.end()
        _add(body, _item_phrase(body, at), found, out)
    return sorted(out)


# An item's phrase must end its clause or meet a word that comments on it: "Narcolepsy
# unlikely", "Cellulitis - no spreading", but not "Approaching end of life".
_ITEM_END = re.compile(
    r"\s*(?:$|[,;:.(]|[-–—]\s|\s*(?:ruled out|excluded|unlikely|resolved|improving|stable|"
    r"likely|controlled|confirmed|noted|present|on|with|secondary to|due to|from|stage|grade|"
    r"class|[LR]|left|right|bilateral|בשל|עקב|על רקע|עם|ללא|ימין|שמאל|מימין|משמאל|"
    r"נשלל|נשללה|נשללו|שלילי|שלילית|יציב|יציבה|מאוזן|מאוזנת|משופר|בהפוגה)(?![\w\u05d0-\u05ea])|"
    # a number or a stage's code ("C4", "18 months"), which the phrase stops before
    r"\s*[A-Za-z]{0,3}\d+(?![A-Za-z]))",
    re.IGNORECASE,
)


def _item_phrase(body: str, at: int) -> tuple[int, int] | None:
    span = phrase_after(body, at)
    if span is None or not _ITEM_END.match(body, span[1]):
        return None
    return span


_INITIAL = re.compile(r"(?<![\w])[A-Za-z]\.\s*$")


def positioned(
    text: str, field: str, heads: list[Heading], base: int, body: str, found: list[Span]
) -> list[Span]:
    """The conditions the sentence `body` (at `base` of `text`) writes in a diagnosis's
    place. The plan names acts ("No contact sport", "Refer for X"), so none there; an
    assessment's item begins its line or follows a sentence's end, not an initial's dot
    ("H. pylori")."""
    if field == "plan":
        return []
    section = section_at(text, heads, base + len(body))
    item = assessment_like(field, section, text) and not _INITIAL.search(text, 0, base)
    return positioned_conditions(body, found, item=item, complaints=field == "subjective")
