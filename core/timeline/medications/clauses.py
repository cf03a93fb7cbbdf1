"""The clauses around a drug's name that `core.timeline.medications.reader` reads: the cues
of a sentence,
a heading's status carried over the list below it, what voids a drug (an allergy, a
refusal, "not on"), and the words that join two names into one ("Insulin Lantus") or give a
verb to the next drug (moved out of `core.timeline.medications.reader`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.timeline.medications.cues import CUE, NOT_TAKEN, cue_status
from core.timeline.medications.names import Mention, drug_lexicon
from core.timeline.resources import WORD_START
from core.timeline.types import MedStatus

_W = WORD_START


def one_insulin(body: str, mentions: list[Mention]) -> list[Mention]:
    """ "Insulin Lantus", "אינסולין לנטוס": the class word before the insulin it names is
    that insulin's, no second drug."""
    return [
        m
        for k, m in enumerate(mentions)
        if not (
            m[2] == "insulin"
            and k + 1 < len(mentions)
            and mentions[k + 1][2].startswith("insulin ")
            and not body[m[1] : mentions[k + 1][0]].strip()
        )
    ]


def opens_next(body: str, stop: int, after: re.Match[str], rest: list[Mention]) -> bool:
    """Whether a verb that a comma sets apart from the drug ending at `stop` begins the
    next drug's clause instead (no comma or semicolon between the verb and that drug)."""
    if not rest or "," not in after.group(0):
        return False
    return not re.search(r"[,;]", body[stop + after.end() : rest[0][0]])


def action_cues(body: str, field: str = "plan") -> list[tuple[int, int, MedStatus]]:
    """The cues of `body`. A list word right after an action ("Continue home medications
    including lisinopril") is the action's object, no cue of its own. A dose given in the
    room, written in the examination ("IV iron given over 15 min"), is
    a treatment recorded, not an order: listed. (Told in the history, "was given X by the
    GP", it was prescribed.)"""
    cues: list[tuple[int, int, MedStatus]] = []
    for m in CUE.finditer(body):
        status = cue_status(m)
        if field == "objective" and _GIVEN.fullmatch(m.group(0)):
            status = "listed"
        if status == "started" and field != "plan" and _SINCE.search(body, 0, m.start()):
            status = "listed"  # "Review 6 months after starting X": the drug taken since
        if m.group(0).casefold() == "off" and _ON_OFF.search(body, 0, m.start()):
            continue  # "12 h on / 12 h off": a plaster's schedule, nothing stopped
        if cues and status == "listed" and cues[-1][2] != "listed":
            gap = body[cues[-1][1] : m.start()]
            if len(gap.split()) <= 3 and not drug_lexicon().find(gap):
                continue
        cues.append((m.start(), m.end(), status))
    return cues


_SINCE = re.compile(r"(?<![\w-])(?:after|since|before|when)\s+$", re.IGNORECASE)
_GIVEN = re.compile(r"(?:[וש])?(?:given|administered|ניתן|ניתנה)", re.IGNORECASE)
_ON_OFF = re.compile(r"(?:\d\s*(?:h|hrs?|hours?|d|days?|wks?|weeks?)|\bon\s*/?)\s*$", re.I)


@dataclass
class Carry:
    """A heading's status ("Stop:", "Continue:", "Meds:") and where its line ends: it
    holds over the lines below, when they are items of a list or the heading stood alone,
    up to a blank line."""

    status: MedStatus
    line_end: int
    bare: bool

    def holds(self, text: str, start: int) -> bool | None:
        """True under the heading, False once its list is over, None on its own line."""
        if start <= self.line_end:
            return None
        line_start = text.rfind("\n", 0, start) + 1
        if not _MARKERS.fullmatch(text[line_start:start]):
            return None  # a later sentence of a line already judged
        if re.search(r"\n[ \t]*\n", text[self.line_end : start + 1]):
            return False
        line = text[line_start : text.find("\n", start) if "\n" in text[start:] else len(text)]
        return self.bare or bool(_LIST_LINE.match(line))


_MARKERS = re.compile(r"[\s\-*•·▪#]*(?:\d{1,2}[.)]?\s*)?")


def allergy_listed(body: str, start: int) -> bool:
    heads = list(_ALLERGY_HEAD.finditer(body, 0, start))
    return bool(heads) and ":" not in body[heads[-1].end() : start]


def voided(body: str, start: int, cues: list[tuple[int, int, MedStatus]]) -> bool:
    """An allergy, refusal or "not on" in the drug's clause, with no verb after it that
    makes the drug taken again. A negation inside a verb ("no longer taking") is the verb's."""
    clause_start = max(body.rfind(",", 0, start), body.rfind(":", 0, start)) + 1
    negations = [
        n
        for n in NOT_TAKEN.finditer(body, clause_start, start)
        if not any(a <= n.start() < b for a, b, _ in cues)
    ]
    if not negations:
        return False
    after = negations[-1].end()
    return not any(after <= a < start and s != "listed" for a, _, s in cues)


# "Allergies: amoxicillin": a heading that names allergies voids the drugs after it.
_ALLERGY_HEAD = re.compile(
    rf"{_W}(?:allerg\w*|drug allergies|אלרגי\w*|רגישויות|רגישות לתרופות|רגישות)\s*:", re.IGNORECASE
)

_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•·▪]|\d{1,2}[.)]|[a-z][.)])\s", re.IGNORECASE)
