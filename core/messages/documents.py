"""Message ids: Attached documents."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "documents.file_empty": QT_TRANSLATE_NOOP("Core", "The file is empty."),
    "documents.file_too_large": QT_TRANSLATE_NOOP(
        "Core", "The file is {n} MB; documents are limited to 50 MB."
    ),
    "documents.split_or_rescan": QT_TRANSLATE_NOOP(
        "Core", "Split the document or scan it at a lower resolution."
    ),
    "documents.file_type_unsupported": QT_TRANSLATE_NOOP(
        "Core", "The file is not a PDF or an image (PNG, JPEG, TIFF)."
    ),
    "documents.document_no_pages": QT_TRANSLATE_NOOP("Core", "The document has no pages."),
    "documents.pdf_damaged": QT_TRANSLATE_NOOP("Core", "The PDF is damaged and cannot be read."),
    "documents.image_too_many_pixels": QT_TRANSLATE_NOOP(
        "Core", "The image is too large to read (over 89 megapixels)."
    ),
    "documents.image_damaged": QT_TRANSLATE_NOOP(
        "Core", "The image is damaged and cannot be read."
    ),
    "documents.pdf_protected_password": QT_TRANSLATE_NOOP(
        "Core", "The PDF is protected by a password."
    ),
    "documents.save_without_password": QT_TRANSLATE_NOOP(
        "Core", "Save a copy without the password and attach that."
    ),
    "documents.no_document_id": QT_TRANSLATE_NOOP("Core", "no document has that id"),
    "documents.document_no_such_page": QT_TRANSLATE_NOOP("Core", "that document has no such page"),
    "documents.choose_listed_kind": QT_TRANSLATE_NOOP("Core", "Choose one of the listed kinds."),
    "documents.title_too_long": QT_TRANSLATE_NOOP(
        "Core", "The title is longer than {n} characters."
    ),
    "documents.shorten_title": QT_TRANSLATE_NOOP("Core", "Shorten the title."),
    "documents.reading_paused": QT_TRANSLATE_NOOP(
        "Core", "Reading stopped; it resumes where it stopped."
    ),
    "documents.no_client_id": QT_TRANSLATE_NOOP("Core", "no client has that id"),
    "documents.kind_must_be_one_of": QT_TRANSLATE_NOOP("Core", "The kind must be one of: {names}."),
    "documents.text_at_most": QT_TRANSLATE_NOOP("Core", "must be text of at most {n} characters"),
    "documents.must_be_date": QT_TRANSLATE_NOOP("Core", "must be a date, YYYY-MM-DD"),
    "documents.must_be_base64": QT_TRANSLATE_NOOP("Core", "must be the file in base64"),
    "documents.sha_mismatch": QT_TRANSLATE_NOOP(
        "Core", "does not match the file (damaged in transit?)"
    ),
    "documents.file_unreadable": QT_TRANSLATE_NOOP("Core", "The file cannot be read."),
}
