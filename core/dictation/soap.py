"""A spoken visit sorted into a SOAP draft (issue 29, point 2), by rules: each sentence of
the transcript goes, word for word, into Subjective, Objective, Assessment or Plan, keeping
the time it was said. Nothing is written that was not said: a draft sentence is a run of
the transcript's own words, and `traces_to` checks that it still is.

Whisper's punctuation is not to be trusted ("She denies shortness of breath, heart rate 72,
start atorvastatin 20 milligrams"), so sentences are cut further at commas where the next
clause plainly belongs elsewhere, then clauses of one section are joined again.

What places a clause, strongest first: a spoken heading ("Plan:"); a plan verb opening it,
or a drug started, stopped or changed (the timeline's own reader); what the patient says
("reports", "denies", the reason for the visit); a measurement or an examination finding;
a clinical judgement ("likely", "improving"); else the section of the clause before it."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from core.dictation.types import Transcript, Word
from core.timeline.extract import extract

Section = Literal["subjective", "objective", "assessment", "plan"]
SECTIONS: tuple[Section, ...] = ("subjective", "objective", "assessment", "plan")


@dataclass(frozen=True)
class DraftSentence:
    """Words `first`..`last - 1` of the transcript, placed in `section` because of `why`
    (the rule, never the words); `start` and `end` are when they were said (seconds)."""

    section: Section
    first: int
    last: int
    start: float
    end: float
    text: str = field(repr=False)
    why: str


@dataclass(frozen=True)
class SoapDraft:
    sentences: tuple[DraftSentence, ...]

    def section(self, name: Section) -> list[DraftSentence]:
        return [s for s in self.sentences if s.section == name]

    def text(self, name: Section) -> str:
        return " ".join(s.text for s in self.section(name))


def _cue(*phrases: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


_HEADINGS: dict[Section, re.Pattern[str]] = {
    "subjective": re.compile(r"^\s*(?:subjective|history)\b", re.IGNORECASE),
    "objective": re.compile(r"^\s*(?:objective|on examination|examination|exam)\b", re.I),
    "assessment": re.compile(r"^\s*(?:assessment|impression|diagnosis)\b", re.IGNORECASE),
    "plan": re.compile(r"^\s*plan\b", re.IGNORECASE),
}
_PLAN_OPENING = re.compile(
    r"^\s*(?:and\s+|then\s+|we\s+will\s+|i\s+will\s+|will\s+|to\s+)?(?:start|begin|continue|"
    r"stop|hold|increase|decrease|reduce|switch|change|prescribe|refer|recheck|repeat|order|"
    r"arrange|book|schedule|advise[d]?|recommend(?:ed)?|take|apply|return|review|monitor|"
    r"follow[- ]up in|see (?:you|her|him|them) in|counsel(?:l)?ed)\b",
    re.IGNORECASE,
)
_PLAN_ANYWHERE = _cue(
    r"plan(?:\s+is)?\s+to", r"refer(?:red|ral)?\s+to", r"follow[- ]up\s+in", r"recheck",
    r"return\s+in", r"we\s+will", r"I\s+will", r"prescrib\w+",
)  # fmt: skip
_SUBJECTIVE = _cue(
    r"reports?", r"reported", r"complains?", r"complaining", r"denies", r"denied", r"states?",
    r"says", r"feels?", r"felt", r"noticed", r"describes?", r"history of", r"since",
    r"\w+\s+ago", r"for\s+(?:\d+|a|one|two|three|four|five|six|several|few)\s+"
    r"(?:days?|weeks?|months?|years?)", r"(?:follow[- ]up|here|seen|presents?|visit)\s+"
    r"(?:for|with)", r"after\s+a\s+fall", r"(?:she|he|they|patient)\s+(?:has|had|is|was)",
)  # fmt: skip
_OBJECTIVE = _cue(
    r"on\s+examination", r"exam(?:ination)?", r"auscultation", r"lungs?", r"chest\s+is",
    r"heart\s+sounds", r"abdomen", r"tender(?:ness)?", r"swollen", r"range\s+of\s+motion",
    r"reflexes", r"appears", r"alert", r"oriented", r"gait", r"o?edema", r"erythema",
    r"rash", r"wound", r"pulse", r"saturation", r"temperature", r"afebrile", r"blood\s+pressure",
    r"heart\s+rate", r"weight", r"weighs",
)  # fmt: skip
_ASSESSMENT = _cue(
    r"likely", r"consistent\s+with", r"suggestive\s+of", r"suspect(?:ed)?", r"probable",
    r"possible", r"differential", r"improving", r"worsening", r"(?:well\s+|un|poorly\s+)?"
    r"controlled", r"stable", r"resolved", r"resolving", r"diagnos(?:is|ed)", r"in\s+keeping",
)  # fmt: skip
# A value with a unit is a measurement even where the reader missed its name ("For a 1C
# is 7.9%": A1c misheard).
_VALUE = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|mmhg\b|kg\b|kilograms?\b|degrees\b|beats\b)", re.I)
_SENTENCE_END = (".", "?", "!")


# Chooses a section for each clause, in order (the local model: core/dictation/soap_model.py);
# None when it could not, and the rules place them instead.
Sorter = Callable[[Sequence[str]], "list[Section] | None"]


def draft_soap(
    transcript: Transcript, sort: Sorter | None = None, *, unplaced_only: bool = False
) -> SoapDraft:
    """The transcript's sentences, each in the section `sort` (else the rules) gives, in
    spoken order. With `unplaced_only`, the rules place what a cue of theirs places and
    `sort` the rest (it still reads every clause, for their context). Whoever chooses, a
    sentence is the transcript's own words: a sorter names sections, never text."""
    clauses = [c for s in _sentences(transcript.words) for c in _clauses(transcript.words, s)]
    texts = [_join(transcript.words[first:last]) for first, last in clauses]
    ruled = [_place(t) for t in texts]
    asked = bool(texts) and not (unplaced_only and None not in ruled)
    chosen = sort(texts) if sort is not None and asked else None
    if chosen is not None and len(chosen) != len(texts):
        chosen = None
    placed: list[tuple[tuple[int, int], Section, str]] = []
    previous: Section = "subjective"
    for i, (first, last) in enumerate(clauses):
        found = ruled[i]
        if chosen is not None and (found is None or not unplaced_only):
            found = (chosen[i], "the local model")
        section, why = found if found is not None else (previous, "follows the sentence before")
        if placed and placed[-1][1] == section and not _ends_sentence(transcript.words[first - 1]):
            (p_first, _), _, p_why = placed[-1]  # a clause cut off the same sentence: rejoin
            placed[-1] = ((p_first, last), section, p_why)
        else:
            placed.append(((first, last), section, why))
        previous = section
    words = transcript.words
    return SoapDraft(tuple(_sentence(words, *p) for p in placed))


def _sentence(
    words: Sequence[Word], span: tuple[int, int], section: Section, why: str
) -> DraftSentence:
    first, last = span
    spoken = words[first:last]
    return DraftSentence(section, first, last, spoken[0].start, spoken[-1].end, _join(spoken), why)


def traces_to(draft: SoapDraft, transcript: Transcript) -> bool:
    """Every draft sentence is the transcript's own words at its own times, and every word
    of the transcript is in exactly one sentence: nothing added, nothing lost."""
    covered: list[int] = []
    for s in draft.sentences:
        spoken = transcript.words[s.first : s.last]
        if not spoken or s.text != _join(spoken):
            return False
        if (s.start, s.end) != (spoken[0].start, spoken[-1].end):
            return False
        covered.extend(range(s.first, s.last))
    return sorted(covered) == list(range(len(transcript.words)))


def _place(text: str) -> tuple[Section, str] | None:
    for section, heading in _HEADINGS.items():
        if heading.search(text):
            return section, "a spoken heading"
    if _PLAN_OPENING.search(text):
        return "plan", "opens with what to do"
    facts = extract(text, "plan").facts
    if any(f.kind == "medication" and f.status in ("started", "stopped") for f in facts):
        return "plan", "a drug started or stopped"
    if _PLAN_ANYWHERE.search(text):
        return "plan", "says what will be done"
    if _SUBJECTIVE.search(text):
        return "subjective", "what the patient says"
    measured = any(f.kind == "measurement" for f in facts) or _VALUE.search(text)
    if measured or _OBJECTIVE.search(text):
        return "objective", "a measurement or finding"
    if _ASSESSMENT.search(text):
        return "assessment", "a clinical judgement"
    return None


def _sentences(words: Sequence[Word]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    first = 0
    for i, word in enumerate(words):
        if _ends_sentence(word) or i == len(words) - 1:
            out.append((first, i + 1))
            first = i + 1
    return out


def _clauses(words: Sequence[Word], sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence cut after each comma; `draft_soap` joins clauses of one section."""
    first, last = sentence
    out: list[tuple[int, int]] = []
    start = first
    for i in range(first, last - 1):
        if words[i].text.endswith((",", ";")):
            out.append((start, i + 1))
            start = i + 1
    out.append((start, last))
    return out


def _ends_sentence(word: Word) -> bool:
    return word.text.endswith(_SENTENCE_END)


def _join(words: Sequence[Word]) -> str:
    return " ".join(w.text for w in words)
