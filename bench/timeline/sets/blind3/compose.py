"""Puts a note field together from a clinic's snippets (clinics/), the measures' styles
(styles_*.toml) and the shared pools (shared.toml), and lays it out as clinicians do: a
heading or none, one item a line, bullets, numbered or problem-oriented (#1 ...) lists,
sentences in a paragraph, vitals on one line.

Items are joined only at sentence ends (a new line, or ". "), never by a comma or "and",
so that no negation or medication verb of one item reaches into the next."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Generic, TypeVar

from bench.timeline.sets.blind3.clinic import Clinic
from bench.timeline.sets.blind3.markup import with_style
from bench.timeline.sets.blind3.shared import (
    BULLETS,
    DISTRACT,
    FLAGS,
    HEADINGS,
    OPENERS,
    VITALS,
    VITALS_SEPARATORS,
)
from bench.timeline.sets.blind3.styles import EN, HE, Style
from bench.timeline.sets.blind3.values import Values

T = TypeVar("T")
CODES = {"subjective": "S", "objective": "O", "assessment": "A", "plan": "P"}
CODES["medical_history"] = "H"


class Deck(Generic[T]):
    """Deals a pool's items in a shuffled order, reshuffling when it runs out: every item
    is dealt before any is dealt again."""

    def __init__(self, items: Sequence[T], rng: random.Random) -> None:
        self.items, self.rng, self.left = list(items), rng, list[T]()

    def put_back(self, item: T) -> None:
        """`item` was dealt but not used: it is dealt again before the next shuffle."""
        self.left.insert(0, item)

    def deal(self) -> T:
        if not self.left:
            self.left = self.items[:]
            self.rng.shuffle(self.left)
        return self.left.pop()


class Composer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[tuple[object, ...], Deck[object]] = {}

    def _deck(self, key: tuple[object, ...], items: Sequence[object]) -> Deck[object]:
        if key not in self.decks:
            self.decks[key] = Deck[object](items, self.rng)
        return self.decks[key]

    def _take(self, key: tuple[object, ...], items: Sequence[str], n: int) -> list[str]:
        if not items:
            return []
        deck = self._deck(key, items)
        out: list[str] = []
        for _ in range(n * 3):  # skip a repeat within one field
            item = str(deck.deal())
            if item not in out:
                out.append(item)
            if len(out) == n:
                break
        return out

    def measures(self, lang: str, code: str, n: int) -> list[str]:
        styles = [s for s in (EN if lang == "en" else HE) if code in s.fields]
        deck = self._deck(("style", lang, code), styles)
        out: list[str] = []
        seen: set[str] = set()
        for _ in range(n * 4):
            style = deck.deal()
            assert isinstance(style, Style)
            measure = style.id.split("_")[0]
            if measure in seen:  # one reading of a measure a field
                deck.put_back(style)
                continue
            seen.add(measure)
            out.append(with_style(style.write(Values(self.rng)), style.id))
            if len(out) == n:
                break
        return out

    def field(self, clinic: Clinic, lang: str, name: str) -> str:
        code, r = CODES[name], self.rng
        own = clinic.pool(lang, code)
        key = (clinic.name, lang, code)
        distract = DISTRACT[lang].get(code, [])
        head: list[str] = []
        vitals: list[str] = []
        items: list[str] = []
        if code == "S":
            if r.random() < 0.7:
                head = self._take(("open", lang), OPENERS[lang], 1)
            items += self._take(key, own, r.choice((1, 2, 2)))
            items += self.measures(lang, "S", r.choice((0, 1, 1, 2, 2)))
        elif code == "O":
            vitals = self.measures(lang, "O", r.choice((2, 3, 4, 5)))
            items += self._take(key, own, r.choice((0, 1, 1)))
        elif code == "A":
            items += self._take(key, own, r.choice((1, 2, 2, 3)))
            items += self.measures(lang, "A", r.choice((1, 2, 3)))
        else:
            items += self._take(key, own, r.choice((2, 3, 3, 4)))
        if distract and r.random() < 0.45:
            items += self._take(("distract", lang, code), distract, 1)
        flags = FLAGS[lang].get(code, [])
        if flags and r.random() < 0.22:
            items += self._take(("flag", lang, code), flags, 1)
        r.shuffle(items)
        return self.layout(lang, code, head, vitals, items)

    def layout(
        self, lang: str, code: str, head: list[str], vitals: list[str], items: list[str]
    ) -> str:
        r = self.rng
        lines: list[str] = []
        if vitals:
            sep = r.choice(VITALS_SEPARATORS)
            lines.append(r.choice(VITALS[lang]) + sep.join(vitals))
        body = [*head, *items]
        shape = r.choice(("lines", "bullets", "prose", "prose", "numbered", "problems"))
        if shape == "problems" and code not in "AP":
            shape = "lines"
        if shape == "prose":
            text = ". ".join(x.rstrip(".") for x in body)
            lines.append(text + ("." if text else ""))
        else:
            bullet = r.choice(BULLETS)
            mark = {"lines": lambda i: "", "bullets": lambda i: bullet}
            mark["numbered"] = lambda i: f"{i + 1}. "
            mark["problems"] = lambda i: f"#{i + 1} "
            lines += [mark[shape](i) + x for i, x in enumerate(body)]
        heading = r.choice(HEADINGS[lang][code]) if r.random() < 0.55 else ""
        text = "\n".join(x for x in lines if x)
        if heading:
            text = heading + ("\n" if r.random() < 0.6 else " ") + text
        return text
