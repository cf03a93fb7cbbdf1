"""Reading documents survives kill -9 (issue 30, point 2): the app killed while tesseract
reads a scan keeps every page it committed, and the next run goes on from the first unread
page, chunking none twice. The real database, the real tesseract, a real SIGKILL."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from app.compose import migrations_dir
from bench.documents import make
from core.documents.types import AttachRequest
from core.domain import ClientData
from core.services.service import ChartsideService
from models.ocr import TesseractOcr
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.crash_worker import stop_orphan_postgres
from tests.documents_worker import ReaderConfig, read_loop

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)
PAGES = 4
LINES = [
    "Referral letter for a cardiology opinion",
    "Palpitations on exertion for three months, ECG showed sinus rhythm.",
    "Please assess for paroxysmal atrial fibrillation and advise on treatment.",
]


def _wait_for(log: Path, line: str, proc: mp.process.BaseProcess, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if log.exists() and line in log.read_text(encoding="utf-8").splitlines():
            return
        assert proc.is_alive(), log.read_text(encoding="utf-8") if log.exists() else "no log"
        time.sleep(0.05)
    pytest.fail(f"the reader never reached {line!r}")


def test_reading_killed_mid_scan_resumes_from_the_first_unread_page(
    service_factory: Callable[..., ChartsideService], tmp_path: Path
) -> None:
    first = service_factory()
    first.initialise(PASSPHRASE)
    client = first.notes.create_client(ClientData(full_name="Dana Levi")).id
    letter = make.text_pdf([LINES] * PAGES)
    scan = make.image_pdf([make.scan(letter, i, make.Degrade(dpi=150)) for i in range(PAGES)])
    info = first.documents.attach(AttachRequest(client, scan, "referral"))
    first.close()

    cfg = ReaderConfig(first.settings.data_dir, FAST_KDF, PASSPHRASE, tmp_path / "reader.log")
    ctx = mp.get_context("forkserver")
    proc = ctx.Process(target=read_loop, args=(cfg,), daemon=True)
    proc.start()
    with contextlib.ExitStack() as closing:
        closing.callback(stop_orphan_postgres, first.settings.pg_dir)
        closing.callback(proc.kill)
        # Page 3 begun: pages 1 and 2 are committed, page 3 is in tesseract's hands.
        _wait_for(cfg.log, f"reading page 3 of {PAGES}", proc, timeout_s=240)
        proc.kill()
        proc.join(10)
        assert proc.exitcode == -9

        # A user starting Chartside after the crash.
        again = ChartsideService(first.settings, migrations_dir(), ocr=TesseractOcr())
        closing.callback(again.close)
        again.unlock(PASSPHRASE)
        kept = again.documents.document(info.id).pages_read
        assert kept in (2, 3)  # page 3 only if its commit beat the kill
        report = again.documents.read_pending()
        assert report.pages_read == PAGES - kept
        assert again.documents.document(info.id).pages_read == PAGES
        with again.db.owner.connect() as conn:
            dupes = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT page, ordinal FROM chunks "
                    "WHERE document_id IS NOT NULL GROUP BY page, ordinal "
                    "HAVING count(*) > 1) d"
                )
            ).scalar_one()
            pages = conn.execute(
                text("SELECT count(DISTINCT page) FROM chunks WHERE document_id IS NOT NULL")
            ).scalar_one()
        assert dupes == 0 and pages == PAGES
        assert again.health.audit_verify().ok
