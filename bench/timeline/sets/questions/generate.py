"""Writes data.json: questions over time in the clinician's own words, with gold answers,
about the patients of bench/timeline/sets/overtime (its data.json, unchanged).

    .venv/bin/python -m bench.timeline.sets.questions.generate   # rewrites data.json (seed SEED)
    .venv/bin/python -m bench.timeline.sets.questions.generate --extra dev17   # dev17.json

What it reads: the wordings, wordings/main.toml (--extra NAME: wordings/NAME.toml, NAME one
of EXTRA), and the names a question may use, names.toml (both read by wording.py, which
describes their format); how a question writes dates, periods, counts and referrals,
words.toml (read here: `Words`, `pick`); the patients, from bench/timeline/sets/overtime.

Where the gold comes from. data.json of the over-time holdout holds the notes only, not
the facts they were written from; its generator (`_Gen`, seed 7_204_915) records those
facts (visit dates and kinds, every reading of a tracked measure, every medication event,
conditions present or ruled out, procedures and referrals, the history line) before it
writes the notes. This module replays that generator, checks that the replay writes the
very notes of the committed data.json (byte for byte, else it stops), checks each fact
against its note's text (the reading's value, the drug's name, the procedure's sentence
stand in that visit's note), and computes every gold answer from those facts with the
rules below. Nothing is read from the app. The facts are written into data.json
("truth"), so each gold can be checked by hand.

Rules, per operation (a period is inclusive at both ends; a boundary that is a date is
never a visit's date):
- latest / first: the last / first reading of the measure (first: or the first visit);
- last_n: the last N readings, in date order;
- extreme: the highest / lowest reading (blood pressure: its systolic or diastolic part,
  as asked), with every date it was read;
- change: from the first reading (or the reading at the dated visit asked about) to the
  latest: both values, the difference and its direction (never a question with no change);
- visit_count: the visits in the period; list_period: the readings (or visit dates) in it.
  A period with a phone or video visit in it is never asked about visits, so "come in" and
  "seen" give the same count;
- reading_count: the readings of the measure in the period (or in all);
- value_on_date: the reading at that visit;
- med_started: the first visit where the drug was started; med_stopped: the visit where
  it was stopped (only drugs that were stopped are asked);
- still_taking: yes unless the drug's last event is "stopped" (no drug of this set is
  restarted); as of the last visit;
- time_since: the last visit's date (the days from it depend on the day asked: the scorer
  counts them from the day the app answers, the app's request taking no "today");
- any_record: a condition first recorded as present (an earlier "no evidence of" does not
  count), a procedure or a referral: yes, and its first date; the history line: yes, no
  date; something no note or history mentions (checked on the text, lay names too): no.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import random
import re
import string
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import Key, VocabFile
from bench.timeline.sets.overtime import DATA as SOURCE_DATA
from bench.timeline.sets.overtime import DRUGS, NAMES, PROCEDURES, Patient, _Gen
from bench.timeline.sets.overtime import SEED as SOURCE_SEED
from bench.timeline.sets.overtime import TODAY as SOURCE_TODAY
from bench.timeline.sets.overtime import load as load_source
from bench.timeline.sets.questions import EXTRA
from bench.timeline.sets.questions.wording import (
    ABSENT,
    CONDITION_NAMES_EN,
    CONDITION_NAMES_HE,
    DRUG_BRANDS_HE,
    MAIN,
    MEASURE_NAMES_EN,
    MEASURE_NAMES_HE,
    PROCEDURE_NAMES_EN,
    PROCEDURE_NAMES_HE,
    SPECIALTY_NAMES_EN,
    SPECIALTY_NAMES_HE,
    Tables,
    read_wordings,
)

SEED = 4_205_117
HERE = Path(__file__).resolve().parent
DATA = HERE / "data.json"
REPO = HERE.parents[3]
OPERATIONS = (
    "latest", "first", "last_n", "extreme", "change", "visit_count", "reading_count",
    "list_period", "value_on_date", "med_started", "med_stopped", "still_taking",
    "time_since", "any_record",
)  # fmt: skip
MEASURES = ("bp", "bp_sys", "bp_dia", "weight", "a1c", "egfr", "phq9", "gad7", "pain",
            "heart_rate")  # fmt: skip
SCALAR = tuple(m for m in MEASURES if m != "bp")
ALLOWED: dict[str, tuple[str, ...]] = {
    "latest": ("bp", *SCALAR[2:]),
    "first": ("bp", *SCALAR[2:]),
    "value_on_date": ("bp", *SCALAR[2:]),
    "list_period": ("bp", *SCALAR[2:]),
    "reading_count": ("bp", *SCALAR[2:]),
    "last_n": ("bp", "bp_sys", *SCALAR[2:]),
    "extreme": SCALAR,
    "change": ("bp", "bp_sys", *SCALAR[2:]),
}
UNITS = {"bp": "mmHg", "bp_sys": "mmHg", "bp_dia": "mmHg", "weight": "kg", "a1c": "%",
         "egfr": "mL/min/1.73m²", "phq9": "points", "gad7": "points",
         "pain": "/10", "heart_rate": "bpm"}  # fmt: skip
DECIMALS = {"weight": 1, "a1c": 1}
# Share of Hebrew questions asked about a patient whose notes are in Hebrew (the rest are
# about patients with English notes, as a clinician in Israel asks in Hebrew of either).
HE_ON_HE_NOTES = 0.7


# -- words.toml --------------------------------------------------------------------------
WORDS = VocabFile(HERE / "words.toml")
# Each period kind of words.toml and the placeholders its templates may use.
PERIOD_FIELDS: dict[str, frozenset[str]] = {
    kind: frozenset(("y", *fields))
    for kind, fields in {
        "year": (), "half": ("h", "ord", "ord_f", "a", "b"), "quarter": ("q", "ord", "ord_f"),
        "months": ("a", "b"), "year_start": ("a",), "since_month": ("a",),
        "before_month": ("a",), "before_year": ("prev",), "months_across": ("a", "b", "next"),
        "since_date": ("d1",), "between_dates": ("d1", "d2"),
    }.items()
}  # fmt: skip
DATE_FIELDS = frozenset(("iso", "d", "dd", "m", "mm", "y", "yy", "month", "mon"))


def pick(r: random.Random, templates: Sequence[str]) -> str:
    """One of `templates`, drawn from `r`; a sole one is taken with no draw (`r.choice`
    would spend the stream on it, and the seeded sets were drawn without)."""
    return templates[0] if len(templates) == 1 else r.choice(templates)


def _templates(allowed: frozenset[str], *keys: Key) -> tuple[str, ...]:
    """The templates at `keys` (a list, or one string), at least one, each using only
    `allowed` placeholders: a misspelt one names its file and key here, not deep in a draw."""
    found = (WORDS.text(*keys),) if isinstance(WORDS.at(*keys), str) else WORDS.strings(*keys)
    try:
        names = {f for t in found for _, f, _, _ in string.Formatter().parse(t) if f is not None}
    except ValueError as exc:
        raise WORDS.wrong(keys, f"templates: {exc}") from exc
    if not found or not names <= allowed:
        raise WORDS.wrong(keys, f"templates with placeholders of {', '.join(sorted(allowed))}")
    return found


def _numbers(*keys: Key) -> dict[int, str]:
    said = WORDS.texts(*keys)
    if not all(n.isdigit() for n in said):
        raise WORDS.wrong(keys, "a table of number = its word")
    return {int(n): word for n, word in said.items()}


@dataclass(frozen=True)
class Say:
    """One language's ways to write a date, a period and a referral (words.toml)."""

    ordinals: tuple[str, ...]
    ordinals_f: tuple[str, ...]
    dates: tuple[str, ...]
    on_date: str
    on_iso_date: str
    referral: dict[str, str]
    periods: dict[str, tuple[str, ...]]

    @classmethod
    def read(cls, lang: str) -> Say:
        ordinals = {k: WORDS.strings(lang, k) for k in ("ordinals", "ordinals_f")}
        for k, said in ordinals.items():
            if len(said) != 4:
                raise WORDS.wrong((lang, k), "the first to the fourth")
        if set(WORDS.table(lang, "referral")) != {"x", "a_x"}:
            raise WORDS.wrong((lang, "referral"), "x and a_x")
        if set(WORDS.table(lang, "periods")) != set(PERIOD_FIELDS):
            raise WORDS.wrong((lang, "periods"), f"the kinds {', '.join(PERIOD_FIELDS)}")
        on = frozenset(("date",))
        return cls(
            ordinals["ordinals"],
            ordinals["ordinals_f"],
            _templates(DATE_FIELDS, lang, "dates"),
            _templates(on, lang, "on_date")[0],
            _templates(on, lang, "on_iso_date")[0],
            {k: _templates(frozenset(("sp",)), lang, "referral", k)[0] for k in ("x", "a_x")},
            {k: _templates(f, lang, "periods", k) for k, f in PERIOD_FIELDS.items()},
        )


SAY = {lang: Say.read(lang) for lang in ("en", "he")}
QUESTIONNAIRE = WORDS.texts("questionnaires")
HE_MONTHS = WORDS.strings("he", "months")
if len(HE_MONTHS) != 12:
    raise WORDS.wrong(("he", "months"), "January to December")
EN_NUM = _numbers("en", "numbers")
HE_NUM_F = _numbers("he", "numbers_f")
HE_NUM_M = _numbers("he", "numbers_m")


# -- the facts ---------------------------------------------------------------------------
def source_patients() -> list[Patient]:
    """The holdout's patients with their facts, replayed; stops if the replay's notes are not
    the committed data.json's."""
    g = _Gen(SOURCE_SEED)
    patients = [g.patient(i) for i in range(len(NAMES))]
    committed = load_source()["doc"]["clients"]
    if [g.to_json(p) for p in patients] != committed:
        raise AssertionError(
            "replaying bench/timeline/sets/overtime's generator does not give its "
            "data.json: the facts behind the notes are not known, so no gold can be computed"
        )
    return patients


def source_digest() -> str:
    doc = load_source()["doc"]
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _num(text: str) -> float:
    return float(text)


def _fmt(m: str, x: float) -> str:
    return f"{x:.{DECIMALS.get(m, 0)}f}"


def display(m: str, value: str) -> str:
    unit = UNITS[m]
    if unit == "%":
        return f"{value}%"
    if unit == "/10":
        return f"{value}/10"
    return f"{value} {unit}"


@dataclass
class Truth:
    """One patient's facts, as the generator recorded them."""

    p: Patient

    @property
    def id(self) -> str:
        return self.p.external_id

    @property
    def female(self) -> bool:
        return self.p.sex == "F"

    @property
    def lang(self) -> str:
        return self.p.lang

    @property
    def n(self) -> int:
        return len(self.p.dates)

    def sid(self, v: int) -> str:
        return f"{self.id}-s{v + 1:02d}"

    def day(self, v: int) -> dt.date:
        return self.p.dates[v]

    def iso(self, v: int) -> str:
        return self.p.dates[v].isoformat()

    def remote(self, v: int) -> bool:
        return self.p.kinds[v] == "telehealth"

    def measures(self) -> set[str]:
        out = set(self.p.readings)
        if "bp" in out:
            out |= {"bp_sys", "bp_dia"}
        return out

    def series(self, m: str) -> list[tuple[int, str]]:
        if m in ("bp_sys", "bp_dia"):
            part = 0 if m == "bp_sys" else 1
            return [(v, t.split("/")[part]) for v, t in self.p.readings["bp"]]
        return list(self.p.readings[m])

    def drugs(self) -> dict[str, str]:
        """Role -> drug."""
        return dict(self.p.roles)

    def events(self, drug: str) -> list[tuple[int, str]]:
        return [(v, st) for v, d, st in self.p.meds if d == drug]

    def started(self, drug: str) -> int:
        return min(v for v, st in self.events(drug) if st == "started")

    def stopped(self, drug: str) -> int | None:
        ends = [v for v, st in self.events(drug) if st == "stopped"]
        return max(ends) if ends else None

    def taking(self, drug: str) -> bool:
        last = max(self.events(drug))
        return last[1] != "stopped"

    def conditions(self) -> dict[str, int]:
        """Condition -> the first visit where it is recorded as present."""
        out: dict[str, int] = {}
        for v, c, st in self.p.dx:
            if st == "present" and c not in out:
                out[c] = v
        return out

    def done(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for v, name in self.p.done:
            out.setdefault(name, []).append(v)
        return out

    def history(self) -> str:
        """The condition of the history line ("PMH: gout." / "ברקע: ...")."""
        text = self.p.history.split(":", 1)[1].strip().rstrip(".")
        names = CONDITION_NAMES_HE if self.lang == "he" else CONDITION_NAMES_EN
        for key in CONDITION_NAMES_EN:
            if text.lower() in (n.lower() for n in names[key]):
                return key
        if text == "BPH":
            return "benign prostatic hyperplasia"
        raise AssertionError(f"history line not understood: {self.p.history}")

    def text(self) -> str:
        parts = [self.p.history, *(" ".join(n.values()) for n in self.p.notes)]
        return " ".join(parts).lower()

    def note(self, v: int) -> str:
        return " ".join(self.p.notes[v].values())

    def check(self) -> None:
        """Every fact a gold answer uses stands in its own note's text."""
        for series in self.p.readings.values():
            for v, t in series:
                for part in t.split("/"):
                    assert part in self.note(v), (self.id, v, t)
        for v, d, st in self.p.meds:
            names = (DRUGS[d].he,) if self.lang == "he" else DRUGS[d].written
            assert any(n.lower() in self.note(v).lower() for n in names), (self.id, v, d, st)
        for v, name in self.p.done:
            if not name.startswith("referral: "):
                proc = PROCEDURES[name]
                said = (proc.he,) if self.lang == "he" else proc.en
                note = self.note(v).lower()
                assert any(s.rstrip(".").lower() in note for s in said), (self.id, v, name)

    def to_json(self) -> dict[str, Any]:
        return {
            "client": self.id,
            "notes_language": self.lang,
            "sex": self.p.sex,
            "visits": [
                {"session": self.sid(v), "date": self.iso(v), "kind": self.p.kinds[v]}
                for v in range(self.n)
            ],
            "readings": {
                m: [{"date": self.iso(v), "session": self.sid(v), "value": t} for v, t in s]
                for m, s in sorted(self.p.readings.items())
            },
            "medications": [
                {"date": self.iso(v), "session": self.sid(v), "drug": d, "event": st}
                for v, d, st in self.p.meds
            ],
            "conditions": [
                {"date": self.iso(v), "session": self.sid(v), "condition": c, "status": st}
                for v, c, st in self.p.dx
            ],
            "procedures_and_referrals": [
                {"date": self.iso(v), "session": self.sid(v), "what": n} for v, n in self.p.done
            ],
            "history": self.p.history,
        }


# -- periods -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    start: dt.date | None
    end: dt.date | None
    style: str
    text: str

    def holds(self, d: dt.date) -> bool:
        return (self.start is None or d >= self.start) and (self.end is None or d <= self.end)

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "style": self.style,
            "text": self.text,
        }


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


class Words:
    """Dates, periods and names as a question in one language writes them (words.toml)."""

    def __init__(self, lang: str, rng: random.Random) -> None:
        self.lang, self.rng = lang, rng
        self.say = SAY[lang]

    def month(self, m: int, short: bool = False) -> str:
        if self.lang == "he":
            return HE_MONTHS[m - 1]
        return calendar.month_abbr[m] if short else calendar.month_name[m]

    def date(self, d: dt.date) -> str:
        """A bare date."""
        return pick(self.rng, self.say.dates).format(
            iso=d.isoformat(), d=d.day, dd=f"{d.day:02d}", m=d.month, mm=f"{d.month:02d}",
            y=d.year, yy=f"{d.year % 100:02d}", month=self.month(d.month),
            mon=self.month(d.month, short=True),
        )  # fmt: skip

    def date_on(self, d: dt.date) -> tuple[str, str]:
        """(the date after "on": Hebrew's ב, the bare date); English: the bare date twice."""
        bare = self.date(d)
        on = self.say.on_iso_date if "-" in bare else self.say.on_date
        return on.format(date=bare), bare

    def _period(self, kind: str, **fill: object) -> str:
        return pick(self.rng, self.say.periods[kind]).format(**fill)

    def periods(self, first: dt.date, last: dt.date, avoid: set[dt.date]) -> list[Period]:
        """Candidate periods over the patient's span, each worded once."""
        out: list[Period] = []
        r, he, say = self.rng, self.lang == "he", self.say
        years = range(first.year, last.year + 1)
        for y in years:
            text = self._period("year", y=y)
            out.append(Period(dt.date(y, 1, 1), dt.date(y, 12, 31), "year", text))
            for h in (1, 2):
                a, b = self.month(1 if h == 1 else 7), self.month(6 if h == 1 else 12)
                nth = {"ord": say.ordinals[h - 1], "ord_f": say.ordinals_f[h - 1]}
                text = self._period("half", y=y, h=h, a=a, b=b, **nth)
                start = dt.date(y, 1 if h == 1 else 7, 1)
                out.append(Period(start, _month_end(y, 6 if h == 1 else 12), "half", text))
            for q in range(1, 5):
                nth = {"ord": say.ordinals[q - 1], "ord_f": say.ordinals_f[q - 1]}
                text = self._period("quarter", y=y, q=q, **nth)
                start = dt.date(y, 3 * q - 2, 1)
                out.append(Period(start, _month_end(y, 3 * q), "quarter", text))
            for m1 in range(1, 11):
                m2 = min(12, m1 + r.randint(2, 6))
                text = self._period("months", a=self.month(m1), b=self.month(m2), y=y)
                out.append(Period(dt.date(y, m1, 1), _month_end(y, m2), "months", text))
            for m in range(1, 13):
                a = self.month(m, short=not he and r.random() < 0.3)
                text = self._period("year_start" if m == 1 else "since_month", a=a, y=y)
                out.append(Period(dt.date(y, m, 1), None, "since_month", text))
                if m > 1:
                    text = self._period("before_month", a=a, y=y)
                    end = dt.date(y, m, 1) - dt.timedelta(days=1)
                    out.append(Period(None, end, "before_month", text))
            if y > first.year:
                text = self._period("before_year", y=y, prev=y - 1)
                out.append(Period(None, dt.date(y - 1, 12, 31), "before_year", text))
            if y < last.year:
                m1, m2 = r.randint(5, 11), r.randint(1, 6)
                a, b = self.month(m1), self.month(m2)
                text = self._period("months_across", a=a, b=b, y=y, next=y + 1)
                end = _month_end(y + 1, m2)
                out.append(Period(dt.date(y, m1, 1), end, "months_across", text))
        visits = sorted(avoid)
        for i, di in enumerate(visits):
            start = di - dt.timedelta(days=r.randint(1, 9))
            if start not in avoid:
                text = self._period("since_date", d1=self.date(start))
                out.append(Period(start, None, "since_date", text))
            for j in range(i + 1, min(len(visits), i + 5)):
                end = visits[j] + dt.timedelta(days=r.randint(1, 9))
                if start in avoid or end in avoid:
                    continue
                d1, d2 = self.date(start), self.date(end)
                text = self._period("between_dates", d1=d1, d2=d2)
                out.append(Period(start, end, "between_dates", text))
        return out


def pick_period(
    words: Words, tr: Truth, ok: Callable[[Period], bool], rng: random.Random
) -> Period | None:
    """A period that `ok` accepts, its style drawn first so every style comes up."""
    days = {tr.day(v) for v in range(tr.n)}
    cands = [c for c in words.periods(tr.day(0), tr.day(tr.n - 1), days) if ok(c)]
    if not cands:
        return None
    style = rng.choice(sorted({c.style for c in cands}))
    return rng.choice([c for c in cands if c.style == style])


# -- questions ---------------------------------------------------------------------------
@dataclass
class Draft:
    """One question before it is worded: what it asks about, its gold, its placeholders."""

    subject: str
    subject_type: str
    gold: dict[str, Any]
    fill: dict[str, str] = field(default_factory=dict)
    period: Period | None = None
    date: str | None = None
    key: str = ""


@dataclass(frozen=True)
class Family:
    id: str
    op: str
    lang: str
    tags: frozenset[str]
    text: str


def families(tables: Tables | None = None) -> list[Family]:
    """Every family of `tables` (the main set's by default), each with its id."""
    out = []
    for lang, table in tables if tables is not None else read_wordings(MAIN, OPERATIONS):
        for op in OPERATIONS:
            for i, raw in enumerate(table[op], start=1):
                tags, _, text = raw.rpartition("::")
                marks = frozenset(t for t in tags.split(",") if t)
                out.append(Family(f"{op}.{lang}.{i:02d}", op, lang, marks, text))
    return out


_GENDER = re.compile(r"\{([^{}|]*)\|([^{}|]*)\}")
_FIELD = re.compile(r"\{(\w+)\}")


def render(text: str, female: bool, fill: dict[str, str]) -> str:
    out = _GENDER.sub(lambda m: m.group(1 if female else 2), text)
    out = _FIELD.sub(lambda m: fill[m.group(1)], out)
    out = re.sub(r"\bscore (scores?)\b", r"\1", out)
    out = re.sub(r"\s+", " ", out).strip()
    first = out.split(" ", 1)[0]
    if text.startswith("{") and first.isascii() and first.isalpha() and first.islower():
        out = out[:1].upper() + out[1:]
    return out


def _prefix(p: str, word: str) -> str:
    """A Hebrew one-letter preposition joined to a word (a hyphen before Latin letters)."""
    return p + ("" if "\u05d0" <= word[:1] <= "\u05ea" else "-") + word


class Builder:
    """Drafts for one operation, on one patient, as one family's tags allow."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    # names ------------------------------------------------------------------------------
    def measure_fill(self, m: str, lang: str) -> dict[str, str]:
        if lang == "he":
            full, bare = self.rng.choice(MEASURE_NAMES_HE[m])
            return {"m": full, "m0": bare, "b_m0": _prefix("ב", bare), "l_m0": _prefix("ל", bare),
                    "qn": QUESTIONNAIRE.get(m, bare)}  # fmt: skip
        return {"m": self.rng.choice(MEASURE_NAMES_EN[m]), "qn": QUESTIONNAIRE.get(m, m)}

    def drug_fill(self, drug: str, lang: str, notes_lang: str) -> dict[str, str]:
        r = self.rng
        if lang == "he":
            options = [DRUGS[drug].he, drug]
            weights = [0.6, 0.2] if notes_lang == "he" else [0.3, 0.5]
            if drug in DRUG_BRANDS_HE:
                options.append(DRUG_BRANDS_HE[drug])
                weights.append(0.2)
            name = r.choices(options, weights)[0]
            return {"drug": name, "l_drug": _prefix("ל", name), "m_drug": _prefix("מ", name),
                    "b_drug": _prefix("ב", name)}  # fmt: skip
        brands = DRUGS[drug].written[1:]
        roll = r.random()
        if brands and roll < 0.25:
            name = r.choice(brands)
        elif roll < 0.35:
            name = drug.capitalize()
        else:
            name = drug
        return {"drug": name}

    # subjects ---------------------------------------------------------------------------
    def measure(self, tr: Truth, op: str, tags: frozenset[str]) -> str | None:
        allowed = set(ALLOWED[op]) & tr.measures()
        only = tags & set(MEASURES)
        if only:
            allowed &= only
        return self.rng.choice(sorted(allowed)) if allowed else None

    def draft(self, op: str, tr: Truth, fam: Family, words: Words) -> Draft | None:
        return getattr(self, op)(tr, fam, words)  # type: ignore[no-any-return]

    def _values_gold(self, m: str, tr: Truth, picked: list[tuple[int, str]]) -> dict[str, Any]:
        return {
            "kind": "values",
            "measure": m,
            "values": [t for _, t in picked],
            "unit": UNITS[m],
            "display": [display(m, t) for _, t in picked],
            "dates": [tr.iso(v) for v, _ in picked],
            "sessions": [tr.sid(v) for v, _ in picked],
        }

    def _value_gold(self, m: str, tr: Truth, value: str, at: list[int]) -> dict[str, Any]:
        return {
            "kind": "value",
            "measure": m,
            "value": value,
            "unit": UNITS[m],
            "display": display(m, value),
            "dates": [tr.iso(v) for v in at],
            "sessions": [tr.sid(v) for v in at],
        }

    def latest(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "latest", fam.tags)
        if m is None:
            return None
        v, t = tr.series(m)[-1]
        return Draft(m, "measure", self._value_gold(m, tr, t, [v]), key=m)

    def first(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        if "visit" in fam.tags:
            gold = {"kind": "date", "date": tr.iso(0), "sessions": [tr.sid(0)]}
            return Draft("visits", "visits", gold, key="visits")
        m = self.measure(tr, "first", fam.tags)
        if m is None:
            return None
        v, t = tr.series(m)[0]
        return Draft(m, "measure", self._value_gold(m, tr, t, [v]), key=m)

    def last_n(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "last_n", fam.tags)
        if m is None:
            return None
        s = tr.series(m)
        top = min(5, len(s) - 1)
        if top < 2:
            return None
        n = self.rng.randint(2, top)
        says = EN_NUM[n] if fam.lang == "en" and self.rng.random() < 0.5 else str(n)
        fill = {"n": says, "nf": HE_NUM_F[n], "nm": HE_NUM_M[n]}
        return Draft(m, "measure", self._values_gold(m, tr, s[-n:]), fill, key=f"{m}:{n}")

    def extreme(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "extreme", fam.tags)
        if m is None:
            return None
        s = tr.series(m)
        pick = max if "max" in fam.tags else min
        best = pick(_num(t) for _, t in s)
        at = [v for v, t in s if _num(t) == best]
        value = next(t for _, t in s if _num(t) == best)
        gold = {**self._value_gold(m, tr, value, at), "extreme": "max" if pick is max else "min"}
        return Draft(m, "measure", gold, key=f"{m}:{gold['extreme']}")

    def change(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "change", fam.tags)
        if m is None:
            return None
        s = tr.series(m)
        end = s[-1]
        if "since" in fam.tags:
            choices = [i for i in range(1, len(s) - 1) if s[i][1] != end[1]]
            if not choices:
                return None
            start = s[self.rng.choice(choices)]
        else:
            start = s[0]
        if start[1] == end[1]:
            return None
        gold: dict[str, Any] = {
            "kind": "change",
            "measure": m,
            "from": start[1],
            "to": end[1],
            "unit": UNITS[m],
            "from_date": tr.iso(start[0]),
            "to_date": tr.iso(end[0]),
            "sessions": [tr.sid(start[0]), tr.sid(end[0])],
        }
        if m == "bp":
            (s1, d1), (s2, d2) = (map(int, x.split("/")) for x in (start[1], end[1]))
            gold.update(delta=f"{s2 - s1:+d}/{d2 - d1:+d}", direction=None)
        else:
            delta = _num(end[1]) - _num(start[1])
            gold.update(delta=_fmt(m, delta) if delta < 0 else "+" + _fmt(m, delta),
                        direction="up" if delta > 0 else "down")  # fmt: skip
        fill: dict[str, str] = {}
        date: str | None = None
        if "since" in fam.tags:
            fill["d"], fill["d0"] = words.date_on(tr.day(start[0]))
            date = tr.iso(start[0])
        return Draft(m, "measure", gold, fill, date=date, key=f"{m}:{date}")

    def _visits_ok(self, tr: Truth, lo: int, hi: int) -> Callable[[Period], bool]:
        def ok(p: Period) -> bool:
            inside = [v for v in range(tr.n) if p.holds(tr.day(v))]
            return lo <= len(inside) <= hi and not any(tr.remote(v) for v in inside)

        return ok

    def visit_count(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        if "{period}" not in fam.text:
            return self._every_visit(tr)
        period = pick_period(words, tr, self._visits_ok(tr, 1, 8), self.rng)
        if period is None:
            return None
        inside = [v for v in range(tr.n) if period.holds(tr.day(v))]
        gold = {
            "kind": "count",
            "count": str(len(inside)),
            "dates": [tr.iso(v) for v in inside],
            "sessions": [tr.sid(v) for v in inside],
        }
        return Draft("visits", "visits", gold, {"period": period.text}, period,
                     key=f"visits:{period.start}:{period.end}")  # fmt: skip

    def _every_visit(self, tr: Truth) -> Draft | None:
        """A count asked of the whole record ("in total", "altogether"): every visit, where
        none is remote (whether a call counts as a visit is the question's to say)."""
        if any(tr.remote(v) for v in range(tr.n)):
            return None
        gold = {
            "kind": "count",
            "count": str(tr.n),
            "dates": [tr.iso(v) for v in range(tr.n)],
            "sessions": [tr.sid(v) for v in range(tr.n)],
        }
        return Draft("visits", "visits", gold, {}, None, key="visits:all")

    def reading_count(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "reading_count", fam.tags)
        if m is None:
            return None
        s = tr.series(m)
        period: Period | None = None
        if "{period}" in fam.text:

            def ok(p: Period) -> bool:
                return 1 <= sum(p.holds(tr.day(v)) for v, _ in s) < len(s)

            period = pick_period(words, tr, ok, self.rng)
            if period is None:
                return None
        inside = [(v, t) for v, t in s if period is None or period.holds(tr.day(v))]
        gold = {
            "kind": "count",
            "measure": m,
            "count": str(len(inside)),
            "dates": [tr.iso(v) for v, _ in inside],
            "sessions": [tr.sid(v) for v, _ in inside],
        }
        fill = {"period": period.text} if period else {}
        key = f"{m}:{period.start}:{period.end}" if period else m
        return Draft(m, "measure", gold, fill, period, key=key)

    def list_period(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        if "visit" in fam.tags:
            period = pick_period(words, tr, self._visits_ok(tr, 2, 5), self.rng)
            if period is None:
                return None
            inside = [v for v in range(tr.n) if period.holds(tr.day(v))]
            gold = {"kind": "dates", "dates": [tr.iso(v) for v in inside],
                    "sessions": [tr.sid(v) for v in inside]}  # fmt: skip
            return Draft("visits", "visits", gold, {"period": period.text}, period,
                         key=f"visits:{period.start}:{period.end}")  # fmt: skip
        m = self.measure(tr, "list_period", fam.tags)
        if m is None:
            return None
        s = tr.series(m)

        def ok(p: Period) -> bool:
            return 2 <= sum(p.holds(tr.day(v)) for v, _ in s) <= 4

        period = pick_period(words, tr, ok, self.rng)
        if period is None:
            return None
        inside = [(v, t) for v, t in s if period.holds(tr.day(v))]
        return Draft(m, "measure", self._values_gold(m, tr, inside), {"period": period.text},
                     period, key=f"{m}:{period.start}:{period.end}")  # fmt: skip

    def value_on_date(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        m = self.measure(tr, "value_on_date", fam.tags)
        if m is None:
            return None
        v, t = self.rng.choice(tr.series(m))
        on, bare = words.date_on(tr.day(v))
        fill = {"d": on, "d0": bare}
        return Draft(m, "measure", self._value_gold(m, tr, t, [v]), fill, date=tr.iso(v),
                     key=f"{m}:{v}")  # fmt: skip

    def _drug(self, tr: Truth, roles: Iterable[str]) -> str:
        return tr.drugs()[self.rng.choice(sorted(roles))]

    def med_started(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        drug = self._drug(tr, ("steady", "renewed", "stopped", "late"))
        v = tr.started(drug)
        gold = {"kind": "date", "date": tr.iso(v), "sessions": [tr.sid(v)]}
        return Draft(drug, "medication", gold, key=drug)

    def med_stopped(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        drug = tr.drugs()["stopped"]
        v = tr.stopped(drug)
        assert v is not None
        gold = {"kind": "date", "date": tr.iso(v), "sessions": [tr.sid(v)]}
        return Draft(drug, "medication", gold, key=drug)

    def still_taking(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        role = "stopped" if self.rng.random() < 0.4 else self.rng.choice(
            ("steady", "renewed", "late"))  # fmt: skip
        drug = tr.drugs()[role]
        taking = tr.taking(drug)
        last_v, last_status = max(tr.events(drug))
        gold = {
            "kind": "yes_no",
            "answer": "yes" if taking else "no",
            "as_of": tr.iso(tr.n - 1),
            "last_event": {"date": tr.iso(last_v), "event": last_status},
            "sessions": [tr.sid(last_v)],
        }
        return Draft(drug, "medication", gold, key=drug)

    def time_since(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        v = tr.n - 1
        gold = {
            "kind": "since",
            "date": tr.iso(v),
            "days_at_dataset_today": str((SOURCE_TODAY - tr.day(v)).days),
            "sessions": [tr.sid(v)],
        }
        return Draft("visits", "visits", gold, key="visits")

    def any_record(self, tr: Truth, fam: Family, words: Words) -> Draft | None:
        r, he = self.rng, fam.lang == "he"
        cats = {"cond", "proc", "ref"} & fam.tags or {"cond", "proc", "ref"}
        when = "when" in fam.tags
        roll = r.random()
        options: list[tuple[str, str, list[int] | None]] = []  # (type, key, visits)
        if roll < 0.3:
            text = tr.text()
            for key, kind, _en, _he, stems in ABSENT:
                if kind in cats and not any(s in text for s in stems):
                    options.append(("absent", key, None))
        elif roll < 0.4 and not when and "cond" in cats:
            options.append(("history", tr.history(), []))
        if not options:
            if "cond" in cats:
                options += [("condition", c, [v]) for c, v in tr.conditions().items()]
            for name, vs in tr.done().items():
                if name.startswith("referral: "):
                    if "ref" in cats:
                        options.append(("referral", name.removeprefix("referral: "), vs))
                elif "proc" in cats:
                    options.append(("procedure", name, vs))
        if tr.female:  # the source's one woman with BPH in her notes is not asked about it
            options = [o for o in options if o[1] != "benign prostatic hyperplasia"]
        if not options:
            return None
        kind, key, visits = r.choice(options)
        fill = self._record_fill(kind, key, he, tr)
        if visits is None:
            gold: dict[str, Any] = {"kind": "yes_no", "answer": "no", "first": None,
                                    "ask_first": when, "sessions": []}  # fmt: skip
        else:
            first = min(visits) if visits else None
            gold = {
                "kind": "yes_no",
                "answer": "yes",
                "first": tr.iso(first) if first is not None else None,
                "ask_first": when,
                "dates": [tr.iso(v) for v in visits],
                "sessions": [tr.sid(v) for v in visits],
            }
        return Draft(key, kind, gold, fill, key=f"{kind}:{key}")

    def _record_fill(self, kind: str, key: str, he: bool, tr: Truth) -> dict[str, str]:
        r = self.rng
        if kind == "absent":
            entry = next(a for a in ABSENT if a[0] == key)
            if he:
                x = r.choice(entry[3])
                return {"x": x, "a_x": x, "l_x": _prefix("ל", x)}
            bare, art = r.choice(entry[2])
            return {"x": bare, "a_x": art}
        if kind in ("condition", "history"):
            x = r.choice((CONDITION_NAMES_HE if he else CONDITION_NAMES_EN)[key])
            if not he and x.startswith("a "):
                return {"x": x.removeprefix("a "), "a_x": x}
            return {"x": x, "a_x": x, "l_x": _prefix("ל", x)}
        if kind == "procedure":
            if he:
                x = r.choice(PROCEDURE_NAMES_HE[key])
                return {"x": x, "a_x": x, "l_x": _prefix("ל", x)}
            bare, art = r.choice(PROCEDURE_NAMES_EN[key])
            return {"x": bare, "a_x": art}
        # a referral: its templates say "referred to {x}"; the others "a referral to ..."
        sp = r.choice((SPECIALTY_NAMES_HE if he else SPECIALTY_NAMES_EN)[key])
        said = {k: t.format(sp=sp) for k, t in SAY["he" if he else "en"].referral.items()}
        if he:
            return {**said, "l_x": _prefix("ל", sp), "sp": sp}
        return {**said, "sp": sp}


def _words_fill(draft: Draft, fam: Family, b: Builder, tr: Truth) -> dict[str, str]:
    fill = dict(draft.fill)
    if draft.subject_type == "measure":
        fill.update(b.measure_fill(draft.subject, fam.lang))
    elif draft.subject_type == "medication":
        fill.update(b.drug_fill(draft.subject, fam.lang, tr.lang))
    if draft.subject_type == "referral" and "ref" in fam.tags:
        sp = fill["sp"]
        fill["x"] = sp
        fill["l_x"] = _prefix("ל", sp)
    return fill


def _other_questions() -> set[str]:
    """Every question of the other sets in bench/ (their data.json), normalised."""
    out: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k == "question" and isinstance(v, str):
                    out.add(normalise(v))
                else:
                    walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for path in sorted((REPO / "bench").rglob("data.json")):
        if path.parent != HERE:
            walk(json.loads(path.read_text(encoding="utf-8")))
    try:
        from bench.timeline.sets.labelled.questions import SEED as EVAL_SEED
        from bench.timeline.sets.labelled.questions import over_time_set

        for q in over_time_set(EVAL_SEED).questions:
            out.add(normalise(q.question))
    except Exception:  # the main set's generator is not needed to write this one
        pass
    return out


def normalise(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


def split(questions: list[dict[str, Any]], rng: random.Random) -> None:
    """Half dev, half test, within each operation and language (a seeded shuffle); an odd
    stratum's spare question goes to dev and test in turn."""
    strata: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for q in questions:
        strata.setdefault((q["operation"], q["language"]), []).append(q)
    spare_to_test = False
    for key in sorted(strata):
        group = strata[key]
        rng.shuffle(group)
        half = len(group) // 2
        if len(group) % 2:
            half += 0 if spare_to_test else 1
            spare_to_test = not spare_to_test
        for i, q in enumerate(group):
            q["split"] = "dev" if i < half else "test"


def generate(
    seed: int = SEED, tables: Tables | None = None, split_as: str | None = None
) -> dict[str, Any]:
    """The set from `tables`' wordings (the main set's by default), split half dev, half
    test; with `split_as`, every question in that one split, and none worded as a question
    of the main set."""
    rng = random.Random(seed)
    truths = [Truth(p) for p in source_patients()]
    for tr in truths:
        tr.check()
    by_lang = {lang: [t for t in truths if t.lang == lang] for lang in ("en", "he")}
    b = Builder(rng)
    others = _other_questions()
    if split_as is not None:
        others |= {
            normalise(q["question"]) for q in json.loads(DATA.read_text("utf-8"))["questions"]
        }
    drafts: list[dict[str, Any]] = []
    seen_keys: Counter[tuple[str, str, str]] = Counter()
    texts: set[str] = set()
    for fam in families(tables):
        words = Words(fam.lang, rng)
        made = None
        for attempt in range(800):  # a set weighted to a few operations asks one thing more often
            if fam.lang == "en":
                tr = rng.choice(by_lang["en"])
            else:
                tr = rng.choice(by_lang["he" if rng.random() < HE_ON_HE_NOTES else "en"])
            d = b.draft(fam.op, tr, fam, words)
            if d is None:
                continue
            k = (tr.id, fam.op, d.key)
            if seen_keys[k] > attempt // 100:  # the same thing asked again only when scarce
                continue
            text = render(fam.text, tr.female, _words_fill(d, fam, b, tr))
            if normalise(text) in others or normalise(text) in texts:
                continue
            seen_keys[k] += 1
            texts.add(normalise(text))
            made = (tr, d, text)
            break
        if made is None:
            raise AssertionError(f"no question fits family {fam.id}")
        tr, d, text = made
        drafts.append(
            {
                "client": tr.id,
                "notes_language": tr.lang,
                "operation": fam.op,
                "subject": d.subject,
                "subject_type": d.subject_type,
                "period": d.period.to_json() if d.period else None,
                "date": d.date,
                "language": fam.lang,
                "family": fam.id,
                "question": text,
                "gold": d.gold,
            }
        )
    if split_as is None:
        split(drafts, rng)
    else:
        for d in drafts:
            d["split"] = split_as
    # Asked in an interleaved order (operations and languages mixed), so the first N of a
    # quick run are a sample of all; ids follow that order.
    rng.shuffle(drafts)
    prefix = "tq" if split_as is None else f"tq-{split_as}"
    questions = [{"id": f"{prefix}-{i:03d}", **q} for i, q in enumerate(drafts, start=1)]
    return {
        "seed": seed,
        "source": {
            "data": str(SOURCE_DATA.relative_to(REPO)),
            "seed": SOURCE_SEED,
            "doc_sha256": source_digest(),
            "dataset_today": SOURCE_TODAY.isoformat(),
        },
        "operations": list(OPERATIONS),
        "truth": [t.to_json() for t in truths],
        "questions": questions,
    }


def summary(data: dict[str, Any]) -> dict[str, Any]:
    qs = data["questions"]
    fams: dict[str, set[str]] = {}
    for q in qs:
        fams.setdefault(q["operation"], set()).add(q["family"])
    return {
        "questions": len(qs),
        "hebrew": sum(q["language"] == "he" for q in qs),
        "per_operation": {op: sum(q["operation"] == op for q in qs) for op in OPERATIONS},
        "families_per_operation": {op: len(fams.get(op, ())) for op in OPERATIONS},
        "per_split": dict(Counter(q["split"] for q in qs)),
        "per_language_split": dict(Counter(f"{q['language']}/{q['split']}" for q in qs)),
        "hebrew_on_english_notes": sum(
            q["language"] == "he" and q["notes_language"] == "en" for q in qs
        ),
    }


def write() -> Path:
    data = generate()
    DATA.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return DATA


def write_extra(name: str) -> Path:
    """A further development set (`EXTRA`): from wordings written blind after the sets
    before it were scored (wordings/<name>.toml), asked of the same patients; tuned on, so
    never a figure to report as held out."""
    tables = read_wordings(name, OPERATIONS)
    data = generate(SEED + EXTRA.index(name) + 1, tables, split_as=name)
    path = DATA.with_name(f"{name}.json")
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


if __name__ == "__main__":
    extra = sys.argv[sys.argv.index("--extra") + 1] if "--extra" in sys.argv else None
    path = write_extra(extra) if extra in EXTRA else write()
    print(f"wrote {path}")
    print(json.dumps(summary(json.loads(path.read_text(encoding="utf-8"))), indent=1))
