"""Questions with known answers, from the generator's structured data alone.

Each question names its client, the value(s) a correct answer must state and the units
(sessions, or a client field) that hold them. A question is kept only when it is well
posed: the value is written in a relevant unit's text (a date answer is the relevant
session's own date, which every source carries as its label), a date names exactly one
visit, and nothing else in the record gives a second answer. Absent questions ask, as if
it existed, about something the client's record never mentions.

The wordings of each kind, a lab's other names and how an imaging study is named are
data/questions.toml beside this module.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from bench.answers import KINDS
from bench.retrieval.evalset.clinosim import SEED
from bench.retrieval.evalset.dated import (
    BP_NAME,
    DATE_FORMS,
    LAB_NAMES,
    Reading,
    ask_on_date,
    dated_readings,
    single_days,
    visit_day,
    visit_readings,
    write_date,
)
from bench.retrieval.evalset.patients import Patient, Visit, coding
from bench.retrieval.evalset.text import mentions
from bench.timeline.kit.vocab import VocabFile
from core.assistant.dates import mentions_date

PER_KIND = 6
ABSENT = 12
AnswerType = Literal["value", "date", "name", "none"]

_FILE = VocabFile(Path(__file__).parent / "data" / "questions.toml")
# Each kind's wordings, one drawn a question.
_ASKED = {
    kind: _FILE.strings(kind, "questions")
    for kind in (
        "latest",
        "first_diagnosed",
        "medication_started",
        "prescribed_for",
        "procedure_when",
    )
}
_BP_SHORT = _FILE.text("latest", "bp_short")
_AT_VISIT = _FILE.texts("prescribed_for", "at_visit")
if set(_AT_VISIT) != set(DATE_FORMS):
    raise _FILE.wrong(("prescribed_for", "at_visit"), f"one for each date form: {DATE_FORMS}")
# An absent question's wordings, by what it asks about; a date's is one wording.
_ABSENT = {
    sub: _FILE.strings("absent", sub, "questions") for sub in ("lab", "medication", "procedure")
}
_ABSENT_DATE = _FILE.text("absent", "date", "question")
_ABSENT_READINGS = _FILE.strings("absent", "date", "readings")
# Other names the notes may use for a lab: an absent lab must be under none of them.
_LAB_ALIASES = _FILE.lists("lab_aliases")
_VIEWS = set(_FILE.strings("imaging", "views"))
_JOINING = _FILE.strings("imaging", "joining")
# Each modality: the pattern that finds it in a study's name, and a study of a site's name.
_MODALITIES = ("imaging", "modalities")
_MODALITY = {m: _FILE.text(*_MODALITIES, m, "pattern") for m in _FILE.table(*_MODALITIES)}
_STUDY = {m: _FILE.text(*_MODALITIES, m, "name") for m in _MODALITY}


@dataclass(frozen=True)
class AnswerQuestion:
    id: str
    kind: str  # one of KINDS
    about: str  # what it asks about, e.g. "lab:HbA1c", "absent:medication"
    client: str  # client external id; the question is asked about that client
    text: str
    expected: tuple[str, ...]  # every one must be in the answer; () for absent
    answer_type: AnswerType
    relevant: tuple[str, ...]  # "session:<external id>" or "client:<field>"

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "about": self.about,
            "client": self.client,
            "question": self.text,
            "expected": list(self.expected),
            "answer_type": self.answer_type,
            "relevant": list(self.relevant),
        }


@dataclass(frozen=True)
class _Candidate:
    kind: str
    about: str
    client: str
    text: str
    expected: tuple[str, ...]
    answer_type: AnswerType
    relevant: tuple[str, ...]
    tier: int = 0  # lower tiers are picked first (a better-posed form of the kind)


# -- names as people say them -------------------------------------------------------------
def condition_name(display: str) -> str:
    """ "Essential (primary) hypertension" -> "essential hypertension", "Hyperlipidemia,
    unspecified" -> "hyperlipidemia", "Unspecified dementia, ..." -> "dementia"."""
    name = re.sub(r"\s*\([^)]*\)", "", display).split(",")[0]
    name = re.sub(r"\s+(?:without|with)\b.*$", "", name)
    name = re.sub(r"\b(?:unspecified|other)\s+", "", name, flags=re.IGNORECASE).strip()
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def imaging_name(study: str) -> str | None:
    """ "Chest X-ray PA" -> "chest X-ray", "CT Head without contrast" -> "CT of the head",
    "Ultrasound Kidney" -> "kidney ultrasound"; None when no modality is named."""
    modality = next((m for m in _MODALITY if re.search(_MODALITY[m], study, re.I)), None)
    if modality is None:
        return None
    rest = re.sub(_MODALITY[modality], " ", study, flags=re.I).split()
    site = " ".join(w.lower() for w in rest if w.lower() not in _VIEWS)
    if not site:
        return None
    return _STUDY[modality].format(site=site)


def says_procedure(text: str, name: str) -> bool:
    """Whether `text` names the procedure or study: the whole name, or (for imaging, which
    notes write as "Wrist Xray AP Lateral" or "CT head") its modality and site on one line."""
    if mentions(text, name):
        return True
    modality = next((m for m in _MODALITY if m in name), None)
    if modality is None:
        return False
    site = [w for w in re.sub(re.escape(modality), " ", name).split() if w not in _JOINING]
    return any(
        re.search(_MODALITY[modality], line, re.I) and all(mentions(line, w) for w in site)
        for line in text.splitlines()
    )


def _lab_words(name: str) -> tuple[str, ...]:
    displays = tuple(d for d, n in LAB_NAMES.items() if n == name)
    return (name, *_LAB_ALIASES.get(name, ()), *displays)


def _record_text(p: Patient, doc_client: dict[str, str]) -> str:
    """Everything the client's record says: sessions, medical history and notes."""
    return "\n".join([*(v.text for v in p.visits), *doc_client.values()])


def _unit(v: Visit) -> str:
    return f"session:{v.ext_id}"


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


# -- each kind's candidates ----------------------------------------------------------------
def _on_date(p: Patient, rng: random.Random) -> list[_Candidate]:
    out = []
    for r in dated_readings(p):
        kind = "bp_on_date" if r.kind == "bp" else "value_on_date"
        text = ask_on_date(r, rng)
        if _stands_alone(r):  # after the draw: the other questions stay
            out.append(_reading_candidate(p, r, kind, text, 0))
    return out


def _stands_alone(r: Reading) -> bool:
    """The value is written in the visit's text as itself, not only as half of another:
    "140" in "target < 140/90 mmHg" is no sodium of 140."""
    alone = r"(?<![\w./])" + re.escape(r.value) + r"(?!\w|[.,/]\d)"
    return re.search(alone, r.visit.text) is not None


def _reading_candidate(p: Patient, r: Reading, kind: str, text: str, tier: int) -> _Candidate:
    return _Candidate(
        kind, f"{r.kind}:{r.name}", p.ext_id, text, (r.value,), "value", (_unit(r.visit),), tier
    )


def _latest(p: Patient, rng: random.Random) -> list[_Candidate]:
    """The latest visit that measured something, when it measured it again since."""
    seen: dict[str, list[tuple[dt.date, Visit, str]]] = defaultdict(list)
    for v in p.visits:
        raw = [(LAB_NAMES.get(n, n), x) for n, x, _ in v.labs] + [(n, x) for n, x in v.vitals]
        raw += [(BP_NAME, v.bp)] if v.bp else []
        for name, x in raw:
            seen[name].append((visit_day(v), v, x))
    days = single_days(p)
    out = []
    for found in seen.values():
        found.sort(key=lambda f: f[0])
        last_day, last, value = found[-1]
        if len(found) < 2 or last_day not in days or found[-2][0] == last_day:
            continue
        if all(x == value for _, _, x in found[:-1]):
            continue  # "latest" would not matter: every value is the same
        r = next((r for r in visit_readings(last) if r.value == value), None)
        if r is None:
            continue
        phrase = rng.choice(_ASKED["latest"])
        if _written_later(p, last_day, r) or not _stands_alone(r):
            continue
        name = _BP_SHORT if r.kind == "bp" and _BP_SHORT in phrase else r.name
        out.append(_reading_candidate(p, r, "latest_value", phrase.format(name=name), 0))
    return out


def _written_later(p: Patient, day: dt.date, r: Reading) -> bool:
    """A later visit writes the same test in its text though its structured data does not
    hold it (clinosim copies a vaccination visit's vitals line): which value is "latest"
    then depends on the text, so the question is left out."""
    m = re.search(r"([A-Za-z]\w*)[\s:]+" + re.escape(r.value) + r"(?![\d.])", r.visit.text)
    if m is None:
        return False
    label = re.compile(r"(?<!\w)" + re.escape(m.group(1)) + r"[\s:]+\d")
    return any(visit_day(v) > day and label.search(v.text) for v in p.visits)


def _diagnosed(p: Patient, rng: random.Random, history: str) -> list[_Candidate]:
    names = [condition_name(coding(c["code"]).get("display", "")) for c in p.problems]
    out = []
    for c, name in zip(p.problems, names, strict=True):
        onset = (c.get("onsetDateTime") or "")[:10]
        if not onset or not name or names.count(name) > 1:
            continue
        day = dt.date.fromisoformat(onset)
        if not mentions_date(history, day):
            continue
        phrase = rng.choice(_ASKED["first_diagnosed"])
        # Any session that also writes the date beside the problem holds the answer too.
        also = [_unit(v) for v in p.visits if mentions_date(v.text, day) and name in v.text]
        relevant = ("client:medical_history", *also)
        out.append(
            _Candidate(
                "first_diagnosed",
                f"problem:{name}",
                p.ext_id,
                phrase.format(x=name),
                (onset,),
                "date",
                relevant,
            )
        )
    return out


def _started(p: Patient, rng: random.Random) -> list[_Candidate]:
    days = single_days(p)
    first: dict[str, int] = {}
    for i, v in enumerate(p.visits):
        for m, _ in v.meds:
            first.setdefault(m, i)
    out = []
    for m, i in first.items():
        v = p.visits[i]
        if len(m) < 4 or visit_day(v) not in days or not mentions(v.text, m):
            continue
        if any(mentions(u.text, m) for u in p.visits[:i]):
            continue  # named before it was first prescribed: when did it start?
        phrase = rng.choice(_ASKED["medication_started"])
        out.append(
            _Candidate(
                "medication_started",
                f"medication:{m}",
                p.ext_id,
                phrase.format(x=m),
                (visit_day(v).isoformat(),),
                "date",
                (_unit(v),),
                tier=0 if i > 0 else 1,  # started after the record begins: a real start
            )
        )
    return out


def _prescribed(p: Patient, rng: random.Random) -> list[_Candidate]:
    """What was given for a condition (MedicationRequest.reasonReference), else what was
    prescribed at a dated visit; one to three medications, all named in the notes."""
    out = []
    by_reason: dict[str, dict[str, list[Visit]]] = defaultdict(lambda: defaultdict(list))
    for v in p.visits:
        for m, condition in v.med_reasons:
            if v not in by_reason[condition][m]:
                by_reason[condition][m].append(v)
    for condition, meds in by_reason.items():
        visits = list({v.ext_id: v for vs in meds.values() for v in vs}.values())
        named = [v for v in visits if any(mentions(v.text, m) for m in meds)]
        if not 1 <= len(meds) <= 3 or not all(
            any(mentions(v.text, m) for v in named) for m in meds
        ):
            continue
        name = condition_name(condition)
        phrase = rng.choice(_ASKED["prescribed_for"])
        out.append(
            _Candidate(
                "prescribed_for",
                f"condition:{name}",
                p.ext_id,
                phrase.format(x=name),
                tuple(sorted(meds)),
                "name",
                tuple(_unit(v) for v in named),
            )
        )
    days = single_days(p)
    for v in p.visits:
        meds = sorted({m for m, _ in v.meds})
        if visit_day(v) in days and 1 <= len(meds) <= 3 and all(mentions(v.text, m) for m in meds):
            form = rng.choice(DATE_FORMS)
            text = _AT_VISIT[form].format(when=write_date(visit_day(v), form))
            out.append(
                _Candidate(
                    "prescribed_for",
                    "visit",
                    p.ext_id,
                    text,
                    tuple(meds),
                    "name",
                    (_unit(v),),
                    tier=1,
                )
            )
    return out


def _procedures(v: Visit) -> list[str]:
    names = [x for x in v.procedures if not re.fullmatch(r"[a-z]+(?:_[a-z]+)+", x)]
    names = [x for x in names if ":" not in x]  # "bronchodilator: Salbutamol 2.5mg ..."
    names = [x[:1].lower() + x[1:] if not x[:2].isupper() else x for x in names]
    return names + [n for n in map(imaging_name, v.imaging) if n]


def _procedure_when(p: Patient, rng: random.Random) -> list[_Candidate]:
    days = single_days(p)
    out = []
    for name in dict.fromkeys(x for v in p.visits for x in _procedures(v)):
        said = [v for v in p.visits if says_procedure(v.text, name)]
        done = [v for v in p.visits if name in _procedures(v)]
        if len(said) != 1 or done != said or visit_day(said[0]) not in days:
            continue  # done twice, or named at a visit where it was not done
        phrase = rng.choice(_ASKED["procedure_when"])
        a = f"{'an' if name[:1].lower() in 'aeio' or name.startswith('MRI') else 'a'} {name}"
        out.append(
            _Candidate(
                "procedure_when",
                f"procedure:{name}",
                p.ext_id,
                phrase.format(a=a, x=name),
                (visit_day(said[0]).isoformat(),),
                "date",
                (_unit(said[0]),),
            )
        )
    return out


# -- absent --------------------------------------------------------------------------------
ABSENT_KINDS = ("lab", "medication", "procedure", "date")


def _absent(
    p: Patient, sub: str, record: str, pools: dict[str, list[str]], rng: random.Random
) -> _Candidate | None:
    """One question about something this client's record never mentions, or None."""
    if sub == "lab":
        mine = {LAB_NAMES.get(n, n) for v in p.visits for n, _, _ in v.labs}
        options = [
            x for x in pools["lab"]
            if x not in mine and not any(mentions(record, w) for w in _lab_words(x))
        ]  # fmt: skip
        if not options:
            return None
        x = rng.choice(options)
        day = rng.choice(sorted(single_days(p)))
        when = write_date(day, rng.choice(DATE_FORMS))
        text = rng.choice(_ABSENT["lab"]).format(x=x, when=when)
    elif sub == "medication":
        mine = {m for v in p.visits for m, _ in v.meds}
        options = [
            x for x in pools["medication"]
            if x not in mine and not any(mentions(record, part) for part in x.split("/"))
        ]  # fmt: skip
        if not options:
            return None
        x = rng.choice(options)
        text = rng.choice(_ABSENT["medication"]).format(x=x)
    elif sub == "procedure":
        mine = {x for v in p.visits for x in _procedures(v)}
        options = [x for x in pools["procedure"] if x not in mine and not says_procedure(record, x)]
        if not options:
            return None
        x = rng.choice(options)
        text = rng.choice(_ABSENT["procedure"]).format(x=x)
    else:
        taken = {visit_day(v) for v in p.visits}
        start = dt.date(int(p.visits[0].date[:4]), 1, 1)
        options = [
            d
            for d in (start + dt.timedelta(days=i) for i in range(365))
            if all(abs((d - t).days) > 3 for t in taken) and not mentions_date(record, d)
        ]
        if not options:
            return None
        d = rng.choice(options)
        when = write_date(d, rng.choice(DATE_FORMS))
        x = rng.choice(_ABSENT_READINGS)
        text = _ABSENT_DATE.format(x=x, when=when)
    return _Candidate("absent", f"absent:{sub}", p.ext_id, text, (), "none", ())


def _pools(patients: Sequence[Patient]) -> dict[str, list[str]]:
    labs = {LAB_NAMES.get(n, n) for p in patients for v in p.visits for n, _, _ in v.labs}
    meds = {m for p in patients for v in p.visits for m, _ in v.meds if len(m) >= 4}
    procs = {x for p in patients for v in p.visits for x in _procedures(v)}
    return {
        "lab": sorted(x for x in labs if x in LAB_NAMES.values()),
        "medication": sorted(meds),
        "procedure": sorted(procs),
    }


# -- choosing ------------------------------------------------------------------------------
def _pick(cands: Iterable[_Candidate], n: int, rng: random.Random) -> list[_Candidate]:
    """`n` candidates, lower tiers first, spread over clients (one per client a round)."""
    out: list[_Candidate] = []
    tiers: dict[int, list[_Candidate]] = defaultdict(list)
    for c in cands:
        tiers[c.tier].append(c)
    for tier in sorted(tiers):
        by_client: dict[str, list[_Candidate]] = defaultdict(list)
        for c in tiers[tier]:
            by_client[c.client].append(c)
        clients = sorted(by_client)
        rng.shuffle(clients)
        for found in by_client.values():
            rng.shuffle(found)
        used = {c.client for c in out}
        clients.sort(key=lambda cl: cl in used)  # clients not asked yet first (stable)
        while len(out) < n and any(by_client.values()):
            for cl in clients:
                if by_client[cl] and len(out) < n:
                    out.append(by_client[cl].pop())
    return out


def answer_questions(
    patients: Sequence[Patient],
    doc: dict[str, object],
    per_kind: int = PER_KIND,
    absent: int = ABSENT,
    seed: int = SEED,
) -> list[AnswerQuestion]:
    """About `per_kind` questions of each answerable kind and `absent` absent ones
    (fewer where the data has fewer well-posed ones), interleaved by kind so that any
    prefix is a spread. Deterministic for a seed."""
    rng = random.Random(f"answers-{seed}")
    fields = {
        c["external_id"]: {f: c.get(f) or "" for f in ("medical_history", "notes")}
        for c in doc["clients"]  # type: ignore[attr-defined]
    }
    cands: dict[str, list[_Candidate]] = defaultdict(list)
    for p in patients:
        for c in [
            *_on_date(p, rng),
            *_latest(p, rng),
            *_diagnosed(p, rng, fields[p.ext_id]["medical_history"]),
            *_started(p, rng),
            *_prescribed(p, rng),
            *_procedure_when(p, rng),
        ]:
            cands[c.kind].append(c)
    chosen = {kind: _pick(cands[kind], per_kind, rng) for kind in KINDS[:-1]}
    # Two labs to each vital sign: a vital sign is in nearly every visit, a lab is not.
    labs = [c for c in cands["value_on_date"] if c.about.startswith("lab:")]
    vitals = [c for c in cands["value_on_date"] if not c.about.startswith("lab:")]
    picked = _pick(labs, per_kind - per_kind // 3, rng)
    chosen["value_on_date"] = picked + _pick(vitals, per_kind - len(picked), rng)
    rng.shuffle(chosen["value_on_date"])
    chosen["absent"] = _absent_questions(patients, fields, absent, rng)
    out: list[AnswerQuestion] = []
    for i in range(max((len(v) for v in chosen.values()), default=0)):
        for kind in KINDS:
            if i < len(chosen[kind]):
                c = chosen[kind][i]
                out.append(
                    AnswerQuestion(
                        f"a{len(out):03d}",
                        c.kind,
                        c.about,
                        c.client,
                        c.text,
                        c.expected,
                        c.answer_type,
                        c.relevant,
                    )
                )
    return out


def _absent_questions(
    patients: Sequence[Patient], fields: dict[str, dict[str, str]], n: int, rng: random.Random
) -> list[_Candidate]:
    pools = _pools(patients)
    order = list(patients)
    rng.shuffle(order)
    out: list[_Candidate] = []
    asked: set[str] = set()
    for i in range(n * 4):  # a few tries per slot: not every client has an absent of each
        if len(out) == n:
            break
        sub = ABSENT_KINDS[len(out) % len(ABSENT_KINDS)]
        p = order[i % len(order)]
        c = _absent(p, sub, _record_text(p, fields[p.ext_id]), pools, rng)
        if c is not None and c.text not in asked:
            asked.add(c.text)
            out.append(c)
    return out
