"""A spoken visit sorted into a SOAP draft, by rules: each sentence of
the transcript goes, word for word, into Subjective, Objective, Assessment or Plan, keeping
the time it was said. Nothing is written that was not said: a draft sentence is a run of
the transcript's own words, and `traces_to` checks that it still is.

Whisper's punctuation is not to be trusted ("She denies shortness of breath, heart rate 72,
start atorvastatin 20 milligrams"), so sentences are cut further at commas where the next
clause plainly belongs elsewhere, then clauses of one section are joined again.

What places a clause, strongest first: a spoken heading ("Plan:"); a plan verb opening it,
or a drug started, stopped or changed (the timeline's own reader); a dose's frequency
continuing the clause before ("twice a day for three days"); a condition judged ("his
asthma is worse since the last visit", "worse since the last visit"); what the patient
says ("reports", "denies", the reason for the visit); a measurement or an examination
finding; a clinical judgement ("likely", "improving"). A clause with none of these takes
the section of the next clause of its sentence where it opens the sentence ("Hypertension,
stable."), of a bare judgement said next ("Epilepsy. Not well controlled."), else of the
clause before it."""

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
# Who will act and how it is said before the verb: "otherwise", "I'm going to", "we'll",
# "she should".
_PLAN_LEAD = (
    r"(?:(?:and|then|otherwise|also|so)\s+)?(?:(?:we|i)\s*(?:will|'ll|am going to|'m going to|"
    r"are going to|'re going to|would like to|plan to)\s+|(?:will|to|let's|please)\s+|"
    r"(?:she|he|they|patient)\s+(?:should|will|is to|needs to)\s+)?"
)
_PLAN_OPENING = re.compile(
    r"^\s*" + _PLAN_LEAD + r"(?:start|begin|commence|initiate|continue|carry on|keep|stay on|"
    r"remain on|put (?:you|her|him|them) on|add|stop|discontinue|hold|withhold|restart|resume|"
    r"increase|decrease|reduce|cut|titrate|taper|wean|switch|swap|change|prescribe|trial|try|"
    r"give|refer|recheck|repeat|order|request|check(?!-)|send|arrange|book|schedule|advise[d]?|"
    r"recommend(?:ed)?|encourage|take|apply|return|come back|review|monitor|no change to|"
    r"follow[- ]up in|see (?:you|her|him|them) in|counsel(?:l)?ed|safety[- ]net(?:ted|ting)?)\b",
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
    r"I\s+think\s+(?:this|it)\s+is", r"looks\s+like",
    r"possible", r"differential", r"improving", r"worsening", r"(?:well\s+|un|poorly\s+)?"
    r"controlled", r"stable", r"resolved", r"resolving", r"diagnos(?:is|ed)", r"in\s+keeping",
)  # fmt: skip
# A value with a unit is a measurement even where the reader missed its name ("For a 1C
# is 7.9%": A1c misheard).
_VALUE = re.compile(r"\d[\d.,]*\s*(?:%|percent\b|mmhg\b|kg\b|kilograms?\b|degrees\b|beats\b)", re.I)
_SENTENCE_END = (".", "?", "!")
_JUDGEMENT = (
    r"(?:still\s+|now\s+|but\s+)*(?:worse|better|unchanged|improv(?:ed|ing)|worsening|stable|"
    r"resolv(?:ed|ing)|(?:well|poorly|not\s+well|un)[- ]?controlled)"
    r"(?:\W*$|\s+(?:since|than|compared\s+with)\s+(?:the\s+|her\s+|his\s+|their\s+)?last\b)"
)
# A judgement of a condition, not of how the patient feels ("worse on stairs"): said of the
# condition ("his asthma is worse since the last visit") or with no subject, going on from
# the condition named before it ("Assessment: insomnia, worse since the last visit"). Read
# before what the patient says, whose "since" it holds.
_CONDITION_JUDGED = re.compile(
    r"^\s*(?:(?:his|her|their|the)\s+[\w' -]+?\s+(?:is|are|remains?|has\s+been)\s+)?" + _JUDGEMENT,
    re.IGNORECASE,
)
# A bare judgement ("Stable."): what it judges was named just before ("Epilepsy. Stable.").
_BARE_JUDGEMENT = re.compile(r"^\s*(?:(?:is|are)\s+)?" + _JUDGEMENT, re.IGNORECASE)
# What goes on from a dose in the clause before: its frequency or course ("twice a day for
# three days"), never the start of a section.
_DOSE_GOES_ON = re.compile(
    r"^\s*(?:once|twice|three\s+times|four\s+times|\d+\s+times|every|each|daily|nightly|"
    r"at\s+(?:night|bedtime)|in\s+the\s+(?:morning|evening)|as\s+needed|with\s+food)\b",
    re.IGNORECASE,
)


# Chooses a section for each clause, in order (the local model: core/dictation/soap_model.py);
# None when it could not, and the rules place them instead.
Sorter = Callable[[Sequence[str]], "list[Section] | None"]


# Where a rule places a clause: a section and why, or no section where the clause goes on
# from the one before it (`_DOSE_GOES_ON`); None where no rule does.
Placed = tuple[Section | None, str]


def draft_soap(
    transcript: Transcript, sort: Sorter | None = None, *, unplaced_only: bool = False
) -> SoapDraft:
    """The transcript's sentences, each in the section `sort` (else the rules) gives, in
    spoken order. With `unplaced_only`, the rules place what a cue of theirs places and
    `sort` the rest (it still reads every clause, for their context). Whoever chooses, a
    sentence is the transcript's own words: a sorter names sections, never text."""
    words = transcript.words
    sentences = _sentences(words)
    clauses = [c for s in sentences for c in _clauses(words, s)]
    texts = [_join(words[first:last]) for first, last in clauses]
    starts = {first for first, _ in sentences}
    opens = [first in starts for first, _ in clauses]
    ruled = _by_neighbours([_place(t) for t in texts], opens, texts)
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
        section, why = found if found is not None else (None, "follows the sentence before")
        section = section or previous
        if placed and placed[-1][1] == section and not _ends_sentence(words[first - 1]):
            (p_first, _), _, p_why = placed[-1]  # a clause cut off the same sentence: rejoin
            placed[-1] = ((p_first, last), section, p_why)
        else:
            placed.append(((first, last), section, why))
        previous = section
    return SoapDraft(tuple(_sentence(words, *p) for p in placed))


def _by_neighbours(
    ruled: Sequence[Placed | None], opens: Sequence[bool], texts: Sequence[str]
) -> list[Placed | None]:
    """Clauses no cue places, placed by the clauses after them where those say where: one
    that opens its sentence goes with the rest of the sentence ("Hypertension, stable."),
    and one followed by a bare judgement is what it judges ("Epilepsy. Not well
    controlled."). The rest stay unplaced, for the sorter or the clause before. A dose's
    frequency goes on from the clause before only inside a sentence: one that opens a
    sentence ("Every night, she wakes at three.") is no dose's."""
    out = [None if r is not None and r[0] is None and opens[i] else r for i, r in enumerate(ruled)]
    for i, found in enumerate(list(out)):
        if found is not None:
            continue
        j = i + 1
        while opens[i] and j < len(ruled) and not opens[j]:
            later = out[j]
            if later is not None and later[0] is not None:
                out[i] = (later[0], "the rest of its sentence")
                break
            j += 1
        after = i + 1 < len(ruled) and opens[i + 1] and _BARE_JUDGEMENT.search(texts[i + 1])
        if out[i] is None and after:
            out[i] = ("assessment", "judged in the sentence after it")
    return out


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


def _place(text: str) -> Placed | None:
    for section, heading in _HEADINGS.items():
        if heading.search(text):
            return section, "a spoken heading"
    if _PLAN_OPENING.search(text):
        return "plan", "opens with what to do"
    facts = extract(text, "plan").facts
    if any(f.kind == "medication" and f.status in ("started", "stopped") for f in facts):
        return "plan", "a drug started or stopped"
    if _DOSE_GOES_ON.search(text):
        return None, "goes on from the dose before"
    if _PLAN_ANYWHERE.search(text):
        return "plan", "says what will be done"
    if _CONDITION_JUDGED.search(text):
        return "assessment", "a condition judged"
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
