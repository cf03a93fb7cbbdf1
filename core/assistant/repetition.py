"""Cutting a generation that loops ("sertraline 50 mg, sertraline 50 mg, ..."): small
models fall into repeating a run of words until the token limit. The sampler's repeat
penalty makes it rarer; this notices it in the stream and stops the model early."""

from __future__ import annotations

import re

RUN_WORDS = 6  # a repeated run this long
TIMES = 3  # seen this often is a loop, not a list with a shared phrase
_WORD = re.compile(r"\S+")


class RepeatGuard:
    """Fed the streamed pieces; `looping` turns True once the last `run` words have come
    `times` times. `text()` is what came before the loop's first repeat."""

    def __init__(self, run: int = RUN_WORDS, times: int = TIMES) -> None:
        self.run = run
        self.times = times
        self._text = ""
        self._cut: int | None = None

    @property
    def looping(self) -> bool:
        return self._cut is not None

    def feed(self, piece: str) -> bool:
        if self._cut is not None:
            return True
        self._text += piece
        words = [(m.group(), m.start()) for m in _WORD.finditer(self._text)]
        # The last word may still be growing; judge only finished words.
        if words and not self._text[-1:].isspace():
            words = words[:-1]
        if len(words) < self.run * self.times:
            return False
        tail = [w for w, _ in words[-self.run :]]
        starts = [
            words[i][1]
            for i in range(len(words) - self.run + 1)
            if [w for w, _ in words[i : i + self.run]] == tail
        ]
        if len(starts) >= self.times:
            self._cut = starts[1]  # keep the first telling, drop the repeats
        return self._cut is not None

    def text(self) -> str:
        return self._text if self._cut is None else self._text[: self._cut].rstrip(" ,;")
