"""A drug named but not taken, and a drug's name that is something else there.

A drug offered, discussed, considered, kept for later or for a condition not yet met is
no medication event: "Offered warfarin, declined", "discussed Euthyrox - pt wants to think
about it", "Consider sertraline if no better", "may need naproxen in future", "If BP
remains > 140/90 at review, start amlodipine", "מסרב לאקמול", "הוסבר על קומדין", "לשקול
מטפורמין", "אם ל"ד יישאר מעל 140/90 - להתחיל אמלודיפין" (docs/timeline.md). Nothing was
prescribed, stopped or taken, so the timeline must not list it among the medications. Nor is
a drug named as a past event's circumstance ("DVT 2020 on OCP").

Some names are also the words of a reading: "אשלגן 4.2" is a potassium level, not
potassium chloride, and "פלקסיה 45°" a flexion, not Palexia (tapentadol). A drug's name
followed by a laboratory value or by an angle is that reading's label."""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END, WORD_START

_W = WORD_START
_E = WORD_END
# Before the drug in its sentence: it is only talked about, or waits on a condition.
_TALKED_BEFORE = re.compile(
    rf"{_W}(?:offered|offer|discussed|discuss|discussion (?:of|about|re)|consider|considered|"
    r"considering|may need|might need|may require|may benefit from|could try|could consider|"
    # A standby course is one to take if something happens later: none is taken yet.
    r"standby|stand-by|"
    # A change that may come, or a start the patient asks for, is no order yet.
    r"may increase|may decrease|may reduce|may add|may start|may stop|may switch|may try|"
    r"wants to start|wants to try|would like to start|would like to try|asks to start|"
    r"asking to start|מבקש להתחיל|מבקשת להתחיל|רוצה להתחיל|מעוניין להתחיל|מעוניינת להתחיל|"
    r"options? (?:include|of|are)|thinking about|think about|unless|"
    # "if" opens a condition; after a verb of asking it opens a question ("wonders if due to
    # X"), and the drug is the one taken.
    r"(?<!wonders )(?<!wondering )(?<!asks )(?<!asked )(?<!unsure )(?<!not sure )"
    r"(?<!whether or )if|"
    # A question about a drug not taken is no event: "asks about X", "שואלת לגבי X".
    r"asks about|asked about|asking about|enquires about|enquired about|inquires about|"
    r"questions about|query about|שואל על|שואלת על|שואל לגבי|שואלת לגבי|"
    # "מסרב לאקמול": a refusal's preposition is joined to what follows it.
    r"מסרב|מסרבת|מסרבים|סרבן|מסרב ל|מסרבת ל|סרבן ל|הוסבר על|הוסבר ל|הוסברה|שוחח על|"
    r"שוחחנו על|הוסבר לה על|הוסבר לו על|הוסבר לגבי|הוסברו|הסברתי על|דובר על|דיברנו על|"
    r"שוחחנו לגבי|"
    r"לשקול|שקול|נשקול|יש לשקול|ייתכן|אולי|אם|במידה ו|במידה ש|הוצע|הוצעה|הוצעו|הצעתי|"
    rf"הוצע לה|הוצע לו)(?:(?<= [לבמ])(?=[{HEB}])|{_E})",
    re.IGNORECASE,
)
# Words that end a condition's reach, so the drug after them is ordered after all:
# "If pain persists, return; start naproxen today" is past its "if" at the semicolon.
# A choice made after the talk ends it too: "Discussed X vs Y - chose Y".
_ORDERED_NOW = re.compile(
    rf"{_W}(?:today|now|היום|כעת|chose|chooses|opted for|opts for|agreed to|agrees to|"
    rf"decided on|elected to|בחר ב|בחרה ב|הוחלט על|הסכים ל|הסכימה ל){_E}",
    re.IGNORECASE,
)
# Right after the drug (and its dose): it was declined, is being thought over, or waits.
_TALKED_AFTER = re.compile(
    r"^[\s,;\-–:(]*(?:(?:but|which|and)\s+)?(?:(?:pt|patient|he|she)\s+)?(?:declined|declines|"
    r"refused|refuses|wants to think|would like to think|to think about|will think|"
    r"is considering|considering|in future|in the future|down the track|later|offered|"
    r"discussed|הוצע|הוצעה|"
    # "Valproate not suitable": a drug ruled out is no event.
    r"not suitable|unsuitable|not appropriate|inappropriate|not indicated|not recommended|"
    r"contraindicated|לא מתאים|לא מתאימה|"
    rf"מעוניין לחשוב|מעוניינת לחשוב|רוצה לחשוב|סירב|סירבה|מסרב|מסרבת|בהמשך|אם)(?![\w{HEB}])",
    re.IGNORECASE,
)
# A drug's name read as a reading's label: a lab value ("אשלגן 4.2", "potassium 4.1
# mmol/L") or an angle ("פלקסיה 45°").
_READING_AFTER = re.compile(
    r"^\s*[:=\-]?\s*(?:\d{1,2}[.,]\d+(?![\d])(?![.,]\d)"
    r"(?!\s*(?:mg|mcg|g|ml|units?|iu|%|מ[\"״]?ג|מק[\"״]?ג))"
    r"(?:\s*(?:mmol/l|meq/l|ממול/ל))?|\d{1,3}\s*(?:°|deg\b|degrees|מעלות)|"
    # "אם אשלגן מעל 6": a level compared with a threshold; "over 24 h" is a duration.
    r"(?:מעל|מתחת ל-?|above|below|over|under|>|<|≥|≤)\s*\d+(?:[.,]\d+)?(?!\d|[.,]\d)"
    r"(?!\s*(?:h|hrs?|hours?|min|mins|minutes?|days?|d|wks?|weeks?|months?|שעות|ימים|דקות)\b)|"
    # "Estradiol 410 pmol/L": a concentration is a level's unit, never a dose's.
    r"\d+(?:[.,]\d+)?\s*(?:pmol|nmol|µmol|umol|mmol|ng|pg|µg|ug|mcg|mg|miu|mu|iu|u)\s*/\s*"
    r"(?:l|dl|ml|ד[\"״]?ל|ליטר)(?![a-z])|"
    # "פלקסיה ירך ימין 147 מעלות": a joint's words, then its angle.
    r"[^\d,;:\n]{1,40}?\d{1,3}\s*(?:°|deg\b|degrees|מעלות))",
    re.IGNORECASE,
)
# Drugs that are also analytes: followed by a bare number that ends its item (no unit, no
# schedule) and with no medication verb or list word before, the number is their level
# ("vit D 38, B12 290").
ANALYTES = frozenset(
    {
        "cholecalciferol",
        "cyanocobalamin",
        "folic acid",
        "ferrous sulfate",
        "potassium chloride",
        "estradiol",
        "testosterone",
        "progesterone",
    }
)
_BARE_NUMBER = re.compile(
    # "20,000 units": a thousands comma makes one number, a dose's, no value and a comma.
    r"^\s*[:=]?\s*(?!\d{1,3}(?:,\d{3})+(?![\d.]))\d+(?:[.,]\d+)?(?=\s*(?:$|[,;)]|\.(?!\d)|"
    # Round 7: the tests the value came from ("vit D 38 on last bloods", "in today's labs").
    r"(?:on|in|from) (?:the |her |his )?(?:last|latest|recent|previous|today's|repeat)? ?"
    r"(?:bloods|blood tests?|labs|results|tests)\b))",
    re.IGNORECASE,
)


def analyte_level(name: str, body: str, stop: int) -> bool:
    """Whether `name`, ending at `stop`, is an analyte's label before its bare value."""
    return name in ANALYTES and bool(_BARE_NUMBER.match(body[stop : stop + 40]))


def only_talked_about(body: str, start: int, stop: int, verbs: list[int]) -> bool:
    """Whether the drug at `start:stop` of the sentence `body` is only talked about.
    `verbs`: where the sentence's medication verbs that order something begin; a verb
    between a word of talk and the drug ("discussed, then started X") orders it."""
    if _TALKED_AFTER.match(body[stop : stop + 60]):
        return True
    if _SHOULD_IF.match(body) and not _ORDERED_NOW.search(body, 0, start):
        return True  # "Should pain worsen, increase X": an "if" written the other way round
    talk = list(_TALKED_BEFORE.finditer(body, 0, start))
    if not talk:
        return False
    last = talk[-1]
    if _ORDERED_NOW.search(body, last.end(), start):
        return False
    if last.group(0).casefold() in ("if", "unless", "אם"):
        return True  # "If BP remains high, start X": the verb is part of the plan in waiting
    # "Discussed starting X": a verb that is the talk's object orders nothing.
    return not any(
        last.end() <= v < start and not _TALK_OBJECT.match(body, last.end(), v) for v in verbs
    )


_SHOULD_IF = re.compile(r"^[\s\-*•#\d.)]*should\s+(?!be\b)\w+\s+\w+[^,]*,", re.IGNORECASE)
_TALK_OBJECT = re.compile(r"\s*(?:to|about|re:?|on|-)?\s*$", re.IGNORECASE)


def talk_spans(body: str) -> list[tuple[int, int]]:
    """Where the sentence's words of talk are ("לשקול", "discussed"): no drug's name."""
    return [m.span() for m in _TALKED_BEFORE.finditer(body)]


def is_reading(body: str, stop: int) -> bool:
    """Whether the name ending at `stop` labels a value that follows it: a lab result or
    an angle, not a dose."""
    return bool(_READING_AFTER.match(body[stop : stop + 30]))


# Where a misspelt drug's name may stand besides before a dose: right before a verb said of
# it ("ibuprofin stopped", "amlodipin changed to losartan") or right after a switch's verb
# ("Swapped atrovastatin for rosuvastatin"). Elsewhere a near name is too often a word.
NEAR_VERB = re.compile(
    r"(?<![\w-])([a-z]{6,})(?=\s+(?:was\s+)?(?:stopped|discontinued|ceased|held|started|"
    r"continued|increased|decreased|reduced|changed to|switched to|swapped for|replaced by|"
    r"→|->)(?![\w]))|(?<![\w-])(?:swap|swapped|switch|switched|replace|replaced|change|"
    r"changed)\s+(?:from\s+)?([a-z]{6,})(?![\w-])",
    re.IGNORECASE,
)


# A year, then "on" or "while on" right before the drug: the drug was the circumstance of
# that past event ("GI bleed 2021 on NSAIDs", "DVT 2020 on OCP"), not a medication now.
_PAST_CIRCUMSTANCE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}\)?\s*,?\s*(?:on|while on|whilst on|when on)\s+$",
    re.IGNORECASE,
)

_SINCE = re.compile(r"(?:since|from|started|starting|began|מאז|החל מ-?|מ-?)\s*$", re.IGNORECASE)


def past_circumstance(body: str, start: int) -> bool:
    """Whether the drug at `start` follows a past event's year and "on"."""
    m = _PAST_CIRCUMSTANCE.search(body, 0, start)
    if m is None or _SINCE.search(body, 0, m.start()):
        return False  # "Since 2019 on X": now
    # Round 7: "dx 2017, on X since 2021": taken since, so taken now.
    return not _ONGOING_AFTER.match(body, start)


_ONGOING_AFTER = re.compile(
    r"[^,;.\n(]{1,40}?\b(?:since|for (?:the (?:last|past) )?\d+|currently|still|ongoing)\b",
    re.IGNORECASE,
)


# After the drug's dose and schedule, in its clause: a condition the order waits on ("X 100
# mg bd x 7 days if the culture grows Y"). One that says when to take a dose ("if needed",
# "if pain", "if tolerated") is a prescription's own, and a continuation waits on nothing.
_SYMPTOM = (
    r"needed|required|necessary|req'd|tolerated|symptomatic|symptoms|pain|painful|nausea|"
    r"nauseated|nauseous|vomiting|wheeze|wheezy|wheezing|breathless|breathlessness|sob|itch|"
    r"itchy|itching|fever|febrile|temperature|anxious|anxiety|agitated|agitation|distressed|"
    r"restless|unable to sleep|insomnia|sleepless|constipated|constipation|diarrhoea|"
    r"diarrhea|loose stools|cough|headache|migraine|spasm|spasms|cramps|secretions|"
    r"צריך|יש צורך|כאב|כאבים|בחילה|בחילות|הקאות|חום|קוצר נשימה|שיעול|עצירות|שלשול|גרד"
)
_IF_AFTER = re.compile(
    r"(?:[^,;.\n]|\.(?=\d)){0,40}?"
    rf"{_W}(?:if|unless|אם|במידה ו|במידה ש)\s+"
    # "if breakthrough pain", "if severe nausea": a symptom after up to two words.
    rf"(?!(?:[\w{HEB}'-]+\s+){{0,2}}(?:{_SYMPTOM})(?![\w{HEB}]))",
    re.IGNORECASE,
)
# Round 7: a start put off until a condition, said after the drugs it holds ("X 30 mg + Y, to
# start only if Z", "X - to use if Z", "להתחיל רק אם"): a rescue pack, nothing begun yet.
_DEFERRED_START = re.compile(
    r"[^.;\n]{0,60}?(?:\bto (?:start|begin|take|use)|(?<![\w\u05d0-\u05ea])להתחיל)"
    r"(?: (?:it|them|these|this|אותו|אותם))?(?: (?:only|רק))? (?:if|when|אם|במידה ו|במידה ש)",
    re.IGNORECASE,
)
_IF_GAP_ENDS = re.compile(rf"{_W}(?:and|then|ו?אז|וגם)(?![\w{HEB}])", re.IGNORECASE)


def conditional_after(body: str, stop: int, cues: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a condition follows the drug ending at `stop`, before another verb, "and"
    or the clause's end: the order waits on it, nothing is prescribed yet."""
    if _DEFERRED_START.match(body, stop):
        return True
    m = _IF_AFTER.match(body, stop)
    if m is None:
        return False
    gap = (stop, m.end())
    return not _IF_GAP_ENDS.search(body, *gap) and not any(gap[0] <= c < gap[1] for c, _, _ in cues)


# ConText's experiencer for drugs: a relative's medicine ("FHx: mother on warfarin",
# "Husband takes metformin") is no event of the patient's. Only in the drug's own clause,
# and not where a parent gives the patient a dose ("Mum gives Calpol at night").
_RELATIVE = re.compile(
    rf"{_W}(?:family history|family hx|fam hx|fhx|fh|mother|mother's|father|father's|"
    r"sister|sister's|brother|brother's|sibling|siblings|grandmother|grandfather|aunt|uncle|"
    r"cousin|wife|wife's|husband|husband's|spouse|partner's|son|daughter|"
    r"אמו|אמה|אביו|אביה|אחותו|אחותה|אחיו|אחיה|אשתו|בעלה|בן זוגה|בת זוגו|בנו|בנה|בתו|בתה|"
    rf"היסטוריה משפחתית|סיפור משפחתי|רקע משפחתי|במשפחה){_E}",
    re.IGNORECASE,
)
_PATIENT_AGAIN = re.compile(
    rf"{_W}(?:patient|pt|he|she|him|his|her|himself|herself|המטופל|המטופלת|הוא|היא){_E}|"
    rf"{_W}(?:gives|giving|gave|administers|administering|נותנת|נותן|נתנה|נתן){_E}",
    re.IGNORECASE,
)


def a_relatives(body: str, start: int) -> bool:
    """Whether the drug at `start` is a relative's: one is named before it in its clause
    (since the last comma or semicolon), and the patient is not named again after."""
    clause = max(body.rfind(",", 0, start), body.rfind(";", 0, start)) + 1
    found = list(_RELATIVE.finditer(body, clause, start))
    return bool(found) and not _PATIENT_AGAIN.search(body, found[-1].end(), start)
