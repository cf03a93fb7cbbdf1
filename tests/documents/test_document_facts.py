"""Facts from attached documents (issue 30, point 2): the timeline extractor over each read
page. A text layer's facts join the timeline as read; a scan's wait until the clinician
confirms them, and then cite their document's page. The real database, PDFium and
tesseract; files from the project's own generator."""

from __future__ import annotations

import datetime as dt
import shutil
from typing import Any
from uuid import UUID

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from app.cli.timeline import fact_json
from bench.documents import make
from core.documents.types import AttachRequest
from core.domain import ClientData, SessionData
from core.services.service import ChartsideService

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)

LAB = [
    [
        "Laboratory report",
        "HbA1c 7.1%",
        "Glucose 142 mg/dL",
        "Potassium 4.2 mmol/L",
        "Diagnosis: type 2 diabetes",
        "Medications: metformin 500 mg twice daily",
    ]
]
DAY = dt.date(2024, 5, 6)


def _client(svc: ChartsideService) -> UUID:
    return svc.notes.create_client(ClientData(full_name="Dana Levi")).id


def _rows(svc: ChartsideService, sql: str) -> list[Any]:
    with svc.db.owner.connect() as conn:
        return list(conn.execute(text(sql)))


def _names(svc: ChartsideService, cid: UUID) -> dict[str, Any]:
    return {t.fact.name: t for t in svc.timeline.facts(cid)}


def _attach_scan(svc: ChartsideService, cid: UUID) -> UUID:
    scan = make.image_pdf([make.scan(make.text_pdf(LAB), 0, make.Degrade(dpi=200))])
    info = svc.documents.attach(AttachRequest(cid, scan, "lab", DAY, "Lab letter"))
    assert svc.documents.read_pending().from_scan == 1
    return info.id


def test_a_text_pages_facts_join_the_timeline_citing_the_page(docs: ChartsideService) -> None:
    cid = _client(docs)
    info = docs.documents.attach(AttachRequest(cid, make.text_pdf(LAB), "lab", DAY, "Lab letter"))
    docs.documents.read_pending()
    assert docs.documents.pending_facts(info.id) == []
    by_name = _names(docs, cid)
    a1c = by_name["a1c"]
    assert (a1c.fact.value, a1c.fact.unit, a1c.field, a1c.session_id) == (
        7.1,
        "%",
        "document",
        None,
    )
    assert a1c.session_date == dt.datetime(2024, 5, 6)
    assert a1c.line == "HbA1c 7.1%"
    assert a1c.document is not None
    assert (a1c.document.id, a1c.document.title, a1c.document.date, a1c.document.page) == (
        info.id, "Lab letter", DAY, 1,
    )  # fmt: skip
    assert not a1c.document.from_scan
    cited = fact_json(a1c)["document"]  # `chartside timeline` prints where it was read
    assert (cited["document_title"], cited["page"], cited["from_scan"]) == ("Lab letter", 1, False)
    assert by_name["metformin"].fact.dose == "500 mg"
    assert "type 2 diabetes" in by_name
    # An answer over time cites the document's page.
    answer = docs.timeline.answer("What was the latest A1c?", cid, dt.date(2024, 6, 1))
    assert answer is not None and not answer.refused
    assert "7.1" in answer.text
    (source,) = answer.sources
    assert source.type == "document" and source.document == a1c.document
    # At rest: ciphertext only.
    blob = b"".join(bytes(r.payload) for r in _rows(docs, "SELECT payload FROM facts"))
    for plain in (b"metformin", b"7.1", b"HbA1c", b"diabetes"):
        assert plain not in blob


def test_a_note_save_keeps_the_documents_facts_and_a_delete_takes_them(
    docs: ChartsideService,
) -> None:
    cid = _client(docs)
    info = docs.documents.attach(AttachRequest(cid, make.text_pdf(LAB), "lab", DAY))
    docs.documents.read_pending()
    # The client's own record is re-read on save; the document's facts are not its.
    docs.notes.update_client(cid, ClientData(full_name="Dana Levi", notes="Asthma since 2010."))
    docs.notes.create_session(cid, SessionData(date=dt.datetime(2024, 6, 1), objective="BP 120/80"))
    by_name = _names(docs, cid)
    assert {"a1c", "asthma", "bp_systolic"} <= set(by_name)
    docs.documents.delete(info.id)
    assert _rows(docs, "SELECT id FROM facts WHERE document_id IS NOT NULL") == []
    assert "a1c" not in _names(docs, cid) and "asthma" in _names(docs, cid)


def test_pages_read_before_get_their_facts_by_the_backfill(docs: ChartsideService) -> None:
    cid = _client(docs)
    docs.documents.attach(AttachRequest(cid, make.text_pdf(LAB), "lab", DAY))
    docs.documents.read_pending()
    # As a page read by the build before this one: read, without facts.
    with docs.db.owner.begin() as conn:
        conn.execute(text("DELETE FROM facts WHERE document_id IS NOT NULL"))
        conn.execute(text("UPDATE document_pages SET facts_version = NULL"))
    assert _rows(docs, "SELECT id FROM facts WHERE document_id IS NOT NULL") == []
    assert _names(docs, cid).get("a1c") is not None  # read on the way to the timeline
    assert _rows(docs, "SELECT facts_version FROM document_pages")[0].facts_version is not None


def test_a_fact_belongs_to_a_visit_or_a_page_never_both(docs: ChartsideService) -> None:
    cid = _client(docs)
    docs.notes.create_session(cid, SessionData(date=dt.datetime(2024, 6, 1), objective="BP 120/80"))
    info = docs.documents.attach(AttachRequest(cid, make.text_pdf(LAB), "lab", DAY))
    docs.documents.read_pending()
    assert "bp_systolic" in _names(docs, cid)  # the visit's facts are written
    with pytest.raises(IntegrityError, match="ck_facts_owner"), docs.db.owner.begin() as conn:
        conn.execute(
            text("UPDATE facts SET document_id = :d, page = 1 WHERE session_id IS NOT NULL"),
            {"d": info.id},
        )
    with pytest.raises(IntegrityError, match="ck_facts_review"), docs.db.owner.begin() as conn:
        conn.execute(text("UPDATE facts SET review = 'pending' WHERE session_id IS NOT NULL"))


@needs_tesseract
def test_a_scans_facts_wait_for_the_clinicians_confirmation(docs: ChartsideService) -> None:
    cid = _client(docs)
    doc_id = _attach_scan(docs, cid)
    # Read, but not in the timeline: not in its facts, and no answer is built on them.
    assert not {"a1c", "glucose", "metformin"} & set(_names(docs, cid))
    answer = docs.timeline.answer("What was the latest A1c?", cid, dt.date(2024, 6, 1))
    assert answer is not None and answer.refused
    pending = {t.fact.name: t for t in docs.documents.pending_facts(doc_id)}
    assert {"a1c", "glucose", "metformin", "type 2 diabetes"} <= set(pending)
    a1c = pending["a1c"]
    assert a1c.fact.value == 7.1 and a1c.line == "HbA1c 7.1%"
    assert a1c.document is not None and a1c.document.from_scan and a1c.document.page == 1

    assert docs.documents.confirm_facts(doc_id, 1, [a1c.id, pending["metformin"].id]) == 2
    assert docs.documents.reject_facts(doc_id, 1, [pending["glucose"].id]) == 1
    assert docs.documents.confirm_facts(doc_id, 1, [a1c.id]) == 0  # not pending any more
    by_name = _names(docs, cid)
    assert by_name["a1c"].fact.value == 7.1 and by_name["a1c"].document == a1c.document
    assert "metformin" in by_name and "glucose" not in by_name
    left = {t.fact.name for t in docs.documents.pending_facts(doc_id)}
    assert "type 2 diabetes" in left and not {"a1c", "glucose", "metformin"} & left
    answer = docs.timeline.answer("What was the latest A1c?", cid, dt.date(2024, 6, 1))
    assert answer is not None and not answer.refused and "7.1" in answer.text
    assert answer.sources[0].type == "document"
    actions = [e["action"] for e in docs.health.audit_export()]
    assert "document.facts.confirm" in actions and "document.facts.reject" in actions

    # A newer extractor re-reads the page: each verdict stays with the fact it was on.
    with docs.db.owner.begin() as conn:
        conn.execute(text("UPDATE document_pages SET facts_version = NULL"))
    by_name = _names(docs, cid)
    assert "a1c" in by_name and "glucose" not in by_name
    left = {t.fact.name for t in docs.documents.pending_facts(doc_id)}
    assert "type 2 diabetes" in left and "glucose" not in left
