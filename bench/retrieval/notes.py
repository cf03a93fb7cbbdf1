"""Synthetic clinical notes: no real patient data, richer than tests/factories.

The words and templates are data/notes.toml beside this module; the code here draws from
them (in the order the file writes them) and assembles the chartside.v1 document.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabFile

_FILE = VocabFile(Path(__file__).parent / "data" / "notes.toml")
_COMPLAINTS = _FILE.strings("complaints")
_DRUGS = _FILE.strings("drugs")
_DRAW = _FILE.lists("draw")
# A template's slot: {int:A:B} a number from A to B, {name} a [draw] list or a given value.
_SLOT = re.compile(r"\{(\w+)(?::(\d+):(\d+))?\}")
_GIVEN = ("c", "C", "drug", "first", "second")


def _checked(keys: tuple[str, ...], templates: tuple[str, ...]) -> tuple[str, ...]:
    """`templates` (at `keys` in the file), once every slot is one `_fill` can fill."""
    for template in templates:
        for name, low, high in _SLOT.findall(template):
            number = name == "int" and low and int(low) <= int(high)
            if not number and (low or (name not in _DRAW and name not in _GIVEN)):
                raise _FILE.wrong(keys, f"{{{name}}} in {template!r} is no slot of ours")
    return templates


def _templates(*keys: str) -> tuple[str, ...]:
    return _checked(keys, _FILE.strings(*keys))


def _template(*keys: str) -> str:
    return _checked(keys, (_FILE.text(*keys),))[0]


_HISTORY, _NOTES = _template("client", "history"), _template("client", "notes")
_REPORTS = _template("subjective", "reports")
_TAKING = _template("subjective", "taking")
_SLEEP = _template("subjective", "sleep")
_FINDINGS = _templates("objective", "findings")
_LEADS = _templates("assessment", "leads")
_TAILS = _templates("assessment", "tails")
_WEEK = _template("assessment", "week")
_STEPS = _templates("plan", "steps")
_REVIEW = _template("plan", "review")


def _fill(r: random.Random, template: str, **given: str) -> str:
    """`template` with its slots filled left to right, drawing from `r` as it goes."""

    def slot(m: re.Match[str]) -> str:
        name, low, high = m.groups()
        if low is not None:
            return str(r.randint(int(low), int(high)))
        return given[name] if name in given else r.choice(_DRAW[name])

    return _SLOT.sub(slot, template)


def _subjective(r: random.Random, c: str, drug: str) -> str:
    out = [_fill(r, _REPORTS, c=c)]
    if r.random() < 0.6:
        out.append(_fill(r, _TAKING, drug=drug))
    if r.random() < 0.4:
        out.append(_fill(r, _SLEEP))
    return " ".join(out)


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _objective(r: random.Random) -> str:
    parts = [_fill(r, t) for t in _FINDINGS]
    return _cap("; ".join(r.sample(parts, r.randint(2, 3)))) + "."


def _assessment(r: random.Random, c: str) -> str:
    lead = _fill(r, r.choice(_LEADS), c=c, C=_cap(c))
    tails = [_fill(r, t) for t in _TAILS]
    week = _fill(r, _WEEK)
    return f"{lead}, {week}; {'; '.join(r.sample(tails, r.randint(1, 2)))}."


def _plan(r: random.Random, drug: str) -> str:
    steps = [_fill(r, t, drug=drug) for t in _STEPS]
    review = _fill(r, _REVIEW)
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
                "medical_history": _fill(r, _HISTORY, first=mine[0], second=mine[1], drug=drug),
                "notes": "" if n < 10 else _fill(r, _NOTES),
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
