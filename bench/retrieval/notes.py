"""Synthetic clinical notes: no real patient data, richer than tests/factories."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

_COMPLAINTS = [
    "low back pain", "neck stiffness", "right knee pain on stairs", "poor sleep",
    "left shoulder pain reaching overhead", "tension headaches", "anxiety before work",
    "low mood", "plantar heel pain", "tennis elbow", "hip pain after walking",
    "a sprained ankle", "wrist pain when typing", "jaw clicking", "dizziness on standing",
    "fatigue", "panic attacks on the bus", "grief after a bereavement",
    "sciatica into the left leg", "knee stiffness after surgery", "a chronic cough",
    "acid reflux at night", "migraine with aura", "tinnitus", "numbness in the fingers",
    "rib pain after a fall", "a hamstring strain", "a frozen shoulder", "restless legs",
    "irritable bowel symptoms",
]  # fmt: skip
_DRUGS = [
    "sertraline 50 mg", "sertraline 100 mg", "ibuprofen 400 mg", "naproxen 500 mg",
    "paracetamol 1 g", "amitriptyline 10 mg", "omeprazole 20 mg", "propranolol 40 mg",
    "gabapentin 300 mg", "codeine 30 mg", "diclofenac gel", "melatonin 2 mg",
    "metformin 500 mg", "amlodipine 5 mg", "no regular medication",
]  # fmt: skip
_TRIGGERS = [
    "after lifting boxes at work", "since a long-haul flight", "after starting to run",
    "when sitting for more than an hour", "mostly at night", "on waking",
    "after gardening at the weekend", "during exam season", "since moving house",
    "after a family argument", "when the weather turns cold", "after a long shift",
]  # fmt: skip
_SITES = [
    "lumbar paraspinals", "medial joint line", "lateral epicondyle", "upper trapezius",
    "plantar fascia", "greater trochanter", "supraspinatus tendon", "sacroiliac joint",
]  # fmt: skip
_EXERCISES = [
    "bridging", "McKenzie extensions", "wall squats", "pendulum swings", "calf raises",
    "thought records", "paced breathing", "grounding techniques", "eccentric wrist curls",
    "nerve glides", "balance board work", "walking 20 minutes daily",
]  # fmt: skip
_REFERRALS = ["physiotherapy", "orthopaedics", "the GP", "psychology", "podiatry", "ENT"]
_ALLERGIES = ["none known", "penicillin", "latex", "codeine", "shellfish"]


def _subjective(r: random.Random, c: str, drug: str) -> str:
    out = [f"Reports {c} {r.choice(_TRIGGERS)}, {r.randint(2, 9)}/10."]
    if r.random() < 0.6:
        out.append(f"Taking {drug}{r.choice(['', ' as needed', ' daily', ', missed doses'])}.")
    if r.random() < 0.4:
        sleep = r.choice(["improved", "disturbed", "unchanged"])
        work = r.choice(["working full time", "off work", "on light duties"])
        out.append(f"Sleep {sleep}; {work}.")
    return " ".join(out)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _objective(r: random.Random) -> str:
    parts = [
        f"ROM {r.randint(40, 180)} degrees flexion",
        f"BP {r.randint(100, 160)}/{r.randint(60, 98)}, HR {r.randint(52, 104)}",
        f"tender over the {r.choice(_SITES)}",
        f"straight leg raise positive at {r.randint(30, 80)} degrees",
        f"grip strength {r.randint(18, 48)} kg",
        f"PHQ-9 score {r.randint(2, 22)}",
        f"GAD-7 score {r.randint(1, 20)}",
        f"weight {r.randint(48, 120)} kg",
        f"gait {r.choice(['antalgic', 'normal', 'slow but steady'])}",
        f"swelling {r.choice(['mild', 'moderate', 'resolved'])}",
    ]
    return _cap("; ".join(r.sample(parts, r.randint(2, 3)))) + "."


def _assessment(r: random.Random, c: str) -> str:
    lead = r.choice(
        [f"Findings consistent with {c}", f"{_cap(c)} improving",
         f"{_cap(c)} unchanged", f"Symptoms of {c} worse than at the last visit",
         f"Likely mechanical {c}", f"{_cap(c)} settling"]
    )  # fmt: skip
    tails = [
        "red flags screened negative", f"progress {r.choice(['good', 'slow', 'plateaued'])}",
        "no current suicidal ideation", "adherence to the home programme good",
        "consider imaging if no better", f"pain down from {r.randint(5, 9)}/10",
        f"function about {r.randint(3, 9)}0% of normal", "goals reviewed with the client",
    ]  # fmt: skip
    weeks = r.randint(1, 30)
    return f"{lead}, week {weeks} of care; {'; '.join(r.sample(tails, r.randint(1, 2)))}."


def _plan(r: random.Random, drug: str) -> str:
    steps = [
        f"Continue {r.choice(_EXERCISES)} x{r.randint(2, 5)} weekly",
        f"refer to {r.choice(_REFERRALS)}",
        f"{r.choice(['increase', 'reduce', 'stop', 'continue'])} {drug}",
        "heat pack twice daily",
        "sleep hygiene handout given",
        "graded return to work",
        "bloods: FBC, CRP, HbA1c",
    ]
    review = f"review in {r.randint(1, 8)} weeks"
    return _cap("; ".join([*r.sample(steps, r.randint(2, 3)), review])) + "."


def _session(r: random.Random, xid: str, day: int, c: str, drug: str) -> dict[str, Any]:
    y, d = 2023 + day // 360, day % 360
    return {
        "external_id": xid,
        "date": f"{y}-{d // 30 + 1:02d}-{d % 28 + 1:02d}T09:00:00",
        "subjective": _subjective(r, c, drug),
        "objective": _objective(r),
        "assessment": _assessment(r, c),
        "plan": _plan(r, drug),
    }


def notes_document(sessions_per_client: Sequence[int], seed: int = 11) -> dict[str, Any]:
    """chartside.v1: every field is short (one chunk), so chunks = 4 x sessions + 2 per
    client (1 where the client has no free-text notes)."""
    clients = []
    for ci, n in enumerate(sessions_per_client):
        r = random.Random(seed * 100_003 + ci)
        mine = r.sample(_COMPLAINTS, 3)
        drug = r.choice(_DRUGS)
        sessions = [
            _session(r, f"s-{ci:03d}-{si:04d}", si * 3, r.choice(mine), drug) for si in range(n)
        ]
        clients.append(
            {
                "external_id": f"c-{ci:03d}",
                "full_name": f"Client {ci}",
                "date_of_birth": f"{1950 + ci % 50}-0{1 + ci % 9}-1{ci % 10}",
                "medical_history": f"History of {mine[0]} and {mine[1]}. "
                f"Allergies: {r.choice(_ALLERGIES)}. Takes {drug}.",
                "notes": ""
                if n < 10
                else f"Prefers {r.choice(['morning', 'late'])} "
                f"appointments; {r.choice(['works shifts', 'carer for a parent', 'student'])}.",
                "sessions": sessions,
            }
        )
    return {"format": "chartside.v1", "clients": clients}


def timeline_fields(doc: dict[str, Any]) -> list[tuple[str, str]]:
    """The (text, field) pairs an index run reads for the timeline in `doc`: each client's
    history and notes, each session's four fields (core/timeline/store.py's `_fields`)."""
    out: list[tuple[str, str]] = []
    for client in doc["clients"]:
        out += [(client[f], f) for f in ("medical_history", "notes") if client.get(f)]
        for session in client["sessions"]:
            out += [(session[f], f) for f in ("subjective", "objective", "assessment", "plan")]
    return out


def subset(doc: dict[str, Any], every: int) -> dict[str, Any]:
    """The same clients with every `every`-th session: the same chunk texts, fewer."""
    return {
        **doc,
        "clients": [{**c, "sessions": c["sessions"][::every]} for c in doc["clients"]],
    }


def query_sentences(n: int, seed: int = 29) -> list[str]:
    """Note sentences the corpus does not hold verbatim (another seed)."""
    doc = notes_document([max(1, n // 40)] * 40, seed)
    out: list[str] = []
    for c in doc["clients"]:
        for s in c["sessions"]:
            field = ("subjective", "objective", "assessment", "plan")[len(out) % 4]
            out.append(s[field].split("; ")[0].split(". ")[0].rstrip("."))
    return out[:n]


def spread(total: int, n_clients: int, small: int) -> list[int]:
    """Sessions per client so that chunks come to about `total`: `n_clients` alike, then
    one small client (fewer chunks than k, no free-text notes)."""
    sessions = (total - 2 * n_clients - 1 - 4 * small) // 4
    base, extra = divmod(sessions, n_clients)
    return [base + (i < extra) for i in range(n_clients)] + [small]
