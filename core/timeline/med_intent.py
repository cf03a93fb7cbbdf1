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

from core.timeline.text import HEB

_W = rf"(?<![\w{HEB}])"
_E = rf"(?![\w{HEB}])"
# Before the drug in its sentence: it is only talked about, or waits on a condition.
_TALKED_BEFORE = re.compile(
    rf"{_W}(?:offered|offer|discussed|discuss|discussion (?:of|about|re)|consider|considered|"
    r"considering|may need|might need|may require|may benefit from|could try|could consider|"
    # A change that may come, or a start the patient asks for, is no order yet.
    r"may increase|may decrease|may reduce|may add|may start|may stop|may switch|may try|"
    r"wants to start|wants to try|would like to start|would like to try|asks to start|"
    r"asking to start|מבקש להתחיל|מבקשת להתחיל|רוצה להתחיל|מעוניין להתחיל|מעוניינת להתחיל|"
    r"options? (?:include|of|are)|thinking about|think about|if|unless|"
    r"מסרב ל?|מסרבת ל?|סרבן ל?|הוסבר על|הוסבר ל|הוסברה|שוחח על|שוחחנו על|"
    r"לשקול|שקול|נשקול|יש לשקול|ייתכן|אולי|אם|במידה ו|במידה ש|הוצע|הוצעה|הוצעו|הצעתי|"
    rf"הוצע לה|הוצע לו){_E}",
    re.IGNORECASE,
)
# Words that end a condition's reach, so the drug after them is ordered after all:
# "If pain persists, return; start naproxen today" is past its "if" at the semicolon.
_ORDERED_NOW = re.compile(rf"{_W}(?:today|now|היום|כעת){_E}", re.IGNORECASE)
# Right after the drug (and its dose): it was declined, is being thought over, or waits.
_TALKED_AFTER = re.compile(
    r"^[\s,;\-–:(]*(?:(?:but|which|and)\s+)?(?:(?:pt|patient|he|she)\s+)?(?:declined|declines|"
    r"refused|refuses|wants to think|would like to think|to think about|will think|"
    r"is considering|considering|in future|in the future|down the track|later|offered|"
    r"discussed|הוצע|הוצעה|"
    rf"מעוניין לחשוב|מעוניינת לחשוב|רוצה לחשוב|סירב|סירבה|מסרב|מסרבת|בהמשך|אם)(?![\w{HEB}])",
    re.IGNORECASE,
)
# A drug's name read as a reading's label: a lab value ("אשלגן 4.2", "potassium 4.1
# mmol/L") or an angle ("פלקסיה 45°").
_READING_AFTER = re.compile(
    r"^\s*[:=\-]?\s*(?:\d{1,2}[.,]\d+(?![\d])(?![.,]\d)(?!\s*(?:mg|mcg|g|ml|units?|iu|מ[\"״]?ג|מק[\"״]?ג))"
    r"(?:\s*(?:mmol/l|meq/l|ממול/ל))?|\d{1,3}\s*(?:°|deg\b|degrees|מעלות)|"
    # "אם אשלגן מעל 6": a level compared with a threshold.
    r"(?:מעל|מתחת ל-?|above|below|over|under|>|<|≥|≤)\s*\d)",
    re.IGNORECASE,
)


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
    return m is not None and not _SINCE.search(body, 0, m.start())  # "Since 2019 on X": now
