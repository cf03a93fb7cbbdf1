"""Headless commands for IT, automation and tests (docs/usage.md, "The command line").

Output is JSON with --json. Failures print one line to stderr and exit non-zero.
Nothing here prints PHI except `export`, whose file the user asked for.

- `context`: what every command gets (arguments, settings and service opened on first
  use, passphrase sources, output);
- `registry`: `@command` registers a handler with its name, help and arguments;
- `entry`: the parser and the dispatch, built from the registry;
- one module per command group (`init`, `transfer`, `doctor`, `backup`, `audit`,
  `delete_data`, `search`, `ask`, `models`, `keys`, `policy`, `server`), and `files`, the
  files the CLI touches for the user.
"""

from __future__ import annotations

from app.cli.entry import build_parser, run_cli

__all__ = ["build_parser", "run_cli"]
