"""Conditions written as ICD-10 codes ("Dx: E11.9", a coded problem list's form). Moved out
of `core.timeline.conditions.reader` unchanged."""

from __future__ import annotations

import re

from core.timeline.vocab.conditions import named_by_code

_CODE = re.compile(r"(?<![\w.])([A-Z]\d{2}(?:\.\d{1,4})?)(?![\w]|\.\d)")


def with_codes(body: str, names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names of `body` and the conditions written as codes alone ("Dx: E11.9"); a code
    beside its name ("E11.9 Type 2 diabetes") is the name's."""
    named = {n for _, _, n in names}
    codes = [
        (m.start(), m.end(), name)
        for m in _CODE.finditer(body)
        if (name := named_by_code(m.group(1))) is not None and name not in named
    ]
    return sorted([*names, *codes])


def has_code(body: str) -> bool:
    """Whether `body` writes an ICD-10 code anywhere: a coded line's form."""
    return _CODE.search(body) is not None
