"""What a pane asks before it leaves a form or saves one: the `SaveGate` it is given.

The panes see only this Protocol; the window hands them `ui.notes.unsaved.UnsavedChanges`,
and the pane tests a gate of their own (tests/ui/test_panes.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from ui.notes.editors import ClientEditor, SessionEditor

Editor = ClientEditor | SessionEditor
SaveCall = tuple[Callable[..., Any], tuple[object, ...]]


class SaveGate(Protocol):
    """What a pane asks before it leaves a form or saves one."""

    def resolve_unsaved(self, editors: tuple[Editor, ...] | None = None) -> bool: ...

    def save_call(self, editor: Editor) -> SaveCall | None: ...

    def submit_save(self, editor: Editor, call: SaveCall, **callbacks: Any) -> None: ...
