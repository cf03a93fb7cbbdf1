"""Which questions the timeline answers, and what each asks for. A question is routed
here only when it names both a thing the timeline holds (a measure, a drug, a condition,
visits) and a question over time about it ("latest", "last three", "when was … first",
"what was prescribed on …"); everything else takes the model's path."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Literal

from core.retrieval.reading import Reading, read_question, spaced_out
from core.timeline.answers import cues
from core.timeline.answers.asked import measures_in, names_a_measure
from core.timeline.answers.corrections import dictated, set_aside, taken_back, typed, without_asks
from core.timeline.answers.named import named, names_subject, referral_named, subject_words
from core.timeline.answers.scene import SENTENCE, asking_part, without_the_asker
from core.timeline.answers.spelling import corrected
from core.timeline.measures.specs import HIGHER_IS_BETTER
from core.timeline.reading.text import HEB

Ask = Literal[
    "latest",
    "last_n",
    "first_value",
    "change",
    "series",
    "highest",
    "lowest",
    "still_taking",
    "med_stopped",
    "reading_count",
    "med_course",
    "still_has",
    "med_first",
    "med_last",
    "prescribed_at",
    "prescribed_for",
    "current_meds",
    "first_diagnosed",
    "last_visit",
    "first_visit",
    "visits_in_period",
    "time_since_visit",
    "any_record",
]

_W, _E = cues.W, cues.E


@dataclass(frozen=True)
class OverTime:
    ask: Ask
    measures: tuple[str, ...] = ()  # MEASURES keys; BP asks for both of its
    subject: str | None = None  # a drug, a condition or a procedure (canonical), or words
    n: int = 1
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    day: dt.date | None = None
    hebrew: bool = False
    # Placed by no pattern of its operation: the subject's whole record, for want of one.
    fallback: bool = False


_NUMBERS = {**cues.numbers("en"), **cues.numbers("he")}
_EN_N = "|".join([r"\d", *cues.numbers("en")])
_HE_N = "|".join([r"\d", *cues.numbers("he")])
# "The last 3", "three most recent", "שלוש המדידות האחרונות": how many, and that they are
# the last.
_LAST_N = re.compile(
    rf"{_W}{cues.alternatives('last_n_before', ('en',))}\s+(?P<n>{_EN_N}){_E}"
    rf"|{_W}(?P<m>{_EN_N})\s+{cues.alternatives('last_n_after', ('en',))}{_E}"
    rf"|(?<![A-Za-z0-9]-)(?<!\w)(?:ב|ש|ו|כש|מ)?(?P<nh>{_HE_N})\s+(?:[^\s?]+\s+){{0,3}}?"
    rf"{cues.alternatives('last_n_after', ('he',))}"
    # "the latest reading and the ones before it, 5 in total"
    rf"|{_W}(?:latest|last|most recent)\b[^?]{{0,40}}?\b(?:ones|readings|values|results) "
    rf"(?:before|preceding|prior)\b[^?\d]{{0,20}}?(?P<t>{_EN_N}) (?:in total|in all|altogether)",
    re.IGNORECASE,
)
_LATEST = cues.cue("latest")
_FIRST = cues.cue("first")
_CHANGE = cues.cue("change")
_TREND = cues.cue("trend")
_EVERY = cues.cue("every")
_PURPOSE = cues.cue("purpose")
_LISTED = cues.cue("listed")
_HIGHEST = cues.cue("highest")
_LOWEST = cues.cue("lowest")
_BY_HOW_MUCH = cues.cue("by_how_much")
_COUNT = cues.cue("count")
_STOPPED = cues.cue("stopped")
_NOW = cues.cue("now")
_EVER = cues.cue("ever")
_OF_THE_RECORD = cues.cue("of_the_record")
_LAST_PLURAL = cues.cue("last_plural")
_LAST = cues.cue("last")
_DOSE = cues.cue("dose")
_STILL = cues.cue("still")
_HOW_MANY_TIMES = re.compile(
    f"{_W}{cues.alternatives('how_many_times')}{_E}.*{_W}{cues.alternatives('times_seen')}{_E}",
    re.IGNORECASE,
)
_WHEN = cues.cue("when")
_DATED = cues.cue("dated")
_SINCE = cues.cue("since")
_NOT_BUT = re.compile(
    rf"{_W}(?:not|rather than|instead of|לא)\s(?P<inner>[^.?!:;]{{0,40}}?)\s(?:but|אלא)"
    rf"(?:\s+(?:the|ה))?{_E}"
    # "Not the first visit — the latest one, when was it?"
    rf"|^\s*(?:not|לא)\s(?P<set_aside>[^.?!:;—–]{{0,40}}?)\s[—–-]\s",
    re.IGNORECASE,
)
_NOT_ON = cues.cue("not_on")
_PRESCRIBED = cues.cue("prescribed")
_STARTED = cues.cue("started")
_MEDS = cues.cue("meds")
_TREATED = cues.cue("treated")
_FOR = cues.cue("given_for")
# "from" before a whole day's date, not a month's or a year's, and no end after it: what
# that day's visit holds ("Prescriptions from 23 May 2025?", "מרשמים מ-23.5.2025").
_FROM_DAY = re.compile(
    r"(?:\bfrom|(?<!\w)מ[-־]?|(?<!\w)מתאריך)\s*(?:the\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+\d{4}|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+"
    r"\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})"
    r"(?!\s*(?:to\b|until|till|through|and\b|onwards|-|–|עד|ו?הלאה|ואילך|ועד))",
    re.IGNORECASE,
)
_FOR_WHAT = cues.cue("for_what")
_DIAGNOSED = cues.cue("diagnosed")
_VISIT = cues.cue("visit")
_VISITS = cues.cue("visits")
_VISIT_DATES = cues.cue("visit_dates")
_CAME = cues.cue("came")
_FUTURE = cues.cue("future")
_NOT_SEEN = cues.cue("not_seen")
_CONTENT = cues.cue("content")
_IN_THE_RECORD = cues.cue("in_the_record")
_HOW_LONG = cues.cue("how_long")
_HOW_MANY = cues.cue("how_many")
# What follows the words is what the record is asked about.
_ANY_RECORD = re.compile(
    rf"{_W}{cues.alternatives('any_record')}(?:\s+(?:an|a|the)\b)?(?P<rest>.*)$", re.IGNORECASE
)
_ON_FILE = cues.cue("on_file")
_REFERRED = cues.cue("referred")
_TAKING = cues.cue("taking")
_CURRENT = cues.cue("current")


def read_over_time(question: str, today: dt.date | None = None) -> OverTime | None:
    """What the timeline should answer, or None when the question is not one it answers.
    A question placed nowhere, or only as a list of readings, is read once more with its
    misspelt words put right: "how mnay BP measurments" asks for a count. A question that
    corrects itself is read as corrected ("the first HR - sorry, I mean the latest")."""
    question = without_the_asker(dictated(typed(question)), today, _read_over_time)
    question = set_aside(taken_back(question))
    found = _read_over_time(asking_part(question, today, _read_over_time), today)
    if (found is None or found.ask == "series") and (fixed := corrected(question)) is not None:
        again = _read_over_time(fixed, today)
        found = again if again is not None and (found is None or again.ask != "series") else found
    scene = found is not None and not found.fallback and _scene_only(question)
    placed = None if found is None or found.fallback or scene else (found.subject, found.measures)
    asked = _asked_clause(question, today, placed)
    # The last clause decides where the words before it named another subject ("Endo
    # referral - how many A1c tests…"); about the same subject, the whole question says
    # more ("Compared with the visit on 12 Nov, is her A1c higher or lower now?").
    if asked is not None and (
        found is None
        or found.fallback
        or (found.subject, found.measures) != (asked.subject, asked.measures)
        # Words before it that only say who asks ("a locum, reading the chart for the first
        # time - what was the last pain score?") do not ask: the last clause does.
        or (scene and found.ask != asked.ask)
    ):
        return asked
    return found


def _unasked(m: re.Match[str]) -> str:
    """What a "not … but" leaves of the question: what it sets aside without its asks ("not
    the BP history but the value on 16 April" still asks of the BP), and the thing named
    before a dash ("Not the first visit — the latest one") without its order."""
    aside = m.group("set_aside")
    if aside is None:
        return f" {without_asks(m.group('inner'))} "
    return f" {_FIRST.sub(' ', _LATEST.sub(' ', aside))} - "


def _about_notes(q: str) -> bool:
    """Whether a question about visits asks what their notes say or what was given ("מה
    נרשם"), not how many were recorded ("כמה ביקורים נרשמו")."""
    return bool(_asks_the_notes(q) or _PRESCRIBED.search(q)) and not _COUNT.search(q)


def _terse(q: str) -> bool:
    """A question of three words at most, asked as a question: "Gout?", "הפניה לקרדיולוגיה?"."""
    return q.rstrip().endswith("?") and len(re.findall(rf"[\w{HEB}]+", q)) <= 3


def _asks_the_notes(q: str) -> bool:
    """Whether a question asks what the notes say: not where it looks ("his earliest visit
    in these notes"), what it is for ("for the purposes of the report") nor what it counts
    ("כמה ביקורים נרשמו לו")."""
    asked = _PURPOSE.sub(" ", _IN_THE_RECORD.sub(" ", q))
    return bool(_CONTENT.search(asked)) and not _COUNT.search(q)


def _scene_only(question: str) -> bool:
    """Whether the words before the question's last dash or colon only set the scene: they
    name nothing and hold no date ("רופא מחליף, קורא את התיק בפעם הראשונה — …")."""
    parts = _SCENE.split(" ".join(question.split()))
    scene = " ".join(parts[:-1])
    # "ספירה: מדידות משקל ב-2025": a count named before the colon asks; it is no scene.
    asks = _COUNT.search(scene)
    return bool(scene) and not re.search(r"\d", scene) and not names_subject(scene) and not asks


_SCENE = re.compile(r"\s[-–—]\s|[:;]\s")


# Where a question's context ends and what it asks begins: "Psych referral mentions Tritace
# - when did he first go on it?", "Before I renew the metformin, what's the current eGFR?",
# "לפני שאני מעלה את הביסופרולול, מה הדופק האחרון שלה".
_CLAUSE = re.compile(r"\s[-–—]\s|[:;]\s|,\s(?!\d{4}\b)")
# "…duloxetine - is that still one of his current medicines?": "that" or "this" after a
# verb that asks stands for the thing too. Not the "it" of "how long has it been", nor the
# patient seen ("שראינו אותו").
_IT = re.compile(
    rf"{_W}(?:it(?!\s+been|'s\s+been)|זה|(?<!ראינו )(?<!ראיתי )(?<!פגשנו )(?:אותה|אותו)){_E}"
    r"|(?:(?<=\bis )|(?<=\bwas )|(?<=\bhas ))(?:that|this)\b",
    re.IGNORECASE,
)
_SAME = OverTime("series")  # a clause about what the whole question was placed on


def _asked_clause(
    question: str, today: dt.date | None, placed: tuple[str | None, tuple[str, ...]] | None = None
) -> OverTime | None:
    """The question the last sentence or clause that asks over time asks, where the words
    before it only set the scene ("She's on the phone feeling dizzy. What did her BP read
    last time?") and the sentences after it name nothing (a reason: "…? I need to know
    before I dose anything renally cleared."); with the whole question's period when it has
    none. None for one clause, or where nothing reads over time alone, or where the clause
    names what the whole question was `placed` on (it stands; the clause is not read)."""
    q = " ".join(question.split())
    sentences = [x for x in SENTENCE.split(q) if x]
    # "Is he still on Januvia? I ask because the form lists current medicines.": where a
    # sentence asks with a question mark, one without it gives a reason; it does not ask.
    asking = [i for i, x in enumerate(sentences) if x.endswith("?")]
    for i in range(len(sentences) - 1, -1, -1):
        if asking and i not in asking:
            continue
        later = " ".join(sentences[i + 1 :])
        if later and names_subject(later):
            return None
        asked = _clause(sentences[i], " ".join(sentences[:i]), len(sentences) > 1, today, placed)
        if asked is _SAME:
            return None
        if asked is None:
            continue
        if asked.date_from is None and asked.date_to is None and asked.day is None:
            whole = read_question(q, today)
            # "Home-care visit tomorrow; what did GFR read most recently?", "I'm the locum
            # in room 3 today. What's her most recent BP?": today, or a day still to come,
            # sets the scene; it is not a period of the record.
            if whole.date_from is None or whole.date_from < (today or dt.date.today()):
                asked = replace(
                    asked, date_from=whole.date_from, date_to=whole.date_to, day=whole.day
                )
        return asked
    return None


def _clause(
    sentence: str,
    before: str,
    alone: bool,
    today: dt.date | None,
    placed: tuple[str | None, tuple[str, ...]] | None,
) -> OverTime | None:
    """What the sentence's last clause asks (the whole sentence where it is one of several
    and that clause is short), its "it" the drug named before it; `_SAME` where it names
    what the whole was `placed` on, unread: a period read costs more than the patterns."""
    parts = _CLAUSE.split(sentence)
    if len(parts) < 2 or len(parts[-1].split()) < 3:
        if not alone:
            return None
        parts = [sentence]
    last = parts[-1]
    now = named(last)
    if placed is not None and (now.drug or now.condition or now.procedure, now.measures) == placed:
        return _SAME
    topic = " ".join([before, *parts[:-1]])
    earlier = named(topic)
    if earlier.measures and now.measures and not names_a_measure(last):
        return None  # "Her PHQ-9, gained or lost since the first one?": of the PHQ-9
    # What "it" stands for is named nearest it: in the sentence's own clauses before it
    # ("Vitamin D, emollient. Duloxetine — is he still on it?"), else in those before.
    own = named(" ".join(parts[:-1]))
    it = own.drug or own.condition or own.procedure
    it = it or earlier.drug or earlier.condition or earlier.procedure
    names_none = not (now.drug or now.condition or now.procedure or now.measures)
    if (
        names_none
        and earlier.spans
        and not re.search(rf"[\w{HEB}]", spaced_out(topic, earlier.spans))
    ):
        return None  # "Pantoprazole — still on the active list?": the name is the topic
    if earlier.measures and names_none and _IT.search(last):
        return None  # "The blood pressure, how many times it was checked?": of the BP
    if it is not None and names_none:
        # "Psych referral mentions Tritace - when did he first go on it?": "it" is the drug;
        # "בהפניה כתוב שיגדון, זה מתועד אצלנו בכלל": "זה" the condition.
        last = _IT.sub(it, last, count=1)
    asked = _read_over_time(last, today)
    if asked is None or asked.fallback:
        return None
    # "…? I mean the oldest reading in her notes.": words of no name ask no record of their own.
    return None if asked.ask == "any_record" and not names_subject(last) else asked


def _read_over_time(question: str, today: dt.date | None) -> OverTime | None:
    # "Not the last renewal but the start: when…", "לא החידוש האחרון אלא ההתחלה": what is
    # set aside is not asked.
    q = " ".join(_NOT_BUT.sub(_unasked, question).split())
    hebrew = bool(re.search(f"[{HEB}]", q))
    reading = read_question(q, today)
    span = (reading.date_from, reading.date_to, reading.day)
    found = named(q)
    drug, condition = found.drug, found.condition
    procedure, measures = found.procedure, found.measures

    record = _ANY_RECORD.search(q)
    # "Has she ever seen a rheumatologist?", "יש עדות לקרדיולוג ברשומה?": a specialty asked
    # of the record is its referral, whether or not the question says "referred".
    ever = _OF_THE_RECORD.search(q)
    # "מה התאריך של ראומטולוג?": a specialty alone, asked when, is its referral too.
    alone = _WHEN.search(q) and not (drug or condition or procedure or measures)
    # A procedure named beside a specialty, with no word of referring, is what is asked:
    # "פיזיו, הוא עבר פעם ספירומטריה?" (the asker's trade, then the question).
    # A measure named beside a condition or a role ("Diabetes education follow-up: his A1c
    # at intake versus now?", "Cardiology nurse here: first ever pulse versus the latest?")
    # is what is asked; one inside a condition's name ("יתר לחץ דם") is not.
    beside = measures or measures_in(spaced_out(q, found.spans))
    # A condition named ("ever had chronic obstructive pulmonary disease") is what is asked,
    # not the specialty its words name.
    by_ever = (ever or alone) and procedure is None and condition is None and not beside
    referral = referral_named(q) if _REFERRED.search(q) or by_ever else None
    on_file = _ON_FILE.search(q)
    if referral is not None and (record or on_file or _WHEN.search(q) or ever):
        return OverTime("any_record", subject=referral, hebrew=hebrew)
    if procedure is not None and drug is None and (record or _EVER.search(q) or _WHEN.search(q)):
        return OverTime("any_record", subject=procedure, hebrew=hebrew)
    # "הפניה לקרדיולוגיה?", "Colonoscopy?": a question of nothing but what it names asks
    # whether the record holds it.
    if _terse(q) and not (drug or measures or reading.dated or _asks_the_notes(q)):
        alone = referral or (referral_named(q) if _REFERRED.search(q) else None)
        if alone or procedure or condition:
            return OverTime("any_record", subject=alone or procedure or condition, hebrew=hebrew)
    # "Since when has she been on X" and "what did she get for Y" read like "any record".
    if drug is not None and _SINCE.search(q):
        # "Since when has she not been on X?", "ממתי היא כבר לא נוטלת X?": since its stop.
        stopped = _NOT_ON.search(q) or _STOPPED.search(q)
        return OverTime("med_stopped" if stopped else "med_first", subject=drug, hebrew=hebrew)
    # "Since when has she had X?" asks for the condition's onset, not whether it is recorded.
    if condition is not None and drug is None and _SINCE.search(q):
        return OverTime("first_diagnosed", subject=condition, hebrew=hebrew)
    if condition is not None and drug is None and _given_for(q, reading):
        return OverTime("prescribed_for", subject=condition, hebrew=hebrew)
    # "What appointments did she have between March and September?": the period's visits.
    # One day's visit ("medications ordered at the 6 May appointment") is about its note.
    if (
        reading.dated
        and reading.day is None
        and (_VISITS.search(q) or _CAME.search(q) or (_VISIT.search(q) and _VISIT_DATES.search(q)))
        and not (drug or condition or procedure or measures)
        and not (_MEDS.search(q) or _about_notes(q))
        # "Didn't she first come around 2019? When exactly was the first visit?"
        and not (_FIRST.search(reading.text) and _WHEN.search(q) and not _COUNT.search(q))
    ):
        return OverTime("visits_in_period", (), None, 1, *span, hebrew)
    # "How recently did she have an appointment?" asks of the visits, not the record; so
    # does "How many visits has she had in total?", its visits named before the words.
    if record is not None and not measures and not about_visits(record.group("rest")):
        subject = (
            drug
            or condition
            or procedure
            or (None if about_visits(q[: record.start()]) else subject_words(record.group("rest")))
        )
        if subject:
            return OverTime("any_record", subject=subject, hebrew=hebrew)
    if on_file is not None and not measures and not reading.dated and not about_visits(q):
        rest = f"{q[: on_file.start()]} {q[on_file.end() :]}"
        subject = drug or condition or procedure or subject_words(rest)
        if subject:
            return OverTime("any_record", subject=subject, hebrew=hebrew)
    if drug is not None and _STOPPED.search(q) and _WHEN.search(q):
        return OverTime("med_stopped", subject=drug, hebrew=hebrew)
    # "Not on simvastatin any more, right?", "לא נוטלת יותר את X, נכון?": whether it is.
    if drug is not None and (_STILL.search(q) or _NOT_ON.search(q)) and not _WHEN.search(q):
        return OverTime("still_taking", subject=drug, hebrew=hebrew)
    if condition is not None and drug is None and _STILL.search(q) and not _WHEN.search(q):
        return OverTime("still_has", subject=condition, hebrew=hebrew)
    if drug is not None:
        # "Does she take metformin nowadays?", "האם היא נוטלת מטפורמין כיום?": whether it is
        # taken now, not when it was last prescribed (nor at what dose: that is).
        if _NOW.search(q) and not (_WHEN.search(q) or _LAST.search(q) or _DOSE.search(q)):
            return OverTime("still_taking", subject=drug, hebrew=hebrew)
        if not (_WHEN.search(q) or _FIRST.search(q) or _LATEST.search(q)):
            return _not_placed(q, measures, drug, condition, span, hebrew)
        # "When was it started?" asks for the start; "prescribed" alone, the latest.
        first = _FIRST.search(q) or (_STARTED.search(q) and not _LATEST.search(q))
        if first and (_PRESCRIBED.search(q) or _WHEN.search(q)):
            return OverTime("med_first", subject=drug, hebrew=hebrew)
        if _LATEST.search(q) or _PRESCRIBED.search(q):
            return OverTime("med_last", subject=drug, hebrew=hebrew)
        return _not_placed(q, measures, drug, condition, span, hebrew)
    if condition is not None:
        # "When did her headache start?", "מתי התחיל כאב הגב?": its first record; not
        # what was started for it ("When did she start physio for back pain?").
        began = _STARTED.search(q) and not (_FOR_WHAT.search(q) or referral_named(q))
        first = _FIRST.search(q) or began
        # "הוא אובחן פעם עם מחלת ריאות חסימתית?", "Was she ever diagnosed with gout?":
        # whether the record holds it, not when.
        if _EVER.search(q) and not (first or _WHEN.search(q) or beside):
            return OverTime("any_record", subject=condition, hebrew=hebrew)
        if _DIAGNOSED.search(q) or (first and _WHEN.search(q)):
            return OverTime("first_diagnosed", subject=condition, hebrew=hebrew)
        if not beside:
            return _not_placed(q, measures, drug, condition, span, hebrew)
        measures = beside
    if measures:
        if _COUNT.search(q) and not (_BY_HOW_MUCH.search(q) or _HOW_LONG.search(q)):
            return OverTime("reading_count", measures, None, 1, *span, hebrew)
        # "מדידות אחרונות של דופק, 3 פעמים": the last ones, in the plural, and a count.
        last_few = _LAST_PLURAL.search(q) and _A_NUMBER.search(q) and not reading.dated
        if _LAST_N.search(q) is not None or last_few:
            return OverTime("last_n", measures, None, readings_asked(q), *span, hebrew)
        if _HIGHEST.search(q) or _LOWEST.search(q) or _BEST.search(q):
            ask: Ask = "highest" if _HIGHEST.search(q) else "lowest"
            return OverTime(extreme(q, measures, ask), measures, None, 1, *span, hebrew)
        # "every pulse reading…, so I can see how it's moved": what the list is for.
        if _EVERY.search(q) and not _CHANGE.search(_TREND.sub(" ", _PURPOSE.sub(" ", q))):
            return OverTime("series", measures, None, 1, *span, hebrew)
        if _BY_HOW_MUCH.search(q) or _CHANGE.search(q):
            # "Compare her systolic on 2025-01-11 with the latest": from that day on.
            since = (reading.day, None, None) if reading.day is not None else span
            return OverTime("change", measures, None, 1, *since, hebrew)
        if reading.dated:
            return OverTime("series", measures, None, 1, *span, hebrew)
        if _FIRST.search(q):
            return OverTime("first_value", measures, None, 1, *span, hebrew)
        if _LATEST.search(q):
            return OverTime("latest", measures, None, 1, *span, hebrew)
        if _LISTED.search(q):
            return OverTime("series", measures, None, 1, *span, hebrew)
        return _not_placed(q, measures, drug, condition, span, hebrew)
    if _TAKING.search(q):
        return OverTime("current_meds", hebrew=hebrew)
    if _MEDS.search(q):
        if reading.day is not None:
            return OverTime("prescribed_at", (), None, 1, *span, hebrew)
        # "Prescriptions from 23 May 2025?": that day's, not all since it.
        if reading.date_from is not None and reading.date_to is None and _FROM_DAY.search(q):
            day = reading.date_from
            return OverTime("prescribed_at", (), None, 1, day, day, day, hebrew)
        if _LATEST.search(q) or _CURRENT.search(q):
            return OverTime("current_meds", hebrew=hebrew)
        return _not_placed(q, measures, drug, condition, span, hebrew)
    if reading.day is not None and _PRESCRIBED.search(q):
        return OverTime("prescribed_at", (), None, 1, *span, hebrew)
    if _HOW_MANY_TIMES.search(q) and not measures:
        return OverTime("visits_in_period", (), None, 1, *span, hebrew)
    if (_VISIT.search(q) or _CAME.search(q)) and not beyond_the_visits(q):
        dated_ask = _WHEN.search(q) or _DATED.search(q)
        # "ממתי לא ראינו אותה?": since when not seen is since the last visit.
        if _NOT_SEEN.search(q) and (_SINCE.search(q) or _HOW_LONG.search(q)):
            return OverTime("time_since_visit", hebrew=hebrew)
        # "Since when is he in our care?", "how long has she been coming - when was the
        # first appointment?": the first visit's date.
        if (_FIRST.search(q) and dated_ask) or (_SINCE.search(q) and not reading.dated):
            return OverTime("first_visit", hebrew=hebrew)
        if _HOW_LONG.search(q):
            return OverTime("time_since_visit", hebrew=hebrew)
        # Visits in the plural ("visits between March and June") list them; "at the visit
        # on 1 April" asks about that visit's note, which is the model's.
        counted = _COUNT.search(q)
        listed = _VISITS.search(q) or _CAME.search(q) or counted
        if listed and (reading.dated or counted or _HOW_MANY.search(q)):
            return OverTime("visits_in_period", (), None, 1, *span, hebrew)
        if _LATEST.search(q) and (dated_ask or _opens_on(_LATEST, q)):
            return OverTime("last_visit", hebrew=hebrew)
        if _opens_on(_FIRST, q):
            return OverTime("first_visit", hebrew=hebrew)
    return _not_placed(q, measures, drug, condition, span, hebrew)


def _opens_on(cue: re.Pattern[str], q: str) -> bool:
    """Whether a short ask opens on its order and asks nothing more: "Last appt?",
    "earliest appointment on file?" ask for that visit's date as "when" would; "first visit
    vs latest?" asks a change."""
    short = len(re.findall(rf"[\w{HEB}]+", q)) <= _SHORT_ASK
    return short and bool(cue.match(q.lstrip())) and not _CHANGE.search(q)


_SHORT_ASK = 6


def readings_asked(q: str) -> int:
    """How many readings "the last few" asks for: its number ("the last 4", "most recnt
    four ... values"), else three."""
    found = _LAST_N.search(q)
    if found is not None:
        raw = (
            found.group("n") or found.group("m") or found.group("nh") or found.group("t")
        ).casefold()
    elif (alone := _A_NUMBER.search(q)) is not None:
        raw = alone.group().casefold()
    else:
        return 3
    return int(raw) if raw.isdigit() else _NUMBERS.get(raw, 3)


# A number standing alone: not a scale's ("PHQ-9"), a date's or a reading's digits.
_A_NUMBER = re.compile(
    rf"(?<![\w{HEB}./:-])(?:[2-9]|two|three|four|five|six|שתי|שני|שלושת?|שלושה|ארבעת?|חמשת?)"
    rf"(?![\w{HEB}./:%-])",
    re.IGNORECASE,
)
# "Worst" and "best" are the highest or the lowest reading by which way the measure is
# better: the worst pain score is the highest, the worst eGFR the lowest.
_WORST = cues.cue("worst")
_BEST = cues.cue("best")


def extreme(q: str, measures: tuple[str, ...], ask: Ask) -> Ask:
    """`ask` (the highest or the lowest), turned where the question judges ("worst",
    "best") a measure whose higher readings are the better ones."""
    judged = "worst" if _WORST.search(q) else "best" if _BEST.search(q) else None
    if judged is None or ask not in ("highest", "lowest"):
        return ask
    higher_better = bool(measures) and all(m in HIGHER_IS_BETTER for m in measures)
    if judged == "worst":
        return "lowest" if higher_better else "highest"
    return "highest" if higher_better else "lowest"


def about_visits(q: str) -> bool:
    """Whether the question asks about visits: one, how many, when."""
    return bool(_VISIT.search(q) or _CAME.search(q) or _HOW_MANY_TIMES.search(q))


def beyond_the_visits(q: str) -> bool:
    """Whether a question about visits asks what the record of visits cannot answer: what
    a visit's note says ("what was discussed at her last appointment?"), or a visit yet to
    come ("how long until her next visit?")."""
    return bool(_asks_the_notes(q) or _FUTURE.search(q))


# Words that ask over time: an extreme, a count, a change, a course. A question that has one
# and names a subject the timeline holds is the timeline's even where no pattern above
# placed it: the model's few passages cannot rank, count or follow a course.
_OVER_TIME = cues.cue("over_time")
# What the model's few passages cannot answer whatever the subject: the highest or lowest,
# how many times, how something changed, whether a drug is still taken.
_ORDER_ONLY = cues.cue("order_only")


def needs_the_timeline(question: str) -> bool:
    """A question only the record's order answers (an extreme, a count of times, a change,
    a drug still taken): the model's path may not answer it from a few passages."""
    q = " ".join(question.split())
    return bool(_ORDER_ONLY.search(q)) and not _WHY.search(q)


# A question about why or how is about a note's words, not the record's order.
_WHY = cues.cue("why")


def _not_placed(
    q: str,
    measures: tuple[str, ...],
    drug: str | None,
    condition: str | None,
    span: tuple[dt.date | None, dt.date | None, dt.date | None],
    hebrew: bool,
) -> OverTime | None:
    """A question over time the patterns did not place, about a subject the timeline holds:
    a measure's readings or a drug's course, each cited, or a condition's record. None
    (the model's path) for anything else, and for a question about why."""
    if _WHY.search(q) or not _OVER_TIME.search(q):
        return None
    if measures:
        return OverTime("series", measures, None, 1, *span, hebrew, fallback=True)
    if drug is not None:
        return OverTime("med_course", subject=drug, hebrew=hebrew, fallback=True)
    if condition is not None:
        return OverTime("any_record", subject=condition, hebrew=hebrew, fallback=True)
    return None


def _given_for(q: str, reading: Reading) -> bool:
    """ "What was prescribed for gout?": what was given at the visits that assessed it. A
    dated question is about that visit's note, and "when" asks for a date: neither is."""
    given = _MEDS.search(q) or _PRESCRIBED.search(q) or _TREATED.search(q)
    return bool(given and _FOR.search(q)) and not (_WHEN.search(q) or reading.dated)
