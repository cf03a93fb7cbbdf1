"""The order a line's glyphs are drawn in, left to right: the Unicode bidi algorithm (UAX #9)
cut down to what the test set writes (Hebrew, Latin, digits, separators, brackets; no
explicit embeddings). Word processors draw a Hebrew line so, and a PDF reader must put it
back in reading order; a simpler rule (a Latin run kept whole, numbers and all) makes
PDFs that no real program writes.

Written apart from the reader's own bidi (`core/documents/bidi.py`, which runs it the other
way) on purpose, though both reverse runs the same way (rule L2): a test set drawn by the
code it tests would hide that code's mistakes."""

from __future__ import annotations

import re

_RTL = re.compile("[\u0590-\u05ff]")
_MIRROR = str.maketrans("()[]<>", ")(][><")


def _kind(c: str) -> str:
    if _RTL.match(c):
        return "R"
    if c.isdigit():
        return "EN"
    if c.isalpha():
        return "L"
    if c in "+-":
        return "ES"
    if c in ".,/:":
        return "CS"
    return "ON"


def rtl(line: str) -> bool:
    """The paragraph's direction: its first strong character's (rule P2)."""
    first = re.search(r"[A-Za-z\u0590-\u05ff]", line)
    return first is not None and bool(_RTL.match(first.group()))


def _strong(kind: str) -> str | None:
    # A European number counts as right to left beside neutrals (rule N1).
    return "R" if kind in ("R", "EN") else "L" if kind == "L" else None


def levels(line: str) -> list[int]:
    """Each character's embedding level (rules W2, W4, W7, N1, N2, I1, I2)."""
    base = 1 if rtl(line) else 0
    sos = "R" if base else "L"
    kinds = [_kind(c) for c in line]
    prev = sos
    for i, k in enumerate(kinds):  # W7: a number after Latin text is Latin
        if k in ("L", "R"):
            prev = k
        elif k == "EN" and prev == "L":
            kinds[i] = "L"
    for i in range(1, len(kinds) - 1):  # W4: one separator inside a number
        if kinds[i] in ("ES", "CS") and kinds[i - 1] == kinds[i + 1] == "EN":
            kinds[i] = "EN"
    i = 0
    while i < len(kinds):  # N1, N2: a run of neutrals
        if _strong(kinds[i]) is not None:
            i += 1
            continue
        j = i
        while j < len(kinds) and _strong(kinds[j]) is None:
            j += 1
        before = _strong(kinds[i - 1]) if i else sos
        after = _strong(kinds[j]) if j < len(kinds) else sos
        side = before if before is not None and before == after else sos
        kinds[i:j] = [side] * (j - i)
        i = j
    if base:
        return [1 if k == "R" else 2 for k in kinds]
    return [1 if k == "R" else 2 if k == "EN" else 0 for k in kinds]


def visual(line: str) -> str:
    """`line` in drawing order (rule L2), brackets in right-to-left runs mirrored (L4)."""
    lv = levels(line)
    chars = [c.translate(_MIRROR) if n % 2 else c for c, n in zip(line, lv, strict=True)]
    order = list(range(len(line)))
    for level in range(max(lv, default=0), 0, -1):
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
    return "".join(chars[k] for k in order)
