"""The commands, as each module registers them: the parser and the dispatch are built from
this list, so every command has the same contract (tests/cli/test_cli_contract.py):
- help text, shown by `chartside --help`, `chartside COMMAND --help` and the man page;
- exit 0 on success, 1 with one line on stderr (and a JSON object on stdout with --json)
  on any failure, 2 for a command line argparse rejects.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from app.cli.context import Context

Handler = Callable[[Context], int]
"""Runs the command; returns its exit code. A failure is raised (ChartsideError, OSError),
never printed: the dispatcher turns it into the one-line error."""
Configure = Callable[[argparse.ArgumentParser], None]
"""Adds the command's own arguments (and sub-actions) to its sub-parser."""


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    handler: Handler
    configure: Configure | None = None
    description: str | None = None  # `chartside COMMAND --help`'s longer text, if any


_COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    help: str,
    configure: Configure | None = None,
    *,
    description: str | None = None,
) -> Callable[[Handler], Handler]:
    """Registers the decorated handler as `chartside NAME`."""

    def register(handler: Handler) -> Handler:
        if name in _COMMANDS:
            raise ValueError(f"two commands named {name!r}")
        _COMMANDS[name] = Command(name, help, handler, configure, description)
        return handler

    return register


def registered() -> dict[str, Command]:
    """Every command registered so far, by name, in the order they were registered."""
    return dict(_COMMANDS)
