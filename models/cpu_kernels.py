"""Which CPU kernels llama.cpp runs the generator with on this machine.

One package runs on every x86-64 laptop. A llama.cpp built with its CPU kernels as
libraries loaded at run time (GGML_BACKEND_DL with GGML_CPU_ALL_VARIANTS: one
`libggml-cpu-<variant>.so` per instruction-set level beside llama_cpp's own libraries)
registers none until they are loaded: `load()` loads them from that folder, once, and ggml
takes the best this CPU supports, so an AVX-512 desktop reads prompts with its AVX-512
kernels (1.8 times the AVX2 build's speed on an AMD EPYC, docs/benchmarks.md) and an AVX2
laptop with AVX2's. The package's build is such a one (packaging/llama_wheel.sh); a build
with the kernels linked in (the development environment's x86-64-v3 one) has them
already, and `load()` loads nothing.
"""

from __future__ import annotations

import ctypes
import logging
import re
import threading
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# The instruction sets that name a kernel level, best first, as llama.cpp prints them.
_LEVELS = (
    ("AMX_INT8", "AMX"),
    ("AVX512", "AVX-512"),
    ("AVX2", "AVX2"),
    ("AVX", "AVX"),
    ("SSE3", "SSE3"),
)


@dataclass(frozen=True)
class Kernels:
    """`level`: the best instruction set the loaded kernels use ("AVX-512", "AVX2");
    `loadable`: the kernels are libraries chosen at run time (the variants shipped, by
    file name) rather than one build linked in."""

    level: str
    features: tuple[str, ...]
    loadable: tuple[str, ...] = ()
    cpu: str | None = None  # the best level this CPU has, where the system says
    only: str | None = None  # one variant loaded on purpose, not the best (a benchmark's)

    def describe(self) -> str:
        if self.only is not None:
            how = f"the {self.only} build alone, of {len(self.loadable)}"
        elif self.loadable:
            how = f"chosen at run time from {len(self.loadable)} builds"
        else:
            how = "one portable build"
        if self.cpu is not None and self.cpu != self.level:
            how += f"; this CPU has {self.cpu}"
        return f"llama.cpp CPU kernels: {self.level} ({how})"


def _lib_dir() -> Path:
    import llama_cpp

    return Path(llama_cpp.__file__).parent / "lib"


def variants(lib: Path | None = None) -> tuple[str, ...]:
    """The CPU kernel libraries a run-time-loaded build ships ("haswell", "skylakex"…);
    empty for a build with the kernels linked in."""
    folder = lib or _lib_dir()
    found = (re.fullmatch(r"libggml-cpu-(.+)\.so", p.name) for p in folder.glob("libggml-cpu-*"))
    return tuple(sorted(m.group(1) for m in found if m))


class KernelsError(RuntimeError):
    """The one set of kernels asked for is not shipped, or this CPU cannot run it."""


_LOADING = threading.Lock()
_loaded: Kernels | None = None


def load(only: str | None = None) -> Kernels:
    """Loads the CPU kernels where the build leaves them to run time (once a process), and
    says which run. Called before the first model is opened, and by the health checks,
    from whichever thread comes first: loading twice would register the CPU twice.
    `only`: one shipped variant ("haswell") instead of the best, to measure each level
    (bench/runtime/kernels.py); the first call of a process decides."""
    global _loaded
    with _LOADING:
        if _loaded is None:
            _loaded = _load(only)
        return _loaded


def _load(only: str | None) -> Kernels:
    import llama_cpp

    lib = _lib_dir()
    shipped = variants(lib)
    if only is not None and only not in shipped:
        raise KernelsError(f"no CPU kernels named {only!r} in this build: {shipped or 'none'}")
    if shipped:
        # Through llama's own handle: the ggml it was linked against. A wheel holds no
        # links, so libggml.so beside it is a second copy, whose registry llama never sees.
        from llama_cpp import llama_cpp as bindings

        handle = bindings._lib  # pyright: ignore[reportPrivateUsage]
        if only is None:
            handle.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
            handle.ggml_backend_load_all_from_path.restype = None
            handle.ggml_backend_load_all_from_path(str(lib).encode())
        else:
            # ggml refuses a variant whose instructions this CPU lacks (it scores it 0).
            handle.ggml_backend_load.argtypes = [ctypes.c_char_p]
            handle.ggml_backend_load.restype = ctypes.c_void_p
            if not handle.ggml_backend_load(str(lib / f"libggml-cpu-{only}.so").encode()):
                raise KernelsError(f"this CPU cannot run the {only} kernels")
    info = llama_cpp.llama_print_system_info().decode()
    kernels = Kernels(level(info), features(info), shipped, cpu_level(), only)
    log.info("%s", kernels.describe())
    return kernels


def features(info: str) -> tuple[str, ...]:
    """The instruction sets `llama_print_system_info` marks as used ("AVX2 = 1")."""
    return tuple(re.findall(r"(\w+) = 1", info))


def level(info: str) -> str:
    """The best instruction-set level the printed kernels use."""
    used = set(features(info))
    return next((name for flag, name in _LEVELS if flag in used), "generic")


# /proc/cpuinfo's names of the same levels.
_CPU_FLAGS = (("amx_int8", "AMX"), ("avx512f", "AVX-512"), ("avx2", "AVX2"), ("avx", "AVX"))


def cpu_level(cpuinfo: Path = Path("/proc/cpuinfo")) -> str | None:
    """The best of those levels this CPU has (Linux); None where that cannot be read."""
    try:
        flags = set(re.findall(r"\w+", cpuinfo.read_text(encoding="ascii", errors="replace")))
    except OSError:
        return None
    return next((name for flag, name in _CPU_FLAGS if flag in flags), None)
