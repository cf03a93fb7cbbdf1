"""Blood pressure readings heard a second time (issue 29): Whisper base writes "116 over 80"
as "160 over 80" and "114 over 84" as "140 over 84", in synthetic and neural voices alike,
whatever the beam. Told by its prompt that numbers are written as a note writes them
("Blood pressure 118/76, heart rate 72"), it hears most of those readings right. That
prompt costs other words ("once daily" becomes "1 daily"), so only a piece with a reading
is heard again with it, and only the first number of each reading is taken from that
hearing: the reading's other words are kept as first heard.

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
