"""`chartside policy show`: the effective settings, and which the system policy locks."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.settings import Settings, effective, policy_file


def _arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="policy_command", metavar="ACTION", required=True)
    sub.add_parser("show", help="every setting, its value, where it was set, and if locked")


@command("policy", "the effective settings and what the system policy locks", _arguments)
def policy(ctx: Context) -> int:
    given = {"data_dir": "from --data-dir"} if ctx.args.data_dir else {}
    ctx.emit(*show(ctx.settings, given))
    return EXIT_OK


def show(settings: Settings, given: dict[str, str]) -> tuple[dict[str, Any], str]:
    """Returns (JSON payload, human text). `given`: settings set by flags, with the flag."""
    rows = effective(settings, given)
    payload = {
        "policy_file": str(policy_file()),
        "settings": [
            {"key": k, "value": v, "source": src, "locked": locked} for k, v, src, locked in rows
        ],
    }
    width = max(len(k) for k, *_ in rows)
    lines = [f"Policy file: {policy_file()}" + ("" if policy_file().is_file() else " (none)")]
    for key, value, source, locked in rows:
        mark = "locked, " if locked else ""
        lines.append(f"{key:<{width}}  {value!s:<12}  ({mark}{source})")
    return payload, "\n".join(lines)
