"""BM25 over the decrypted chunks of one scope, in memory only (docs/architecture.md).

Built lazily on the first search after unlock, rebuilt when the scope's chunks change (a
cheap fingerprint from the database notices edits from this process and from others on a
shared server), and wiped on lock. Drug names, doses and dates need this side: a sentence
embedding barely tells "sertraline 50 mg" from "sertraline 100 mg".
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import threading
from dataclasses import dataclass
from typing import Any
from uuid import UUID

import bm25s  # pyright: ignore[reportMissingTypeStubs] - bm25s ships no stubs
import numpy as np
from bm25s.stopwords import STOPWORDS_EN  # pyright: ignore[reportMissingTypeStubs]
from sqlalchemy import Connection, text

from core.retrieval.chunks import decrypt_content
from core.retrieval.synonyms import expansion
from core.retrieval.thesaurus import DEFAULT, Thesaurus
from core.retrieval.types import SearchQuery
from core.security.crypto import CellCipher

# bm25s logs each build at DEBUG through a handler of its own; keep the terminal quiet.
logging.getLogger("bm25s").setLevel(logging.WARNING)

_WORD = re.compile(r"\w+(?:[.,/-]\w+)*")
# bm25s's English list is short (33 words). Question words and pronouns are in nearly
# every question and many notes ("pain when climbing"); left in, they outweighed the
# drug a question names.
_STOP = frozenset(STOPWORDS_EN) | frozenset(
    re.findall(
        r"\w+",
        "when what which who whom whose why how did does do has have had were been being "
        "her his she he him their they them its any",
    )
)


# Hebrew. Points and cantillation marks are optional in Hebrew spelling (most
# notes have none; a quoted prescription or a name may), so they are dropped. Geresh and
# gershayim mark abbreviations (ד"ר, מ"ג): the word is kept whole without them.
_HEBREW_LETTER = "\u05d0-\u05ea"
_HAS_HEBREW = re.compile(f"[{_HEBREW_LETTER}]")
_NIQQUD = re.compile("[\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7]")
_GERSHAYIM = re.compile(f"(?<=[{_HEBREW_LETTER}])[\"'\u05f3\u05f4](?=[{_HEBREW_LETTER}])")
# The one-letter prefixes that attach to the next word: and, the, in, as, to, from, that
# ("והמטופל" = "and the patient"). Without a lexicon a word is also indexed with up to two
# of them removed, keeping at least three letters: "בבית" also gives "בית".
_HEBREW_PREFIXES = frozenset("ובהכלמש")
_MAX_PREFIXES = 2
_MIN_STEM = 3
_GLUED_LATIN = re.compile(f"[ובהכלמש]{{1,{_MAX_PREFIXES}}}(?=[^\\W{_HEBREW_LETTER}])")
# Function words that would outweigh a drug or a finding, as the English list does.
_HEBREW_STOP = frozenset(
    re.findall(
        r"\w+",
        "של את על עם אם האם מה מתי איך למה מדוע איזה איזו אילו מי הוא היא הם הן זה זו זאת "
        "גם או כי אל לו לה בו בה יש היה הייתה היו כמה",
    )
)


def has_hebrew(text: str) -> bool:
    return _HAS_HEBREW.search(text) is not None


def hebrew_forms(word: str) -> list[str]:
    """`word` and the words under its one-letter prefixes, longest first."""
    forms = [word]
    while (
        len(forms) <= _MAX_PREFIXES
        and len(forms[-1]) > _MIN_STEM
        and forms[-1][0] in _HEBREW_PREFIXES
        and _HAS_HEBREW.match(forms[-1][1])
    ):
        forms.append(forms[-1][1:])
    return forms


def _normalise_hebrew(value: str) -> str:
    return _GERSHAYIM.sub("", _NIQQUD.sub("", value))


def tokenize(value: str) -> list[str]:
    """Lower-case words; "2024-03-02" and "2.5" stay whole and also give their parts, so
    both an exact date and a bare year match. Hebrew words lose their points and also
    give their forms without one-letter prefixes (`hebrew_forms`)."""
    hebrew = _HAS_HEBREW.search(value) is not None
    if hebrew:
        value = _normalise_hebrew(value)
    out: list[str] = []
    for m in _WORD.finditer(value.casefold()):
        word = m.group()
        parts = re.split(r"[.,/-]", word) if not word.isalnum() else []
        if hebrew and _HAS_HEBREW.search(word):
            if word in _HEBREW_STOP:
                continue
            # "בבית" stays a word of its own too: the prefix letter may be the word's own.
            extra = [f for p in (word, *parts) if p for f in hebrew_forms(p)[1:]]
            # A prefix glued to a Latin name ("לAspirin", "בMetformin") leaves the name.
            glued = _GLUED_LATIN.match(word)
            if glued is not None and len(word) - glued.end() > 1:
                rest = word[glued.end() :]
                extra += [rest, *(p for p in re.split(r"[.,/-]", rest) if p and p != rest)]
            parts = [*parts, *extra]
        out.extend(t for t in (word, *parts) if t and t not in _STOP and t not in _HEBREW_STOP)
    return out


def query_tokens(question: str, thesaurus: Thesaurus = DEFAULT) -> list[str]:
    """A question's words, then the other names of what it names: abbreviations
    (`synonyms.expansion`) and names in the other language (`thesaurus`)."""
    tokens = tokenize(question)
    other = [*expansion(question), *thesaurus.names(question)]
    tokens += [t for t in dict.fromkeys(tokenize(" ".join(other))) if t not in tokens]
    return tokens


@dataclass(frozen=True)
class Doc:
    chunk_id: UUID
    client_id: UUID
    field: str
    session_date: dt.datetime | None


class LexicalIndex:
    def __init__(self, docs: list[Doc], texts: list[str], thesaurus: Thesaurus = DEFAULT) -> None:
        self.docs = docs
        self.thesaurus = thesaurus
        self._bm25: Any = None
        if docs:
            self._bm25 = bm25s.BM25()
            # An empty chunk still needs a token: bm25s drops empty documents.
            self._bm25.index([tokenize(t) or [""] for t in texts], show_progress=False)
        self._fields = np.array([d.field for d in docs], dtype=object)
        self._clients = np.array([d.client_id.int for d in docs], dtype=object)
        self._dates = [d.session_date for d in docs]

    def top(self, q: SearchQuery, limit: int) -> list[tuple[UUID, float]]:
        """The best `limit` chunks with a positive score that pass the query's filters."""
        tokens = query_tokens(q.text, self.thesaurus)
        if self._bm25 is None or not tokens:
            return []
        scores = np.asarray(self._bm25.get_scores(tokens), dtype=np.float64)
        mask = scores > 0
        if q.client_id is not None:
            mask &= self._clients == q.client_id.int
        if q.fields:
            mask &= np.isin(self._fields, list(q.fields))
        if q.date_from or q.date_to:
            mask &= np.array([_in_range(d, q) for d in self._dates], dtype=bool)
        idx = np.flatnonzero(mask)
        if idx.size > limit:
            idx = idx[np.argpartition(-scores[idx], limit - 1)[:limit]]
        idx = idx[np.argsort(-scores[idx], kind="stable")]
        return [(self.docs[int(i)].chunk_id, float(scores[i])) for i in idx]


def _in_range(day: dt.datetime | None, q: SearchQuery) -> bool:
    if day is None:  # client fields have no date: a date filter means sessions
        return False
    return (q.date_from is None or day.date() >= q.date_from) and (
        q.date_to is None or day.date() <= q.date_to
    )


_SCOPE_SQL = (
    "SELECT c.id, c.client_id, c.field, c.content, s.session_date "
    "FROM chunks c LEFT JOIN sessions s ON s.id = c.session_id WHERE c.workspace_id = :ws {cond}"
)
_PRINT_SQL = "SELECT count(*), max(c.updated_at) FROM chunks c WHERE c.workspace_id = :ws {cond}"


class LexicalCache:
    """One index per scope: a client, or the whole workspace (key None). `thesaurus` gives
    each question's other names (`query_tokens`)."""

    def __init__(self, thesaurus: Thesaurus = DEFAULT) -> None:
        self.thesaurus = thesaurus
        self._lock = threading.Lock()
        self._entries: dict[tuple[UUID, UUID | None], tuple[Any, LexicalIndex]] = {}

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def get(self, conn: Connection, cipher: CellCipher, client_id: UUID | None) -> LexicalIndex:
        ws = cipher.workspace_id
        cond, params = (
            ("AND c.client_id = :client", {"client": client_id}) if client_id else ("", {})
        )
        fingerprint = tuple(
            conn.execute(text(_PRINT_SQL.format(cond=cond)), {"ws": ws, **params}).one()
        )
        key = (ws, client_id)
        with self._lock:
            entry = self._entries.get(key)
        if entry is not None and entry[0] == fingerprint:
            return entry[1]
        rows = conn.execute(text(_SCOPE_SQL.format(cond=cond)), {"ws": ws, **params}).all()
        docs = [Doc(r.id, r.client_id, r.field, r.session_date) for r in rows]
        texts = [decrypt_content(cipher, r.id, r.content) for r in rows]
        index = LexicalIndex(docs, texts, self.thesaurus)
        with self._lock:
            self._entries[key] = (fingerprint, index)
        return index
