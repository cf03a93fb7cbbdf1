"""Labels written inline with their words: `[[words||spec]]`, so each keeps its span.

A spec is one or more items joined by ";":

- `bp=142/88@style`: a blood pressure, a systolic and a diastolic fact on the same words;
- `m.weight=82.4@style`: a measurement in MEASURES' unit (style optional);
- `med.amlodipine/started`, `dx.glaucoma/present`, `proc.ecg` (done), `proc.mri/ordered`,
  `ref.cardiology` (a referral), `visit.follow-up`, `flag.bp` (an unbelievable value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.timeline.kit.inline import unmark
from core.timeline.types import MEASURES

_MARK = re.compile(r"\[\[(.+?)\|\|(.+?)\]\]", re.DOTALL)


@dataclass(frozen=True)
class Label:
    kind: str  # a fact kind, or "flag"
    name: str
    start: int
    end: int
    text: str
    value: float | None = None
    unit: str | None = None
    status: str | None = None
    style: str | None = None


def _items(spec: str, start: int, end: int, text: str) -> list[Label]:
    out: list[Label] = []
    for item in spec.split(";"):
        head, _, style = item.strip().partition("@")
        sty = style or None
        if head.startswith("bp="):
            sys_, dia = head[3:].split("/")
            for name, v in (("bp_systolic", sys_), ("bp_diastolic", dia)):
                out.append(
                    Label("measurement", name, start, end, text, float(v), "mmHg", None, sty)
                )
            continue
        kind, _, rest = head.partition(".")
        if kind == "m":
            name, _, v = rest.partition("=")
            if name not in MEASURES:
                raise ValueError(f"not a measure: {name}")
            out.append(
                Label("measurement", name, start, end, text, float(v), MEASURES[name], None, sty)
            )
            continue
        name, _, status = rest.partition("/")
        if kind == "med":
            assert status in ("started", "stopped", "continued", "listed"), item
            out.append(Label("medication", name, start, end, text, status=status))
        elif kind == "dx":
            assert status in ("present", "negated", "history"), item
            out.append(Label("diagnosis", name, start, end, text, status=status))
        elif kind == "proc":
            assert status in ("", "ordered"), item
            out.append(Label("procedure", name, start, end, text, status=status or None))
        elif kind == "ref":
            out.append(Label("procedure", f"referral: {name}", start, end, text))
        elif kind == "visit":
            assert name in ("initial", "follow-up", "telehealth"), item
            out.append(Label("visit", name, start, end, text))
        elif kind == "flag":
            out.append(Label("flag", name, start, end, text))
        else:
            raise ValueError(f"unknown label: {item}")
    return out


def parse(marked: str) -> tuple[str, list[Label]]:
    """The plain text of `marked` and its labels, with spans in the plain text."""
    text, labels = unmark(marked, _MARK, _items)
    if "||" in text:
        raise ValueError("unbalanced markup")
    return text, labels
