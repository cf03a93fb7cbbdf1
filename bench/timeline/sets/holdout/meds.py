"""Medication mentions: drugs by generic name with brands (English and Israeli), Hebrew
transliterations and a few misspellings (drugs.toml); phrases for each status in English
and Hebrew; medication lists; switches (one stopped, one started); and allergies, which
hold none (meds.toml). Hebrew one-letter prefixes joined to words: prefixes.toml."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.holdout.base import Cycler, Piece, med
from bench.timeline.sets.holdout.readers import by_lang, kinds_by_lang, read

MAX_TYPOS = 10  # "a handful" of misspelt drug names over the whole set
OWED = 2  # times each owed drug is written by its first brand
_SPELT = ("brands", "he", "doses")  # a drug's spellings that every drug has
# The one-letter words the code joins: list endings, and the templates' {b} {l} {h} {ma} {lb}.
_PREFIXED = ("and", "in", "to", "the", "from")


@dataclass(frozen=True)
class Drug:
    brands: tuple[str, ...]
    he: tuple[str, ...]
    doses: tuple[str, ...]
    typos: tuple[str, ...] = ()


def _drugs() -> dict[str, Drug]:
    """Each generic name (lower case, what a fact expects) with its spellings."""
    words = read("drugs.toml")
    out: dict[str, Drug] = {}
    for name in words.data:
        if name != name.lower() or set(words.table(name)) - {"brands", "he", "doses", "typos"}:
            raise words.wrong((name,), "a lower-case name: brands, he, doses, typos")
        brands, he, doses = (words.strings(name, k) for k in _SPELT)
        if not brands or not he or not doses:
            raise words.wrong((name,), "a brand, a Hebrew spelling and a dose at least")
        typos = words.strings(name, "typos") if words.has(name, "typos") else ()
        out[name] = Drug(brands, he, doses, typos)
    return out


def _prefixes() -> dict[str, str]:
    """The Hebrew letter of each one-letter word the code joins ("and", "to" ...)."""
    words = read("prefixes.toml")
    out = words.texts()
    if set(out) != set(_PREFIXED) or any(len(letter) != 1 for letter in out.values()):
        raise VocabError(f"{words.path}: one letter for each of {', '.join(_PREFIXED)}")
    return out


DRUGS = _drugs()
# The Hebrew one-letter words by meaning ("and", "to" ...), as joined by join_prefix.
PREFIX = _prefixes()

_MEDS = read("meds.toml")
POOLS = _MEDS.lists("pools")
OWED_BRANDS = _MEDS.strings("owed_brands")
PRN_DRUGS = frozenset(_MEDS.strings("as_needed_drugs"))
SWITCH_PAIRS = _MEDS.rows("switch_pairs", width=2)
WEEKLY = _MEDS.strings("weekly")
LIST_SEPARATORS = _MEDS.strings("list_separators")
FREQ = by_lang(_MEDS, "freq")
AS_NEEDED = by_lang(_MEDS, "as_needed")
REASONS = by_lang(_MEDS, "reasons")
# A dose in a Hebrew note: each text replaced by its Hebrew, in the order written.
DOSE_HE = _MEDS.texts("dose_he")
# Templates per status: {d} drug as written, {dose}, {freq}, {reason}; in Hebrew {b}, {l}
# and {h} the drug with PREFIX "in", "to" and "the" joined.
PHRASES = kinds_by_lang(_MEDS, "phrases")
LIST_HEADS = by_lang(_MEDS, "list_heads")
SWITCHES = by_lang(_MEDS, "switches")
DECLINED = by_lang(_MEDS, "declined")
ALLERGIES = by_lang(_MEDS, "allergies")


def _check_drugs() -> None:
    """Every drug meds.toml names is one of drugs.toml's."""
    for pool, names in POOLS.items():
        _MEDS.known(names, DRUGS, "pools", pool)
    for key in ("owed_brands", "as_needed_drugs"):
        _MEDS.known(_MEDS.strings(key), DRUGS, key)
    _MEDS.known([g for pair in SWITCH_PAIRS for g in pair], DRUGS, "switch_pairs")


_check_drugs()


class Meds:
    """Drug names and phrases for one set: it counts the misspellings it has handed out."""

    def __init__(self, cyc: Cycler) -> None:
        self.cyc = cyc
        self.typos = 0
        # Brands every set must hold (twice each), handed out first.
        self.owed = {g: OWED for g in OWED_BRANDS}

    def word(self, generic: str, lang: str) -> str:
        """How the drug is written: generic, brand, a misspelling, Hebrew."""
        d, rng = DRUGS[generic], self.cyc.rng
        if self.owed.get(generic, 0) > 0 and lang == "en":
            self.owed[generic] -= 1
            return d.brands[0]
        if lang == "he" and rng.random() < 0.55:
            return rng.choice(d.he)
        r = rng.random()
        if d.typos and self.typos < MAX_TYPOS and r < 0.09:
            self.typos += 1
            return rng.choice(d.typos)
        if r < 0.35:
            return rng.choice(d.brands)
        return generic.capitalize() if r < 0.6 else generic

    def freq(self, generic: str, lang: str, dose: str) -> str:
        if any(w in dose for w in WEEKLY):
            return ""
        rng = self.cyc.rng
        if generic in PRN_DRUGS and rng.random() < 0.6:
            return rng.choice(AS_NEEDED[lang])
        return rng.choice(FREQ[lang])

    def dose(self, generic: str, lang: str) -> str:
        dose = self.cyc.rng.choice(DRUGS[generic].doses)
        if lang == "he" and self.cyc.rng.random() < 0.4:
            for written, hebrew in DOSE_HE.items():
                dose = dose.replace(written, hebrew)
        return dose

    def pick(self, pool: str, used: set[str]) -> str:
        free = [g for g in POOLS[pool] if g not in used]
        g = self.cyc.rng.choice(free)
        used.add(g)
        return g

    def phrase(self, status: str, pool: str, lang: str, used: set[str]) -> Piece:
        g = self.pick(pool, used)
        template = self.cyc.pick(f"med:{status}:{lang}", PHRASES[status][lang])
        dose = self.dose(g, lang)
        written = fill(template, self.word(g, lang), dose, self.freq(g, lang, dose), self.cyc, lang)
        return Piece(written, (med(g, status),))

    def listing(self, pool: str, lang: str, used: set[str], n: int) -> Piece:
        """A medication list: every drug on it is `listed`."""
        gs = [self.pick(pool, used) for _ in range(n)]
        items = []
        for g in gs:
            dose = self.dose(g, lang)
            parts = (self.word(g, lang), dose, self.freq(g, lang, dose))
            items.append(" ".join(x for x in parts if x))
        head = self.cyc.pick(f"medlist:{lang}", LIST_HEADS[lang])
        if head.endswith("- "):
            body = "\n- ".join(items)
        elif lang == "he" and len(items) > 1 and self.cyc.rng.random() < 0.6:
            last = items[-1]
            body = ", ".join(items[:-1]) + " " + join_prefix(PREFIX["and"], last)
        else:
            body = self.cyc.rng.choice(LIST_SEPARATORS).join(items)
        return Piece(head + body, tuple(med(g, "listed") for g in gs))

    def switch(self, pool: str, lang: str, used: set[str]) -> Piece | None:
        """One drug stopped for another of its class; None when the pool has no such pair."""
        fitting = [
            (a, b)
            for a, b in SWITCH_PAIRS
            if a in POOLS[pool] and b in POOLS[pool] and not {a, b} & used
        ]
        if not fitting:
            return None
        a, b = self.cyc.rng.choice(fitting)
        used.update((a, b))
        template = self.cyc.pick(f"switch:{lang}", SWITCHES[lang])
        wa, wb = self.word(a, lang), self.word(b, lang)
        written = template.format(
            a=wa,
            b=wb,
            ma=join_prefix(PREFIX["from"], wa),
            lb=join_prefix(PREFIX["to"], wb),
            dose=self.dose(b, lang),
        )
        return Piece(written, (med(a, "stopped"), med(b, "started")))


def join_prefix(letter: str, word: str) -> str:
    """A Hebrew one-letter prefix: joined to a Hebrew word, with a hyphen to a Latin one."""
    return f"{letter}{word}" if "\u05d0" <= word[0] <= "\u05ea" else f"{letter}-{word}"


def fill(template: str, word: str, dose: str, freq: str, cyc: Cycler, lang: str) -> str:
    rng = cyc.rng
    s = template.format(
        d=word,
        b=join_prefix(PREFIX["in"], word),
        l=join_prefix(PREFIX["to"], word),
        h=join_prefix(PREFIX["the"], word),
        dose=dose,
        freq=freq,
        reason=rng.choice(REASONS[lang]),
    )
    return " ".join(s.split())


def distractor(cyc: Cycler, kind: str, lang: str) -> Piece:
    """Words about drugs that record no medication event."""
    lines = {"declined": DECLINED, "allergy": ALLERGIES}[kind]
    return Piece(cyc.pick(f"{kind}:{lang}", lines[lang]))
