"""A line of a PDF's text layer put back in reading order.

A PDF draws a Hebrew line's glyphs left to right, in the order the Unicode bidi
algorithm (UAX #9) put them on the page. Reading it back means undoing that: the
characters, in the order they stand on the line, are given levels by the same rules
(W1-W7, N1-N2, I1-I2) and reordered (L2), brackets on a right-to-left level mirrored
back (L4). Only implicit levels: the text layer keeps no embedding controls.

The reordering is not one to one: "נתרן 145 mmol/L" and "נתרן mmol/L 145" are drawn
the same. Rule W7 reads a number after Latin letters as part of them ("Naproxen 500"
keeps its order); the one departure is a number drawn right of a unit across a space
("mmol/L 145"), which is read as the unit's number, written first ("145 mmol/L"):
a value before its unit is how a lab result is written.
(python-bidi, the maintained library, only goes from reading order to the page.)"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_MIRROR = str.maketrans("()[]{}<>«»", ")(][}{><»«")
_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
# Units a lab value is written with; a compound ("mg/dL", "10^3/uL") counts when each
# of its parts does.
_UNITS = frozenset({
    "g", "mg", "mcg", "ug", "µg", "ng", "pg", "kg", "mol", "mmol", "umol", "µmol", "nmol",
    "pmol", "meq", "l", "dl", "ml", "ul", "µl", "fl", "cl", "iu", "miu", "u", "mu", "ku",
    "%", "mm", "cm", "m", "mmhg", "bpm", "h", "hr", "min", "s", "sec", "cells",
})  # fmt: skip
_UNIT_PART = re.compile(r"10\^\d+|\d+")


def has_rtl(text: str) -> bool:
    return _RTL_CHAR.search(text) is not None


def _kind(cluster: str) -> str:
    """A cluster's bidi class, cut to what a text layer needs (AN read as EN)."""
    kind = unicodedata.bidirectional(cluster[0]) or "ON"
    if kind in ("R", "AL"):
        return "R"
    if kind == "AN":
        return "EN"
    if kind in ("L", "EN", "ES", "ET", "CS"):
        return kind
    return "ON"  # WS, S, B, ON, NSM on its own, controls


def is_unit(token: str) -> bool:
    parts = [p for p in token.lower().split("/") if p]
    if not parts or not 2 <= len(token) <= 12:
        return False
    return all(p in _UNITS or _UNIT_PART.fullmatch(p) for p in parts) and any(
        p in _UNITS for p in parts
    )


def _unit_before(clusters: Sequence[str], i: int) -> bool:
    """Whether the Latin text that ends left of position `i`, across a space, is a
    unit (a value drawn right of its unit in a right-to-left line is read first)."""
    j = i - 1
    while j >= 0 and _kind(clusters[j]) in ("ON", "CS", "ES", "ET"):
        j -= 1
    if j == i - 1 or j < 0:  # no gap: "L4", "B12" are one word
        return False
    end = j + 1
    while j >= 0 and not clusters[j].isspace():
        j -= 1
    return is_unit("".join(clusters[j + 1 : end]))


def levels(clusters: Sequence[str], rtl: bool) -> list[int]:
    """Each cluster's level, the clusters taken in the order they stand on the page."""
    kinds = [_kind(c) for c in clusters]
    n = len(kinds)
    for i in range(1, n - 1):  # W4: one separator inside a number
        if kinds[i] in ("ES", "CS") and kinds[i - 1] == kinds[i + 1] == "EN":
            kinds[i] = "EN"
    for i, k in enumerate(kinds):  # W5: a currency or percent sign beside a number
        if k == "ET":
            j = i
            while j < n and kinds[j] == "ET":
                j += 1
            if (i and kinds[i - 1] == "EN") or (j < n and kinds[j] == "EN"):
                kinds[i:j] = ["EN"] * (j - i)
    kinds = ["ON" if k in ("ES", "ET", "CS") else k for k in kinds]  # W6
    prev = "R" if rtl else "L"
    for i, k in enumerate(kinds):  # W7: a number after Latin text is Latin
        if k in ("L", "R"):
            prev = k
        elif k == "EN" and prev == "L":
            if rtl and (i == 0 or kinds[i - 1] != "EN") and _unit_before(clusters, i):
                prev = "R"  # its number, not the unit's continuation
            else:
                kinds[i] = "L"
    sos = "R" if rtl else "L"

    def strong(k: str) -> str | None:
        return "R" if k in ("R", "EN") else "L" if k == "L" else None

    i = 0
    while i < n:  # N1, N2: a run of neutrals takes its neighbours' side, else the line's
        if strong(kinds[i]) is not None:
            i += 1
            continue
        j = i
        while j < n and strong(kinds[j]) is None:
            j += 1
        before = strong(kinds[i - 1]) if i else sos
        after = strong(kinds[j]) if j < n else sos
        kinds[i:j] = [before if before is not None and before == after else sos] * (j - i)
        i = j
    if rtl:  # I2
        return [1 if k == "R" else 2 for k in kinds]
    return [1 if k == "R" else 2 if k == "EN" else 0 for k in kinds]  # I1


def reorder(clusters: Sequence[str], rtl: bool) -> str:
    """The clusters (a character and its marks), as they stand left to right, in
    reading order for a paragraph of that direction."""
    lv = levels(clusters, rtl)
    order = list(range(len(clusters)))
    for level in range(max(lv, default=0), 0, -1):  # L2
        i = 0
        while i < len(order):
            if lv[order[i]] < level:
                i += 1
                continue
            j = i
            while j < len(order) and lv[order[j]] >= level:
                j += 1
            order[i:j] = order[i:j][::-1]
            i = j
    return "".join(clusters[k].translate(_MIRROR) if lv[k] % 2 else clusters[k] for k in order)


def first_strong(clusters: Sequence[str], from_right: bool) -> str | None:
    """ "R" or "L": the strong character nearest one end of the line."""
    seq = reversed(clusters) if from_right else iter(clusters)
    for c in seq:
        k = _kind(c)
        if k in ("R", "L"):
            return k
    return None


def direction(clusters: Sequence[str], right_aligned: bool | None) -> bool | None:
    """Whether the clusters (left to right) are a right-to-left paragraph: its first
    strong character Hebrew (rule P2). A right-to-left paragraph that opens in Hebrew
    has Hebrew at its right end, a left-to-right one Latin at its left end; where both
    hold ("Patient: דנה" or "טיפול: Sertraline") the line's alignment decides. None
    when there is no strong character."""
    left, right = first_strong(clusters, False), first_strong(clusters, True)
    if left is None or right is None:
        return None
    if left == right:
        return left == "R"
    if left == "L" and right == "R" and right_aligned is not None:
        return right_aligned
    hebrew = sum(_kind(c) == "R" for c in clusters)
    latin = sum(_kind(c) == "L" for c in clusters)
    return hebrew > latin
