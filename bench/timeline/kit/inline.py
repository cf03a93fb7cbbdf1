"""Labels written inline with their words ("[[words|label]]"), as the blind sets write them:
the plain text, and each label read with its span in that text. Each set keeps its own
markup and label grammar; this is the walk they share."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")


def unmark(
    marked: str, mark: re.Pattern[str], read: Callable[[str, int, int, str], Iterable[T]]
) -> tuple[str, list[T]]:
    """`marked` without its marks, and what `read(label, start, end, words)` makes of each
    mark (`mark`'s groups: the words, then the label), its span in the plain text. Raises
    ValueError when a mark is left half-written."""
    parts: list[str] = []
    labels: list[T] = []
    pos = length = 0
    for m in mark.finditer(marked):
        before, words = marked[pos : m.start()], m.group(1)
        parts += (before, words)
        length += len(before)
        labels.extend(read(m.group(2), length, length + len(words), words))
        length += len(words)
        pos = m.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    if "[[" in text or "]]" in text:
        raise ValueError("unbalanced label markup")
    return text, labels
