"""Issue 16, point 4: one contract for every command the CLI registers (docs/usage.md).

Walks the parser built from the registry, so a command added later is checked without
being named here: it has help text, `--help` works, the man page shows it, a command line
argparse rejects exits 2, and a failure inside its handler is one line on stderr (and one
JSON object on stdout with --json) with exit 1. The failure used is a data dir that is a
plain file: every command that reads the data dir must say so before it asks for anything.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from app.cli import build_parser, run_cli
from app.cli import entry as cli_entry
from app.cli.context import Context
from app.cli.registry import registered
from core.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def _actions(parser: argparse.ArgumentParser) -> argparse._SubParsersAction | None:  # type: ignore[type-arg]
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _walk(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str | None, argparse.ArgumentParser]]:
    """(words naming it, its help text, its parser) for every command and sub-action."""
    sub = _actions(parser)
    if sub is None:
        return
    helps = {a.dest: a.help for a in sub._choices_actions}
    for name, child in sub.choices.items():
        yield (*path, name), helps.get(name), child
        yield from _walk(child, (*path, name))


INVOCATIONS = {words: (text, p) for words, text, p in _walk(build_parser())}
LEAVES = [words for words, (_, p) in INVOCATIONS.items() if _actions(p) is None]


def _ids(words: tuple[str, ...]) -> str:
    return " ".join(words)


def _argv(words: tuple[str, ...]) -> list[str]:
    """The words plus a value for each positional and each required option: enough for
    argparse to hand the command to its handler."""
    parser = INVOCATIONS[words][1]
    argv = list(words)
    for a in parser._actions:
        if not a.option_strings and a.nargs in (None, "?"):
            argv.append("x")
        elif a.required and a.option_strings:
            argv += [a.option_strings[0], "x"]
    return argv


def test_the_parser_holds_exactly_the_registered_commands_in_help_order() -> None:
    top = [words[0] for words in INVOCATIONS if len(words) == 1]
    assert top == [c.name for c in cli_entry.commands()]
    assert set(top) == set(registered())
    assert {"init", "import", "export", "search", "ask", "keys", "policy"} <= set(top)


@pytest.mark.parametrize("words", list(INVOCATIONS), ids=_ids)
def test_every_command_and_action_has_help_text(words: tuple[str, ...]) -> None:
    text = INVOCATIONS[words][0]
    assert text and text.strip(), f"`chartside {_ids(words)}` has no help text"


@pytest.mark.parametrize("words", list(INVOCATIONS), ids=_ids)
def test_help_works_for_every_command_and_action(
    words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([*words, "--help"])
    assert done.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: chartside {_ids(words)} ")


@pytest.fixture(scope="module")
def man_page() -> str:
    spec = importlib.util.spec_from_file_location(
        "packaging_manpage", ROOT / "packaging" / "manpage.py"
    )
    assert spec is not None and spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    page: str = module.render("0")
    return re.sub(r"\s+", " ", page.replace("\\-", "-"))


@pytest.mark.parametrize("words", list(INVOCATIONS), ids=_ids)
def test_every_command_and_action_is_in_the_man_page(words: tuple[str, ...], man_page: str) -> None:
    assert f"'chartside {_ids(words)}'" in man_page  # its own section
    text = INVOCATIONS[words][0]
    assert text is not None and re.sub(r"\s+", " ", text) in man_page


@pytest.mark.parametrize("words", list(INVOCATIONS), ids=_ids)
def test_a_command_line_argparse_rejects_exits_2_in_one_line(
    words: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli([*_argv(words), "--no-such-option"]) == 2
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("chartside: error: "), err
    # What is wrong first: the option, or a group's missing ACTION (`chartside keys`).
    assert "--no-such-option" in lines[0] or "required: ACTION" in lines[0], lines[0]
    assert "--help` shows the usage" in lines[0]
    assert out == ""


@pytest.mark.parametrize(
    "argv",
    [["--json"], ["--json", "ask", "--conversation", "not-a-uuid", "q"], ["--json", "nope"]],
    ids=["no command", "bad value", "unknown command"],
)
def test_a_rejected_command_line_with_json_is_one_json_object_and_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(argv) == 2
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 1 and err.startswith("chartside: error: ")
    failure = json.loads(out)
    assert failure["error"] == "UsageError" and failure["message"] in err
    assert "--help` shows the usage" in failure["remediation"]


@pytest.mark.parametrize("json_out", [False, True], ids=["text", "json"])
@pytest.mark.parametrize("words", LEAVES, ids=_ids)
def test_a_failure_inside_any_command_is_one_line_and_exit_1(
    words: tuple[str, ...],
    json_out: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("CHARTSIDE_PASSPHRASE", "CHARTSIDE_DATA_DIR", "CHARTSIDE_RECOVERY_KEY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # any file the command might write lands here
    data_dir = tmp_path / "plain-file"
    data_dir.write_text("not a folder\n")
    opened: list[Path | None] = []

    def open_settings(given: Path | None) -> Settings:
        opened.append(given)
        return cli_entry.open_settings(given)

    def no_service(settings: Settings) -> object:
        raise AssertionError("the service was built for an unusable data dir")

    ask = Context.secret

    def secret(ctx: Context, env_name: str, label: str, *, confirm: bool = False) -> str:
        assert opened, f"asked for the {label.lower()} before reading the data dir"
        return ask(ctx, env_name, label, confirm=confirm)

    monkeypatch.setattr(Context, "secret", secret)

    flags = ["--json"] if json_out else []
    code = run_cli(
        ["--data-dir", str(data_dir), *flags, *_argv(words)],
        open_settings,
        no_service,  # type: ignore[arg-type]
    )
    out, err = capsys.readouterr()
    assert code == 1, (out, err)
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("chartside: error: "), err
    assert "Traceback" not in out + err
    if opened:  # it read the data dir: the error says which, before any prompt
        assert f"cannot use the data directory {data_dir}" in lines[0]
    if json_out:
        failure = json.loads(out)
        assert set(failure) == {"error", "message", "remediation"}
        assert failure["message"] and failure["message"] in lines[0]
    else:
        assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plain-file"]  # nothing written
