"""`chartside audit verify | export --out FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app import audit_file
from app.cli import files
from app.cli.context import EXIT_ERROR, EXIT_OK, Context
from app.cli.registry import command


def _arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    sub.add_parser("verify", help="check the hash chain and the anchor")
    ex = sub.add_parser("export", help="write the audit log for an auditor")
    ex.add_argument(
        "--out", type=Path, required=True, help="the new JSON file the events are written to"
    )
    ex.add_argument(
        "--format",
        choices=("json", "csv"),
        default=None,
        help="default: from the file name (.csv), else json",
    )


@command("audit", "check or export the audit log", _arguments)
def audit(ctx: Context) -> int:
    ctx.unlock()
    svc = ctx.svc
    if ctx.args.audit_command == "verify":
        r = svc.health.audit_verify()
        human = (
            f"Audit log intact: {r.count} events"
            if r.ok
            else "Audit log FAILED:\n" + "\n".join(r.problems)
        )
        ctx.emit({"ok": r.ok, "count": r.count, "problems": r.problems}, human)
        return EXIT_OK if r.ok else EXIT_ERROR
    rows = svc.health.audit_export()
    out: Path = ctx.args.out
    fmt: str = ctx.args.format or ("csv" if out.suffix == ".csv" else "json")
    files.write_atomically(out, lambda part: audit_file.write(rows, part, fmt))
    ctx.emit(
        {"out": str(out), "events": len(rows), "format": fmt},
        f"Wrote {len(rows)} audit events to {out}",
    )
    return EXIT_OK
