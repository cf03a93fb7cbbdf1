"""A substance given into a vein written by its route first ("IV iron (ferric
carboxymaltose 1 g) given", "IV fluids administered") is an infusion, an act of the visit
named "<substance> infusion", as the deed's other phrases are. The
route must come first and the deed follow in its clause: "ferritin low - IV iron to be
considered" is none, and a drug's dose with its route after it stays the medication's."""

from __future__ import annotations

import re

_GIVEN_BY_VEIN = re.compile(
    r"(?<![\w-])(?:IV|intravenous)\s+(?P<what>[a-z][a-z-]{2,})(?![\w-])"
    r"(?P<gap>[^.;\n]{0,50}?)\b(?:given|administered|infused|commenced)\b",
    re.IGNORECASE,
)
_NOT_DONE = re.compile(r"\b(?:not|no|declined|refused|offered|consider|considered|if)\b", re.I)
_NOT_SUBSTANCE = frozenset({"access", "cannula", "line", "site", "route", "bolus", "push"})


def infusions_given(body: str) -> list[tuple[int, int, str]]:
    """(start, end, "<substance> infusion") for each substance `body` gives into a vein."""
    out: list[tuple[int, int, str]] = []
    for m in _GIVEN_BY_VEIN.finditer(body):
        what = m.group("what").lower()
        if what in _NOT_SUBSTANCE or _NOT_DONE.search(m.group("gap")):
            continue
        what = what[:-1] if what.endswith("s") and not what.endswith("ss") else what
        out.append((m.start(), m.end("what"), f"{what} infusion"))
    return out
