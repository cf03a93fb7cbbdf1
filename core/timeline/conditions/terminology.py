"""Conditions the lexicon does not name, found by the terminology's names
(`core.timeline.vocab.terminology`): "malignant neoplasm of colon", "snoring", "ascites".
The lexicon reads first; a name here counts only where no lexicon's name, procedure or
referral already holds its words, and the reader then weighs its context as any other."""

from __future__ import annotations

import re

from core.timeline.conditions.codes import has_code
from core.timeline.conditions.naming import american
from core.timeline.vocab.terminology import rules, terms, words_of

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
# Between two words of one name: spaces, or a hyphen ("non-ST", "head-louse").
_JOIN = re.compile(r"\s*-?\s*")
_NEXT = re.compile(r"[\s-]*([A-Za-z-]+)")
Span = tuple[int, int, str]


def _singular(word: str) -> str | None:
    for ending, base in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)] + base
    return None


def _named(words: tuple[str, ...], table: dict[tuple[str, ...], str]) -> str | None:
    """The terminology's name for `words`, or for them with the last in the singular
    ("gallstones", "bunions")."""
    name = table.get(words)
    if name is None and words:
        one = _singular(words[-1])
        if one is not None:
            name = table.get((*words[:-1], one))
    return name


# "E11.65 - Type 2 DM with hyperglycemia": a coded problem's title names its complication
# or cause after the condition; it is that condition's, not another. In free text
# ("cirrhosis with ascites") the finding after "with" is the patient's own.
_QUALIFIER = re.compile(r"\s*(?:with|without|w/o?|due to|secondary to)\s*", re.I)


def _qualifies(body: str, start: int, found: list[Span]) -> bool:
    if not has_code(body):
        return False
    return any(e <= start and _QUALIFIER.fullmatch(body, e, start) for _, e, _ in found)


def termed_conditions(body: str, found: list[Span]) -> list[Span]:
    """(start, end, name) of each terminology name in `body` that overlaps none of
    `found`, longest first, left to right."""
    table = terms()
    if not table:
        return []
    longest = max(map(len, table), default=0)
    spans = [
        (m.start(), m.end(), tuple(map(american, words_of(m.group(0)))))
        for m in _WORD.finditer(body)
    ]
    out: list[Span] = []
    i = 0
    while i < len(spans):
        hit = None
        reach = 1
        while (
            reach < min(longest, len(spans) - i)
            and _JOIN.fullmatch(body, spans[i + reach - 1][1], spans[i + reach][0]) is not None
        ):
            reach += 1
        for n in range(reach, 0, -1):
            words = tuple(w for s in spans[i : i + n] for w in s[2])
            name = _named(words, table)
            if name is not None:
                hit = (spans[i][0], spans[i + n - 1][1], name), n
                break
        if hit is None:
            i += 1
            continue
        (a, b, name), n = hit
        after = _NEXT.match(body, b)
        if after is not None and after.group(1).casefold() in rules().not_before:
            i += n
            continue
        if all(b <= s or a >= e for s, e, _ in found) and not _qualifies(body, a, found):
            out.append((a, b, name))
        i += n
    return out
