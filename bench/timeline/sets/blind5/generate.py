"""Blind set #5, composed: each field is one clinic's snippets in one language (snippets/),
laid out as clinicians lay a field out, with measures in their written styles, and now and
then a flag, an earlier value or a target beside them. Seeded, so it writes the same set.
The headings and the carried-forward line are layout.toml's, each field kind's share and
its number of lines compose.toml's."""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Any

from bench.timeline.kit.markup import Label, parse
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.blind5 import tables
from bench.timeline.sets.blind5.measures import mention
from bench.timeline.sets.blind5.names import aliases_of

SNIPPETS = Path(__file__).with_name("snippets")
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
# The snippet files' own section name where it is not the field's.
POOL_OF = {"medical_history": "history"}
N_FIELDS = 400
HEBREW_SHARE = 0.42
_SLOT = re.compile(r"\{(\w+)\}")

Pools = dict[str, dict[str, list[str]]]  # language -> pool -> snippets


def load(path: Path) -> Pools:
    pools: Pools = {}
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.rstrip()
        if not line:
            continue
        if line.startswith("@"):
            lang, pool = line[1:].split()
            current = pools.setdefault(lang, {}).setdefault(pool, [])
        elif current is not None:
            current.append(line.replace("¶", "\n"))
    return pools


def clinics() -> dict[str, Pools]:
    return {p.stem: load(p) for p in sorted(SNIPPETS.glob("*.txt")) if not p.stem.startswith("_")}


# The layouts lay_out's branches write, by name (code, not the set's words).
LAYOUTS = (
    "lines",
    "bullets",
    "dots",
    "numbered",
    "problems",
    "paragraph",
    "semicolons",
    "heading",
    "copy_forward",
    "dictation",
)
_LAYOUT = VocabFile(tables.HERE / "layout.toml")
HEADINGS = {lang: _LAYOUT.lists("headings", lang) for lang in _LAYOUT.table("headings")}
FORWARD = _LAYOUT.texts("forward")
COMPOSE = tables.compose(FIELDS)


def _end(s: str) -> str:
    # A label's closing "]]" is markup: the words before it still need their full stop.
    return s if s.endswith((".", "!", "?", ":")) else s + "."


def lay_out(items: list[str], layout: str, lang: str, field: str, rng: random.Random) -> str:
    if len(items) == 1 and layout in ("numbered", "problems", "semicolons", "dictation"):
        layout = "lines"
    if layout == "bullets":
        return "\n".join(f"- {s}" for s in items)
    if layout == "dots":
        return "\n".join(f"• {s}" for s in items)
    if layout == "numbered":
        return "\n".join(f"{i}) {s}" for i, s in enumerate(items, 1))
    if layout == "problems":
        return "\n".join(f"#{i} {s}" for i, s in enumerate(items, 1))
    if layout == "paragraph":
        return " ".join(_end(s) for s in items)
    if layout == "semicolons":
        return "; ".join(s.rstrip(".") for s in items)
    if layout == "heading":
        return rng.choice(HEADINGS[lang][field]) + "\n" + "\n".join(items)
    if layout == "copy_forward":
        return FORWARD[lang] + "\n" + "\n".join(items)
    if layout == "dictation":
        return " ... ".join(s.rstrip(".") for s in items) + "."
    return "\n".join(items)


def _fits(layout: str, field: str) -> bool:
    # Problem lists are an assessment's or a plan's; what is carried forward is a background
    # or a problem list, never a subjective whose opener names this visit.
    if layout == "problems":
        return field in ("assessment", "plan")
    if layout == "copy_forward":
        return field in ("medical_history", "assessment")
    return True


def _fill(snippet: str, lang: str, rng: random.Random, used: dict[str, int]) -> str:
    return _SLOT.sub(lambda m: mention(m.group(1), lang, rng, used), snippet)


def _pick(pool: list[str], k: int, rng: random.Random) -> list[str]:
    return rng.sample(pool, min(k, len(pool)))


def compose(
    clinic: Pools, shared: Pools, lang: str, field: str, rng: random.Random, used: dict[str, int]
) -> list[str]:
    own = clinic[lang]
    sh = shared[lang]
    items: list[str] = []
    pool = POOL_OF.get(field, field)
    if field == "subjective" and rng.random() < 0.7:
        items.append(rng.choice(own["opener"]))
    items += _pick(own[pool], rng.choice(COMPOSE.own_lines[field]), rng)
    if rng.random() < COMPOSE.shared.get(field, 0.0):
        items += _pick(sh[pool], 1, rng)
    if field == "objective":
        items.insert(rng.randrange(len(items) + 1), rng.choice(sh["vitals"]))
        if rng.random() < 0.7:
            items.append(rng.choice(sh["labs"]))
        if rng.random() < 0.3:
            items.append(rng.choice(sh["earlier"]))
    if field == "assessment":
        if rng.random() < 0.5:
            items.append(rng.choice(sh["labs"]))
        if rng.random() < 0.3:
            items.append(rng.choice(sh["scores"]))
        if rng.random() < 0.2:
            items.append(rng.choice(sh["earlier"]))
    if field == "subjective" and rng.random() < 0.6:
        items.append(rng.choice(sh["scores"]))
    if field in ("plan", "assessment") and rng.random() < 0.2:
        items.append(rng.choice(sh["targets"]))
    if field in ("objective", "assessment") and rng.random() < 0.14:
        items.append(rng.choice(sh["flags"]))
    return [_fill(s, lang, rng, used) for s in items]


def _record(
    fid: str, clinic: str, lang: str, field: str, layout: str, marked: str
) -> dict[str, Any]:
    text, labels = parse(marked)
    return {
        "id": fid,
        "clinic": clinic,
        "language": lang,
        "field": field,
        "layout": layout,
        "text": text,
        "labels": [_label(lb) for lb in labels],
    }


def _label(lb: Label) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": lb.kind, "name": lb.name, "start": lb.start, "end": lb.end}
    out["text"] = lb.text
    for key in ("value", "unit", "status", "style"):
        if getattr(lb, key) is not None:
            out[key] = getattr(lb, key)
    names = aliases_of(lb.name) if lb.kind in ("diagnosis", "procedure") else ()
    if names:
        out["aliases"] = list(names)
    return out


def generate(seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    all_clinics = clinics()
    shared = load(SNIPPETS / "_shared.txt")
    names = sorted(all_clinics)
    used: dict[str, int] = {}
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    i = 0
    while len(out) < N_FIELDS:
        clinic = names[i % len(names)]
        i += 1
        lang = "he" if rng.random() < HEBREW_SHARE else "en"
        field = rng.choices(FIELDS, weights=[COMPOSE.weights[f] for f in FIELDS])[0]
        items = compose(all_clinics[clinic], shared, lang, field, rng, used)
        layouts = [x for x in LAYOUTS if _fits(x, field)]
        layout = rng.choice(layouts)
        marked = lay_out(items, layout, lang, field, rng)
        rec = _record(f"b5-{len(out):04d}", clinic, lang, field, layout, marked)
        if rec["text"] in seen:
            continue
        seen.add(rec["text"])
        out.append(rec)
    return out
