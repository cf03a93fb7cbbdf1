"""Patients to the chartside.v1 import document: one session per visit, two client fields."""

from __future__ import annotations

from typing import Any

from bench.retrieval.evalset.patients import Patient, coding


def _history(p: Patient) -> str:
    lines = []
    for c in sorted(p.problems, key=lambda c: (c.get("onsetDateTime", ""), c["id"])):
        code = coding(c["code"])
        onset = c.get("onsetDateTime", "unknown")[:10]
        lines.append(f"{code.get('display')} [{code.get('code')}], diagnosed {onset}.")
    return "\n".join(lines)


def _notes(p: Patient) -> str:
    lines = []
    for a in p.allergies:
        crit = f" ({a['criticality']} criticality)" if a.get("criticality") else ""
        name = a["code"].get("text") or coding(a["code"]).get("display")
        lines.append(f"Allergy: {name}{crit}.")
    for f in p.family:
        who = coding(f.get("relationship") or {}).get("display", "relative")
        dx = ", ".join(coding(c["code"]).get("display", "") for c in f.get("condition", []))
        if dx:
            lines.append(f"Family history, {who}: {dx}.")
    return "\n".join(lines)


def to_doc(patients: list[Patient]) -> dict[str, Any]:
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
