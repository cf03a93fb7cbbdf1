"""Reading documents, measured (issue 30, point 5): character error rate and number recall
on the project's own test set (bench/documents/make.py, seeded, so the same on every run):
text PDFs and scans degraded in several ways, in English, Hebrew and mixed.

    python -m bench.documents.eval [--out bench/results/eval_documents.json]

Goals: character error <= 1% on text PDFs and <= 5% on scans; number recall on lab
tables >= 0.95 on text PDFs. On scans number recall is reported, and every number read
wrong is listed: OCR numbers are shown with "from a scan, check against the original"."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz.distance import Levenshtein

from bench.documents import make
from core.documents.pages import DocumentFile
from core.documents.reader import read_page
from core.documents.types import PDF
from models.ocr import TesseractOcr

LAB = [
    "Laboratory report - basic metabolic panel",
    "Potassium 4.2 mmol/L reference 3.5 - 5.1",
    "Sodium 139 mmol/L reference 135 - 145",
    "Creatinine 0.9 mg/dL reference 0.6 - 1.2",
    "Glucose 5.4 mmol/L reference 3.9 - 5.6",
    "HbA1c 6.1 % reference 4.0 - 5.6",
]
REFERRAL = [
    "Referral to the pain clinic",
    "Dear colleague, I am referring this patient for assessment.",
    "Chronic lower back pain radiating to the left leg since 2019.",
    "Current medication: naproxen 500 mg twice daily with meals.",
    "MRI of the lumbar spine on 12/03/2024 showed a disc protrusion.",
]
HEBREW = [
    "מכתב הפניה למרפאת כאב",
    "המטופלת סובלת מכאבי גב תחתון מאז 2019",
    "טיפול נוכחי נפרוקסן 500 מג פעמיים ביום",
    "אשלגן 4.2 ממול לליטר בבדיקה האחרונה",
]
MIXED = [
    "סיכום ביקור במרפאה",
    "Sertraline 50 mg once daily, started 2024",
    "לחץ דם 128/82 דופק 72",
    "Follow up in 6 weeks",
]
SCANS = {
    "clean-300": make.Degrade(dpi=300),
    "200dpi": make.Degrade(dpi=200),
    "rotated": make.Degrade(dpi=300, rotate=1.2, seed=1),
    "noisy": make.Degrade(dpi=300, noise=0.02, seed=2),
    "blurred": make.Degrade(dpi=300, blur=1.0),
    "degraded": make.Degrade(dpi=200, rotate=1.2, noise=0.01, blur=0.8, seed=3),
}
_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


@dataclass(frozen=True)
class Case:
    name: str
    lines: list[str]
    hebrew: bool
    lab: bool


CASES = [
    Case("lab-en", LAB, False, True),
    Case("referral-en", REFERRAL, False, False),
    Case("letter-he", HEBREW, True, False),
    Case("visit-mixed", MIXED, True, False),
]


def _norm(text: str) -> str:
    return " ".join(text.split())


def cer(truth: str, read: str) -> float:
    t, r = _norm(truth), _norm(read)
    return Levenshtein.distance(t, r) / max(1, len(t))


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def number_recall(truth: str, read: str) -> tuple[float, list[str]]:
    """Share of the truth's numbers found in what was read, and those not found."""
    want, got = numbers(truth), numbers(read)
    missing: list[str] = []
    pool = list(got)
    for n in want:
        if n in pool:
            pool.remove(n)
        else:
            missing.append(n)
    return (1 - len(missing) / len(want) if want else 1.0), missing


def run() -> dict[str, Any]:
    ocr = TesseractOcr()
    missing = ocr.missing()
    if missing:
        raise SystemExit(f"tesseract is needed: {missing}")
    font = make.hebrew_font()
    rows: list[dict[str, Any]] = []
    for case in CASES:
        if case.hebrew and font is None:
            continue
        truth = "\n".join(case.lines)
        pdf = make.text_pdf([case.lines], font if case.hebrew else None)
        variants: list[tuple[str, bytes]] = [("text-pdf", pdf)]
        variants += [
            (f"scan-{name}", make.image_pdf([make.scan(pdf, 0, how)]))
            for name, how in SCANS.items()
        ]
        for variant, data in variants:
            with DocumentFile(data, PDF) as file:
                t0 = time.perf_counter()
                read = read_page(file, 0, ocr)
                seconds = time.perf_counter() - t0
            assert read is not None
            recall, wrong = number_recall(truth, read.text)
            rows.append(
                {
                    "document": case.name,
                    "variant": variant,
                    "source": read.source,
                    "cer": round(cer(truth, read.text), 4),
                    "number_recall": round(recall, 4),
                    "numbers_wrong": wrong,
                    "seconds": round(seconds, 3),
                }
            )
            print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    text_rows = [r for r in rows if r["source"] == "text"]
    scan_rows = [r for r in rows if r["source"] == "ocr"]

    def mean(xs: list[float]) -> float:
        return round(sum(xs) / len(xs), 4) if xs else 0.0

    summary = {
        "documents": len(rows),
        "text_pdf_cer": mean([r["cer"] for r in text_rows]),
        "scan_cer": mean([r["cer"] for r in scan_rows]),
        "text_pdf_lab_number_recall": mean(
            [r["number_recall"] for r in text_rows if r["document"].startswith("lab")]
        ),
        "scan_lab_number_recall": mean(
            [r["number_recall"] for r in scan_rows if r["document"].startswith("lab")]
        ),
        "text_page_ms_max": round(1000 * max((r["seconds"] for r in text_rows), default=0), 1),
        "scan_page_s_max": max((r["seconds"] for r in scan_rows), default=0.0),
    }
    checks = {
        "text_pdf_cer <= 0.01": summary["text_pdf_cer"] <= 0.01,
        "scan_cer <= 0.05": summary["scan_cer"] <= 0.05,
        "text_pdf_lab_number_recall >= 0.95": summary["text_pdf_lab_number_recall"] >= 0.95,
    }
    return {"summary": summary, "checks": checks, "rows": rows}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="write the result here as JSON")
    args = parser.parse_args()
    result = run()
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out is not None:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(json.dumps({"summary": result["summary"], "checks": result["checks"]}, indent=2))
    return 0 if all(result["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
