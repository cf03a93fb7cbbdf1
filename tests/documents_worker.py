"""The process that tests/documents/test_documents_kill.py kills: the whole service, as `chartside`
runs it, reading a scanned document. Each progress message goes straight to the kernel
(`os.write`) as a line of its own, so a SIGKILL loses none of them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ReaderConfig:
    data_dir: Path
    crypto: dict[str, int]
    passphrase: str
    log: Path


def read_loop(cfg: ReaderConfig) -> None:
    """Process entry point: unlock, then read every unread page until killed."""
    from app.compose import migrations_dir
    from core.services.service import ChartsideService
    from core.settings import load_settings
    from models.ocr import TesseractOcr

    fd = os.open(cfg.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    svc = ChartsideService(
        load_settings(data_dir=cfg.data_dir, crypto=cfg.crypto),
        migrations_dir(),
        ocr=TesseractOcr(),
    )
    svc.unlock(cfg.passphrase)
    svc.documents.read_pending(lambda _fraction, message: os.write(fd, f"{message}\n".encode()))
    os.write(fd, b"done\n")
