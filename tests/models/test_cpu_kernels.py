"""Which CPU kernels llama.cpp runs with: read from the real build's own report, the
variants a run-time-loaded build ships, and the CPU's best level."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from models import cpu_kernels

PORTABLE = (
    "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | BMI2 = 1 | "
    "LLAMAFILE = 1 | OPENMP = 1 | REPACK = 1 | "
)
AVX512 = (
    "CPU : SSE3 = 1 | SSSE3 = 1 | AVX = 1 | AVX_VNNI = 1 | AVX2 = 1 | F16C = 1 | FMA = 1 | "
    "BMI2 = 1 | AVX512 = 1 | AVX512_VBMI = 1 | AVX512_VNNI = 1 | AVX512_BF16 = 1 | "
)


@pytest.mark.parametrize(
    ("info", "level"),
    [
        (PORTABLE, "AVX2"),
        (AVX512, "AVX-512"),
        (AVX512 + "AMX_INT8 = 1 | ", "AMX"),
        ("CPU : SSE3 = 1 | AVX2 = 0 | ", "SSE3"),
        ("CPU : ", "generic"),
    ],
)
def test_the_level_is_the_best_instruction_set_the_kernels_use(info: str, level: str) -> None:
    assert cpu_kernels.level(info) == level


def test_a_run_time_loaded_build_is_known_by_its_variant_libraries(tmp_path: Path) -> None:
    for name in ("libggml.so", "libggml-cpu-haswell.so", "libggml-cpu-skylakex.so", "libllama.so"):
        (tmp_path / name).write_bytes(b"")
    assert cpu_kernels.variants(tmp_path) == ("haswell", "skylakex")
    (other := tmp_path / "linked").mkdir()
    (other / "libggml-cpu.so").write_bytes(b"")
    assert cpu_kernels.variants(other) == ()


def test_the_cpus_level_comes_from_its_flags(tmp_path: Path) -> None:
    info = tmp_path / "cpuinfo"
    info.write_text("flags\t\t: fpu sse3 avx avx2 fma avx512f avx512bw\n", encoding="ascii")
    assert cpu_kernels.cpu_level(info) == "AVX-512"
    info.write_text("flags\t\t: fpu sse3 avx avx2 fma\n", encoding="ascii")
    assert cpu_kernels.cpu_level(info) == "AVX2"
    assert cpu_kernels.cpu_level(tmp_path / "missing") is None


def test_the_installed_build_says_what_it_runs() -> None:
    """The development environment's build is the portable x86-64-v3 one
    (packaging/llama_wheel.sh): its kernels linked in, AVX2 at best."""
    kernels = cpu_kernels.load()
    assert kernels.loadable == ()
    assert kernels.level == "AVX2" and {"AVX2", "FMA", "F16C"} <= set(kernels.features)
    said = kernels.describe()
    assert said.startswith("llama.cpp CPU kernels: AVX2 (one portable build")
    if kernels.cpu not in (None, "AVX2"):
        assert said.endswith(f"; this CPU has {kernels.cpu})")


def test_one_variant_asked_of_a_build_without_variants_is_refused() -> None:
    # In a process of its own: a process loads its kernels once, and this one may have.
    done = subprocess.run(
        [sys.executable, "-c", "from models import cpu_kernels; cpu_kernels.load('haswell')"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "KernelsError: no CPU kernels named 'haswell' in this build: none" in done.stderr


def test_a_variant_loaded_alone_says_so() -> None:
    k = cpu_kernels.Kernels("AVX2", ("AVX2",), ("haswell", "zen4"), "AVX-512", "haswell")
    assert k.describe() == (
        "llama.cpp CPU kernels: AVX2 (the haswell build alone, of 2; this CPU has AVX-512)"
    )
