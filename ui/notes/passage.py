"""Which part of a note to select when a search hit or a citation opens it.

A snippet is cut from its field with "…" at the cut ends, so selecting just the snippet
cut values in two ("Leukocytes in Blood: 6.|65"). The selection is widened to whole lines,
and for a citation it takes in the line the answer used: the line that shares the most
numbers, then words, with the answer's sentence.
"""

from __future__ import annotations

import re

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


def used_line(text: str, sentence: str) -> tuple[int, int] | None:
    """The line of `text` sharing the most numbers with `sentence`, then the most words;
    None when no line shares a number or two words."""
    numbers = set(_NUMBER.findall(sentence))
    words = {w.casefold() for w in _WORD.findall(sentence)}
    best: tuple[int, int] = (0, 0)
    found: tuple[int, int] | None = None
    at = 0
    for line in text.split("\n"):
        score = (
            len(numbers & set(_NUMBER.findall(line))),
            len(words & {w.casefold() for w in _WORD.findall(line)}),
        )
        if (score[0] or score[1] >= 2) and score > best:
            best, found = score, (at, at + len(line))
        at += len(line) + 1
    return found


def passage_span(text: str, snippet: str | None, used: str | None = None) -> tuple[int, int] | None:
    """What to select in a field's `text`: the snippet's whole lines, with the line the
    answer's sentence `used` came from; None when neither is found."""
    spans = []
    found = find_span(text, snippet) if snippet else None
    if found is not None:
        spans.append(line_bounds(text, *found))
    line = used_line(text, used) if used else None
    if line is not None:
        spans.append(line)
    if not spans:
        return None
    return min(s for s, _ in spans), max(e for _, e in spans)


def used_sentence(ref: object) -> str | None:
    """The answer's sentence an answer's source was cited for; a search hit has none."""
    return ref.reason if isinstance(ref, AskSource) else None
