"""Vaccines written by their standard short names ("MMR and Td/IPV given today", "Tdap
administered"), each a vaccination, as the docs name vaccines other than the flu's (issue
27, round 6). The short names are the schedules' own (UK, US and Israeli), a closed set,
and each needs a word of the deed after it in its clause, as a vaccine's other names do:
"MMR status unknown" or "HPV positive" is none."""

from __future__ import annotations

import re

from core.timeline.reading.text import HEB
from core.timeline.resources import WORD_END

_E = WORD_END
_SHORT = (
    r"MMRV?|Tdap|DTaP|dTaP|Td|IPV|DTaP/IPV|dTaP/IPV|Td/IPV|Tdap/IPV|DTaP/IPV/Hib(?:/HepB)?|"
    r"BCG|PCV\d{0,2}|PPV\d{0,2}|PPSV\d{0,2}|MenACWY|MenB|MenC|Hib/MenC|Hib|HPV|VZV"
)
# A run of short names joined by "and", "+" or commas, then the deed in its clause.
_RUN = re.compile(
    rf"(?<![\w/-])(?P<run>(?:{_SHORT})(?:\s*(?:,|and|&|\+)\s*(?:{_SHORT}))*)(?![\w/-])"
    rf"(?P<gap>[^.;\n]{{0,30}}?)(?<![\w{HEB}])(?:given|administered|done|ניתן|ניתנו|"
    rf"ניתנה){_E}"
)
_ONE = re.compile(rf"(?<![\w/-])(?:{_SHORT})(?![\w/-])")
# The gap may hold a catch-up's or a site's words, not a negation or a plan.
_NOT_DONE = re.compile(r"\b(?:not|no|declined|refused|offered|due|to be)\b", re.IGNORECASE)


def vaccine_short_names(body: str) -> list[tuple[int, int, str]]:
    """(start, end, "vaccination") for each short name of a vaccine given in `body`."""
    out: list[tuple[int, int, str]] = []
    for m in _RUN.finditer(body):
        if _NOT_DONE.search(m.group("gap")):
            continue
        base = m.start("run")
        out += [(base + n.start(), base + n.end(), "vaccination") for n in _ONE.finditer(m["run"])]
    return out
