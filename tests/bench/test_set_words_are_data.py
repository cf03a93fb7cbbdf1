"""Every evaluation set keeps its words as data: its Python draws, combines and writes them,
and the words themselves (names, phrases, templates, Hebrew) are TOML beside it, read through
the kit's VocabFile. A table of words written back into a set's code fails here, naming it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The sets' code: every generator, reader and scorer of an evaluation set.
SETS = [
    *sorted((ROOT / "bench/timeline/sets").rglob("*.py")),
    *sorted((ROOT / "bench/answers/holdout").rglob("*.py")),
    *sorted((ROOT / "bench/retrieval/evalset").rglob("*.py")),
    *(
        ROOT / p
        for p in (
            "bench/retrieval/notes.py",
            "bench/answers/questions.py",
            "bench/dictation/evalset.py",
            "bench/dictation/holdout.py",
            "bench/dictation/holdout_data.py",
            "bench/documents/wording.py",
        )
    ),
]
# Words a note or a question would say: two Hebrew letters, or two Latin words with a space.
_HEBREW = re.compile(r"[\u05d0-\u05ea]{2}")
_PHRASE = re.compile(r"[A-Za-z]+ [A-Za-z]+")
# A collection literal with this many phrases is a vocabulary table.
MOST = 3


def _phrases(node: ast.AST) -> int:
    return sum(
        isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and bool(_HEBREW.search(n.value) or _PHRASE.search(n.value))
        for n in ast.walk(node)
    )


def word_tables(path: Path) -> list[str]:
    """`file:line` of each list, tuple, set or dict literal of `path` that holds `MOST` or
    more phrases."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(tree)
        if isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict) and _phrases(node) >= MOST
    ]


def test_the_sets_code_is_found() -> None:
    assert len(SETS) > 60 and all(p.is_file() for p in SETS)


@pytest.mark.parametrize("path", SETS, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_sets_code_holds_no_table_of_words(path: Path) -> None:
    assert word_tables(path) == []


def test_a_table_of_words_is_found(tmp_path: Path) -> None:
    written = tmp_path / "clinic.py"
    written.write_text(
        'OPENERS = ("seen today", "reviewed in clinic", "פגישת מעקב")\nSEED = 3\n',
        encoding="utf-8",
    )
    tree = ast.parse(written.read_text(encoding="utf-8"))
    literal = next(n for n in ast.walk(tree) if isinstance(n, ast.Tuple))
    assert _phrases(literal) == 3
    assert _phrases(ast.parse('FIELDS = ("subjective", "objective", "plan")')) == 0
