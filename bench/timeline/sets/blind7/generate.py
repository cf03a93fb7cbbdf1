"""Lays each snippet of snippets/<clinic>.txt out as one note field: fills its measure slots
(the least written style of the measure next), picks a layout (lines, bullets, a numbered
or "#1" list, a paragraph, semicolons, a heading, a dictated run-on) and reads the labels
with their spans through blind set #5's markup. The slots that name a group of measures
are groups.toml's; each field kind's layouts, a list's marks and the headings
layout.toml's."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.timeline.kit.markup import Label, parse
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind7 import tables
from bench.timeline.sets.blind7.measures import FLAGS, STYLES, mention, styles_for
from bench.timeline.sets.blind7.names import aliases_of

SNIPPETS = Path(__file__).with_name("snippets")
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
_HEADER = re.compile(r"^## (en|he) (\w+)\s*$")
_SLOT = re.compile(r"\{(\w+)\}")
_MED = re.compile(r"\|\|[^\]]*\bmed\.")
_LISTED = re.compile(r"^\s*(?:\d+[.)]|#\d|[-•*] )")
# The layouts layout() writes, by the names its branches test (code, not the set's words).
KNOWN_LAYOUTS = ("lines", "bullets", "numbered", "hash", "paragraph", "semicolons", "runon",
                 "heading")  # fmt: skip
GROUPS = VocabFile(tables.HERE / "groups.toml").lists("groups")
LAYOUT = tables.layout(KNOWN_LAYOUTS)


def read_snippets(path: Path) -> list[tuple[str, str, list[str]]]:
    """(language, field, marked lines) of each block of `path`; `#!` lines are notes."""
    blocks: list[tuple[str, str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _HEADER.match(line)
        if m:
            if m.group(2) not in FIELDS:
                raise ValueError(f"{path.name}: no such field {m.group(2)}")
            blocks.append((m.group(1), m.group(2), []))
        elif blocks and line.strip() and not line.startswith("#!"):
            blocks[-1][2].append(line.rstrip())
        elif line.strip() and not line.startswith("#!"):
            raise ValueError(f"{path.name}: text before the first block")
    return blocks


class Filler:
    """Fills slots so that every measure's styles come round in turn."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.styles: Counter[str] = Counter()
        self.measures: Counter[str] = Counter()
        self.flags = 0

    def measure(self, name: str, lang: str) -> str:
        pool = styles_for(name, lang)
        style = min(pool, key=lambda s: (self.styles[s.id], self.rng.random()))
        self.styles[style.id] += 1
        self.measures[name] += 1
        return mention(name, style, self.rng)

    def group(self, name: str, lang: str) -> str:
        members = GROUPS[name]
        n = min(len(members), self.rng.randint(2, 4))
        ranked = sorted(members, key=lambda m: (self.measures[m], self.rng.random()))
        chosen = [m for m in members if m in ranked[:n]]
        return ", ".join(self.measure(m, lang) for m in chosen)

    def flag(self, lang: str) -> str:
        pool = [f for f in FLAGS if f[0] == "en" or lang == "he"]
        self.flags += 1
        return pool[self.flags % len(pool)][1]

    def fill(self, line: str, lang: str) -> str:
        def slot(m: re.Match[str]) -> str:
            key = m.group(1)
            if key == "flag":
                return self.flag(lang)
            if key in GROUPS:
                return self.group(key, lang)
            if key in STYLES:
                return self.measure(key, lang)
            raise ValueError(f"no such slot: {key}")

        return _SLOT.sub(slot, line)


def _end(line: str) -> str:
    return line if line.endswith((".", ":", ";", "?", "!", "...")) else line + "."


def layout(lines: list[str], lang: str, field: str, rng: random.Random) -> tuple[str, str]:
    """The field's text (still marked) in one of its layouts, and the layout's name."""
    structured = len(lines) < 2 or any(
        line.rstrip().endswith(":") or _LISTED.match(line) for line in lines
    )
    choices = list(LAYOUT.layouts[field])
    if field == "plan" and any(_MED.search(line) for line in lines):
        # Joined by ";" or "..." a drug's verb might be read as the next drug's too.
        choices = [c for c in choices if c not in ("semicolons", "runon")]
    name = rng.choice(choices)
    if structured and name not in ("heading", "lines"):
        name = "lines"
    if name == "heading" and (lang, field) not in LAYOUT.headings:
        name = "lines"
    if name == "bullets":
        mark = rng.choice(LAYOUT.bullets)
        return "\n".join(mark + line for line in lines), name
    if name == "numbered":
        fmt = rng.choice(LAYOUT.numbered)
        return "\n".join(fmt.format(i) + line for i, line in enumerate(lines, 1)), name
    if name == "hash":
        return "\n".join(f"#{i} {line}" for i, line in enumerate(lines, 1)), name
    if name == "paragraph":
        return " ".join(_end(line) for line in lines), name
    if name == "semicolons":
        return "; ".join(line.rstrip(".;") for line in lines), name
    if name == "runon":
        return " ... ".join(line.rstrip(".") for line in lines), name
    if name == "heading":
        head = rng.choice(LAYOUT.headings[(lang, field)])
        if rng.random() < 0.5:
            return "\n".join([head, *lines]), name
        return "\n".join([f"{head} {lines[0]}", *lines[1:]]), name
    return "\n".join(lines), "lines"


def _label(lb: Label, language: str) -> dict[str, Any]:
    out = {k: v for k, v in asdict(lb).items() if v is not None}
    aliases = aliases_of(lb.name)
    own = lb.text.strip().lower()
    referral = lb.name.startswith("referral:")
    # The words as written: a condition no lexicon holds is named by them, and a Hebrew
    # test by its Hebrew words.
    by_words = lb.kind == "diagnosis" or (lb.kind == "procedure" and language == "he")
    if by_words and own != lb.name and not referral:
        aliases = (*aliases, own)
    if aliases:
        out["aliases"] = list(dict.fromkeys(aliases))
    return out


def generate(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    filler = Filler(rng)
    records: list[dict[str, Any]] = []
    for path in sorted(SNIPPETS.glob("*.txt")):
        for i, (lang, field, lines) in enumerate(read_snippets(path), 1):
            filled = [filler.fill(line, lang) for line in lines]
            marked, how = layout(filled, lang, field, rng)
            text, labels = parse(marked)
            records.append(
                {
                    "id": f"b7-{path.stem}-{i:02d}",
                    "clinic": path.stem,
                    "language": lang,
                    "field": field,
                    "layout": how,
                    "text": text,
                    "labels": [_label(lb, lang) for lb in labels],
                }
            )
    return records
