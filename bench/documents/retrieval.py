"""Retrieval recall@5 for questions a document page answers, through the app's own path: a
fresh encrypted data dir (embedded PostgreSQL with pgvector), the service `build_service`
wires (the embedder the app would use, tesseract), each client's notes and documents,
`documents.attach` then `read_pending`, `index_now`, and then hybrid search scoped to the
client. A question is found when its answer page is among the first five hits."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any
from uuid import UUID

from bench.common import PASSPHRASE, bench_settings, isolate, offline
from bench.documents.corpus import Document

K = 5
# Each client's notes: what a page competes with in a search scoped to her.
NOTES = [
    ("Low mood and poor sleep for two weeks.", "Sleep hygiene. Review in a month."),
    ("Back pain a little better; blood tests last week were normal.", "Continue as before."),
    ("מצב רוח ירוד ושינה לא טובה", "המשך מעקב בעוד חודש"),
]


def _service(root: Path, language: str) -> Any:
    offline()
    isolate(root)
    from app.compose import build_service

    svc = build_service(bench_settings(root / "data", ui={"language": language}))
    svc.initialise(PASSPHRASE)  # in a Hebrew window the workspace takes the multilingual one
    return svc


def recall(docs: list[tuple[Document, bytes]], language: str) -> dict[str, Any]:
    """recall@5 over every question of `docs`, in a data dir created in `language`."""
    from core.documents.types import AttachRequest
    from core.domain import ClientData, SessionData
    from core.retrieval.types import SearchQuery

    with tempfile.TemporaryDirectory(prefix="chartside-docs-eval-") as tmp:
        svc = _service(Path(tmp), language)
        try:
            clients: dict[str, UUID] = {}
            for n, ext in enumerate(sorted({d.client for d, _ in docs})):
                clients[ext] = svc.notes.create_client(
                    ClientData(full_name=f"Client {n + 1}", external_id=ext)
                ).id
                for day, (subjective, plan) in enumerate(NOTES, 1):
                    date = dt.datetime(2024, 1, day, 9)
                    svc.notes.create_session(
                        clients[ext], SessionData(date=date, subjective=subjective, plan=plan)
                    )
            ids: dict[str, UUID] = {}
            for doc, data in docs:
                req = AttachRequest(clients[doc.client], data, doc.kind, None, doc.id)  # type: ignore[arg-type]
                ids[doc.id] = svc.documents.attach(req).id
            report = svc.documents.read_pending()
            status = svc.search.index_now()
            rows: list[dict[str, Any]] = []
            for doc, _ in docs:
                for q in doc.questions:
                    hits = svc.search.query(
                        SearchQuery(q["text"], client_id=clients[doc.client], k=K)
                    ).hits
                    pages = [
                        (h.document.id, h.document.page) for h in hits if h.document is not None
                    ]
                    rank = next(
                        (r for r, h in enumerate(hits, 1) if h.document is not None
                         and (h.document.id, h.document.page) == (ids[doc.id], q["page"])),
                        None,
                    )  # fmt: skip
                    rows.append(
                        {
                            "document": doc.id,
                            "language": doc.language,
                            "page": q["page"],
                            "found_at": rank,
                            "document_hits": len(pages),
                        }
                    )
        finally:
            svc.close()
    found = sum(r["found_at"] is not None for r in rows)
    return {
        "workspace_language": language,
        "embedder": status.to_json().get("model"),
        "pages_read": report.pages_read,
        "questions": len(rows),
        "recall_at_5": round(found / len(rows), 4) if rows else 0.0,
        "missed": [
            {"document": r["document"], "page": r["page"]} for r in rows if r["found_at"] is None
        ],
        "per_language": {
            lang: round(
                sum(r["found_at"] is not None for r in rows if r["language"] == lang)
                / max(1, sum(r["language"] == lang for r in rows)),
                4,
            )
            for lang in ("en", "he", "mixed")
        },
    }
