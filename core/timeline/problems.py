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
    rf"{_W}(?:no|not|nil|denies|denied|denying|without|negative for|free of|free from|"
    r"no evidence of|without evidence of|no signs? of|no symptoms of|no complaints? of|"
    r"no c/o|no history of|no hx of|no h/o|no prior|no known|absence of|absent|never had|"
    r"never diagnosed with|ruled out|rules out|resolved|שולל|שוללת|שוללים|ללא|אין|לא|נשלל|"
    r"נשללה|שלילי ל|אין עדות ל|ללא עדות ל|אין היסטוריה של|אין סימנים של|ללא סימנים של|אינו|"
    r"אינה|אינם|אינן|מכחיש|מכחישה|מכחישים|לא נמצא|לא נמצאה|לא קיים|לא קיימת|לא דווח|"
    rf"לא דווחה|לא מתלונן על|לא מתלוננת על|ללא תלונות על|לא הודגם|לא הודגמה){_E}",
    re.IGNORECASE,
)
_POST_NEGATION = re.compile(
    rf"^[\s,]*(?:was |is |has been |been |were |are )?(?:ruled out|excluded|unlikely|negative|"
    r"resolved|absent|not present|denied|נשלל|נשללה|נשללו|שלילי|שלילית|לא נמצא|לא נמצאה|"
    rf"אינו קיים|אינה קיימת|לא קיים|לא קיימת)(?![\w{HEB}])|^\s*[:\-–]\s*(?:no|none|nil|neg|"
    rf"אין|ללא|לא)(?![\w{HEB}])",
    re.IGNORECASE,
)
# ConText's experiencer: a condition of a relative ("mother has", "FHx: MI") is no fact of
# the patient's. Its scope ends where the patient is named again.
_FAMILY = re.compile(
    rf"{_W}(?:family history|family hx|fam hx|fhx|fh|mother|mother's|mom|mum|father|"
    r"father's|dad|sister|sister's|brother|brother's|sibling|siblings|parent|parents|"
    r"grandmother|grandfather|grandparent|aunt|uncle|cousin|son|daughter|maternal|paternal|"
    r"relatives?|אמו|אמה|אביו|אביה|אחותו|אחותה|אחיו|אחיה|סבתו|סבתה|סבו|סבה|בנו|בנה|בתו|בתה|"
    r"הוריו|הוריה|דודו|דודה|דודתו|היסטוריה משפחתית|סיפור משפחתי|רקע משפחתי|במשפחה|בן משפחה|"
    rf"בני משפחה|אמא שלו|אמא שלה|אבא שלו|אבא שלה){_E}",
    re.IGNORECASE,
)
_FAMILY_AFTER = re.compile(
    rf"^[\s,]*(?:in|of)?\s*(?:his|her|the|a)?\s*(?:family|mother|father|sister|brother|parents?|"
    rf"siblings?|relatives?|במשפחה|אצל האם|אצל האב|אצל אמו|אצל אביו|אצל אמה|אצל אביה){_E}",
    re.IGNORECASE,
)
_PATIENT = re.compile(
    rf"{_W}(?:patient|pt|he|she|himself|herself|client|המטופל|המטופלת|הוא|היא|עצמו|עצמה){_E}",
    re.IGNORECASE,
)
_HISTORY = re.compile(
    rf"{_W}(?:history of|hx of|hx|h/o|pmh|past medical history|past history|previous|prior|"
    r"previously|in the past|s/p|status post|remote|childhood|background|ברקע|רקע|"
    rf"היסטוריה של|בעבר|רקע של|רקע רפואי|עבר רפואי){_E}",
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
_SCREENING = re.compile(
    r"(?:שאלון|ציון|סולם|מדד|screen(?:ing)? for|score(?: of)?)\s*$", re.IGNORECASE
)
_SCREENED = re.compile(
    r"^\s*[(:\-]?\s*(?:screen(?:ing)?|questionnaire|scale|inventory|score|scores|scored|"
    r"rating|index|phq|gad|שאלון|ציון|סולם)",
    re.IGNORECASE,
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
    rf"{_W}[וש]?(?:referred|referral|refer|ref|refd|sent|referring|re-?referred|הפניה|הפנייה|הופנה|"
    r"הופנתה|מפנה|מפנים|הפנייתו|הפנייתה|הפניתי|הפנינו|מופנה|מופנית|מופנים|יופנה|תופנה|"
    r"להפנות|נשלח|נשלחה|נשלחו|ישלח|יישלח|תישלח)(?:\s+(?:on|back|made|sent|placed|letter|"
    r"written|done|given|faxed|submitted))?(?:\s*:\s*|\s+(?:to|for)\s+(?:an?\s+)?(?:urgent\s+|"
    r"routine\s+)?|\s+)(?:the\s+|a\s+|an\s+)?ל?-?",
    re.IGNORECASE,
)
# "הופנה למרפאת אורתופדיה": a word for a clinic or doctor between the verb and the specialty.
_CLINIC_WORD = re.compile(r"^(?:ל|ה|לה)?(?:רופא|רופאת|מרפאת|מרפאה|ייעוץ|יעוץ|מומחה)\s+(?:ל|ה)?")
# "ENT referral", "cardiology referral placed": the specialty before the word.
_REFERRAL_AFTER = re.compile(r"^\s*(?:referral|ref)(?![\w])", re.IGNORECASE)
_VISITS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"{_W}(?:{words}){_E}", re.IGNORECASE))
    for name, words in (
        (
            "telehealth",
            r"telehealth|tele-health|telemedicine|tele-?visit|tele-?consult\w*|telephonic|"
            r"e-?visit|virtual|via (?:video|zoom|teams|phone|telephone)|by (?:video|phone|"
            r"telephone)|over the (?:phone|telephone)|on zoom|zoom|(?:video|phone|telephone|"
            r"remote) (?:visit|call|consult\w*|appointment|session|review|follow[- ]?up|check-?in)|"
            r"טלרפואה|ביקור מרחוק|ייעוץ מרחוק|מפגש מרחוק|שיחת וידאו|שיחת וידיאו|בוידאו|בווידאו|"
            r"ביקור טלפוני|שיחה טלפונית|שיחת טלפון|מפגש טלפוני|מפגש וידאו|ייעוץ טלפוני|טלפונית|"
            r"בזום|זום|מפגש מקוון|פגישה מקוונת|ביקור וירטואלי",
        ),
        (
            "initial",
            r"initial (?:assessment|visit|consult\w*|evaluation|appointment|session|review|"
            r"encounter|interview|meeting)|new patient|new client|first (?:visit|appointment|"
            r"session|consult\w*|meeting|encounter|assessment)|intake|establish(?:ing)? care|"
            r"new to (?:clinic|practice|the clinic|the practice)|הערכה ראשונית|ביקור ראשון|"
            r"ביקור ראשוני|מפגש ראשון|מפגש ראשוני|פגישה ראשונה|פגישה ראשונית|קבלה ראשונית|"
            r"פגישת היכרות|מפגש היכרות|ביקור היכרות|פגישת אינטייק|אינטייק|מטופל חדש|מטופלת חדשה",
        ),
        (
            "follow-up",
            r"follow[- ]?up|f/u|f/up|f-up|(?-i:FU)|review visit|return visit|re-?assessment|"
            r"re-?visit|ביקור מעקב|מפגש מעקב|ביקורת|מעקב|ביקור חוזר|מפגש חוזר|פגישת מעקב|"
            r"פגישת המשך|מפגש המשך|ביקור המשך",
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
            begin = m.end()
            found = specialties.find(body[begin : begin + 40])
            if not (found and found[0][0] <= 2):
                clinic = _CLINIC_WORD.match(body, begin)
                begin = clinic.end() if clinic else begin
                found = specialties.find(body[begin : begin + 40]) if clinic else []
            if found and found[0][0] <= 2 and not _negated(body, m.start(), m.end()):
                _, e0, name = found[0]
                end = begin + e0
                referral_spans.append((m.start(), end))
                a, b = base + m.start(), base + end
                facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
        for start, end, name in specialties.find(body):
            after = _REFERRAL_AFTER.match(body[end:])
            if after is None or _within(start, referral_spans) or _negated(body, start, end):
                continue
            stop = end + after.end()
            referral_spans.append((start, stop))
            a, b = base + start, base + stop
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
            if _family(body, start, end):
                continue
            status: DxStatus = (
                "negated"
                if _negated(body, start, end)
                else "history"
                if _HISTORY.search(_own_scope(body, start))
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


def _family(body: str, start: int, end: int) -> bool:
    """A relative's condition: a family trigger in scope before it, with no mention of the
    patient between, or "in his mother" after it."""
    head = _scope_before(body, start)
    found = list(_FAMILY.finditer(head))
    if found and not _PATIENT.search(head, found[-1].end()):
        return True
    return bool(_FAMILY_AFTER.match(body[end:]))


def _own_scope(body: str, start: int) -> str:
    """The scope before `start`, from the patient's own mention on where a relative's came
    before it ("FHx of colon cancer in father, he has HTN")."""
    head = _scope_before(body, start)
    if _FAMILY.search(head):
        own = list(_PATIENT.finditer(head))
        return head[own[-1].end() :] if own else head
    return head


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
