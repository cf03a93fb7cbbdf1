"""Message ids: Records: drafts, clients, sessions."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "records.must_be_one_of": QT_TRANSLATE_NOOP("Core", "must be one of {name}"),
    "records.must_map_fields_to_text": QT_TRANSLATE_NOOP("Core", "must map field names to text"),
    "records.too_long_keep_draft": QT_TRANSLATE_NOOP("Core", "is too long to keep as a draft"),
    "records.does_not_exist": QT_TRANSLATE_NOOP("Core", "{record} {id} does not exist"),
    "records.already_used": QT_TRANSLATE_NOOP("Core", "is already used by another {record}"),
    "records.practitioner": QT_TRANSLATE_NOOP("Core", "practitioner"),
    "records.client": QT_TRANSLATE_NOOP("Core", "client"),
    "records.session": QT_TRANSLATE_NOOP("Core", "session"),
    "records.line_column": QT_TRANSLATE_NOOP("Core", "line {n} column {count}"),
    "records.nesting_too_deep": QT_TRANSLATE_NOOP("Core", "nesting too deep"),
    "records.encoding": QT_TRANSLATE_NOOP("Core", "encoding"),
    "records.number_too_long": QT_TRANSLATE_NOOP("Core", "a number too long"),
    "records.not_utf8_json": QT_TRANSLATE_NOOP("Core", "is not valid UTF-8 JSON ({where})"),
    "records.must_name_format": QT_TRANSLATE_NOOP(
        "Core", 'must be an object with "format": "{name}"'
    ),
    "records.must_be_list": QT_TRANSLATE_NOOP("Core", "must be a list"),
    "records.must_be_object": QT_TRANSLATE_NOOP("Core", "must be an object"),
    "records.appears_twice": QT_TRANSLATE_NOOP("Core", "appears twice in the file"),
    "records.unknown_field": QT_TRANSLATE_NOOP("Core", "is not a known field"),
}
