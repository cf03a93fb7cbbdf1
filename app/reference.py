"""The reference pages written from the code itself, so they cannot leave a thing out or
describe one that is gone (tests/docs/test_docs_reference.py compares them with the code):

- docs/cli.md: every command, its subcommands and options, with their help;
- docs/messages.md: every message id core speaks in, with its English words.

    .venv/bin/python -m app.reference      # rewrites both pages
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.entry import build_parser
from core.messages import ENGLISH

DOCS = Path(__file__).resolve().parents[1] / "docs"
CLI_HEAD = """# Command-line reference

Written from the parser by `python -m app.reference`; a test fails when this page and the
commands differ. How to use them, with examples: [usage.md](usage.md#the-command-line).

"""
MESSAGES_HEAD = """# Messages

Every message core speaks in: an error, a warning, a refusal or a note is an id and its
values ([architecture.md](architecture.md#the-service-and-its-parts)). The CLI's JSON gives
the id (`warning_ids`, an error's `id`); the window shows its words in its own language
(`ui/i18n/`). Written from `core/messages/` by `python -m app.reference`; a test fails when
this page and the code differ.

"""


def cli() -> str:
    parser = build_parser()
    out = [CLI_HEAD, "## chartside\n\n", _described(parser), _options(parser)]
    for path, sub, said in _commands(parser, ()):
        title = f"## chartside {' '.join(path)}\n\n"
        out += [title, _described(sub, said), _usage(sub), _options(sub)]
    return "".join(out).rstrip("\n") + "\n"


def messages() -> str:
    out = [MESSAGES_HEAD]
    for room in sorted({key.split(".")[0] for key in ENGLISH}):
        out.append(f"## {room}\n\n| id | English |\n|---|---|\n")
        for key in sorted(k for k in ENGLISH if k.split(".")[0] == room):
            words = " ".join(ENGLISH[key].split()).replace("|", "\\|")
            out.append(f"| `{key}` | {words} |\n")
        out.append("\n")
    return "".join(out).rstrip("\n") + "\n"


PAGES = {"cli.md": cli, "messages.md": messages}

Found = tuple[tuple[str, ...], argparse.ArgumentParser, str]


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...]) -> list[Found]:
    """(its words, its parser, its one-line help) of every command under `parser`."""
    out: list[Found] = []
    for action in _subcommands(parser):
        helps = {a.dest: a.help or "" for a in action._choices_actions}
        for name, sub in action.choices.items():
            out.append(((*path, name), sub, helps.get(name, "")))
            out += _commands(sub, (*path, name))
    return out


def _subcommands(parser: argparse.ArgumentParser) -> list[Any]:
    """The parser's groups of subcommands (argparse keeps them only among its actions)."""
    return [a for a in parser._actions if isinstance(a.choices, dict)]


def _described(parser: argparse.ArgumentParser, said: str = "") -> str:
    text = parser.description or said
    return f"{text.strip()}\n\n" if text else ""


def _usage(parser: argparse.ArgumentParser) -> str:
    usage = " ".join(parser.format_usage().removeprefix("usage: ").split())
    return f"```\n{usage}\n```\n\n"


def _options(parser: argparse.ArgumentParser) -> str:
    rows: list[str] = []
    for action in parser._actions:
        if isinstance(action.choices, dict) or action.dest == "help":
            continue
        name = ", ".join(action.option_strings) or str(action.metavar or action.dest)
        if action.option_strings and action.nargs != 0:
            name += f" {action.metavar or action.dest.upper()}"
        shown = (action.help or "").replace("|", "\\|").replace("%%", "%")
        rows.append(f"| `{name}` | {shown} |\n")
    if not rows:
        return ""
    return "| argument | meaning |\n|---|---|\n" + "".join(rows) + "\n"


if __name__ == "__main__":
    for page, write in PAGES.items():
        (DOCS / page).write_text(write(), encoding="utf-8")
