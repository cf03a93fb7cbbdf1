"""Turning a generation (or the passages themselves) into a grounded `AskResult` body:
which sources were used, why, how well supported, or a refusal (docs/architecture.md, ask
step 7)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from core.assistant.citations import (
    CitedSource,
    cited_numbers,
    extractive_lines,
    has_marker,
    is_refusal_text,
    parse_answer,
    place_in_words,
    replace_markers,
    split_sentences,
    strip_markers,
)
from core.assistant.dates import find_dates, mentions_date, without_dates
from core.assistant.prompt import EXAMPLE_TEXTS, REFUSAL, REFUSAL_MESSAGE, focus, source_label
from core.assistant.status import contradicts_status
from core.assistant.types import AskSource
from core.messages import Message, render
from core.retrieval.synonyms import mentions_treatment
from core.retrieval.terms import new_terms, segments, terms
from core.retrieval.types import SearchHit

Embed = Callable[[Sequence[str]], list[list[float]]]
EXTRACTIVE_SOURCES = 3


@dataclass
class Grounded:
    answer: str
    refused: bool
    sources: list[AskSource]
    # For the clinician: what to know about this answer, as message ids.
    warnings: list[Message] = field(default_factory=list[Message])
    # For diagnostics: how the check corrected the model (markers moved, values distrusted).
    details: list[str] = field(default_factory=list[str])
    # (supported, sentences) of a generated answer: what the check found, for the window.
    checked: tuple[int, int] | None = None
    # When the answer is the assistant's own words (a refusal, the notes quoted): those
    # words as messages, one a line, for a window to render in its language. Empty for
    # a model's answer, shown as written.
    lines: tuple[Message, ...] = ()


def numbered(hits: Sequence[SearchHit]) -> list[AskSource]:
    return [AskSource.from_hit(i + 1, h) for i, h in enumerate(hits)]


def refusal(closest: Sequence[SearchHit], why: Message) -> Grounded:
    """No invented text: the refusal, and the closest notes for the clinician to read."""
    return Grounded(REFUSAL, True, numbered(closest), [why], lines=(REFUSAL_MESSAGE,))


def similarity(
    embed: Embed, hits: Sequence[SearchHit], question: str = ""
) -> Callable[[list[str], list[int]], list[float]]:
    """Support of each (sentence, cited source) pair, computed in one batch: 1.0 when the
    note plainly holds what the sentence says (`anchored`), else the cosine of their
    embeddings (unit vectors: a dot product). A value lookup ("The heart rate was 82 bpm")
    barely resembles its note ("HR 82 bpm, RR 14 /min, SpO2 97%") as a sentence, yet its
    value is the strongest evidence there is."""

    def score(sentences: list[str], numbers: list[int]) -> list[float]:
        texts = [support_text(hits[n - 1], s) for s, n in zip(sentences, numbers, strict=True)]
        vecs = embed([*sentences, *texts])
        a, b = vecs[: len(sentences)], vecs[len(sentences) :]
        return [
            1.0 if anchored(s, hits[n - 1], question) else _dot(u, v)
            for s, n, u, v in zip(sentences, numbers, a, b, strict=True)
        ]

    return score


def anchored(sentence: str, hit: SearchHit, question: str = "") -> bool:
    """The note plainly holds what the sentence says: every value it states (at least one)
    stands in the note, each on a line about what the sentence says it is; or, for a
    sentence without values, every word it adds to the question (a drug, a finding) is in
    the note or its label."""
    if _numbers(sentence):
        return unsupported(sentence, hit) is None
    added = new_terms(sentence, question)
    return bool(added) and added <= terms(f"{hit.text}\n{source_label(hit)}")


def support_text(hit: SearchHit, sentence: str) -> str:
    """What a sentence citing `hit` is compared with: where the note is, in words, and its
    lines that share the sentence's words. A one-line answer measured against a whole
    35-line panel scores low however right it is."""
    return f"{place_in_words(hit)}: {focus(hit.text or hit.snippet, sentence)}"


def from_generation(
    raw: str, hits: Sequence[SearchHit], embed: Embed, weak_support: float, question: str = ""
) -> Grounded:
    if is_refusal_text(raw):
        return refusal(hits, Message("answer.model_found_no_answer"))
    raw, recited = correct_citations(raw, hits, question)
    raw, attached = attach_sources(raw, hits, embed, weak_support, question)
    parsed = parse_answer(raw, len(hits), similarity(embed, hits, question), weak_support)
    if not parsed.citations:
        return refusal(hits, Message("answer.nothing_supports_answer"))
    citations, warnings = _distrust(parsed.citations, hits, embed, question)
    supports = [c.support for c in citations.values() if c.support is not None]
    if supports and max(supports) < weak_support:
        # Every citing sentence is far from what it cites: an invention with numbers on.
        return refusal(hits, Message("answer.answer_unlike_its_notes"))
    sources: list[AskSource] = []
    for src in numbered(hits):
        cited = citations.get(src.n)
        sources.append(
            replace(src, used=True, reason=cited.reason, support=cited.support) if cited else src
        )
    details = [*recited, *parsed.warnings, *warnings]
    return Grounded(
        parsed.text,
        False,
        sources,
        attached,
        details,
        _checked(parsed.text, citations, weak_support),
    )


def _checked(text: str, citations: dict[int, CitedSource], weak_support: float) -> tuple[int, int]:
    """(supported, sentences): a sentence is supported when a source it cites holds it
    (support at least `weak_support`, not zeroed as made up); one marked as not found in
    the notes, or citing nothing, is not."""
    held: list[bool] = []
    for sentence in split_sentences(text):
        if sentence.strip() == UNSUPPORTED_MARK.strip() and held:
            held[-1] = False  # the mark after a full stop: the sentence before it
            continue
        if not strip_markers(sentence).strip(" .,;:!?"):
            continue
        supports = [citations[n].support or 0.0 for n in cited_numbers(sentence) if n in citations]
        ok = UNSUPPORTED_MARK not in sentence and bool(supports) and max(supports) >= weak_support
        held.append(ok)
    return sum(held), len(held)


def correct_citations(
    text: str, hits: Sequence[SearchHit], question: str = ""
) -> tuple[str, list[str]]:
    """A sentence that none of its cited sources plainly holds (`anchored`), while another
    source does (a value or a drug read from [4] and [2] cited), cites that source
    instead, with a warning. Anything less plain is left for the support check."""
    warnings: list[str] = []
    for sentence in split_sentences(text):
        cited = [n for n in cited_numbers(sentence) if 1 <= n <= len(hits)]
        plain = strip_markers(sentence)  # a marker's digits are not values
        if not cited or any(anchored(plain, hits[n - 1], question) for n in cited):
            continue
        holder = next((i + 1 for i, h in enumerate(hits) if anchored(plain, h, question)), None)
        if holder is not None:
            text = text.replace(sentence, replace_markers(sentence, holder), 1)
            named = ", ".join(f"[{n}]" for n in cited)
            warnings.append(f"A sentence cited {named}; what it says is in [{holder}], cited now.")
    return text, warnings


UNSUPPORTED_MARK = " (not found in the notes)"
_MIN_CLAIM_WORDS = 4  # shorter pieces ("In summary:") state nothing to check


def attach_sources(
    text: str, hits: Sequence[SearchHit], embed: Embed, threshold: float, question: str = ""
) -> tuple[str, list[Message]]:
    """Give each sentence that carries no [n] the source that supports it, if one does
    (its marker is added; the support check follows as for any citation), and mark the
    ones no source supports: a correct sentence without a marker must not sink the
    answer, and an unsupported one is shown as such, never dropped."""
    bare = [
        sentence
        for sentence in split_sentences(text)
        if not has_marker(sentence) and len(sentence.split()) >= _MIN_CLAIM_WORDS
    ]
    if not bare or not hits:
        return text, []
    texts = [support_text(h, sentence) for sentence in bare for h in hits]
    vecs = embed([*bare, *texts])
    sentence_vecs, source_vecs = vecs[: len(bare)], vecs[len(bare) :]
    warnings: list[Message] = []
    for i, (sentence, vec) in enumerate(zip(bare, sentence_vecs, strict=True)):
        mine = source_vecs[i * len(hits) : (i + 1) * len(hits)]
        sims = [
            1.0 if anchored(sentence, h, question) else _dot(vec, src)
            for h, src in zip(hits, mine, strict=True)
        ]
        best = max(range(len(hits)), key=lambda i: sims[i])
        if sims[best] >= threshold and unsupported(sentence, hits[best]) is None:
            text = text.replace(sentence, f"{sentence} [{best + 1}]", 1)
        else:
            text = text.replace(sentence, sentence + UNSUPPORTED_MARK, 1)
            warnings.append(Message("answer.sentence_not_in_notes", quote=sentence))
    return text, warnings


def _distrust(
    citations: dict[int, CitedSource], hits: Sequence[SearchHit], embed: Embed, question: str
) -> tuple[dict[int, CitedSource], list[str]]:
    """Zero the support of citing sentences that a small model demonstrably made up: a
    date or a number (dose, value) its source does not hold, a subject the source does not
    name, or a sentence closer to the prompt's worked example than to the note it cites."""
    out = dict(citations)
    warnings: list[str] = []
    reasons = [c.reason for c in citations.values()]
    vecs = embed([*reasons, *EXAMPLE_TEXTS])
    examples = vecs[len(reasons) :]
    for (n, cited), vec in zip(citations.items(), vecs, strict=False):
        problem = unsupported(cited.reason, hits[n - 1])
        stray = off_subject(cited.reason, hits[n - 1], question, _visit_text(hits, n - 1))
        copied = max(_dot(vec, e) for e in examples)
        if problem:
            warnings.append(f"The answer gives {problem}, which note [{n}] does not hold.")
        elif stray:
            warnings.append(f"The answer is about {stray}, which note [{n}] does not name.")
        elif cited.support is not None and copied >= cited.support:
            warnings.append(f"A sentence citing [{n}] repeats the instructions' example instead.")
        else:
            continue
        out[n] = replace(cited, support=0.0)
    return out, warnings


def unsupported(sentence: str, hit: SearchHit) -> str | None:
    """What `sentence` states that its source does not: a source is its text and its label
    (the session's date, the field, the client). A date must be the session's date or
    stand in the text, in any written form; any other number must stand in the text or
    the label. None when everything checks out."""
    session_day = hit.session_date.date() if hit.session_date else None
    if hit.document is not None:  # a document's own date, as a session's is
        session_day = hit.document.date
    bad_dates = [
        d.text
        for d in find_dates(sentence)
        if d.date != session_day and not mentions_date(hit.text, d.date)
    ]
    if bad_dates:
        return "the date " + ", ".join(dict.fromkeys(bad_dates))
    label = source_label(hit)
    if session_day is not None:  # "in 2015", "March 2" of the session's own date
        label += f" {session_day.year} {session_day.month} {session_day.day}"
    held = _numbers(without_dates(hit.text)) | _numbers(hit.text) | _numbers(label)
    missing = _numbers(without_dates(sentence)) - held
    if missing:
        return ", ".join(sorted(missing))
    misread = misread_value(sentence, hit)
    if misread:
        return f"{misread} (its line in the note is about something else)"
    stopped = contradicts_status(sentence, hit.text)
    return f"{stopped} (the note records it stopped)" if stopped else None


def off_subject(sentence: str, hit: SearchHit, question: str, visit: str = "") -> str | None:
    """What the question asks about, repeated by the sentence, that the cited note does not
    name at all: "the wrist X-ray was done on 2025-10-17" citing a visit with no X-ray,
    dated by the label alone. None when the note names any of it, or the rest of its
    `visit` does: "sertraline was started for low mood", citing the plan of the visit whose
    subjective note tells of the low mood, is that visit's account."""
    subject = terms(question) & terms(sentence)
    named = terms(f"{hit.text}\n{visit}\n{source_label(hit)}")
    if not subject or any(_same_word(a, b) for a in subject for b in named):
        return None
    if mentions_treatment(question) and mentions_treatment(hit.text):
        return None  # what was given for a complaint the note words its own way
    return ", ".join(sorted(subject))


def _visit_text(hits: Sequence[SearchHit], i: int) -> str:
    """The other passages found of the visit hit `i` belongs to (none for a client's
    record, whose fields are no one visit's)."""
    session = hits[i].session_id
    if session is None:
        return ""
    return "\n".join(h.text for j, h in enumerate(hits) if j != i and h.session_id == session)


def _same_word(a: str, b: str) -> bool:
    """One word, or one a form of the other ("planned" and the plan field, "wrists")."""
    return a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))


def misread_value(sentence: str, hit: SearchHit) -> str | None:
    """A value the sentence gives that the note holds only on lines about something else
    ("the latest potassium was 137/69" read off "BP 137/69 mmHg")."""
    plain = without_dates(sentence)
    about = terms(plain)
    if not about:
        return None
    parts = segments(hit.text)
    for value in sorted(_numbers(plain)):
        holders = [p for p in parts if value in _numbers(without_dates(p))]
        if holders and not any(about & terms(p) for p in holders):
            return value
    return None


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


def _numbers(text: str) -> set[str]:
    """Numbers as values: 07 and 7 are one number, and so are 7.0 and 7."""
    return {
        n.lstrip("0") or "0" if "." not in n else n.rstrip("0").rstrip(".")
        for n in re.findall(r"\d+(?:\.\d+)?", text)
    }


def extractive(hits: Sequence[SearchHit], question: str) -> Grounded:
    """The best passages, quoted with their numbers: for when no generator is available or
    the clinician asks for the notes' own words."""
    sources = numbered(hits)
    quoted = {s.n for s in sources[:EXTRACTIVE_SOURCES]}
    lines = extractive_lines(hits, question, EXTRACTIVE_SOURCES)
    return Grounded(
        "\n".join(render(line) for line in lines),
        False,
        [replace(s, used=True, reason=s.snippet) if s.n in quoted else s for s in sources],
        lines=lines,
    )
