"""The documents' words on screen: kinds, read state, where a page is, and the caution a
number read by OCR carries wherever it is shown."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from core.documents.types import KINDS, DocumentInfo, DocumentKind, Stranger
from core.retrieval.types import DocumentRef
from ui.kit.bidi import DATE, isolate, ltr

_NUMBER = re.compile(r"\d")


def kind_label(kind: DocumentKind) -> str:
    # Each call a literal, for pyside6-lupdate.
    labels = {
        "referral": QCoreApplication.translate("Documents", "Referral"),
        "lab": QCoreApplication.translate("Documents", "Lab result"),
        "imaging": QCoreApplication.translate("Documents", "Imaging"),
        "letter": QCoreApplication.translate("Documents", "Letter"),
        "other": QCoreApplication.translate("Documents", "Other"),
    }
    return labels.get(kind, kind)


def kind_choices() -> list[tuple[DocumentKind, str]]:
    return [(k, kind_label(k)) for k in KINDS]


def stranger_text(stranger: Stranger) -> str:
    """Whom a document names instead of the client, in the window's language."""
    who = [isolate(name) for name in stranger.names]
    who += [
        QCoreApplication.translate("Documents", "born {date}").format(date=ltr(born.strftime(DATE)))
        for born in stranger.births
    ]
    return QCoreApplication.translate(
        "Documents", "This document names {who}, not this client."
    ).format(who=", ".join(who))


def scan_caution() -> str:
    """core's SCAN_CAUTION, in the window's language."""
    return QCoreApplication.translate("Documents", "from a scan — check against the original")


def read_state(info: DocumentInfo) -> str:
    if info.read:
        if info.pages_from_scan:
            return QCoreApplication.translate("Documents", "Read (scan)")
        return QCoreApplication.translate("Documents", "Read")
    if info.pages_read:
        return QCoreApplication.translate("Documents", "Reading: {read} of {pages}").format(
            read=info.pages_read, pages=info.page_count
        )
    return QCoreApplication.translate("Documents", "Waiting to be read")


def document_place(ref: DocumentRef) -> str:
    """Where a document source is: “Referral · 2024-03-02 · page 2”."""
    if ref.date is not None:
        return QCoreApplication.translate("Documents", "{title} · {date} · page {page}").format(
            title=ref.title, date=ltr(ref.date.strftime(DATE)), page=ref.page
        )
    return QCoreApplication.translate("Documents", "{title} · page {page}").format(
        title=ref.title, page=ref.page
    )


def with_caution(text: str, from_scan: bool) -> str:
    """`text` with the scan caution after it when it holds a number read by OCR."""
    if not from_scan or not _NUMBER.search(text):
        return text
    return QCoreApplication.translate("Documents", "{text} ({caution})").format(
        text=text, caution=scan_caution()
    )
