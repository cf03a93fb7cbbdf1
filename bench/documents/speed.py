"""Reading speed against the raw libraries on the same pages, per the project's benchmark
rule (docs/benchmarks.md): a scanned page read by Chartside (decode or render, prepare,
tesseract through pipes, parse) against the bare `tesseract` command on the same pixels; a
text page read by Chartside against bare pypdfium2 extracting the same page's text. The two
sides alternate, and each ratio is the median of the rounds' ours/raw."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium  # pyright: ignore[reportMissingTypeStubs]
from PIL import Image

from bench.common import alternate, paired_ratio
from bench.documents.corpus import Document
from core.documents.pages import DocumentFile
from core.documents.reader import read_page
from core.documents.types import PDF, OcrEngine
from models.ocr import LANGUAGES

TEXT_ROUNDS = 30
SCAN_ROUNDS = 2


def _ours(data: bytes, media_type: str, index: int, ocr: OcrEngine) -> float:
    t0 = time.perf_counter()
    with DocumentFile(data, media_type) as file:
        read = read_page(file, index, ocr)
    assert read is not None
    return time.perf_counter() - t0


def _bare_text(data: bytes, index: int) -> float:
    t0 = time.perf_counter()
    pdf: Any = pdfium.PdfDocument(data)
    page = pdf[index]
    textpage = page.get_textpage()
    textpage.get_text_bounded()
    textpage.close()
    page.close()
    pdf.close()
    return time.perf_counter() - t0


def _bare_tesseract(png: Path, dpi: int) -> float:
    command = ["tesseract", str(png), "stdout", "-l", "+".join(LANGUAGES), "--dpi", str(dpi)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # as ours runs it
    t0 = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=env)
    return time.perf_counter() - t0


def text_pages(docs: list[tuple[Document, bytes]], ocr: OcrEngine) -> dict[str, Any]:
    raw: list[float] = []
    ours: list[float] = []
    for doc, data in docs:
        for i in range(len(doc.pages)):
            r, o = alternate(
                TEXT_ROUNDS,
                lambda d=data, i=i: _bare_text(d, i),
                lambda d=data, i=i: _ours(d, PDF, i, ocr),
            )
            raw += r
            ours += o
    return _summary(raw, ours, 1000, "ms")


def scan_pages(docs: list[tuple[Document, bytes]], ocr: OcrEngine) -> dict[str, Any]:
    raw: list[float] = []
    ours: list[float] = []
    with tempfile.TemporaryDirectory(prefix="chartside-ocr-bench-") as tmp:
        for doc, data in docs:
            for i in range(len(doc.pages)):
                with DocumentFile(data, doc.media_type) as file:
                    image = file.image(i)
                png = Path(tmp) / f"{doc.id}-{i}.png"
                pixels = Image.frombytes("L", (image.width, image.height), image.pixels)
                pixels.save(png, dpi=(image.dpi, image.dpi))
                r, o = alternate(
                    SCAN_ROUNDS,
                    lambda p=png, dpi=image.dpi: _bare_tesseract(p, dpi),
                    lambda d=data, m=doc.media_type, i=i: _ours(d, m, i, ocr),
                )
                raw += r
                ours += o
    return _summary(raw, ours, 1, "s")


def _summary(raw: list[float], ours: list[float], scale: float, unit: str) -> dict[str, Any]:
    def q(xs: list[float], share: float) -> float:
        xs = sorted(xs)
        return round(scale * xs[min(len(xs) - 1, int(share * len(xs)))], 3)

    return {
        "pages_timed": len(ours),
        f"ours_p50_{unit}": q(ours, 0.5),
        f"ours_max_{unit}": q(ours, 1.0),
        f"raw_p50_{unit}": q(raw, 0.5),
        "ratio_ours_over_raw": round(paired_ratio(raw, ours), 3),
    }
