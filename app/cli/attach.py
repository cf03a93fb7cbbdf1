"""`chartside attach` and `chartside documents`: a PDF or an image attached to a
client, stored encrypted, then read page by page (its text layer, or OCR for a scan).

Reading commits each page as it goes: stopped by Ctrl-C or killed, a later `attach` or
`documents --read` goes on from the first page not read."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.documents.types import (
    KINDS,
    MAX_BYTES,
    AttachRequest,
    DocumentInfo,
    DocumentRejected,
    ReadReport,
)
from core.errors import ValidationError


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date as YYYY-MM-DD") from None


def _attach_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help="a PDF, or a PNG, JPEG or TIFF image (at most 50 MB)")
    p.add_argument("--client", required=True, help="external id (or internal id) of the client")
    p.add_argument("--kind", choices=KINDS, default="other", help="what the document is")
    p.add_argument("--date", type=_date, help="the document's date, YYYY-MM-DD")
    p.add_argument("--title", default="", help="a title (default: the file's name)")
    p.add_argument(
        "--no-read",
        action="store_true",
        help="store it only; `chartside documents --read` reads it later",
    )
    p.add_argument(
        "--anyway",
        action="store_true",
        help="attach it even when it names another patient (a name or a date of birth that "
        "is not the client's)",
    )


def info_json(d: DocumentInfo) -> dict[str, Any]:
    return {
        "document_id": str(d.id),
        "document_title": d.title,
        "document_date": d.date.isoformat() if d.date else None,
        "kind": d.kind,
        "media_type": d.media_type,
        "bytes": d.size_bytes,
        "pages": d.page_count,
        "pages_read": d.pages_read,
        "pages_from_scan": d.pages_from_scan,
    }


def report_json(r: ReadReport) -> dict[str, Any]:
    return {
        "pages_read": r.pages_read,
        "from_text": r.from_text,
        "from_scan": r.from_scan,
        "waiting_for_ocr": r.waiting,
        "install": r.ocr_missing,
    }


def _report_line(r: ReadReport) -> str:
    line = f"read {r.pages_read} page(s): {r.from_text} from text, {r.from_scan} by OCR"
    if r.from_scan:
        line += " (numbers from a scan: check against the original)"
    if r.waiting:
        line += f"; {r.waiting} scanned page(s) wait for OCR. Install it with: {r.ocr_missing}"
    return line


def _read_file(path: Path) -> bytes:
    """The whole file, refused before it is read when too large."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ValidationError("no such file", field="FILE") from None
    if size > MAX_BYTES:
        raise DocumentRejected(
            f"The file is {size / 1024 / 1024:.0f} MB; documents are limited to 50 MB.",
            remediation="Split the document or scan it at a lower resolution.",
        )
    return path.read_bytes()


@command(
    "attach",
    "attach a PDF or an image to a client, stored encrypted, and read its pages",
    _attach_arguments,
    description="Checks the whole file first (a PDF without a password, or a PNG, JPEG or "
    "TIFF image, under 50 MB, with at least one page) and whom it names: a document that "
    "names another patient is refused unless --anyway is given. Stores it encrypted with its kind, "
    "date and title, then reads each page: its text layer, or tesseract OCR for a scan. "
    "Numbers read by OCR are marked as such. Prints the document (JSON with --json).",
)
def run_attach(ctx: Context) -> int:
    a = ctx.args
    data = _read_file(a.file)
    ctx.unlock()
    client_id = ctx.svc.notes.resolve_client(a.client)
    request = AttachRequest(client_id, data, a.kind, a.date, a.title, filename=a.file.name)
    if not a.anyway and ctx.svc.documents.stranger_in(request) is not None:
        # As the window asks before it stores. The names stay out of the message: it may
        # end up in a script's log.
        raise DocumentRejected(
            "The document names another patient (a name or a date of birth that is not "
            "this client's); nothing was stored.",
            remediation="Check that it is this client's, then attach it with --anyway.",
        )
    info = ctx.svc.documents.attach(request)
    report = None if a.no_read else ctx.svc.documents.read_pending(ctx.progress, None, info.id)
    if report is not None:
        info = ctx.svc.documents.document(info.id)
    payload = {**info_json(info), "read": report_json(report) if report else None}
    human = f"attached {info.id} ({info.page_count} page(s), {info.kind})"
    ctx.emit(payload, human + (f"; {_report_line(report)}" if report else ""))
    return EXIT_OK


def _documents_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--client", help="external id (or internal id) of the client to list")
    p.add_argument(
        "--read",
        action="store_true",
        help="read every page not read yet (after a cancel, a crash, or installing OCR)",
    )


@command(
    "documents",
    "list a client's documents, or read the pages still unread",
    _documents_arguments,
)
def run_documents(ctx: Context) -> int:
    a = ctx.args
    if a.client is None and not a.read:
        raise ValidationError("give --client to list, or --read", field="documents")
    ctx.unlock()
    report = ctx.svc.documents.read_pending(ctx.progress) if a.read else None
    listed = (
        [info_json(d) for d in ctx.svc.documents.documents(ctx.svc.notes.resolve_client(a.client))]
        if a.client is not None
        else None
    )
    payload = {"documents": listed, "read": report_json(report) if report else None}
    lines = [
        f"{d['document_id']}  {d['document_date'] or '-'}  {d['kind']:<8} "
        f"{d['pages_read']}/{d['pages']} pages  {d['document_title']}"
        for d in listed or []
    ]
    if report is not None:
        lines.append(_report_line(report))
    ctx.emit(payload, "\n".join(lines))
    return EXIT_OK
