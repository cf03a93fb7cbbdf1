"""Chunking: windows counted in the embedder's own tokens, with overlap (issue 5 §1)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.retrieval.chunks import Chunker, word_spans
from models.embedder import SentenceTransformerEmbedder

WORDS = st.lists(
    st.sampled_from(["pain", "sertraline", "50", "mg", "review.", "BP", "130/85", "sleep;", "x"]),
    max_size=400,
)


@settings(max_examples=60, deadline=None)
@given(WORDS, st.integers(4, 40), st.integers(0, 3))
def test_windows_cover_every_token_within_the_limit(words: list[str], size: int, lap: int) -> None:
    body = " ".join(words)
    chunker = Chunker(word_spans, max_tokens=size, overlap=lap)
    pieces = chunker.split(body)
    assert all(len(word_spans(p)) <= size for p in pieces)
    # Every token of the note is in some chunk: nothing is lost between windows.
    tokens = [body[a:b] for a, b in word_spans(body)]
    covered = [p[a:b] for p in pieces for a, b in word_spans(p)]
    assert set(covered) == set(tokens)
    assert len(covered) >= len(tokens)
    if tokens:
        assert body.startswith(pieces[0]) and body.endswith(pieces[-1])
    else:
        assert pieces == []


def test_neighbouring_chunks_overlap_and_prefer_sentence_ends() -> None:
    sentences = [f"Sentence {i} about knee pain and exercise." for i in range(40)]
    body = " ".join(sentences)
    pieces = Chunker(word_spans, max_tokens=32, overlap=6).split(body)
    assert len(pieces) > 5
    # Where each piece stands in the text: every next one starts inside the one before,
    # the last 6 tokens of it (the sentences differ only in their number, so comparing
    # words would find "knee pain" in common without any overlap).
    starts = [body.index(pieces[0])]
    for piece in pieces[1:]:
        starts.append(body.index(piece, starts[-1] + 1))
    for i in range(len(pieces) - 1):
        end_a = starts[i] + len(pieces[i])
        assert starts[i] < starts[i + 1] < end_a
        assert len(word_spans(body[starts[i + 1] : end_a])) == 6
    # Most windows end on a full stop rather than mid-sentence.
    assert sum(p.endswith(".") for p in pieces[:-1]) >= len(pieces[:-1]) * 3 // 4


def test_counts_with_the_embedders_tokenizer(embedder: SentenceTransformerEmbedder) -> None:
    # Subword tokens: a long drug name is several tokens, so a word count would overfill.
    body = " ".join(["levothyroxine hydrochlorothiazide"] * 100)
    chunker = Chunker(embedder.token_spans, max_tokens=64, overlap=8)
    pieces = chunker.split(body)
    assert len(word_spans(body)) == 200
    assert all(embedder.count_tokens(p) <= 64 for p in pieces)
    assert len(pieces) > 200 // 64 + 1  # more chunks than words alone would need
    assert embedder.count_tokens(pieces[0]) > 56  # windows are filled, not tiny
