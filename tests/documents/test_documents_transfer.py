"""Documents go where the notes go (issue 30, point 1): into the `chartside.v1` export whole,
back in through an import that checks every file first and adds nothing twice, and into a
backup whose restore is checked against the decrypted content. The real database, PDFium
and tesseract; files from the project's own generator."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.compose import migrations_dir
from bench.documents import make
from core.backup.archive import create_backup, restore_backup
from core.documents.types import AttachRequest
from core.domain import ClientData
from core.errors import ImportFormatError
from core.services.service import ChartsideService
from models.ocr import TesseractOcr
from tests.conftest import PASSPHRASE, make_settings

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)
LINES = [
    "Referral letter for a cardiology opinion",
    "Palpitations on exertion for three months; ECG showed sinus rhythm.",
]
DAY = dt.date(2025, 3, 14)


def _open(root: Path, name: str, *, initialise: bool = True) -> ChartsideService:
    svc = ChartsideService(make_settings(root / name), migrations_dir(), ocr=TesseractOcr())
    if initialise:
        svc.initialise(PASSPHRASE)
    return svc


@pytest.fixture
def source(tmp_path: Path) -> Iterator[tuple[ChartsideService, Any, bytes, bytes]]:
    svc = _open(tmp_path, "source")
    client = svc.notes.create_client(ClientData(full_name="Dana Levi", external_id="c-1")).id
    letter = make.text_pdf([LINES])
    scan = make.image_pdf([make.scan(letter, 0, make.Degrade(dpi=150))])
    svc.documents.attach(AttachRequest(client, letter, "referral", DAY, "Cardiology referral"))
    svc.documents.attach(AttachRequest(client, scan, "letter", None, "Scanned letter"))
    yield svc, client, letter, scan
    svc.close()


def _held(svc: ChartsideService, client: Any) -> dict[str, tuple[str, str, dt.date | None]]:
    """sha256 of each file the client holds: (title, kind, date)."""
    out = {}
    for info in svc.documents.documents(client):
        data, _ = svc.documents.file(info.id)
        out[hashlib.sha256(data).hexdigest()] = (info.title, info.kind, info.date)
    return out


def test_an_export_carries_each_file_whole_and_an_import_brings_it_back_once(
    source: tuple[ChartsideService, Any, bytes, bytes], tmp_path: Path
) -> None:
    svc, client, letter, scan = source
    doc = svc.notes.export_doc()
    exported = doc["clients"][0]["documents"]
    assert sorted(base64.b64decode(d["data"]) for d in exported) == sorted([letter, scan])
    assert {d["title"] for d in exported} == {"Cardiology referral", "Scanned letter"}
    assert any(d["date"] == "2025-03-14" and d["kind"] == "referral" for d in exported)
    assert svc.health.audit_export()[-1]["details"]["documents"] == 2

    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    target = _open(tmp_path, "target")
    try:
        summary = target.notes.import_file(path)
        assert summary.documents_created == 2
        moved = target.notes.resolve_client("c-1")
        assert _held(target, moved) == _held(svc, client)
        report = target.documents.read_pending()
        assert report.pages_read == 2 and report.from_scan == 1
        assert target.notes.import_file(path).documents_created == 0  # nothing twice
        assert len(target.documents.documents(moved)) == 2
    finally:
        target.close()


@pytest.mark.parametrize(
    ("damage", "field"),
    [
        # a file that is no PDF or image (the sha256 left out: it is optional)
        (
            lambda d: (
                {k: v for k, v in d.items() if k != "sha256"}
                | {"data": base64.b64encode(b"not a pdf at all").decode()}
            ),
            "data",
        ),
        (lambda d: d | {"sha256": "0" * 64}, "sha256"),
        (lambda d: d | {"kind": "invoice"}, "kind"),
        (lambda d: d | {"data": "***"}, "data"),
    ],
)
def test_a_bad_document_in_an_import_names_its_record_and_writes_nothing(
    source: tuple[ChartsideService, Any, bytes, bytes], tmp_path: Path, damage: Any, field: str
) -> None:
    svc, _client, _letter, _scan = source
    doc = svc.notes.export_doc()
    docs = doc["clients"][0]["documents"]
    docs[1] = damage(docs[1])
    doc["clients"].append({"external_id": "c-2", "full_name": "Noa Ben-David"})
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    target = _open(tmp_path, "target")
    try:
        with pytest.raises(ImportFormatError) as raised:
            target.notes.import_file(path)
        assert raised.value.field == field
        assert raised.value.record == "clients[0] (external_id 'c-1').documents[1]"
        assert target.notes.list_clients() == []  # not even the clients around it
    finally:
        target.close()


def test_a_restored_backup_holds_the_same_files(
    source: tuple[ChartsideService, Any, bytes, bytes], tmp_path: Path
) -> None:
    svc, client, _letter, _scan = source
    before = _held(svc, client)
    out = tmp_path / "b.chartside-backup"
    made = create_backup(svc.store, out, PASSPHRASE)
    assert made.manifest.tables["documents"] == 2
    assert b"Cardiology referral" not in out.read_bytes()
    target = make_settings(tmp_path / "restored")
    restore_backup(out, target, migrations_dir(), PASSPHRASE)  # checks the content digest
    again = ChartsideService(target, migrations_dir(), ocr=TesseractOcr())
    try:
        again.unlock(PASSPHRASE)
        assert _held(again, client) == before
    finally:
        again.close()
