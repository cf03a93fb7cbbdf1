"""Questions from the structured resources alone, never the note text; each names the
sessions (or client fields) that hold its answer, and is kept only if well posed.

Each template's wordings (PHRASES, asked in the file's order), its style (STYLE) and how
many a client gets (CAP) are data/questions.toml beside this module.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, cast, get_args

from bench.retrieval.evalset.clinosim import SEED
from bench.retrieval.evalset.dated import ask_on_date, dated_readings
from bench.retrieval.evalset.patients import Patient, Visit, coding
from bench.retrieval.evalset.text import mentions
from bench.timeline.kit.vocab import VocabFile

Style = Literal["lexical", "semantic", "dated"]


@dataclass(frozen=True)
class Target:
    """Where an answer lives: a session, or one of the client's own fields."""

    kind: Literal["session", "client"]
    ref: str  # session external id, or the client field's name

    @property
    def unit(self) -> str:
        return f"{self.kind}:{self.ref}"


@dataclass(frozen=True)
class Question:
    id: str
    template: str
    style: Style
    client: str  # client external id; every search is scoped to that client
    text: str
    targets: tuple[Target, ...]


_FILE = VocabFile(Path(__file__).parent / "data" / "questions.toml")
# The templates of a value on a visit date: their names are built from a reading's kind.
DATED = ("lab_on_date", "vital_on_date", "bp_on_date")


def _styles() -> dict[str, Style]:
    out: dict[str, Style] = {}
    for template, style in _FILE.texts("style").items():
        if style not in get_args(Style):
            raise _FILE.wrong(("style", template), f"one of {get_args(Style)}")
        out[template] = cast(Style, style)
    return out


PHRASES = _FILE.lists("phrases")
STYLE = _styles()
CAP = _FILE.counts("cap")
if missing := [t for t in (*PHRASES, *DATED) if t not in STYLE]:
    raise _FILE.wrong(("style",), f"no style for {missing}")
MAX_TARGETS = 4  # recall@5 can still reach 1
_SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")
Candidate = tuple[str, str, list[Target]]  # template, key, targets


@dataclass(frozen=True)
class _Fact:
    visit: Visit
    key: str  # what the question asks about
    shown: str | None  # in every target's text and in no other visit's
    hidden: str | None = None  # in no visit's text: the question paraphrases


def _groups(p: Patient, facts: Iterable[_Fact], template: str) -> Iterator[Candidate]:
    """Facts that single out a few of the client's visits, as well-posed questions."""
    groups: dict[tuple[str, str | None, str | None], list[Visit]] = defaultdict(list)
    for f in facts:
        visits = groups[(f.key, f.shown, f.hidden)]
        if f.visit not in visits:
            visits.append(f.visit)
    taken: set[str] = set()
    for (key, shown, hidden), visits in sorted(groups.items(), key=lambda kv: str(kv[0])):
        if key in taken or len(visits) > MAX_TARGETS or len(visits) >= len(p.visits):
            continue
        others = [v for v in p.visits if v not in visits]
        if shown is not None and not (
            all(mentions(v.text, shown) for v in visits)
            and not any(mentions(v.text, shown) for v in others)
        ):
            continue
        if hidden is not None and any(mentions(v.text, hidden) for v in p.visits):
            continue
        taken.add(key)
        yield template, key, [Target("session", v.ext_id) for v in visits]


def _session_candidates(p: Patient) -> Iterator[Candidate]:
    vs = p.visits
    yield from _groups(p, (_Fact(v, v.bp, v.bp) for v in vs if v.bp), "bp_reading")
    labs = (_Fact(v, f"{n}|{x} {u}".strip(), x) for v in vs for n, x, u in v.labs)
    yield from _groups(p, (f for f in labs if len(f.shown or "") >= 3), "lab_value")
    vitals = (_Fact(v, f"{n}|{x}", x) for v in vs for n, x in v.vitals)
    yield from _groups(p, (f for f in vitals if len(f.shown or "") >= 3), "vital_value")
    yield from _groups(p, (_Fact(v, m, m) for v in vs for m, _ in v.meds), "medication")
    brands = (
        _Fact(v, b, m, b)
        for v in vs
        for m, d in v.meds
        for b in re.findall(r"\(([^()]+)\)", d)
        if b.casefold() != m.casefold()
    )
    yield from _groups(p, brands, "medication_brand")
    reasons = (_Fact(v, v.reason, None, v.reason) for v in vs if v.reason)
    yield from _groups(p, reasons, "visit_reason")
    procs = (_Fact(v, x, x) for v in vs for x in v.procedures if not _SNAKE.match(x))
    yield from _groups(p, procs, "procedure")


def _client_candidates(p: Patient) -> Iterator[Candidate]:
    history = [Target("client", "medical_history")]
    for c in p.problems:
        display, alias = coding(c["code"]).get("display", ""), c["code"].get("text", "")
        yield "diagnosis_onset", display, history
        if alias and alias.casefold() != display.casefold():
            yield "diagnosis_alias", alias, history
    notes = Target("client", "notes")
    for a in p.allergies:
        name = a["code"].get("text") or coding(a["code"]).get("display", "")
        yield "allergy", name, [notes, *_in_section(p, "Allergies", name)]
    for f in p.family:
        for c in f.get("condition", []):
            display, alias = coding(c["code"]).get("display", ""), c["code"].get("text", "")
            if alias and alias.casefold() != display.casefold():
                yield "family_history", alias, [notes, *_in_section(p, "Family history", display)]


def _in_section(p: Patient, title: str, needle: str) -> list[Target]:
    """Visits whose `title` section names `needle`: they answer a client-level question too."""
    return [
        Target("session", v.ext_id)
        for v in p.visits
        if any(t == title and mentions(b, needle) for t, b in v.sections)
    ][: MAX_TARGETS - 1]


def _phrase(template: str, key: str, rng: random.Random) -> str:
    if template in ("lab_value", "vital_value"):
        name, x = key.split("|")
        return rng.choice(PHRASES[template]).format(name=name, x=x)
    if template == "visit_reason":
        key = re.sub(r"^Encounter for ", "", key)
    if template == "visit_reason" or template.startswith("diagnosis"):
        key = key if key[:2].isupper() else key[:1].lower() + key[1:]
    return rng.choice(PHRASES[template]).format(x=key)


def questions(patients: list[Patient], seed: int = SEED) -> list[Question]:
    rng = random.Random(seed)
    out: list[Question] = []
    for p in patients:
        by_template: dict[str, list[tuple[str, list[Target]]]] = defaultdict(list)
        seen: set[tuple[str, str]] = set()
        for template, key, targets in [*_session_candidates(p), *_client_candidates(p)]:
            if (template, key) not in seen:
                seen.add((template, key))
                by_template[template].append((key, targets))
        for template in PHRASES:
            found = by_template.get(template, [])
            for key, targets in rng.sample(found, min(len(found), CAP.get(template, 1))):
                out.append(
                    Question(
                        id=f"q{len(out):04d}",
                        template=template,
                        style=STYLE[template],
                        client=p.ext_id,
                        text=_phrase(template, key, rng),
                        targets=tuple(targets),
                    )
                )
    return out + _dated(patients, seed, len(out))


def _dated(patients: list[Patient], seed: int, start: int) -> list[Question]:
    """One reading of each kind per client, asked by its visit's date. Drawn from a random
    stream of their own, so the other questions are the same with or without them."""
    rng = random.Random(f"dated-{seed}")
    out: list[Question] = []
    for p in patients:
        readings = dated_readings(p)
        for template in DATED:
            found = [r for r in readings if f"{r.kind}_on_date" == template]
            if found:
                r = rng.choice(found)
                out.append(
                    Question(
                        id=f"q{start + len(out):04d}",
                        template=template,
                        style="dated",
                        client=p.ext_id,
                        text=ask_on_date(r, rng),
                        targets=(Target("session", r.visit.ext_id),),
                    )
                )
    return out
