"""The documents test set (issue 30, point 5), made by the project's own generator
(bench/documents/make.py, wording.py): referral letters, lab tables, imaging reports and
letters; text PDFs and scans degraded in resolution, rotation, noise and blur (PNG, JPEG,
TIFF, image-only PDF); English, Hebrew and both. Each document belongs to one of a few
invented clients, and comes with the text of each page and questions whose answer page is
known.

The committed set (SEED, in bench/documents/data/) is held out: reading is tuned on a set
made with another seed (`build(DEV_SEED)`), never on it.

    python -m bench.documents.corpus --out bench/documents/data   # the committed set
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bench.documents import make
from bench.documents.wording import WRITERS, Written

DATA = Path(__file__).resolve().parent / "data"
SEED = 30
DEV_SEED = 1030
CLIENTS = ("c-1", "c-2", "c-3", "c-4")
# How a scan is spoilt, by name; the angles' sign and the noise's pixels come from the seed.
DEGRADATIONS: dict[str, make.Degrade] = {
    "clean": make.Degrade(dpi=300),
    "low-150": make.Degrade(dpi=150),
    "low-200": make.Degrade(dpi=200),
    "rotated": make.Degrade(dpi=300, rotate=1.8),
    "noisy": make.Degrade(dpi=200, noise=0.01),
    "blurred": make.Degrade(dpi=300, blur=1.2),
    "combined": make.Degrade(dpi=200, rotate=1.2, noise=0.003, blur=0.8),
}
# (kind, language, "text" or a degradation, file format)
PLAN: list[tuple[str, str, str, str]] = [
    ("referral", "en", "text", "pdf"),
    ("lab", "en", "text", "pdf"),
    ("imaging", "en", "text", "pdf"),
    ("letter", "en", "text", "pdf"),
    ("lab", "he", "text", "pdf"),
    ("letter", "he", "text", "pdf"),
    ("referral", "mixed", "text", "pdf"),
    ("imaging", "mixed", "text", "pdf"),
    ("lab", "mixed", "text", "pdf"),
    ("referral", "en", "low-150", "pdf"),
    ("lab", "en", "rotated", "png"),
    ("imaging", "en", "noisy", "png"),
    ("letter", "en", "blurred", "jpeg"),
    ("lab", "en", "combined", "tiff"),
    ("referral", "he", "clean", "png"),
    ("lab", "he", "low-200", "png"),
    ("imaging", "he", "rotated", "jpeg"),
    ("letter", "he", "noisy", "png"),
    ("lab", "he", "blurred", "pdf"),
    ("referral", "mixed", "blurred", "tiff"),
    ("lab", "mixed", "combined", "png"),
    ("letter", "mixed", "low-200", "jpeg"),
    ("imaging", "en", "rotated", "tiff"),
]
MEDIA = {"pdf": "application/pdf", "png": "image/png", "jpeg": "image/jpeg", "tiff": "image/tiff"}


@dataclass(frozen=True)
class Document:
    id: str
    file: str
    media_type: str
    kind: str
    language: str  # en, he or mixed
    form: str  # "text", or the degradation's name
    client: str
    lab: bool
    pages: list[str]  # each page's text, in reading order
    questions: list[dict[str, Any]]  # {"text", "page"} (page from 1)


def _layout(rng: random.Random) -> make.Layout:
    size = rng.choice([10.0, 11.0, 12.0, 13.0])
    return make.Layout(
        font_size=size,
        line_height=round(size * rng.uniform(1.35, 1.7), 1),
        margin=rng.choice([50.0, 60.0, 72.0]),
        columns=(0.0, rng.choice([140.0, 160.0]), rng.choice([230.0, 250.0]), 320.0),
    )


def _file(pdf: bytes, pages: int, form: str, fmt: str, seed: int) -> bytes:
    if form == "text":
        return pdf
    base = DEGRADATIONS[form]
    rng = random.Random(seed)
    how = make.Degrade(base.dpi, base.rotate * rng.choice([-1, 1]), base.noise, base.blur, seed)
    images = [make.scan(pdf, i, how) for i in range(pages)]
    if fmt == "tiff":
        return make.tiff(images)
    if fmt == "pdf":
        return make.image_pdf(images)
    assert len(images) == 1, "a PNG or JPEG holds one page"
    if fmt == "jpeg":
        return make.image_bytes(images[0], "JPEG")
    return make.image_bytes(images[0], "PNG")


def build(seed: int = SEED) -> list[tuple[Document, bytes]]:
    """Every document of the set made with `seed`, with its file's bytes."""
    rng = random.Random(seed)
    font = make.hebrew_font()
    if font is None:
        raise SystemExit("the set needs a Hebrew font: apt-get install fonts-dejavu-core")
    topics: dict[tuple[str, str], list[int]] = {}
    out: list[tuple[Document, bytes]] = []
    for n, (kind, lang, form, fmt) in enumerate(PLAN, 1):
        client = CLIENTS[(n - 1) % len(CLIENTS)]
        # Within a client each kind's documents are about different things.
        left = topics.setdefault((client, kind), rng.sample(range(4), 4))
        written: Written = WRITERS[kind](rng, lang, left.pop())
        pages = written.pages
        if fmt in ("png", "jpeg"):
            pages = [[line for page in pages for line in page]]  # one image, one page
        questions = [
            {"text": q, "page": 1 if fmt in ("png", "jpeg") else page}
            for q, page in written.questions
        ]
        pdf = make.text_pdf(pages, font if lang != "en" else None, _layout(rng))
        data = _file(pdf, len(pages), form, fmt, seed * 100 + n)
        ident = f"{n:02d}-{kind}-{lang}-{form}"
        doc = Document(
            id=ident,
            file=f"{ident}.{'jpg' if fmt == 'jpeg' else fmt}",
            media_type=MEDIA[fmt],
            kind=kind,
            language=lang,
            form=form,
            client=client,
            lab=written.lab,
            pages=["\n".join(make.line_text(line) for line in page) for page in pages],
            questions=questions,
        )
        out.append((doc, data))
    return out


def write(folder: Path, seed: int = SEED) -> list[Document]:
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[Document] = []
    for doc, data in build(seed):
        (folder / doc.file).write_bytes(data)
        docs.append(doc)
    manifest = {
        "about": "Synthetic documents made by bench/documents/corpus.py "
        f"(seed {seed}); invented people and values. Held out: never tune reading on it.",
        "seed": seed,
        "documents": [asdict(d) for d in docs],
    }
    text = json.dumps(manifest, ensure_ascii=False, indent=1)
    (folder / "manifest.json").write_text(text + "\n", encoding="utf-8")
    return docs


def load(folder: Path = DATA) -> list[tuple[Document, bytes]]:
    """The set written in `folder`: each document with its file's bytes."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    docs = [Document(**d) for d in manifest["documents"]]
    return [(d, (folder / d.file).read_bytes()) for d in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    docs = write(args.out, args.seed)
    size = sum(p.stat().st_size for p in args.out.iterdir())
    print(f"{len(docs)} documents, {size / 1e6:.2f} MB in {args.out}")


if __name__ == "__main__":
    main()
