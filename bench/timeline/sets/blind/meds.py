"""Medication sentences: started, stopped, continued (a dose change too: the drug goes on)
and listed, in English and Hebrew, with the drug as a generic, a brand, a typo or a Hebrew
transliteration; and those that are no event (allergies, refusals, "not on", plans that
wait on a condition). The sentences, switches and medication lists' words are meds.toml;
the drugs are vocab.py's."""

from __future__ import annotations

import re

from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, join, mark
from bench.timeline.sets.blind.tables import by_language, read
from bench.timeline.sets.blind.vocab import CLINICS, DRUG, DRUGS, Drug

# How _fill reads a template: a name or number's first character, a {X} slot, a Hebrew
# one-letter prefix (ב, ל, מ) written right before a slot.
_LATIN = re.compile(r"^[A-Za-z0-9]")
_SLOT = re.compile(r"(\{[A-Z]\})")
_PREFIX = re.compile(r"(?:^|\s)[בלמ]$")

_MEDS = read("meds.toml")
STARTED = by_language(_MEDS, "started")
STOPPED = by_language(_MEDS, "stopped")
CONTINUED = by_language(_MEDS, "continued")
TITRATED = by_language(_MEDS, "titrated")  # {N} the drug, {M} the new dose
if not all(
    t.count("{N}") == t.count("{M}") == 1 and t.index("{N}") < t.index("{M}")
    for ts in TITRATED.values()
    for t in ts
):
    raise _MEDS.wrong(("titrated",), "each sentence holds {N}, then {M}, once")
LISTED = by_language(_MEDS, "listed")
SWITCH = by_language(_MEDS, "switch")
SWITCHES = _MEDS.rows("switch", "pairs", width=2)
_MEDS.known([g for pair in SWITCHES for g in pair], DRUG, "switch", "pairs")
VOID = by_language(_MEDS, "void")
# A no-event sentence holding BP_MARKER waits on a blood pressure: its drug is one of these.
BP_MARKER = _MEDS.text("waits_on_bp", "marker")
ANTIHYPERTENSIVES = _MEDS.strings("waits_on_bp", "drugs")
_MEDS.known(ANTIHYPERTENSIVES, DRUG, "waits_on_bp", "drugs")
FREQUENCIES = _MEDS.strings("med_list", "frequencies")
LIST_HEADS = by_language(_MEDS, "med_list", "heads")
HEBREW_UNITS = _MEDS.texts("hebrew_units")  # English -> Hebrew


def _joined(prefix_template: str, word: str) -> str:
    """A Hebrew one-letter prefix joins a Hebrew word; before Latin it takes a hyphen."""
    return prefix_template + ("-" if _LATIN.match(word) else "")


def _fill(template: str, slots: dict[str, Seg]) -> Seg:
    """`template` with each {X} replaced by slots[X]; a Hebrew prefix written right before a
    slot ("ב{D}") gets its hyphen before a Latin name."""
    parts: list[Seg | str] = []
    for piece in _SLOT.split(template):
        if piece.startswith("{") and piece[1:-1] in slots:
            seg = slots[piece[1:-1]]
            if parts and isinstance(parts[-1], str) and _PREFIX.search(parts[-1]):
                parts[-1] = _joined(parts[-1], seg.text)
            parts.append(seg)
        elif piece:
            parts.append(piece)
    return cat(*parts)


class Meds:
    def __init__(self, p: Pick) -> None:
        self.p = p
        self.used: set[str] = set()  # a field names each drug once

    def drug(self, clinic: str) -> Drug:
        d = self._draw(clinic)
        for _ in range(20):
            if d.generic not in self.used:
                break
            d = self._draw(clinic)
        self.used.add(d.generic)
        return d

    def _draw(self, clinic: str) -> Drug:
        if self.p.chance(0.7):
            return DRUG[self.p.cycle(f"drug/{clinic}", CLINICS[clinic].drugs)]
        return self.p.cycle("drug/all", DRUGS)

    def written(self, d: Drug, lang: str) -> str:
        # Israeli notes write drugs in English about half the time.
        if lang == "he" and self.p.chance(0.55):
            return self.p.cycle(f"he/{d.generic}", d.he)
        return self.p.cycle(f"en/{d.generic}", d.en)

    def dose(self, d: Drug, lang: str) -> str:
        dose = self.p.one(d.doses)
        if lang != "he":
            return dose
        unit = next((u for u in HEBREW_UNITS if dose.endswith(u)), None)
        if unit is not None and self.p.chance(0.45):
            return f"{dose.removesuffix(unit).rstrip()} {HEBREW_UNITS[unit]}"
        return dose

    def _label(self, d: Drug, status: str, dose: str | None) -> Label:
        return Label("medication", d.generic, status=status, dose=dose)

    def event(self, status: str, lang: str, clinic: str) -> Seg:
        d = self.drug(clinic)
        name = self.written(d, lang)
        if status == "titrated":
            dose = self.dose(d, lang)
            t = self.p.cycle(f"tit/{lang}", TITRATED[lang])
            pre, rest = t.split("{N}")
            mid, post = rest.split("{M}")
            return cat(pre, mark(f"{name}{mid}{dose}", self._label(d, "continued", dose)), post)
        table = {"started": STARTED, "stopped": STOPPED, "continued": CONTINUED, "listed": LISTED}
        dose = self.dose(d, lang) if self.p.chance(0.7) else None
        text = f"{name} {dose}" if dose else name
        t = self.p.cycle(f"{status}/{lang}", table[status][lang])
        return _fill(t, {"D": mark(text, self._label(d, status, dose))})

    def switch(self, lang: str, clinic: str) -> Seg:
        pairs = [x for x in SWITCHES if not {*x} & self.used] or list(SWITCHES)
        a, b = (DRUG[x] for x in self.p.cycle(f"pairs/{len(pairs)}", pairs))
        self.used |= {a.generic, b.generic}
        t = self.p.cycle(f"switch/{lang}", SWITCH[lang])
        return _fill(
            t,
            {
                "A": mark(self.written(a, lang), self._label(a, "stopped", None)),
                "B": mark(self.written(b, lang), self._label(b, "started", None)),
            },
        )

    def void(self, lang: str, clinic: str) -> Seg:
        t = self.p.cycle(f"void/{lang}", VOID[lang])
        if BP_MARKER in t:
            free = [g for g in ANTIHYPERTENSIVES if g not in self.used] or list(ANTIHYPERTENSIVES)
            d = DRUG[self.p.one(free)]
            self.used.add(d.generic)
        else:
            d = self.drug(clinic)
        return _fill(t, {"N": Seg(self.written(d, lang))})

    def med_list(self, lang: str, clinic: str, n: int) -> Seg:
        """A medication list: every drug on it listed."""
        seen: set[str] = set()
        items: list[Seg] = []
        while len(items) < n:
            d = self.drug(clinic)
            if d.generic in seen:
                continue
            seen.add(d.generic)
            dose = self.dose(d, lang)
            freq = self.p.one(FREQUENCIES)
            text = f"{self.written(d, lang)} {dose}{freq}"
            items.append(mark(text, self._label(d, "listed", dose)))
        head = self.p.one(LIST_HEADS[lang])
        sep = "\n- " if head.endswith("- ") and "\n" in head else self.p.one((", ", "; ", ", "))
        return cat(head, join(items, sep))
