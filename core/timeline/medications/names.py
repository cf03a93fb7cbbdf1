"""Drug names that no list spells as written: a Latin word within two edits of a known
name ("atrovastatin"), where a dose, a frequency or a medication verb stands by it, and a
Hebrew spelling near a known one ("ציפראלקס" for "ציפרלקס") before a dose."""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process

from core.timeline.medications.intent import NEAR_VERB
from core.timeline.reading.text import HEB, Lexicon
from core.timeline.types import MedStatus
from core.timeline.vocab.lexicon import DRUGS

Mention = tuple[int, int, str]


@functools.cache
def drug_lexicon() -> Lexicon:
    return Lexicon.of(DRUGS)


# Where a near name may stand: a word before a dose or a frequency, or after a medication verb.
FREQ = r"(?:daily|bid|tid|qid|nocte|qhs|prn|od|bd|once daily|twice daily)"
_DOSED_WORD = re.compile(
    rf"(?<![\w-])([a-z]{{6,}})(?=\s*(?:\d+(?:\.\d+)?\s*(?:mg\b|mcg\b|units?\b|מ[\"״]?ג)|"
    rf"{FREQ}\b))",
    re.I,
)
# "stopped her metfromin": a possessive may stand between the verb and the name.
_AFTER_VERB = re.compile(
    r"\s+(?:on\s+|with\s+|the\s+|taking\s+|her\s+|his\s+|their\s+|my\s+)?([a-z]{6,})(?![\w-])",
    re.I,
)
_HEB_DOSED = re.compile(
    rf"(?<![\w{HEB}])([{HEB}][{HEB}'׳]{{3,}})(?=\s*\d+(?:\.\d+)?\s*(?:mg|mcg|מ[\"״]?ג|"
    # "גלוקוז 230 מ"ג/ד"ל": a concentration is a lab value's, not a dose.
    r"מק[\"״]?ג|יחידות)(?!\s*/\s*(?:dl|l\b|ד[\"״]?ל|ליטר)))",
    re.IGNORECASE,
)
_HEB_PREFIXES = "והבלמשכ"


def misspelled(
    body: str, lexicon: Lexicon, cues: list[tuple[int, int, MedStatus]]
) -> list[Mention]:
    """Drug names within two edits of a known one, only where a dose or frequency follows or
    a medication verb comes right before (elsewhere a near name is too often another word)."""
    words = [(m.start(1), m.end(1), m.group(1)) for m in _DOSED_WORD.finditer(body)]
    for m in NEAR_VERB.finditer(body):
        g = 1 if m.group(1) else 2
        words.append((m.start(g), m.end(g), m.group(g)))
    for _, end, _ in cues:
        m = _AFTER_VERB.match(body, end)
        if m is not None:
            words.append((m.start(1), m.end(1), m.group(1)))
    found: list[Mention] = []
    for start, end, raw in words:
        word = raw.casefold()
        if word in lexicon.canonical or word in _COMMON:
            continue
        best = process.extractOne(word, _latin_names(), scorer=fuzz.ratio, score_cutoff=85)
        if best is not None and (start, end) not in [(a, b) for a, b, _ in found]:
            found.append((start, end, lexicon.canonical[best[0]]))
    return found


# English words that a medication verb is often followed by and that no drug name is near.
_COMMON = frozenset(["walking", "exercise", "exercises", "stretching", "physiotherapy"])


def hebrew_near(body: str) -> list[Mention]:
    """Hebrew spellings near a known one ("ציפראלקס" for "ציפרלקס") where a dose follows,
    with a joined one-letter prefix ("ולוסרטן") taken off."""
    lexicon = drug_lexicon()
    found: list[Mention] = []
    for m in _HEB_DOSED.finditer(body):
        word, start = m.group(1), m.start(1)
        candidates = [(word, start)]
        if word[0] in _HEB_PREFIXES and len(word) > 4:
            candidates.append((word[1:], start + 1))
        for candidate, at in candidates:
            if candidate in lexicon.canonical or candidate in _HEB_LAB_WORDS:
                break
            skeleton = _skeleton(candidate)
            if len(skeleton) < 5:
                continue  # one edit in four consonants ("רפט", "רספט") is another word
            best = process.extractOne(skeleton, _hebrew_names(), scorer=fuzz.ratio, score_cutoff=80)
            # Spellings differ in their vowels and doubled letters, not in their first sound.
            if best is not None and best[0][0] == skeleton[0]:
                found.append((at, m.end(1), lexicon.canonical[_hebrew_by_skeleton()[best[0]]]))
                break
    return found


# Laboratory words that a value in mg follows ("גלוקוזה 247 מ"ג/ד"ל"): no drug's near name.
_HEB_LAB_WORDS = frozenset(
    {"גלוקוזה", "סוכר", "כולסטרול", "המוגלובין", "קראטינין", "קריאטינין", "טריגליצרידים"}
)


def _skeleton(word: str) -> str:
    """A Hebrew word without its vowel letters and geresh: spellings differ most there."""
    return re.sub(r"[יואה'׳]", "", word)


@functools.cache
def _hebrew_by_skeleton() -> dict[str, str]:
    names = [n for n in drug_lexicon().canonical if re.match(rf"[{HEB}]", n) and len(n) >= 4]
    return {_skeleton(n): n for n in names}


@functools.cache
def _hebrew_names() -> list[str]:
    return list(_hebrew_by_skeleton())


@functools.cache
def _latin_names() -> list[str]:
    return [name for name in drug_lexicon().canonical if name.isascii() and len(name) >= 6]
