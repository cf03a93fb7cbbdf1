"""The embedder the questions' reader by meaning compares in (core/timeline/answers/
meaning.py): the workspace's own when it is the multilingual one, else the multilingual
one opened for the reader alone, on its first question. Its examples are English and
Hebrew, so an English-only embedder would not do; without the multilingual one, questions
are read by the patterns alone."""

from __future__ import annotations

import logging
from collections.abc import Callable

from core.errors import ChartsideError
from core.ports import Embedder
from core.services.search_ops import Embedding, MultilingualId
from core.timeline.answers.meaning import Embed, MeaningReader

log = logging.getLogger(__name__)

OpenEmbedder = Callable[[], Embedder | None]


class ReaderEmbedder:
    """Opens, and at the end closes, the embedder the reader needs; opens it once."""

    def __init__(
        self, embedding: Embedding, multilingual: MultilingualId | None, open_own: OpenEmbedder
    ) -> None:
        self.embedding = embedding
        self.multilingual = multilingual
        self.open_own = open_own
        self.own: Embedder | None = None
        self.tried = False

    def __call__(self) -> Embed | None:
        current = self.embedding.embedder
        wanted = self.multilingual() if self.multilingual is not None else None
        if current is not None and wanted is not None and current.model_id == wanted:
            return current.embed_documents
        if not self.tried:
            self.tried = True
            try:
                self.own = self.open_own()
            except ChartsideError as exc:  # questions then go by the patterns alone
                log.warning("the questions' reader has no embedder: %s", exc.message)
        return self.own.embed_documents if self.own is not None else None

    def close(self) -> None:
        if self.own is not None:
            self.own.close()
            self.own = None


def question_reader(
    embedding: Embedding, multilingual: MultilingualId | None, open_own: OpenEmbedder | None
) -> tuple[MeaningReader | None, ReaderEmbedder | None]:
    """The reader and what opens its embedder; (None, None) where none can be opened."""
    if open_own is None:
        return None, None
    opener = ReaderEmbedder(embedding, multilingual, open_own)
    return MeaningReader(opener), opener
