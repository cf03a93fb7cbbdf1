"""What the assistant panel shows of one conversation, with no widgets in it.

The panel owns the widgets and the threads; this holds the turns: the earlier ones, the
current question and its checked answer, and the words streamed so far (counted for the
progress line, never kept). Every answer keeps its own numbered sources, so its [n] opens
the note that [n] meant in that answer, however many questions came after.
Kept apart so the rules for what becomes history, and for how a stored conversation is
split into history and the current turn, can be read and tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from uuid import UUID

from core.assistant.types import AskResult, AskSource, StoredMessage
from core.messages import Message

Role = Literal["user", "assistant"]


@dataclass(frozen=True)
class Said:
    """One turn's text as the panel renders it; an answer with the sources its [n] mean."""

    role: Role
    text: str
    note: str | None = None
    sources: tuple[AskSource, ...] = ()
    # The answer in the assistant's own words (a refusal, the notes quoted), as messages
    # the window renders in its language; empty when `text` is shown as written.
    lines: tuple[Message, ...] = ()


@dataclass
class Conversation:
    conversation_id: UUID | None = None  # follow-ups continue this one
    history: list[Said] = field(default_factory=list)
    question: str | None = None  # None: no turn on screen; "": a stored reply alone
    # The checked answer (or a stored one); "" while it is being written.
    answer: str = ""
    sources: tuple[AskSource, ...] = ()  # the current answer's
    lines: tuple[Message, ...] = ()  # the current answer's, as `Said.lines`
    result: AskResult | None = None
    note: str | None = None  # said in place of an answer ("Cancelled before…")
    words: int = 0  # written so far by the model, for the progress line
    _in_word: bool = False  # the last streamed piece ended inside a word

    def start_over(self) -> None:
        """Forget everything: a new conversation, another client, or a lock."""
        self.conversation_id = None
        self.history = []
        self._new_turn(None)

    def begin(self, question: str) -> None:
        """A new question in this conversation. An answered turn becomes history; a
        cancelled or failed one was never stored, so it goes."""
        if self.answer:
            self.history.extend(self.current())
        self._new_turn(question)

    def count(self, piece: str) -> int:
        """Count a streamed piece towards the words written; returns the words so far."""
        if not piece:
            return self.words
        words = len(piece.split())
        if self._in_word and not piece[0].isspace():
            words -= 1  # the piece goes on with the word the last one ended in
        self._in_word = not piece[-1].isspace()
        self.words += words
        return self.words

    def answered(self, result: AskResult) -> None:
        self.result = result
        self.conversation_id = result.conversation_id or self.conversation_id
        self.answer = result.answer
        self.sources = tuple(result.sources)
        self.lines = result.answer_lines

    def load(self, conversation_id: UUID, messages: list[StoredMessage]) -> StoredMessage | None:
        """Show a stored conversation: its last answer is current, the turns before it
        history, each answer with its own sources. Returns that last answer, or None."""
        self.start_over()
        self.conversation_id = conversation_id
        last = max((i for i, m in enumerate(messages) if m.role == "assistant"), default=None)
        start = len(messages)
        if last is not None:
            start = last - 1 if last > 0 and messages[last - 1].role == "user" else last
        self.history = [
            Said(m.role, m.content, sources=tuple(m.sources), lines=m.lines)
            for m in messages[:start]
        ]
        if last is None:
            return None
        reply = messages[last]
        self.question = messages[start].content if start < last else ""
        self.answer = reply.content
        self.sources = tuple(reply.sources)
        self.lines = reply.lines
        return reply

    def current(self, *, with_note: bool = False) -> list[Said]:
        """The turn on screen: the question, then the answer (or the note in its place)
        once there is one."""
        if self.question is None:
            return []
        note = self.note if with_note else None
        turn = [Said("user", self.question)] if self.question else []
        if self.answer or note is not None:
            turn.append(Said("assistant", self.answer, note, self.sources, self.lines))
        return turn

    def answers(self) -> list[Said]:
        """Every answer on screen, oldest first: answer k's markers mean its own sources."""
        return [s for s in [*self.history, *self.current()] if s.role == "assistant"]

    def _new_turn(self, question: str | None) -> None:
        self.question, self.answer, self.result, self.note = question, "", None, None
        self.sources, self.lines = (), ()
        self.words, self._in_word = 0, False
