"""Core speaks in message ids: an error, a warning or a note is a `Message`, an id and its
values; the English text is one rendering of it (`render`), for logs and the CLI, and the
window renders the same id in its own language (ui/kit/core_text.py).

A value is a number, a date, plain text (a path, a name: shown as it is) or another
`Message` (a record's kind, a reason: rendered in turn), so nothing needs to be taken back
apart from an English sentence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from string import Formatter
from types import MappingProxyType
from typing import Any, TypeAlias

from core.messages.answer import section_words
from core.messages.catalogue import ENGLISH

__all__ = ["ENGLISH", "Message", "Param", "placeholders", "render"]

Param: TypeAlias = "str | int | float | dt.date | Message"


@dataclass(frozen=True, init=False, eq=True)
class Message:
    """`Message("backup.path_already_exists", path=out)`: an id of `ENGLISH` and exactly the
    values its template names (a mismatch is a bug, caught where it is made). A value is
    kept as a number, a date, a message or text (a path or a UUID becomes its text)."""

    id: str
    params: Mapping[str, Param]

    def __init__(self, id: str, /, **params: object) -> None:
        template = ENGLISH.get(id)
        if template is None:
            raise KeyError(f"no message has the id {id!r}")
        if set(params) != placeholders(template):
            raise TypeError(f"{id}: values {sorted(params)} for {sorted(placeholders(template))}")
        object.__setattr__(self, "id", id)
        # Anything else (a path, a UUID) is kept as its text.
        kept = {
            k: v if isinstance(v, (str, int, float, dt.date, Message)) else str(v)
            for k, v in params.items()
        }
        object.__setattr__(self, "params", MappingProxyType(kept))

    def __hash__(self) -> int:
        return hash((self.id, tuple(sorted((k, str(v)) for k, v in self.params.items()))))

    def __str__(self) -> str:
        return render(self)

    def to_json(self) -> dict[str, Any]:
        """The id and its values as JSON (stored with a conversation's turns)."""
        return {"id": self.id, "params": {k: _to_json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Message:
        return cls(str(data["id"]), **{k: _from_json(v) for k, v in data["params"].items()})


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def render(message: Message) -> str:
    """The message in English."""
    return ENGLISH[message.id].format(**{k: _english(k, v) for k, v in message.params.items()})


def _english(name: str, value: Param) -> str:
    if name == "section" and isinstance(value, str):
        return section_words(value)  # a note's field key, as a clinician names it
    if isinstance(value, Message):
        return render(value)
    if isinstance(value, dt.date):
        return f"{value.day} {value:%B %Y}"  # as core spells a date elsewhere: "3 June 2008"
    return str(value)


def _to_json(value: Param) -> Any:
    if isinstance(value, Message):
        return {"message": value.to_json()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    return value


def _from_json(value: Any) -> Param:
    if isinstance(value, dict):
        found: dict[str, Any] = value  # pyright: ignore[reportUnknownVariableType]
        if "message" in found:
            return Message.from_json(found["message"])
        return dt.date.fromisoformat(str(found["date"]))
    if isinstance(value, (str, int, float)):
        return value
    raise ValueError("a message's value is text, a number, a date or a message")
