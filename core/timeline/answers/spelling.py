"""A question's misspelt words put right against the words the router reads ("recnt",
"hihgest", "tiems", "עדין"), for a second reading when the first placed nothing. A word is
put right only when one word of the list is nearest, one letter off (two for a word of eight
letters or more, a swap of two letters counting one); a short question word ("hiw many") only
by a slip to a key beside the one meant, and only before a word it comes before. Two words
typed as one ("lastvisit", "כמהביקורים") are parted where one cut makes two read words, and
a Hebrew word's end letter takes its final form ("זמנ", "פעמימ")."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from core.timeline.answers.asked import WORD_KINDS, asked_words
from core.timeline.reading.text import HEB
from core.timeline.resources import LANGUAGES, ROOT, RulesError, check_keys, load, where
from core.timeline.vocab.lexicon import CONDITIONS, DRUGS, PROCEDURES

_WORD = re.compile(rf"[A-Za-z{HEB}]+")
_SHORTEST = 4
# Hebrew writes most vowels with no letter: its short words sit one letter from each other.
_SHORTEST_HEBREW = 6
_HEBREW_PREFIXES = "הבלמוש"


@functools.cache
def vocabulary(root: Path = ROOT) -> frozenset[str]:
    """question_words.toml's words and the plain words of asked.toml's measures."""
    words: set[str] = set()
    _, lists = load("question_words", root)
    for lang in LANGUAGES:
        table = lists[lang]
        check_keys(
            table,
            {"words", "shorthand", "short", "joined"},
            where(root / lang / "question_words.toml", "words"),
        )
        if not all(isinstance(w, str) for w in table.get("words", [])):
            raise RulesError(f"{root / lang / 'question_words.toml'}: words are strings")
        words |= {w.casefold() for w in table.get("words", [])}
    for kind in WORD_KINDS:
        for pattern in (p for ps in asked_words(root, kind).values() for p in ps):
            words |= {w.casefold() for w in _plain_words(pattern) if len(w) >= _SHORTEST}
    return frozenset(words)


_LOOKAROUND = re.compile(r"\(\?<?[=!](?:[^()]|\([^()]*\))*\)")
_ONE_OPTIONAL = re.compile(r"([^\W\d_]*)([^\W\d_])\?([^\W\d_]*)")


def _plain_words(pattern: str) -> list[str]:
    """The words a measure's pattern spells out, a word with one optional letter both ways
    ("ha?emoglobin": haemoglobin, hemoglobin); never the letters after an optional one,
    which had made "emoglobin" a word to put "haemoglobin" right to."""
    pattern = _LOOKAROUND.sub(" ", pattern)  # what may stand beside a name is not a name
    out = [m.group() for m in _WORD.finditer(pattern) if pattern[m.start() - 1 : m.start()] != "?"]
    for piece in pattern.split():
        if (m := _ONE_OPTIONAL.fullmatch(piece)) is not None:
            out += [m[1] + m[3], m[1] + m[2] + m[3]]
    return out


@functools.cache
def shorthand(root: Path = ROOT) -> dict[str, str]:
    """question_words.toml's shorthand: "hw" is "how"."""
    _, lists = load("question_words", root)
    out: dict[str, str] = {}
    for lang in LANGUAGES:
        table: object = lists[lang].get("shorthand", {})
        path = root / lang / "question_words.toml"
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, str)
            for k, v in table.items()  # pyright: ignore[reportUnknownVariableType]
        ):
            raise RulesError(f"{where(path, 'shorthand')}: shorthand = {{ word = 'meant' }}")
        out |= {str(k).casefold(): str(v) for k, v in table.items()}  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return out


@functools.cache
def short_words(root: Path = ROOT) -> dict[str, frozenset[str]]:
    """question_words.toml's short question words, each with the words it comes before."""
    _, lists = load("question_words", root)
    out: dict[str, frozenset[str]] = {}
    for lang in LANGUAGES:
        table: object = lists[lang].get("short", {})
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)  # pyright: ignore[reportUnknownVariableType]
            for k, v in table.items()  # pyright: ignore[reportUnknownVariableType]
        ):
            path = root / lang / "question_words.toml"
            raise RulesError(f"{where(path, 'short')}: short = {{ word = ['next', ...] }}")
        for k, v in table.items():  # pyright: ignore[reportUnknownVariableType]
            out[str(k).casefold()] = frozenset(str(w).casefold() for w in v)  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return out


@functools.cache
def joined_words(root: Path = ROOT) -> frozenset[str]:
    """question_words.toml's short words that a missing space joins to the next one."""
    _, lists = load("question_words", root)
    out: set[str] = set()
    for lang in LANGUAGES:
        words: object = lists[lang].get("joined", [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):  # pyright: ignore[reportUnknownVariableType]
            raise RulesError(f"{where(root / lang / 'question_words.toml', 'joined')}: words")
        out |= {str(w).casefold() for w in words}  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return frozenset(out)


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}


def _beside(a: str, b: str) -> bool:
    """Whether keys `a` and `b` touch on a QWERTY keyboard."""
    if a not in _KEY or b not in _KEY or a == b:
        return False
    (ra, ia), (rb, ib) = _KEY[a], _KEY[b]
    # Each row sits about half a key right of the one above it.
    return abs(ra - rb) <= 1 and abs((ib + rb * 0.5) - (ia + ra * 0.5)) <= 1


def slipped(word: str, before: str, short: dict[str, frozenset[str]]) -> str | None:
    """The one short word `word` is a slip of (one letter, a key beside it) that comes
    before `before`, or None."""
    found = {
        w
        for w, nexts in short.items()
        if before.casefold() in nexts
        and len(w) == len(word)
        and sum(x != y for x, y in zip(w, word, strict=True)) == 1
        and all(x == y or _beside(x, y) for x, y in zip(w, word, strict=True))
    }
    return found.pop() if len(found) == 1 else None


@functools.cache
def _names() -> frozenset[str]:
    """The words of the drugs', conditions' and procedures' names: "latent" (tuberculosis)
    is a word of its own, not "latest" misspelt."""
    words: set[str] = set()
    for table in (DRUGS, CONDITIONS, PROCEDURES):
        for name, others in table.items():
            for text in (name, *others):
                words |= {w.casefold() for w in _WORD.findall(text)}
    return frozenset(words)


# Hebrew's five letters with a form of their own at a word's end: "זמנ" is "זמן" misspelt.
_FINAL = str.maketrans("מנכפצ", "םןךףץ")
_NOT_FINAL = str.maketrans("םןךףץ", "מנכפצ")


def _final_letters(word: str) -> str:
    """A Hebrew word with its end letter in its final form and the others not."""
    return word[:-1].translate(_NOT_FINAL) + word[-1].translate(_FINAL)


def _split(low: str, known: frozenset[str], few: dict[str, frozenset[str]]) -> str | None:
    """Two words typed with no space between ("lastvisit", "howmany", "כמהביקורים"): the
    one way to cut `low` into a question word and a listed word (a Hebrew one may carry a
    letter glued before it), or None."""
    heads = known | set(few) | joined_words()
    cuts = [
        f"{low[:i]} {low[i:]}"
        for i in range(2, len(low) - 2)
        if low[:i] in heads
        and (low[i:] in known or (low[i] in _HEBREW_PREFIXES and low[i + 1 :] in known))
    ]
    return cuts[0] if len(cuts) == 1 else None


def corrected(question: str) -> str | None:
    """The question with its misspelt words put right, or None when none was."""
    known = vocabulary()
    short = shorthand()
    few = short_words()
    names = _names()
    changed = False

    def fix(m: re.Match[str]) -> str:
        nonlocal changed
        word = m.group()
        low = word.casefold()
        if low in short:
            changed = True
            return short[low]
        after = _WORD.search(m.string, m.end())
        if low.isascii() and after is not None and low not in few:
            meant = slipped(low, after.group(), few)
            if meant is not None:
                changed = True
                return meant
        # "קופ״ח", "מנכ\"ל": an acronym's letters before its quote mark are no word's end.
        acronym = m.string[m.end() : m.end() + 1] in "\"'״׳"
        if not low.isascii() and not acronym and _final_letters(low) != low:
            changed = True
            return _final_letters(word)
        if len(low) < _SHORTEST or low in known or low in names:
            return word
        if (joined := _split(low, known, few)) is not None:
            changed = True
            return joined
        # A Hebrew word with a letter glued before it ("הרשון": the first, misspelt) is put
        # right on its own: the list holds its words bare.
        if not low.isascii() and low[0] in _HEBREW_PREFIXES and len(low) > _SHORTEST:
            if low[1:] in known:
                return word
            bare = _nearest(low[1:], known)
            if bare is not None:
                changed = True
                return word[0] + bare
        near = _nearest(low, known)
        if near is None:
            return word
        changed = True
        return near

    out = _WORD.sub(fix, question)
    return out if changed else None


def _nearest(low: str, known: frozenset[str]) -> str | None:
    """The one listed word `low` is a slip of, or None (none near, or two as near)."""
    if low in known:
        return None
    limit = 2 if len(low) >= 8 else 1
    # A short Hebrew word is put right only by a letter left out or in ("עדין" for
    # "עדיין"): one letter changed, "ירדה" (went down) would read "חרדה" (anxiety).
    short_hebrew = not low.isascii() and len(low) < _SHORTEST_HEBREW
    scorer = Indel.distance if short_hebrew else OSA.distance
    near = process.extract(low, known, scorer=scorer, score_cutoff=limit, limit=2)
    if short_hebrew and not near:
        # Two letters swapped keep every letter ("רשאון" for "ראשון"): that slip is safe.
        swapped = [w for w in known if sorted(w) == sorted(low) and OSA.distance(low, w) == 1]
        return swapped[0] if len(swapped) == 1 else None
    if not near:
        return None
    if len(near) == 2 and near[1][1] == near[0][1]:
        # As near to two words ("lats": last, labs): the one whose letters it keeps, two
        # of them swapped, is meant.
        best = near[0][1]
        tied = process.extract(low, known, scorer=scorer, score_cutoff=best, limit=None)
        swapped = [w for w, _, _ in tied if sorted(w) == sorted(low)]
        return swapped[0] if len(swapped) == 1 else None
    return near[0][0]
