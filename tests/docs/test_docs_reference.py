"""The docs say what the code has: every command and option (docs/cli.md) and every message
id (docs/messages.md) as written from the code now, every option with its help, every
setting in docs/usage.md's table, and every part of the service in docs/architecture.md.
Each test names what is missing."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

import pydantic
import pytest

from app.cli.entry import build_parser
from app.reference import DOCS, PAGES
from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_the_reference_pages_are_written_from_the_code_as_it_is(page: str) -> None:
    written = (DOCS / page).read_text(encoding="utf-8")
    assert written == PAGES[page](), f"docs/{page} is stale: run `python -m app.reference`"


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    out = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out += _parsers(sub)
    return out


def test_every_option_and_command_says_what_it_is_for() -> None:
    silent = [
        f"{p.prog} {a.option_strings[0] if a.option_strings else a.dest}"
        for p in _parsers(build_parser())
        for a in p._actions
        if a.dest != "help" and not isinstance(a, argparse._SubParsersAction) and not a.help
    ]
    silent += [
        f"{p.prog} {c.dest}"
        for p in _parsers(build_parser())
        for a in p._actions
        if isinstance(a, argparse._SubParsersAction)
        for c in a._choices_actions
        if not c.help
    ]
    assert silent == []


def _settings(model: type[pydantic.BaseModel], prefix: str = "") -> list[str]:
    keys: list[str] = []
    for name, field in model.model_fields.items():
        kind = field.annotation
        if isinstance(kind, type) and issubclass(kind, pydantic.BaseModel):
            keys += _settings(kind, f"{prefix}{name}.")
        else:
            keys.append(f"{prefix}{name}")
    return keys


def _settings_table() -> set[str]:
    """The keys docs/usage.md's settings table names: "`a.b` / `c`" is a.b and a.c."""
    text = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
    table = text[text.index("| key | default | meaning |") :].split("\n\n")[0]
    named: set[str] = set()
    for line in table.splitlines()[2:]:
        first = line.strip("|").split("|")[0]
        keys = re.findall(r"`([\w.]+)`", first)
        if not keys:
            continue
        section = keys[0].rpartition(".")[0]
        named |= {keys[0], *(f"{section}.{k}" if section else k for k in keys[1:])}
    return named


def test_every_setting_is_in_the_settings_table() -> None:
    missing = sorted(set(_settings(Settings)) - _settings_table())
    assert missing == [], f"docs/usage.md's settings table lacks {missing}"
    gone = sorted(_settings_table() - set(_settings(Settings)))
    assert gone == [], f"docs/usage.md's settings table names settings that are gone: {gone}"


def _parts() -> list[str]:
    """The service's parts: what ChartsideService's constructor sets to a `…Service(…)`, or
    to the models part."""
    tree = ast.parse((ROOT / "core" / "services" / "service.py").read_text(encoding="utf-8"))
    init = next(
        f
        for c in tree.body
        if isinstance(c, ast.ClassDef) and c.name == "ChartsideService"
        for f in c.body
        if isinstance(f, ast.FunctionDef) and f.name == "__init__"
    )
    parts = []
    for node in ast.walk(init):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call | ast.IfExp):
            target = node.targets[0]
            called = node.value.body if isinstance(node.value, ast.IfExp) else node.value
            name = ast.unparse(called.func) if isinstance(called, ast.Call) else ""
            if isinstance(target, ast.Attribute) and (name.endswith("Service") or name == "models"):
                parts.append(target.attr)
    return parts


def test_every_part_of_the_service_is_in_the_architecture() -> None:
    parts = _parts()
    assert {"notes", "assistant", "timeline", "models"} <= set(parts), parts
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [p for p in parts if f"`{p}`" not in text and f"service.{p}" not in text]
    assert missing == [], f"docs/architecture.md never names the parts {missing}"


def _contract(container: str) -> list[set[str]]:
    """The layers of the import contract over `container`, top first, each a set of parts."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [
        c
        for c in config["tool"]["importlinter"]["contracts"]
        if c["type"] == "layers" and c["containers"] == [container]
    ]
    return [{p.strip() for p in layer.split("|")} for layer in contract["layers"]]


def _written(container: str) -> list[set[str]]:
    """The layers docs/architecture.md lists for `container`: "`a` › `b | c` › …"."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    start = text.index(f"- **layers** inside `{container}`")
    listed = text[start : text.index(".\n", start)].split(":", 1)[1]
    return [{p.strip() for p in layer.split("|")} for layer in re.findall(r"`([^`]+)`", listed)]


@pytest.mark.parametrize("container", ["core", "core.services"])
def test_the_architectures_layers_are_the_import_contracts(container: str) -> None:
    assert _written(container) == _contract(container)


def test_every_room_of_core_is_in_the_architecture() -> None:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    rooms = sorted(p.name for p in (ROOT / "core").iterdir() if (p / "__init__.py").exists())
    missing = [r for r in rooms if f"| `core/{r}/` |" not in text]
    assert missing == [], f"docs/architecture.md's table of core's rooms lacks {missing}"
