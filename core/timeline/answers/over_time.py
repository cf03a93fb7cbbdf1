"""Answers over time, built from the timeline: every value and date in them is a fact's,
and each carries its own numbered citation. No model writes them, so none can change a
number; `check_order` re-derives "latest", "first" and "last N" from the facts' dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from uuid import UUID

from core.retrieval.types import DocumentRef
from core.timeline.answers import checked
from core.timeline.answers.courses import courses
from core.timeline.answers.nearest import Near, recorded
from core.timeline.answers.questions import OverTime
from core.timeline.answers.wording import Words, words_for
from core.timeline.conditions.naming import american
from core.timeline.types import TimelineFact
from core.timeline.vocab.indications import TREATS
from core.timeline.vocab.lexicon import (
    CONDITIONS,
    DRUGS,
    PROCEDURES,
    SPECIALTIES,
    broader_names,
)


@dataclass(frozen=True)
class Cite:
    """What a [n] points at: a line of one note, or of a document's page (`document`)."""

    session_id: UUID | None
    session_date: dt.datetime | None
    field: str
    line: str
    document: DocumentRef | None = None


@dataclass(frozen=True)
class Visit:
    session_id: UUID
    date: dt.datetime
    field: str  # the first field with text, and its first line: what a visit's [n] shows
    line: str


@dataclass
class Draft:
    text: str = ""
    cites: list[Cite] = field(default_factory=list[Cite])
    refused: bool = False
    # The timeline holds no answer, and says nothing: the model's path reads the notes.
    declined: bool = False
    # No note holds the words asked, and no vocabulary knows their other names.
    unnamed: bool = False

    def cite(self, c: Cite) -> str:
        if c not in self.cites:
            self.cites.append(c)
        return f"[{self.cites.index(c) + 1}]"


def _of(t: TimelineFact) -> Cite:
    return Cite(t.session_id, t.session_date, t.field, t.line, t.document)


def _source(t: TimelineFact) -> tuple[UUID | None, DocumentRef | None]:
    """Where a fact was written: a visit, the client's record, or a document's page."""
    return (t.session_id, t.document)


def _day(d: dt.datetime | None) -> str:
    return d.date().isoformat() if d else "—"


def _in_range(d: dt.datetime | None, q: OverTime) -> bool:
    if d is None:
        return False
    day = d.date()
    return (q.date_from is None or day >= q.date_from) and (q.date_to is None or day <= q.date_to)


NotesSearch = Callable[[Sequence[str]], list[Cite]]


def answer(
    q: OverTime,
    facts: list[TimelineFact],
    visits: list[Visit],
    search_notes: NotesSearch,
    today: dt.date,
    near: Near | None = None,
) -> Draft:
    """`facts` and `visits` oldest first. `search_notes(words)` finds the lines of the
    client's notes that hold any of `words` (for "any record of"); `near` the recorded
    conditions and procedures nearest in meaning to one no note names (nearest.py)."""
    w = words_for(q.hebrew)
    draft = Draft()
    fitted = checked.fit(
        q, facts, [v.date for v in visits], today, _names, lambda s: bool(search_notes(forms_of(s)))
    )
    if fitted.where is not None:
        _outside(fitted, facts, visits, w, draft)
        return draft
    q = fitted.q
    if fitted.unread:  # the notes name it in words no reader took: the model reads them
        draft.declined = True
        return draft
    if fitted.absent and _known(q.subject or ""):
        name = q.subject or ""
        shown = w.drug_name(name) if q.ask in checked.DRUG_ASKS else w.condition(name)
        draft.text, draft.refused = w.found_no_note(shown), True
        return draft
    if q.measures:
        _measures(q, facts, w, draft)
    elif q.ask == "prescribed_for":
        _prescribed_for(q, facts, w, draft)
    elif q.ask == "med_course":
        _course(q, facts, search_notes, w, draft)
    elif q.ask == "still_taking":
        _still_taking(q, facts, visits, search_notes, w, draft)
    elif q.ask == "med_stopped":
        _stopped(q, facts, search_notes, w, draft)
    elif q.ask in ("med_first", "med_last", "prescribed_at", "current_meds"):
        _medications(q, facts, visits, w, draft)
    elif q.ask == "first_diagnosed":
        _diagnosis(q, facts, w, draft)
    elif q.ask == "still_has":
        _still_has(q, facts, search_notes, w, draft)
    elif q.ask in ("last_visit", "first_visit", "time_since_visit", "visits_in_period"):
        _visits(q, visits, today, w, draft)
    else:
        _any_record(q, facts, search_notes, w, draft)
    if draft.unnamed and near is not None:
        _nearest(q.subject or "", facts, near, w, draft)
    return draft


def _names(subject: str) -> set[str]:
    """The fact names that count as `subject`: it, the names under it, the terms joined
    under a condition."""
    return {n.casefold() for n in _joined(subject)}  # the names under it are joined there


def _outside(
    fitted: checked.Fit, facts: list[TimelineFact], visits: list[Visit], w: Words, d: Draft
) -> None:
    """A period or a day the record cannot hold: what was asked is not there, said with
    the record's own dates, each cited: its first and last notes, or the notes on either
    side of the day."""

    def cite(day: dt.datetime) -> str:
        visit = next((v for v in visits if v.date == day), None)
        if visit is not None:
            return d.cite(Cite(visit.session_id, visit.date, visit.field, visit.line))
        return d.cite(_of(next(t for t in facts if t.session_date == day)))

    q = fitted.q
    start, end = (str(x) if x else None for x in (q.date_from or q.day, q.date_to or q.day))
    first, last = fitted.first, fitted.last
    assert first is not None and last is not None  # a Fit with `where` has both
    d.refused = True
    if fitted.where == "not_yet":
        d.text = w.not_yet(w.period(start, end), _day(last), cite(last))
        return
    if q.measures:
        lead = w.no_readings_in(w.measure(q.measures), start, end)
    elif q.ask == "prescribed_at" and start:
        lead = w.no_visit_on(start)
    elif q.ask == "visits_in_period":
        lead = w.no_visits_between(start, end)
    else:
        lead = w.no_note_dated(w.period(start, end))
    if fitted.where == "no_day":
        d.text = w.nearest_notes(lead, [(_day(x), cite(x)) for x in fitted.near])
    else:
        d.text = w.span(lead, _day(first), cite(first), _day(last), cite(last))


def _nearest(asked: str, facts: list[TimelineFact], near: Near, w: Words, d: Draft) -> None:
    """No note holds the words asked, and no vocabulary names them: the recorded conditions
    and procedures nearest to them in meaning, each at its first note and cited, beside the
    words' absence; the draft as it was when none is near."""
    first = recorded(facts)
    names = near(asked, list(first))
    if not names:
        return
    shown = [(n, _day(first[n].session_date), d.cite(_of(first[n]))) for n in names]
    d.text, d.refused, d.declined = w.nearest(asked, shown), False, False


def measure_readings(facts: list[TimelineFact], names: tuple[str, ...]) -> list[list[TimelineFact]]:
    """One reading per place a measure was written: BP's systolic and diastolic together,
    from one span ("BP 120/80") or, where an export writes each half on a line of its own
    ("Systolic Blood Pressure: 111.9 mmHg"), from the nearest half of the same field."""
    lead = names[0]
    out: list[list[TimelineFact]] = []
    for t in facts:
        if t.fact.kind == "measurement" and t.fact.name == lead and t.session_date is not None:
            same = [
                p
                for p in facts
                if p.fact.kind == "measurement"
                and p.fact.name in names[1:]
                and _source(p) == _source(t)
                and p.field == t.field
            ]
            # One value a name: a fact stored twice (a save and a backfill of the same note)
            # is still one reading, never "124/79/79".
            partners = list(
                {p.fact.name: p for p in reversed(same) if p.fact.start == t.fact.start}.values()
            )
            if not partners and (halves := [p for p in same if _alone(p, facts, lead)]):
                partners = [min(halves, key=lambda p: abs(p.fact.start - t.fact.start))]
            out.append([t, *partners])
    return out


def _alone(half: TimelineFact, facts: list[TimelineFact], lead: str) -> bool:
    """Whether `half` was written without its lead (a diastolic on a line of its own)."""
    return not any(
        f.fact.name == lead
        and f.fact.start == half.fact.start
        and _source(f) == _source(half)
        and f.field == half.field
        for f in facts
    )


def _value(reading: list[TimelineFact], w: Words) -> str:
    """A reading as the note wrote it: "3.1 mmol/L" stays that, though it is kept as mg/dL."""
    if len(reading) == 1 and reading[0].fact.written:
        return reading[0].fact.written
    values = "/".join(f"{t.fact.value:g}" for t in reading)
    return w.with_unit(values, reading[0].fact.name)


def _measures(q: OverTime, facts: list[TimelineFact], w: Words, d: Draft) -> None:
    readings = measure_readings(facts, q.measures)
    name = w.measure(q.measures)
    if q.date_from or q.date_to:
        readings = [r for r in readings if _in_range(r[0].session_date, q)]
        if not readings:  # about the period asked of, not the whole record
            start, end = (str(x) if x else None for x in (q.date_from, q.date_to))
            d.text, d.refused = w.no_readings_in(name, start, end), True
            return
    if not readings:
        d.text, d.refused = w.no_readings(name), True
        return

    def item(r: list[TimelineFact]) -> str:
        return w.value_on(_value(r, w), _day(r[0].session_date), d.cite(_of(r[0])))

    # One reading a visit for "latest", "first" and "last N": a visit's recheck (its last
    # reading) stands for it; "last three" never shows one visit three times.
    per_visit = list({_source(r[0]): r for r in readings}.values())
    if q.ask == "first_value":
        per_visit = list({_source(r[0]): r for r in reversed(readings)}.values())[::-1]
    if q.ask == "latest":
        d.text = w.latest(name, item(per_visit[-1]))
    elif q.ask == "first_value":
        d.text = w.first(name, item(per_visit[0]))
    elif q.ask == "last_n":
        last = list(reversed(per_visit[-q.n :]))
        d.text = w.last_n(name, q.n, len(last), [item(r) for r in last])
    elif q.ask in ("highest", "lowest"):
        top = (max if q.ask == "highest" else min)(r[0].fact.value or 0.0 for r in per_visit)
        at = [r for r in per_visit if r[0].fact.value == top]
        d.text = w.extreme(name, q.ask == "highest", item(at[-1]), [item(r) for r in at[-2::-1]])
    elif q.ask == "reading_count":
        start, end = (str(x) if x else None for x in (q.date_from, q.date_to))
        d.text = w.count(name, [item(r) for r in per_visit], start, end)
    elif q.ask == "change":
        first, last = per_visit[0], per_visit[-1]
        delta = (last[0].fact.value or 0) - (first[0].fact.value or 0)
        d.text = w.change(name, item(first), item(last), delta, q.measures[0])
    else:
        d.text = w.series(name, [item(r) for r in readings])


_PRESCRIBED = ("started", "continued")


def _medications(
    q: OverTime, facts: list[TimelineFact], visits: list[Visit], w: Words, d: Draft
) -> None:
    meds = [t for t in facts if t.fact.kind == "medication" and t.session_date is not None]
    if q.ask == "prescribed_at":
        day = q.day or q.date_from
        visit = next((v for v in visits if day and v.date.date() == day), None)
        if visit is None:
            d.text, d.refused = w.no_visit_on(str(day)), True
            return
        at = [t for t in meds if t.session_id == visit.session_id]
        given = [t for t in at if t.fact.status in _PRESCRIBED]
        stopped = [t for t in at if t.fact.status == "stopped"]
        d.text = w.prescribed_at(
            _day(visit.date),
            [w.drug(t.fact.name, t.fact.dose, t.fact.status, d.cite(_of(t))) for t in given],
            [w.drug(t.fact.name, t.fact.dose, None, d.cite(_of(t))) for t in stopped],
        )
        return
    if q.ask == "current_meds":
        latest: dict[str, TimelineFact] = {}
        for t in meds:
            latest[t.fact.name] = t
        current = [t for t in latest.values() if t.fact.status != "stopped"]
        current.sort(key=lambda t: t.fact.name)
        if not current:
            d.text, d.refused = w.no_current_meds(), True
            return
        d.text = w.current_meds(
            [
                w.drug(t.fact.name, t.fact.dose, None, d.cite(_of(t)), _day(t.session_date))
                for t in current
            ]
        )
        return
    name = q.subject or ""
    mine = [t for t in meds if t.fact.name == name]
    given = [t for t in mine if t.fact.status in _PRESCRIBED]
    if q.ask == "med_first":
        started = [t for t in mine if t.fact.status == "started"] or given
        if started:
            t = started[0]
            d.text = w.med_first(
                w.drug_name(name), _day(t.session_date), t.fact.dose, d.cite(_of(t))
            )
            return
    elif given:
        t = given[-1]
        d.text = w.med_last(w.drug_name(name), _day(t.session_date), t.fact.dose, d.cite(_of(t)))
        return
    if mine:  # only listed or stopped: say so, never call it a prescription
        t = mine[-1]
        d.text = w.med_never_prescribed(
            w.drug_name(name), t.fact.status or "listed", _day(t.session_date), d.cite(_of(t))
        )
        return
    d.text, d.refused = w.found_no_note(w.drug_name(name)), True


def _dated_events(
    name: str, facts: list[TimelineFact], search_notes: NotesSearch, w: Words, d: Draft
) -> list[TimelineFact]:
    """The drug's dated medication events, oldest first. None: the draft says so, or, where
    the notes name the drug with no event read (a history's list, a letter), declines to
    the model's path, which reads those lines: no absence."""
    mine = [
        t
        for t in facts
        if t.fact.kind == "medication" and t.fact.name == name and t.session_date is not None
    ]
    if not mine:
        if search_notes(forms_of(name)):
            d.declined = True
        else:
            d.text, d.refused = w.found_no_note(w.drug_name(name)), True
    return mine


def _course(
    q: OverTime, facts: list[TimelineFact], search_notes: NotesSearch, w: Words, d: Draft
) -> None:
    """Every start, continuation, listing and stop of a drug, each cited: what a question
    over time about it that no pattern placed gets instead of the model's five passages."""
    name = q.subject or ""
    mine = _dated_events(name, facts, search_notes, w, d)
    if mine:
        _course_of(name, mine, w, d)


def _course_of(name: str, mine: list[TimelineFact], w: Words, d: Draft) -> None:
    events = [
        (t.fact.status or "listed", t.fact.dose, _day(t.session_date), d.cite(_of(t))) for t in mine
    ]
    d.text = w.course(w.drug_name(name), events)


def _still_taking(
    q: OverTime,
    facts: list[TimelineFact],
    visits: list[Visit],
    search_notes: NotesSearch,
    w: Words,
    d: Draft,
) -> None:
    """From the drug's course: its last recorded event (a start, a continuation, a listing
    or a stop) says whether it runs on; a stop and a later restart run on."""
    name = q.subject or ""
    mine = _dated_events(name, facts, search_notes, w, d)
    if not mine:
        return
    # Its last course says: running to the last visit, or ended by a stop (a note that lists
    # the drug and stops it ends it there).
    course = [c for c in courses(mine, None) if c.drug == name.strip().lower()][-1]
    last = course.facts[-1]
    d.text = w.still_taking(
        w.drug_name(name),
        "stopped" if not course.running else last.fact.status or "listed",
        _day(last.session_date),
        last.fact.dose,
        d.cite(_of(last)),
        _day(visits[-1].date) if visits else _day(last.session_date),
    )


def _stopped(
    q: OverTime, facts: list[TimelineFact], search_notes: NotesSearch, w: Words, d: Draft
) -> None:
    """The last stop the notes record, and any start after it. A drug never recorded as
    stopped gets its course, every event cited: the notes may stop it in words the reader
    did not take, so no absence is claimed."""
    name = q.subject or ""
    mine = _dated_events(name, facts, search_notes, w, d)
    if not mine:
        return
    stops = [t for t in mine if t.fact.status == "stopped"]
    if not stops:
        _course_of(name, mine, w, d)
        return
    stop = stops[-1]
    again = next((t for t in mine if _after(t, stop) and t.fact.status != "stopped"), None)
    d.text = w.stopped(
        w.drug_name(name),
        _day(stop.session_date),
        d.cite(_of(stop)),
        (_day(again.session_date), d.cite(_of(again))) if again else None,
    )


def _after(t: TimelineFact, stop: TimelineFact) -> bool:
    return (
        t.session_date is not None
        and stop.session_date is not None
        and (t.session_date > stop.session_date)
    )


def _prescribed_for(q: OverTime, facts: list[TimelineFact], w: Words, d: Draft) -> None:
    """The drugs the notes record as prescribed that are used for the condition (TREATS),
    each once, at its first prescription. A note seldom says which drug is for which
    problem, and the visit that started one often assessed another: so the answer names
    the drugs' use, not a visit. A condition TREATS does not know, or none of its drugs
    prescribed: declined, the model's path reads the notes."""
    name = q.subject or ""
    named = (*names_under(name), *broader_names(name))
    used_for = {drug for n in named for drug in TREATS.get(n, ())}
    first: dict[str, TimelineFact] = {}
    for t in facts:
        if t.fact.kind == "medication" and t.fact.status in _PRESCRIBED and t.fact.name in used_for:
            first.setdefault(t.fact.name, t)
    if not first:
        d.declined = True
        return
    items = [
        w.given_on(t.fact.name, t.fact.dose, _day(t.session_date), d.cite(_of(t)))
        for t in first.values()
    ]
    d.text = w.prescribed_for(w.condition(name), items)


def _diagnosis(q: OverTime, facts: list[TimelineFact], w: Words, d: Draft) -> None:
    name = q.subject or ""
    # A term the lexicon joins under the name keeps its own name as a fact (dx_naming.py:
    # "dyslipidaemia" under hyperlipidemia), and is still the condition asked about.
    joined = _joined(name)
    mine = [t for t in facts if t.fact.kind == "diagnosis" and t.fact.name in joined]
    present = [t for t in mine if t.fact.status in ("present", "history")]
    dated = [t for t in present if t.session_date is not None]
    onset = next((t for t in present if (t.fact.detail or "").startswith("onset ")), None)
    first = dated[0] if dated else (present[0] if present else None)
    if first is None:
        if mine:
            t = mine[0]
            d.text = w.only_negated(w.condition(name), _day(t.session_date), d.cite(_of(t)))
        else:
            d.text = w.found_no_note(w.condition(name))
        d.refused = True
        return
    if onset is None:
        d.text = w.first_diagnosed(w.condition(name), _day(first.session_date), d.cite(_of(first)))
        return
    # The record's own onset leads ("diagnosed 2018-03-06" in the history), cited first; the
    # first visit that records it follows, when it is another fact.
    since = (onset.fact.detail or "").removeprefix("onset ")
    cite = d.cite(_of(onset))
    visit = dated[0] if dated and dated[0] is not onset else None
    seen = (_day(visit.session_date), d.cite(_of(visit))) if visit is not None else None
    d.text = w.onset_given(w.condition(name), since, cite, seen)


def _joined(name: str) -> set[str]:
    """A condition's name, the names under it and the terms the lexicon joins under it, as
    facts name them."""
    return {
        *names_under(name),
        *(american(f.casefold()) for f in CONDITIONS.get(name, ())),
    }


def _still_has(
    q: OverTime, facts: list[TimelineFact], search_notes: NotesSearch, w: Words, d: Draft
) -> None:
    """The condition as the last dated note that names it records it."""
    name = q.subject or ""
    joined = _joined(name)
    mine = [
        t
        for t in facts
        if t.fact.kind == "diagnosis" and t.fact.name in joined and t.session_date is not None
    ]
    if not mine:
        if search_notes(forms_of(name)):
            d.declined = True
        else:
            d.text, d.refused = w.found_no_note(w.condition(name)), True
        return
    last = mine[-1]
    status = last.fact.status or "present"
    d.text = w.still_has(w.condition(name), status, _day(last.session_date), d.cite(_of(last)))


def _visits(q: OverTime, visits: list[Visit], today: dt.date, w: Words, d: Draft) -> None:
    def cite(v: Visit) -> str:
        return d.cite(Cite(v.session_id, v.date, v.field, v.line))

    if not visits:
        d.text, d.refused = w.no_visits(), True
        return
    if q.ask == "visits_in_period":
        inside = [v for v in visits if _in_range(v.date, q)]
        start, end = (str(x) if x else None for x in (q.date_from, q.date_to))
        if not inside:
            d.text, d.refused = w.no_visits_between(start, end), True
            return
        d.text = w.visits_between([f"{_day(v.date)} {cite(v)}" for v in inside], start, end)
        return
    last = visits[-1]
    if q.ask == "first_visit":
        d.text = w.first_visit(_day(visits[0].date), cite(visits[0]))
    elif q.ask == "time_since_visit":
        d.text = w.since_last(_day(last.date), cite(last), (today - last.date.date()).days)
    else:
        d.text = w.last_visit(_day(last.date), cite(last))


def _any_record(
    q: OverTime, facts: list[TimelineFact], search_notes: NotesSearch, w: Words, d: Draft
) -> None:
    """Exhaustive: the timeline's facts of that name, then every line of every note that
    holds the name or one of its other names. Only when neither finds anything is the
    answer that no note mentions it."""
    subject = q.subject or ""
    names = {n.casefold() for n in names_under(subject)}
    mine = [t for t in facts if t.fact.kind != "flag" and t.fact.name.casefold() in names]
    cites = [_of(t) for t in mine] or search_notes(forms_of(subject))
    if not cites and not _known(subject):
        # Words no vocabulary names ("brittle bones", "heart tracing") have other names the
        # notes may use that no search here knows: no absence is claimed, the model's path
        # reads the notes, unless a recorded name is near in meaning (nearest.py).
        d.declined = d.unnamed = True
        return
    if not cites:
        d.text, d.refused = w.found_no_note(w.subject(subject)), True
        return
    negated = bool(mine) and all(t.fact.status == "negated" for t in mine)
    dates = sorted({c.session_date for c in cites if c.session_date is not None})
    # A test only ordered that day has not been done: "recorded on" alone would read as
    # if it had.
    ordered = {
        day
        for day in dates
        if all(t.fact.status == "ordered" for t in mine if t.session_date == day)
        and any(t.session_date == day for t in mine)
    }
    shown = [
        w.on_day(_day(day), d.cite(next(c for c in cites if c.session_date == day)), day in ordered)
        for day in dates
    ]
    if not shown:
        shown = [d.cite(cites[0])]
    d.text = w.recorded(w.subject(subject), shown, negated)


def names_under(subject: str) -> list[str]:
    """A known name and the narrower names under it: those that contain it as words
    ("insulin" is also "insulin glargine", a note that says Lantus; "back pain" also "low
    back pain") and those the vocabulary sets under it ("edema" is also "ankle swelling"). A
    look for "insulin" that missed Lantus would say no note mentions it."""
    for table in (DRUGS, CONDITIONS, PROCEDURES):
        if subject in table:
            word = re.compile(rf"(?<!\w){re.escape(subject)}(?!\w)")
            return [
                subject,
                *(
                    n
                    for n in table
                    if n != subject and (word.search(n) or subject in broader_names(n))
                ),
            ]
    return [subject]


def _known(subject: str) -> bool:
    """A name of the vocabulary (a drug, condition or procedure), or a referral's."""
    return subject.startswith("referral: ") or any(
        subject in table for table in (DRUGS, CONDITIONS, PROCEDURES)
    )


def forms_of(subject: str) -> list[str]:
    """Every way a note may write `subject`: its names under it (`names_under`) and their
    other spellings (brands, Hebrew); a referral by its specialty's names."""
    specialty = subject.removeprefix("referral: ")
    if specialty != subject:  # the notes name the specialty, not the fact's name
        return [specialty, *SPECIALTIES.get(specialty, ())]
    for table in (DRUGS, CONDITIONS, PROCEDURES):
        if subject in table:
            return [f for n in names_under(subject) for f in (n, *table[n])]
    return [subject]


def check_order(q: OverTime, facts: list[TimelineFact], draft: Draft) -> bool:
    """The dates a "latest", "first" or "last N" answer cites are the timeline's own: the
    newest (oldest) readings of that measure, newest first for "last N"."""
    if not q.measures or q.ask not in ("latest", "first_value", "last_n") or draft.refused:
        return True
    found = measure_readings(facts, q.measures)
    dates = sorted({r[0].session_date for r in found if r[0].session_date})
    cited = [c.session_date for c in draft.cites]
    if q.ask == "latest":
        return cited[:1] == dates[-1:]
    if q.ask == "first_value":
        return cited[:1] == dates[:1]
    return cited == list(reversed(dates[-q.n :]))
