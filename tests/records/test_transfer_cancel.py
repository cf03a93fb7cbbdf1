"""Import and export take progress and a cancel token like every other long job: a cancel
leaves the notes, and the audit log, as they were."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from core.errors import Cancelled
from core.progress import CancelToken
from core.records.transfer import BATCH_CLIENTS
from core.services.service import ChartsideService
from tests.factories import document


def _write(tmp_path: Path, doc: dict[str, Any], name: str) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


def _actions(svc: ChartsideService) -> list[str]:
    return [e["action"] for e in svc.health.audit_export()]


def test_a_cancelled_import_leaves_the_notes_as_they_were(
    service: ChartsideService, tmp_path: Path
) -> None:
    service.notes.import_file(_write(tmp_path, document(3, 2), "first.json"))
    before = service.notes.export_doc()
    n = BATCH_CLIENTS + 50  # two batches: the cancel comes after both are written
    token, seen = CancelToken(), []

    def cancel_after_the_first_batch(fraction: float, message: str) -> None:
        seen.append((fraction, message))
        if fraction > 0:
            token.cancel()

    with pytest.raises(Cancelled):
        service.notes.import_file(
            _write(tmp_path, document(n, 1, seed=3), "big.json"),
            cancel_after_the_first_batch,
            token,
        )
    assert seen == [(0.0, "importing"), (BATCH_CLIENTS / n, "importing")]
    assert service.notes.export_doc() == before
    assert _actions(service).count("import") == 1  # the first one's only


def test_export_reports_progress_by_client_and_stops_on_cancel(
    service: ChartsideService, tmp_path: Path
) -> None:
    service.notes.import_file(_write(tmp_path, document(4, 2), "four.json"))
    seen: list[tuple[float, str]] = []
    doc = service.notes.export_doc(progress=lambda f, m: seen.append((f, m)))
    assert len(doc["clients"]) == 4
    assert seen == [(f, "exporting") for f in (0.0, 0.25, 0.5, 0.75, 1.0)]

    token = CancelToken()

    def cancel_halfway(fraction: float, message: str) -> None:
        if fraction >= 0.5:
            token.cancel()

    exports = _actions(service).count("export")
    with pytest.raises(Cancelled):
        service.notes.export_doc(progress=cancel_halfway, cancel=token)
    assert _actions(service).count("export") == exports  # nothing left, so nothing recorded
