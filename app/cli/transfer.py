"""`chartside import FILE` and `chartside export --out FILE` (chartside.v1 JSON)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from app.cli import files
from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.records import transfer


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="a chartside.v1 JSON file")


@command("import", "load clients and sessions (chartside.v1 JSON)", _import_arguments)
def import_file(ctx: Context) -> int:
    ctx.unlock()
    summary = ctx.svc.notes.import_file(ctx.args.file, progress=ctx.progress)
    ctx.emit(
        asdict(summary),
        "Imported: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in asdict(summary).items()),
    )
    return EXIT_OK


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--client", help="external id (or internal id) of one client")
    p.add_argument("--out", type=Path, required=True, help="the JSON file to write")


@command("export", "write clients and sessions as chartside.v1 JSON", _export_arguments)
def export(ctx: Context) -> int:
    ctx.unlock()
    doc = ctx.svc.notes.export_doc(ctx.args.client, progress=ctx.progress)
    out: Path = ctx.args.out
    files.write_atomically(out, lambda part: transfer.dump(doc, part))
    sessions = sum(len(c["sessions"]) for c in doc["clients"])
    ctx.emit(
        {"out": str(out), "clients": len(doc["clients"]), "sessions": sessions},
        f"Exported {len(doc['clients'])} clients, {sessions} sessions",
    )
    return EXIT_OK
