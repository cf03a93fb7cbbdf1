"""Procedures and referrals as one sentence writes them, with what makes a mention no
act (offered, past, only a reason). Moved out of `core.timeline.conditions.reader` unchanged; the
spans it returns keep a condition inside a procedure's or referral's words from being a
diagnosis."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.timeline.procedures.context import (
    home_advice,
    only_a_score,
    past_operation,
    referral_reason,
    waits_on_condition,
)
from core.timeline.procedures.deeds import (
    deed_procedures,
    device_removed,
    only_the_head,
    vaccines_joined,
)
from core.timeline.procedures.guards import no_act_here, paper_sent, what_a_referral_is_for
from core.timeline.procedures.history import not_an_act, told_not_done
from core.timeline.procedures.names import imaging_site, more_services, written_service
from core.timeline.procedures.orders import later_or_heading, only_considered, order_status
from core.timeline.procedures.setting import no_act_in_setting
from core.timeline.procedures.verbs import DONE_VERBS
from core.timeline.reading.negation import PRE_NEGATION, E, W, last_words, negated, scope_before
from core.timeline.reading.sections import Heading, section_at
from core.timeline.reading.text import HEB, Lexicon
from core.timeline.types import Fact, Spans, within

# How many words before a procedure a word of the future reaches ("will arrange an MRI"):
# "Plan discussed with the patient, knee injection performed" was done.
_PLAN_REACH = 3
# "Came for her scheduled knee injection", "as planned": what was planned, now done.
_DONE_AS_PLANNED = re.compile(
    r"(?:for|to)\s+(?:a|an|the|her|his|their)?\s*(?:scheduled|planned|booked|arranged)|"
    r"as (?:planned|scheduled|arranged|booked)|כמתוכנן|כפי שתוכנן|לפי התוכנית",
    re.IGNORECASE,
)
# "Plan: knee injection performed": a word of the deed outweighs the plan's.
_DONE_WORDS = re.compile(
    r"^(?:\s+[\w-]+){0,3}?[\s,:\-–]*(?:was |were )?(?:performed|done|given|completed|"
    rf"administered|carried out|בוצע|בוצעה|נעשה|נעשתה|ניתן|ניתנה)(?![\w{HEB}])",
    re.IGNORECASE,
)
_DONE_WORDS_BEFORE = re.compile(
    rf"{W}(?:performed|did|underwent|had|בוצע|בוצעה|נעשה|נעשתה|עבר|עברה){E}", re.IGNORECASE
)
_REFERRAL = re.compile(
    rf"{W}[וש]?(?:(?:referred|refer|referring|sent|send)\s+(?:him|her|them|the patient|"
    r"patient|pt|the client|client)|(?:הפניתי|הפנינו|שלחנו|שלחתי)\s+(?:אותו|אותה|את המטופל|"
    r"את המטופלת)|referred|referral|refer|ref|refd|sent|referring|re-?referred|consult|"
    r"consulted|consultation|e-?consult|request(?:ed)? (?:a )?consult(?:ation)? (?:from|with)|"
    r"(?:referral )?letter|wrote|written|מכתב|מכתב הפניה|"
    r"ייעוץ|יעוץ|לייעוץ|קונסולטציה|הפניה|הפנייה|הופנה|"
    r"הופנתה|מפנה|מפנים|הפנייתו|הפנייתה|הפניתי|הפנינו|מופנה|מופנית|מופנים|יופנה|תופנה|"
    r"להפנות|נשלח|נשלחה|נשלחו|ישלח|יישלח|תישלח)(?:\s+(?:on|back|made|sent|placed|letter|"
    r"written|done|given|faxed|submitted))?(?:\s*:\s*|\s+(?:to|for)\s+(?:an?\s+)?(?:urgent\s+|"
    r"routine\s+)?|\s+)(?:the\s+|a\s+|an\s+)?(?:(?:urgent|routine|דחופה|דחוף|בהולה)\s+)?ל?-?",
    re.IGNORECASE,
)
# "הופנה למרפאת אורתופדיה": a word for a clinic or doctor between the verb and the specialty.
# "הפניה לטיפול CBT-I": a word for a treatment, and what follows names it whatever its words.
_CLINIC_WORD = re.compile(
    r"^(?:ל|ה|לה)?(?:רופא|רופאת|מרפאת|מרפאה|ייעוץ|יעוץ|מומחה|טיפול)\s+(?:ל|ה)?"
)
# "ENT referral", "cardiology referral placed": the specialty before the word.
_REFERRAL_AFTER = re.compile(
    r"^\s*(?:referral|ref|consult|consultation|e-?consult|opinion)(?![\w])", re.IGNORECASE
)


def read_procedures(
    text: str,
    field: str,
    body: str,
    base: int,
    heads: list[Heading],
    cut: Callable[[int], int],
    procedures: Lexicon,
    specialties: Lexicon,
) -> tuple[list[Fact], Spans, Spans]:
    """The procedures and referrals of one sentence (`body`, at `base` in `text`), with
    the spans of each, which no condition inside may claim."""
    facts: list[Fact] = []

    def told(at: int) -> bool:
        """Whether a procedure or referral at `at` is the patient's account or past."""
        section = section_at(text, heads, base + at)
        history = section is not None and section.kind == "history"
        return told_not_done(body, field, history)

    referral_spans: Spans = []
    for m in _REFERRAL.finditer(body):
        begin = m.end()
        found = _whole(specialties.find(body[begin : begin + 40]), body[begin : begin + 40])
        clinic = None
        if not (found and found[0][0] <= 2):
            # Sliced: "^" does not match at a pos given to match().
            clinic = _CLINIC_WORD.match(body[begin:])
            begin = begin + clinic.end() if clinic else begin
            found = specialties.find(body[begin : begin + 40]) if clinic else []
        if not (found and found[0][0] <= 2):
            written = written_service(body, begin, specialties, clinic is not None)
            found = [(0, written[0] - begin, written[1])] if written else found
        considered = only_considered(last_words(body[: m.start()], _PLAN_REACH))
        considered = considered or paper_sent(body, m.start(), m.group(0))
        if found and found[0][0] <= 2 and not negated(body, m.start(), m.end()) and not considered:
            _, e0, first = found[0]
            end = begin + e0
            joined = more_services(body, end, specialties)
            for start, stop, name in [(m.start(), end, first), *joined]:
                referral_spans.append((start, stop))
                if waits_on_condition(body, m.start(), stop) or told(start):
                    continue
                a, b = base + start, base + stop
                facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
    for start, end, name in specialties.find(body):
        after = _REFERRAL_AFTER.match(body[end:])
        if after is None or within(start, referral_spans) or negated(body, start, end):
            continue
        if what_a_referral_is_for(body, start, referral_spans):
            continue
        stop = end + after.end()
        referral_spans.append((start, stop))
        if waits_on_condition(body, start, stop) or told(start):
            continue
        a, b = base + start, base + stop
        facts.append(Fact("procedure", f"referral: {name}", a, b, text[a:b]))
    # What a verb says ("injection into the R knee") first, then names elsewhere.
    done: list[tuple[int, int, str]] = []
    for pattern, name in DONE_VERBS:
        for m in pattern.finditer(body):
            if all(m.end() <= x or m.start() >= y for x, y, _ in done):
                done.append((m.start(), m.end(), name))
    deeds = deed_procedures(body, field)
    done += [
        (a, b, n)
        for a, b, n in procedures.find(body)
        if all(b <= x or a >= y for x, y, _ in done) and not only_the_head((a, b), deeds)
    ]
    # Then what the deed's words say of a test no list names ("visual field test done").
    done += [(a, b, n) for a, b, n in deeds if all(b <= x or a >= y for x, y, _ in done)]
    proc_spans: Spans = []
    for start, end, name in sorted(done):
        scope = scope_before(body, start, cut(start))
        if within(start, referral_spans):
            continue
        name, start, end = imaging_site(name, body, start, end)
        name = device_removed(name, body, start, end)
        proc_spans.append((start, end))  # a condition in its name is no diagnosis
        near = last_words(_DONE_AS_PLANNED.sub(" ", scope), _PLAN_REACH)
        done_said = bool(_DONE_WORDS.match(body[end:]) or _DONE_WORDS_BEFORE.search(near))
        order = order_status(near, body[end:], done_said)
        if PRE_NEGATION.search(re.split(r"[,;:]", near)[-1]) or order == "none":
            continue
        if later_or_heading(name, body[end:]) or only_a_score(name, body[end:]):
            continue
        if (
            waits_on_condition(body, start, end)
            or referral_reason(body, start, end, referral_spans)
            or past_operation(body, start, end)
            or home_advice(body[start:end], field, done_said)
            or told(start)
            or not_an_act(body, start, end, field)
            or no_act_here(name, body, start, end, field)
            or no_act_in_setting(body, start, end, field)
        ):
            continue
        a, b = base + start, base + end
        status = "ordered" if order == "ordered" else None
        for _ in range(vaccines_joined(body, start, end) if name == "vaccination" else 1):
            facts.append(Fact("procedure", name, a, b, text[a:b], status=status))
    return facts, referral_spans, proc_spans


def _whole(found: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """`found` less names that are part of a hyphenated word ("neuro-ophthalmology")."""
    return [(a, b, n) for a, b, n in found if text[b : b + 1] != "-"]
