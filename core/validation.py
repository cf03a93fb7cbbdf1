"""Input checks shared by the editors, the repositories and the importer.

Errors name the field and the record, never the offending content.
"""

from __future__ import annotations

import datetime as dt
import re

from core.errors import ValidationError
from core.messages import Message

MAX_NAME_CHARS = 200
MAX_EXTERNAL_ID_CHARS = 128
# One MiB of text per note field: far beyond any real note, small enough to encrypt in one go.
MAX_NOTE_CHARS = 1024 * 1024
MIN_DATE = dt.date(1900, 1, 1)
_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/-]*$")


def text(
    value: object,
    *,
    field: str,
    record: str | None = None,
    max_chars: int = MAX_NOTE_CHARS,
    required: bool = False,
) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(
            Message("field.must_be_text", name=type(value).__name__), field=field, record=record
        )
    if "\x00" in value:
        raise ValidationError(Message("field.contains_nul_character"), field=field, record=record)
    try:
        if not value.isascii():  # ASCII cannot hold a surrogate; skip the copy
            value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(
            Message("field.unpaired_surrogate"), field=field, record=record
        ) from None
    if len(value) > max_chars:
        raise ValidationError(
            Message("field.too_long", n=len(value), limit=max_chars),
            field=field,
            record=record,
        )
    if required and not value.strip():
        raise ValidationError(Message("field.required"), field=field, record=record)
    return value


def external_id(value: object, *, field: str = "external_id", record: str | None = None) -> str:
    s = text(value, field=field, record=record, max_chars=MAX_EXTERNAL_ID_CHARS, required=True)
    if not _EXTERNAL_ID.fullmatch(s):  # `$` alone would let a trailing newline in
        raise ValidationError(
            Message("field.invalid_identifier"),
            field=field,
            record=record,
        )
    return s


def date_of_birth(
    value: object,
    *,
    field: str = "date_of_birth",
    record: str | None = None,
    today: dt.date | None = None,
) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                Message("field.not_a_real_date"), field=field, record=record
            ) from None
    if not isinstance(value, dt.date):
        raise ValidationError(Message("field.must_be_date"), field=field, record=record)
    if value < MIN_DATE or value > (today or dt.date.today()):
        raise ValidationError(Message("field.date_out_of_range"), field=field, record=record)
    return value


def session_date(value: object, *, field: str = "date", record: str | None = None) -> dt.datetime:
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            raise ValidationError(
                Message("field.not_a_real_date_time"), field=field, record=record
            ) from None
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    if not isinstance(value, dt.datetime):
        raise ValidationError(Message("field.must_be_date_time"), field=field, record=record)
    if value.tzinfo is not None:
        # Sessions are local wall-clock times; an offset would not survive a round trip.
        raise ValidationError(Message("field.must_be_local_time"), field=field, record=record)
    if value.date() < MIN_DATE or value.year > 2200:
        raise ValidationError(Message("field.out_of_range"), field=field, record=record)
    return value
