"""Citation markers in a model's answer, checked against the sources
(docs/architecture.md, ask step 7)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from core.assistant.prompt import REFUSAL, REFUSAL_MESSAGE, focus
from core.messages import Message, render
from core.messages.answer import SECTION_WORDS
from core.retrieval.types import SearchHit

Similarity = Callable[[list[str], list[int]], list[float]]
"""`similarity(sentences, source_numbers)`: one cosine similarity per (sentence, source)."""

# `[1]`, `[1, 2]`, `[1-3]`, `[Source 2]`. Three digits at most: `[2024]` is a year.
_MARKER = re.compile(
    r"\[\s*(?:sources?\s*)?(\d{1,3}(?:\s*(?:[,;]|-|–|and)\s*(?:sources?\s*)?\d{1,3})*)\s*\]",
    re.IGNORECASE,
)
_PLAIN_MARKER = re.compile(r"\[\d{1,3}(?:, ?\d{1,3})*\]")
_NUMBER_OR_RANGE = re.compile(r"(\d+)(?:\s*[-–]\s*(\d+))?")
_MAX_RANGE = 50
# Sentence ends: terminal punctuation, closing quotes, any markers placed after the stop,
# then whitespace or the end of the line (so `2.5 mg` is not an end).
_END = re.compile(r"[.!?]+[\"'”’)]*(?:\s*" + _MARKER.pattern + r")*(?:\s+|$)", re.IGNORECASE)
# Words that end in a full stop mid-sentence. Not "no": "No." is a common short answer.
_ABBREVIATION_WORDS = (
    "dr mr mrs ms prof st vs etc e.g eg i.e ie approx appt wk wks hr hrs min mins tab tabs "
    "cap caps b.i.d t.i.d q.i.d p.r.n bid tid qid prn po pt pts dept fig jan feb apr jun jul "
    "aug sep sept oct nov dec mon tue wed thu fri"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_REFUSAL = re.compile(
    r"^(?:the\s+)?(?:notes|sources)\s+(?:do\s+not|don't|does\s+not|doesn't)\s+"
    r"(?:say|mention|contain|include|specify|state|answer|record|describe)"
    r"|^(?:i\s+)?(?:don't|do\s+not|cannot|can't)\s+(?:know|answer|find)"
    r"|^(?:there\s+is\s+)?no\s+(?:information|mention)\b"
    r"|^(?:this|that|it)\s+is\s+not\s+(?:mentioned|stated|recorded)\b"
)
_CANONICAL_REFUSAL = REFUSAL.rstrip(".").lower()


@dataclass(frozen=True)
class CitedSource:
    n: int
    used: bool
    reason: str  # the first sentence citing the source, markers stripped
    support: float | None  # best similarity of a citing sentence to the source


@dataclass(frozen=True)
class ParsedAnswer:
    text: str
    citations: dict[int, CitedSource]
    invalid_markers: list[int] = field(default_factory=list[int])
    weak_sentences: list[str] = field(default_factory=list[str])
    warnings: list[str] = field(default_factory=list[str])


def _numbers(body: str) -> list[int]:
    out: list[int] = []
    for m in _NUMBER_OR_RANGE.finditer(body):
        lo, hi = int(m.group(1)), int(m.group(2) or m.group(1))
        span = range(lo, hi + 1) if 0 <= hi - lo <= _MAX_RANGE else (lo, hi)
        out.extend(x for x in span if x not in out)
    return out


def _tidy(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_MARKERS = r"(?:\s*" + _MARKER.pattern + r")+"
# "According to [2], she ..." is the form the prompt's examples teach; without its marker
# the lead-in reads "According to, she ...".
_LEAD_IN = re.compile(
    r"(?:,[ \t]*)?\b(?:according\s+to|as\s+(?:noted|stated|recorded)\s+in|per)"
    r"(?:\s+the\s+notes?)?" + _MARKERS + r"(?:[ \t]*,)?",
    re.IGNORECASE,
)
_ANY_MARKER = re.compile(r"[ \t]*" + _MARKER.pattern, re.IGNORECASE)


def strip_markers(text: str) -> str:
    """`text` without citation markers (and their "According to [n]," lead-ins)."""
    bare = _ANY_MARKER.sub("", _LEAD_IN.sub(" ", text))
    bare = _tidy(re.sub(r"[ \t]+([.,;:!?])", r"\1", bare))
    if _LEAD_IN.match(text.lstrip()):
        bare = bare[:1].upper() + bare[1:]
    return bare


def has_marker(text: str) -> bool:
    return _MARKER.search(text) is not None


def cited_numbers(sentence: str) -> list[int]:
    """The source numbers a sentence's markers name, in order."""
    out: list[int] = []
    for m in _MARKER.finditer(sentence):
        out.extend(x for x in _numbers(m.group(1)) if x not in out)
    return out


def replace_markers(sentence: str, n: int) -> str:
    """`sentence` with every marker naming source `n` instead."""
    return _MARKER.sub(f"[{n}]", sentence)


def _clean_markers(answer: str, n_sources: int, invalid: list[int]) -> str:
    """Drop out-of-range numbers; rewrite unusual spellings (`[Source 2]`) as `[2]`."""

    def fix(m: re.Match[str]) -> str:
        numbers = _numbers(m.group(2))
        bad = [x for x in numbers if not 1 <= x <= n_sources]
        invalid.extend(x for x in bad if x not in invalid)
        good = [x for x in numbers if 1 <= x <= n_sources]
        lead = m.group(1)[: len(m.group(1)) - len(m.group(1).lstrip())]
        if not good:
            # Keep the space when another marker follows: "Also [0][1]" -> "Also [1]".
            return lead if m.string.startswith("[", m.end()) else ""
        if not bad and _PLAIN_MARKER.fullmatch(m.group(1).strip()):
            return m.group(1)
        return lead + "[" + ", ".join(map(str, good)) + "]"

    marker = re.compile(r"([ \t]*" + _MARKER.pattern + ")", re.IGNORECASE)
    # Removing `[7]` from `[[7]9]` forms a new marker, so repeat until nothing changes.
    # Each pass shortens the text or leaves plain markers, which are fixed points.
    text = answer
    for _ in range(len(answer) + 1):
        text, previous = _tidy(marker.sub(fix, text)), text
        if text == previous:
            break
    return text


def split_sentences(text: str) -> list[str]:
    """Sentences with their markers. A marker after the full stop (`... sertraline. [2]`)
    belongs to the sentence before it; `2.5 mg` and `Dr. Lee` do not end a sentence."""
    pieces: list[str] = []
    for line in text.splitlines():
        start = 0
        for m in _END.finditer(line):
            word = re.search(r"([\w.]+?)\.*$", line[start : m.start() + 1])
            following = line[m.end() : m.end() + 1]
            if m.group().startswith(".") and word and word.group(1).lower() in _ABBREVIATIONS:
                continue
            if following.islower():  # a lower-case start: an abbreviation we do not know
                continue
            pieces.append(line[start : m.end()].strip())
            start = m.end()
        pieces.append(line[start:].strip())
    sentences: list[str] = []
    for piece in filter(None, pieces):
        if sentences and not strip_markers(piece).strip(" .,;:!?"):
            sentences[-1] = f"{sentences[-1]} {piece}"  # markers alone: the previous sentence's
        else:
            sentences.append(piece)
    return sentences


def parse_answer(
    answer: str,
    n_sources: int,
    similarity: Similarity | None,
    weak_threshold: float = 0.35,
) -> ParsedAnswer:
    """Citations in `answer`, out-of-range markers removed, and each citing sentence's
    support (one `similarity` call for every (sentence, cited source) pair)."""
    invalid: list[int] = []
    text = _clean_markers(answer, n_sources, invalid)
    warnings = [
        f"The answer cited [{x}], which is not one of the sources; the marker was removed."
        for x in invalid
    ]
    reasons: dict[int, str] = {}
    pairs: list[tuple[int, str, int]] = []  # (sentence index, plain sentence, source)
    plain_sentences: list[str] = []
    for sentence in split_sentences(text):
        cited = cited_numbers(sentence)
        plain = strip_markers(sentence)
        plain_sentences.append(plain)
        for x in cited:
            reasons.setdefault(x, plain)
            pairs.append((len(plain_sentences) - 1, plain, x))
    support: dict[int, float] = {}
    weak: list[str] = []
    if similarity is not None and pairs:
        sims = similarity([p[1] for p in pairs], [p[2] for p in pairs])
        if len(sims) != len(pairs):
            raise ValueError(f"similarity returned {len(sims)} values for {len(pairs)} pairs")
        best: dict[int, float] = {}
        for (index, _, x), raw in zip(pairs, sims, strict=True):
            sim = raw if math.isfinite(raw) else 0.0
            support[x] = max(support.get(x, sim), sim)
            best[index] = max(best.get(index, sim), sim)
        weak = [plain_sentences[i] for i, s in sorted(best.items()) if s < weak_threshold]
        warnings += [f"One sentence is weakly supported by its source: “{_short(s)}”" for s in weak]
    citations = {
        x: CitedSource(n=x, used=True, reason=reason, support=support.get(x))
        for x, reason in reasons.items()
    }
    return ParsedAnswer(text, citations, invalid, weak, warnings)


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_refusal_text(answer: str) -> bool:
    """True for empty output and "The notes do not say."-type answers that cite nothing."""
    plain = strip_markers(answer).strip(" \t\n\"'“”.").lower()
    if not plain or plain == _CANONICAL_REFUSAL:
        return True
    return bool(_REFUSAL.search(plain)) and not _MARKER.search(answer)


FIELD_WORDS = SECTION_WORDS


def place_message(hit: SearchHit) -> Message:
    """Where a passage is, as a clinician says it (no ids, no field keys): `Session of 3
    June 2008, Objective`, `Client record, Medical history`, `Document "Referral" of 2
    March 2024, page 2`."""
    if hit.document is not None:
        doc = hit.document
        place = (
            Message("answer.place_dated_document", title=doc.title, date=doc.date, n=doc.page)
            if doc.date
            else Message("answer.place_document", title=doc.title, n=doc.page)
        )
        return Message("answer.place_from_scan", place=place) if doc.from_scan else place
    if hit.type == "session" and hit.session_date is not None:
        return Message(
            "answer.place_dated_session", date=hit.session_date.date(), section=hit.field
        )
    if hit.type == "session":
        return Message("answer.place_session", section=hit.field)
    return Message("answer.place_client_record", section=hit.field)


def place_in_words(hit: SearchHit) -> str:
    """`place_message` in English (what a sentence citing the passage is compared with)."""
    return render(place_message(hit))


def extractive_lines(
    sources: Sequence[SearchHit], question: str, max_sources: int = 3
) -> tuple[Message, ...]:
    """The closest passages, each with where it is in words and the lines that match the
    question, with their [n] markers: for answering without a model. One message a line:
    the heading and places are the assistant's words, the quotes the notes' own."""
    if not sources:
        return (REFUSAL_MESSAGE,)
    lines = [Message("answer.closest_passages")]
    for n, hit in enumerate(sources[:max_sources], start=1):
        matching = focus(hit.text or hit.snippet, question) if hit.text else hit.snippet
        # Brackets inside a quote would read as citations; a quote must only cite itself.
        quote = _short(" ".join(matching.split()), 300)
        quote = quote.replace("[", "(").replace("]", ")")
        lines.append(Message("answer.quoted_passage", place=place_message(hit), quote=quote, n=n))
    return tuple(lines)


def extractive_answer(sources: Sequence[SearchHit], question: str, max_sources: int = 3) -> str:
    """`extractive_lines` in English, one a line."""
    return "\n".join(render(line) for line in extractive_lines(sources, question, max_sources))
