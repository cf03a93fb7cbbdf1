"""Which part of a note to select when a search hit or a citation opens it.

A snippet is cut from its field with "…" at the cut ends, so selecting just the snippet
cut values in two ("Leukocytes in Blood: 6.|65"). A search hit's selection is widened to
whole lines. A citation selects the one passage it stands for: the sentence the answer used
(the sentence of the field that shares the most numbers, then words, with the answer's), or
the sentence a timeline fact was read from. A sentence ends at a line's end or at ". ", so
in a note written as one long line it is that line's sentence, not the whole field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.assistant.types import AskSource

_ELLIPSIS = re.compile(r"…|\.{3}")


def find_span(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where `needle` (a search snippet) occurs in `haystack`, as (start, end) indices.

    Snippets are cut from the field with "…" at the cut ends and their whitespace may be
    folded, so each fragment between ellipses is matched case-insensitively with any run of
    whitespace standing for any other; the longest fragment that matches wins.
    """
    fragments = sorted(_ELLIPSIS.split(needle), key=lambda f: len(f.strip()), reverse=True)
    for fragment in fragments:
        words = fragment.split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(word) for word in words)
        match = re.search(pattern, haystack, re.IGNORECASE)
        if match is not None:
            return match.span()
    return None


_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORD = re.compile(r"\w{3,}")


def line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) widened to the whole lines they touch, without the final newline."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", max(start, end - 1) if end > start else start)
    return first, len(text) if last == -1 else last


# A sentence ends at a full stop, "!" or "?" before white space; "88.4" and "Dr." before a
# name stay whole enough for a selection's purpose.
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, its stop included, leading space left out."""
    spans: list[tuple[int, int]] = []
    at = 0
    for end in [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]:
        piece = text[at:end]
        start = at + len(piece) - len(piece.lstrip())
        stop = at + len(piece.rstrip())
        if stop > start:
            spans.append((start, stop))
        at = end
    return spans


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) widened to the sentences they touch."""
    touched = [s for s in sentences(text) if s[0] < max(end, start + 1) and s[1] > start]
    if not touched:
        return line_bounds(text, start, end)
    return touched[0][0], touched[-1][1]


def used_line(text: str, sentence: str) -> tuple[int, int] | None:
    """The sentence of `text` sharing the most numbers with `sentence`, then the most
    words; None when none shares a number or two words."""
    numbers = set(_NUMBER.findall(sentence))
    words = {w.casefold() for w in _WORD.findall(sentence)}
    best: tuple[int, int] = (0, 0)
    found: tuple[int, int] | None = None
    for start, end in sentences(text):
        part = text[start:end]
        score = (
            len(numbers & set(_NUMBER.findall(part))),
            len(words & {w.casefold() for w in _WORD.findall(part)}),
        )
        if (score[0] or score[1] >= 2) and score > best:
            best, found = score, (start, end)
    return found


def passage_span(
    text: str, snippet: str | None, used: str | None = None, fact: FactSpan | None = None
) -> tuple[int, int] | None:
    """What to select in a field's `text`: the sentence a fact was read from, while the
    field still holds its words there; else the sentence the answer's `used` came from,
    looked for in the snippet's lines first; else the snippet's whole lines; None when none
    is found."""
    if fact is not None and text[fact.start : fact.end] == fact.words:
        return sentence_bounds(text, fact.start, fact.end)
    found = find_span(text, snippet) if snippet else None
    lines = line_bounds(text, *found) if found is not None else None
    if used:
        if lines is not None:
            inside = used_line(text[lines[0] : lines[1]], used)
            if inside is not None:
                return inside[0] + lines[0], inside[1] + lines[0]
        line = used_line(text, used)
        if line is not None:
            return line
    return lines


@dataclass(frozen=True)
class FactSpan:
    """Where a timeline fact's words stand in its field."""

    start: int
    end: int
    words: str


@dataclass(frozen=True)
class FactSource(AskSource):
    """A note reference made from a timeline fact (a brief's or flowsheet's citation): the
    fact's own span rides with it, so its sentence is selected, not its whole line."""

    span: FactSpan | None = None


def fact_span(ref: object) -> FactSpan | None:
    return ref.span if isinstance(ref, FactSource) else None


def used_sentence(ref: object) -> str | None:
    """The answer's sentence an answer's source was cited for; a search hit has none."""
    return ref.reason if isinstance(ref, AskSource) else None
