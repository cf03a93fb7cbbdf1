"""Shared pieces of the extractor: sentences that keep their offsets, and name lexicons
compiled into one pattern each (longest name first, Hebrew one-letter prefixes allowed)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from core.timeline.resources import HEB

# A question mark ends a sentence only before a space: "?UTI" is a query of one name.
_BREAK = re.compile(r"\.(?=\s|$)|\?(?=\s|$)|[;!\n•]")
# A dot after these is an abbreviation's ("cont. lisinopril"), not a sentence's end.
_ABBREVIATIONS = frozenset(
    [
        "cont",
        "approx",
        "pt",
        "pts",
        "dr",
        "vs",
        "e.g",
        "i.e",
        "etc",
        "mr",
        "mrs",
        "ms",
        "st",
        "no",
        "b.i.d",
        "t.i.d",
        "q.i.d",
        "q.d",
        "p.o",
        "po",
        "hx",
        "dx",
        "rx",
        "tx",
        "sx",
        "fx",
        "wk",
        "wks",
        "yr",
        "yrs",
        "mo",
        "mos",
        "min",
        "hr",
        "hrs",
        "sec",
        "ref",
        "resp",
        "temp",
        "abd",
        "ext",
        "lt",
        "rt",
        "bilat",
        "prn",
        "incr",
        "decr",
        "tab",
        "tabs",
        "cap",
        "caps",
        "inj",
        "approx",
        "avg",
        "sig",
        # "Meds incl. X and Y", "esp. at night": the list or the clause goes on.
        "incl",
        "inc",
        "esp",
    ]
)


@dataclass(frozen=True)
class Sentence:
    start: int
    text: str


def sentences(text: str) -> Iterator[Sentence]:
    """Pieces of `text` between sentence ends, with their offsets. A dot ends a sentence
    when a space or the end follows it, unless it ends an abbreviation; "A1c 7.1" and
    "cont. lisinopril" go on."""
    start = 0
    for m in _BREAK.finditer(text):
        if m.group(0) == ".":
            word = re.search(r"(\S+)$", text[start : m.start()])
            if word is not None and word.group(1).casefold().lstrip("(") in _ABBREVIATIONS:
                continue
        if m.start() > start:
            yield Sentence(start, text[start : m.start()])
        start = m.end()
    if start < len(text):
        yield Sentence(start, text[start:])


def _trie(words: list[str]) -> str:
    """One pattern for many words, their shared beginnings written once: Python's re tries
    an alternation's branches one by one, and a lexicon of hundreds of names made that the
    extractor's main cost. The longest word that fits is tried first."""
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict[str, Any]]) -> str:
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


@dataclass(frozen=True)
class Lexicon:
    """Names to their canonical form, found as whole words. Short upper-case abbreviations
    ("AF", "PE", "OA") match only in upper case: in lower case they are ordinary words."""

    canonical: dict[str, str]
    pattern: re.Pattern[str]
    short: re.Pattern[str] | None

    @classmethod
    def of(cls, table: Mapping[str, tuple[str, ...]]) -> Lexicon:
        canonical: dict[str, str] = {}
        for name, others in table.items():
            for form in (name, *others):
                canonical.setdefault(form.casefold(), name)
        short = [f for f in canonical if len(f) <= 3 and f.isascii() and f.isalpha()]
        words = _trie([f for f in canonical if f not in short])
        edge = rf"(?![\w{HEB}])"
        # An English plural ("migraines", "UTIs") is its name's: the name is group "w".
        pattern = re.compile(
            rf"(?:(?<![\w{HEB}])|(?<=(?<![\w{HEB}])[והבלמשכ])|(?<=(?<![\w{HEB}])[ושכ][הבלמ])"
            # "מהפרדניזולון": "from the" before a name.
            rf"|(?<=(?<![\w{HEB}])מה))"
            rf"(?P<w>{words})(?:(?<=[a-z])(?:s|es))?{edge}",
            re.IGNORECASE,
        )
        caps = "|".join(re.escape(f.upper()) for f in sorted(short, key=len, reverse=True))
        # "CP/SOB", "SI/HI": a slash joins abbreviations; "GAD-7" is a questionnaire. Hebrew
        # joins a one-letter prefix to a Latin word with a hyphen: "מ-LBP", "ל-ACS".
        short_pattern = (
            re.compile(
                rf"(?:(?<![\w{HEB}-])|(?<=(?<![\w{HEB}])[והבלמשכ]-))(?P<w>{caps})s?(?![\w{HEB}-])"
            )
            if caps
            else None
        )
        return cls(canonical, pattern, short_pattern)

    def named(self, phrase: str) -> str | None:
        """The canonical name `phrase` is whole ("colon cancer" is colorectal cancer), or
        None when it is no name or only part of one."""
        whole = [n for a, b, n in self.find(phrase) if a == 0 and b == len(phrase)]
        return whole[0] if whole else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, canonical name) of each mention, left to right, none overlapping."""
        found = [
            (m.start(), m.end(), self.canonical[m.group("w").casefold()])
            for m in self.pattern.finditer(text)
        ]
        if self.short is not None:
            for m in self.short.finditer(text):
                if all(m.end() <= a or m.start() >= b for a, b, _ in found):
                    found.append((m.start(), m.end(), self.canonical[m.group("w").casefold()]))
        return sorted(found)
