"""Medication events by the verb and section that record them: "Start sertraline 50 mg"
(started), "D/c metformin" (stopped), "cont. lisinopril" (continued), "Meds: metformin 500
mg bid" (listed). A verb holds for the drugs after it in its sentence until another verb;
one written after the drug ("ibuprofen stopped") holds for that drug. A drug in the plan
with no verb is prescribed there; elsewhere it is only listed."""

from __future__ import annotations

import functools
import re

from core.timeline.medications.clauses import (
    Carry,
    action_cues,
    allergy_listed,
    one_insulin,
    opens_next,
    voided,
)
from core.timeline.medications.context import (
    given_here,
    not_a_drug,
    on_it_in_the_plan,
    tells_the_past,
)
from core.timeline.medications.cues import AFTER, CUE, DOSE, after_status
from core.timeline.medications.intent import (
    a_relatives,
    analyte_level,
    conditional_after,
    is_reading,
    only_talked_about,
    past_circumstance,
    talk_spans,
)
from core.timeline.medications.names import FREQ, Mention, drug_lexicon, hebrew_near, misspelled
from core.timeline.reading.text import HEB, Lexicon, sentences
from core.timeline.resources import WORD_END, WORD_START
from core.timeline.types import Fact, MedStatus
from core.timeline.vocab import drug_hebrew, drug_vocab
from core.timeline.vocab.lexicon import PROCEDURES

_W = WORD_START
_E = WORD_END


@functools.cache
def _procedures() -> Lexicon:
    return Lexicon.of(PROCEDURES)


# "switched from sertraline to escitalopram", "replace X with Y", "X → Y", "הוחלף מ-X ל-Y":
# the first drug is stopped and the second started.
_SWITCH = re.compile(
    rf"{_W}(?:switch|switched|switching|change|changed|changing|replace|replaced|replacing|"
    r"convert|converted|swap|swapped|substitute|substituted|transition|transitioned|rotate|"
    r"rotated|מעבר|הוחלף|הוחלפה|הוחלפו|החלפה|החלפנו|להחליף|מחליף|מחליפים|עבר|עברה|הועבר|"
    rf"הועברה|לעבור|במקום|instead of){_E}",
    re.IGNORECASE,
)
# Right before a name: the switch's verb whose object it is ("Switch X to Y").
_SWITCHED_NAME = re.compile(_SWITCH.pattern + r"\s+(?:from\s+)?$", re.IGNORECASE)
_SWITCH_LINK = re.compile(
    r"^[\s,]*(?:\([^)]*\)\s*)?(?:(?:was|is|has been|were)\s+)?(?P<verb>[\w\u05d0-\u05ea]+\s+)?"
    r"(?:to|with|by|for|into|→|->|=>|⇒|ל-?|ב-?)\s*$",
    re.IGNORECASE,
)
_ARROW = re.compile(r"→|->|=>|⇒")
# The name a switch goes to: "Switch X to Y", "swap X for Y".
_TO_BEFORE = re.compile(r"(?:(?<![\w-])(?:to|for|with)|→|->)\s*$", re.IGNORECASE)


def _switched_to(body: str, start: int) -> bool:
    return (
        _TO_BEFORE.search(body, 0, start) is not None and _SWITCH.search(body, 0, start) is not None
    )


# "Stop:", "Continue:", "Current medications:" over a list of the lines below it.
_HEADING = re.compile(r"^[\s\-*•#]*(?P<cue>[^:\n]{1,40}?)\s*:")


def read_medications(text: str, field: str) -> list[Fact]:
    facts: list[Fact] = []
    lexicon = drug_lexicon()
    field_default: MedStatus = "started" if field == "plan" else "listed"
    carry: Carry | None = None  # the status a heading gives the list below it
    under = False
    for sentence in sentences(text):
        body = sentence.text
        if carry is not None:
            holds = carry.holds(text, sentence.start)
            if holds is not None:
                under = holds
                carry = carry if holds else None
        default = carry.status if carry is not None and under else field_default
        known = lexicon.find(body)
        # The vocabulary comes after the lexicon: a name the lexicon read stays its.
        vocab = [
            v for v in drug_vocab.find(body) if all(v[1] <= a or v[0] >= b for a, b, _ in known)
        ]
        carried = carry is not None and under
        if (
            not known
            and not vocab
            and not carried
            and not _MAYBE_DRUG.search(body)
            and not CUE.search(body)
            and not drug_hebrew.TREATED_ON.search(body)
        ):
            continue
        cues = action_cues(body, field)
        known = sorted(
            [
                *known,
                *(
                    v
                    for v in vocab
                    if drug_vocab.written_as_medication(
                        body,
                        v[0],
                        v[1],
                        cue_before=carried
                        or any(c < v[0] for c, _, _ in cues)
                        or _SWITCHED_NAME.search(body, 0, v[0]) is not None
                        or _switched_to(body, v[0]),
                    )
                ),
            ]
        )
        heading = _HEADING.match(body)
        if heading is not None:
            own: list[MedStatus] = [
                st for a, b, st in cues if a >= heading.start("cue") and b <= heading.end("cue")
            ]
            if own:
                end = text.find("\n", sentence.start)
                carry = Carry(
                    own[-1], len(text) if end < 0 else end, not body[heading.end() :].strip()
                )
                under = False
        verbs = [(a, b) for a, b, _ in cues]
        # A Hebrew spelling of a vocabulary name before a near one: "זופרן" is Zofran.
        spelled: list[Mention] = []
        if _HEBREW_LETTER.search(body):
            taken = [*((a, b) for a, b, _ in known), *verbs, *talk_spans(body)]
            named = [(a, b) for a, b, _ in known]
            spelled = drug_hebrew.find(body, taken, verbs, item=carried, named=named)
        near = [g for g in hebrew_near(body) if all(g[1] <= a or g[0] >= b for a, b, _ in spelled)]
        guessed = [*misspelled(body, lexicon, cues), *spelled, *near]
        mentions = sorted(
            [*known, *(g for g in guessed if all(g[1] <= a or g[0] >= b for a, b, _ in known))]
        )
        found: list[tuple[int, int, str, MedStatus, str | None]] = []
        owned: set[int] = set()
        procedures = _procedures().find(body)
        mentions = one_insulin(body, mentions)
        for k, (start, end, name) in enumerate(mentions):
            dose_match = DOSE.match(body[end:])
            stop = end + (dose_match.end() if dose_match else 0)
            ordering = [a for a, _, st in cues if st != "listed"]
            if voided(body, start, cues) or allergy_listed(body, start):
                continue
            if only_talked_about(body, start, stop, ordering):
                continue  # "Offered X, declined": no medication event
            listed_before = any(c < start and st == "listed" for c, _, st in cues)
            if is_reading(body, end) and not listed_before and not carried:
                # "אשלגן 4.2" is a level; "נוטל X 0.4", or "X 2.5" under "Meds:", a dose.
                continue
            if (
                analyte_level(name, body, end)
                and not carried
                and not any(c < start for c, _, _ in cues)
                and (field == "objective" or all(n == name for _, _, n in mentions))
            ):
                # "vit D 38" among the results: a level. Beside other drugs outside the
                # examination ("aspirin 100, folic acid 5") the number is a dose; the
                # same drug named twice ("Vit D deficiency - vit D 38") is no other drug.
                continue
            if a_relatives(body, start):
                continue  # "Husband takes metformin": not the patient's
            if past_circumstance(body, start):
                continue  # "DVT 2020 on OCP": what she took when a past event happened
            if not_a_drug(name, body, start, end):
                continue  # "vitamin D deficiency", "low B12", "ASA 2": no drug taken
            if any(a <= start and end <= b for a, b, _ in procedures):
                continue  # "B12 injection", "Kenalog injection": the procedure's

            after = AFTER.match(body[stop:])
            if after is not None and opens_next(body, stop, after, mentions[k + 1 :]):
                after = None  # "X 50 mg, ממשיך ליטול Y": the verb is the next drug's
            # A participle said of an earlier drug ("since X increased") is that drug's.
            earlier: list[MedStatus] = [cue for c, _, cue in cues if c < start and c not in owned]
            if earlier and after is not None and tells_the_past(body, stop + after.end()):
                after = None  # "Stop X started by the GP": the verb before orders
            # "Metformin caused GI upset and was stopped": with no verb before it, the drug
            # takes the first one after it, before the next drug.
            until = mentions[k + 1][0] if k + 1 < len(mentions) else len(body)
            later: list[MedStatus] = [
                "listed" if given_here(body, e) else cue
                for c, e, cue in cues
                if stop <= c and e <= until and cue != "listed"
            ]
            status: MedStatus = (
                after_status(after)
                if after is not None
                else earlier[-1]
                if earlier
                else later[0]
                if later
                else "listed"
                if default == "started" and on_it_in_the_plan(body, start)
                else default
            )
            if status != "continued" and conditional_after(body, stop, cues):
                continue  # "Start X 100 mg bd if the swab grows Y": an order in waiting
            if status == "stopped" and _IN_ITS_PLACE.search(body, 0, start):
                status = "started"  # "Stop X, instead Y": Y replaces it
            if dose_match is None and after is not None:
                # "Omeprazole: reduce to 20 mg": the dose follows the verb said of the drug.
                dose_match = DOSE.match(body[stop + after.end() :])
            dose = " ".join(dose_match.group("dose").split()) if dose_match else None
            found.append((start, stop, name, status, dose))
            if after is not None:
                owned.update(c for c, _, _ in cues if stop <= c < stop + after.end())
        for i in range(len(found) - 1):
            (_, stop1, _, _, _), (start2, _, _, _, _) = found[i], found[i + 1]
            link = _SWITCH_LINK.match(body[stop1:start2])
            if link is None:
                continue
            verb = link.group("verb") or ""
            if _ARROW.search(body[stop1:start2]) or _SWITCH.search(body[: found[i][0]] + verb):
                found[i] = (*found[i][:3], "stopped", found[i][4])
                found[i + 1] = (*found[i + 1][:3], "started", found[i + 1][4])
        # "Start Y instead of X", "במקום X - Y": the drug replaced is stopped.
        found = [
            (*f[:3], "stopped", f[4]) if _INSTEAD_OF.search(body, 0, f[0]) else f for f in found
        ]
        for start, stop, name, status, dose in found:
            a, b = sentence.start + start, sentence.start + stop
            facts.append(Fact("medication", name, a, b, text[a:b], status=status, dose=dose))
    return facts


_INSTEAD_OF = re.compile(
    r"(?:instead of|in place of|rather than|במקום)\s+(?:the\s+|ה)?$", re.IGNORECASE
)


# Round 7: right before a drug after a stop, the drug put in the stopped one's place.
_IN_ITS_PLACE = re.compile(
    r"(?:\binstead|\bin its place|במקומו|במקומה|במקומם|במקום זאת|במקום זה)\s*[:,-]?\s*$",
    re.IGNORECASE,
)
_HEBREW_LETTER = re.compile(f"[{HEB}]")
# Round 7: a count of a form ("5 drops", "2 sachets", "שתי שאיפות") and a Hebrew schedule
# ("פעמיים ביום") say a drug may be written as well as a weight does, as in `drug_vocab`.
_MAYBE_DRUG = re.compile(
    rf"\d\s*(?:mg|mcg|units?|tabs?|tablets?|puffs?|caps|capsules?|sachets?|drops|"
    rf"מ[\"״]?ג|מק[\"״]?ג|יחידות|כדור|טיפות|שאיפות|טבליות|כמוסות|שקיות|שקית)|{FREQ}|"
    rf"(?:פעם|פעמיים|\d\s*פעמים)\s+ב(?:יום|שבוע)",
    re.I,
)
