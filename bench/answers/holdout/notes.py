"""What each held-out note says, read back from its text.

The notes of bench/timeline/sets/overtime/data.json were written from a fixed set of
sentence forms (that module's tables: READING_EN, MED_EN, DX_EN, ...). Each form is turned
into a regular expression here and searched in the field it is written in, so every fact
below is a span of a note's own text: a reading and its value, a drug started, continued,
stopped or only listed, a diagnosis recorded or ruled out, a procedure done, a referral.
Nothing is taken from the generator's hidden state; tests/bench/test_answers_holdout.py checks
that each question's answer stands in the note it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import bench.timeline.sets.overtime as gen

_NUMBER = r"(?P<v>\d+(?:\.\d+)?)"
_BP = r"(?P<s>\d{2,3})/(?P<d>\d{2,3})"
_DOSE = r"(?:\d+(?:\.\d+)? mg)"


@dataclass(frozen=True)
class Fact:
    kind: str  # "reading", "med", "dx", "done", "referral"
    name: str  # measure key, generic drug, condition key, procedure key or specialty key
    status: str  # reading: its value; med: started/continued/stopped/listed;
    # dx: present/negated; done/referral: "done"
    said: str  # the words of the note that say it


@dataclass
class Visit:
    client: str
    ext_id: str
    day: dt.date
    lang: str
    text: str  # every field, as the index sees them
    facts: list[Fact] = field(default_factory=list)

    def of(self, kind: str, status: str | None = None) -> list[Fact]:
        return [f for f in self.facts if f.kind == kind and status in (None, f.status)]


@dataclass
class Client:
    ext_id: str
    name: str
    lang: str
    history: str
    visits: list[Visit]

    @property
    def record(self) -> str:
        return "\n".join([self.history, *(v.text for v in self.visits)])


def _form(template: str, **groups: str) -> str:
    """A sentence form as a regex: its placeholders become `groups`, the rest literal
    (the final full stop optional: notes join sentences with ". ", ";" or new lines)."""
    out = re.escape(template.rstrip("."))
    for name, pattern in groups.items():
        out = out.replace(re.escape("{" + name + "}"), pattern)
    return out


def _alternatives(words: Iterable[str]) -> str:
    return "(?P<x>" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _drug_names() -> dict[str, str]:
    """Every written name (generic, brand, Hebrew), lower case -> the generic."""
    out: dict[str, str] = {}
    for d in gen.DRUGS.values():
        for w in (d.name, *d.written, d.he):
            out[w.lower()] = d.name
    return out


DRUG_NAMES = _drug_names()
_DRUG = _alternatives(DRUG_NAMES)
_DX_NAMES = {
    w.lower(): key for key, c in gen.CONDITIONS.items() for w in (c.en, c.he) if w
}  # fmt: skip
_DX = _alternatives(_DX_NAMES)
_SP_NAMES = {w.lower(): key for key, names in gen.SPECIALTIES.items() for w in names}
_SP = _alternatives(_SP_NAMES)


def _reading_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for table in (gen.READING_EN, gen.READING_HE):
        for m, forms in table.items():
            for t in forms:
                rx = _form(t, v=_NUMBER, s=_BP.split("/")[0], d=_BP.split("/")[1])
                out.append((m, re.compile(r"(?<![\w/])" + rx + r"(?![\w/])", re.I)))
    return out


def _status_patterns(tables: dict[str, dict[str, tuple[str, ...]]], **groups: str) -> Any:
    return [
        (status, re.compile(r"(?<!\w)" + _form(t, **groups) + r"(?!\w)", re.I))
        for table in tables.values()
        for status, forms in table.items()
        for t in forms
    ]


_READINGS = _reading_patterns()
_MEDS = _status_patterns({"en": gen.MED_EN, "he": gen.MED_HE}, drug=_DRUG, dose=_DOSE)
_DXS = _status_patterns({"en": gen.DX_EN, "he": gen.DX_HE}, dx=_DX)
_LISTED = [
    re.compile(_form(t, list=r"(?P<list>[^\n]+?)(?=\.(?:\s|$))"), re.I)
    for t in gen.LISTED_EN + gen.LISTED_HE
]
_REFERRALS = [
    re.compile(r"(?<!\w)" + _form(t, sp=_SP) + r"(?!\w)", re.I) for t in gen.REFER_EN + gen.REFER_HE
]
_DONE = [
    (key, re.compile(re.escape(s.rstrip(".")), re.I))
    for key, p in gen.PROCEDURES.items()
    for s in (*p.en, p.he)
]


def read_visit(client: str, lang: str, session: dict[str, str]) -> Visit:
    fields = [session[k] for k in ("subjective", "objective", "assessment", "plan")]
    v = Visit(
        client,
        session["external_id"],
        dt.date.fromisoformat(session["date"][:10]),
        lang,
        "\n".join(fields),
    )
    subjective, objective, assessment, plan = fields
    seen: set[tuple[str, int]] = set()
    for m, rx in _READINGS:
        for hit in rx.finditer(objective):
            value = hit.group("v") if "v" in rx.groupindex else f"{hit['s']}/{hit['d']}"
            if (m, hit.start()) not in seen:  # "דופק {v}" and "דופק {v} לדקה" are one
                seen.add((m, hit.start()))
                v.facts.append(Fact("reading", m, value, hit.group()))
    for status, rx in _MEDS:
        for hit in rx.finditer(plan):
            v.facts.append(Fact("med", DRUG_NAMES[hit["x"].lower()], status, hit.group()))
    for rx in _LISTED:
        for hit in rx.finditer(subjective):
            for item in hit["list"].split(","):
                name = re.sub(r"\s*" + _DOSE + "$", "", item.strip()).lower()
                v.facts.append(Fact("med", DRUG_NAMES[name], "listed", item.strip()))
    for status, rx in _DXS:
        for hit in rx.finditer(assessment):
            v.facts.append(Fact("dx", _DX_NAMES[hit["x"].lower()], status, hit.group()))
    for key, rx in _DONE:
        if hit := rx.search(objective):
            v.facts.append(Fact("done", key, "done", hit.group()))
    for rx in _REFERRALS:
        for hit in rx.finditer(plan):
            v.facts.append(Fact("referral", _SP_NAMES[hit["x"].lower()], "done", hit.group()))
    return v


def read_clients(doc: dict[str, Any]) -> list[Client]:
    out = []
    for c in doc["clients"]:
        lang = "he" if re.search(r"[\u05d0-\u05ea]", c["full_name"]) else "en"
        visits = [read_visit(c["external_id"], lang, s) for s in c["sessions"]]
        out.append(Client(c["external_id"], c["full_name"], lang, c["medical_history"], visits))
    return out


def readings(visit: Visit, measure: str) -> list[str]:
    return [f.status for f in visit.of("reading") if f.name == measure]
