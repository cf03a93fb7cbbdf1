"""What a search result's row shows: where the query's words stand in a note, and the part
of the note around them, cut to what the row has room for.

Plain text only (no Qt): ui/notes/snippets.py measures and paints it. The search itself found
the note by its words (BM25, which also knows clinical abbreviations and Hebrew one-letter
prefixes) or by meaning; this finds where those words are, so that the row can show them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from core.retrieval.synonyms import PHRASES, SYNONYMS

ELLIPSIS = "…"
Span = tuple[int, int]

# One-letter Hebrew prefixes (and, the, in, as, to, from, that) come before a word: a
# search for "כאב" finds "והכאב", and one for "והכאב" finds "כאב". Up to two of them, and
# the word keeps three letters, as the lexical search does (core.retrieval.lexical).
_HEBREW_PREFIXES = "והבכלמש"
_MAX_PREFIXES = 2
_MIN_STEM = 3
_HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
_WORD = re.compile(r"\w+")
# After a number, these start its unit ("70.7 /min", "400 mg", "36.8 °C", "3 ימים"): a cut
# between the two would leave a number that says nothing, or a unit that reads as a word.
_UNIT_START = re.compile(r"[^\W\d_]|[/%°µ]")


def query_terms(query: str) -> list[str]:
    """The query's words of two letters or more, lower-cased, a Hebrew word also without
    its one-letter prefixes; the longest first, so that it is marked where two overlap."""
    terms: set[str] = set()
    for word in _WORD.findall(query.casefold()):
        if len(word) < 2:
            continue
        terms.add(word)
        stem, stripped = word, 0
        while (
            stripped < _MAX_PREFIXES
            and len(stem) > _MIN_STEM
            and stem[0] in _HEBREW_PREFIXES
            and _HEBREW_LETTER.match(stem[1])
        ):
            stem, stripped = stem[1:], stripped + 1
            terms.add(stem)
    return sorted(terms, key=lambda t: (-len(t), t))


def other_names(query: str) -> list[str]:
    """The other names of the clinical terms the query names ("HR" and "heart rate" for
    "pulse"), as the lexical search adds them; a one-letter name ("K") only for a term the
    query spells out ("potassium"), as a lone letter is too often something else."""
    low = query.casefold()
    named = {key for key, pattern in PHRASES if pattern.search(low)}
    spelled = {key for key in named if any(len(f) > 1 and _names(f, low) for f in SYNONYMS[key])}
    forms = {f for key in named for f in SYNONYMS[key] if len(f) > 1 or key in spelled}
    return sorted(forms, key=lambda f: (-len(f), f))


def _names(form: str, low: str) -> bool:
    """Whether `low` holds `form` as words of its own (as core.retrieval.synonyms looks)."""
    return re.search(rf"(?<![\w'’-]){re.escape(form)}(?![\w-])", low) is not None


def match_spans(text: str, query: str, names: Sequence[str] = ()) -> list[Span]:
    """Where the query's words stand in `text`, as sorted, non-overlapping (start, end)
    spans: at the start of a word of `text`, in any case, after up to two Hebrew
    one-letter prefixes (left outside the span). Where none of them does, where the text
    names a term of the query in other words ("HR 72" for "pulse"; `names`, the search's
    other names for the query's things: "metformin" for "מטפורמין"): why the search found
    it. Empty: the search found the text by its meaning alone."""
    prefix = f"[{_HEBREW_PREFIXES}]{{0,{_MAX_PREFIXES}}}?"
    spans = _spans(text, [rf"(?<!\w){prefix}({re.escape(t)})" for t in query_terms(query)])
    if not spans:
        others = sorted({*other_names(query), *names}, key=lambda f: (-len(f), f))
        spans = _spans(text, [rf"(?<!\w)({re.escape(f)})(?!\w)" for f in others])
    return spans


def _spans(text: str, patterns: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    for pattern in patterns:
        for match in re.finditer(pattern, text, re.IGNORECASE):
            start, end = match.span(1)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
    return sorted(spans)


def anchor(line: str, spans: Sequence[Span], room: int) -> Span:
    """The part of `line` to centre a row on: the run of matches, at most `room` characters
    long, that holds the most of the query's words (weighed by length), the shortest and
    then the earliest of equals. "LDL cholesterol" centres on "LDL cholesterol: 105", not
    on an earlier "Cholesterol total". (0, 0) when nothing matched: the text's start."""
    best: tuple[tuple[int, int, int], Span] | None = None
    for i, (first, first_end) in enumerate(spans):
        seen: set[str] = set()
        weight, end = 0, first_end
        for j, (start, stop) in enumerate(spans[i:]):
            if j and stop - first > room:
                break
            word = line[start:stop].casefold()
            if word not in seen:
                seen.add(word)
                weight, end = weight + len(word), stop
        key = (weight, first - end, -first)
        if best is None or key > best[0]:
            best = (key, (first, end))
    return best[1] if best else (0, 0)


def _cuttable(line: str, i: int) -> bool:
    """Whether the text may be cut at the space at `i`: not between a number and its unit."""
    return not (i > 0 and line[i - 1].isdigit() and _UNIT_START.match(line, i + 1) is not None)


def window(line: str, span: Span, chars: int) -> Span:
    """The (start, end) of the part of `line` (one line, single spaces) to show in about
    `chars` characters, counting an "…" for each cut end: `span` whole, near the middle,
    cut only at spaces (never inside a word or a number, nor between a number and its
    unit). Wider than `chars` only when the words of `span` alone are."""
    n = len(line)
    cuts = [i for i, ch in enumerate(line) if ch == " " and _cuttable(line, i)]
    starts = [0, *(i + 1 for i in cuts)]  # sorted, as `cuts` is
    ends = [*cuts, n]
    left = starts[bisect.bisect_right(starts, span[0]) - 1]
    right = ends[bisect.bisect_left(ends, span[1])]

    def width(start: int, end: int) -> int:
        return end - start + (start > 0) + (end < n)

    while True:
        at = bisect.bisect_left(starts, left)
        wider_left = starts[at - 1] if at > 0 else None
        at = bisect.bisect_right(ends, right)
        wider_right = ends[at] if at < len(ends) else None
        # The side with less of the note around the match grows first: the match stays
        # near the middle, and once one end is reached the other side has the rest.
        grow = [(wider_left, right), (left, wider_right)]
        if right - span[1] < span[0] - left:
            grow.reverse()
        for start, end in grow:
            if start is not None and end is not None and width(start, end) <= chars:
                left, right = start, end
                break
        else:
            return left, right


def shown(line: str, spans: Sequence[Span], chars: int) -> tuple[str, list[Span]]:
    """The part of `line` a row of about `chars` characters shows, centred on its best
    match, with "…" where it is cut; and the matches' spans within it."""
    start, end = window(line, anchor(line, spans, chars - 2), chars)
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(line) else ""
    shift = len(lead) - start
    inside = [(s + shift, e + shift) for s, e in spans if s >= start and e <= end]
    return lead + line[start:end] + tail, inside


def one_line(text: str) -> str:
    """`text` with every run of white space (line breaks too) folded to one space."""
    return " ".join(text.split())
