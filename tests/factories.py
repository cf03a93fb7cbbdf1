"""Synthetic chartside.v1 documents for tests and benchmarks (no real patient data)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

_FIRST = ["Dana", "Avi", "Noa", "Yosef", "Maya", "Omar", "Lea", "Ilan", "Rina", "Tom"]
_LAST = ["Levi", "Cohen", "Mizrahi", "Haddad", "Peretz", "Katz", "Friedman", "Biton"]
_COMPLAINTS = [
    "low back pain",
    "neck stiffness",
    "knee pain on stairs",
    "poor sleep",
    "shoulder pain reaching overhead",
    "anxiety before work",
    "headaches",
]
_DRUGS = ["ibuprofen 400 mg", "sertraline 50 mg", "paracetamol 1 g", "none", "naproxen"]


def session(rng: random.Random, i: int, day: dt.datetime) -> dict[str, Any]:
    c = rng.choice(_COMPLAINTS)
    return {
        "external_id": f"s-{i:06d}",
        "date": day.isoformat(timespec="seconds"),
        "subjective": f"Reports {c}, {rng.randint(2, 9)}/10. Taking {rng.choice(_DRUGS)}.",
        "objective": f"ROM {rng.randint(40, 180)} degrees; BP {rng.randint(100, 150)}/"
        f"{rng.randint(60, 95)}.",
        "assessment": f"Findings consistent with {c}; progress {rng.choice(['good', 'slow'])}.",
        "plan": f"Continue exercises x{rng.randint(2, 4)} weekly; review in "
        f"{rng.randint(1, 6)} weeks.",
    }


def document(n_clients: int, sessions_per_client: int, seed: int = 7) -> dict[str, Any]:
    rng = random.Random(seed)
    clients = []
    k = 0
    for ci in range(n_clients):
        start = dt.datetime(2023, 1, 2, 9) + dt.timedelta(days=rng.randint(0, 300))
        sessions = []
        for si in range(sessions_per_client):
            sessions.append(session(rng, k, start + dt.timedelta(days=7 * si)))
            k += 1
        clients.append(
            {
                "external_id": f"c-{ci:05d}",
                "full_name": f"{rng.choice(_FIRST)} {rng.choice(_LAST)}",
                "date_of_birth": dt.date(
                    1950 + rng.randint(0, 50), rng.randint(1, 12), rng.randint(1, 28)
                ).isoformat(),
                "medical_history": f"History of {rng.choice(_COMPLAINTS)}. "
                f"Allergies: {rng.choice(['none', 'penicillin', 'latex'])}.",
                "notes": "Prefers morning appointments." if ci % 2 else "",
                "sessions": sessions,
            }
        )
    return {"format": "chartside.v1", "clients": clients}
