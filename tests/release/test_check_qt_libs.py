"""Issue 14: `make run` checks the Qt system libraries first and prints the one apt-get
line that fixes what is missing (packaging/check_qt_libs.py)."""

from __future__ import annotations

import ctypes.util
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "check_qt_libs.py"

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
\tlibweird.so.9 => not found
"""


def _module():
    spec = importlib.util.spec_from_file_location("check_qt_libs", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ldd_output_becomes_one_install_line() -> None:
    m = _module()
    missing = m.missing_from_ldd(LDD)
    assert missing == {"libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libweird.so.9"}
    assert m.install_line(missing) == (
        "sudo apt-get install -y <package with libweird.so.9> libxcb-icccm4 libxcb-keysyms1"
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="xcb is Linux only")
def test_the_script_reports_exactly_what_this_machine_lacks() -> None:
    m = _module()
    binaries = m.qt_binaries()
    assert binaries, "PySide6's xcb plugin not found in the virtualenv"
    lacking: set[str] = set()
    for binary in binaries:
        out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True).stdout
        lacking |= {line.split()[0] for line in out.splitlines() if "not found" in line}
    if ctypes.util.find_library("xcb-cursor") is None:
        lacking.add("libxcb-cursor.so.0")
    run = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    if not lacking:
        assert (run.returncode, run.stderr) == (0, "")
        return
    assert run.returncode == 1
    lines = [x.strip() for x in run.stderr.splitlines() if "apt-get install" in x]
    assert len(lines) == 1
    named = set(lines[0].removeprefix("sudo apt-get install -y ").split())
    assert named == {m.PACKAGES[soname] for soname in lacking}
