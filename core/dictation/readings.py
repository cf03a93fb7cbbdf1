"""Blood pressure readings heard a second time: Whisper base writes "116 over 80"
as "160 over 80" and "114 over 84" as "140 over 84", in synthetic and neural voices alike,
whatever the beam. Told by its prompt that numbers are written as a note writes them
("Blood pressure 118/76, heart rate 72"), it hears most of those readings right. That
prompt costs other words ("once daily" becomes "1 daily"), so only a piece with a reading
is heard again with it, and only the first number of each reading is taken from that
hearing: the reading's other words are kept as first heard.

A vital sign's value heard as words is heard again the same way: "pulse baby" for "pulse
80", "heart rate int" for 90, "pulse 100 14" for 114, "blood pressure 100 8 percent over
90" for 108 over 90. Where the second hearing has the same name followed by one number, and
the word after that number comes within a few words in the first hearing, the words
between are replaced by that number.

A number taken this way is marked for review, as a repaired word is."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from core.dictation.types import Word

# Written as a note writes readings; none of its numbers is one a dictation is likely to
# hold, and it is only ever the start of the prompt.
NUMERALS_PROMPT = "Blood pressure 118/76, heart rate 72, weight 84 kg, temperature 37.2."
_NUMBER = re.compile(r"^(\d+)([^\w]*)$")
# The last word of a vital sign's name ("heart rate", "oxygen saturation"), and what may
# stand between it and its value.
_VITAL = frozenset(
    {"pulse", "rate", "saturation", "saturations", "sats", "temperature", "pressure", "bp",
     "weight", "weighs"}
)  # fmt: skip
_BETWEEN = frozenset(
    {"is", "was", "of", "today", "now", "at", "about", "around", "down", "up", "to"}
)
_VALUE = re.compile(r"^(\d+(?:[./]\d+)?)[^\w]*$")  # "80", "37.2", "118/76"
_LETTERS = re.compile(r"[^\W\d_]+")
# How many words of the first hearing may stand for the one number ("100 8 percent").
_MAX_SPAN = 4


def readings(words: Sequence[Word]) -> list[tuple[int, str, str]]:
    """Each "N over M" in `words`: (the index of N, N, M), digits only."""
    found: list[tuple[int, str, str]] = []
    for i in range(len(words) - 2):
        first, second = _digits(words[i].text), _digits(words[i + 2].text)
        if first and second and words[i + 1].text.casefold() == "over":
            found.append((i, first, second))
    return found


def take_readings(first: Sequence[Word], again: Sequence[Word]) -> list[Word]:
    """`first` with the first number of each reading taken from `again` where `again` heard
    the same reading ("over" the same number) with another first number; in order, each of
    `again`'s readings used once."""
    out = list(first)
    theirs = readings(again)
    for i, number, below in readings(first):
        match = next((r for r in theirs if r[2] == below), None)
        if match is None:
            continue
        theirs = theirs[theirs.index(match) + 1 :]
        if match[1] != number:
            tail = _NUMBER.match(out[i].text)
            text = match[1] + (tail.group(2) if tail else "")
            out[i] = replace(out[i], text=text, repaired=True)
    return out


def _digits(text: str) -> str:
    found = _NUMBER.match(text)
    return found.group(1) if found else ""


def unsure_values(words: Sequence[Word]) -> list[tuple[int, int]]:
    """Each vital sign whose value is not heard as one number: (the index of its name, of
        the word where the value belongs). A name that ends its sentence has no value here; one
    followed by a comma may ("Heart rate, INT.")."""
    found: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if _name(word.text) not in _VITAL or word.text[-1:] in ".;:?!":
            continue
        at = _after_name(words, i)
        if at >= len(words):
            continue
        one = _VALUE.match(words[at].text)
        if one is None or (at + 1 < len(words) and _VALUE.match(words[at + 1].text)):
            found.append((i, at))
    return found


def take_values(first: Sequence[Word], again: Sequence[Word]) -> list[Word]:
    """`first` with each of its `unsure_values` replaced by the number `again` heard after
    the same name (counted in order of that name), where the word after `again`'s number
    comes within `_MAX_SPAN` words in `first` (or both end there); marked repaired."""
    out = list(first)
    for i, at in reversed(unsure_values(first)):
        nth = _nth(first, i)
        j = next((k for k in range(len(again)) if _nth(again, k) == nth and
                  _name(again[k].text) == _name(first[i].text)), None)  # fmt: skip
        if j is None or again[j].text[-1:] in ".;:?!":
            continue
        value_at = _after_name(again, j)
        if value_at >= len(again) or not _VALUE.match(again[value_at].text):
            continue
        if value_at + 1 < len(again) and _VALUE.match(again[value_at + 1].text):
            continue
        end = _span_end(first, at, again[value_at + 1 :])
        number = _VALUE.match(again[value_at].text)
        assert number is not None
        heard = _VALUE.match(first[end - 1].text) if end is not None else None
        if end is None or (heard is not None and heard.group(1) == number.group(1)):
            continue  # no place for it, or the first hearing has that very number there
        tail = re.search(r"[,.;:?!]*$", first[end - 1].text)
        text = number.group(1) + (tail.group(0) if tail else "")
        out[at:end] = [
            Word(text, first[at].start, first[end - 1].end,
                 min(w.confidence for w in first[at:end]), repaired=True)
        ]  # fmt: skip
    return out


def _span_end(first: Sequence[Word], at: int, rest: Sequence[Word]) -> int | None:
    """Where, in `first`, the words after the value go on as `rest` does: the index of
    `rest`'s first word, or the end where `rest` is empty too."""
    for end in range(at + 1, min(at + 1 + _MAX_SPAN, len(first) + 1)):
        if end == len(first):
            return end if not rest else None
        if rest and _name(first[end].text) == _name(rest[0].text) != "":
            return end
    return None


def _after_name(words: Sequence[Word], i: int) -> int:
    at = i + 1
    while at < len(words) and _name(words[at].text) in _BETWEEN:
        at += 1
    return at


def _nth(words: Sequence[Word], i: int) -> int:
    name = _name(words[i].text)
    return sum(_name(w.text) == name for w in words[:i])


def _name(text: str) -> str:
    found = _LETTERS.findall(text.casefold())
    return found[0] if len(found) == 1 else ""
