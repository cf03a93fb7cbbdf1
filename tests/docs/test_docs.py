"""The documentation stays inside the repository and true to it: every link in README.md
and docs/*.md leads to a file (and heading) that exists here, no path reaches outside the
repository, every file path a document names in backticks exists, and the README links
every page under docs/."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "packaging/README.md"]
# Inline links and images, [text](target) and ![alt](target); the target ends at a space
# (a title follows) or the closing parenthesis.
LINK = re.compile(r"!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
# A path a document names in backticks, under one of the repository's own folders.
TOP = ("app", "core", "ui", "models", "migrations", "bench", "tests", "packaging", "docs")
CODE_PATH = re.compile(r"`((?:" + "|".join(TOP) + r")/[^`\s]*)`")
UP = re.compile(r"(?:\.\./)+[^\s)`'\"<>]*")


def _ids(paths: list[Path]) -> list[str]:
    return [p.relative_to(ROOT).as_posix() for p in paths]


def _text(doc: Path) -> str:
    """The document without its fenced code blocks (shell commands, TOML, SQL)."""
    return re.sub(r"^```.*?^```", "", doc.read_text(encoding="utf-8"), flags=re.M | re.S)


def _inside(path: Path) -> bool:
    return path.resolve().is_relative_to(ROOT)


def _anchors(doc: Path) -> set[str]:
    """GitHub's ids for a document's headings: lower case, punctuation dropped, spaces to
    hyphens."""
    ids = set()
    for line in _text(doc).splitlines():
        if m := re.match(r"#{1,6}\s+(.*)", line):
            title = m.group(1).strip().lower()
            ids.add(re.sub(r"[^\w\- ]", "", title).replace(" ", "-"))
    return ids


@pytest.mark.parametrize("doc", DOCS, ids=_ids(DOCS))
def test_every_link_leads_to_a_file_in_the_repository(doc: Path) -> None:
    broken = []
    for target in LINK.findall(_text(doc)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        path_part, _, anchor = unquote(target).partition("#")
        path = (doc.parent / path_part).resolve() if path_part else doc
        if not _inside(path):
            broken.append(f"{target}: outside the repository")
        elif not path.exists():
            broken.append(f"{target}: no such file")
        elif anchor and path.suffix == ".md" and anchor not in _anchors(path):
            broken.append(f"{target}: no heading #{anchor} in {path.name}")
    assert not broken, broken


@pytest.mark.parametrize("doc", DOCS, ids=_ids(DOCS))
def test_nothing_refers_outside_the_repository(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    outside = [p for p in UP.findall(text) if not _inside(doc.parent / p)]
    assert not outside, f"{doc.name} refers outside the repository: {outside}"


@pytest.mark.parametrize("doc", DOCS, ids=_ids(DOCS))
def test_every_path_named_in_backticks_exists(doc: Path) -> None:
    """`core/api.py`, `ui/screenshots/`, `bench/results/*.json`: the code a document points
    a newcomer to is there. A path that moves must move in the docs too."""
    missing = [
        name
        for name in CODE_PATH.findall(_text(doc))
        if not any(ROOT.glob(name.rstrip("/"))) and not (ROOT / name).exists()
    ]
    assert not missing, f"{doc.relative_to(ROOT)} names paths that do not exist: {missing}"


def test_the_readme_links_every_page_of_the_docs() -> None:
    linked = {
        (ROOT / unquote(t).partition("#")[0]).resolve()
        for t in LINK.findall(_text(ROOT / "README.md"))
    }
    pages = sorted((ROOT / "docs").glob("*.md"))
    assert pages, "docs/ has no pages"
    unlinked = [p.name for p in pages if p.resolve() not in linked]
    assert not unlinked, f"README.md links no {unlinked}"


def test_no_page_of_the_docs_is_ignored_by_git() -> None:
    """A page git ignores would be linked here and missing from every clone."""
    ignored = subprocess.run(
        ["git", "check-ignore", *(str(p) for p in DOCS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.split()
    assert not ignored, ignored
