"""Issue 14: every error core can raise reads in Hebrew in the Hebrew window.

Core writes its errors in English (it never imports Qt); `ui.kit.errors.describe` shows each
one's message and remediation through `ui.kit.core_text.core_text`. This test reads core's
source with `ast` for every error it builds (a subclass of `ChartsideError`, wherever it is
defined), takes its message and its remediation, constants as they are and f-strings with
each value replaced by "X", and checks that each translates to Hebrew.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from source_scan import HEBREW, called_name, sample
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

import core.errors
from ui.kit.core_text import TEMPLATES, _patterns, core_text  # pyright: ignore[reportPrivateUsage]
from ui.kit.errors import describe

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "core"

# Messages the scan cannot see: core builds them apart from the error that carries them.
NOT_IN_A_CALL = {
    # ModelError(self.missing or …): `missing` is set in EmbeddingOps._open_chosen.
    "This workspace's notes are embedded with X, which is not installed on this computer, "
    "so they are searched by their words only.",
}
# Texts the scan finds that no user reads, each with its reason.
EXCLUDED = {
    "XX: X": "ValidationError's own message (record: field: detail), for logs; describe() "
    "shows the field's label and the translated detail instead",
}


def _trees() -> dict[Path, ast.Module]:
    return {p: ast.parse(p.read_text(encoding="utf-8")) for p in sorted(CORE.rglob("*.py"))}


def _error_classes(trees: dict[Path, ast.Module]) -> set[str]:
    """Names of ChartsideError and its subclasses: those of core.errors, then every class in
    core whose base is one of them."""
    names = {
        name
        for name, value in vars(core.errors).items()
        if isinstance(value, type) and issubclass(value, core.errors.ChartsideError)
    }
    grew = True
    while grew:
        grew = False
        for tree in trees.values():
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.ClassDef)
                    and node.name not in names
                    and any(called_name(b) in names for b in node.bases)
                ):
                    names.add(node.name)
                    grew = True
    return names


def _message_and_remediation(call: ast.Call, position: int = 0) -> Iterator[str]:
    if len(call.args) > position:
        yield from sample(call.args[position])
    for keyword in call.keywords:
        if keyword.arg in {"message", "remediation"}:
            yield from sample(keyword.value)


def _wrappers(trees: dict[Path, ast.Module], errors: set[str]) -> dict[str, int]:
    """Functions that build an error from their own argument (`_fail(message, …)` in the
    import's parser): the function's name and the position of that argument."""
    found: dict[str, int] = {}
    for tree in trees.values():
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            params = [a.arg for a in function.args.args]
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Call)
                    and called_name(node.func) in errors
                    and node.args
                    and isinstance(node.args[0], ast.Name)
                    and node.args[0].id in params
                ):
                    found[function.name] = params.index(node.args[0].id)
    return found


def _from_error_classes(trees: dict[Path, ast.Module], errors: set[str]) -> Iterator[str]:
    """What an error class says itself: its class-level remediation, the default message of
    its `__init__`, and what that passes to `super().__init__` (`Locked()`, `RateLimited`'s
    "Wait N seconds")."""
    for tree in trees.values():
        for cls in ast.walk(tree):
            if not (isinstance(cls, ast.ClassDef) and cls.name in errors):
                continue
            for statement in cls.body:
                if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                    targets = (
                        statement.targets
                        if isinstance(statement, ast.Assign)
                        else [statement.target]
                    )
                    if any(called_name(t) == "remediation" for t in targets):
                        yield from sample(statement.value)
                elif isinstance(statement, ast.FunctionDef) and statement.name == "__init__":
                    args = statement.args
                    for arg, default in zip(args.args[::-1], args.defaults[::-1], strict=False):
                        if arg.arg == "message":
                            yield from sample(default)
                    for node in ast.walk(statement):
                        if isinstance(node, ast.Call) and called_name(node.func) == "__init__":
                            yield from _message_and_remediation(node)


def core_error_texts() -> set[str]:
    """Every message and remediation of an error core builds, as "X"-sampled English."""
    trees = _trees()
    errors = _error_classes(trees)
    wrappers = _wrappers(trees, errors)
    texts = set(_from_error_classes(trees, errors))
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            called = called_name(node.func)
            if called in errors:
                texts.update(_message_and_remediation(node))
            elif called in wrappers:
                texts.update(_message_and_remediation(node, wrappers[called]))
    return (texts | NOT_IN_A_CALL) - set(EXCLUDED) - {""}


def test_the_scan_finds_cores_errors() -> None:
    texts = core_error_texts()
    assert len(texts) >= 100
    assert {
        "The question is X characters long; the limit is X.",  # a raise with values
        "Rephrase the question and try again.",  # a class's remediation
        "Chartside is locked.",  # an __init__'s default message
        "Wait X X and try again.",  # an __init__'s remediation
        "The workspace switched to another embedding model.",  # a class outside core.errors
        "appears twice in the file",  # through the import parser's `_fail`
        "The recovery key is not correct.",  # built first, raised later
        "No practitioner by that name.",  # one side of a conditional
    } <= texts


def test_no_template_hides_a_later_one() -> None:
    """Each template's own text, its values "X", is matched by it and not by a more general
    one listed before it ("{record} {id} does not exist" after "the folder {path} …")."""
    hidden = {}
    for template in TEMPLATES:
        sample = re.sub(r"\{\w+\}", "X", template)
        first = next(t for p, t in _patterns(TEMPLATES) if p.fullmatch(sample))
        if first != template:
            hidden[template] = first
    assert hidden == {}


def test_every_error_core_raises_shows_in_hebrew(hebrew: None) -> None:  # noqa: F811
    english = sorted(text for text in core_error_texts() if not HEBREW.search(core_text(text)))
    assert english == []


def test_values_in_core_errors_are_kept_and_isolated(hebrew: None) -> None:  # noqa: F811
    from core.errors import QueryRejected, RateLimited

    long = describe(
        QueryRejected(
            "The question is 2100 characters long; the limit is 2000.",
            remediation="Shorten the question and try again.",
        )
    )
    assert long.message == "אורך השאלה 2100 תווים; המגבלה היא 2000."
    assert long.remediation == "קצרו את השאלה ונסו שוב."
    assert describe(RateLimited("x", retry_after_s=1)).remediation == "המתינו שנייה ונסו שוב."
    assert describe(RateLimited("x", retry_after_s=7)).remediation == "המתינו 7 שניות ונסו שוב."
    # A path reads left to right inside the Hebrew sentence.
    missing = core_text("the backup folder /media/usb/backups does not exist")
    assert "\u2066/media/usb/backups\u2069" in missing and HEBREW.search(missing)
    # A named value's words are translated in turn.
    gone = core_text("session 42 does not exist")
    assert "מפגש" in gone and "session" not in gone


def test_a_locked_generator_reads_in_hebrew(hebrew: None) -> None:  # noqa: F811
    """app/policy_models.py's words (outside core, so not in the scan): the refusal and why
    the policy's generator is in use."""
    source = "in the policy file /etc/chartside/policy.toml, line 8"
    refused = core_text(
        'Choosing the generator is turned off: models.default_generator = "instruct" ' + source
    )
    why = core_text(f"locked by models.default_generator {source}")
    for text in (refused, why):
        assert HEBREW.search(text) and "/etc/chartside/policy.toml" in text, text
        assert "policy file" not in text and "locked by" not in text, text
