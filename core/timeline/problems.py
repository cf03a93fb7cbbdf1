"""Diagnoses and problems with their context, procedures, referrals and the visit's type.

Negation and history follow ConText (Harkema et al., 2009), the algorithm behind
medspaCy's `medspacy_context`: a trigger phrase ("denies", "no history of", "h/o") opens a
scope that runs forward (or, for "ruled out", backward) to the end of the sentence or to a
terminating word ("but", "however"). medspaCy itself is not used: its dependencies pin
spaCy 3.7 and numpy < 2 against this project's numpy 2, and its sentence splitter logs
every token, the note's words included, at DEBUG (docs/timeline.md)."""

from __future__ import annotations

import functools
import re

from core.timeline.lexicon import CONDITIONS, PROCEDURES, SPECIALTIES
from core.timeline.text import HEB, Lexicon, sentences
from core.timeline.types import DxStatus, Fact

_W = rf"(?<![\w{HEB}])"
_E = rf"(?![\w{HEB}])"
_PRE_NEGATION = re.compile(
    rf"{_W}(?:no|not|denies|denied|denying|without|negative for|free of|no evidence of|"
    r"no signs? of|no history of|no hx of|no h/o|no prior|no known|absence of|never had|"
    r"ruled out|rules out|resolved|שולל|שוללת|שוללים|ללא|אין|לא|נשלל|נשללה|שלילי ל|"
    rf"אין עדות ל|אין היסטוריה של|אין סימנים של){_E}",
    re.IGNORECASE,
)
_POST_NEGATION = re.compile(
    rf"^[\s,]*(?:was |is |has been |been )?(?:ruled out|excluded|unlikely|negative|resolved|"
    rf"נשלל|נשללה|שלילי){_E}",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    rf"{_W}(?:history of|hx of|hx|h/o|pmh|past medical history|past history|previous|prior|"
    r"previously|in the past|s/p|status post|remote|childhood|known|ברקע|היסטוריה של|בעבר|"
    rf"רקע של|רקע רפואי|ידוע כסובל מ|ידועה כסובלת מ){_E}",
    re.IGNORECASE,
)
_UNCERTAIN = re.compile(
    rf"{_W}(?:r/o|rule out|possible|possibly|suspected|suspect|query|\?|question of|concern for|"
    rf"differential|ddx|vs\.?|חשד ל|חשד|אפשרות של|לשלול){_E}",
    re.IGNORECASE,
)
# A procedure still to come ("repeat blood tests in 3 months", "order an x-ray") is no
# procedure done; the timeline records what was.
_PLANNED = re.compile(
    rf"{_W}(?:repeat|recheck|order|ordered|schedule|scheduled|will|plan|planned|to have|book|"
    rf"booked|arrange|arranged|לחזור על|להזמין|יבוצע|תבוצע|לבצע|לתאם|הוזמנה|הוזמן){_E}",
    re.IGNORECASE,
)
# "depression screen", "שאלון דיכאון PHQ-9": a condition naming a questionnaire.
_SCREENING = re.compile(r"(?:שאלון|screen(?:ing)? for)\s*$", re.IGNORECASE)
_SCREENED = re.compile(
    r"^\s*(?:screen(?:ing)?|questionnaire|scale|inventory|phq|gad)", re.IGNORECASE
)
# Ends a trigger's scope: what follows is asserted again.
_TERMINATE = re.compile(
    rf"{_W}(?:but|however|although|though|except|aside from|apart from|presents with|reports|"
    rf"complains of|c/o|which|now has|אבל|אך|למעט|מלבד|כעת|מתלונן על|מתלוננת על){_E}",
    re.IGNORECASE,
)
_ONSET = re.compile(
    r"^[\s,(]*(?:diagnosed|dx|dx'd)?\s*(?:in|since|from|,)?\s*(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
_REFERRAL = re.compile(
    rf"{_W}(?:referred|referral|refer|ref|refd|sent|הפניה|הפנייה|הופנה|הופנתה|מפנה|מפנים|"
    rf"הפנייתו|הפניתי)(?:\s*:\s*|\s+(?:to|for)\s+|\s+)(?:the\s+|a\s+|an\s+)?ל?-?",
    re.IGNORECASE,
)
_VISITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{_W}(?:{words}){_E}", re.IGNORECASE))
    for name, words in (
        (
            "telehealth",
            r"telehealth|telemedicine|טלרפואה|ביקור מרחוק|video (?:visit|call|consult\w*)|"
            r"phone (?:visit|"
            r"consult\w*|call)|telephone (?:visit|consult\w*)|virtual visit|שיחת וידאו|ביקור "
            r"טלפוני|שיחה טלפונית|מפגש טלפוני|מפגש וידאו|ייעוץ טלפוני",
        ),
        (
            "initial",
            r"initial (?:assessment|visit|consult\w*|evaluation|appointment)|new patient|"
            r"first visit|intake|הערכה ראשונית|ביקור ראשון|מפגש ראשון|פגישה ראשונה|קבלה ראשונית",
        ),
        (
            "follow-up",
            r"follow[- ]?up|f/u|review visit|return visit|re-?assessment|ביקור מעקב|"
            r"מפגש מעקב|ביקורת|מעקב",
        ),
    )
)


@functools.cache
def _lexicons() -> tuple[Lexicon, Lexicon, Lexicon]:
    return Lexicon.of(CONDITIONS), Lexicon.of(PROCEDURES), Lexicon.of(SPECIALTIES)


def read_problems(text: str, field: str) -> list[Fact]:
    conditions, procedures, specialties = _lexicons()
    facts: list[Fact] = []
    for sentence in sentences(text):
        body, base = sentence.text, sentence.start
        referral_spans: list[tuple[int, int]] = []
        for m in _REFERRAL.finditer(body):
            found = specialties.find(body[m.end() : m.end() + 40])
            if found and found[0][0] <= 2 and not _negated(body, m.start(), m.end()):
                _, e0, name = found[0]
                end = m.end() + e0
                referral_spans.append((m.start(), end))
                a, b = base + m.start(), base + end
                facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
        for start, end, name in procedures.find(body):
            if (
                _negated(body, start, end)
                or _within(start, referral_spans)
                or _PLANNED.search(_scope_before(body, start))
            ):
                continue
            a, b = base + start, base + end
            facts.append(Fact("procedure", name, a, b, text[a:b]))
        for start, end, name in conditions.find(body):
            if (
                _within(start, referral_spans)
                or _UNCERTAIN.search(_scope_before(body, start))
                or _SCREENING.search(body[max(0, start - 8) : start])
                or _SCREENED.match(body[end:])
            ):
                continue
            status: DxStatus = (
                "negated"
                if _negated(body, start, end)
                else "history"
                if _HISTORY.search(_scope_before(body, start))
                else "present"
            )
            onset = _ONSET.match(body[end:])
            a, b = base + start, base + end
            detail = f"onset {onset.group('year')}" if onset else None
            facts.append(Fact("diagnosis", name, a, b, text[a:b], status=status, detail=detail))
    facts.extend(_visit(text, field))
    return facts


def _scope_before(body: str, start: int) -> str:
    """The part of the sentence before `start` that a trigger there would still reach."""
    head = body[:start]
    ends = list(_TERMINATE.finditer(head))
    return head[ends[-1].end() :] if ends else head


def _negated(body: str, start: int, end: int) -> bool:
    return bool(
        _PRE_NEGATION.search(_scope_before(body, start)) or _POST_NEGATION.match(body[end:])
    )


def _within(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def _visit(text: str, field: str) -> list[Fact]:
    """The visit's type, from the first phrase of the subjective that names one ("Follow-up
    visit.", "Telehealth consult"). The plan's "f/u in 2 weeks" is the next visit's."""
    if field != "subjective":
        return []
    best: tuple[int, int, str] | None = None
    for name, pattern in _VISITS:
        m = pattern.search(text)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), m.end(), name)
    if best is None:
        return []
    a, b, name = best
    return [Fact("visit", name, a, b, text[a:b])]
