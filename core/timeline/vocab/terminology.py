"""Condition names from a maintained terminology: ICD-10-CM's titles and inclusion terms.

The terminology is the tabular list that ships with `simple-icd-10-cm` (MIT; ICD-10-CM is
the US government's, public domain). Only its data file is read, never its code: the
package parses the whole list into memory at import, and the extractor needs only the names.
Which titles become names is data: `resources/en/terminology.toml` (chapters, the coder's
qualifiers cut away, the words that make a title a class rather than a condition).

A title that the project's lexicon names by its code (`vocab/conditions.py`'s ICD10) takes
the lexicon's name, so "Transient cerebral ischemic attack" is the lexicon's transient
ischemic attack; any other keeps its own words ("malignant neoplasm of colon", "snoring").
"""

from __future__ import annotations

import functools
import importlib.metadata as md
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from core.timeline.resources import ROOT, RulesError, check_keys, load, strings
from core.timeline.vocab.conditions import named_by_code

_DIST = "simple-icd-10-cm"
_KEYS = {"chapters", "suffixes", "coder_words", "longest", "not_alone", "not_before"}
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")
# "CADASIL", "AIPHI": a title that is an acronym is read by the lexicon or not at all, as
# a lower-case word it would be any word.
_ACRONYM = re.compile(r"^[A-Z0-9]{2,8}$")
WORD = re.compile(r"[a-z0-9]+(?:'s)?")


@dataclass(frozen=True)
class Rules:
    chapters: tuple[str, ...]
    suffixes: tuple[str, ...]
    coder_words: frozenset[str]
    longest: int
    not_alone: frozenset[str]
    not_before: frozenset[str]


@functools.cache
def rules(root: Path = ROOT) -> Rules:
    """en/terminology.toml's [terminology], checked: a wrong key or type stops the start."""
    _, by_lang = load("terminology", root)
    path = root / "en" / "terminology.toml"
    table = by_lang["en"].get("terminology", {})
    check_keys(table, _KEYS, f"{path}: [terminology]")
    longest = table.get("longest", 5)
    if not isinstance(longest, int) or longest < 1:
        raise RulesError(f"{path}: [terminology] longest is a whole number of words, 1 or more")
    return Rules(
        tuple(strings(table, "chapters", path, "terminology")),
        tuple(strings(table, "suffixes", path, "terminology")),
        frozenset(strings(table, "coder_words", path, "terminology")),
        longest,
        frozenset(strings(table, "not_alone", path, "terminology")),
        frozenset(strings(table, "not_before", path, "terminology")),
    )


def words_of(text: str) -> tuple[str, ...]:
    """The words of a name or a note's phrase as the terminology is looked up: lower case,
    hyphens and apostrophes as spaces ("Head-louse" is "head louse"). The titles are in
    American spelling; a note's words are put into it by the reader."""
    return tuple(WORD.findall(text.casefold().replace("'s", " ")))


def _tabular() -> Path | None:
    try:
        files = md.files(_DIST) or []
    except md.PackageNotFoundError:
        return None
    found = [f for f in files if f.suffix == ".xml" and "tabular" in f.name]
    return Path(str(found[0].locate())) if found else None


def name_of(title: str, r: Rules) -> tuple[str, ...] | None:
    """The words of `title` as a name a note writes, or None where it is a coder's class."""
    if _ACRONYM.search(title):
        return None
    t = _BRACKETS.sub("", title.casefold()).strip()
    changed = True
    while changed:
        changed = False
        for suffix in r.suffixes:
            if t.endswith(suffix):
                t, changed = t[: -len(suffix)].strip(), True
    if "," in t or ";" in t:
        return None
    words = words_of(t)
    if not words or len(words) > r.longest or any(w in r.coder_words for w in words):
        return None
    if len(words) == 1 and (words[0] in r.not_alone or len(words[0]) < 4):
        return None
    if any(w.isdigit() for w in words):
        return None
    return words


@functools.cache
def terms() -> dict[tuple[str, ...], str]:
    """Every name the terminology gives a condition: its words to the name it is read as.
    Empty where the package is not installed (the lexicon still reads every note)."""
    path = _tabular()
    if path is None:
        return {}
    r = rules()
    out: dict[tuple[str, ...], str] = {}
    for _, el in ET.iterparse(path, events=("end",)):
        if el.tag != "diag":
            continue
        code = el.findtext("name") or ""
        if not code.startswith(r.chapters):
            continue
        titles = [el.findtext("desc") or ""]
        titles += [n.text or "" for n in el.findall("inclusionTerm/note")]
        own = named_by_code(code)
        for title in titles:
            words = name_of(title, r)
            if words is not None:
                out.setdefault(words, own or " ".join(words))
    return out
