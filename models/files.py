"""Checksums and memory figures for model files.

A GGUF's digest is the plain SHA-256 of the file, so it matches `sha256sum` and published
SHA256SUMS. A sentence-transformers model is a directory: its digest covers every file
that changes the vectors (weights, configs, tokenizer), not the README.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from core.ports import CancelToken, Progress

_BLOCK = 4 * 1024 * 1024
_IGNORED_SUFFIXES = {".md", ".lock"}
_IGNORED_NAMES = {".gitattributes", ".gitignore"}


def is_model_file(relpath: str) -> bool:
    """Whether a file (path relative to the model directory) belongs in its digest."""
    parts = relpath.split("/")
    if any(part.startswith(".") for part in parts):
        return False
    name = parts[-1]
    return name not in _IGNORED_NAMES and Path(name).suffix not in _IGNORED_SUFFIXES


def model_files(path: Path) -> list[Path]:
    """The files whose bytes define the model at `path` (a file or a directory), in
    digest order."""
    if path.is_file():
        return [path]
    found = {
        p.relative_to(path).as_posix(): p
        for p in path.rglob("*")
        if p.is_file() and is_model_file(p.relative_to(path).as_posix())
    }
    return [found[rel] for rel in sorted(found)]


def manifest_digest(entries: Iterable[tuple[str, str]]) -> str:
    """Digest of a model directory from (relative path, hex SHA-256) pairs. Lets the
    digest be computed from a wheel's RECORD without reading the files."""
    manifest = hashlib.sha256()
    for rel, digest in sorted(entries):
        manifest.update(f"{rel}\0{digest}\n".encode())
    return manifest.hexdigest()


def total_size(path: Path) -> int:
    return sum(p.stat().st_size for p in model_files(path))


def sha256_path(
    path: Path, progress: Progress | None = None, cancel: CancelToken | None = None
) -> str:
    """Hex SHA-256 of a file, or a manifest digest of a model directory."""
    files = model_files(path)
    total = max(sum(p.stat().st_size for p in files), 1)
    done = 0

    def step(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None:
            progress(min(done / total, 1.0), f"Checking {path.name}")
        if cancel is not None:
            cancel.raise_if_cancelled()

    if path.is_file():
        return _sha256_file(path, step)
    return manifest_digest((p.relative_to(path).as_posix(), _sha256_file(p, step)) for p in files)


def _sha256_file(path: Path, step: Callable[[int], None] | None = None) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(_BLOCK):
            h.update(block)
            if step is not None:
                step(len(block))
    return h.hexdigest()


def sha256_chunks(parts: Iterable[Path], out: Path, progress: Progress | None = None) -> str:
    """Concatenate `parts` into `out` and return the SHA-256 of what was written."""
    parts = list(parts)
    total = max(sum(p.stat().st_size for p in parts), 1)
    done = 0
    h = hashlib.sha256()
    with out.open("wb") as dst:
        for part in parts:
            with part.open("rb") as src:
                while block := src.read(_BLOCK):
                    h.update(block)
                    dst.write(block)
                    done += len(block)
                    if progress is not None:
                        progress(min(done / total, 1.0), f"Assembling {out.name}")
    return h.hexdigest()


def available_ram() -> int:
    import psutil

    return int(psutil.virtual_memory().available)
