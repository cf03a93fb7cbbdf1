#!/usr/bin/env bash
# Installs llama-cpp-python into the Python given (PYTHON), compiled portable for x86-64-v3,
# for `make run`/`make test`'s .venv and for `make package`'s .venv-package alike.
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
CPU_FLAGS="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
CACHE=${CHARTSIDE_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/chartside/wheels}
WHEELS=$CACHE/x86-64-v3  # a wheel built with other flags is never reused
LLAMA=$(grep -i '^llama[-_]cpp[-_]python==' packaging/requirements.lock)
VERSION=${LLAMA#*==}

if ! ls "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl >/dev/null 2>&1; then
    # Built beside the cache and moved in whole: a build cut short leaves no wheel to reuse.
    mkdir -p "$CACHE"
    PARTIAL=$(mktemp -d "$CACHE/partial.XXXXXX")
    CMAKE_ARGS="$CPU_FLAGS" "$PYTHON" -m pip wheel --no-deps --no-cache-dir \
        --no-binary llama-cpp-python -w "$PARTIAL" "$LLAMA"
    mkdir -p "$WHEELS"
    mv "$PARTIAL"/llama_cpp_python-*.whl "$WHEELS"/
    rmdir "$PARTIAL"
fi
"$PYTHON" -m pip install --quiet --no-deps --force-reinstall \
    "$WHEELS"/llama_cpp_python-"$VERSION"-*.whl
# Its own dependencies, at the lock's versions, so that the check below can import it in a
# fresh venv (the lock's install, which comes next, keeps them).
DEPS=$(grep -iE '^(typing[-_]extensions|numpy|diskcache|jinja2|markupsafe)==' packaging/requirements.lock)
# shellcheck disable=SC2086 # one requirement a word
"$PYTHON" -m pip install --quiet $DEPS
"$PYTHON" - <<'PY'
import llama_cpp

info = llama_cpp.llama_print_system_info().decode()
missing = [f for f in ("AVX = 1", "AVX2 = 1", "FMA = 1", "F16C = 1") if f not in info]
if missing:
    raise SystemExit(f"the installed llama.cpp lacks {missing}: {info}")
if "AMX_INT8 = 1" in info:
    raise SystemExit(f"the installed llama.cpp is a native build (AMX): {info}")
print("llama.cpp:", info.strip())
PY
