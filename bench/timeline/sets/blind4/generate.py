"""Writes the set: fields of thirteen clinics in English and Hebrew, each composed of its
clinic's lines, what every clinic writes (openers, family histories, allergies, earlier
values, targets, conditional plans, drugs offered or declined, tests still to come,
differentials), measures in their written styles and values not to be believed; then laid
out (layout.py) and its labels read off the markup (markup.py)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

from bench.timeline.sets.blind4 import layout, pools
from bench.timeline.sets.blind4.markup import Label, parse
from bench.timeline.sets.blind4.measures import Style, load_styles, render

SEED = 27_0404
N_FIELDS = 344
HEBREW_SHARE = 0.42
FIELDS = ("subjective", "objective", "assessment", "plan", "medical_history")
CLINICS = ("pulm", "gi", "neuro", "derm", "ent", "uro", "onc", "pain", "ed", "home",
           "student", "slp", "diet")  # fmt: skip

# What each clinic measures at the visit (objective), in results and scores (assessment),
# and what its patients report (subjective: home readings, pain, questionnaires).
VITALS = {
    "pulm": ("bp", "hr", "temperature", "spo2", "weight", "height", "bmi"),
    "gi": ("bp", "hr", "temperature", "weight", "bmi", "height"),
    "neuro": ("bp", "hr", "weight", "rom"),
    "derm": ("bp", "weight", "temperature", "bmi"),
    "ent": ("temperature", "hr", "spo2", "bp"),
    "uro": ("bp", "hr", "temperature", "weight"),
    "onc": ("bp", "hr", "temperature", "spo2", "weight", "pain"),
    "pain": ("bp", "hr", "pain", "rom", "weight"),
    "ed": ("bp", "hr", "temperature", "spo2", "glucose", "pain", "rom"),
    "home": ("bp", "hr", "temperature", "spo2", "weight", "glucose", "pain"),
    "student": ("temperature", "hr", "bp", "weight", "height", "bmi", "rom", "spo2"),
    "slp": ("hr", "spo2", "temperature", "bp"),
    "diet": ("weight", "height", "bmi", "bp", "hr"),
}
RESULTS = {
    "pulm": ("glucose", "creatinine", "egfr"),
    "gi": ("a1c", "glucose", "ldl", "hdl", "tc", "creatinine"),
    "neuro": ("phq9", "gad7", "phq2", "ldl", "hdl", "tc"),
    "derm": ("ldl", "hdl", "tc", "glucose"),
    "ent": ("glucose", "a1c"),
    "uro": ("creatinine", "egfr", "glucose", "a1c", "hdl"),
    "onc": ("creatinine", "egfr", "glucose", "phq2", "phq9", "gad7"),
    "pain": ("phq9", "gad7", "phq2", "creatinine"),
    "ed": ("glucose", "creatinine", "egfr"),
    "home": ("glucose", "a1c", "creatinine", "egfr", "phq2", "hdl"),
    "student": ("phq2", "phq9", "gad7"),
    "slp": ("phq2",),
    "diet": ("a1c", "ldl", "hdl", "tc", "glucose", "creatinine", "egfr", "bmi"),
}
REPORTED = {
    "neuro": ("pain", "phq9"), "onc": ("pain", "phq2"), "pain": ("pain", "gad7"),
    "ed": ("pain",), "home": ("bp", "glucose", "pain"), "uro": ("bp",), "diet": ("weight",),
    "student": ("pain", "phq2"), "pulm": ("spo2",), "gi": ("pain", "weight"),
}  # fmt: skip
VITALS_LEAD = {"en": ("Vitals: ", "VS: ", "Obs: ", ""), "he": ("סימנים חיוניים: ", "מדדים: ", "")}
RESULTS_LEAD = {
    "en": ("Labs: ", "Bloods today: ", "Results: ", "Scores today: ", ""),
    "he": ("בדיקות דם: ", "מעבדה: ", "תוצאות: ", ""),
}
REPORTED_LEAD = {
    "en": ("Home readings: ", "Reports ", "Pt's own log this week: ", "Today ", ""),
    "he": ("מדידות בבית: ", "לדבריו ", "היום ", ""),
}
EARLIER = {"en": (" (prev {})", " (was {} last time)", " (previous {})"),
           "he": (" (קודם {})", " (לעומת {} בביקור הקודם)")}  # fmt: skip
FLAGS = {
    "en": (("BP 1420/88", "bp"), ("BP 72/118", "bp"), ("B/P 1360/84", "bp"),
           ("HR 640", "heart_rate"), ("Wt 7150 kg", "weight"), ("T 386", "temperature"),
           ("SpO2 189%", "spo2"), ("Ht 1710 cm", "height"), ("BMI 287", "bmi"),
           ("HbA1c 68%", "a1c"), ("pain 13/10", "pain"), ("PHQ-9 35", "phq9"),
           ("GAD-7 29", "gad7"), ("glucose 9800", "glucose")),
    "he": (('ל"ד 1350/80', "bp"), ('ל"ד 70/110', "bp"), ("דופק 710", "heart_rate"),
           ('משקל 6900 ק"ג', "weight"), ("סטורציה 180%", "spo2"), ("כאב 12/10", "pain"),
           ("חום 376", "temperature"), ('גובה 1650 ס"מ', "height"), ("HbA1c 71%", "a1c"),
           ("PHQ-9 31", "phq9")),
}  # fmt: skip


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
        marked += rng.choice(EARLIER[lang]).format(before)
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
            return [lead + rng.choice((", ", ", ", " | ", "  ")).join(marked)]
        return marked

    def lines(self, lang: str, clinic: str, field: str) -> list[str]:
        rng, some, maybe = self.rng, self._some, self._maybe
        if field == "subjective":
            out: list[str] = []
            if clinic in ("ed", "home"):
                out += maybe(lang, "opener-none", field, 0.5)
            else:
                out += maybe(lang, "opener", field, 0.75)
            out += some(lang, clinic, field, 1, 2)
            if clinic in REPORTED and rng.random() < 0.45:
                lead = rng.choice(REPORTED_LEAD[lang])
                out += self._measures(lang, REPORTED[clinic], rng.randint(1, 2), lead)
            for name, p in (("family", 0.15), ("earlier", 0.12), ("allergy", 0.1)):
                out += maybe(lang, name, field, p)
            return out
        if field == "objective":
            lead = rng.choice(VITALS_LEAD[lang])
            out = self._measures(lang, VITALS[clinic], rng.randint(3, 6), lead)
            if rng.random() < 0.4:
                out += self._measures(lang, RESULTS[clinic], rng.randint(1, 3),
                                      rng.choice(RESULTS_LEAD[lang]))  # fmt: skip
            out += some(lang, clinic, field, 0, 2)
            if rng.random() < 0.3:
                words, name = rng.choice(FLAGS[lang])
                out.insert(rng.randint(0, len(out)), f"[[{words}|flag:{name}]]")
            for name, p in (("earlier", 0.15), ("screen", 0.04)):
                out += maybe(lang, name, field, p)
            return out
        if field == "assessment":
            out = some(lang, clinic, field, 1, 2)
            if rng.random() < 0.65:
                lead = rng.choice(RESULTS_LEAD[lang])
                out += self._measures(lang, RESULTS[clinic], rng.randint(1, 3), lead)
            for name, p in (
                ("ddx", 0.25),
                ("target", 0.15),
                ("declined", 0.1),
                ("earlier", 0.1),
                ("family", 0.05),
                ("screen", 0.04),
            ):
                out += maybe(lang, name, field, p)
            rng.shuffle(out)
            return out
        if field == "plan":
            out = some(lang, clinic, field, 2, 3)
            for name, p in (
                ("conditional", 0.3),
                ("declined", 0.2),
                ("later", 0.25),
                ("target", 0.12),
            ):
                out += maybe(lang, name, field, p)
            rng.shuffle(out)
            return out
        out = some(lang, clinic, field, 1, 3)
        for name, p in (("family", 0.35), ("allergy", 0.3)):
            out += maybe(lang, name, field, p)
        return out


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
