"""Documents searched and cited with the notes (issue 30, point 3), and `chartside attach`
(point 1): the real embedder, the real database, the real tesseract and the console
entry point."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest

from app.compose import migrations_dir
from bench.documents import make
from core.assistant.types import AskRequest
from core.documents.types import AttachRequest
from core.domain import ClientData, SessionData
from core.retrieval.types import SearchQuery
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from models.ocr import TesseractOcr
from tests.cli.test_cli import cli, ok
from tests.conftest import PASSPHRASE, make_settings

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)

REFERRAL = [
    [
        "Referral to the pain clinic",
        "Dear colleague, I am referring this patient for assessment.",
        "She has had chronic lower back pain radiating to the left leg since 2019.",
    ],
    [
        "Current medication: naproxen 500 mg twice daily with meals.",
        "An MRI of the lumbar spine showed a disc protrusion at L4-L5.",
    ],
]
LAB = [
    [
        "Laboratory report - basic metabolic panel",
        "Potassium 4.2 mmol/L (reference 3.5 - 5.1)",
        "Sodium 139 mmol/L (reference 135 - 145)",
        "Creatinine 0.9 mg/dL (reference 0.6 - 1.2)",
    ]
]


@pytest.fixture
def searchable(tmp_path: Path, embedder: SentenceTransformerEmbedder) -> Iterator[ChartsideService]:
    svc = ChartsideService(
        make_settings(tmp_path / "data"), migrations_dir(), embedder=embedder, ocr=TesseractOcr()
    )
    svc.initialise(PASSPHRASE)
    yield svc
    svc.close()


def _chart(svc: ChartsideService) -> tuple[UUID, UUID]:
    dana = svc.notes.create_client(ClientData(full_name="Dana Levi", external_id="c-1"))
    noa = svc.notes.create_client(ClientData(full_name="Noa Katz", external_id="c-2"))
    for cid in (dana.id, noa.id):
        svc.notes.create_session(
            cid,
            SessionData(
                date=dt.datetime(2024, 2, 1, 9),
                subjective="Sleeping poorly; low mood for two weeks.",
                plan="Sleep hygiene. Review in a month.",
            ),
        )
    return dana.id, noa.id


@needs_tesseract
def test_document_pages_are_searched_with_the_notes_and_cited_to_the_page(
    searchable: ChartsideService,
) -> None:
    svc = searchable
    dana, noa = _chart(svc)
    referral = svc.documents.attach(
        AttachRequest(dana, make.text_pdf(REFERRAL), "referral", dt.date(2024, 3, 2), "Pain clinic")
    )
    scan = make.image_pdf([make.scan(make.text_pdf(LAB), 0, make.Degrade(dpi=200, rotate=0.8))])
    lab = svc.documents.attach(AttachRequest(dana, scan, "lab", dt.date(2024, 3, 9), "Lab panel"))
    assert svc.documents.read_pending().pages_read == 3
    assert svc.search.index_now().complete

    hits = svc.search.query(SearchQuery("naproxen dose", client_id=dana, k=5)).hits
    top = hits[0]
    assert top.type == "document" and top.document is not None
    assert (top.document.id, top.document.page, top.document.title) == (
        referral.id,
        2,
        "Pain clinic",
    )
    out = top.to_json()
    assert out["document_id"] == str(referral.id)
    assert (out["document_title"], out["document_date"], out["page"]) == (
        "Pain clinic",
        "2024-03-02",
        2,
    )
    assert out["from_scan"] is False and "caution" not in out

    lab_hit = next(
        h
        for h in svc.search.query(SearchQuery("potassium", client_id=dana, k=5)).hits
        if h.document
    )
    assert lab_hit.document is not None and lab_hit.document.id == lab.id
    assert (
        lab_hit.to_json()["caution"] == "Numbers here are from a scan — check against the original."
    )

    # Scoped to the client: another client's search never sees these pages.
    other = svc.search.query(SearchQuery("naproxen potassium MRI", client_id=noa, k=10)).hits
    assert all(h.document is None for h in other)

    # The assistant answers from a document as from a note, citing document, date and page.
    result = svc.assistant.ask(
        AskRequest("What dose of naproxen does she take?", dana, extractive=True)
    )
    sources = [s.to_json() for s in result.sources]
    cited = next(s for s in sources if s.get("document_id") == str(referral.id))
    assert (cited["document_title"], cited["document_date"], cited["page"]) == (
        "Pain clinic",
        "2024-03-02",
        2,
    )
    assert "naproxen 500 mg" in result.answer
    assert 'Document "Pain clinic" of 2 March 2024, page 2' in result.answer
    # Stored with the turn and read back the same.
    stored = svc.assistant.conversation(result.conversation_id)  # type: ignore[arg-type]
    back = next(s for s in stored[-1].sources if s.document is not None)
    assert back.document is not None and back.document.page == 2


@needs_tesseract
def test_chartside_attach_stores_reads_and_lists(tmp_path: Path) -> None:
    d = tmp_path / "data"
    ok(cli(d, "init"))
    src = tmp_path / "in.json"
    src.write_text(
        json.dumps(
            {
                "format": "chartside.v1",
                "clients": [{"external_id": "c-9", "full_name": "Yael Cohen", "sessions": []}],
            }
        ),
        encoding="utf-8",
    )
    ok(cli(d, "import", str(src)))
    letter = tmp_path / "referral letter.pdf"
    letter.write_bytes(make.text_pdf(REFERRAL))
    out = ok(
        cli(
            d,
            "attach",
            str(letter),
            "--client",
            "c-9",
            "--kind",
            "referral",
            "--date",
            "2024-03-02",
        )
    )
    assert (out["document_title"], out["kind"], out["document_date"]) == (
        "referral letter",
        "referral",
        "2024-03-02",
    )
    assert (out["pages"], out["pages_read"], out["read"]["from_text"]) == (2, 2, 2)

    scan = tmp_path / "lab.png"
    scan.write_bytes(make.image_bytes(make.scan(make.text_pdf(LAB), 0, make.Degrade(dpi=200))))
    stored = ok(cli(d, "attach", str(scan), "--client", "c-9", "--kind", "lab", "--no-read"))
    assert (stored["media_type"], stored["pages_read"], stored["read"]) == ("image/png", 0, None)
    resumed = ok(cli(d, "documents", "--read", "--client", "c-9"))
    assert resumed["read"]["from_scan"] == 1
    assert sorted(x["pages_read"] for x in resumed["documents"]) == [1, 2]

    hits = ok(cli(d, "search", "naproxen", "--client", "c-9", "--mode", "lexical"))
    assert hits[0]["document_id"] == out["document_id"] and hits[0]["page"] == 2

    bad = tmp_path / "notes.txt"
    bad.write_text("not a document", encoding="utf-8")
    refused = cli(d, "attach", str(bad), "--client", "c-9")
    assert refused.returncode == 1
    assert "not a PDF or an image" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    listed = ok(cli(d, "documents", "--client", "c-9"))
    assert len(listed["documents"]) == 2


def test_chartside_attach_refuses_a_document_for_another_patient_unless_told(
    tmp_path: Path,
) -> None:
    """As the window asks before it stores: a letter naming someone else is refused with
    nothing stored, and without the name in the message; --anyway files it."""
    d = tmp_path / "data"
    ok(cli(d, "init"))
    src = tmp_path / "in.json"
    client = {"external_id": "c-9", "full_name": "Yael Cohen", "sessions": []}
    src.write_text(json.dumps({"format": "chartside.v1", "clients": [client]}), encoding="utf-8")
    ok(cli(d, "import", str(src)))
    letter = tmp_path / "lab.pdf"
    letter.write_bytes(make.text_pdf([["Patient: Santa Bartell", "DOB: 1961-04-02", *LAB[0]]]))
    refused = cli(d, "attach", str(letter), "--client", "c-9", "--kind", "lab")
    assert refused.returncode == 1
    assert "names another patient" in refused.stderr and "--anyway" in refused.stderr
    assert "Bartell" not in refused.stderr + refused.stdout
    assert ok(cli(d, "documents", "--client", "c-9"))["documents"] == []
    own = tmp_path / "own.pdf"
    own.write_bytes(make.text_pdf([["Patient: Yael Cohen", *LAB[0]]]))
    assert ok(cli(d, "attach", str(own), "--client", "c-9", "--kind", "lab"))["pages_read"] == 1
    filed = ok(cli(d, "attach", str(letter), "--client", "c-9", "--kind", "lab", "--anyway"))
    assert filed["pages_read"] == 1
    assert len(ok(cli(d, "documents", "--client", "c-9"))["documents"]) == 2
