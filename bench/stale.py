"""Which committed results are older than the code they measure: each names the commit it
was measured on (bench.common.write_result), and git says what changed since."""

from __future__ import annotations

import ast
import json
import subprocess
from pathlib import Path

from bench.common import APP_CODE, REPO, RESULTS, measured_paths
from bench.producers import PRODUCERS


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)


def staleness(path: Path) -> str | None:
    """Why `path` is not a measurement of the current code, or None when it is."""
    data = json.loads(path.read_text(encoding="utf-8"))
    data = {**data.get("code", {}), **data}  # the answer eval nests it under "code"
    commit = data.get("commit")
    if not commit:
        return f"{path.name} records no commit"
    if data.get("uncommitted"):
        return f"{path.name} was measured with uncommitted changes: {data['uncommitted'][:3]}"
    if _git("cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        return f"{path.name}: commit {commit[:12]} is not in this clone"
    paths = [*code_paths(path.stem), *producer_paths(path.stem)]
    since = _git("rev-list", "--count", f"{commit}..HEAD", "--", *paths)
    n = int(since.stdout.strip() or 0)
    return f"{path.name}: {n} commit(s) since {commit[:12]} change its code" if n else None


def code_paths(stem: str) -> list[str]:
    """What results/<stem>.json measured besides its bench code: the files of core, models,
    app and migrations that its producer's code imports, followed through their own imports.
    A result no producer writes depends on all of them, as does one whose producer reaches
    none (nothing to follow)."""
    bench_own = [p for p in measured_paths(stem) if p not in APP_CODE]
    files = [f for source in producer_paths(stem) for f in _python_files(REPO / source)]
    reached = app_imports(files)
    return [*(reached or APP_CODE), *bench_own]


def app_imports(files: list[Path]) -> list[str]:
    """The app's files that `files` import, directly or through each other: each module's
    file and its packages' __init__. Code that a child process runs from a string counts
    (bench_models measures RSS that way). Reaching migrations counts the folder: alembic
    loads its versions by path."""
    todo = list(files)
    seen: set[Path] = set()
    found: set[str] = set()
    while todo:
        file = todo.pop()
        if file in seen:
            continue
        seen.add(file)
        for module in _imports(file.read_text(encoding="utf-8"), file):
            for target in _module_files(module):
                rel = target.relative_to(REPO).as_posix()
                if rel.startswith("migrations/"):
                    found.add("migrations")
                elif rel not in found:
                    found.add(rel)
                    todo.append(target)
    return sorted(found)


def _imports(source: str, file: Path) -> list[str]:
    """Dotted names `source` imports, and for `from a import b` both a and a.b (b may be a
    submodule); a string constant that is itself Python with imports is read too."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the file's own package, `level - 1` up
                package = file.relative_to(REPO).parent.parts
                up = package[: len(package) - node.level + 1]
                base = ".".join([*up, *([base] if base else [])])
            names += [base, *(f"{base}.{a.name}" for a in node.names)]
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "import " in node.value
        ):
            names += _imports(node.value, file)
    return names


def _module_files(module: str) -> list[Path]:
    """The files that importing `module` runs, when it is the app's: each package's
    __init__.py on the way and the module's own file."""
    parts = module.split(".")
    if parts[0] not in APP_CODE:
        return []
    found: list[Path] = []
    for i in range(1, len(parts) + 1):
        stem = REPO.joinpath(*parts[:i])
        for candidate in (stem / "__init__.py", stem.with_suffix(".py")):
            if candidate.is_file():
                found.append(candidate)
    return found


def _python_files(path: Path) -> list[Path]:
    return sorted(path.rglob("*.py")) if path.is_dir() else [path] if path.is_file() else []


def producer_paths(stem: str) -> list[str]:
    """The bench code behind results/<stem>.json: the module of its producer and every bench
    module that imports, followed through (a set's folder counts whole, a room's module with
    the room's data). An answer eval's scoring is bench/answers/scoring.py, its questions
    bench/retrieval/evalset/: both are its code."""
    producers = [p for p in PRODUCERS.values() if stem in p.writes]
    todo = [p.module for p in producers]
    # A folder of bench/ named on the command line (a blind set's) is what the module reads.
    todo += [a.replace("/", ".") for p in producers for a in p.command or () if _bench_folder(a)]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if ".".join(module.split(".")[:2]) in _FINDERS:
            continue
        for source in _sources(module):
            if source in seen:
                continue
            seen.add(source)
            path = REPO / source
            files = [path] if source.endswith(".py") else path.rglob("*.py")
            for file in files:
                todo += [
                    m
                    for m in _imports(file.read_text(encoding="utf-8"), file)
                    if m.startswith("bench.")
                ]
    return sorted(seen)


# What finds a result's code (bench.common.write_result asks it) is not code it measured.
_FINDERS = ("bench.stale", "bench.producers")
# Folders that group suites and sets rather than make one: a module in one counts alone.
ROOMS = ("store", "runtime", "retrieval", "timeline", "timeline/sets", "answers", "dictation",
         "documents")  # fmt: skip


def _sources(module: str) -> list[str]:
    """What module bench.A.B... is made of: its file, or a whole folder that is no room (a
    set, a suite's parts); a room's own module brings the room's data with it (files and
    folders that are not Python: the documents' corpus, the dictation voices' pins)."""
    parts = module.split(".")
    if parts[0] != "bench" or len(parts) < 2:
        return []
    for i in range(2, len(parts) + 1):
        rel = "/".join(parts[1:i])
        if (REPO / "bench" / f"{rel}.py").is_file():
            room = "/".join(parts[1 : i - 1])
            return [f"bench/{rel}.py", *(_room_data(room) if room in ROOMS else [])]
        if not (REPO / "bench" / rel).is_dir():
            return []
        if rel not in ROOMS:
            return [f"bench/{rel}"]
    rel = "/".join(parts[1:])
    return [f"bench/{rel}/__init__.py"] if rel in ROOMS else []


def _bench_folder(arg: str) -> bool:
    return arg.startswith("bench/") and (REPO / arg / "__init__.py").is_file()


def _room_data(room: str) -> list[str]:
    folder = REPO / "bench" / room
    return sorted(
        f"bench/{room}/{p.name}"
        for p in folder.iterdir()
        if not p.name.startswith((".", "__"))
        and p.suffix != ".py"
        and not (p / "__init__.py").exists()
    )


def stale_results(results: Path = RESULTS) -> list[str]:
    return [s for p in sorted(results.glob("*.json")) if (s := staleness(p)) is not None]


if __name__ == "__main__":
    print("\n".join(stale_results()) or "every result is current")
