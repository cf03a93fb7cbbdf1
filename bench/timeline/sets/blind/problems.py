"""Diagnoses (present, negated, history, as docs/timeline.md reads them after ConText),
procedures done, referrals, the visit's type, and what looks like them but is none: a
family member's illness, a differential, a "?", a test still to come, a future visit.
The diagnosis sentences are problems.toml; the procedure, referral and visit ones care.toml;
the conditions, procedures and specialties vocab.py's."""

from __future__ import annotations

from bench.timeline.sets.blind.meds import _fill
from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, join, mark
from bench.timeline.sets.blind.tables import LANGUAGES, by_language, read
from bench.timeline.sets.blind.vocab import (
    CHRONIC,
    COND,
    EVENTS,
    PROCEDURES,
    RULED_OUT,
    SPECIALTIES,
    SYMPTOMS,
    Condition,
    Named,
    referral_aliases,
)

_PROBLEMS = read("problems.toml")
PRESENT = by_language(_PROBLEMS, "present")
COMPLAINT = by_language(_PROBLEMS, "complaint")
NEGATED = by_language(_PROBLEMS, "negated")
TWO_NEGATED = by_language(_PROBLEMS, "two_negated")
BUT = by_language(_PROBLEMS, "but")  # a negation ended by "but": {C} negated, {E} present
HISTORY = by_language(_PROBLEMS, "history")
NOT_DX = by_language(_PROBLEMS, "not_dx")  # no diagnosis at all


def _names(c: Condition) -> tuple[str, ...]:
    return (*c.aliases, *c.en, *c.he)


class Problems:
    def __init__(self, p: Pick) -> None:
        self.p = p
        self.used: set[str] = set()  # a field names each condition once

    def written(self, c: Condition, lang: str) -> str:
        return self.p.cycle(f"{lang}/{c.name}", c.he if lang == "he" else c.en)

    def cond(self, status: str, lang: str, c: Condition) -> Seg:
        text = self.written(c, lang)
        return mark(text, Label("diagnosis", c.name, status=status, aliases=_names(c)))

    def pick(self, pool: tuple[str, ...], key: str) -> Condition:
        name = self.p.cycle(key, pool)
        for _ in range(20):
            if name not in self.used:
                break
            name = self.p.cycle(key, pool)
        self.used.add(name)
        return COND[name]

    def present(self, lang: str, pool: tuple[str, ...] = CHRONIC) -> Seg:
        c = self.pick(pool, "present")
        t = self.p.cycle(f"present/{lang}", PRESENT[lang])
        return _fill(t, {"C": self.cond("present", lang, c)})

    def complaint(self, lang: str) -> Seg:
        c = self.pick(SYMPTOMS, "complaint")
        t = self.p.cycle(f"complaint/{lang}", COMPLAINT[lang])
        return _fill(t, {"C": self.cond("present", lang, c)})

    def negated(self, lang: str) -> Seg:
        r = self.p.rng.random()
        if r < 0.2:
            a, b = self._two(SYMPTOMS, "neg2")
            t = self.p.cycle(f"neg2/{lang}", TWO_NEGATED[lang])
            return _fill(
                t, {"C": self.cond("negated", lang, a), "E": self.cond("negated", lang, b)}
            )
        if r < 0.35:
            a, b = self._two(SYMPTOMS, "but")
            t = self.p.cycle(f"but/{lang}", BUT[lang])
            return _fill(
                t, {"C": self.cond("negated", lang, a), "E": self.cond("present", lang, b)}
            )
        pool = RULED_OUT if r < 0.7 else SYMPTOMS
        c = self.pick(pool, f"neg/{pool[0]}")
        t = self.p.cycle(f"neg/{lang}", NEGATED[lang])
        return _fill(t, {"C": self.cond("negated", lang, c)})

    def history(self, lang: str) -> Seg:
        c = self.pick(EVENTS, "history")
        t = self.p.cycle(f"history/{lang}", HISTORY[lang])
        return _fill(t, {"C": self.cond("history", lang, c)})

    def not_dx(self, lang: str) -> Seg:
        a, b = self._two((*CHRONIC, *EVENTS), "notdx")
        t = self.p.cycle(f"notdx/{lang}", NOT_DX[lang])
        return _fill(t, {"C": Seg(self.written(a, lang)), "E": Seg(self.written(b, lang))})

    def _two(self, pool: tuple[str, ...], key: str) -> tuple[Condition, Condition]:
        a = self.pick(pool, key)
        b = self.pick(pool, key)
        while b.name == a.name:
            b = COND[self.p.one(pool)]
        self.used.add(b.name)
        return a, b

    def section(self, lang: str, heading: str, status: str, n: int) -> Seg:
        """A heading ("PMH:", "Active problems:") and the list it reaches."""
        pool = CHRONIC if status == "present" else (*EVENTS, *CHRONIC)
        chosen: list[Condition] = []
        for _ in range(n * 4):
            c = self.pick(pool, f"sec/{status}")
            if c.name not in {x.name for x in chosen}:
                chosen.append(c)
            if len(chosen) == n:
                break
        items: list[Seg] = []
        for c in chosen:
            year = f" ({self.p.rng.randint(1998, 2023)})" if self.p.chance(0.35) else ""
            # Under a background heading a lasting condition is still the patient's, its
            # year the onset; an event or an episodic condition is history.
            now = "present" if status == "history" and c.lasting else status
            items.append(cat(self.cond(now, lang, c), year))
        sep = self.p.one((", ", "; ", "\n- ", "\n"))
        lead = "\n- " if sep == "\n- " else (" " if sep != "\n" else "\n")
        head = heading.rstrip()
        return cat(head, lead, join(items, sep))


_CARE = read("care.toml")
PROC_DONE = by_language(_CARE, "procedure_done")
PROC_LATER = by_language(_CARE, "procedure_later")
# Of those, a test booked or arranged at this visit is ordered there: a procedure fact.
ORDERED = frozenset(_CARE.strings("procedure_later", "ordered"))
_CARE.known(ORDERED, {*PROC_LATER["en"], *PROC_LATER["he"]}, "procedure_later", "ordered")
REFERRAL = by_language(_CARE, "referral")
REFERRAL_LATER = by_language(_CARE, "referral_later")


class Care:
    """Procedures, referrals and visit types."""

    def __init__(self, p: Pick) -> None:
        self.p = p

    def _word(self, x: Named, lang: str) -> str:
        return self.p.cycle(f"{lang}/{x.name}", x.he if lang == "he" else x.en)

    def procedure(self, lang: str, pool: tuple[str, ...] | None = None) -> Seg:
        items = [x for x in PROCEDURES if pool is None or x.name in pool]
        x = self.p.cycle(f"proc/{pool}", items)
        label = Label("procedure", x.name, aliases=(*x.aliases, *x.en, *x.he))
        t = self.p.cycle(f"procdone/{lang}", PROC_DONE[lang])
        return _fill(t, {"P": mark(self._word(x, lang), label)})

    def later(self, lang: str) -> Seg:
        x = self.p.one(PROCEDURES)
        t = self.p.cycle(f"proclater/{lang}", PROC_LATER[lang])
        word = self._word(x, lang)
        if t not in ORDERED:
            return _fill(t, {"P": Seg(word)})
        label = Label("procedure", x.name, status="ordered", aliases=(*x.aliases, *x.en, *x.he))
        return _fill(t, {"P": mark(word, label)})

    def referral(self, lang: str, pool: tuple[str, ...] | None = None) -> Seg:
        items = [x for x in SPECIALTIES if pool is None or x.name in pool]
        x = self.p.cycle(f"ref/{pool}", items)
        word = self._word(x, lang)
        label = Label("procedure", f"referral: {x.name}", aliases=referral_aliases(x))
        t = self.p.cycle(f"ref/{lang}", REFERRAL[lang])
        # The span is the whole phrase: the referral is the act, not the specialty's name.
        filled = _fill(t, {"S": Seg(word)})
        return mark(filled.text, label)

    def referral_later(self, lang: str) -> Seg:
        x = self.p.one(SPECIALTIES)
        t = self.p.cycle(f"reflater/{lang}", REFERRAL_LATER[lang])
        return _fill(t, {"S": Seg(self._word(x, lang))})


NEXT_VISIT = by_language(_CARE, "next_visit")
_VISITS = tuple(_CARE.table("visit"))
# (type, how a note opens with it), the types in the order written.
VISITS = {
    lang: tuple((kind, text) for kind in _VISITS for text in _CARE.strings("visit", kind, lang))
    for lang in LANGUAGES
}
VISIT_ALIASES = {kind: _CARE.strings("visit", kind, "aliases") for kind in _VISITS}


def visit(p: Pick, lang: str) -> Seg:
    kind, text = p.cycle(f"visit/{lang}", VISITS[lang])
    return mark(text, Label("visit", kind, aliases=VISIT_ALIASES[kind]))


def next_visit(p: Pick, lang: str) -> Seg:
    return Seg(p.cycle(f"next/{lang}", NEXT_VISIT[lang]))
