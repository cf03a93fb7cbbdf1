"""How a field is laid out: a heading or none, then its lines one a line, as one paragraph,
as bullets, numbered or as a problem list ("#1"), and the odd typo outside the labels. The
marks, headings and misspellings are layout.toml's."""

from __future__ import annotations

import random
import re

from bench.timeline.sets.blind4 import tables

LAYOUT = tables.layout()
_MARK = re.compile(r"(\[\[.+?\]\])")


def typo(line: str, rng: random.Random) -> str:
    """One misspelt word of `line`, never inside a label."""
    parts = _MARK.split(line)
    spots = [
        (i, m)
        for i, part in enumerate(parts)
        if not part.startswith("[[")
        for m in re.finditer(r"(?<![\w\u0590-\u05ff])([\w\u0590-\u05ff]+)", part)
        if m.group(1) in LAYOUT.typos
    ]
    if not spots:
        return line
    i, m = rng.choice(spots)
    part = parts[i]
    parts[i] = part[: m.start()] + LAYOUT.typos[m.group(1)] + part[m.end() :]
    return "".join(parts)


def _stop(line: str) -> str:
    return line if line.rstrip().endswith((".", ":", "!", "?", ")")) else line + "."


def lay_out(lines: list[str], lang: str, field: str, rng: random.Random) -> tuple[str, str]:
    """The field's marked text and the name of its layout."""
    shapes = ["lines", "lines", "para", "bullets", "numbered"]
    if field in ("assessment", "plan"):
        shapes.append("problems")
    if field == "medical_history":
        shapes.append("copied")
    shape = rng.choice(shapes)
    if any(x.startswith("#") for x in lines) and shape in ("numbered", "problems"):
        shape = "lines"  # the lines number themselves
    if shape == "para":
        body = " ".join(_stop(x) for x in lines)
    elif shape == "bullets":
        mark = rng.choice(LAYOUT.bullets)
        body = "\n".join(mark + x for x in lines)
    elif shape == "numbered":
        form = rng.choice(LAYOUT.numbered)
        body = "\n".join(form.format(i) + x for i, x in enumerate(lines, 1))
    elif shape == "problems":
        body = "\n".join(f"#{i} {x}" for i, x in enumerate(lines, 1))
    elif shape == "copied":
        body = rng.choice(LAYOUT.copied[lang]) + "\n" + "\n".join(lines)
    else:
        body = "\n".join(lines)
    if rng.random() < 0.55:
        heading = rng.choice(LAYOUT.headings[(lang, field)])
        joiner = " " if shape == "para" and rng.random() < 0.5 else "\n"
        body = heading + joiner + body
        shape += "+heading"
    return body, shape
