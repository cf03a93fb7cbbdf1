"""Drug names the recogniser bent: Whisper, told the names, still fuses a spoken
verb into the name after it ("Continuousertraline", "Sartgabapentin") or drops a letter at
the boundary ("Start aproxen"). A word that is no English word but whose whole, or whose
tail after a short head, is a near spelling of a known drug name is written as that name
(and its head as a word of its own).

Known drug names: the client's own (the recogniser's prompt) and the timeline's general
drug lexicon, so a drug started today, not yet on the client's list, is known too.

It never makes a word sure: a word it rewrote carries `repaired`, and the review
(`core/dictation/review.py`) always highlights it. It changes no word that is English, a
known name, shorter than `MIN_LENGTH` letters, or not a close match; times are split
between the two words of an unfused word by their letters, and both keep the heard word's
confidence."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from core.dictation.types import Word
from core.timeline.vocab.lexicon import DRUGS

# The shortest heard word (letters) worth repairing, and of a name's part within a fused
# word: short words are near too many names ("artan" is within reach of several).
MIN_LENGTH = 6
# How near (rapidfuzz's ratio, 0-100) a heard spelling must be to a name: a letter or two
# in ten ("aproxen" 93 for naproxen, "omoxicillin" 91 for amoxicillin). Two names this
# near each other are both in the lexicon, and a known name is never rewritten.
WHOLE_AT_LEAST = 85.0
# A name found inside a longer word must be nearer still: it has more ways to be chance.
TAIL_AT_LEAST = 88.0
# The shortest end of a client's name taken for the whole name ("artan" of "losartan").
MIN_TAIL = 5
# A fused word's head is a spoken word, at most this long ("Continuou" of "Continue").
MAX_HEAD = 10
# A head this near a verb that opens a plan line is written as that verb ("Sart": start).
_VERBS = ("start", "continue", "stop", "increase", "decrease", "reduce", "restart", "hold")
VERB_AT_LEAST = 80.0

# A name heard as this many words at most ("gaba pen tin").
MAX_JOINED = 3
_ENDS = (".", "?", "!", ",", ";", ":")

IsWord = Callable[[str], bool]
_LETTERS = re.compile(r"^([^\W\d_]+)([^\w]*)$")


def drug_names(client_medications: Iterable[str] = ()) -> frozenset[str]:
    """Single-word drug names, lower case: the client's and the general lexicon's."""
    return _lexicon() | {n.casefold() for m in client_medications for n in m.split()}


@lru_cache(maxsize=16)
def ordered(names: frozenset[str]) -> tuple[str, ...]:
    """`names` in a fixed order: rapidfuzz gives the first of names as near as each other,
    and a set's order changes from one run of Python to the next."""
    return tuple(sorted(names))


@lru_cache(maxsize=1)
def _lexicon() -> frozenset[str]:
    return frozenset(n for n in DRUGS if n.isalpha())


def repair(
    words: Sequence[Word],
    names: frozenset[str],
    is_word: IsWord,
    client: frozenset[str] = frozenset(),
) -> list[Word]:
    """`words` with each bent drug name written as its name; `is_word` says whether a
    lower-case spelling is an English word (the recogniser's own vocabulary knows). A name
    heard as two or three words ("metform in") is one word again when, joined, they are
    nearer a name than any one of them. A word that is the end of exactly one of the
    `client`'s own names, its start swallowed by the word before ("Continuous artan"), is
    that name."""
    out: list[Word] = []
    i = 0
    while i < len(words):
        joined = _joined(words[i : i + MAX_JOINED], names, is_word)
        if joined is not None:
            n, texts = joined
            out.extend(_split(_span(words[i : i + n]), texts, repaired=True))
            i += n
        else:
            out.extend(_repair_word(words[i], names, is_word))
            i += 1
    return [_headless(w, names, is_word, client) for w in out]


def _headless(word: Word, names: frozenset[str], is_word: IsWord, client: frozenset[str]) -> Word:
    m = _LETTERS.match(word.text)
    if word.repaired or m is None:
        return word
    low = m.group(1).casefold()
    if len(low) < MIN_TAIL or low in names or is_word(low):
        return word
    ends = [n for n in client if n.endswith(low) and len(n) - len(low) >= 2]
    return replace(word, text=ends[0] + m.group(2), repaired=True) if len(ends) == 1 else word


def _joined(
    window: Sequence[Word], names: frozenset[str], is_word: IsWord
) -> tuple[int, list[str]] | None:
    """(how many words, what they are) where the first two or three of `window` are one
    bent name; None where no join beats the first word on its own."""
    best: tuple[float, int, list[str]] | None = None
    for n in range(2, len(window) + 1):
        parts = [_LETTERS.match(w.text) for w in window[:n]]
        if any(p is None for p in parts) or any(w.text.endswith(_ENDS) for w in window[: n - 1]):
            break
        letters = [p.group(1) for p in parts if p is not None]
        lows = [x.casefold() for x in letters]
        if any(x in names for x in lows) or all(is_word(x) for x in lows):
            break
        trail = window[n - 1].text[len(letters[-1]) :]
        found = _fix_letters("".join(letters), trail, names, is_word, joined=True)
        if found is not None and (best is None or found[0] > best[0]):
            best = (found[0], n, found[1])
    if best is None:
        return None
    # A word of the window that is the name on its own ("Then Tamsulosine") needs no join.
    alone = [f[0] for w in window[: best[1]] if (f := _fix(w.text, names, is_word))]
    return None if alone and max(alone) >= best[0] else (best[1], best[2])


def _span(words: Sequence[Word]) -> Word:
    """Words heard as pieces of one, as one: their time, the least sure one's confidence."""
    return Word(
        "".join(w.text for w in words),
        words[0].start,
        words[-1].end,
        min(w.confidence for w in words),
    )


def _repair_word(word: Word, names: frozenset[str], is_word: IsWord) -> list[Word]:
    parts = word.text.split("-")
    if len(parts) > 1 and all(parts):  # "Start-approxen": each part on its own
        fixed = [f[1] if (f := _fix(p, names, is_word)) else None for p in parts]
        if all(f is None for f in fixed):
            # No part is a name, but the parts may be one cut in two ("pre-gabbalin"),
            # unless each is a word of its own ("follow-up").
            whole = (
                None
                if all(is_word(p.casefold()) for p in parts)
                else _fix("".join(parts), names, is_word, joined=True)
            )
            return [word] if whole is None else _split(word, whole[1], repaired=True)
        texts = [t for p, f in zip(parts, fixed, strict=True) for t in (f or [p])]
        return _split(word, texts, repaired=True)
    fixed = _fix(word.text, names, is_word)
    return [word] if fixed is None else _split(word, fixed[1], repaired=True)


def _fix(
    text: str, names: frozenset[str], is_word: IsWord, *, joined: bool = False
) -> tuple[float, list[str]] | None:
    """How near, and the words `text` should be; None to leave it. `joined`: `text` is
    pieces put together, so being a name already is a repair too."""
    m = _LETTERS.match(text)
    if m is None:
        return None
    return _fix_letters(m.group(1), m.group(2), names, is_word, joined=joined)


def _fix_letters(
    letters: str, trail: str, names: frozenset[str], is_word: IsWord, *, joined: bool = False
) -> tuple[float, list[str]] | None:
    low = letters.casefold()
    if joined and low in names:  # "at orvastatin"
        return 100.0, [_like(letters, low) + trail]
    if len(low) < MIN_LENGTH or low in names or is_word(low):
        return None
    whole = process.extractOne(low, ordered(names), scorer=fuzz.ratio, score_cutoff=WHOLE_AT_LEAST)
    if whole is not None:
        return whole[1], [_like(letters, whole[0]) + trail]
    verb = _after_verb(low, names)
    if verb is not None:
        score, k, name = verb
        return score, [_like(letters[:k], low[:k]), name + trail]
    best: tuple[float, int, str] | None = None  # (score, head length, name)
    for k in range(1, min(MAX_HEAD, len(low) - MIN_LENGTH) + 1):
        hit = process.extractOne(
            low[k:], ordered(names), scorer=fuzz.ratio, score_cutoff=TAIL_AT_LEAST
        )
        if hit is not None and (best is None or hit[1] > best[0]):
            best = (hit[1], k, hit[0])
    if best is None:
        return None
    score, k, name = best
    return score, [_head(letters[:k]), name + trail]


def _after_verb(low: str, names: frozenset[str]) -> tuple[float, int, str] | None:
    """(score, the verb's length, the name) where `low` is a plan verb spelled whole and
    fused with a name heard as near as a whole word must be ("startcitalopramide": start,
    citalopram at 87). Taken before any other cut: the verb is the likelier boundary than a
    cut that finds another name inside the word ("cita" + "loperamide")."""
    for verb in _VERBS:
        if low.startswith(verb) and len(low) - len(verb) >= MIN_LENGTH:
            hit = process.extractOne(
                low[len(verb) :], ordered(names), scorer=fuzz.ratio, score_cutoff=WHOLE_AT_LEAST
            )
            if hit is not None:
                return hit[1], len(verb), hit[0]
    return None


def _head(head: str) -> str:
    verb, score, _ = process.extractOne(head.casefold(), _VERBS, scorer=fuzz.ratio)
    return _like(head, verb) if score >= VERB_AT_LEAST else head


def _like(heard: str, name: str) -> str:
    """`name` capitalised as the heard word was (a sentence's first word)."""
    return name[:1].upper() + name[1:] if heard[:1].isupper() else name


def _split(word: Word, texts: Sequence[str], *, repaired: bool) -> list[Word]:
    """`word` as `texts`, its time shared by their letters, each with its confidence."""
    if len(texts) == 1:
        return [replace(word, text=texts[0], repaired=repaired)]
    sizes = [max(len(t), 1) for t in texts]
    total = sum(sizes)
    out: list[Word] = []
    start = word.start
    for i, (text, size) in enumerate(zip(texts, sizes, strict=True)):
        last = i == len(texts) - 1
        end = word.end if last else round(start + (word.end - word.start) * size / total, 3)
        out.append(replace(word, text=text, start=start, end=end, repaired=repaired))
        start = end
    return out
