"""Drafts: what a practitioner typed and has not saved, kept encrypted in the database.

A draft is the editor's form as typed (not validated: half a date is still worth keeping),
one per (practitioner, editor). It is written while the keys are in memory, so auto-lock,
a crash or a logout loses at most the last few seconds of typing, never the note.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from core.errors import ValidationError
from core.messages import Message
from core.validation import MAX_NOTE_CHARS

DRAFT_KINDS = ("client", "session")
# A form holds at most a few note fields; anything larger is not a form.
MAX_DRAFT_CHARS = 8 * MAX_NOTE_CHARS


@dataclass(frozen=True)
class Draft:
    """`kind` names the editor; `client_id`/`session_id` say which record it edits (None:
    a new one); `values` are the form's fields by name, as text."""

    kind: str
    client_id: UUID | None
    session_id: UUID | None
    values: dict[str, str] = field(default_factory=dict[str, str])
    saved_at: dt.datetime | None = None

    def checked(self) -> Draft:
        if self.kind not in DRAFT_KINDS:
            raise ValidationError(
                Message("records.must_be_one_of", name=", ".join(DRAFT_KINDS)), field="kind"
            )
        # Values come back from decrypted JSON and from the GUI: check what they really are.
        if not _all_text(self.values.items()):
            raise ValidationError(Message("records.must_map_fields_to_text"), field="values")
        if sum(len(v) for v in self.values.values()) > MAX_DRAFT_CHARS:
            raise ValidationError(Message("records.too_long_keep_draft"), field="values")
        return self


def _all_text(pairs: Iterable[tuple[object, object]]) -> bool:
    return all(isinstance(k, str) and isinstance(v, str) for k, v in pairs)
