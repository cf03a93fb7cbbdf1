"""What a sentence is about, in words a note would use: for the checks that a value is
read from the right line ("potassium 137/69" read off a blood-pressure line is wrong) and
that an answer's own words stand in the note it cites.

A small table of clinical abbreviations lets "heart rate" meet "HR" and "A1c" meet
"hemoglobin A1c"; everything else is compared word for word (lower case, stop words out).
"""

from __future__ import annotations

import re

from core.retrieval.lexical import tokenize
from core.retrieval.synonyms import PHRASES, SYNONYMS

_SYNONYM_WORDS = frozenset(w for forms in SYNONYMS.values() for p in forms for w in p.split())
# Words that say how a value was asked for or reported, not what it is.
GENERIC = frozenset(
    re.findall(
        r"\w+",
        """latest recent most last first current earliest initial level levels value values result
    results reading readings measured measurement recorded noted documented taken given
    prescribed started start began begun stopped visit visits session sessions appointment
    patient patients client her his their she he they according note notes source sources
    date dated day time done performed mmhg bpm min mg mcg ug ml dl mmol mol meq iu units unit
    per daily dose doses dosage was were is are be been has have had show shows showed find
    found also which what when where how since long""",
    )
)


def terms(text: str) -> set[str]:
    """The words of `text` that say what it is about, abbreviations folded to one key."""
    low = text.casefold()
    found = {key for key, pattern in PHRASES if pattern.search(low)}
    words = {
        w
        for w in tokenize(low)
        if w not in _SYNONYM_WORDS and not w[:1].isdigit() and not _generic(w)
    }
    # "X-ray" and "Xray" are one word.
    return found | words | {w.replace("-", "") for w in words if "-" in w}


def _generic(word: str) -> bool:
    """A generic word, or a unit made of them ("mmol/L", "mg/dL"): it says how a value is
    written, not what it is, so it ties a value to no line."""
    return all(p in GENERIC or len(p) < 2 for p in re.split(r"[./-]", word))


def segments(text: str) -> list[str]:
    """A note cut where one statement ends and the next begins: lines, sentences, and the
    comma-separated items of a vital-signs line."""
    return [s for s in re.split(r"\n|(?<=[.;,])\s+", text) if s.strip()]


def new_terms(sentence: str, question: str) -> set[str]:
    """What the sentence says beyond the question's own words."""
    return terms(sentence) - terms(question)
