"""FHIR resources to patients: each Encounter a visit, its notes' sections mapped to SOAP
(which section titles go to which field: data/patients.toml beside this module)."""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.retrieval.evalset.clinosim import Resource
from bench.timeline.kit.vocab import VocabFile

# Note sections onto SOAP fields, by title; anything else is objective.
_FILE = VocabFile(Path(__file__).parent / "data" / "patients.toml")
_SUBJECTIVE = set(_FILE.strings("sections", "subjective"))
_ASSESSMENT = set(_FILE.strings("sections", "assessment"))
_PLAN = set(_FILE.strings("sections", "plan"))
# The sections that are a SOAP field itself, written without their title.
_SOAP_TITLES = {"Subjective", "Objective", "Assessment", "Plan"}
BP_PANEL, SYSTOLIC, DIASTOLIC = "85354-9", "8480-6", "8462-4"
# Resources that belong to an encounter, read into its visit.
_LINKED = ("Composition", "Observation", "MedicationRequest", "Procedure", "DiagnosticReport")
_VITALS = {"8310-5", "59408-5", "2708-6", "9279-1", "8867-4"}  # temp, SpO2, RR, HR


@dataclass
class Visit:
    ext_id: str
    date: str
    sections: list[tuple[str, str]] = field(default_factory=list)
    bp: str | None = None
    labs: list[tuple[str, str, str]] = field(default_factory=list)  # name, value, unit
    vitals: list[tuple[str, str]] = field(default_factory=list)  # name, value
    meds: list[tuple[str, str]] = field(default_factory=list)  # name, RxNorm display
    reason: str | None = None
    procedures: list[str] = field(default_factory=list)
    imaging: list[str] = field(default_factory=list)  # radiology reports' study names
    med_reasons: list[tuple[str, str]] = field(default_factory=list)  # medication, condition

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
class Patient:
    ext_id: str
    name: str
    born: str | None
    visits: list[Visit]
    problems: list[Resource]
    allergies: list[Resource]
    family: list[Resource]


def _soap_field(title: str) -> str:
    if title in _SUBJECTIVE:
        return "subjective"
    if title in _ASSESSMENT:
        return "assessment"
    if title in _PLAN:
        return "plan"
    return "objective"


def _ref(res: Resource, key: str) -> str | None:
    value = res.get(key)
    return value.get("reference", "").split("/")[-1] if isinstance(value, dict) else None


def _div_text(section: Resource) -> str:
    raw = (section.get("text") or {}).get("div", "")
    return html.unescape(re.sub(r"<[^>]+>", "", raw)).strip()


def _number(value: float) -> str:
    return f"{value:g}"


def coding(concept: Resource) -> Resource:
    """A concept's first coding (the generator writes one)."""
    return (concept.get("coding") or [{}])[0]


def patients(res: dict[str, list[Resource]]) -> list[Patient]:
    by_enc: dict[str, list[Resource]] = defaultdict(list)
    for kind in _LINKED:
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
    conditions = {c["id"]: c for c in res.get("Condition", [])}
    out = []
    for p in res.get("Patient", []):
        own = by_patient[p["id"]]
        encounters = sorted(own["Encounter"], key=lambda e: (e["period"]["start"], e["id"]))
        visits = [_visit(e, by_enc[e["id"]], conditions) for e in encounters]
        visits = [v for v in visits if v.sections]
        if not visits:
            continue
        out.append(
            Patient(
                ext_id=_mrn(p),
                name=_name(p),
                born=p.get("birthDate"),
                visits=visits,
                problems=[c for c in own["Condition"] if _category(c) == "problem-list-item"],
                allergies=[a for a in own["AllergyIntolerance"] if _active(a)],
                family=own["FamilyMemberHistory"],
            )
        )
    return sorted(out, key=lambda p: p.ext_id)


def _mrn(p: Resource) -> str:
    for ident in p.get("identifier", []):
        if coding(ident.get("type") or {}).get("code") == "MR":
            return str(ident["value"])
    return str(p["id"])


def _name(p: Resource) -> str:
    n = (p.get("name") or [{}])[0]
    return " ".join([*n.get("given", []), n.get("family", "")]).strip() or "Unnamed"


def _category(c: Resource) -> str:
    return str(coding((c.get("category") or [{}])[0]).get("code", ""))


def _active(a: Resource) -> bool:
    status = coding(a.get("clinicalStatus") or {}).get("code")
    return status == "active" and coding(a.get("code") or {}).get("code") != "716186003"


def _visit(enc: Resource, linked: list[Resource], conditions: dict[str, Resource]) -> Visit:
    ident = (enc.get("identifier") or [{}])[0].get("value") or enc["id"]
    v = Visit(ext_id=str(ident), date=enc["period"]["start"][:19])
    reasons = enc.get("reasonCode") or []
    v.reason = coding(reasons[0]).get("display") if reasons else None
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
                v.meds.append((med["text"], coding(med).get("display") or ""))
                for ref in r.get("reasonReference", []):
                    cond = conditions.get(ref.get("reference", "").split("/")[-1])
                    if cond is not None and coding(cond["code"]).get("display"):
                        v.med_reasons.append((med["text"], coding(cond["code"])["display"]))
        elif r["resourceType"] == "Procedure" and (r.get("code") or {}).get("text"):
            v.procedures.append(r["code"]["text"])
        elif r["resourceType"] == "DiagnosticReport" and _radiology(r):
            v.imaging.append(r["code"]["text"])
    return v


def _radiology(report: Resource) -> bool:
    codes = {c.get("code") for cat in report.get("category", []) for c in cat.get("coding", [])}
    return "RAD" in codes and bool((report.get("code") or {}).get("text"))


def _observe(v: Visit, obs: Resource) -> None:
    code = coding(obs["code"])
    if code.get("code") == BP_PANEL:
        parts = {
            coding(c["code"]).get("code"): c.get("valueQuantity", {}).get("value")
            for c in obs.get("component", [])
        }
        if parts.get(SYSTOLIC) is not None and parts.get(DIASTOLIC) is not None:
            v.bp = f"{_number(parts[SYSTOLIC])}/{_number(parts[DIASTOLIC])}"
        return
    q = obs.get("valueQuantity")
    if not q or q.get("value") is None:
        return
    category = coding((obs.get("category") or [{}])[0]).get("code")
    name = re.sub(r"\s*\[[^\]]*\]", "", code.get("display", "")).strip()
    if category == "laboratory":
        v.labs.append((name, _number(q["value"]), q.get("unit", "")))
    elif code.get("code") in _VITALS:
        v.vitals.append((name, _number(q["value"])))
