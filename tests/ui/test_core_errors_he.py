"""Issue 14 and issue 31, point 3: core speaks in message ids, and every one reads in Hebrew.

An error core raises carries a `Message` (an id of `core.messages.ENGLISH` and its values),
never English text: this test reads the source with `ast` for every error it builds (a
subclass of `ChartsideError`, wherever it is defined, and the functions that build one from
their argument) and finds no string or f-string given as a message or a remediation. The
same holds for models/ and app/, whose errors reach the window too (an answer that fails, a
page tesseract cannot read, a model file that cannot be added), except the CLI's (app/cli/:
English for the terminal) and the few in `ENGLISH_KEPT`, which no user meets. The
window renders each id from the Hebrew catalogue (`ui.kit.core_text.core_message`): every
id has a finished translation there that keeps the template's placeholders.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from source_scan import HEBREW, called_name
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

import core.errors
from core.errors import NotFound, QueryRejected, RateLimited
from core.messages import ENGLISH, Message, placeholders
from ui.kit.bidi import strip_isolates
from ui.kit.core_text import core_message
from ui.kit.errors import describe

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "i18n" / "chartside_he.ts"
# Where errors that reach the window are raised: core, the model runtimes, the composition.
SCANNED = ("core", "models", "app")
CLI = ROOT / "app" / "cli"  # the terminal's errors, in English
# English that no user meets, by file and the start of its text: models/ checking its own
# callers (a bug in Chartside, not something a clinician can act on).
ENGLISH_KEPT = {
    ("models/generator.py", "Give a JSON schema or a grammar"),
    ("models/prompting.py", "message "),
    ("models/prompting.py", "The output grammar is invalid"),
}


def _trees() -> dict[Path, ast.Module]:
    return {
        p: ast.parse(p.read_text(encoding="utf-8"))
        for folder in SCANNED
        for p in sorted((ROOT / folder).rglob("*.py"))
        if not p.is_relative_to(CLI)
    }


def _kept(where: Path, text: ast.expr) -> bool:
    start = text.value if isinstance(text, ast.Constant) else ast.unparse(text)[2:]
    return any(
        where.as_posix() == path and str(start).startswith(prefix) for path, prefix in ENGLISH_KEPT
    )


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


def _english(node: ast.expr) -> Iterator[ast.expr]:
    """Text written in place: a string, an f-string, or one inside a conditional, an `or`
    or a concatenation."""
    if isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value
    ):
        yield node
    elif isinstance(node, ast.IfExp):
        yield from _english(node.body)
        yield from _english(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from _english(value)
    elif isinstance(node, ast.BinOp):
        yield from _english(node.left)
        yield from _english(node.right)


def english_in_core_errors() -> list[str]:
    """Every place core, models/ or app/ gives an error English text instead of a message
    id, but for `ENGLISH_KEPT`."""
    trees = _trees()
    errors = _error_classes(trees)
    wrappers = _wrappers(trees, errors)
    found = []
    for path, tree in trees.items():
        where = path.relative_to(ROOT)
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef) and node.name in errors:
                for statement in node.body:  # a class-level `remediation = "…"`
                    if isinstance(statement, ast.Assign) and any(
                        called_name(t) == "remediation" for t in statement.targets
                    ):
                        found.append(f"{where}:{statement.lineno} {node.name}.remediation")
            if not isinstance(node, ast.Call):
                continue
            called = called_name(node.func)
            position = 0 if called in errors else wrappers.get(called)
            if position is None:
                continue
            given = [node.args[position]] if len(node.args) > position else []
            given += [k.value for k in node.keywords if k.arg in {"message", "remediation"}]
            for value in given:
                found += [
                    f"{where}:{text.lineno} {called}"
                    for text in _english(value)
                    if not _kept(where, text)
                ]
    return found


def test_the_scan_sees_english_where_it_is_written() -> None:
    """The scan itself: it finds each way English was given before ids."""
    tree = ast.parse(
        "class E(ChartsideError):\n    remediation = 'Do this.'\n"
        "raise NotFound('gone')\n"
        "raise QueryRejected(f'{n} long', remediation='Shorten it.')\n"
        "raise ModelError(missing or 'No model.')\n"
        "raise NotFound(Message('records.client'))\n"
    )
    errors = _error_classes({}) | {"E"}
    texts = [
        text.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and called_name(node.func) in errors
        for value in [*node.args, *(k.value for k in node.keywords)]
        for text in _english(value)
    ]
    assert texts == [3, 4, 4, 5]


def test_every_error_core_raises_speaks_in_message_ids() -> None:
    assert english_in_core_errors() == []


def _catalogue() -> dict[str, tuple[str, str | None]]:
    """The Hebrew catalogue's Core context: English source -> (translation, its type)."""
    out = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Core":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out[message.findtext("source", "")] = (translation.text or "", translation.get("type"))
    return out


def test_every_message_id_has_a_finished_hebrew_translation() -> None:
    catalogue = _catalogue()
    problems = []
    for ident, template in sorted(ENGLISH.items()):
        hebrew_text, kind = catalogue.get(template, ("", "missing"))
        if kind is not None or not hebrew_text.strip():
            problems.append(f"{ident}: {kind or 'empty'}")
        elif placeholders(hebrew_text) != placeholders(template):
            problems.append(f"{ident}: other placeholders in {hebrew_text!r}")
        elif (
            not HEBREW.search(hebrew_text)
            and template.strip("{}") not in ENGLISH
            # A template of values and marks alone ("- {place}: “{quote}” [{n}]") has no
            # words of its own to translate.
            and re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", template))
        ):
            problems.append(f"{ident}: no Hebrew in {hebrew_text!r}")
    assert problems == []


def test_values_in_core_errors_are_kept_and_isolated(hebrew: None) -> None:  # noqa: F811
    long = describe(
        QueryRejected(
            Message("ask.question_too_long", n=2100, limit=2000),
            remediation=Message("ask.shorten_question"),
        )
    )
    assert long.message == "אורך השאלה 2100 תווים; המגבלה היא 2000."
    assert long.remediation == "קצרו את השאלה ונסו שוב."
    busy = Message("ask.rate_limit_per_minute", n=5)
    assert describe(RateLimited(busy, retry_after_s=1)).remediation == "המתינו שנייה ונסו שוב."
    assert describe(RateLimited(busy, retry_after_s=7)).remediation == "המתינו 7 שניות ונסו שוב."
    # A path reads left to right inside the Hebrew sentence.
    missing = core_message(Message("backup.backup_folder_missing", path="/media/usb/b"))
    assert "\u2066/media/usb/b\u2069" in missing and HEBREW.search(missing)
    # A value that is a message in turn is rendered in Hebrew too.
    gone = describe(
        NotFound(Message("records.does_not_exist", record=Message("records.session"), id=42))
    )
    assert "מפגש" in gone.message and "42" in gone.message and "session" not in gone.message


def test_a_locked_generator_reads_in_hebrew(hebrew: None) -> None:  # noqa: F811
    """app/policy_models.py's refusal: where the policy sets the generator, as ids."""
    source = Message("settings.in_policy_file", path="/etc/chartside/policy.toml", n=8)
    refused = core_message(
        Message(
            "settings.turned_off_value",
            action=Message("settings.choosing_the_generator"),
            setting="models.default_generator",
            value="instruct",
            source=source,
        )
    )
    why = core_message(
        Message("settings.locked_by", setting="models.default_generator", source=source)
    )
    for text in (refused, why):
        assert HEBREW.search(text) and "/etc/chartside/policy.toml" in text, text
        assert "policy file" not in text and "locked by" not in text, text


def test_a_models_error_reads_in_hebrew(hebrew: None, tmp_path: Path) -> None:  # noqa: F811
    """models/ raises with ids too: the real registry's refusals (no model of a kind, a
    path that holds none), message and remediation, read in Hebrew."""
    from models.errors import ModelNotFound
    from models.registry import ModelRegistry

    registry = ModelRegistry(tmp_path / "models")
    with pytest.raises(ModelNotFound) as none:
        registry.resolve("generator")
    shown = describe(none.value)
    assert shown.message == "לא נרשם מחולל."
    assert strip_isolates(shown.remediation) == "הריצו `chartside models use-generator PATH`."
    with pytest.raises(ModelNotFound) as nowhere:
        registry.register("generator", tmp_path / "nothing-here.gguf")
    shown = describe(nowhere.value)
    assert HEBREW.search(shown.message) and "nothing-here.gguf" in shown.message
    assert HEBREW.search(shown.remediation) and "Reinstall" not in shown.remediation


def test_the_scan_reads_the_runtimes_and_the_composition_but_not_the_cli() -> None:
    scanned = {p.relative_to(ROOT).as_posix() for p in _trees()}
    assert {"core/errors.py", "models/ocr.py", "models/packaged.py", "app/models_api.py"} <= (
        scanned
    )
    assert not any(path.startswith("app/cli/") for path in scanned)
    # Each kept English is still there: the list cannot grow stale and hide a new one.
    trees = _trees()
    for path, prefix in ENGLISH_KEPT:
        texts = [
            text
            for node in ast.walk(trees[ROOT / path])
            if isinstance(node, ast.Call)
            for value in [*node.args, *(k.value for k in node.keywords)]
            for text in _english(value)
        ]
        assert any(_kept(Path(path), text) for text in texts), (path, prefix)


def test_a_runtime_error_reads_in_hebrew(hebrew: None, tmp_path: Path) -> None:  # noqa: F811
    """models/' own errors as the window meets them: a file that is not a GGUF model (the
    models screen's "add"), a model kind the models part does not know, tesseract failing
    on a page (a scanned document), each a message id rendered in Hebrew."""
    from app.models_api import RegistryModelsPart
    from core.errors import ChartsideError
    from models.errors import ModelError, ModelLoadError
    from models.gguf import read_gguf
    from models.ocr import OcrFailed
    from tests.conftest import make_settings

    bogus = tmp_path / "notes-not-a-model.gguf"
    bogus.write_bytes(b"plain text, not a model")
    with pytest.raises(ModelLoadError) as loading:
        read_gguf(bogus)
    assert loading.value.msg is not None and loading.value.msg.id == "runtime.not_a_gguf_file"
    shown = describe(loading.value)
    assert HEBREW.search(shown.message) and "notes-not-a-model.gguf" in shown.message
    assert "not a readable" not in shown.message

    models = RegistryModelsPart(make_settings(tmp_path / "data"))
    with pytest.raises(ModelError) as kind:
        models.use_model("tokenizer", "/nowhere")
    shown = describe(kind.value)
    assert HEBREW.search(shown.message) and "tokenizer" in shown.message, shown.message
    assert "Unknown model kind" not in shown.message

    failed: ChartsideError = OcrFailed(Message("runtime.tesseract_failed", n=2))
    shown = describe(failed)
    assert HEBREW.search(shown.message) and "2" in shown.message
    assert HEBREW.search(shown.remediation) and "tesseract --version" in shown.remediation
