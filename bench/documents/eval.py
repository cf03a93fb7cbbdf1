"""Reading documents, measured (issue 30, point 5) on the committed test set
(bench/documents/data/, made by bench/documents/corpus.py; held out): character error
rate, number recall on lab tables (every number read wrong listed), retrieval recall@5 for
questions a page answers (the real service, database and embedder), and speed against the
raw libraries on the same pages.

    python -m bench.documents.eval [--write] [--dev] [--no-retrieval] [--no-speed]

`--write` keeps the result in bench/results/eval_documents.json, stamped with the commit.
`--dev` measures a set made with another seed instead (bench.documents.corpus.DEV_SEED),
the one to tune reading on; it never writes.

Goals: character error <= 1% on text PDFs and <= 5% on scans; number recall on lab tables
>= 0.95 on text PDFs (on scans reported, each wrong number listed); recall@5 >= 0.90;
a scanned page <= 3 s and a text page <= 50 ms on 2 cores, each beside the raw library's
time on the same page. Exit status 1 when a goal is missed."""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

from bench.common import check, write_result
from bench.documents import corpus, retrieval, speed
from bench.documents.corpus import Document
from bench.documents.scoring import errors, number_recall
from core.documents.pages import DocumentFile
from core.documents.reader import read_page
from models.ocr import TesseractOcr

NAME = "eval_documents"


def read_all(docs: list[tuple[Document, bytes]], ocr: TesseractOcr) -> list[dict[str, Any]]:
    """Each page read once: its errors, and for a lab table its numbers."""
    rows: list[dict[str, Any]] = []
    for doc, data in docs:
        with DocumentFile(data, doc.media_type) as file:
            for i, truth in enumerate(doc.pages):
                t0 = time.perf_counter()
                read = read_page(file, i, ocr)
                seconds = time.perf_counter() - t0
                assert read is not None
                edits, chars = errors(truth, read.text)
                n, wrong = number_recall(truth, read.text) if doc.lab else (0, [])
                rows.append(
                    {
                        "document": doc.id,
                        "page": i + 1,
                        "kind": doc.kind,
                        "language": doc.language,
                        "form": doc.form,
                        "source": read.source,
                        "cer": round(edits / chars, 4),
                        "edits": edits,
                        "chars": chars,
                        "numbers": n,
                        "numbers_wrong": wrong,
                        "seconds": round(seconds, 3),
                    }
                )
                print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    return rows


def _cer(rows: list[dict[str, Any]]) -> float:
    """Over all their characters: a long page weighs as much as its length."""
    return round(sum(r["edits"] for r in rows) / max(1, sum(r["chars"] for r in rows)), 4)


def _numbers(rows: list[dict[str, Any]]) -> float:
    n = sum(r["numbers"] for r in rows)
    return round(1 - sum(len(r["numbers_wrong"]) for r in rows) / n, 4) if n else 1.0


def summarise(rows: list[dict[str, Any]], docs: list[tuple[Document, bytes]]) -> dict[str, Any]:
    text = [r for r in rows if r["form"] == "text"]
    scans = [r for r in rows if r["form"] != "text"]
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in scans:
        groups.setdefault(r["form"], []).append(r)
    for r in rows:
        groups.setdefault(f"{'text' if r['form'] == 'text' else 'scan'}-{r['language']}", [])
        groups[f"{'text' if r['form'] == 'text' else 'scan'}-{r['language']}"].append(r)
    return {
        "documents": len(docs),
        "pages": len(rows),
        "text_pdfs": sum(d.form == "text" for d, _ in docs),
        "scans": sum(d.form != "text" for d, _ in docs),
        "text_pdf_cer": _cer(text),
        "scan_cer": _cer(scans),
        "scan_cer_by": {k: _cer(v) for k, v in sorted(groups.items())},
        "text_pdf_lab_number_recall": _numbers([r for r in text if r["numbers"]]),
        "scan_lab_number_recall": _numbers([r for r in scans if r["numbers"]]),
        "scan_numbers_wrong": [
            {"document": r["document"], "page": r["page"], "wrong": r["numbers_wrong"]}
            for r in scans
            if r["numbers_wrong"]
        ],
    }


def run(dev: bool = False, with_retrieval: bool = True, with_speed: bool = True) -> dict[str, Any]:
    ocr = TesseractOcr()
    missing = ocr.missing()
    if missing:
        raise SystemExit(f"tesseract is needed: {missing}")
    docs = corpus.build(corpus.DEV_SEED) if dev else corpus.load()
    rows = read_all(docs, ocr)
    summary = summarise(rows, docs)
    checks = [
        check("text PDF character error", summary["text_pdf_cer"], "<=", 0.01),
        check("scan character error", summary["scan_cer"], "<=", 0.05),
        check("text PDF lab number recall", summary["text_pdf_lab_number_recall"], ">=", 0.95),
    ]
    out: dict[str, Any] = {"set": "dev" if dev else "committed", "summary": summary}
    if with_retrieval:
        out["retrieval"] = {lang: retrieval.recall(docs, lang) for lang in ("he", "en")}
        for lang, r in out["retrieval"].items():
            checks.append(check(f"recall@5 ({lang} workspace)", r["recall_at_5"], ">=", 0.90))
    if with_speed:
        text = [(d, b) for d, b in docs if d.form == "text"]
        scans = [(d, b) for d, b in docs if d.form != "text"]
        out["speed"] = {"text": speed.text_pages(text, ocr), "scan": speed.scan_pages(scans, ocr)}
        checks += [
            check("text page p50 ms", out["speed"]["text"]["ours_p50_ms"], "<=", 50, gated=False),
            check("scan page p50 s", out["speed"]["scan"]["ours_p50_s"], "<=", 3, gated=False),
        ]
    out["checks"] = checks
    out["pages"] = rows
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.documents.eval", description=__doc__)
    parser.add_argument("--write", action="store_true", help=f"write bench/results/{NAME}.json")
    parser.add_argument("--dev", action="store_true", help="the development set, not written")
    parser.add_argument("--no-retrieval", action="store_true")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args(argv)
    result = run(args.dev, not args.no_retrieval, not args.no_speed)
    brief = {k: v for k, v in result.items() if k != "pages"}
    print(json.dumps(brief, ensure_ascii=False, indent=2))
    met = all(c["met"] for c in result.get("checks", []))
    if args.write and not args.dev:
        result["goals_met"] = met
        path = write_result("eval_documents", result)
        print(f"wrote {path}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
