"""How a page's reading is scored against the text it was made from: character error rate
(Levenshtein distance over the true text's length, whitespace runs made one space) and
number recall (each number of the truth found among the numbers read)."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def _norm(text: str) -> str:
    return " ".join(text.split())


def errors(truth: str, read: str) -> tuple[int, int]:
    """(character edits, characters of the truth)."""
    t, r = _norm(truth), _norm(read)
    return Levenshtein.distance(t, r), max(1, len(t))


def cer(truth: str, read: str) -> float:
    edits, chars = errors(truth, read)
    return edits / chars


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def number_recall(truth: str, read: str) -> tuple[int, list[str]]:
    """(how many numbers the truth has, those of them not found in what was read)."""
    want = numbers(truth)
    pool = numbers(read)
    missing: list[str] = []
    for n in want:
        if n in pool:
            pool.remove(n)
        else:
            missing.append(n)
    return len(want), missing
