"""Turning a generation (or the passages themselves) into a grounded `AskResult` body:
which sources were used, why, how well supported, or a refusal (DESIGN §6 step 5)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from core.assistant.citations import (
    CitedSource,
    extractive_answer,
    is_refusal_text,
    parse_answer,
)
from core.assistant.prompt import EXAMPLE_TEXTS, REFUSAL
from core.assistant.types import AskSource
from core.retrieval.types import SearchHit

Embed = Callable[[Sequence[str]], list[list[float]]]
EXTRACTIVE_SOURCES = 3


@dataclass
class Grounded:
    answer: str
    refused: bool
    sources: list[AskSource]
    warnings: list[str] = field(default_factory=list)


def _numbered(hits: Sequence[SearchHit]) -> list[AskSource]:
    return [AskSource.from_hit(i + 1, h) for i, h in enumerate(hits)]


def refusal(closest: Sequence[SearchHit], why: str) -> Grounded:
    """No invented text: the refusal, and the closest notes for the clinician to read."""
    return Grounded(REFUSAL, True, _numbered(closest), [why])


def similarity(
    embed: Embed, hits: Sequence[SearchHit]
) -> Callable[[list[str], list[int]], list[float]]:
    """Support of each (sentence, cited source) pair: cosine of their embeddings, computed
    in one batch (the embedder returns unit vectors, so a dot product is the cosine)."""

    def score(sentences: list[str], numbers: list[int]) -> list[float]:
        texts = [hits[n - 1].text for n in numbers]
        vecs = embed([*sentences, *texts])
        a, b = vecs[: len(sentences)], vecs[len(sentences) :]
        return [_dot(u, v) for u, v in zip(a, b, strict=True)]

    return score


def from_generation(
    raw: str, hits: Sequence[SearchHit], embed: Embed, weak_support: float
) -> Grounded:
    parsed = parse_answer(raw, len(hits), similarity(embed, hits), weak_support)
    if is_refusal_text(raw) or not parsed.citations:
        why = (
            "The model found no answer in the notes."
            if is_refusal_text(raw)
            else "The model's answer cited no source, so it is not shown."
        )
        return refusal(hits, why)
    citations, warnings = _distrust(parsed.citations, hits, embed)
    supports = [c.support for c in citations.values() if c.support is not None]
    if supports and max(supports) < weak_support:
        # Every citing sentence is far from what it cites: an invention with numbers on.
        return refusal(hits, "The answer did not match the notes it cited, so it is not shown.")
    sources = []
    for src in _numbered(hits):
        cited = citations.get(src.n)
        sources.append(
            replace(src, used=True, reason=cited.reason, support=cited.support) if cited else src
        )
    return Grounded(parsed.text, False, sources, [*parsed.warnings, *warnings])


def _distrust(
    citations: dict[int, CitedSource], hits: Sequence[SearchHit], embed: Embed
) -> tuple[dict[int, CitedSource], list[str]]:
    """Zero the support of citing sentences that a small model demonstrably made up: a
    number (dose, date) its source does not contain, or a sentence closer to the prompt's
    worked example than to the note it cites."""
    out, warnings = dict(citations), []
    reasons = [c.reason for c in citations.values()]
    vecs = embed([*reasons, *EXAMPLE_TEXTS])
    examples = vecs[len(reasons) :]
    for (n, cited), vec in zip(citations.items(), vecs, strict=False):
        missing = _numbers(cited.reason) - _numbers(hits[n - 1].text)
        copied = max(_dot(vec, e) for e in examples)
        if missing:
            warnings.append(
                f"The answer gives {', '.join(sorted(missing))}, which note [{n}] does not hold."
            )
        elif cited.support is not None and copied >= cited.support:
            warnings.append(f"A sentence citing [{n}] repeats the instructions' example instead.")
        else:
            continue
        out[n] = replace(cited, support=0.0)
    return out, warnings


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _numbers(text: str) -> set[str]:
    return set(re.findall(r"\d+(?:[.,]\d+)?", text))


def extractive(hits: Sequence[SearchHit]) -> Grounded:
    """The best passages, quoted with their numbers: for when no generator is available or
    the clinician asks for the notes' own words."""
    sources = _numbered(hits)
    quoted = {s.n for s in sources[:EXTRACTIVE_SOURCES]}
    return Grounded(
        extractive_answer(hits, EXTRACTIVE_SOURCES),
        False,
        [replace(s, used=True, reason=s.snippet) if s.n in quoted else s for s in sources],
    )
