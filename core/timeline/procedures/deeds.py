"""Tests, screens, vaccines and bedside procedures read by how the act is written rather than
by a word list (docs/timeline.md, "Procedures by their deed").

Each new clinic has tests a lexicon lacks ("visual field test", "malaria RDT", "oral food
challenge", "מבחן מנטו"). What they share is the shape of the sentence: a noun phrase
ending in a word for a test or procedure (test, screen, swab, injection, collection,
transfer, assessment; בדיקת, מבחן, שאיבת, החזרת) with a word of the deed beside it
("done", "performed", "given", "passed", "completed", "under sedation", "בוצעה"), or, in
the examination, with its result after a colon or a dash ("בדיקת ראייה: ימין 6/9"). Such a
phrase is a procedure named by its words as written, lower case: a scorer, a reader and
the next author all see the same name. The same phrase with an order word ("growth scan
requested", "הוזמנה בדיקת ...") is an order, and so is a test's upper-case short name with
its deed or order ("HSG done", "הוזמן OCT"), unless it heads a laboratory panel ("FBC").
A one-word procedure by its ending ("venesection", "thoracocentesis") needs its deed too.
A vaccine is named as the docs name vaccines ("flu
vaccine", else "vaccination"), one for each vaccine a plural joins ("Typhoid and hep A
vaccines given" is two, `vaccines_joined`).

What is no act is left to the guards every procedure passes (offered, declined, past,
planned, a score); a lexicon name over the same words wins, so known tests keep their
names. Blood, urine and laboratory tests and the physical examination are no procedure
here: their results are values, not acts; nor is a questionnaire's screen ("depression
screen done"), which is a score.
"""

from __future__ import annotations

import re

from core.timeline.procedures.parenteral import infusions_given
from core.timeline.procedures.vaccines import vaccine_short_names
from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END

_E = WORD_END
_HEADS = (
    r"tests?|testing|screen|screening|swabs?|rdt|challenge|collection|transfer|assessment|"
    r"vaccines?|vaccinations?|immuni[sz]ations?|injections?|infusion|biopsy|aspiration|"
    r"removal|insertion|fitting|study|driver|scans?|boosters?"
)
# A modifier is any word but a function word, a number or a word of the deed itself.
_NOT_MODIFIER = (
    r"(?:the|a|an|and|or|of|to|for|with|no|not|on|in|at|his|her|their|pt|patient|was|were|"
    r"is|are|has|had|have|be|been|after|before|then|today|done|performed|given|repeat|"
    r"blood|bloods|urine|lab|labs|physical|stool|covid|pregnancy|phq-?\d*|gad-?\d*|"
    # A questionnaire's screen is a score, not a procedure (docs: "depression screen").
    r"depression|depressive|anxiety|mood|alcohol|audit|suicide|risk|epds|questionnaire)\b"
)
_MODIFIER = rf"(?!{_NOT_MODIFIER})[a-z][\w'/-]*"
_SIDE = r"(?:l|r|lt|rt|left|right|bilateral|bilat|b/l)"
# Found by its head first, then read back for its modifiers and on for its deed: one pass
# over the sentence rather than a phrase tried at every word.
# A look at the first letter first: most words start with no head's letter.
_HEAD = re.compile(
    rf"\b(?=[tsrcavimfdibTSRCAVIMFDIB])(?<![\w-])(?:{_HEADS})(?![\w-])", re.IGNORECASE
)
_MODIFIERS = re.compile(rf"(?<![\w'/-])(?:{_MODIFIER}\s+){{1,3}}$", re.IGNORECASE)
# The deed within a few words after the phrase ("intravitreal injection (anti-VEGF) L eye
# given"), or an outcome said of it later in its sentence ("..., uncomplicated").
_DEED_AFTER = re.compile(
    r"\s*(?:\([^()\n]{0,30}\)\s*)?(?:[\w-]+\s+){0,4}?[-–:,]?\s*"
    r"(?:was |were )?(?:done|performed|given|completed|passed|administered|carried out|"
    r"set up|inserted|applied|fitted|removed|under (?:sedation|la|local|ga|general))\b|"
    r"[^.;\n]{0,40}?\b(?:uncomplicated|tolerated well|well tolerated|no complications|"
    r"without complications?)\b",
    re.IGNORECASE,
)
# An order is an act of the visit too ("growth scan at 32 weeks requested"), which
# `core.timeline.procedures.orders` marks ordered; not of an assessment ("falls assessment booked"),
# which is as often a clinic's work as a test.
_ORDERED_AFTER = re.compile(
    r"\s*(?:\([^()\n]{0,30}\)\s*)?(?:[\w-]+\s+){0,3}?[-–:,]?\s*(?:was |were |to be )?"
    r"(?:requested|ordered|booked|arranged|scheduled)\b",
    re.IGNORECASE,
)
_NOT_ORDERED = frozenset({"assessment"})
# A test by its upper-case short name with its deed or order ("HSG done", "הוזמן OCT"); a
# laboratory panel's short name is a value's heading, not an act.
_ACRONYM_AFTER = re.compile(
    # Not the end of a longer upper-case name ("CT CAP requested" is the CT's).
    r"(?<![\w-])(?<![A-Z] )(?P<np>(?P<head>[A-Z]{2,6}))(?![\w-])\s*(?:was |were )?"
    r"(?:done|performed|completed|requested|ordered|booked|arranged)\b"
)
_ACRONYM_BEFORE = re.compile(
    rf"(?<![{HEB}\w])(?:בוצע|בוצעה|הוזמן|הוזמנה|נעשה|נעשתה)\s+(?P<np>(?P<head>[A-Z]{{2,6}}))"
    r"(?![\w-])"
)
_LABS = frozenset(
    {
        *("FBC", "CBC", "UE", "LFT", "LFTS", "TFT", "TFTS", "CRP", "ESR", "BMP", "CMP", "INR"),
        *("PSA", "MSU", "HBA", "BNP", "CK", "VBG", "ABG", "PT", "APTT", "RFT", "KFT", "EUC"),
        *("BSL", "BGL", "CBG", "PHQ", "GAD", "NAD", "PRN", "BD", "TDS", "QID", "OD", "IM", "IV"),
    }
)
_DEED_BEFORE = re.compile(
    r"\b(?:performed|underwent|administered|carried out)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE
)
# In the examination: "<test>: <result>" or "<test> - <result>".
_RESULT_AFTER = re.compile(r"\s*(?::|\s[-–])\s*(?=[\w\d])")
_RESULT_HEADS = frozenset({"test", "tests", "screen", "screening"})
# A one-word procedure by its ending ("venesection", "paracentesis", "hysteroscopy"), with
# its deed or outcome.
# A study's one word ("fistulogram", "DaTscan") is one too, and so is its order ("requested",
# "הוזמן"); a unit, a plan or a figure that ends in "gram" is none.
_ONE_WORD_DEED = re.compile(
    r"(?<![\w-])(?P<np>(?P<head>[a-z]+(?:ectomy|otomy|ostomy|scopy|centesis|plasty|pexy|"
    r"graphy|section|puncture|(?<!pro)(?<!dia)(?<!kilo)(?<!milli)(?<!micro)(?<!nano)(?<!tele)"
    r"(?<!insta)(?<!histo)(?<!holo)(?<!epi)(?<!pan)gram|(?<!re)scan)))\b[^.;\n]{0,40}?\b"
    r"(?:done|performed|completed|carried out|uncomplicated|tolerated well|well tolerated|"
    r"no complications|without complications?|requested|booked|arranged|ordered|"
    r"הוזמן|הוזמנה|בוצע|בוצעה)(?![\w\u05d0-\u05ea])",
    re.IGNORECASE,
)
_HEB_HEADS = (
    "בדיקת|מבחן|חיסון|הזרקה|הזרקת|שאיבת|החזרת|סקירת|ביופסיה|ביופסיית|עירוי|משאבת|החדרת|"
    "הכנסת|הסרת|תבחיני|תבחין|סריקת"
)
# A following word that ends the name: a preposition's word ("לעין", "בתחושה") or a link.
# "תת עורית", "תוך ורידי" open an adjective of the act, not its name.
_HEB_WORD = (
    rf"(?!(?:ללא|עם|של|תחת|נגד|על|אצל|תת|תוך)(?![{HEB}]))(?![לבמ][{HEB}])[{HEB}][{HEB}\"'-]*"
)
# The head's own noun comes first, whatever its letters ("שאיבת ביציות", "מבחן מנטו").
_HEB_FIRST = rf"(?!(?:ללא|עם|של|תחת|נגד|על|אצל)(?![{HEB}]))[{HEB}][{HEB}\"'-]*"
_HEB_NP = rf"(?P<np>(?P<head>{_HEB_HEADS})\s+{_HEB_FIRST}(?:\s+{_HEB_WORD})?)"
# The physical examination of an organ ("בדיקת לב: קולות סדירים", "בדיקת שיניים: עששת") is
# examined, not tested: its findings are read, as "בדיקה גופנית:" is (round 7).
_NOT_HEB = re.compile(
    r"דם|שתן|גופנית|מעבדה|קורונה|הריון|היריון|"
    rf"(?<![{HEB}])(?:לב|ריאות|בטן|שיניים|גפיים|חזה|צוואר)(?![{HEB}])"
)
_HEB_DEED_BEFORE = re.compile(
    rf"(?<![{HEB}])(?:בוצע|בוצעה|בוצעו|נעשה|נעשתה|ניתן|ניתנה|ניתנו|הותקן|הותקנה|הוכנס|"
    rf"הוכנסה|הוזמן|הוזמנה|הוזמנו)\s+{_HEB_NP}(?![{HEB}])"
)
_HEB_DEED_AFTER = re.compile(
    rf"(?<![{HEB}]){_HEB_NP}(?:\s*[-–:,]\s*|\s+)(?:[^.;\n]{{0,20}}?[\s,])?(?:תקין|תקינה|"
    rf"שלילי|שלילית|חיובי|חיובית|בוצע|בוצעה|עבר|עברה)(?![{HEB}])"
)
_HEB_RESULT_AFTER = re.compile(
    rf"(?<![{HEB}])(?P<np>(?P<head>בדיקת|מבחן)\s+{_HEB_FIRST})\s*(?::|\s[-–]\s)"
)
_VACCINE = re.compile(r"^(?:vaccin|immuni|booster|חיסון)", re.IGNORECASE)
_FLU = re.compile(r"\b(?:flu|influenza)\b|שפעת", re.IGNORECASE)
# "Typhoid and hep A vaccines": each vaccine a plural joins is one.
_PLURAL_VACCINE = re.compile(r"^(?:vaccines|vaccinations|immuni[sz]ations|חיסונים)$", re.I)
_JOINED = re.compile(r"\s(?:and|&|\+)\s|,\s*|\sו(?=[\w{HEB}])".replace("{HEB}", HEB), re.I)
_CLAUSE_END = re.compile(r"[.;:\n]")
_VACCINE_NAMES = frozenset({"vaccination", "flu vaccine"})
_LETTERS_JOINED = re.compile(r"(?<![\w-])[A-E]\s+(?:and|&|\+)\s+(?=[A-E](?![\w-]))")

# Cheap looks first: most sentences hold neither an ending nor a Hebrew head.
_ONE_WORD_HINT = re.compile(
    r"(?:ectomy|otomy|ostomy|scopy|centesis|plasty|pexy|graphy|section|puncture|gram|scan)\b",
    re.IGNORECASE,
)
_HEB_HINT = re.compile(_HEB_HEADS)
_PLURAL_HEADS = frozenset({"tests", "swabs", "injections", "scans"})

Found = list[tuple[int, int, str]]


def deed_procedures(body: str, field: str) -> Found:
    """(start, end, name) of each procedure `body` writes with a word of its deed, or, in
    the objective, with its result; none overlapping."""
    found: list[tuple[int, int, str, str]] = []
    for h in _HEAD.finditer(body):
        window = max(0, h.start() - 60)
        mods = _MODIFIERS.search(body, window, h.start())
        if mods is None:
            continue
        after, head = body[h.end() :], h.group(0)
        if (
            _DEED_AFTER.match(after)
            or (head.lower() not in _NOT_ORDERED and _ORDERED_AFTER.match(after))
            or _DEED_BEFORE.search(body, window, mods.start())
            or (
                field == "objective"
                and head.lower() in _RESULT_HEADS
                and _RESULT_AFTER.match(after)
            )
        ):
            found.append((mods.start(), h.end(), body[mods.start() : h.end()], head))
    found += [
        (*m.span("np"), m.group("np"), m.group("head"))
        for pattern in (_ACRONYM_AFTER, _ACRONYM_BEFORE)
        for m in pattern.finditer(body)
        if m.group("head") not in _LABS
    ]
    patterns = [_ONE_WORD_DEED] if _ONE_WORD_HINT.search(body) else []
    if _HEB_HINT.search(body):
        patterns += [_HEB_DEED_BEFORE, _HEB_DEED_AFTER]
        patterns += [_HEB_RESULT_AFTER] if field == "objective" else []
    found += [(a, b, "vaccine", "vaccine") for a, b, _ in vaccine_short_names(body)]
    found += [(a, b, n, "infusion") for a, b, n in infusions_given(body)]
    for pattern in patterns:
        found += [(*m.span("np"), m.group("np"), m.group("head")) for m in pattern.finditer(body)]
    out: Found = []
    for start, end, words, head in found:
        if _NOT_HEB.search(words) or any(not (end <= a or start >= b) for a, b, _ in out):
            continue
        out += [(start, end, name) for name in _names(words, head)]
    return sorted(out)


def only_the_head(span: tuple[int, int], deeds: Found) -> bool:
    """Whether a lexicon's name at `span` is only the last word of a deed's longer phrase
    ("Transplant biopsy booked"): the words written before it say which one, so the
    phrase names it. Vaccines keep the docs' names either way."""
    a, b = span
    return any(x < a and y == b and n not in _VACCINE_NAMES for x, y, n in deeds)


def vaccines_joined(body: str, start: int, end: int) -> int:
    """How many vaccines the vaccination written at `start:end` of `body` stands for: one,
    or, for a plural, one more for each name joined before it in its clause."""
    before = _CLAUSE_END.split(body[max(0, start - 50) : start])[-1]
    if not _PLURAL_VACCINE.match(body[start:end]):
        # "Hep A and B vaccination": two diseases' letters joined right before it.
        return 1 + len(_LETTERS_JOINED.findall(before[-20:]))
    return 1 + len(_JOINED.findall(before))


def _names(words: str, head: str) -> list[str]:
    """The name of the phrase `words` ending in (or, in Hebrew, starting with) `head`, one
    for each vaccine a plural joins."""
    if _VACCINE.match(head):
        return ["flu vaccine" if _FLU.search(words) else "vaccination"]
    kept = [w for w in words.lower().split() if not re.fullmatch(_SIDE, w)]
    head_word = kept[-1] if kept and kept[-1] == head.lower() else None
    if head_word in _PLURAL_HEADS:
        kept[-1] = head_word[:-1]
    return [" ".join(kept)]


# A device taken off is its removal, not its putting on ("cast removed", "הוסר גבס").
_REMOVED = {
    "cast": "cast removal",
    "splinting": "splint removal",
    "iud insertion": "iud removal",
    "port insertion": "port removal",
    "urinary catheterisation": "catheter removal",
}
_REMOVED_BEFORE = re.compile(
    r"(?:removed|removal of|took off|taken off|הוסר|הוסרה|הוסרו|הסרת|הורד|הורדה|הורדת)\s+"
    r"(?:the\s+|a\s+|his\s+|her\s+)?(?:ה)?$",
    re.IGNORECASE,
)
_REMOVED_AFTER = re.compile(
    rf"^\s*(?:was\s+)?(?:removed|off|taken off|הוסר|הוסרה|הורד|הורדה)(?![\w{HEB}])",
    re.IGNORECASE,
)


def device_removed(name: str, body: str, start: int, end: int) -> str:
    """`name`, or its removal's name when a word of removal is beside the device."""
    removal = _REMOVED.get(name)
    if removal is None:
        return name
    before = body[max(0, start - 20) : start]
    if _REMOVED_BEFORE.search(before) or _REMOVED_AFTER.match(body[end:]):
        return removal
    return name
