"""Inline labels: a snippet marks the words a fact is read from as ⟦words|label;label⟧,
and `parse` turns a marked text into the plain text and its labels, each with its span.

Labels:
    m:NAME=VALUE[@STYLE]    a measurement (VALUE already in the MEASURES unit)
    rx:NAME:STATUS:DOSE     a medication (DOSE as written, may be empty)
    dx:NAME:STATUS          a diagnosis (present, negated, history)
    pr:NAME[:ordered]       a procedure done at the visit, or ordered there
    ref:SPECIALTY           a referral made at the visit
    v:TYPE                  the visit's type
    fl:NAME                 an unbelievable value: a flag, never a fact
"""

from __future__ import annotations

import re
from typing import Any

from bench.timeline.sets.blind3.names import aliases_of
from core.timeline.types import MEASURES

SPAN = re.compile(r"⟦([^⟦⟧|]*)\|([^⟦⟧|]*)⟧")


def label(words: str, *labels: str) -> str:
    return f"⟦{words}|{';'.join(labels)}⟧"


def with_style(markup: str, style: str) -> str:
    """Each measurement label of `markup` that names no style is given `style`."""

    def one(m: re.Match[str]) -> str:
        parts = [
            f"{p}@{style}" if p.startswith("m:") and "@" not in p else p
            for p in m.group(2).split(";")
        ]
        return label(m.group(1), *parts)

    return SPAN.sub(one, markup)


def _fact(kind: str, body: str) -> dict[str, Any]:
    if kind == "m":
        name, _, rest = body.partition("=")
        value, _, style = rest.partition("@")
        if name not in MEASURES:
            raise ValueError(f"no such measure: {name}")
        out: dict[str, Any] = {"kind": "measurement", "name": name, "value": float(value)}
        out["unit"] = MEASURES[name]
        if style:
            out["style"] = style
        return out
    if kind == "rx":
        name, status, dose = body.split(":", 2)
        assert status in ("started", "stopped", "continued", "listed"), body
        return {"kind": "medication", "name": name, "status": status, "dose": dose}
    if kind == "dx":
        name, status = body.split(":")
        assert status in ("present", "negated", "history"), body
        return {"kind": "diagnosis", "name": name, "status": status}
    if kind == "pr":
        name, _, status = body.partition(":")
        assert status in ("", "ordered"), body
        return {"kind": "procedure", "name": name, **({"status": status} if status else {})}
    if kind == "ref":
        return {"kind": "procedure", "name": f"referral: {body}"}
    if kind == "v":
        assert body in ("initial", "follow-up", "telehealth"), body
        return {"kind": "visit", "name": body}
    raise ValueError(f"unknown label kind: {kind}")


def parse(markup: str) -> tuple[str, list[dict[str, Any]], list[dict[str, Any]]]:
    """The plain text of `markup`, its facts and its flags, each with start, end and text."""
    text: list[str] = []
    facts: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []
    pos = last = 0
    for m in SPAN.finditer(markup):
        text.append(markup[last : m.start()])
        pos += m.start() - last
        words = m.group(1)
        span = {"start": pos, "end": pos + len(words), "text": words}
        for lab in filter(None, m.group(2).split(";")):
            kind, _, body = lab.partition(":")
            if kind == "fl":
                flags.append({"name": body, **span})
                continue
            fact = {**_fact(kind, body), **span}
            names = aliases_of(fact["name"])
            if names:
                fact["aliases"] = list(names)
            facts.append(fact)
        text.append(words)
        pos += len(words)
        last = m.end()
    text.append(markup[last:])
    plain = "".join(text)
    if "⟦" in plain or "⟧" in plain:
        raise ValueError("unbalanced label markup")
    return plain, facts, flags
