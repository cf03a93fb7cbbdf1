"""Single-visit questions with known answers, on the held-out notes (`notes.read_clients`).

Kinds as bench/answers (a value or BP on a date, first diagnosed, medication started,
prescribed for a condition or at a dated visit, when a procedure was done) plus "any
record of X" for something the notes do record, and absent questions whose answer is in
no note. Each is kept only where it is well posed:
- a value on a date: that visit wrote the measure once;
- first diagnosed: the first visit recording the condition as present (an earlier "ruled
  out" does not count);
- medication started: the first visit that starts or continues the drug (a drug only
  listed as taken is not prescribed there);
- prescribed for a condition: the condition is recorded as present and the patient was
  prescribed the drug(s) that treat it alone (THERAPY; a drug that could serve two of the
  patient's conditions, such as bisoprolol, rules the question out);
- prescribed at a visit: the drugs started or continued there, not those listed or stopped;
- a procedure or referral's date: done exactly once;
- absent: the term (or the reading on that day) is in none of the client's text.

How many of each kind are asked (COUNTS), what treats a condition (THERAPY, AMBIGUOUS) and
the pronouns an English question uses are questions.toml beside this module; the wordings
are phrases.py's.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.answers.holdout import phrases as ph
from bench.answers.holdout.notes import DRUG_NAMES, Client, Visit, readings
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.overtime import CONDITIONS, DRUGS, NAMES, SPECIALTIES

# The statuses notes.py gives a drug a visit prescribes (not one it lists or stops).
PRESCRIBED = ("started", "continued")
_words = VocabFile(Path(__file__).with_suffix(".toml"))
# What treats a condition alone, for "prescribed for", and a drug that rules it out.
THERAPY = _words.lists("therapy")
AMBIGUOUS = _words.texts("ambiguous")
# How many of each kind the set asks, in the order the kinds are taken.
COUNTS = _words.counts("counts")
_PRONOUNS = {sex: _words.texts("pronouns", sex) for sex in ("female", "male")}


@dataclass(frozen=True)
class HoldoutQuestion:
    id: str
    kind: str
    about: str
    client: str
    language: str
    split: str  # "dev" or "test"
    text: str
    expected: tuple[str, ...]
    answer_type: str  # "value", "date", "any_date", "name" or "none"
    relevant: tuple[str, ...]
    aliases: dict[str, list[str]] = field(default_factory=dict)  # expected -> other names

    def to_json(self) -> dict[str, object]:
        out = asdict(self)
        out["question"] = out.pop("text")
        out["expected"], out["relevant"] = list(self.expected), list(self.relevant)
        return out

    @classmethod
    def from_json(cls, d: dict[str, object]) -> HoldoutQuestion:
        d = dict(d)
        d["text"] = d.pop("question")
        d["expected"] = tuple(d["expected"])  # type: ignore[arg-type]
        d["relevant"] = tuple(d["relevant"])  # type: ignore[arg-type]
        return cls(**d)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _Cand:
    kind: str
    about: str
    client: str
    text: str
    expected: tuple[str, ...]
    answer_type: str
    relevant: tuple[str, ...]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    tier: int = 0


class _Asker:
    def __init__(self, c: Client, rng: random.Random, female: bool, phrases: Any = ph) -> None:
        self.c, self.rng, self.he, self.ph = c, rng, c.lang == "he", phrases
        self.words = dict(_PRONOUNS["female" if female else "male"])

    def say(self, kind: str, **kw: str) -> str:
        text = self.rng.choice((self.ph.ASK_HE if self.he else self.ph.ASK_EN)[kind])
        words = {**self.words, **kw}
        if "m" in kw:
            words["M"] = kw["m"][:1].upper() + kw["m"][1:]
        out = text.format(**words)
        return out[:1].upper() + out[1:]

    def day(self, v: Visit) -> str:
        forms = self.ph.DATE_FORMS_HE if self.he else self.ph.DATE_FORMS_EN
        return ph.date_words(v.day, self.rng.choice(forms))

    def measure(self, m: str) -> str:
        return self.rng.choice((self.ph.MEASURE_HE if self.he else self.ph.MEASURE_EN)[m])

    def condition(self, key: str) -> str:
        return CONDITIONS[key].he if self.he else self.rng.choice(self.ph.CONDITION_EN[key])

    def drug(self, name: str) -> str:
        if self.he:
            return DRUGS[name].he
        brands = DRUGS[name].written[1:]
        return self.rng.choice(brands) if brands and self.rng.random() < 0.2 else name


def _sid(v: Visit) -> str:
    return f"session:{v.ext_id}"


def drug_aliases(name: str) -> list[str]:
    """Every name a note or an answer may give `name` by (brands, Hebrew)."""
    return sorted({w for w, g in DRUG_NAMES.items() if g == name and w != name})


def _values(a: _Asker) -> list[_Cand]:
    out = []
    for v in a.c.visits:
        for f in v.of("reading"):
            if len(readings(v, f.name)) != 1:
                continue
            if f.name == "bp":
                text, kind = a.say("bp_on_date", d=a.day(v)), "bp_on_date"
            else:
                text, kind = (
                    a.say("value_on_date", m=a.measure(f.name), d=a.day(v)),
                    "value_on_date",
                )
            out.append(
                _Cand(kind, f"reading:{f.name}", a.c.ext_id, text, (f.status,), "value", (_sid(v),))
            )
    return out


def _first_diagnosed(a: _Asker) -> list[_Cand]:
    out, seen = [], set()
    for i, v in enumerate(a.c.visits):
        for f in v.of("dx", "present"):
            if f.name in seen:
                continue
            seen.add(f.name)
            ruled_out = any(g.name == f.name for u in a.c.visits[:i] for g in u.of("dx"))
            text = a.say("first_diagnosed", dx=a.condition(f.name))
            out.append(
                _Cand(
                    "first_diagnosed",
                    f"condition:{f.name}",
                    a.c.ext_id,
                    text,
                    (v.day.isoformat(),),
                    "date",
                    (_sid(v),),
                    tier=0 if ruled_out else 1,
                )
            )
    return out


def _prescribed_visits(c: Client, drug: str) -> list[Visit]:
    return [
        v for v in c.visits if any(f.name == drug for f in v.of("med") if f.status in PRESCRIBED)
    ]


def _started(a: _Asker) -> list[_Cand]:
    out = []
    for drug in dict.fromkeys(f.name for v in a.c.visits for f in v.of("med")):
        first = _prescribed_visits(a.c, drug)[0]
        text = a.say("medication_started", drug=a.drug(drug))
        tier = 0 if first is not a.c.visits[0] else 1  # started after the record begins
        out.append(
            _Cand(
                "medication_started",
                f"medication:{drug}",
                a.c.ext_id,
                text,
                (first.day.isoformat(),),
                "date",
                (_sid(first),),
                tier=tier,
            )
        )
    return out


def _prescribed_for(a: _Asker) -> list[_Cand]:
    out = []
    present = {f.name for v in a.c.visits for f in v.of("dx", "present")}
    given = {f.name for v in a.c.visits for f in v.of("med") if f.status in PRESCRIBED}
    for cond in sorted(present & set(THERAPY)):
        drugs = tuple(d for d in THERAPY[cond] if d in given)
        if not drugs or AMBIGUOUS.get(cond) in given:
            continue
        units = tuple(_sid(v) for d in drugs for v in _prescribed_visits(a.c, d))
        text = a.say("prescribed_for", dx=a.condition(cond))
        aliases = {d: drug_aliases(d) for d in drugs}
        out.append(
            _Cand(
                "prescribed_for",
                f"condition:{cond}",
                a.c.ext_id,
                text,
                drugs,
                "name",
                tuple(dict.fromkeys(units)),
                aliases,
            )
        )
    for v in a.c.visits:
        drugs = tuple(sorted({f.name for f in v.of("med") if f.status in PRESCRIBED}))
        if not 1 <= len(drugs) <= 3:
            continue
        besides = any(f.status in ("listed", "stopped") for f in v.of("med"))
        text = a.say("prescribed_at", d=a.day(v))
        out.append(
            _Cand(
                "prescribed_for",
                "visit",
                a.c.ext_id,
                text,
                drugs,
                "name",
                (_sid(v),),
                {d: drug_aliases(d) for d in drugs},
                tier=0 if besides else 1,
            )
        )
    return out


def _done(a: _Asker) -> tuple[list[_Cand], list[_Cand]]:
    when, anyrec = [], []
    by_name: dict[tuple[str, str], list[Visit]] = defaultdict(list)
    for v in a.c.visits:
        for f in [*v.of("done"), *v.of("referral")]:
            by_name[(f.kind, f.name)].append(v)
    for (kind, name), visits in by_name.items():
        if kind == "done":
            words = (a.ph.PROCEDURE_HE if a.he else a.ph.PROCEDURE_EN)[name]
            fill = {"proc": a.rng.choice(words)}
            ask_when, ask_any = "procedure_when", "any_procedure"
        else:
            sp = SPECIALTIES[name]
            fill = {"sp": sp[1] if a.he else a.rng.choice(a.ph.SPECIALTY_EN[name])}
            ask_when, ask_any = "referral_when", "any_referral"
        days = tuple(v.day.isoformat() for v in visits)
        units = tuple(_sid(v) for v in visits)
        if len(visits) == 1:
            when.append(
                _Cand(
                    "procedure_when",
                    f"{kind}:{name}",
                    a.c.ext_id,
                    a.say(ask_when, **fill),
                    days,
                    "date",
                    units,
                )
            )
        anyrec.append(
            _Cand(
                "any_record",
                f"{kind}:{name}",
                a.c.ext_id,
                a.say(ask_any, **fill),
                days,
                "any_date",
                units,
            )
        )
    return when, anyrec


def _absent(a: _Asker) -> list[_Cand]:
    record = a.c.record.lower()
    out = []
    table = a.ph.ABSENT_HE if a.he else a.ph.ABSENT_EN
    for sub, (terms, forms) in table.items():
        free = [t for t in terms if t.lower() not in record]
        if not free:
            continue
        x = a.rng.choice(free)
        v = a.rng.choice(a.c.visits)
        text = a.rng.choice(forms).format(x=x, d=a.day(v), **a.words)
        out.append(
            _Cand(
                "absent", f"absent:{sub}", a.c.ext_id, text[:1].upper() + text[1:], (), "none", ()
            )
        )
    # A tracked measure on a visit that did not take it (a call, say).
    tracked = {f.name for v in a.c.visits for f in v.of("reading")}
    missing = [(v, m) for v in a.c.visits for m in sorted(tracked) if not readings(v, m)]
    if missing:
        v, m = a.rng.choice(missing)
        forms = a.ph.ABSENT_READING_HE if a.he else a.ph.ABSENT_READING_EN
        if m == "bp":
            name = a.ph.BLOOD_PRESSURE_HE if a.he else a.ph.BLOOD_PRESSURE_EN
        else:
            name = a.measure(m)
        text = a.rng.choice(forms).format(m=name, M=name[:1].upper() + name[1:], d=a.day(v))
        out.append(_Cand("absent", "absent:not_taken", a.c.ext_id, text, (), "none", ()))
    return out


def _pick(cands: Sequence[_Cand], n: int, rng: random.Random) -> list[_Cand]:
    """`n` candidates, lower tiers first, one client a round so every client is asked."""
    out: list[_Cand] = []
    for tier in sorted({c.tier for c in cands}):
        by_client: dict[str, list[_Cand]] = defaultdict(list)
        for c in cands:
            if c.tier == tier:
                by_client[c.client].append(c)
        for found in by_client.values():
            rng.shuffle(found)
        clients = sorted(by_client)
        rng.shuffle(clients)
        while len(out) < n and any(by_client.values()):
            for cl in clients:
                if by_client[cl] and len(out) < n:
                    out.append(by_client[cl].pop())
    return out


def holdout_questions(
    clients: Sequence[Client], seed: int, phrases: Any = ph, extra: str | None = None
) -> list[HoldoutQuestion]:
    """The set: COUNTS per kind, interleaved by kind; half of each kind dev, half test, or
    all of it split `extra` (a further development set, in `phrases`' wordings)."""
    rng = random.Random(f"answers-holdout-{seed}")
    female = {name for name, sex, _ in NAMES if sex == "F"}
    cands: dict[str, list[_Cand]] = defaultdict(list)
    for c in clients:
        a = _Asker(c, rng, c.name in female, phrases)
        when, anyrec = _done(a)
        for cand in [
            *_values(a),
            *_first_diagnosed(a),
            *_started(a),
            *_prescribed_for(a),
            *when,
            *anyrec,
            *_absent(a),
        ]:
            cands[cand.kind].append(cand)
    lang = {c.ext_id: c.lang for c in clients}
    chosen: dict[str, list[tuple[_Cand, str]]] = {}
    for kind, n in COUNTS.items():
        picked = _pick(cands[kind], n, rng)
        rng.shuffle(picked)
        chosen[kind] = [
            (c, extra or ("dev" if i % 2 == 0 else "test")) for i, c in enumerate(picked)
        ]
    out: list[HoldoutQuestion] = []
    for i in range(max(COUNTS.values())):
        for kind in COUNTS:
            if i < len(chosen[kind]):
                c, split = chosen[kind][i]
                out.append(
                    HoldoutQuestion(
                        f"sh-{extra + '-' if extra else ''}{len(out) + 1:03d}",
                        c.kind,
                        c.about,
                        c.client,
                        lang[c.client],
                        split,
                        c.text,
                        c.expected,
                        c.answer_type,
                        c.relevant,
                        c.aliases,
                    )
                )
    return out
