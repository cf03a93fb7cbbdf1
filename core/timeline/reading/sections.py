"""A note's sections, as medspaCy's sectionizer reads them: a heading ("PMH:", "Assessment:",
"Family history:", "ברקע:") opens a section over the lines after it until the next
heading. A condition listed under "Past medical history" or "Background" is the patient's
history though no word beside it says so (a "Medical history" or "Comorbidities" list
holds conditions the patient has: only words of the past count); one under "Family
history" is a relative's. Headings are known words followed by a colon (or alone on their
line), so "Chest pain: denies" is no heading."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from core.timeline.reading.text import HEB

SectionKind = Literal["history", "present", "family", "uncertain", "other"]

_HEADINGS: tuple[tuple[SectionKind, str], ...] = (
    (
        "family",
        r"family history|family hx|family medical history|fam hx|fhx|fh|"
        r"היסטוריה משפחתית|רקע משפחתי|סיפור משפחתי|במשפחה",
    ),
    (
        "present",
        r"history of (?:the )?present(?:ing)? (?:illness|complaint)|hpi|hopi|hpc|"
        r"assessment(?:\s*(?:/|&|and)\s*plan)?|a\s*/\s*p|a\s*&\s*p|impression|impressions|"
        r"clinical impression|dx|diagnosis|diagnoses|working diagnosis|final diagnosis|a|"
        r"problem list|problems|active problems|current problems|active issues|issues|"
        r"current|today|chief complaint|cc|presenting complaint|reason for (?:visit|referral)|"
        r"rfv|complaint|complaints|summary|אבחנה|אבחנות|אבחנה עיקרית|אבחנות פעילות|התרשמות|"
        r"סיכום|בעיות|בעיות פעילות|תלונה עיקרית|תלונות|סיבת הפניה|סיבת הפנייה|סיבת הביקור|"
        r"אנמנזה|מחלה נוכחית|כעת",
    ),
    (
        "uncertain",
        r"ddx|differential|differential diagnosis|differentials|rule out|r/o|to rule out|"
        r"אבחנה מבדלת|לשלול|חשד",
    ),
    (
        "history",
        r"past medical history|past medical hx|past history|pmh|pmhx|past surgical history|psh|"
        r"background|medical background|"
        r"previous illnesses|past illnesses|past diagnoses|ברקע|רקע|רקע רפואי|עבר רפואי|"
        r"אבחנות בעבר|ניתוחים בעבר",
    ),
    (
        "other",
        r"plan|p|medications|meds|current medications|allergies|labs|laboratory|results|"
        r"investigations|vitals|vital signs|exam|examination|physical exam|pe|o|s|social history|"
        r"sh|ros|review of systems|objective|subjective|תוכנית|המלצות|טיפול|תרופות|"
        r"תרופות קבועות|רגישויות|בדיקה גופנית|בדיקות|בדיקות מעבדה|סימנים חיוניים|הרגלים",
    ),
)
_HEADING = re.compile(
    r"(?:^|(?<=[\n;.•]))[ \t\-*#]*(?:\d+[.)]\s*)?(?:"
    + "|".join(f"(?P<{kind}>{words})" for kind, words in _HEADINGS)
    + rf")(?![\w{HEB}])[ \t]*(?::|(?=[ \t]*\n))",
    re.IGNORECASE,
)
# The same headings inside a sentence: "Hx: HTN, DM2, Dx: UTI" (a colon is needed there).
_INLINE = re.compile(
    r"(?:(?<=[,;(])|(?<=[,;(] ))[ \t]*(?:"
    + "|".join(f"(?P<{kind}>{words})" for kind, words in _HEADINGS)
    + rf")(?![\w{HEB}])[ \t]*:",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    start: int
    end: int
    kind: SectionKind


def headings(text: str) -> list[Heading]:
    """The headings of `text`, left to right."""
    found: dict[int, Heading] = {}
    for pattern in (_HEADING, _INLINE):
        for m in pattern.finditer(text):
            kind: SectionKind = next(k for k, _ in _HEADINGS if m.group(k) is not None)
            found.setdefault(m.start(), Heading(m.start(), m.end(), kind))
    return [found[k] for k in sorted(found)]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.;!?](?=\s|$)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•·▪]|\d{1,2}[.)]|#)")


def section_at(text: str, found: list[Heading], pos: int) -> Heading | None:
    """The heading whose section `pos` lies in. A heading covers its own sentence; the
    lines after it too when it ends its line ("PMH:" and a list below) or when they are
    list items, up to a blank line. Prose after "Background: reflux." is on its own, and
    so is a field with no heading: the medical history field says "history" only where its
    words do (as the labels of the timeline's evals count it)."""
    before = [h for h in found if h.end <= pos]
    own = None
    if not before:
        return own
    h = before[-1]
    between = text[h.end : pos]
    if "\n" not in between:
        return own if _SENTENCE_END.search(between) else h
    if _BLANK_LINE.search(between):
        return own
    # "2. FHx: father MI" in a numbered list: the heading is its own item's only.
    if (
        _LIST_ITEM.match(text, text.rfind("\n", 0, h.start) + 1)
        and text[h.end : text.find("\n", h.end)].strip()
    ):
        return own
    first, *rest = between.split("\n")
    if not first.strip() or all(_LIST_ITEM.match(line) for line in rest):
        return h
    return own
