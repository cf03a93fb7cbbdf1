"""Message ids: Why a field's value does not fit (core/validation.py)."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "field.must_be_text": QT_TRANSLATE_NOOP("Core", "must be text, not {name}"),
    "field.contains_nul_character": QT_TRANSLATE_NOOP("Core", "contains a NUL character"),
    "field.too_long": QT_TRANSLATE_NOOP(
        "Core", "is too long ({n} characters; the limit is {limit})"
    ),
    "field.required": QT_TRANSLATE_NOOP("Core", "is required"),
    "field.invalid_identifier": QT_TRANSLATE_NOOP(
        "Core", "may hold only letters, digits and . _ : / - and must start with a letter or digit"
    ),
    "field.must_be_date": QT_TRANSLATE_NOOP("Core", "must be a date"),
    "field.date_out_of_range": QT_TRANSLATE_NOOP(
        "Core", "is outside the plausible range (1900 to today)"
    ),
    "field.must_be_date_time": QT_TRANSLATE_NOOP("Core", "must be a date-time"),
    "field.must_be_local_time": QT_TRANSLATE_NOOP(
        "Core", "must be a local time without a time-zone offset"
    ),
    "field.out_of_range": QT_TRANSLATE_NOOP("Core", "is outside the plausible range"),
    "field.unpaired_surrogate": QT_TRANSLATE_NOOP(
        "Core", "contains an unpaired surrogate (invalid Unicode)"
    ),
    "field.not_a_real_date": QT_TRANSLATE_NOOP("Core", "is not a real date in YYYY-MM-DD form"),
    "field.not_a_real_date_time": QT_TRANSLATE_NOOP(
        "Core", "is not a real date-time in YYYY-MM-DDTHH:MM:SS form"
    ),
}
