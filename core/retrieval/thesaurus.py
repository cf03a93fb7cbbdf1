"""Names for one thing in English and Hebrew, for the lexical side of search.

A Hebrew practice's notes say "יתר לחץ דם" and "דופק 72"; its clinicians ask in Hebrew
and in English ("When was hypertension diagnosed?", "heart rate 72"). A sentence embedding
bridges some of that, BM25 none of it: the question's words are not the note's. So the
lexical side adds, to a question's words, the other names of every thing the question
names: its Hebrew names to an English question, its English names to a Hebrew one, a
drug's generic name to its brand ("Lipitor" also searches "atorvastatin").

A group is a tuple of names for one thing. The built-in groups (`GROUPS`) are the vital
signs, the common labs and a few words clinical questions turn on (diagnosis, allergy,
family history); the service adds the timeline's lexicon of conditions, drugs and
procedures (`core.services.search_ops.clinical_thesaurus`), which this layer cannot see.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable

from core.retrieval.synonyms import SYNONYMS

# The vital signs and labs of `synonyms.SYNONYMS` (English forms and abbreviations) with
# their names in Hebrew notes.
HEBREW_MEASURES: dict[str, tuple[str, ...]] = {
    "blood_pressure": ("לחץ דם",),
    "heart_rate": ("דופק", "קצב לב"),
    "respiratory_rate": ("קצב נשימה", "קצב נשימות", "נשימות לדקה"),
    "oxygen_saturation": ("סטורציה", "רוויה", "רוויון חמצן", "ריווי חמצן"),
    "temperature": ("חום", "חום גוף", "טמפרטורה"),
    "potassium": ("אשלגן",),
    "sodium": ("נתרן",),
    "hba1c": ("המוגלובין מסוכרר",),
    "hemoglobin": ("המוגלובין",),
    "white_cells": ("לויקוציטים", "תאי דם לבנים", "ספירה לבנה", "כדוריות לבנות"),
    "platelets": ("טסיות", "טסיות דם"),
    "creatinine": ("קראטינין", "קריאטינין"),
    "urea": ("אוריאה",),
    "glucose": ("גלוקוז", "סוכר בדם"),
    "crp": ("חלבון מגיב c",),
    "bmi": ("מדד מסת גוף",),
    "weight": ("משקל",),
    "height": ("גובה",),
    "cholesterol": ("כולסטרול",),
    "total_protein": ("חלבון כללי",),
}
# Words a clinical question turns on, in both languages.
QUESTION_WORDS: tuple[tuple[str, ...], ...] = (
    ("diagnosis", "diagnosed", "diagnoses", "אבחנה", "אבחנות", "אובחן", "אובחנה", "אובחנו"),
    ("allergy", "allergies", "allergic", "אלרגיה", "אלרגיות", "אלרגי", "אלרגית", "רגישות"),
    ("family history", "סיפור משפחתי", "היסטוריה משפחתית", "רקע משפחתי"),
)
GROUPS: tuple[tuple[str, ...], ...] = (
    *(
        (*forms, *HEBREW_MEASURES.get(key, ()))
        for key, forms in SYNONYMS.items()
        if HEBREW_MEASURES.get(key)
    ),
    *QUESTION_WORDS,
)

_HEBREW = re.compile("[\u05d0-\u05ea]")
_NIQQUD = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
# Geresh and gershayim: a name written with them ('יל"ד') is matched in a question, but
# never added to one: without them it is another word ("ילד", a child).
_QUOTES = re.compile("[\"'\u05f3\u05f4\u2019]")
# A Hebrew word may carry up to two one-letter prefixes: "ובסוכרת" is "and in diabetes",
# "ב-Lipitor" "with Lipitor".
_PREFIXES = "(?:[ובהכלמש]{1,2}[-־]?)?"
# Latin names this short ("AF", "DM", "HTN") are matched only as written in capitals: in
# lower case too many are words or other abbreviations.
SHORT = 3


def _norm(name: str) -> str:
    return " ".join(_NIQQUD.sub("", name).casefold().split())


class Thesaurus:
    """Groups of names, each for one thing; `names` gives a text's other names."""

    def __init__(self, groups: Iterable[Iterable[str]] = GROUPS) -> None:
        self.groups: list[tuple[str, ...]] = []
        self._group_of: dict[str, set[int]] = {}
        for names in groups:
            clean = tuple(dict.fromkeys(n for n in map(_norm, names) if len(n) > 1))
            if len(clean) < 2:
                continue
            for name in clean:
                self._group_of.setdefault(name, set()).add(len(self.groups))
            self.groups.append(clean)

    def __len__(self) -> int:
        return len(self.groups)

    @functools.cached_property
    def _patterns(self) -> tuple[re.Pattern[str] | None, ...]:
        return _compile(self._group_of)

    def named(self, text: str) -> list[tuple[str, ...]]:
        """The groups `text` names, in order of their first mention."""
        low = _norm(text)
        hebrew, latin, short = self._patterns
        found: list[tuple[int, str]] = []
        for pattern, where in ((hebrew, low), (latin, low), (short, _NIQQUD.sub("", text))):
            if pattern is None:
                continue
            for m in pattern.finditer(where):
                found.append((m.start(), _norm(m.group(1))))
        seen: dict[int, None] = {}
        for _, name in sorted(found):
            for g in sorted(self._group_of.get(name, ())):
                seen.setdefault(g)
        return [self.groups[g] for g in seen]

    def matcher(self, question: str) -> Callable[[str], bool] | None:
        """Whether a text names every thing `question` names, in any of its names (None
        when the question names nothing the thesaurus knows)."""
        groups = self.named(question)
        if not groups:
            return None
        compiled = [_compile(dict.fromkeys(g)) for g in groups]

        def names_all(text: str) -> bool:
            low, plain = _norm(text), _NIQQUD.sub("", text)
            return all(
                any(
                    p is not None and p.search(where) is not None
                    for p, where in zip(patterns, (low, low, plain), strict=True)
                )
                for patterns in compiled
            )

        return names_all

    def names(self, text: str) -> list[str]:
        """The other names of every thing `text` names, as words to search for too."""
        low = _norm(text)
        out: dict[str, None] = {}
        for group in self.named(text):
            for name in group:
                if name not in low and not _QUOTES.search(name):
                    out.setdefault(name)
        return list(out)


def _compile(names: Iterable[str]) -> tuple[re.Pattern[str] | None, ...]:
    """(Hebrew names after optional prefixes, other names in any case, short Latin names in
    capitals), longest first so that "low back pain" wins over "back pain"."""
    ordered = sorted(names, key=lambda n: (-len(n), n))
    hebrew = [n for n in ordered if _HEBREW.search(n)]
    short = [n.upper() for n in ordered if not _HEBREW.search(n) and len(n) <= SHORT]
    latin = [n for n in ordered if not _HEBREW.search(n) and len(n) > SHORT]

    def alternation(items: list[str]) -> re.Pattern[str] | None:
        if not items:
            return None
        body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in items)
        # Any name may follow a Hebrew prefix: "בסוכרת", "ב-Lipitor", "לAspirin".
        return re.compile(rf"(?<!\w){_PREFIXES}({body})(?!\w)")

    return alternation(hebrew), alternation(latin), alternation(short)


DEFAULT = Thesaurus()
