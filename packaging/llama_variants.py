"""Prepares llama-cpp-python's source for the package's llama.cpp: its CPU kernels built
once per instruction-set level as libraries chosen at run time (GGML_BACKEND_DL with
GGML_CPU_ALL_VARIANTS), so one package runs an AVX2 laptop and an AVX-512 desktop each at
its best (models/cpu_kernels.py loads them).

Two edits, each checked, in the unpacked sdist (a release's source changes, so an edit
that finds nothing to change stops the build rather than passing unseen):
- llama-cpp-python's CMakeLists.txt installs only the targets it names, and names no
  variant: each `ggml-cpu-<level>` target is installed beside libllama;
- the AMX level (`sapphirerapids`) is not built. llama.cpp's AMX matrix kernel crashed
  this project's first answer on an AMX host (packaging/llama_wheel.sh), and no AMX host
  has run one since: an AMX CPU takes the best AVX-512 level instead.

    python packaging/llama_variants.py SOURCE_DIR
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

LEFT_OUT = ("sapphirerapids",)

_INSTALL_ANCHOR = "    llama_cpp_python_install_target(ggml-cpu)\n"
_INSTALL_VARIANTS = """\
    # Every CPU level's kernels, as libraries chosen at run time (GGML_BACKEND_DL).
    get_property(_ggml_targets DIRECTORY vendor/llama.cpp/ggml/src PROPERTY BUILDSYSTEM_TARGETS)
    foreach(_target IN LISTS _ggml_targets)
        if(_target MATCHES "^ggml-cpu-")
            llama_cpp_python_install_target(${_target})
        endif()
    endforeach()
"""


class SourceChanged(Exception):
    """The source is not laid out as these edits expect."""


def install_variants(cmakelists: str) -> str:
    if _INSTALL_ANCHOR not in cmakelists:
        raise SourceChanged("no 'llama_cpp_python_install_target(ggml-cpu)' to follow")
    if _INSTALL_VARIANTS in cmakelists:
        return cmakelists
    return cmakelists.replace(_INSTALL_ANCHOR, _INSTALL_ANCHOR + _INSTALL_VARIANTS, 1)


def leave_out(ggml_cmakelists: str, levels: tuple[str, ...] = LEFT_OUT) -> str:
    out = ggml_cmakelists
    for level in levels:
        line = re.compile(rf"^[ \t]*ggml_add_cpu_backend_variant\({level}\b[^\n]*\n", re.M)
        out, found = line.subn("", out)
        if not found:
            raise SourceChanged(f"no CPU level {level!r} to leave out")
    return out


def prepare(source: Path) -> None:
    top = source / "CMakeLists.txt"
    ggml = source / "vendor" / "llama.cpp" / "ggml" / "src" / "CMakeLists.txt"
    top.write_text(install_variants(top.read_text(encoding="utf-8")), encoding="utf-8")
    ggml.write_text(leave_out(ggml.read_text(encoding="utf-8")), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: llama_variants.py SOURCE_DIR", file=sys.stderr)
        return 2
    try:
        prepare(Path(args[0]))
    except (OSError, SourceChanged) as exc:
        print(f"llama_variants: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
