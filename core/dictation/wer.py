"""Word error rate of a transcript against what was read, and how many of the words that
matter most (drug names, numbers) came out right. Both are counts, so a test set's rate is
pooled over its recordings (total errors over total words), not averaged per recording."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

# A word: letters (with inner apostrophes) or a number with its decimal point.
_WORD = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+(?:['’][^\W\d_]+)*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


# A number said as one word is written either way ("three months", "3 months"): both
# count as the digits. Longer numbers are written as digits in the test scripts.
_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_TENS = "thirty forty fifty sixty seventy eighty ninety"
_NUMBERS = {name: str(i) for i, name in enumerate(_ONES.split())} | {
    name: str(10 * i) for i, name in enumerate(_TENS.split(), 3)
}
_SYMBOLS = {"%": " percent ", "°": " degrees "}
# A unit is one word however it is written: "5 mg" is what a clinician writes for "five
# milligrams", and singular or plural says nothing the number does not. Only one-word
# units, and only spellings a clinician reads as the same unit: "mmHg" against
# "millimetres of mercury" or "bpm" against "beats per minute" change the word count, and
# "mcg" is never "mg".
_UNIT_SPELLINGS = {
    "mg": "milligram milligrams milligramme milligrammes",
    "kg": "kilogram kilograms kilogramme kilogrammes kilo kilos",
    "mcg": "µg μg microgram micrograms microgramme microgrammes",
    "ml": "millilitre millilitres milliliter milliliters",
}
_UNITS = {
    spelling: unit
    for unit, spellings in _UNIT_SPELLINGS.items()
    for spelling in (unit, *spellings.split())
}


def words(text: str) -> list[str]:
    """Lower-case words, punctuation dropped, one-word numbers as digits, units as their
    symbol: "7.9%," is "7.9", "percent"; "140/90" is "140", "90"; "1,000" is "1000";
    "three" is "3"; "milligrams" and "mg" are "mg"."""
    for symbol, spoken in _SYMBOLS.items():
        text = text.replace(symbol, spoken)
    text = _THOUSANDS.sub("", text)  # "1,000" is "1000"; "follow-up" is "follow", "up"
    found = (w.replace("’", "'") for w in _WORD.findall(text.casefold()))
    return [_NUMBERS.get(w) or _UNITS.get(w) or w for w in found]


@dataclass(frozen=True)
class ErrorCount:
    reference_words: int
    substitutions: int
    deletions: int
    insertions: int
    key_words: int = 0  # reference words that are drug names or numbers
    key_errors: int = 0  # of those, how many were substituted or deleted

    @property
    def errors(self) -> int:
        return self.substitutions + self.deletions + self.insertions

    @property
    def wer(self) -> float:
        return self.errors / max(self.reference_words, 1)

    @property
    def key_error_rate(self) -> float:
        return self.key_errors / max(self.key_words, 1)

    def __add__(self, other: ErrorCount) -> ErrorCount:
        return ErrorCount(
            self.reference_words + other.reference_words,
            self.substitutions + other.substitutions,
            self.deletions + other.deletions,
            self.insertions + other.insertions,
            self.key_words + other.key_words,
            self.key_errors + other.key_errors,
        )


def count_errors(reference: str, hypothesis: str, key_terms: Iterable[str] = ()) -> ErrorCount:
    """Levenshtein alignment of the words. A reference word is a key word when it is a
    number or one of `key_terms` (drug names; each term's words count on their own)."""
    ref, hyp = words(reference), words(hypothesis)
    keys = {w for term in key_terms for w in words(term)}
    ops = _align(ref, hyp)
    subs = sum(op == "S" for op, _ in ops)
    dels = sum(op == "D" for op, _ in ops)
    ins = sum(op == "I" for op, _ in ops)
    is_key = [w in keys or w[0].isdigit() for w in ref]
    key_errors = sum(1 for op, i in ops if op in "SD" and is_key[i])
    return ErrorCount(len(ref), subs, dels, ins, sum(is_key), key_errors)


def aligned(ref: list[str], hyp: list[str]) -> list[tuple[int | None, int | None]]:
    """Which hypothesis word each reference word became: (ref index, hyp index) pairs in
    order, None on the side a deletion or an insertion lacks."""
    return [(i if op != "I" else None, j if op != "D" else None) for op, i, j in _ops(ref, hyp)]


def _align(ref: list[str], hyp: list[str]) -> list[tuple[str, int]]:
    """The edit operations, each with its reference index (-1 for an insertion)."""
    return [(op, i) for op, i, _ in _ops(ref, hyp)]


def _ops(ref: list[str], hyp: list[str]) -> list[tuple[str, int, int]]:
    """Levenshtein's operations ("=", "S", "D", "I") with the indices they touch (-1 for
    the side that has none): rapidfuzz's edit operations, with the words they keep."""
    ops: list[tuple[str, int, int]] = []
    i = j = 0
    for edit in Levenshtein.editops(ref, hyp):
        while i < edit.src_pos:  # between two edits, the words are the same
            ops.append(("=", i, j))
            i, j = i + 1, j + 1
        if edit.tag == "replace":
            ops.append(("S", i, j))
            i, j = i + 1, j + 1
        elif edit.tag == "delete":
            ops.append(("D", i, -1))
            i += 1
        else:
            ops.append(("I", -1, j))
            j += 1
    ops += [("=", i + k, j + k) for k in range(len(ref) - i)]
    return ops
