"""`chartside timeline` and `chartside brief`: a client's clinical timeline as
JSON, each fact with its session, date, field and span, and the brief before a visit."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from app.cli import files
from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.files import atomic_file
from core.timeline.answers.brief import render_en
from core.timeline.types import KINDS, LABELS, Brief, TimelineFact


def _timeline_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--client", required=True, help="external id (or internal id) of the client")
    p.add_argument("--kind", choices=KINDS, help="only facts of this kind")
    p.add_argument("--name", help="only facts of this name (a measure such as weight, or a drug)")


def fact_json(t: TimelineFact) -> dict[str, Any]:
    f = t.fact
    return {
        "kind": f.kind,
        "name": f.name,
        # A measure as the window names it ("Systolic BP"); `name` stays the key scripts use.
        "label": LABELS.get(f.name) if f.kind == "measurement" else None,
        "value": f.value,
        "unit": f.unit,
        # The value and unit as the note wrote them, where `value` is converted to `unit`.
        "written": f.written,
        "status": f.status,
        "dose": f.dose,
        "detail": f.detail,
        "session_external_id": t.session_external_id,
        "session_date": t.session_date.isoformat() if t.session_date else None,
        "field": t.field,
        "span": [f.start, f.end],
        "text": f.text,
        "line": t.line,
        # A page of an attached document (its title, date, page; a scan's caution).
        "document": t.document.to_json() if t.document else None,
    }


@command(
    "timeline",
    "a client's clinical timeline: measurements, medications, diagnoses, procedures, visits",
    _timeline_arguments,
    description="Prints the facts read from every note of one client, oldest visit first, "
    "each with its session, date, field and character span (JSON, one list).",
)
def run_timeline(ctx: Context) -> int:
    a = ctx.args
    ctx.unlock()
    client_id = ctx.svc.notes.resolve_client(a.client)
    facts = ctx.svc.timeline.facts(client_id, a.kind, a.name)
    print(json.dumps([fact_json(t) for t in facts], ensure_ascii=False))
    return EXIT_OK


def _brief_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--client", required=True, help="external id (or internal id) of the client")
    p.add_argument(
        "--out",
        type=Path,
        help="write the brief as a referral summary (plain text, citations as footnotes)",
    )


def brief_json(b: Brief) -> dict[str, Any]:
    return {
        "last_visit": b.last.isoformat() if b.last else None,
        "previous_visit": b.previous.isoformat() if b.previous else None,
        "lines": [
            {
                "kind": line.kind,
                "text": render_en(line),
                "params": line.params,
                "sources": [
                    {
                        "session_external_id": t.session_external_id,
                        "session_date": t.session_date.isoformat() if t.session_date else None,
                        "field": t.field,
                        "line": t.line,
                    }
                    for t in line.facts
                ],
            }
            for line in b.lines
        ],
    }


@command(
    "brief",
    "what changed at a client's last visit, each line cited (no model)",
    _brief_arguments,
)
def run_brief(ctx: Context) -> int:
    a = ctx.args
    ctx.unlock()
    client_id = ctx.svc.notes.resolve_client(a.client)
    if a.out is not None:
        text = ctx.svc.timeline.referral_summary(client_id)
        files.write_atomically(a.out, lambda part: write_text(part, text))
        print(json.dumps({"written": str(a.out)}) if a.json else f"wrote {a.out}")
        return EXIT_OK
    b = ctx.svc.timeline.brief(client_id)
    if a.json:
        print(json.dumps(brief_json(b), ensure_ascii=False))
        return EXIT_OK
    if b.last is None:
        print("No visit is recorded yet.")
        return EXIT_OK
    print(f"Since the last visit ({b.last.date().isoformat()}):")
    for line in b.lines:
        cites = ", ".join(
            f"{t.session_date.date().isoformat() if t.session_date else 'record'} · {t.field}"
            for t in line.facts
        )
        print(f"  - {render_en(line)}  [{cites}]")
    return EXIT_OK


def write_text(path: Path, text: str) -> None:
    """PHI in plain text: private from the first byte, whole or not at all."""
    with atomic_file(path) as f:
        f.write(text.encode("utf-8"))
