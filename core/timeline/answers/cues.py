"""The words that place a question over time: `resources/{en,he}/question_cues.toml`, read
and checked once. Each table is one cue (`latest`, `stopped`, `how_long`, ...): its `words`
are matched as whole words, its `phrases` as written; a cue is the English and the Hebrew
of it as one pattern. A misspelt cue or key, or a word that is not a regular expression,
stops the start with its file and line (`RulesError`). Which cue places which question is
the router's (questions.py); the words are here."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, cast

from core.timeline.resources import (
    LANGUAGES,
    ROOT,
    WORD_END,
    WORD_START,
    RulesError,
    check_keys,
    expand,
    fragments_of,
    line_of,
    strings,
    where,
)
from core.timeline.resources import load as load_rules

W = WORD_START
E = WORD_END
# Hebrew joins "the", "in", "from", "to" and "and" to the word: המפגש, מהמפגש, בביקור.
HP = "[והבלמש]{0,3}"

# The cues the router reads; a table of another name is a misspelling.
NAMES = frozenset(
    """
    latest first change trend every listed highest lowest worst best by_how_much count
    stopped now ever of_the_record last last_plural dose still how_many_times times_seen
    when dated since not_on prescribed started meds treated given_for for_what diagnosed
    visit visits visit_dates came future not_seen content how_long how_many any_record on_file
    referred taking current over_time order_only why leans asks_of_a_drug last_n_before last_n_after
    taken_back in_the_record set_aside dictated_question_mark dictated_full_stop dictated_comma
    the_practice the_asker purpose not_a_name opening_word telling indirect_ask
    """.split()  # noqa: SIM905 (a list of names, one word each, reads best as words)
)
_PLAIN = frozenset({"fragments", "numbers", "filler", "shorthand"})
_FILE = "question_cues"

Cue = tuple[tuple[str, ...], tuple[str, ...]]  # (words, phrases), expanded


@functools.cache
def _tables(root: Path = ROOT) -> dict[str, dict[str, Any]]:
    _, by_lang = load_rules(_FILE, root)
    for lang in LANGUAGES:
        path = root / lang / f"{_FILE}.toml"
        for name in by_lang[lang]:
            if name not in NAMES | _PLAIN:
                raise RulesError(f"{where(path, name)}: no cue named {name!r}")
    return by_lang


@functools.cache
def cues(lang: str, root: Path = ROOT) -> dict[str, Cue]:
    """One language's cues, each word and phrase checked as a regular expression."""
    tables = _tables(root)[lang]
    path = root / lang / f"{_FILE}.toml"
    fragments = {"w": W, "e": E, "hp": HP, **fragments_of(tables.get("fragments", {}), path)}
    out: dict[str, Cue] = {}
    for name, entry in tables.items():
        if name in _PLAIN:
            continue
        if not isinstance(entry, dict):
            raise RulesError(f"{where(path, name)}: {name} is a table: [{name}] words = [...]")
        table = cast(dict[str, Any], entry)
        check_keys(table, {"words", "phrases"}, where(path, name))
        words, phrases = (strings(table, key, path, name) for key in ("words", "phrases"))
        out[name] = (
            tuple(expand(w, fragments, line_of(path, w)) for w in words),
            tuple(expand(p, fragments, line_of(path, p)) for p in phrases),
        )
    return out


def alternatives(name: str, langs: tuple[str, ...] = LANGUAGES, root: Path = ROOT) -> str:
    """`(?:…)` of the cue's words, English then Hebrew (or `langs`'), with no edges."""
    words = [w for lang in langs for w in cues(lang, root).get(name, ((), ()))[0]]
    if not words:
        raise RulesError(f"{_FILE}.toml: no words for the cue {name!r} in {', '.join(langs)}")
    return f"(?:{'|'.join(words)})"


@functools.cache
def cue(name: str, root: Path = ROOT) -> re.Pattern[str]:
    """The cue as one pattern, without case: its words as whole words, then its phrases."""
    found = [cues(lang, root).get(name, ((), ())) for lang in LANGUAGES]
    parts = [f"{W}{alternatives(name, root=root)}{E}"] if any(w for w, _ in found) else []
    parts += [p for _, phrases in found for p in phrases]
    if not parts:
        raise RulesError(f"{_FILE}.toml: no words or phrases for the cue {name!r}")
    return re.compile("|".join(parts), re.IGNORECASE)


@functools.cache
def numbers(lang: str, root: Path = ROOT) -> dict[str, int]:
    """The counts one language writes as words ("three", "שלושת")."""
    table = cast(dict[str, object], _tables(root)[lang].get("numbers", {}))
    if not all(isinstance(v, int) for v in table.values()):
        raise RulesError(f"{where(root / lang / f'{_FILE}.toml', 'numbers')}: counts are numbers")
    return cast(dict[str, int], dict(table))


@functools.cache
def shorthand(lang: str, root: Path = ROOT) -> dict[str, str]:
    """The words one language writes short, each with the word it stands for ("ביק'":
    "ביקור")."""
    table = cast(dict[str, object], _tables(root)[lang].get("shorthand", {}))
    if not all(isinstance(v, str) and v for v in table.values()):
        path = root / lang / f"{_FILE}.toml"
        raise RulesError(f"{where(path, 'shorthand')}: each short word stands for a word")
    return cast(dict[str, str], dict(table))


@functools.cache
def filler(root: Path = ROOT) -> frozenset[str]:
    """A question's own words, in every language: never what it asks about."""
    out: set[str] = set()
    for lang in LANGUAGES:
        table = _tables(root)[lang].get("filler", {})
        out |= set(strings(table, "words", root / lang / f"{_FILE}.toml", "filler"))
    return frozenset(out)
