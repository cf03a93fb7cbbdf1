"""Medication sentences: started, stopped, continued (a dose change too: the drug goes on)
and listed, in English and Hebrew, with the drug as a generic, a brand, a typo or a Hebrew
transliteration; and those that are no event (allergies, refusals, "not on", plans that
wait on a condition)."""

from __future__ import annotations

import re

from bench.timeline.sets.blind.seg import Label, Pick, Seg, cat, join, mark
from bench.timeline.sets.blind.vocab import CLINIC_DRUGS, DRUG, DRUGS, Drug

_LATIN = re.compile(r"^[A-Za-z0-9]")

STARTED = {
    "en": ("Start {D} od", "Commenced {D} nocte", "Started on {D} daily", "Initiate {D}",
           "New: {D} bd", "Rx {D} tds x 7/7", "Add {D} mane", "Trial of {D}",
           "Begin {D} once daily", "{D} started today"),
    "he": ("להתחיל {D}", "התחלנו {D}", "הוחל טיפול ב{D}", "נוסף {D} ליום", "מרשם חדש: {D}",
           "מתחילים {D} בערב", "הוספתי {D}", "התחיל {D} לפני שבוע"),
}  # fmt: skip
STOPPED = {
    "en": ("Stop {D}", "D/C {D}", "{D} discontinued", "Ceased {D} (GI upset)",
           "Stopped {D} - side effects", "came off {D} last month", "Discontinue {D}",
           "stopped taking {D} himself 2/52 ago"),
    "he": ("להפסיק {D}", "הופסק {D}", "{D} - הופסק", "הפסיק {D} על דעת עצמו",
           "הפסקנו {D} בשל תופעות לוואי", "הפסיקה ליטול {D}"),
}  # fmt: skip
CONTINUED = {
    "en": ("Continue {D}", "Cont {D}", "c/w {D}", "{D} - continue", "Remains on {D}",
           "No change to {D}", "Keep {D} as is", "continue same dose of {D}"),
    "he": ("להמשיך {D}", "ממשיך {D}", "{D} - ללא שינוי", "ממשיכה ב{D}", "להמשיך טיפול ב{D}",
           "{D} להמשיך באותו מינון"),
}  # fmt: skip
# A dose change: {N} the drug, {M} the new dose (the span runs over both).
TITRATED = {
    "en": ("Increase {N} to {M}", "↑ {N} to {M}", "Reduce {N} to {M}", "uptitrate {N} to {M}"),
    "he": ("להעלות מינון {N} ל-{M}", "הורדת מינון {N} ל-{M}", "העלינו {N} ל-{M}"),
}  # fmt: skip
LISTED = {
    "en": ("on {D}", "takes {D} daily", "currently taking {D}", "using {D} prn",
           "already on {D}"),
    "he": ("נוטל {D}", "מקבל {D}", "מטופל ב{D}", "נוטלת {D} באופן קבוע"),
}  # fmt: skip
# Switches a prescriber makes: within a class, or for a known reason.
SWITCHES = (("ramipril", "losartan"), ("atorvastatin", "rosuvastatin"),
            ("sertraline", "escitalopram"), ("fluoxetine", "sertraline"),
            ("ibuprofen", "naproxen"), ("diclofenac", "naproxen"), ("warfarin", "apixaban"),
            ("rivaroxaban", "apixaban"), ("escitalopram", "sertraline"),
            ("amlodipine", "losartan"), ("naproxen", "paracetamol"))  # fmt: skip
SWITCH = {
    "en": ("Switch {A} to {B}", "{A} changed to {B} (side effects)", "Swapped {A} for {B}"),
    "he": ("הוחלף {A} ל{B}", "החלפת {A} ב{B}"),
}  # fmt: skip
# No event: the drug is named but not taken, or only possibly later.
VOID = {
    "en": ("Allergic to {N} (rash)", "Allergies: {N} - hives", "Offered {N}, declined",
           "Not on {N}", "Refuses {N}", "intolerant of {N} in the past - avoid",
           "If BP remains > 140/90 at review, start {N}", "Consider {N} if no better in 2/52",
           "may need {N} in future", "discussed {N} - pt wants to think about it"),
    "he": ("רגישות ל{N}", "אלרגיה ל{N} (פריחה)", "מסרב ל{N}", "לא נוטל {N}",
           "אם ל\"ד יישאר מעל 140/90 - להתחיל {N}", "במידה ולא יהיה שיפור נשקול {N}",
           "לשקול {N} בהמשך", "הוסבר על {N}, מעוניין לחשוב"),
}  # fmt: skip


ANTIHYPERTENSIVES = ("amlodipine", "ramipril", "losartan", "bisoprolol", "spironolactone")


def _joined(prefix_template: str, word: str) -> str:
    """A Hebrew one-letter prefix joins a Hebrew word; before Latin it takes a hyphen."""
    return prefix_template + ("-" if _LATIN.match(word) else "")


def _fill(template: str, slots: dict[str, Seg]) -> Seg:
    """`template` with each {X} replaced by slots[X]; a Hebrew prefix written right before a
    slot ("ב{D}") gets its hyphen before a Latin name."""
    parts: list[Seg | str] = []
    for piece in re.split(r"(\{[A-Z]\})", template):
        if piece.startswith("{") and piece[1:-1] in slots:
            seg = slots[piece[1:-1]]
            if parts and isinstance(parts[-1], str) and re.search(r"(?:^|\s)[בלמ]$", parts[-1]):
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
            return DRUG[self.p.cycle(f"drug/{clinic}", CLINIC_DRUGS[clinic])]
        return self.p.cycle("drug/all", DRUGS)

    def written(self, d: Drug, lang: str) -> str:
        # Israeli notes write drugs in English about half the time.
        if lang == "he" and self.p.chance(0.55):
            return self.p.cycle(f"he/{d.generic}", d.he)
        return self.p.cycle(f"en/{d.generic}", d.en)

    def dose(self, d: Drug, lang: str) -> str:
        dose = self.p.one(d.doses)
        if lang == "he" and dose.endswith("mg") and self.p.chance(0.45):
            return dose.removesuffix("mg").rstrip() + ' מ"ג'
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
        if "140/90" in t:  # a blood pressure's condition waits on a drug for it
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
            freq = self.p.one(("", " od", " bd", " daily", " nocte", " x1/d"))
            text = f"{self.written(d, lang)} {dose}{freq}"
            items.append(mark(text, self._label(d, "listed", dose)))
        heads = {
            "en": ("Meds: ", "Current medications:\n- ", "Regular meds - ", "DHx: "),
            "he": ("תרופות קבועות: ", "טיפול תרופתי:\n- ", "תרופות: ", "טיפול קבוע - "),
        }
        head = self.p.one(heads[lang])
        sep = "\n- " if head.endswith("- ") and "\n" in head else self.p.one((", ", "; ", ", "))
        return cat(head, join(items, sep))
