"""Issue 31, point 2: the service hands out its parts, the way Anki's collection hands out
`decks` and `sched`. Each method is written once in a part's Protocol (core/api/, which
documents it) and once in the part that implements it; the facade forwards none of them.
Static: reads the source, starts no database."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path
from typing import Any

import pytest

from app.models_api import RegistryModelsPart
from core import api
from core.services.ask_ops import AskService
from core.services.backup_ops import BackupService
from core.services.config_ops import ConfigService
from core.services.dictation_ops import DictationService
from core.services.doctor import HealthService
from core.services.documents_ops import DocumentService
from core.services.key_ops import KeyService
from core.services.notes import NotesService
from core.services.search_ops import SearchService
from core.services.service import ChartsideService
from core.services.timeline_ops import TimelineService

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "core" / "services"

# ChartsideApi's property -> (the part's Protocol, the class the service hands out).
PARTS: dict[str, tuple[type, type]] = {
    "notes": (api.NotesPart, NotesService),
    "search": (api.SearchPart, SearchService),
    "assistant": (api.AssistantPart, AskService),
    "keys": (api.KeysPart, KeyService),
    "backups": (api.BackupsPart, BackupService),
    "health": (api.HealthPart, HealthService),
    # Built in `app` over the model registry (core may not import `models`), handed to the
    # service at construction (app/compose.py), and handed out by it like the others.
    "models": (api.ModelsPart, RegistryModelsPart),
    "config": (api.ConfigPart, ConfigService),
    "timeline": (api.TimelinePart, TimelineService),
    "documents": (api.DocumentsPart, DocumentService),
    "dictation": (api.DictationPart, DictationService),
}


def _members(protocol: type) -> set[str]:
    return {n for n in vars(protocol) if not n.startswith("_")}


def _class(path: Path, name: str) -> ast.ClassDef:
    tree = ast.parse(path.read_text())
    return next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == name)


def _params(fn: ast.FunctionDef) -> list[str]:
    a = fn.args
    return [p.arg for p in [*a.posonlyargs, *a.args, *a.kwonlyargs]]


def test_the_facade_protocol_names_every_part_and_repeats_none_of_their_methods() -> None:
    facade = _members(api.ChartsideApi)
    assert set(PARTS) <= facade
    for part, (protocol, _) in PARTS.items():
        shared = facade & _members(protocol) - {part}  # api.documents.documents(client)
        assert not shared, f"ChartsideApi repeats {part}'s {sorted(shared)}"


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_implements_its_protocol_with_the_same_parameters(part: str) -> None:
    protocol, concrete = PARTS[part]
    for name in sorted(_members(protocol)):
        documented = inspect.getattr_static(protocol, name)
        implemented = inspect.getattr_static(concrete, name, None)
        assert implemented is not None, f"{concrete.__name__} lacks {part}.{name}"
        if isinstance(documented, property):
            continue  # a property or a plain attribute both serve
        wanted = list(inspect.signature(documented).parameters)
        have = list(inspect.signature(implemented).parameters)
        # The implementation may take more (a keyring source for the CLI), never fewer.
        assert have[: len(wanted)] == wanted or set(wanted) <= set(have), (part, name, have)


def test_the_service_hands_out_each_part_whole() -> None:
    """The parts are the service's attributes (set in __init__), not properties that
    wrap them, and the service defines none of their methods itself."""
    init = next(
        n
        for n in _class(SERVICES / "service.py", "ChartsideService").body
        if isinstance(n, ast.FunctionDef) and n.name == "__init__"
    )
    assigned = {
        t.attr
        for node in ast.walk(init)
        if isinstance(node, ast.Assign)
        for t in node.targets
        if isinstance(t, ast.Attribute) and isinstance(t.value, ast.Name) and t.value.id == "self"
    }
    assert set(PARTS) <= assigned
    own = {n for n in vars(ChartsideService) if not n.startswith("_")}
    for part, (protocol, _) in PARTS.items():
        assert not own & _members(protocol), f"the service repeats {part}'s methods"


def _forwards_to_a_part(fn: ast.FunctionDef) -> bool:
    """The whole body (after a docstring) is `[return] self.<part>.<method>(...)`."""
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    if len(body) != 1:
        return False
    stmt = body[0]
    call: Any = stmt.value if isinstance(stmt, (ast.Return, ast.Expr)) else None
    if not isinstance(call, ast.Call) or not isinstance(call.func, ast.Attribute):
        return False
    owner = call.func.value
    return (
        isinstance(owner, ast.Attribute)
        and isinstance(owner.value, ast.Name)
        and owner.value.id == "self"
        and owner.attr in PARTS
    )


def test_no_method_of_the_service_only_forwards_to_a_part() -> None:
    cls = _class(SERVICES / "service.py", "ChartsideService")
    forwarders = [
        n.name
        for n in cls.body
        if isinstance(n, ast.FunctionDef) and not n.name.startswith("_") and _forwards_to_a_part(n)
    ]
    assert forwarders == []


def test_the_forwarder_check_sees_a_forwarder() -> None:
    """The check above is not vacuous: the old facade's `backup_now` is one."""
    old = ast.parse(
        "def backup_now(self, out, passphrase):\n    return self.backups.now(out, passphrase)\n"
    ).body[0]
    assert isinstance(old, ast.FunctionDef) and _forwards_to_a_part(old)


def test_no_part_method_signature_is_written_twice() -> None:
    """Each part method is defined with its parameters at most twice in core: once in its
    Protocol, once in the part (e.g. `def now(self, out, passphrase, ...)` of the backups,
    once written in four places as `backup_now`)."""
    classes: list[ast.stmt] = []
    parts = [*sorted(SERVICES.glob("*.py")), ROOT / "app" / "models_api.py"]
    for path in [*sorted((ROOT / "core" / "api").glob("*.py")), *parts]:
        classes += ast.parse(path.read_text()).body
    defs: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for cls in classes:
        if not isinstance(cls, ast.ClassDef):
            continue
        for fn in cls.body:
            if isinstance(fn, ast.FunctionDef):
                defs.setdefault((fn.name, tuple(_params(fn))), []).append(cls.name)
    protocols = {p.__name__ for p, _ in PARTS.values()}
    for part, (protocol, _) in PARTS.items():
        for name in _members(protocol):
            fn = inspect.getattr_static(protocol, name)
            if isinstance(fn, property):
                continue
            key = (name, tuple(inspect.signature(fn).parameters))
            # Another part may have a method of that name (assistant.status, backups.status).
            where = [c for c in defs.get(key, []) if c not in protocols - {protocol.__name__}]
            assert protocol.__name__ in where and len(where) <= 2, (part, name, where)
    assert not any(name == "backup_now" for name, _ in defs)


def test_the_window_reaches_the_models_only_through_the_service() -> None:
    """No module of ui/ builds or is handed a models part beside the service: the controller
    takes `api.models` (point 2: `models` is a part like the others)."""
    from ui.shell.app import GuiController, run_gui

    for fn in (GuiController.__init__, run_gui):
        assert "models" not in inspect.signature(fn).parameters, fn
    source = (ROOT / "ui" / "shell" / "app.py").read_text()
    assert "api.models" in source


def test_every_part_is_called_a_part() -> None:
    """One word for one idea: each Protocol the facade is made of is a `…Part`."""
    protocols = [
        name
        for name, obj in vars(api).items()
        if inspect.isclass(obj) and getattr(obj, "_is_protocol", False)
    ]
    assert "ChartsideApi" in protocols
    assert [p for p in protocols if p != "ChartsideApi" and not p.endswith("Part")] == []
    assert len([p for p in protocols if p.endswith("Part")]) >= 11
