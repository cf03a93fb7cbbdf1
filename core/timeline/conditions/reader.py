"""Diagnoses and problems with their context, one sentence at a time; the sentence's
procedures and referrals are read first (`core.timeline.clinical`), and a condition's name
inside their words is theirs.

Negation and history follow ConText (Harkema et al., 2009), the algorithm behind
medspaCy's `medspacy_context`: a trigger phrase ("denies", "no history of", "h/o") opens a
scope that runs forward (or, for "ruled out", backward) to the end of the sentence or to a
terminating word ("but", "however"). medspaCy itself is not used: its dependencies pin
spaCy 3.7 and numpy < 2 against this project's numpy 2, and its sentence splitter logs
every token, the note's words included, at DEBUG (docs/timeline.md)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from core.timeline.conditions.codes import with_codes
from core.timeline.conditions.context import no_diagnosis, own_negation, without_informant
from core.timeline.conditions.course import (
    ongoing,
    over_by_date,
    over_later,
    said_resolved,
    status_in_background,
)
from core.timeline.conditions.naming import term_name
from core.timeline.conditions.occasion import (
    dated_in_background,
    not_this_condition,
    past_admission,
    qualified_name,
)
from core.timeline.conditions.position import positioned
from core.timeline.conditions.reason import order_reason
from core.timeline.conditions.setting import no_condition_here, test_result
from core.timeline.conditions.site import site_after, site_words
from core.timeline.conditions.terminology import termed_conditions
from core.timeline.conditions.typos import misspelt_conditions
from core.timeline.reading.cues import cues
from core.timeline.reading.experiencer import allergy_reaction, relatives_condition
from core.timeline.reading.negation import (
    POST_NEGATION,
    TERMINATE,
    E,
    W,
    negated,
    scope_before,
)
from core.timeline.reading.sections import Heading, section_at
from core.timeline.reading.text import HEB, Lexicon, Sentence
from core.timeline.types import Claimed, DxStatus, Fact, within
from core.timeline.vocab.lexicon import CONDITIONS

# Between two names of one list: "Nausea/vomiting: denies", "Chest pain, SOB: denied".
_LIST_GAP = re.compile(r"^\s*(?:[,/&+]|and|or|ו)?\s*$", re.IGNORECASE)
# ConText's experiencer: a condition of a relative ("mother has", "FHx: MI") is no fact of
# the patient's. Its scope ends where the patient is named again.
_FAMILY = re.compile(
    rf"{W}(?:family history|family hx|fam hx|fhx|fh|mother|mother's|mom|mum|father|"
    r"father's|dad|sister|sister's|brother|brother's|sibling|siblings|parent|parents|"
    r"grandmother|grandfather|grandparent|aunt|uncle|cousin|son|daughter|maternal|paternal|"
    r"wife|husband|spouse|אשתו|בעלה|בן זוגה|בת זוגו|"
    r"relatives?|אמו|אמה|אביו|אביה|אחותו|אחותה|אחיו|אחיה|סבתו|סבתה|סבו|סבה|בנו|בנה|בתו|בתה|"
    r"הוריו|הוריה|דודו|דודה|דודתו|היסטוריה משפחתית|סיפור משפחתי|רקע משפחתי|במשפחה|בן משפחה|"
    r"בני משפחה|אמא שלו|אמא שלה|אבא שלו|אבא שלה|"
    # "מטפלת באם עם דמנציה": a parent with a condition, after a preposition's letter.
    rf"[בלו]?(?:אם|אב|אמו|אמה|אביו|אביה)\s+(?:עם|חולה|חולת|הסובל|הסובלת)){E}",
    re.IGNORECASE,
)
_FAMILY_AFTER = re.compile(
    rf"^[\s,]*(?:in|of)?\s*(?:his|her|the|a)?\s*(?:family|mother|father|sister|brother|parents?|"
    rf"siblings?|relatives?|במשפחה|אצל האם|אצל האב|אצל אמו|אצל אביו|אצל אמה|אצל אביה){E}",
    re.IGNORECASE,
)
_PATIENT = re.compile(
    rf"{W}(?:patient|pt|he|she|himself|herself|client|המטופל|המטופלת|הוא|היא|עצמו|עצמה){E}",
    re.IGNORECASE,
)
_HISTORY = re.compile(rf"{W}(?:{cues('history')}){E}", re.IGNORECASE)
# Weaker signs of the past, that reach only the few words after them: "previously treated
# for depression", but not "prior labs ... now hypothyroidism".
_HISTORY_NEAR = re.compile(
    rf"{W}(?:{cues('history_near')}){E}(?:[^\w{HEB},;]+[\w{HEB}'/-]+){{0,4}}?[^\w{HEB},;]*$",
    re.IGNORECASE,
)
# "Asthma as a child", "migraine in childhood", "MI 2015", "בילדות": the past after the name.
# After a comma the words must end the clause: in "HTN, בעבר pneumonia" they are the next
# name's.
_HISTORY_AFTER_WORDS = rf"(?:{cues('history_after')})(?![\w{HEB}])"
_HISTORY_AFTER = re.compile(
    rf"^[\s(]*{_HISTORY_AFTER_WORDS}|^[\s(]*,[\s(]*{_HISTORY_AFTER_WORDS}\s*(?=[,;.)]|$)",
    re.IGNORECASE,
)
# "diagnosed with X as a teen": the time after the name dates the diagnosis, its onset.
_DIAGNOSED = re.compile(rf"{W}(?:diagnosed|dx'?d|אובחן|אובחנה){E}", re.IGNORECASE)
# "ex-smoker", "quit smoking", "former drinker": the past, of the very next word only.
_HISTORY_JUST_BEFORE = re.compile(
    rf"{W}(?:ex-?|former|quit|stopped|gave up|מעשן לשעבר|הפסיק|הפסיקה)\s*-?\s*$", re.IGNORECASE
)
_UNCERTAIN = re.compile(rf"{W}(?:{cues('uncertain')}){E}|(?:^|(?<=[\s(]))\?\s*$", re.IGNORECASE)
# "depression screen", "שאלון דיכאון PHQ-9": a condition naming a questionnaire.
_SCREENING = re.compile(
    r"(?:שאלון|ציון|סולם|מדד|screen(?:ing)? for|score(?: of)?)\s*$", re.IGNORECASE
)
_SCREENED = re.compile(
    r"^\s*[(:\-]?\s*(?:screen(?:ing)?|questionnaire|scale|inventory|score|scores|scored|"
    r"rating|index|phq|gad|שאלון|ציון|סולם)",
    re.IGNORECASE,
)
# "חום 38.2", "חום גוף תקין": the Hebrew word for fever also labels a temperature.
_TEMPERATURE = re.compile(
    r"[והבלמשכ]?חום(?:\s+גוף)?(?:\s+(?:בבית|בערב|בבוקר|בלילה|היום))?\s*[:=\-]?\s*(?:של\s*)?"
    r"(?:\d|תקין|נמדד|ערך|עומד|היה|בטווח|"
    r"ללא שינוי)"
)
# "asthma 2011", "HTN, dx 2014", "Hyperlipidemia, unspecified [E78.5], diagnosed
# 2013-08-23": the onset as written (a year, a month or a day), past a qualifier that ends
# in a bracketed code (a coded problem list's form).
_ONSET = re.compile(
    r"^[\s,(]*(?:[^.\n\[\]]{0,40}\[[A-Z0-9.]{1,10}\]\s*,?\s*)?(?:onset|diagnosed|dx|dx'd)?\s*"
    r"(?:in|since|from|on|,)?\s*(?P<year>(?:19|20)\d\d(?:-[01]\d(?:-[0-3]\d)?)?)(?![\d-])",
    re.IGNORECASE,
)


@functools.cache
def _conditions() -> Lexicon:
    return Lexicon.of(CONDITIONS)


def read_conditions(
    text: str,
    field: str,
    heads: list[Heading],
    sentence: Sentence,
    cut: Callable[[int], int],
    claimed: Claimed,
    previous: Fact | None,
) -> list[Fact]:
    """The diagnoses of one sentence of `text`, past the spans its procedures and referrals
    claimed; `previous` is the fact read just before it, which a second name of one list
    repeats."""
    conditions = _conditions()
    body, base = sentence.text, sentence.start
    facts: list[Fact] = []
    found = with_codes(body, conditions.find(body))
    found = sorted([*found, *misspelt_conditions(body, found)])
    found = sorted([*found, *positioned(text, field, heads, base, body, found)])
    found = sorted([*found, *termed_conditions(body, found)])
    list_ends = _list_ends(body, found)
    for (start, end, name), list_end in zip(found, list_ends, strict=True):
        c = cut(start)
        # A test's result ("syphilis serology negative") says itself what a test's
        # name would otherwise void.
        result = test_result(body, end, name)
        if (
            within(start, claimed.referrals)
            or (result is None and within(start, claimed.procedures))
            or _UNCERTAIN.search(scope_before(body, start, c))
            or _SCREENING.search(body[max(0, start - 8) : start])
            or (result is None and _SCREENED.match(body[end:]))
            or _TEMPERATURE.match(body, start, len(body))
            or _family(body, start, end, c)
            or relatives_condition(body[c:], start - c)
            or allergy_reaction(body, start)
            or (result is None and no_diagnosis(body, start, end, name))
            or order_reason(body, start, field)
            or no_condition_here(body, start, end, name)
            or not_this_condition(body, start, end, field)
        ):
            continue
        section = section_at(text, heads, base + start)
        if section is not None and (
            section.kind == "uncertain"
            or (section.kind == "family" and not _PATIENT.search(text, section.end, base + start))
        ):
            continue
        status = result or _status(body, start, end, c, name)
        if status == "present" and past_admission(body, start):
            status = status_in_background(name)
        if (
            status != "negated"
            and list_end > end
            and POST_NEGATION.match(body[list_end:])
            and not own_negation(body[list_end:])
        ):
            status = "negated"
        if status == "present" and dated_in_background(body[end:], field):
            status = status_in_background(name)
        if (
            status == "present"
            and section is not None
            and section.kind == "history"
            and not TERMINATE.search(text, max(section.end, base), base + start)
            and not ongoing(body[end:])
        ):
            status = status_in_background(name)
        onset = _ONSET.match(body[end:])
        a, b = base + start, base + end
        last = facts[-1] if facts else previous
        name = qualified_name(body, start, end, term_name(body[start:end], name))
        site = site_after(body, end)
        if site is not None and site[0] not in name:
            sited = _with_site(name, site[0], body[start:end])
            if sited is not None:
                name, b = sited, base + site[1]
        if (  # "No numbness or tingling": two names of one list for one condition
            last is not None
            and (last.kind, last.name, last.status) == ("diagnosis", name, status)
            and _LIST_GAP.match(text[last.end : a])
        ):
            continue
        detail = f"onset {onset.group('year')}" if onset else None
        facts.append(Fact("diagnosis", name, a, b, text[a:b], status=status, detail=detail))
    return facts


_SPACED_DASH = re.compile(r"\s[-–—]\s")


def _with_site(name: str, site: str, written: str) -> str | None:
    """ "cancer" of the colon is the lexicon's colorectal cancer, where it names one ("colon
    cancer"); a sprain of the wrist stays "sprain of wrist" (the lexicon's "wrist sprain" is
    any sprain). A condition written by another of its names ("reflex sympathetic dystrophy
    of the foot" is complex regional pain syndrome) keeps the lexicon's name alone: the
    site is where it shows, not another condition. None: no site in the name."""
    for word in site_words(site):
        specific = _conditions().named(f"{word} {name}")
        if specific is not None and specific != name:
            return specific
    if " ".join(written.casefold().split()) != name:
        return None
    return f"{name} of {site}"


def _status(body: str, start: int, end: int, cut: int, name: str) -> DxStatus:
    """Negated, over (a word of the past, or a dated event), or under a background cue
    ("h/o", "ברקע"), which makes history only what does not last
    (`core.timeline.conditions.course`)."""
    if said_resolved(body[end:]):
        return "history"
    if negated(body, start, end, cut):
        return "negated"
    own = _own_scope(body, start, cut)
    # "past history of": the background cue's own "past" says no more than "history of".
    rest = _HISTORY.sub(lambda m: " " * len(m.group(0)), own)
    # "after eating peanuts - vomiting": a spaced dash ends the reach of "after" ("לאחר").
    rest = rest[max((m.end() for m in _SPACED_DASH.finditer(rest)), default=0) :]
    if (
        _HISTORY_NEAR.search(rest)
        or _HISTORY_JUST_BEFORE.search(rest)
        or (_HISTORY_AFTER.match(body[end:]) and not _DIAGNOSED.search(body, cut, start))
        or over_by_date(name, body[end:])
        or over_later(body[cut:start], body[end:])
    ):
        return "history"
    if _HISTORY.search(own) and not ongoing(body[end:]):
        return status_in_background(name)
    return "present"


def _list_ends(body: str, spans: list[tuple[int, int, str]]) -> list[int]:
    """For each name, where the list it belongs to ends: a negation written after the
    list ("Nausea/vomiting: denies") is every name's."""
    ends = [e for _, e, _ in spans]
    for i in range(len(spans) - 2, -1, -1):
        if _LIST_GAP.match(body[spans[i][1] : spans[i + 1][0]]):
            ends[i] = ends[i + 1]
    return ends


def _family(body: str, start: int, end: int, cut: int = 0) -> bool:
    """A relative's condition: a family trigger in scope before it, with no mention of the
    patient between, or "in his mother" after it."""
    head = without_informant(scope_before(body, start, cut))
    found = list(_FAMILY.finditer(head))
    if found and not _PATIENT.search(head, found[-1].end()):
        return True
    return bool(_FAMILY_AFTER.match(body[end:]))


def _own_scope(body: str, start: int, cut: int = 0) -> str:
    """The scope before `start`, from the patient's own mention on where a relative's came
    before it ("FHx of colon cancer in father, he has HTN")."""
    head = scope_before(body, start, cut)
    if _FAMILY.search(head):
        own = list(_PATIENT.finditer(head))
        return head[own[-1].end() :] if own else head
    return head
