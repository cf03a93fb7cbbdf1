"""Medication events by the verb and section that record them: "Start sertraline 50 mg"
(started), "D/c metformin" (stopped), "cont. lisinopril" (continued), "Meds: metformin 500
mg bid" (listed). A verb holds for the drugs after it in its sentence until another verb;
one written after the drug ("ibuprofen stopped") holds for that drug. A drug in the plan
with no verb is prescribed there; elsewhere it is only listed."""

from __future__ import annotations

import functools
import re

from rapidfuzz import fuzz, process

from core.timeline.lexicon import DRUGS
from core.timeline.text import HEB, Lexicon, sentences
from core.timeline.types import Fact, MedStatus

_W = rf"(?<![\w{HEB}])"
_E = rf"(?![\w{HEB}])"


def _cues(words: str) -> str:
    return "|".join(w.strip() for w in words.split("|"))


# Each cue: a pattern and the status it gives the drugs after it.
_CUES: tuple[tuple[MedStatus, str], ...] = (
    (
        "stopped",
        _cues(
            r"stop|stopped|stopping|stops|d/c|d/c'd|d/ced|dc'd|dced|discontinue|discontinued|"
            r"discontinuing|cease|ceased|held|hold|holding|taper off|tapered off|tapering off|"
            r"came off|come off|no longer taking|no longer on|switched from|changed from|"
            r"switch from|change from|הפסיק|הפסיקה|להפסיק|הופסק|הופסקה|הפסקנו|הפסקת|מפסיק|"
            r"מפסיקה|הפסקה של|הורדנו"
        ),
    ),
    (
        "started",
        _cues(
            r"start|started|starting|starts|begin|began|begun|beginning|initiate|initiated|"
            r"initiating|commence|commenced|commencing|add|added|adding|new rx|new prescription|"
            r"prescribe|prescribed|prescribing|rx|rx'd|trial of|put on|placed on|switched to|"
            r"switch to|changed to|change to|given a prescription for|script for|"
            r"התחיל|התחילה|להתחיל|התחלת|התחלנו|מתחיל|מתחילה|הותחל|הותחלה|נרשם|נרשמה|רשמתי|"
            r"ניתן מרשם ל|מרשם ל|הוסף|הוספנו|להוסיף|נתתי מרשם ל"
        ),
    ),
    (
        "continued",
        _cues(
            r"continue|continued|continues|continuing|cont\.?|maintain|maintained|remain on|"
            r"remains on|stay on|stays on|refill|refilled|refills|renew|renewed|same dose|"
            r"increase|increased|increasing|decrease|decreased|reduce|reduced|titrate|titrated|"
            r"uptitrate|up-titrate|adjust|adjusted|ממשיך|ממשיכה|להמשיך|המשך|המשיך|המשיכה|"
            r"העלאת מינון|הורדת מינון|חידוש מרשם|חידשתי"
        ),
    ),
    (
        "listed",
        _cues(
            r"meds|medications|medication list|med list|current meds|current medications|"
            r"home meds|takes|taking|uses|using|is on|currently on|already on|been on|"
            r"תרופות|תרופות קבועות|נוטל|נוטלת|מקבל|מקבלת|מטופל ב|מטופלת ב"
        ),
    ),
)
_CUE = re.compile(
    "|".join(rf"(?P<{status}>{_W}(?:{words}){_E})" for status, words in _CUES), re.IGNORECASE
)
# What voids a mention: an allergy, a refusal, "not on".
_NOT_TAKEN = re.compile(
    rf"{_W}(?:allerg\w*|nkda|intoleran\w*|declined|declines|refused|refuses|not on|not taking|"
    rf"never took|never taken|avoid|avoids|contraindicated|no|אלרגי\w*|רגישות ל|סירב\w*|לא נוטל\w*|"
    rf"ללא|אין){_E}",
    re.IGNORECASE,
)
# After the drug: a past participle ("ibuprofen stopped"), or an imperative set off by a
# dash or colon ("Amlodipine 5 mg - continue"); a bare imperative begins the next order.
_AFTER = re.compile(
    r"^[\s,]*(?:(?:was|were|has been|is|have been|הייתה|היה)?\s*"
    r"(?P<status>stopped|discontinued|d/c'?d|held|ceased|started|initiated|commenced|continued|"
    r"refilled|renewed|הופסק|הופסקה|הותחל|הותחלה)|[-–:]\s*(?P<order>continue|cont|stop|hold|"
    r"start|להמשיך|להפסיק))(?![\w])",
    re.IGNORECASE,
)
_AFTER_STATUS: dict[str, MedStatus] = {
    "stopped": "stopped",
    "discontinued": "stopped",
    "held": "stopped",
    "ceased": "stopped",
    "הופסק": "stopped",
    "הופסקה": "stopped",
    "started": "started",
    "initiated": "started",
    "commenced": "started",
    "הותחל": "started",
    "הותחלה": "started",
    "continued": "continued",
    "refilled": "continued",
    "renewed": "continued",
    "continue": "continued",
    "cont": "continued",
    "להמשיך": "continued",
    "stop": "stopped",
    "hold": "stopped",
    "להפסיק": "stopped",
    "start": "started",
}
_DOSE = re.compile(
    r"^\s*(?:to\s+|at\s+|ל-?\s*)?(?P<dose>\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g|ml|units?|iu|"
    r"מ[\"״]?ג|מק[\"״]?ג|יחידות|מ\"ל)(?![\w]))(?:\s*(?:po|daily|once daily|twice daily|bid|tid|"
    r"qid|qd|od|prn|nocte|qhs|at night|in the morning|bd|mane|qam|qpm|weekly|פעם ביום|"
    r"פעמיים ביום|בבוקר|בערב|בלילה|ביום))*",
    re.IGNORECASE,
)


@functools.cache
def _lexicon() -> Lexicon:
    return Lexicon.of(DRUGS)


def read_medications(text: str, field: str) -> list[Fact]:
    facts: list[Fact] = []
    lexicon = _lexicon()
    default: MedStatus = "started" if field == "plan" else "listed"
    for sentence in sentences(text):
        body = sentence.text
        mentions = sorted([*lexicon.find(body), *_misspelled(body, lexicon)])
        if not mentions:
            continue
        cues: list[tuple[int, int, MedStatus]] = [
            (m.start(), m.end(), _status(m)) for m in _CUE.finditer(body)
        ]
        for start, end, name in mentions:
            dose_match = _DOSE.match(body[end:])
            stop = end + (dose_match.end() if dose_match else 0)
            if _voided(body, start, cues):
                continue
            after = _AFTER.match(body[stop:])
            earlier: list[MedStatus] = [cue for c, _, cue in cues if c < start]
            status: MedStatus = (
                (
                    _AFTER_STATUS.get((after.group("status") or after.group("order")).casefold())
                    or "stopped"
                )
                if after is not None
                else earlier[-1]
                if earlier
                else default
            )
            a, b = sentence.start + start, sentence.start + stop
            dose = " ".join(dose_match.group("dose").split()) if dose_match else None
            facts.append(Fact("medication", name, a, b, text[a:b], status=status, dose=dose))
    return facts


# A word with a dose after it that is no known name may be one misspelt ("sertaline 50 mg").
_DOSED_WORD = re.compile(r"(?<![\w-])([a-z]{6,})(?=\s*\d+(?:\.\d+)?\s*(?:mg|mcg|units?)\b)", re.I)


def _misspelled(body: str, lexicon: Lexicon) -> list[tuple[int, int, str]]:
    """Drug names within two edits of a known one, only where a dose follows (elsewhere a
    near name is too often another word)."""
    found: list[tuple[int, int, str]] = []
    for m in _DOSED_WORD.finditer(body):
        word = m.group(1).casefold()
        if word in lexicon.canonical:
            continue
        best = process.extractOne(word, _latin_names(), scorer=fuzz.ratio, score_cutoff=85)
        if best is not None:
            found.append((m.start(1), m.end(1), lexicon.canonical[best[0]]))
    return found


@functools.cache
def _latin_names() -> list[str]:
    return [name for name in _lexicon().canonical if name.isascii() and len(name) >= 6]


def _voided(body: str, start: int, cues: list[tuple[int, int, MedStatus]]) -> bool:
    """An allergy, refusal or "not on" in the drug's clause, with no verb after it that
    makes the drug taken again. A negation inside a verb ("no longer taking") is the verb's."""
    clause_start = max(body.rfind(",", 0, start), body.rfind(":", 0, start)) + 1
    negations = [
        n
        for n in _NOT_TAKEN.finditer(body, clause_start, start)
        if not any(a <= n.start() < b for a, b, _ in cues)
    ]
    if not negations:
        return False
    after = negations[-1].end()
    return not any(after <= a < start and s != "listed" for a, _, s in cues)


def _status(m: re.Match[str]) -> MedStatus:
    for status, _ in _CUES:
        if m.group(status) is not None:
            return status
    raise AssertionError("a cue matched no group")
