"""Whether a text states a value: the one test every question's well-posedness rests on,
and the answer eval's check of an answer."""

from __future__ import annotations

import re


def _variants(needle: str) -> list[str]:
    """A number may be written 138, 138.0 or 138.00 in the notes."""
    try:
        value = float(needle)
    except ValueError:
        return [needle]
    return list(dict.fromkeys([needle, f"{value:.1f}", f"{value:.2f}"]))


def mentions(text: str, needle: str) -> bool:
    """`needle` as a whole word (a number as a whole number) in `text`, any case."""
    low = text.casefold()
    for n in _variants(needle.casefold()):
        if re.search(r"(?<![\w.])" + re.escape(n) + r"(?!\w|\.\d)", low):
            return True
    return False
