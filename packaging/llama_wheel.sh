#!/usr/bin/env bash
# Installs llama-cpp-python into the Python given (PYTHON), built one of two ways:
# - `portable` (the default: `make run`/`make test`'s .venv): compiled for x86-64-v3, its
#   kernels linked in;
# - `variants` (`make package`'s .venv-package): its CPU kernels built once per
#   instruction-set level as libraries loaded at run time (GGML_BACKEND_DL,
#   GGML_CPU_ALL_VARIANTS; packaging/llama_variants.py prepares the source), so the package
#   runs an AVX2 laptop and an AVX-512 desktop each with its best kernels
#   (models/cpu_kernels.py loads them). It takes about 8 minutes on 2 cores, against 5.
# GGML_NATIVE=OFF: pip's wheel cache would otherwise hand back a build for this machine's
# CPU, which dies with SIGILL on most laptops, and here (a CPU with AMX) segfaults in
# llama.cpp's AMX matrix kernel on the first answer. GGML_NATIVE=OFF alone builds with no
# SIMD at all when SOURCE_DATE_EPOCH is set (every instruction set off: ~10x slower
# answers), so the x86-64-v3 sets (AVX2, FMA, F16C, BMI2: every x86 laptop CPU since 2013)
# are named, and the installed build is checked for them. The wheel is kept in the user's
# cache (~/.cache/chartside/wheels/x86-64-v3, or CHARTSIDE_WHEELS) and reused by every clone
# on the machine: it takes about 5 minutes to compile on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=$1
KERNELS=${2:-portable}
CACHE=${CHARTSIDE_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/chartside/wheels}
case $KERNELS in
    portable)
        CPU_FLAGS="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
        WHEELS=$CACHE/x86-64-v3;;  # a wheel built with other flags is never reused
    variants)
        CPU_FLAGS="-DGGML_NATIVE=OFF -DGGML_BACKEND_DL=ON -DGGML_CPU_ALL_VARIANTS=ON"
        WHEELS=$CACHE/cpu-variants;;
    *) echo "llama_wheel.sh: kernels are 'portable' or 'variants', not '$KERNELS'" >&2; exit 2;;
esac
LLAMA=$(grep -i '^llama[-_]cpp[-_]python==' packaging/requirements.lock)
VERSION=${LLAMA#*==}

if ! ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
    # Built beside the cache and moved in whole: a build cut short leaves no wheel to reuse.
    mkdir -p "$CACHE"
    PARTIAL=$(mktemp -d "$CACHE/partial.XXXXXX")
    if [ "$KERNELS" = variants ]; then
        "$PYTHON" -m pip download --quiet --no-deps --no-binary :all: -d "$PARTIAL" "$LLAMA"
        tar xzf "$PARTIAL"/llama_cpp_python-"$VERSION".tar.gz -C "$PARTIAL"
        SOURCE=$PARTIAL/llama_cpp_python-$VERSION
        "$PYTHON" packaging/llama_variants.py "$SOURCE"
    else
        SOURCE=$LLAMA
    fi
    CMAKE_ARGS="$CPU_FLAGS" "$PYTHON" -m pip wheel --no-deps --no-cache-dir \
        --no-binary llama-cpp-python -w "$PARTIAL" "$SOURCE"
    mkdir -p "$WHEELS"
    mv "$PARTIAL"/llama_cpp_python-*.whl "$WHEELS"/
    rm -rf "$PARTIAL"
fi
"$PYTHON" -m pip install --quiet --no-deps --force-reinstall \
    "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl
# Its own dependencies, at the lock's versions, so that the check below can import it in a
# fresh venv (the lock's install, which comes next, keeps them).
DEPS=$(grep -iE '^(typing[-_]extensions|numpy|diskcache|jinja2|markupsafe)==' packaging/requirements.lock)
# shellcheck disable=SC2086 # one requirement a word
"$PYTHON" -m pip install --quiet $DEPS
KERNELS=$KERNELS PYTHONPATH=. "$PYTHON" - <<'PY'
import os

import llama_cpp

from models import cpu_kernels

kernels = cpu_kernels.load()  # the variants' libraries, where they are run-time ones
if os.environ["KERNELS"] == "variants":
    shipped = set(kernels.loadable)
    if not {"x64", "haswell", "skylakex"} <= shipped or "sapphirerapids" in shipped:
        raise SystemExit(f"the installed llama.cpp's CPU variants are not the expected: {shipped}")
    print(kernels.describe())
    raise SystemExit(0)
info = llama_cpp.llama_print_system_info().decode()
missing = [f for f in ("AVX = 1", "AVX2 = 1", "FMA = 1", "F16C = 1") if f not in info]
if missing:
    raise SystemExit(f"the installed llama.cpp lacks {missing}: {info}")
if "AMX_INT8 = 1" in info:
    raise SystemExit(f"the installed llama.cpp is a native build (AMX): {info}")
print("llama.cpp:", info.strip())
PY
