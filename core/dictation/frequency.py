"""How often a dose is taken, heard again by its sound: after "500 milligrams,"
Whisper base writes "once daily" as "one stale" or "one stay lit" in a synthetic voice,
words that sound the same (Metaphone "ONSTL", jellyfish's, MIT) but say nothing. Right
after a dose (a number and its unit), the words up to the sentence's end (or a comma) are
compared by sound with the frequencies prescriptions are written in; one that is near enough, and
clearly nearer than any other, is written as that frequency and marked for review.

A count of two right after a dose, before what is counted ("200 micrograms two puffs"),
is often written "to" ("to puffs"); there it is written "2" and marked for review.

Only the place after a dose is looked at, so "one still" elsewhere is left as heard."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from core.dictation.recall_sound import key, letters, written_as
from core.dictation.types import Word

# A sig's frequencies as prescriptions write them out (the Latin short forms are not said).
FREQUENCIES = (
    "once daily", "twice daily", "three times daily", "four times daily", "once a day",
    "twice a day", "three times a day", "once weekly", "once a week", "every morning",
    "every night", "every evening", "at night", "at bedtime", "in the morning",
    "as needed", "every other day", "with meals", "before meals", "after meals",
)  # fmt: skip
NEAR_AT_LEAST = 90.0  # "one stay lit" beside once daily (ONSTLT, ONSTL) is 91
LEAD_BY = 5.0  # over the next frequency: once daily beside once a day is 100 to 89
MAX_WORDS = 4
_UNITS = frozenset(
    {"mg", "milligram", "milligrams", "mcg", "microgram", "micrograms", "g", "gram", "grams",
     "ml", "millilitre", "millilitres", "milliliter", "milliliters", "units", "unit",
     "tablet", "tablets", "capsule", "capsules", "puff", "puffs", "drops", "iu"}
)  # fmt: skip
_SAID = {"1": "one", "2": "two", "3": "three", "4": "four"}  # "1 stale": a digit as said
_COUNTED = frozenset({"puff", "puffs", "spray", "sprays", "tablets", "capsules", "drops"})
_ENDS = (".", ";", ":", "?", "!")


def write_frequencies(words: Sequence[Word]) -> list[Word]:
    """`words` with the run after each dose written as the frequency it sounds like, and a
    count of two heard as "to" written as "2"."""
    out = list(words)
    i = 0
    while i < len(out) - 2:
        if not _dose_ends_at(out, i):
            i += 1
            continue
        if _two_heard_as_to(out[i + 1], out[i + 2]):
            out[i + 1] = written_as(out[i + 1 : i + 2], "2")
        found = _nearest(out[i + 1 : i + 1 + MAX_WORDS])
        if found is None:
            i += 1
            continue
        n, frequency = found
        out[i + 1 : i + 1 + n] = [written_as(out[i + 1 : i + 1 + n], frequency)]
        i += 2
    return out


def _dose_ends_at(words: Sequence[Word], i: int) -> bool:
    """words[i] is a dose's unit right after its number ("500 milligrams,"), or a number
    with its unit fused ("5mg")."""
    unit = letters(words[i].text)
    if words[i].text.endswith(_ENDS) or len(unit) != 1 or unit[0] not in _UNITS:
        return False
    fused = any(ch.isdigit() for ch in words[i].text)
    return fused or (i > 0 and any(ch.isdigit() for ch in words[i - 1].text))


def _two_heard_as_to(word: Word, counted: Word) -> bool:
    what = letters(counted.text)
    return word.text.casefold() == "to" and bool(what) and what[0] in _COUNTED


def _nearest(after: Sequence[Word]) -> tuple[int, str] | None:
    """(how many words, the frequency) when the words from the dose to the sentence's end
    (or a comma) sound like one frequency, clearly nearer than the others."""
    said: list[str] = []
    n = 0
    for w in after:
        n += 1
        bare = w.text.rstrip(".,;:?!")
        if bare[:1].isdigit():
            if bare not in _SAID:
                return None  # a number that is no count ("then 10 mg")
            said.append(_SAID[bare])
        else:
            said += letters(w.text)
        if w.text.endswith((*_ENDS, ",")):
            break
    else:
        return None  # no end within reach: the place is not a sig's
    if not said or " ".join(said) in FREQUENCIES:
        return None  # heard right
    heard = key("".join(said))
    scores = sorted(((fuzz.ratio(heard, k), f) for f, k in _keys().items()), reverse=True)
    (best, frequency), runner_up = scores[0], scores[1][0]
    if best >= NEAR_AT_LEAST and best - runner_up >= LEAD_BY:
        return n, frequency
    return None


@lru_cache(maxsize=1)
def _keys() -> dict[str, str]:
    return {f: key(f.replace(" ", "")) for f in FREQUENCIES}
