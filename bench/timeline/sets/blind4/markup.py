"""Inline labels: `[[words|spec]]` marks the words a fact (or a flag) is read from, so every
label keeps its span. A spec is one or more items split by ";", each `kind:args` split by
":":

    m:NAME:VALUE          a measurement (NAME a MEASURES key, VALUE in its unit)
    bp:SYS:DIA            a blood pressure: two measurements over the same words
    rx:DRUG:STATUS[:DOSE] a medication (DRUG the generic name, "_" for a space)
    dx:CONDITION:STATUS   a diagnosis (present, negated, history)
    px:NAME[:ordered]     a procedure done, or ordered at the visit
    ref:SPECIALTY         a referral ("referral: SPECIALTY")
    visit:TYPE            the visit's type
    flag:NAME             a value not believed (NAME a measure, "bp" for a pressure)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bench.timeline.kit.inline import unmark
from bench.timeline.sets.blind4.names import aliases_of
from core.timeline.types import MEASURES

_MARK = re.compile(r"\[\[(.+?)\|(.+?)\]\]")
_NUM = re.compile(r"\d+(?:[.,]\d+)?")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Label:
    """One expected fact or flag with its span in the field's text."""

    kind: str  # a fact kind, or "flag"
    name: str
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    status: str | None = None
    dose: str | None = None
    style: str | None = None
    aliases: tuple[str, ...] = field(default=())


def style_of(words: str) -> str:
    """A measure's written style: its words in lower case with every number as '#'
    ("Wt 82.4 kg" and "wt 90 kg" are one style, "82.4 kg" another)."""
    return _SPACE.sub(" ", _NUM.sub("#", words.lower())).strip()


def _labels(spec: str, start: int, words: str) -> list[Label]:
    out: list[Label] = []
    end = start + len(words)
    for item in spec.split(";"):
        kind, *args = item.strip().split(":")
        if kind == "m":
            name, value = args
            if name not in MEASURES:
                raise ValueError(f"unknown measure {name!r}")
            out.append(
                Label(
                    "measurement", name, start, end, words, round(float(value), 2),
                    MEASURES[name], style=style_of(words),
                )
            )  # fmt: skip
        elif kind == "bp":
            for name, value in (("bp_systolic", args[0]), ("bp_diastolic", args[1])):
                out.append(
                    Label(
                        "measurement", name, start, end, words, float(value), "mmHg",
                        style=style_of(words),
                    )
                )  # fmt: skip
        elif kind == "rx":
            drug, status, *dose = args
            assert status in ("started", "stopped", "continued", "listed"), item
            name = drug.replace("_", " ")
            out.append(Label("medication", name, start, end, words, status=status,
                             dose=":".join(dose) or None))  # fmt: skip
        elif kind == "dx":
            name, status = args
            assert status in ("present", "negated", "history"), item
            out.append(Label("diagnosis", name, start, end, words, status=status,
                             aliases=(*aliases_of(name), words)))  # fmt: skip
        elif kind == "px":
            status = args[1] if len(args) > 1 else None
            assert status in (None, "ordered"), item
            out.append(Label("procedure", args[0], start, end, words, status=status,
                             aliases=(*aliases_of(args[0]), words)))  # fmt: skip
        elif kind == "ref":
            name = f"referral: {args[0]}"
            aliases = (*aliases_of(name), f"referral: {words}")
            out.append(Label("procedure", name, start, end, words, aliases=aliases))
        elif kind == "visit":
            assert args[0] in ("initial", "follow-up", "telehealth"), item
            out.append(Label("visit", args[0], start, end, words))
        elif kind == "flag":
            out.append(Label("flag", args[0], start, end, words))
        else:
            raise ValueError(f"unknown label kind in {item!r}")
    return out


def parse(marked: str) -> tuple[str, list[Label]]:
    """The plain text of `marked` and its labels, in the order they are written."""
    return unmark(marked, _MARK, lambda label, start, _end, words: _labels(label, start, words))
