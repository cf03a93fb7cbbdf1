"""The set from its snippets: each clinic's lines of a language and field dealt into fields
of one to three lines, measure slots filled in turn of their written styles, and each field
laid out as clinicians lay notes out (lines, bullets, a numbered or "#1" list, a paragraph,
semicolons, a heading, a dictated run-on). The slots that name a group of measures are
groups.toml's, the unbelievable values flags.toml's, a list's marks and the headings
layout.toml's."""

from __future__ import annotations

import math
import random
import re
from pathlib import Path
from typing import Any

from bench.timeline.kit.markup import parse
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind8 import tables
from bench.timeline.sets.blind8.measures import Rotation, mention
from bench.timeline.sets.blind8.names import aliases_of

SNIPPETS = Path(__file__).with_name("snippets")
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
GROUPS = VocabFile(tables.HERE / "groups.toml").lists("groups")
# (words, the flag's measure, language) of each value no body has, in turn.
FLAGS = VocabFile(tables.HERE / "flags.toml").rows("flags", width=3)
LAYOUT = tables.layout()
_SLOT = re.compile(r"\{(\w+)\}")
_MARK = re.compile(r"\[\[(.+?)\|\|.+?\]\]")


def read_snippets(path: Path) -> dict[tuple[str, str], list[str]]:
    """A clinic's lines by (language, field), `#!` lines being the author's notes."""
    out: dict[tuple[str, str], list[str]] = {}
    key: tuple[str, str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#!"):
            continue
        if line.startswith("## "):
            lang, fld = line[3:].split()
            assert lang in ("en", "he") and fld in FIELDS, line
            key = (lang, fld)
            out.setdefault(key, [])
        else:
            assert key is not None, path
            out[key].append(line)
    return out


def fill(line: str, lang: str, rot: Rotation, flags: list[int], rng: random.Random) -> str:
    def one(m: re.Match[str]) -> str:
        slot = m.group(1)
        if slot == "flag":
            pool = [f for f in FLAGS if f[2] == "en" or lang == "he"]
            words, name, _ = pool[flags[0] % len(pool)]
            flags[0] += 1
            return f"[[{words}||flag.{name}]]"
        names = GROUPS.get(slot, (slot,))
        return ", ".join(mention(n, rot.next(n, lang), rng) for n in names)

    return _SLOT.sub(one, line)


def _plain(line: str) -> str:
    return _MARK.sub(r"\1", line)


def layout(lines: list[str], lang: str, fld: str, rng: random.Random) -> tuple[str, str]:
    """The field's marked text and the name of its layout."""
    ways = ["lines", "bullets", "heading"]
    if fld != "subjective":
        ways.append("numbered")
    if fld == "assessment":
        ways.append("problems")
    # A semicolon or a dictated "..." may not end a negation's scope, so a field that
    # negates is never joined by them, nor is a plan, whose verbs would reach the next drug.
    negated = any("/negated" in ln for ln in lines)
    if fld != "plan":
        ways += ["paragraph"] if negated else ["paragraph", "semicolons"]
    if fld == "subjective" and lang == "en" and not negated:
        ways.append("runon")
    how = rng.choice(ways) if len(lines) > 1 else rng.choice(["lines", "heading", "bullets"])
    if how == "bullets":
        mark = rng.choice(LAYOUT.bullets)
        return "\n".join(mark + ln for ln in lines), how
    if how == "numbered":
        return "\n".join(f"{i}. {ln}" for i, ln in enumerate(lines, 1)), how
    if how == "problems":
        return "\n".join(f"#{i} {ln}" for i, ln in enumerate(lines, 1)), how
    if how in ("paragraph", "semicolons", "runon"):
        ends = [ln if _plain(ln)[-1:] in ".!?" else ln + "." for ln in lines]
        if how == "paragraph":
            return " ".join(ends), how
        bare = [ln.rstrip(".") if _plain(ln)[-1:] == "." else ln for ln in lines]
        return ("; " if how == "semicolons" else " ... ").join(bare), how
    if how == "heading":
        head = rng.choice(LAYOUT.headings[lang][fld])
        return head + rng.choice(LAYOUT.after_heading) + "\n".join(lines), how
    return "\n".join(lines), how


def _deal(deck: list[str], n: int, rng: random.Random, state: list[int]) -> list[str]:
    """The next `n` lines of `deck`, dealt from a shuffled order that is reshuffled when
    it runs out, no line twice in one field."""
    out: list[str] = []
    while len(out) < min(n, len(deck)):
        if state[0] % len(deck) == 0:
            order = deck[:]
            rng.shuffle(order)
            deck[:] = order
        line = deck[state[0] % len(deck)]
        state[0] += 1
        if line not in out:
            out.append(line)
    return out


def _labels(text: str, marked_labels: list[Any], lang: str) -> list[dict[str, Any]]:
    out = []
    for lb in marked_labels:
        d: dict[str, Any] = {
            "kind": lb.kind,
            "name": lb.name,
            "start": lb.start,
            "end": lb.end,
            "text": lb.text,
        }
        if lb.kind == "measurement":
            d |= {"value": lb.value, "unit": lb.unit, "style": lb.style}
        if lb.status:
            d["status"] = lb.status
        aliases = aliases_of(lb.name)
        if lb.kind == "diagnosis" or (lb.kind == "procedure" and lang == "he"):
            aliases = sorted({*aliases, lb.text.lower()} - {lb.name})
        if aliases:
            d["aliases"] = aliases
        assert text[lb.start : lb.end] == lb.text
        out.append(d)
    return out


def generate(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    rot, flags = Rotation(), [0]
    out: list[dict[str, Any]] = []
    for path in sorted(SNIPPETS.glob("*.txt")):
        clinic = path.stem
        for (lang, fld), lines in read_snippets(path).items():
            openers = [ln[1:].strip() for ln in lines if ln.startswith("^")]
            rest = [ln for ln in lines if not ln.startswith("^")]
            n_fields = math.ceil(len(rest) * (1.3 if lang == "he" else 0.95))
            o_state, r_state = [0], [0]
            for i in range(n_fields):
                k = rng.choices((1, 2, 3), weights=(3, 4, 2))[0]
                picked = _deal(rest, k, rng, r_state)
                if openers and rng.random() < 0.85:
                    picked = _deal(openers, 1, rng, o_state) + picked[: max(1, k - 1)]
                filled = [fill(ln, lang, rot, flags, rng) for ln in picked]
                marked, how = layout(filled, lang, fld, rng)
                text, labels = parse(marked)
                out.append(
                    {
                        "id": f"b8-{clinic}-{lang}-{fld}-{i:02d}",
                        "clinic": clinic,
                        "language": lang,
                        "field": fld,
                        "layout": how,
                        "text": text,
                        "labels": _labels(text, labels, lang),
                    }
                )
    return out
