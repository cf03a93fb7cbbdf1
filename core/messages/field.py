"""Message ids: Why a field's value does not fit (core/validation.py)."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "field.must_text_not": QT_TRANSLATE_NOOP("Core", "must be text, not {name}"),
    "field.contains_nul_character": QT_TRANSLATE_NOOP("Core", "contains a NUL character"),
    "field.too_long_characters_limit": QT_TRANSLATE_NOOP(
        "Core", "is too long ({n} characters; the limit is {limit})"
    ),
    "field.required": QT_TRANSLATE_NOOP("Core", "is required"),
    "field.may_hold_only_letters_digits": QT_TRANSLATE_NOOP(
        "Core", "may hold only letters, digits and . _ : / - and must start with a letter or digit"
    ),
    "field.must_date": QT_TRANSLATE_NOOP("Core", "must be a date"),
    "field.outside_plausible_range_1900_today": QT_TRANSLATE_NOOP(
        "Core", "is outside the plausible range (1900 to today)"
    ),
    "field.must_date_time": QT_TRANSLATE_NOOP("Core", "must be a date-time"),
    "field.must_local_time_without_time": QT_TRANSLATE_NOOP(
        "Core", "must be a local time without a time-zone offset"
    ),
    "field.outside_plausible_range": QT_TRANSLATE_NOOP("Core", "is outside the plausible range"),
    "field.contains_unpaired_surrogate_invalid_unicode": QT_TRANSLATE_NOOP(
        "Core", "contains an unpaired surrogate (invalid Unicode)"
    ),
    "field.not_real_date_yyyy_mm": QT_TRANSLATE_NOOP(
        "Core", "is not a real date in YYYY-MM-DD form"
    ),
    "field.not_real_date_time_yyyy": QT_TRANSLATE_NOOP(
        "Core", "is not a real date-time in YYYY-MM-DDTHH:MM:SS form"
    ),
}
