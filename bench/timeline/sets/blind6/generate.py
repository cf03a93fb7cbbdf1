"""Lays each snippet of snippets/<clinic>.txt out as one note field: fills its measure slots,
picks a layout (lines, bullets, a numbered or "#1" list, a paragraph, semicolons, a
heading, a block carried forward, a dictated run-on) and reads the labels with their
spans through blind set #5's markup. A list's marks, the headings and the carried-forward
lines are layout.toml's."""

from __future__ import annotations

import random
import re
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.timeline.kit.markup import parse
from bench.timeline.sets.blind6 import tables
from bench.timeline.sets.blind6.measures import SLOTS, Cycle, render
from bench.timeline.sets.blind6.names import aliases_of

SNIPPETS = Path(__file__).with_name("snippets")
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
_HEADER = re.compile(r"^## (en|he) (\w+)\s*$")
_SLOT = re.compile(r"\{(\w+)\}")
_MARKED = re.compile(r"\[\[.+?\]\]")
# A sentence ends at ". " before a capital, a Hebrew letter, a label or a slot.
_SENTENCE_END = re.compile(r"(?<=\.)\s+(?=[A-Z\u05d0-\u05ea\[{])")

LAYOUT = tables.layout()


def read_snippets(path: Path) -> list[tuple[str, str, str]]:
    """(language, field, marked text) of each blank-line separated block under `## en plan`."""
    out: list[tuple[str, str, str]] = []
    lang = field = ""
    block: list[str] = []

    def flush() -> None:
        if block:
            if field not in FIELDS:
                raise ValueError(f"{path.name}: block outside a section")
            out.append((lang, field, "\n".join(block)))
            block.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        head = _HEADER.match(line)
        if head:
            flush()
            lang, field = head.group(1), head.group(2)
        elif line.startswith("#!"):  # an author's comment
            continue
        elif not line.strip():
            flush()
        else:
            block.append(line)
    flush()
    return out


def _join(lines: list[str], sep: str) -> str:
    out = []
    for i, line in enumerate(lines):
        last = i == len(lines) - 1
        out.append(line if last or line.endswith((".", ":", ";", "!", "?")) else line + ".")
    return sep.join(out) if sep != ". " else " ".join(out)


def layout(lines: list[str], lang: str, field: str, how: str, rng: random.Random) -> str:
    if how == "bullets":
        mark = rng.choice(LAYOUT.bullets)
        return "\n".join(mark + ln for ln in lines)
    if how == "numbered":
        fmt = rng.choice(LAYOUT.numbered)
        return "\n".join(fmt.format(i) + ln for i, ln in enumerate(lines, 1))
    if how == "problems":
        return "\n".join(f"#{i} {ln}" for i, ln in enumerate(lines, 1))
    if how == "paragraph":
        return _join(lines, ". ")
    if how == "semicolons":
        return "; ".join(ln.rstrip(".") for ln in lines)
    if how == "runon":
        return " ... ".join(ln.rstrip(".") for ln in lines)
    if how == "heading":
        head = rng.choice(LAYOUT.headings[lang, field])
        sep = rng.choice(LAYOUT.after_heading)
        return head + sep + "\n".join(lines)
    if how == "carried":
        return rng.choice(LAYOUT.carried[lang]) + "\n" + "\n".join(lines)
    return "\n".join(lines)


def sentences(line: str) -> list[str]:
    """`line` split into its sentences, never inside a label's words."""
    inside = [(m.start(), m.end()) for m in _MARKED.finditer(line)]
    cuts = [
        m for m in _SENTENCE_END.finditer(line) if not any(a < m.start() < b for a, b in inside)
    ]
    out, pos = [], 0
    for m in cuts:
        out.append(line[pos : m.start()])
        pos = m.end()
    out.append(line[pos:])
    return [s for s in out if s.strip()]


def _choose(lines: list[str], field: str, rng: random.Random) -> str:
    if len(lines) == 1:
        return rng.choice(("lines", "heading", "lines"))
    pool = ["lines", "bullets", "paragraph", "semicolons", "heading", "numbered"]
    if field in ("assessment", "plan"):
        pool += ["problems", "runon"]
    if field in ("medical_history", "assessment"):
        pool += ["carried"]
    if field == "subjective":
        pool += ["runon"]
    return rng.choice(pool)


def fill(marked: str, lang: str, cycle: Cycle, rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        slot = m.group(1)
        if slot not in SLOTS:
            raise ValueError(f"unknown slot {slot}")
        return render(slot, cycle.take(slot, lang), rng)

    return _SLOT.sub(one, marked)


def _label_json(lb: Any) -> dict[str, Any]:
    d = {k: v for k, v in asdict(lb).items() if v is not None}
    names = aliases_of(lb.kind, lb.name)
    if names:
        d["aliases"] = list(names)
    return d


def generate(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    cycle = Cycle(rng)
    out: list[dict[str, Any]] = []
    for path in sorted(SNIPPETS.glob("*.txt")):
        clinic = path.stem
        for i, (lang, field, marked) in enumerate(read_snippets(path)):
            lines = fill(marked, lang, cycle, rng).split("\n")
            if len(lines) == 1 and rng.random() < 0.45:
                lines = sentences(lines[0])
            how = _choose(lines, field, rng)
            text, labels = parse(layout(lines, lang, field, how, rng))
            out.append(
                {
                    "id": f"b6-{clinic}-{i:02d}",
                    "clinic": clinic,
                    "language": lang,
                    "field": field,
                    "layout": how,
                    "text": text,
                    "labels": [_label_json(lb) for lb in labels],
                }
            )
    return out
