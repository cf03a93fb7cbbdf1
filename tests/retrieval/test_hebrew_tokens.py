"""Hebrew-aware BM25 tokens: points removed, one-letter prefixes handled, English as before."""

from __future__ import annotations

import re
import uuid

from bm25s.stopwords import STOPWORDS_EN
from hypothesis import given
from hypothesis import strategies as st

from core.retrieval.lexical import Doc, LexicalIndex, hebrew_forms, tokenize
from core.retrieval.types import SearchQuery

LETTERS = "אבגדהוזחטיכךלמםנןסעפףצץקרשת"
POINTS = [chr(c) for c in range(0x05B0, 0x05BD)] + ["\u05c1", "\u05c2", "\u05c7"]
PREFIXES = "ובהכלמש"
hebrew_words = st.text(alphabet=LETTERS, min_size=3, max_size=9)


# The tokenizer as it was before Hebrew support, verbatim: English must not change.
_WORD = re.compile(r"\w+(?:[.,/-]\w+)*")
_STOP = frozenset(STOPWORDS_EN) | frozenset(
    re.findall(
        r"\w+",
        "when what which who whom whose why how did does do has have had were been being "
        "her his she he him their they them its any",
    )
)


def english_tokenize(value: str) -> list[str]:
    out: list[str] = []
    for m in _WORD.finditer(value.casefold()):
        word = m.group()
        parts = re.split(r"[.,/-]", word) if not word.isalnum() else []
        out.extend(t for t in (word, *parts) if t and t not in _STOP)
    return out


@given(st.text(alphabet=st.characters(exclude_characters=[chr(c) for c in range(0x590, 0x600)])))
def test_text_without_hebrew_tokenizes_as_before(value: str) -> None:
    assert tokenize(value) == english_tokenize(value)


def test_english_examples_are_unchanged() -> None:
    value = "Sertraline 50 mg on 2024-03-02; BP 120/80, what did she take?"
    assert tokenize(value) == english_tokenize(value)
    assert "2024" in tokenize(value) and "what" not in tokenize(value)


@given(hebrew_words, st.data())
def test_points_do_not_change_the_tokens(word: str, data: st.DataObject) -> None:
    marks = data.draw(st.lists(st.sampled_from(POINTS), min_size=len(word), max_size=len(word)))
    pointed = "".join(letter + mark for letter, mark in zip(word, marks, strict=True))
    assert pointed != word
    assert tokenize(f"נוטל {pointed} 50 mg") == tokenize(f"נוטל {word} 50 mg")


def test_pointed_text_matches_plain_text() -> None:
    assert tokenize("לְשָׁלוֹם בְּבַיִת") == tokenize("לשלום בבית")
    assert "בית" in tokenize("בְּבַיִת")


@given(st.sampled_from(PREFIXES), hebrew_words)
def test_a_prefixed_word_also_gives_the_bare_word(prefix: str, word: str) -> None:
    if word in tokenize(word):  # not a stop word
        assert word in tokenize(prefix + word)
        assert prefix + word in tokenize(prefix + word)


def test_prefix_examples() -> None:
    assert hebrew_forms("והמטופל") == ["והמטופל", "המטופל", "מטופל"]
    assert {"בית", "בבית"} <= set(tokenize("בבית"))
    assert tokenize("בית") == ["בית"]  # three letters: nothing is taken off
    assert tokenize("לב") == ["לב"]
    assert hebrew_forms("ושכשהבית")[-1] == "כשהבית"  # at most two prefixes


def test_abbreviations_and_function_words() -> None:
    assert tokenize('ד"ר כהן') == ["דר", "כהן"]
    assert "מג" in tokenize("50 מ״ג")
    assert tokenize("מתי התחילו כאבי הברך?")[:1] == ["התחילו"]  # "when" is a stop word
    assert "ברך" in tokenize("מתי התחילו כאבי הברך?")


def test_bm25_finds_a_prefixed_hebrew_word() -> None:
    texts = [
        "המטופלת מדווחת על חרדה בעבודה ונדודי שינה.",
        "כאבים בברך ימין בעליה במדרגות, הומלץ על פיזיותרפיה.",
        "לחץ דם 130/80, ממשיכה ליטול Amlodipine.",
    ]
    client = uuid.uuid4()
    docs = [Doc(uuid.uuid4(), client, "plan", None) for _ in texts]
    index = LexicalIndex(docs, texts)
    (best, _), *_ = index.top(SearchQuery("מתי התחיל הכאב בברך?"), 3)
    assert best == docs[1].chunk_id
    (best, _), *_ = index.top(SearchQuery("מה מצב החרדה של המטופלת?"), 3)
    assert best == docs[0].chunk_id
