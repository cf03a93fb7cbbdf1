"""Turning a generation (or the passages themselves) into a grounded `AskResult` body:
which sources were used, why, how well supported, or a refusal (DESIGN §6 step 5)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from core.assistant.citations import extractive_answer, is_refusal_text, parse_answer
from core.assistant.prompt import REFUSAL
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
        return [sum(x * y for x, y in zip(u, v, strict=True)) for u, v in zip(a, b, strict=True)]

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
    supports = [c.support for c in parsed.citations.values() if c.support is not None]
    if supports and max(supports) < weak_support:
        # Every citing sentence is far from what it cites: an invention with numbers on.
        return refusal(hits, "The answer did not match the notes it cited, so it is not shown.")
    sources = []
    for src in _numbered(hits):
        cited = parsed.citations.get(src.n)
        sources.append(
            replace(src, used=True, reason=cited.reason, support=cited.support) if cited else src
        )
    return Grounded(parsed.text, False, sources, list(parsed.warnings))


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
