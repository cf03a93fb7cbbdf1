"""Tesseract OCR (Debian's tesseract-ocr 5 with the English and Hebrew data), the
`OcrEngine` of core/documents/types.py.

Run as a process, fed and read through pipes: the page goes in on stdin as a PGM image
and the words come back on stdout as TSV. pytesseract was not used because it writes the
image and the output to temporary files, and a page of a referral letter must never
land on disk in the clear.

`OMP_THREAD_LIMIT=1`: on 2 busy cores tesseract's OpenMP threads made a page take 12.9 s
instead of 2 s."""

from __future__ import annotations

import contextlib
import csv
import functools
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterable

from PIL import Image, ImageFilter

from core.documents.types import OcrPage, OcrWord, PageImage
from core.errors import Cancelled, ChartsideError
from core.messages import Message
from core.progress import CancelToken
from models.deskew import straighten

LANGUAGES = ("eng", "heb")
# A single column of text of varying sizes: psm 3 (automatic segmentation) read a lab
# table column by column (every name, then every value), 0.39 character error on the
# development set's noisy tables against 0.03 with psm 4.
PSM = "4"
# Tesseract is trained on about 300 dpi; a 150 or 200 dpi scan is scaled up to it first.
TARGET_DPI = 300
PACKAGES = {"tesseract": "tesseract-ocr", "eng": "tesseract-ocr-eng", "heb": "tesseract-ocr-heb"}
# A page takes about 2 s; one that takes minutes is stuck, not slow.
PAGE_TIMEOUT_S = 180.0
_POLL_S = 0.2
# Tesseract marks right-to-left words with bidi controls; stored text has none (a note's
# search and checks drop them too).
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class OcrFailed(ChartsideError):
    remedy = Message("remedy.ocr_failed")


def install_line(missing: Iterable[str]) -> str:
    return "sudo apt-get install -y " + " ".join(PACKAGES[m] for m in missing)


@functools.cache
def _languages(binary: str) -> frozenset[str]:
    out = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, check=False, timeout=30
    )
    return frozenset(line.strip() for line in out.stdout.splitlines()[1:])


class TesseractOcr:
    def __init__(self, binary: str = "tesseract") -> None:
        self.binary = binary

    def missing(self) -> str | None:
        path = shutil.which(self.binary)
        if path is None:
            return install_line(["tesseract", *LANGUAGES])
        lacking = [lang for lang in LANGUAGES if lang not in _languages(path)]
        return install_line(lacking) if lacking else None

    def read(self, image: PageImage, cancel: CancelToken | None = None) -> OcrPage:
        image = prepare(image)
        pgm = f"P5\n{image.width} {image.height}\n255\n".encode() + image.pixels
        command = [
            self.binary, "stdin", "stdout", "-l", "+".join(LANGUAGES),
            "--dpi", str(image.dpi), "--psm", PSM, "tsv",
        ]  # fmt: skip
        env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
        try:
            proc = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # progress and warnings only; nothing to keep
                env=env,
            )
        except OSError:
            raise OcrFailed(Message("runtime.tesseract_not_started")) from None
        out = _communicate(proc, pgm, cancel)
        if proc.returncode != 0:
            raise OcrFailed(Message("runtime.tesseract_failed", n=proc.returncode))
        return parse_tsv(out.decode("utf-8", errors="replace"), image.dpi)


def prepare(image: PageImage) -> PageImage:
    """The page as tesseract reads it best: straightened (models/deskew.py), at least
    TARGET_DPI, and a 3x3 median filter that wipes out a scanner's speckle and keeps
    strokes (on the development set a noisy page's character error fell from 0.30 to
    0.005; clean pages were unchanged)."""
    pixels = straighten(Image.frombytes("L", (image.width, image.height), image.pixels))
    dpi = image.dpi
    if dpi < TARGET_DPI:
        scale = TARGET_DPI / dpi
        size = (round(image.width * scale), round(image.height * scale))
        pixels = pixels.resize(size, Image.Resampling.LANCZOS)
        dpi = TARGET_DPI
    pixels = pixels.filter(ImageFilter.MedianFilter(3))
    return PageImage(pixels.width, pixels.height, dpi, pixels.tobytes())


def _communicate(proc: subprocess.Popen[bytes], data: bytes, cancel: CancelToken | None) -> bytes:
    """Feeds and reads the process on two threads while this one watches `cancel`: a
    cancel ends tesseract within a fraction of a second rather than after the page.
    (`Popen.communicate` with a timeout cannot be retried once it has begun to write.)"""
    assert proc.stdin is not None and proc.stdout is not None
    stdin, stdout = proc.stdin, proc.stdout
    out: list[bytes] = []

    def feed() -> None:
        with contextlib.suppress(BrokenPipeError):  # killed, or exited early: seen below
            stdin.write(data)
        with contextlib.suppress(BrokenPipeError):
            stdin.close()

    writer = threading.Thread(target=feed, name="chartside-ocr-in", daemon=True)
    reader = threading.Thread(target=lambda: out.append(stdout.read()), daemon=True)
    writer.start()
    reader.start()
    deadline = time.monotonic() + PAGE_TIMEOUT_S
    while True:
        try:
            proc.wait(timeout=_POLL_S)
            break
        except subprocess.TimeoutExpired:
            stop = cancel is not None and cancel.cancelled
            if stop or time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                writer.join()
                reader.join()
                if stop:
                    raise Cancelled(Message("documents.reading_paused")) from None
                raise OcrFailed(Message("runtime.tesseract_too_long")) from None
    writer.join()
    reader.join()
    return out[0] if out else b""


def parse_tsv(tsv: str, dpi: int) -> OcrPage:
    """tesseract's TSV: one row per word (level 5) with its block, paragraph and line.
    The text is the words of each line joined by spaces, a line a row, a blank row
    between blocks, in tesseract's reading order (right to left in a Hebrew line)."""
    rows = csv.DictReader(tsv.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    words: list[OcrWord] = []
    lines: list[list[str]] = []
    line_keys: dict[tuple[str, str, str, str], int] = {}
    block_of_line: list[str] = []
    for row in rows:
        if row.get("level") != "5":
            continue
        text = _BIDI_MARKS.sub("", row.get("text") or "").strip()
        conf = float(row.get("conf") or -1)
        if not text or conf < 0:
            continue
        key = (row["page_num"], row["block_num"], row["par_num"], row["line_num"])
        if key not in line_keys:
            line_keys[key] = len(lines)
            lines.append([])
            block_of_line.append(row["block_num"])
        n = line_keys[key]
        lines[n].append(text)
        words.append(
            OcrWord(
                text,
                int(row["left"]),
                int(row["top"]),
                int(row["width"]),
                int(row["height"]),
                conf,
                n,
            )
        )
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and block_of_line[i] != block_of_line[i - 1]:
            out.append("")
        out.append(" ".join(line))
    return OcrPage("\n".join(out), tuple(words), dpi)
