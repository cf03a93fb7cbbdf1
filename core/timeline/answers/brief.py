"""The brief before a visit: what the last visit changed, from the timeline alone (no
model, one read of the client's facts). Values that moved since the reading before, drugs
started and stopped, diagnoses not recorded before, and the last plan's items, each line
with the facts it rests on."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from uuid import UUID

from core.timeline.reading.text import sentences
from core.timeline.types import LABELS, MEASURES, Brief, BriefKind, BriefLine, Fact, TimelineFact


def compute(
    client_id: UUID,
    facts: list[TimelineFact],
    visits: Sequence[tuple[UUID, dt.datetime, str, str | None]],
) -> Brief:
    """`facts` oldest first; `visits` (session id, date, plan text, external id) oldest
    first."""
    if not visits:
        return Brief(client_id, None, None, [])
    last_id, last_date, plan, external_id = visits[-1]
    previous = visits[-2][1] if len(visits) > 1 else None
    at_last = [t for t in facts if t.session_id == last_id]
    before = [t for t in facts if t.session_id != last_id and _before(t, last_date)]
    lines = [*_changed(at_last, before), *_meds(at_last), *_new_diagnoses(at_last, before)]
    lines += _plan(client_id, (last_id, last_date, plan, external_id))
    return Brief(client_id, last_date, previous, lines)


def _before(t: TimelineFact, day: dt.datetime) -> bool:
    return t.session_date is None or t.session_date < day


def _changed(at_last: list[TimelineFact], before: list[TimelineFact]) -> list[BriefLine]:
    lines: list[BriefLine] = []
    for name in MEASURES:
        now = [t for t in at_last if t.fact.kind == "measurement" and t.fact.name == name]
        # The reading before is the latest dated one: the client's record has no date to
        # stand before the last visit by.
        then = sorted(
            (
                t
                for t in before
                if t.fact.kind == "measurement" and t.fact.name == name and t.session_date
            ),
            key=lambda t: t.session_date or dt.datetime.min,
        )
        if not now or not then or now[-1].fact.value is None or then[-1].fact.value is None:
            continue
        after, prior = now[-1].fact.value, then[-1].fact.value
        delta = round(after - prior, 2)
        direction = "up" if delta > 0 else "down" if delta < 0 else "same"
        if direction == "same":
            continue
        params: dict[str, str | float] = {
            "name": name,
            "before": prior,
            "after": after,
            "delta": delta,
            "unit": MEASURES[name],
            "direction": direction,
        }
        pair = [then[-1], now[-1]]
        params.update(_as_written(*pair))
        lines.append(BriefLine("changed", params, pair))
    return lines


def _as_written(then: TimelineFact, now: TimelineFact) -> dict[str, str | float]:
    """The two readings as the notes wrote them, where a note wrote another unit than the
    timeline's ("190 lb"): both in one such unit, the line is in that unit, its change
    computed from the written digits; otherwise each written value rides beside its
    converted one (`before_written`, `after_written`)."""
    a, b = then.fact.written_unit, now.fact.written_unit
    if a is not None and b is not None and a[1] == b[1]:
        before, after = float(a[0]), float(b[0])
        places = max(len(digits.partition(".")[2]) for digits, _ in (a, b))
        delta = round(after - before, places)
        return {"before": before, "after": after, "delta": delta, "unit": a[1]}
    out: dict[str, str | float] = {}
    for which, t in (("before", then), ("after", now)):
        if (digits := t.fact.kept_digits) is not None:
            out[f"{which}_digits"] = digits
        elif t.fact.written:
            out[f"{which}_written"] = t.fact.written
    return out


def _meds(at_last: list[TimelineFact]) -> list[BriefLine]:
    lines: list[BriefLine] = []
    statuses: tuple[BriefKind, ...] = ("started", "stopped")
    for status in statuses:
        seen: set[str] = set()
        for t in at_last:
            if t.fact.kind == "medication" and t.fact.status == status and t.fact.name not in seen:
                seen.add(t.fact.name)
                params: dict[str, str | float] = {"name": t.fact.name, "dose": t.fact.dose or ""}
                lines.append(BriefLine(status, params, [t]))
    return lines


def _new_diagnoses(at_last: list[TimelineFact], before: list[TimelineFact]) -> list[BriefLine]:
    known = {
        t.fact.name for t in before if t.fact.kind == "diagnosis" and t.fact.status != "negated"
    }
    lines: list[BriefLine] = []
    for t in at_last:
        if t.fact.kind == "diagnosis" and t.fact.status == "present" and t.fact.name not in known:
            known.add(t.fact.name)
            lines.append(BriefLine("new_diagnosis", {"name": t.fact.name}, [t]))
    return lines


def _plan(client_id: UUID, visit: tuple[UUID, dt.datetime, str, str | None]) -> list[BriefLine]:
    """Each sentence of the last plan, cited to its own line."""
    session_id, day, plan, external_id = visit
    lines: list[BriefLine] = []
    for s in sentences(plan):
        item = s.text.strip(" -•*\t")
        if len(item) < 3:
            continue
        start = s.start + s.text.index(item)
        fact = Fact("procedure", "plan item", start, start + len(item), item)
        cited = TimelineFact(
            uuid.uuid5(session_id, str(start)), client_id, session_id, day, "plan", fact, item,
            external_id,
        )  # fmt: skip
        lines.append(BriefLine("plan", {"text": item}, [cited]))
    return lines


def render_en(line: BriefLine) -> str:
    """The English of one line (the window words it in Hebrew by its kind)."""
    p = line.params
    if line.kind == "changed":
        unit = str(p["unit"])
        before, after = (
            str(p.get(k + "_digits") or f"{float(p[k]):g}")
            + (f" ({p[k + '_written']})" if p.get(k + "_written") else "")
            for k in ("before", "after")
        )
        return (
            f"{LABELS.get(str(p['name']), str(p['name']))} {p['direction']} "
            f"{abs(float(p['delta'])):g} {unit}: {before} → {after}"
        )
    if line.kind in ("started", "stopped"):
        dose = f" {p['dose']}" if p["dose"] else ""
        return f"{line.kind.capitalize()} {p['name']}{dose}"
    if line.kind == "new_diagnosis":
        return f"New diagnosis: {p['name']}"
    return f"Plan: {p['text']}"


Render = Callable[[BriefLine], str]


@dataclass(frozen=True)
class SummaryWords:
    """The summary's own words; the window passes its Hebrew."""

    heading: str = "{client}: since the last visit ({date})"
    sources: str = "Sources:"
    client_record: str = "client record"
    nothing_new: str = "nothing new"
    field_name: Callable[[str], str] = str  # a note field's name as shown ("objective")


ENGLISH = SummaryWords()


def referral_summary(
    brief: Brief, client_name: str, render: Render = render_en, words: SummaryWords = ENGLISH
) -> str:
    """The brief as a referral summary in plain text: each line with its citations as
    footnote numbers, and the footnotes (visit date, field and the cited line) below."""
    notes: list[TimelineFact] = []
    body: list[str] = []
    for line in brief.lines:
        marks: list[str] = []
        for fact in line.facts:
            key = (fact.session_id, fact.field, fact.line)
            found = next(
                (i for i, n in enumerate(notes) if (n.session_id, n.field, n.line) == key), None
            )
            if found is None:
                notes.append(fact)
                found = len(notes) - 1
            marks.append(f"[{found + 1}]")
        body.append(f"- {render(line)} {''.join(marks)}")
    last = brief.last.date().isoformat() if brief.last else "-"
    foot = [
        f"[{i}] {n.session_date.date().isoformat() if n.session_date else words.client_record}, "
        f"{words.field_name(n.field)}: {n.line}"
        for i, n in enumerate(notes, start=1)
    ]
    return (
        "\n".join(
            [
                words.heading.format(client=client_name, date=last),
                "",
                *(body or [f"- {words.nothing_new}"]),
                "",
                words.sources,
                *foot,
            ]
        )
        + "\n"
    )
