"""Writes the set: fields of thirteen clinics in English and Hebrew, each composed of its
clinic's lines, what every clinic writes (openers, family histories, allergies, earlier
values, targets, conditional plans, drugs offered or declined, tests still to come,
differentials), measures in their written styles and values not to be believed; then laid
out (layout.py) and its labels read off the markup (markup.py). Which clinics measure what
is clinics.toml's, what every clinic writes and how often extras.toml's, the words around
the measures and the flags phrases.toml's (tables.py reads them)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from bench.timeline.sets.blind4 import layout, pools, tables
from bench.timeline.sets.blind4.markup import Label, parse
from bench.timeline.sets.blind4.measures import Style, load_styles, render

SEED = 27_0404
N_FIELDS = 344
HEBREW_SHARE = 0.42
# The scorer's field kinds, in the order fields are dealt: the code's, not the set's words.
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
CLINICS, VITALS, RESULTS, REPORTED = tables.clinics()
OPENERS = tables.openers()
EXTRAS = tables.extras()
PHRASES = tables.phrases()


class Decks:
    """Each measure's styles in one language, dealt in a shuffled order and dealt again
    when used up, so that every style is written before any is written twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.styles: dict[tuple[str, str], list[Style]] = {}
        for s in load_styles():
            self.styles.setdefault((s.lang, s.code), []).append(s)
        self.left: dict[tuple[str, str], list[Style]] = {}

    def unused(self, lang: str, code: str) -> int:
        return len(self.left.get((lang, code), self.styles[(lang, code)]))

    def deal(self, lang: str, code: str) -> Style:
        key = (lang, code)
        if not self.left.get(key):
            self.left[key] = self.rng.sample(self.styles[key], len(self.styles[key]))
        return self.left[key].pop()

    def pick(self, lang: str, codes: tuple[str, ...], k: int) -> list[str]:
        """`k` of `codes`, those with styles still to be written first."""
        order = sorted(codes, key=lambda c: (-self.unused(lang, c), self.rng.random()))
        return order[:k]


def _measure(lang: str, code: str, decks: Decks, rng: random.Random, earlier: float) -> str:
    marked, before = render(decks.deal(lang, code), rng)
    if before and rng.random() < earlier:
        marked += rng.choice(PHRASES.earlier[lang]).format(before)
    return marked


class Composer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks = Decks(rng)
        self.pools = {lang: pools.load(lang) for lang in ("en", "he")}

    def _some(self, lang: str, name: str, field: str, lo: int, hi: int) -> list[str]:
        lines = self.pools[lang].get((name, field), ())
        k = min(len(lines), self.rng.randint(lo, hi))
        return self.rng.sample(lines, k)

    def _maybe(self, lang: str, name: str, field: str, p: float) -> list[str]:
        return self._some(lang, name, field, 1, 1) if self.rng.random() < p else []

    def _measures(self, lang: str, codes: tuple[str, ...], k: int, lead: str) -> list[str]:
        if not codes:
            return []
        chosen = self.decks.pick(lang, codes, k)
        rng = self.rng
        marked = [_measure(lang, c, self.decks, rng, 0.12) for c in chosen]
        if rng.random() < 0.5:
            return [lead + rng.choice(PHRASES.joins).join(marked)]
        return marked

    def _extras(self, lang: str, field: str) -> list[str]:
        return [x for name, p in EXTRAS[field] for x in self._maybe(lang, name, field, p)]

    def lines(self, lang: str, clinic: str, field: str) -> list[str]:
        rng, some = self.rng, self._some
        if field == "subjective":
            opener, p = OPENERS.get(clinic, OPENERS["*"])
            out = self._maybe(lang, opener, field, p)
            out += some(lang, clinic, field, 1, 2)
            if clinic in REPORTED and rng.random() < 0.45:
                lead = rng.choice(PHRASES.reported_lead[lang])
                out += self._measures(lang, REPORTED[clinic], rng.randint(1, 2), lead)
            return out + self._extras(lang, field)
        if field == "objective":
            lead = rng.choice(PHRASES.vitals_lead[lang])
            out = self._measures(lang, VITALS[clinic], rng.randint(3, 6), lead)
            if rng.random() < 0.4:
                out += self._measures(lang, RESULTS[clinic], rng.randint(1, 3),
                                      rng.choice(PHRASES.results_lead[lang]))  # fmt: skip
            out += some(lang, clinic, field, 0, 2)
            if rng.random() < 0.3:
                words, name = rng.choice(PHRASES.flags[lang])
                out.insert(rng.randint(0, len(out)), f"[[{words}|flag:{name}]]")
            return out + self._extras(lang, field)
        if field == "assessment":
            out = some(lang, clinic, field, 1, 2)
            if rng.random() < 0.65:
                lead = rng.choice(PHRASES.results_lead[lang])
                out += self._measures(lang, RESULTS[clinic], rng.randint(1, 3), lead)
            out += self._extras(lang, field)
            rng.shuffle(out)
            return out
        if field == "plan":
            out = some(lang, clinic, field, 2, 3) + self._extras(lang, field)
            rng.shuffle(out)
            return out
        return some(lang, clinic, field, 1, 3) + self._extras(lang, field)


def _label_json(lab: Label) -> dict[str, Any]:
    keys = ("kind", "name", "start", "end", "text", "value", "unit", "status", "dose", "style")
    out = {k: getattr(lab, k) for k in keys if getattr(lab, k) is not None}
    if lab.aliases:
        out["aliases"] = list(lab.aliases)
    return out


def _plan(rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """(language, clinic, field) for each field: clinics and fields in turn."""
    i = 0
    while True:
        lang = "he" if rng.random() < HEBREW_SHARE else "en"
        yield lang, CLINICS[i % len(CLINICS)], FIELDS[(i // len(CLINICS)) % len(FIELDS)]
        i += 1


def generate(seed: int = SEED, n: int = N_FIELDS) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    composer = Composer(rng)
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for lang, clinic, field in _plan(rng):
        if len(out) == n:
            break
        lines = composer.lines(lang, clinic, field)
        if not lines:
            continue
        lines = [layout.typo(x, rng) if rng.random() < 0.1 else x for x in lines]
        marked, shape = layout.lay_out(lines, lang, field, rng)
        text, labels = parse(marked)
        if text in seen:
            continue
        seen.add(text)
        out.append({
            "id": f"b4-{len(out):03d}", "language": lang, "field": field, "clinic": clinic,
            "layout": shape, "text": text,
            "expected": [_label_json(x) for x in labels if x.kind != "flag"],
            "flags": [_label_json(x) for x in labels if x.kind == "flag"],
        })  # fmt: skip
    return out
