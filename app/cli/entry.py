"""The parser and the dispatch, both built from the registry; the one place that turns a
failure into the one-line error and exit code that docs/usage.md describes."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path
from typing import NoReturn

from app.cli import (
    ask,
    attach,
    audit,
    backup,
    delete_data,
    doctor,
    files,
    init,
    keys,
    models,
    policy,
    search,
    server,
    timeline,
    transcribe,
    transfer,
)
from app.cli.context import EXIT_ERROR, EXIT_USAGE, Context, OpenService, OpenSettings
from app.cli.errors import UsageError
from app.cli.registry import Command, registered
from app.compose import build_service, build_settings
from app.policy_models import enforce_locked_generator
from core.errors import ChartsideError
from core.settings import Settings

# The modules that register commands, in the order `chartside --help` lists them.
COMMAND_MODULES = (
    init,
    transfer,
    doctor,
    backup,
    audit,
    delete_data,
    search,
    ask,
    timeline,
    attach,
    transcribe,
    models,
    keys,
    policy,
    server,
)


def commands() -> list[Command]:
    """Every command, in help order."""
    order = {m.__name__: i for i, m in enumerate(COMMAND_MODULES)}
    found = registered().values()
    stray = [c.name for c in found if c.handler.__module__ not in order]
    if stray:  # a module registered commands but is missing above: it would be unreachable
        raise RuntimeError(f"commands outside COMMAND_MODULES: {stray}")
    return sorted(found, key=lambda c: order[c.handler.__module__])  # stable within a module


class _Parser(argparse.ArgumentParser):
    """argparse, with a rejected command line reported as the CLI's one line (exit 2)
    instead of the usage block; the usage is a `--help` away."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("chartside").strip()  # "ask", "keys status"
        raise UsageError(
            f"{command}: {message}" if command else message,
            f"`{self.prog} --help` shows the usage.",
        )


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="chartside", description="Local clinical-notes assistant.")
    p.add_argument("--data-dir", type=Path, help="data directory (env CHARTSIDE_DATA_DIR)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--user", help="practitioner username (default: the only one, or yours)")
    p.add_argument(
        "--passphrase-stdin",
        action="store_true",
        help="read the passphrase from the first line of standard input",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for c in commands():
        parser = sub.add_parser(c.name, help=c.help, description=c.description)
        if c.configure is not None:
            c.configure(parser)
    return p


def open_settings(data_dir: Path | None) -> Settings:
    settings = build_settings(data_dir)
    files.check_data_dir(settings.data_dir)
    enforce_locked_generator(settings)
    return settings


def run_cli(
    argv: list[str],
    open_settings: OpenSettings = open_settings,
    open_service: OpenService = build_service,
) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.error("no COMMAND given (`chartside` alone opens the window)")
    except UsageError as exc:
        print_error(exc, json_out="--json" in argv)
        return EXIT_USAGE
    ctx = Context(args, open_settings, open_service)
    try:
        return registered()[args.command].handler(ctx)
    except ChartsideError as exc:
        print_error(exc, json_out=args.json)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("chartside: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader left early (`chartside search ... | head`): no traceback for that.
        # stdout now points at /dev/null so the flush at exit cannot raise it again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 128 + int(signal.SIGPIPE)  # what a shell reports for a writer killed by SIGPIPE
    except OSError as exc:
        # A file or folder the command could not use (an unreadable data dir, a missing input
        # file): one line naming the path and the reason, not a traceback.
        print_error(files.from_os_error(exc, ctx.data_dir), json_out=args.json)
        return EXIT_ERROR
    finally:
        ctx.close()


def print_error(exc: ChartsideError, *, json_out: bool = False) -> None:
    """The CLI's one line on stderr (the CLI's and the window's start), and under --json
    the error as JSON on stdout."""
    line = str(exc).replace("\n", " ")
    if json_out:
        print(
            json.dumps(
                {
                    "error": type(exc).__name__,
                    "message": exc.message,
                    "remediation": exc.remediation,
                }
            )
        )
    print(f"chartside: error: {line}", file=sys.stderr)
