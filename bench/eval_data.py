"""The retrieval eval's data set: patients from a public synthetic-patient generator.

clinosim (PyPI, MIT licence) simulates a population and a hospital forward from a seed and
writes FHIR R4: Patients, Encounters, Observations, MedicationRequests, Conditions and
Compositions whose sections are the clinician's notes. Each Encounter becomes one
chartside session (its notes' sections mapped onto S/O/A/P); the problem list, allergies
and family history become the client's fields. The questions are derived from the
structured resources alone, never from the note text, and each names the sessions (or
client fields) that hold its answer. None of the text or the questions is ours.

Everything is deterministic: a fixed seed and a fixed simulated period.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, Literal

PACKAGE = "clinosim"
SEED = 7
POPULATION = 80  # catchment population; about 44 patients with 250 encounters
PERIOD = ("2025-01-01", "2025-12-31")  # fixed: the generator's default end is "today"

Resource = dict[str, Any]
Style = Literal["lexical", "semantic"]

# Note sections onto SOAP fields; anything else is objective.
_SUBJECTIVE = {
    "Subjective", "Chief complaint", "History of present illness", "Past medical history",
    "Medications at home", "Allergies", "Social history", "Family history",
    "Nursing history", "Admission summary", "Admission status",
}  # fmt: skip
_ASSESSMENT = {
    "Assessment", "Impression", "Assessment and plan", "Nursing diagnosis",
    "Discharge diagnoses", "Operative findings",
}  # fmt: skip
_PLAN = {
    "Plan", "Disposition", "Care plan", "Discharge medications", "Discharge instructions",
    "Follow-up", "Post-operative plan", "Patient education", "Discharge readiness",
    "Nursing interventions provided",
}  # fmt: skip
_SOAP_TITLES = {"Subjective", "Objective", "Assessment", "Plan"}
BP_PANEL, SYSTOLIC, DIASTOLIC = "85354-9", "8480-6", "8462-4"
_VITALS = {"8310-5", "59408-5", "2708-6", "9279-1", "8867-4"}  # temp, SpO2, RR, HR


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


@dataclass
class _Visit:
    ext_id: str
    date: str
    sections: list[tuple[str, str]] = field(default_factory=list)
    bp: str | None = None
    labs: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, unit
    vitals: list[tuple[str, str]] = field(default_factory=list)  # name, value
    meds: list[tuple[str, str]] = field(default_factory=list)  # name, RxNorm display
    reason: str | None = None
    procedures: list[str] = field(default_factory=list)

    def field_text(self, soap: str) -> str:
        return "\n".join(
            body if title in _SOAP_TITLES else f"{title}: {body}"
            for title, body in self.sections
            if _soap_field(title) == soap
        )

    @property
    def text(self) -> str:
        return "\n".join(body for _, body in self.sections)


@dataclass
class _Patient:
    ext_id: str
    name: str
    born: str | None
    visits: list[_Visit]
    problems: list[Resource]
    allergies: list[Resource]
    family: list[Resource]


@dataclass(frozen=True)
class EvalSet:
    doc: dict[str, Any]
    questions: list[Question]
    dataset: dict[str, Any]


def _soap_field(title: str) -> str:
    if title in _SUBJECTIVE:
        return "subjective"
    if title in _ASSESSMENT:
        return "assessment"
    if title in _PLAN:
        return "plan"
    return "objective"


# -- the generator ---------------------------------------------------------------------
def generate(out: Path, population: int = POPULATION, seed: int = SEED) -> Path:
    """Run clinosim's own CLI (in a child process: it configures logging globally)."""
    cmd = [
        sys.executable, "-c", "from clinosim.simulator.cli import main; main()",
        "simulate", "--country", "US", "-p", str(population), "-s", str(seed),
        "--start", PERIOD[0], "--end", PERIOD[1], "-o", str(out), "--format", "fhir-r4",
    ]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=600)
    return out / "fhir_r4"


def dataset_info(population: int = POPULATION, seed: int = SEED) -> dict[str, str]:
    meta = metadata.metadata(PACKAGE)
    return {
        "name": PACKAGE,
        "version": meta["Version"],
        "licence": meta.get("License-Expression") or meta.get("License") or "unknown",
        "source": f"PyPI {PACKAGE}=={meta['Version']}, seed {seed}, "
        f"population {population}, {PERIOD[0]}..{PERIOD[1]}",
    }


def _resources(fhir_dir: Path) -> dict[str, list[Resource]]:
    out: dict[str, list[Resource]] = {}
    for path in sorted(fhir_dir.glob("*.ndjson")):
        with path.open(encoding="utf-8") as f:
            out[path.stem] = [json.loads(line) for line in f if line.strip()]
    return out


def _ref(res: Resource, key: str) -> str | None:
    value = res.get(key)
    return value.get("reference", "").split("/")[-1] if isinstance(value, dict) else None


def _div_text(section: Resource) -> str:
    raw = (section.get("text") or {}).get("div", "")
    return html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()


def _number(value: float) -> str:
    return f"{value:g}"


def _coding(concept: Resource) -> Resource:
    return (concept.get("coding") or [{}])[0]


# -- FHIR to patients ------------------------------------------------------------------
def _patients(res: dict[str, list[Resource]]) -> list[_Patient]:
    by_enc: dict[str, list[Resource]] = defaultdict(list)
    for kind in ("Composition", "Observation", "MedicationRequest", "Procedure"):
        for r in res.get(kind, []):
            enc = _ref(r, "encounter")
            if enc:
                by_enc[enc].append(r)
    by_patient: dict[str, dict[str, list[Resource]]] = defaultdict(lambda: defaultdict(list))
    for kind in ("Encounter", "Condition", "AllergyIntolerance", "FamilyMemberHistory"):
        for r in res.get(kind, []):
            pid = _ref(r, "subject") or _ref(r, "patient")
            if pid:
                by_patient[pid][kind].append(r)
    out = []
    for p in res.get("Patient", []):
        own = by_patient[p["id"]]
        encounters = sorted(own["Encounter"], key=lambda e: (e["period"]["start"], e["id"]))
        visits = [_visit(e, by_enc[e["id"]]) for e in encounters]
        visits = [v for v in visits if v.sections]
        if not visits:
            continue
        conditions = own["Condition"]
        out.append(
            _Patient(
                ext_id=_mrn(p),
                name=_name(p),
                born=p.get("birthDate"),
                visits=visits,
                problems=[c for c in conditions if _category(c) == "problem-list-item"],
                allergies=[a for a in own["AllergyIntolerance"] if _active(a)],
                family=own["FamilyMemberHistory"],
            )
        )
    return sorted(out, key=lambda p: p.ext_id)


def _mrn(p: Resource) -> str:
    for ident in p.get("identifier", []):
        if _coding(ident.get("type") or {}).get("code") == "MR":
            return str(ident["value"])
    return str(p["id"])


def _name(p: Resource) -> str:
    n = (p.get("name") or [{}])[0]
    return " ".join([*n.get("given", []), n.get("family", "")]).strip() or "Unnamed"


def _category(c: Resource) -> str:
    return str(_coding((c.get("category") or [{}])[0]).get("code", ""))


def _active(a: Resource) -> bool:
    status = _coding(a.get("clinicalStatus") or {}).get("code")
    return status == "active" and _coding(a.get("code") or {}).get("code") != "716186003"


def _visit(enc: Resource, linked: list[Resource]) -> _Visit:
    ident = (enc.get("identifier") or [{}])[0].get("value") or enc["id"]
    v = _Visit(ext_id=str(ident), date=enc["period"]["start"][:19])
    reasons = enc.get("reasonCode") or []
    v.reason = _coding(reasons[0]).get("display") if reasons else None
    comps = sorted(
        (r for r in linked if r["resourceType"] == "Composition"),
        key=lambda c: (c.get("date", ""), c.get("title", ""), c["id"]),
    )
    for comp in comps:
        for s in comp.get("section", []):
            body = _div_text(s)
            if body:
                v.sections.append((s.get("title", "Note"), body))
    for r in linked:
        if r["resourceType"] == "Observation":
            _observe(v, r)
        elif r["resourceType"] == "MedicationRequest":
            med = r.get("medicationCodeableConcept") or {}
            if med.get("text"):
                v.meds.append((med["text"], _coding(med).get("display") or ""))
        elif r["resourceType"] == "Procedure" and (r.get("code") or {}).get("text"):
            v.procedures.append(r["code"]["text"])
    return v


def _observe(v: _Visit, obs: Resource) -> None:
    code = _coding(obs["code"])
    if code.get("code") == BP_PANEL:
        parts = {
            _coding(c["code"]).get("code"): c.get("valueQuantity", {}).get("value")
            for c in obs.get("component", [])
        }
        if parts.get(SYSTOLIC) is not None and parts.get(DIASTOLIC) is not None:
            v.bp = f"{_number(parts[SYSTOLIC])}/{_number(parts[DIASTOLIC])}"
        return
    q = obs.get("valueQuantity")
    if not q or q.get("value") is None:
        return
    category = _coding((obs.get("category") or [{}])[0]).get("code")
    name = re.sub(r"\s*\[[^\]]*\]", "", code.get("display", "")).strip()
    if category == "laboratory":
        v.labs.append((name, _number(q["value"]), q.get("unit", "")))
    elif code.get("code") in _VITALS:
        v.vitals.append((name, _number(q["value"])))


# -- the chartside.v1 document ---------------------------------------------------------
def _history(p: _Patient) -> str:
    lines = []
    for c in sorted(p.problems, key=lambda c: (c.get("onsetDateTime", ""), c["id"])):
        code = _coding(c["code"])
        onset = c.get("onsetDateTime", "unknown")[:10]
        lines.append(f"{code.get('display')} [{code.get('code')}], diagnosed {onset}.")
    return "\n".join(lines)


def _notes(p: _Patient) -> str:
    lines = []
    for a in p.allergies:
        crit = f" ({a['criticality']} criticality)" if a.get("criticality") else ""
        name = a["code"].get("text") or _coding(a["code"]).get("display")
        lines.append(f"Allergy: {name}{crit}.")
    for f in p.family:
        who = _coding(f.get("relationship") or {}).get("display", "relative")
        dx = ", ".join(_coding(c["code"]).get("display", "") for c in f.get("condition", []))
        if dx:
            lines.append(f"Family history, {who}: {dx}.")
    return "\n".join(lines)


def to_doc(patients: list[_Patient]) -> dict[str, Any]:
    clients = []
    for p in patients:
        sessions = [
            {
                "external_id": v.ext_id,
                "date": v.date,
                **{f: v.field_text(f) for f in ("subjective", "objective", "assessment", "plan")},
            }
            for v in p.visits
        ]
        clients.append(
            {
                "external_id": p.ext_id,
                "full_name": p.name,
                "date_of_birth": p.born,
                "medical_history": _history(p),
                "notes": _notes(p),
                "sessions": sessions,
            }
        )
    return {"format": "chartside.v1", "clients": clients}


# -- questions -------------------------------------------------------------------------
PHRASES: dict[str, tuple[str, ...]] = {
    "bp_reading": (
        "Which visit recorded a blood pressure of {x}?",
        "When was BP {x} mmHg measured?",
    ),
    "lab_value": (
        "Which visit had a {name} result of {x}?",
        "When was {name} {x}?",
    ),
    "vital_value": ("Which visit recorded {name} {x}?", "When was {name} measured at {x}?"),
    "medication": ("When was {x} given?", "Which visit prescribed {x}?"),
    "medication_brand": ("When was {x} prescribed?", "Which visit included {x}?"),
    "visit_reason": ("When did the patient come in for {x}?", "Which visit was for {x}?"),
    "procedure": ("When did the patient have {x}?", "Which visit included {x}?"),
    "diagnosis_onset": ("When was {x} diagnosed?", "Since when has the patient had {x}?"),
    "diagnosis_alias": ("When was the {x} diagnosis made?", "How long has the patient had {x}?"),
    "allergy": ("Is the patient allergic to {x}?", "Any known reaction to {x}?"),
    "family_history": ("Who in the family had {x}?", "Is there a family history of {x}?"),
}
STYLE: dict[str, Style] = {
    "bp_reading": "lexical",
    "lab_value": "lexical",
    "vital_value": "lexical",
    "medication": "lexical",
    "medication_brand": "semantic",
    "visit_reason": "semantic",
    "procedure": "lexical",
    "diagnosis_onset": "lexical",
    "diagnosis_alias": "semantic",
    "allergy": "lexical",
    "family_history": "semantic",
}
CAP = {"bp_reading": 2, "lab_value": 2, "visit_reason": 2, "medication": 2, "procedure": 2}
MAX_TARGETS = 4  # recall@5 can still reach 1
_SNAKE = re.compile(r"^[a-z]+(_[a-z]+)+$")
Candidate = tuple[str, str, list[Target]]  # template, key, targets


def _variants(needle: str) -> list[str]:
    """A number may be written 138, 138.0 or 138.00 in the notes."""
    try:
        value = float(needle)
    except ValueError:
        return [needle]
    return list(dict.fromkeys([needle, f"{value:.1f}", f"{value:.2f}"]))


def _mentions(text: str, needle: str) -> bool:
    low = text.casefold()
    for n in _variants(needle.casefold()):
        if re.search(r"(?<![\w.])" + re.escape(n) + r"(?!\w|\.\d)", low):
            return True
    return False


@dataclass(frozen=True)
class _Fact:
    visit: _Visit
    key: str  # what the question asks about
    shown: str | None  # in every target's text and in no other visit's
    hidden: str | None = None  # in no visit's text: the question paraphrases


def _groups(p: _Patient, facts: Iterable[_Fact], template: str) -> Iterator[Candidate]:
    """Facts that single out a few of the client's visits, as well-posed questions."""
    groups: dict[tuple[str, str | None, str | None], list[_Visit]] = defaultdict(list)
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
            all(_mentions(v.text, shown) for v in visits)
            and not any(_mentions(v.text, shown) for v in others)
        ):
            continue
        if hidden is not None and any(_mentions(v.text, hidden) for v in p.visits):
            continue
        taken.add(key)
        yield template, key, [Target("session", v.ext_id) for v in visits]


def _session_candidates(p: _Patient) -> Iterator[Candidate]:
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


def _client_candidates(p: _Patient) -> Iterator[Candidate]:
    history = [Target("client", "medical_history")]
    for c in p.problems:
        display, alias = _coding(c["code"]).get("display", ""), c["code"].get("text", "")
        yield "diagnosis_onset", display, history
        if alias and alias.casefold() != display.casefold():
            yield "diagnosis_alias", alias, history
    notes = Target("client", "notes")
    for a in p.allergies:
        name = a["code"].get("text") or _coding(a["code"]).get("display", "")
        yield "allergy", name, [notes, *_in_section(p, "Allergies", name)]
    for f in p.family:
        for c in f.get("condition", []):
            display, alias = _coding(c["code"]).get("display", ""), c["code"].get("text", "")
            if alias and alias.casefold() != display.casefold():
                yield "family_history", alias, [notes, *_in_section(p, "Family history", display)]


def _in_section(p: _Patient, title: str, needle: str) -> list[Target]:
    """Visits whose `title` section names `needle`: they answer a client-level question too."""
    return [
        Target("session", v.ext_id)
        for v in p.visits
        if any(t == title and _mentions(b, needle) for t, b in v.sections)
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


def questions(patients: list[_Patient], seed: int = SEED) -> list[Question]:
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
    return out


def build(population: int = POPULATION, seed: int = SEED) -> EvalSet:
    """Generate, convert and derive the questions. About ten seconds."""
    with tempfile.TemporaryDirectory(prefix="chartside-eval-") as tmp:
        patients = _patients(_resources(generate(Path(tmp), population, seed)))
    doc = to_doc(patients)
    qs = questions(patients, seed)
    info = {
        **dataset_info(population, seed),
        "clients": len(doc["clients"]),
        "sessions": sum(len(c["sessions"]) for c in doc["clients"]),
        "questions": len(qs),
    }
    return EvalSet(doc, qs, info)
