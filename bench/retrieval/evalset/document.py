"""Patients to the chartside.v1 import document: one session per visit, two client fields
written from templates (data/document.toml beside this module)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.retrieval.evalset.patients import Patient, coding
from bench.timeline.kit.vocab import VocabFile

_FILE = VocabFile(Path(__file__).parent / "data" / "document.toml")
_CLIENT = {
    key: _FILE.text("client", key)
    for key in ("history", "unknown_onset", "allergy", "criticality", "family", "relative")
}


def _history(p: Patient) -> str:
    lines = []
    for c in sorted(p.problems, key=lambda c: (c.get("onsetDateTime", ""), c["id"])):
        code = coding(c["code"])
        onset = c.get("onsetDateTime", _CLIENT["unknown_onset"])[:10]
        name, number = code.get("display"), code.get("code")
        lines.append(_CLIENT["history"].format(name=name, code=number, onset=onset))
    return "\n".join(lines)


def _notes(p: Patient) -> str:
    lines = []
    for a in p.allergies:
        level = a.get("criticality")
        crit = _CLIENT["criticality"].format(criticality=level) if level else ""
        name = a["code"].get("text") or coding(a["code"]).get("display")
        lines.append(_CLIENT["allergy"].format(name=name, criticality=crit))
    for f in p.family:
        who = coding(f.get("relationship") or {}).get("display", _CLIENT["relative"])
        dx = ", ".join(coding(c["code"]).get("display", "") for c in f.get("condition", []))
        if dx:
            lines.append(_CLIENT["family"].format(who=who, conditions=dx))
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
