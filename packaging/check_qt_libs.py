"""Before the window opens: are the system libraries Qt's X11 (xcb) platform needs here?

A plain Debian lacks some (libxcb-icccm4, libxcb-keysyms1 were seen missing), and Qt then
fails with a message that names none of the packages. This asks `ldd` about the xcb plugin
inside the virtualenv's PySide6, adds the libraries Qt loads at run time (libxcb-cursor),
and prints the one `apt-get install` line that fixes what is missing. Exit 1 then, else 0.
With --packages it prints only the missing packages' names (for system_deps.sh) and exits 0.

    python packaging/check_qt_libs.py [--packages]
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# soname -> Debian/Ubuntu package. The libraries of PySide6's xcb plugin and of what Qt
# opens itself, as a Debian 12 install names them.
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# Opened by Qt with dlopen, so `ldd` never lists them: (find_library name, soname).
LOADED_AT_RUN_TIME = (("xcb-cursor", "libxcb-cursor.so.0"),)
SYSTEM_LIBRARIES = sorted({*PACKAGES.values()})

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def missing_from_ldd(output: str) -> set[str]:
    """The sonames `ldd` could not resolve."""
    return set(_NOT_FOUND.findall(output))


def install_line(missing: Iterable[str]) -> str:
    """The one command that installs what is missing (unknown sonames are named as such)."""
    packages = sorted({PACKAGES.get(soname, f"<package with {soname}>") for soname in missing})
    return "sudo apt-get install -y " + " ".join(packages)


def qt_binaries() -> list[Path]:
    spec = importlib.util.find_spec("PySide6")  # no import: Qt itself may fail to load
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *qt.glob("lib/libQt6XcbQpa.so*")]
    return [p for p in candidates if p.is_file()]


def find_missing() -> set[str]:
    missing: set[str] = set()
    for binary in qt_binaries():
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        missing |= missing_from_ldd(out.stdout)
    for name, soname in LOADED_AT_RUN_TIME:
        if ctypes.util.find_library(name) is None:
            missing.add(soname)
    return missing


def main(argv: list[str]) -> int:
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return 0  # the xcb platform and its packages are a Linux matter
    if not qt_binaries():
        print("check_qt_libs: PySide6 is not installed in this environment", file=sys.stderr)
        return 1
    missing = find_missing()
    if "--packages" in argv:
        # For packaging/system_deps.sh: the packages alone, on one line.
        print(" ".join(sorted({PACKAGES[s] for s in missing if s in PACKAGES})))
        return 0
    if not missing:
        return 0
    print(
        "Chartside's window needs system libraries that are missing: "
        + ", ".join(sorted(missing))
        + "\nInstall them with:\n  "
        + install_line(missing),
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
