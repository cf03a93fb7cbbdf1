"""Ask the notes of the client on screen: live progress, checked answer, citations, history.

An answer can take tens of seconds, and the shared task runner has one worker that every
note load and save waits behind; so asks run on a second runner of their own and the notes
stay usable meanwhile.

Within a second of asking, the notes being read are listed with their dates; then a bar and
the status line follow the writing (words so far, the time left) beside Cancel. The model's
text itself is never shown as it streams: the service's grounding check may still turn it
into a refusal or change it, and nothing is shown and then taken back (docs/architecture.md). The
answer appears once the checked `AskResult` arrives. Every answer keeps its own sources:
its [n] open the note they meant, and the sources list follows the answer chosen.
Answers are untrusted model output and are only ever shown through `ui.assistant.safe_markdown`.

Everything here is PHI: it is dropped (and an ask in flight cancelled) whenever the client
changes, which includes locking.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections.abc import Sequence
from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.assistant.types import (
    AskProgress,
    AskRequest,
    AskResult,
    AskSource,
    ConversationSummary,
    StoredMessage,
)
from core.errors import Cancelled, Locked
from core.messages import Message
from core.ports import CancelToken
from ui.assistant.assistant_sources import SourcesView
from ui.assistant.conversation import Conversation
from ui.assistant.safe_markdown import Part, SafeBrowser, render_parts
from ui.assistant.warm_up import WarmUp
from ui.kit.bidi import DATE, DATE_TIME, ltr
from ui.kit.contrast import WARNING_TEXT
from ui.kit.core_text import core_lines, core_words
from ui.kit.errors import describe
from ui.kit.lists import IdList
from ui.kit.tasks import TaskRunner, Ticket

HISTORY_ROWS = 4
# Task runner keys of what the panel shows: the answer (on the panel's own ask runner), the
# stored conversation opened, and the list of conversations.
ANSWER_KEY = "assistant.answer"
CONVERSATION_KEY = "assistant.conversation"
LIST_KEY = "assistant.conversations"


class AssistantPanel(QGroupBox):
    """Emits `source_activated(AskSource)` when a citation is chosen, and `failed(exc)` with
    errors that belong to the controller (`Locked`, failures loading history)."""

    source_activated = Signal(object)
    failed = Signal(object)
    # (Ticket, piece) and (Ticket, AskProgress), emitted on the ask worker, queued to the
    # GUI thread.
    _text_arrived = Signal(object, str)
    _progress_arrived = Signal(object, object)

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assistantPanel")
        self.setTitle(self.tr("Ask the notes"))
        self._api = api
        self._runner = runner  # short calls: history, stored conversations
        self._ask_runner = TaskRunner(self)  # the ask itself, on its own thread
        self._ask_runner.failed.connect(self.failed)
        self._client_id: UUID | None = None
        self.conversation = Conversation()
        self._token: CancelToken | None = None
        self._text_arrived.connect(self._on_text, Qt.ConnectionType.QueuedConnection)
        self._progress_arrived.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._writing: AskProgress | None = None  # the latest pace heard
        self.warm_up = WarmUp(api, self)  # started at unlock
        self.warm_up.changed.connect(self._show_warm_up)
        self._shows_warm_up = False  # the status line says how far the models have got
        self._writing_since: float | None = None
        self._shown_answer: int | None = None  # whose sources the list shows

        self.conversations = IdList("conversationList", self)
        self.conversations.setAccessibleName(self.tr("Earlier conversations"))
        self.conversations.setMaximumHeight(self.fontMetrics().height() * (HISTORY_ROWS + 2))
        self.conversations.currentItemChanged.connect(self._on_conversation_selected)
        self.new_button = QPushButton(self.tr("New conversation"), self)
        self.new_button.setObjectName("newConversation")
        self.new_button.clicked.connect(self.new_conversation)
        self.question = QLineEdit(self)
        self.question.setObjectName("assistantQuestion")
        self.question.setPlaceholderText(self.tr("Ask a question about this client's notes"))
        self.question.setAccessibleName(self.tr("Question"))
        self.question.setClearButtonEnabled(True)
        self.question.returnPressed.connect(self.ask)
        self.ask_button = QPushButton(self.tr("As&k"), self)
        self.ask_button.setObjectName("askButton")
        self.ask_button.clicked.connect(self.ask)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("cancelAskButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.extractive = QCheckBox(self.tr("&Quote the notes only"), self)
        self.extractive.setObjectName("extractiveMode")
        self.extractive.setToolTip(
            self.tr("Answer with the best passages themselves, no generated text.")
        )
        self.status = _plain_label("askStatus", self)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("askProgress")
        self.progress.setAccessibleName(self.tr("Progress of the answer"))
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(self.fontMetrics().height() // 2 + 4)
        self.progress.hide()
        self.notice = _plain_label("askNotice", self)
        self.notice.setStyleSheet("QLabel { font-weight: bold; }")
        self.warnings = _plain_label("askWarnings", self)
        self.warnings.setStyleSheet(f"QLabel {{ color: {WARNING_TEXT}; }}")
        self.answer = SafeBrowser(self)
        self.answer.setObjectName("answerView")
        self.answer.setAccessibleName(self.tr("Answer"))
        self.answer.citation_clicked.connect(self._on_citation)
        self.sources = SourcesView(self)
        self.sources.source_activated.connect(self.source_activated)

        history_row = QHBoxLayout()
        history_row.addWidget(self.conversations, 1)
        history_row.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignTop)
        # The question has a row of its own, the panel's full width; beside the buttons it
        # was squeezed to a few characters.
        ask_row = QHBoxLayout()
        ask_row.addWidget(self.extractive)
        ask_row.addStretch(1)
        ask_row.addWidget(self.ask_button)
        ask_row.addWidget(self.cancel_button)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.answer)
        split.addWidget(self.sources)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(history_row)
        layout.addWidget(self.question)
        layout.addLayout(ask_row)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.notice)
        layout.addWidget(self.warnings)
        layout.addWidget(split, 1)
        # What an answer brings (a long path in a warning, a wide table) must not push the
        # panel wider: its width is the splitter's, whatever it shows.
        for widget in (self.status, self.notice, self.warnings, self.answer, self.sources):
            policy = widget.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            widget.setSizePolicy(policy)
        self.set_client(None)

    # -- state ------------------------------------------------------------------------------

    @property
    def client_id(self) -> UUID | None:
        return self._client_id

    @property
    def asking(self) -> bool:
        return self._token is not None

    @property
    def conversation_id(self) -> UUID | None:
        return self.conversation.conversation_id

    @property
    def result(self) -> AskResult | None:
        return self.conversation.result

    @property
    def answer_text(self) -> str:
        """The checked answer on screen (or a stored one); "" while it is being written."""
        return self.conversation.answer

    def set_client(self, client_id: UUID | None) -> None:
        """Ask about `client_id` from now on; None (no saved client, or locked) disables the
        panel. Changing client cancels an ask in flight and forgets everything shown."""
        self.setEnabled(client_id is not None)
        if client_id == self._client_id:
            return
        self._client_id = client_id
        self._runner.invalidate(LIST_KEY)
        self.conversations.clear_quietly()
        self.question.clear()
        self._start_over()
        if client_id is not None:
            self.refresh_conversations()

    def shutdown(self) -> None:
        """Cancel an ask in flight and wait for its thread and the warm-up's (the service
        closes after)."""
        self._cancel_token()
        self._ask_runner.shutdown()
        self.warm_up.shutdown()

    # -- asking -----------------------------------------------------------------------------

    def reading_status(self, n: int, dates: list[dt.datetime]) -> str:
        """What is being read, in the clinician's words: one note, or how many and when."""
        if dates and dates[0].date() != dates[-1].date():
            return self.tr("Reading {n} notes, from {first} to {last}…").format(
                n=n, first=ltr(dates[0].strftime(DATE)), last=ltr(dates[-1].strftime(DATE))
            )
        return self.tr("Reading %n note(s)…", "", n)

    def checked_words(self, supported: int, sentences: int) -> str:
        """What the check against the notes found, in a clinician's words."""
        if sentences == 0:
            return ""
        if supported == sentences == 1:
            return self.tr("Checked against the notes: the answer is supported.")
        if sentences == 1:
            return self.tr("Checked against the notes: the answer is not supported; check it.")
        if supported == sentences:
            return self.tr(
                "Checked against the notes: all %n sentence(s) are supported.", "", sentences
            )
        return self.tr(
            "Checked against the notes: {k} of %n sentence(s) are supported; check the others.",
            "",
            sentences,
        ).format(k=supported)

    def ask_or_focus(self) -> None:
        """Ctrl+Enter from anywhere in the window: the cursor to the question box, and the
        question asked when the box holds one."""
        self.question.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.question.text().strip():
            self.ask()

    def ask(self) -> None:
        """Ask the question in the box, continuing the conversation on screen."""
        text = self.question.text().strip()
        if not text or self._client_id is None or self.asking:
            return
        # Whatever was on screen is replaced: late progress or answers for an older
        # question, conversation or client never reach it.
        self._runner.invalidate(CONVERSATION_KEY)
        ticket = self._ask_runner.renew(ANSWER_KEY)
        self.conversation.begin(text)
        self._shown_answer = None
        self.sources.set_sources([])
        self.notice.hide()
        self.warnings.hide()
        self._show_status(self.tr("Reading the notes…"))
        self._writing, self._writing_since = None, None
        self.progress.setRange(0, 0)  # busy until the pace is known
        self.progress.show()
        self._token = token = CancelToken()
        self._show_warm_up()
        self._update_buttons()
        self._render()
        request = AskRequest(
            text,
            client_id=self._client_id,
            conversation_id=self.conversation_id,
            extractive=self.extractive.isChecked(),
        )
        self._ask_runner.submit(
            self._api.assistant.ask,
            request,
            functools.partial(self._emit_text, ticket),
            token,
            functools.partial(self._emit_progress, ticket),
            on_success=self._on_answer,
            on_error=self._on_ask_error,
            ticket=ticket,
        )

    def _show_warm_up(self) -> None:
        """While a question waits for the models opened at unlock: how far they have got,
        then "Reading the notes…" again once they are open."""
        if not self.asking or self._token is None or self._token.cancelled:
            return
        share = self.warm_up.share
        if self.warm_up.warming and share is not None:
            percent = round(100 * share)
            ready = self.tr("Getting the model ready: {percent}%")
            self._show_status(ready.format(percent=percent))
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
            self._shows_warm_up = True
        elif self._shows_warm_up and not self.warm_up.warming:
            self._shows_warm_up = False
            self._show_status(self.tr("Reading the notes…"))
            self.progress.setRange(0, 0)

    def cancel(self) -> None:
        """Stop the answer being generated; the service gives up within 200 ms."""
        if self._token is not None and not self._token.cancelled:
            self._token.cancel()
            self._show_status(self.tr("Cancelling…"))
            self.cancel_button.setEnabled(False)

    def _emit_text(self, ticket: Ticket, piece: str) -> None:
        # On the ask worker thread. RuntimeError: the panel is gone (application tear-down).
        with contextlib.suppress(RuntimeError):
            self._text_arrived.emit(ticket, piece)

    def _emit_progress(self, ticket: Ticket, progress: AskProgress) -> None:
        with contextlib.suppress(RuntimeError):
            self._progress_arrived.emit(ticket, progress)

    def _on_text(self, ticket: Ticket, piece: str) -> None:
        # Progress only: the piece counts towards the words written and is then dropped.
        if not ticket.current:
            return
        self.conversation.count(piece)
        self._show_writing()

    def _on_progress(self, ticket: Ticket, progress: AskProgress) -> None:
        if not ticket.current or self._token is None or self._token.cancelled:
            return  # "Cancelling…" stays until the worker stops
        if progress.stage == "reading" and progress.read is not None:
            percent = round(100 * progress.read)
            self._show_status(self.tr("Reading the notes: {percent}%").format(percent=percent))
            self.progress.setRange(0, 100)
            self.progress.setValue(percent)
            return
        if progress.stage == "reading":
            self.sources.set_sources(
                progress.sources, reading=True, caption=self.tr("The notes being read:")
            )
            dates = sorted(s.session_date for s in progress.sources if s.session_date)
            self._show_status(self.reading_status(len(progress.sources), dates))
            return
        if self._writing_since is None:
            self._writing_since = time.monotonic()
            self.progress.setRange(0, 0)  # busy again until the writing's pace is known
        self._writing = progress
        self._show_writing()

    def _show_writing(self) -> None:
        """The status line and bar while the model writes: words so far and time left."""
        if self._token is None or self._token.cancelled:
            return
        words = self.conversation.words
        left = self._writing.seconds_left if self._writing is not None else None
        if not words and left is None:
            return
        if left is None:
            status = self.tr(
                "Writing the answer: %n word(s) so far. It appears once checked.", "", words
            )
        else:
            status = self.tr(
                "Writing the answer: %n word(s) so far, about {left} s left. "
                "It appears once checked.",
                "",
                words,
            )
        self._show_status(status.format(left=max(1, round(left or 0))))
        if left is not None and self._writing_since is not None:
            spent = time.monotonic() - self._writing_since
            self.progress.setRange(0, 100)
            self.progress.setValue(round(100 * spent / max(spent + left, 1e-3)))

    def _on_answer(self, result: AskResult) -> None:
        self._token = None
        self.progress.hide()
        self.conversation.answered(result)
        self._show_outcome(result.sources, result.warnings, result.refused)
        if result.cache_hit:
            status = self.tr("Answered from earlier answers (cache).")
        else:
            seconds = result.timings_ms.get("total", 0.0) / 1000
            status = self.tr("Answered in {seconds:.1f} s.").format(seconds=seconds)
        checked = (
            self.checked_words(*result.checked) if result.checked and not result.refused else ""
        )
        if checked:
            status = f"{status} {checked}"
        self._show_status(status)
        self._update_buttons()
        self.refresh_conversations()

    def _on_ask_error(self, exc: BaseException) -> None:
        self._token = None
        self.progress.hide()
        if self.sources.reading:  # no answer is being read from them any more
            self.sources.set_sources([])
        self._update_buttons()
        if isinstance(exc, Cancelled):
            # Nothing unchecked is shown, so there is no partial answer: the turn says so.
            self._show_status(self.tr("Cancelled"))
            self.conversation.note = self.tr("Cancelled before the answer was ready.")
            self._render()
        elif isinstance(exc, Locked):
            self.status.hide()
            self.failed.emit(exc)  # the controller goes back to the unlock screen
        else:
            # Rejected questions, rate limits and time-outs belong beside the question.
            self._show_status(describe(exc).as_text())

    def _on_citation(self, turn: int, n: int) -> None:
        """[n] of answer `turn`: the list shows that answer's sources, and n opens."""
        if turn != self._shown_answer:
            self._show_sources_of(turn)
        self.sources.activate(n)

    def _show_sources_of(self, turn: int) -> None:
        answers = self.conversation.answers()
        if not 0 <= turn < len(answers):
            return
        sources = answers[turn].sources
        caption = ""
        if len(answers) > 1:
            caption = self.tr("Sources of answer {k} of {n}").format(k=turn + 1, n=len(answers))
        self._shown_answer = turn
        self.sources.set_sources(
            sources, show_all=not any(s.used for s in sources), caption=caption
        )

    # -- conversations ----------------------------------------------------------------------

    def refresh_conversations(self) -> None:
        if self._client_id is None:
            return
        self._runner.submit(
            self._api.assistant.conversations,
            self._client_id,
            on_success=self._on_conversations,
            on_error=self.failed.emit,
            ticket=self._runner.current(LIST_KEY),
        )

    def new_conversation(self) -> None:
        """Forget the conversation on screen; the next question starts a new one."""
        if self.asking:
            return
        self.conversations.select_quietly(None)
        self._start_over()

    def _on_conversations(self, found: list[ConversationSummary]) -> None:
        rows = [
            (c.id, c.title, ltr(c.created_at.strftime(DATE_TIME)))
            for c in sorted(found, key=lambda c: c.created_at, reverse=True)
        ]
        self.conversations.set_rows(rows, self.conversation_id)

    def _on_conversation_selected(self, current: object, previous: object) -> None:
        conversation_id = self.conversations.id_of(self.conversations.currentItem())
        if conversation_id is None or self.asking:
            return
        self.open_conversation(conversation_id)

    def open_conversation(self, conversation_id: UUID) -> None:
        """Show a stored conversation; the next question follows it up."""
        self._start_over()
        self.conversation.conversation_id = conversation_id
        self._show_status(self.tr("Loading the conversation…"))
        self._runner.latest(
            CONVERSATION_KEY,
            self._api.assistant.conversation,
            conversation_id,
            on_success=functools.partial(self._on_conversation, conversation_id),
            on_error=self._on_conversation_error,
        )

    def _on_conversation(self, conversation_id: UUID, messages: list[StoredMessage]) -> None:
        self.status.hide()
        reply = self.conversation.load(conversation_id, messages)
        if reply is None:
            self._render()
        else:
            self._show_outcome(reply.sources, reply.warnings, reply.refused)

    def _on_conversation_error(self, exc: BaseException) -> None:
        self.status.hide()
        self.failed.emit(exc)

    # -- showing ----------------------------------------------------------------------------

    def _show_outcome(
        self, sources: list[AskSource], warnings: Sequence[Message | str], refused: bool
    ) -> None:
        self.notice.setVisible(refused)
        if refused:
            self.notice.setText(
                self.tr("The notes don't answer this. The closest notes are listed below.")
            )
        self.warnings.setVisible(bool(warnings))
        self.warnings.setText("\n".join(f"⚠ {core_words(w)}" for w in warnings))
        self._render()
        # The newest answer's; a refusal cites nothing, so its closest notes are listed
        # with the toggle on "all".
        self._show_sources_of(len(self.conversation.answers()) - 1)
        if refused:
            self.sources.show_all.setChecked(True)

    def _render(self) -> None:
        # Every answer's markers link to its own sources, however old the answer.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        you, assistant = self.tr("You"), self.tr("Assistant")
        current = self.conversation.current(with_note=True)
        turns = [*self.conversation.history, *current]
        parts: list[Part] = []
        answer = 0
        for said in turns:
            if said.role == "user":
                parts.append(Part(said.text, heading=you, plain=True))
                continue
            # A refusal, or the notes quoted: the assistant's own words, in the UI's language.
            numbers = frozenset(s.n for s in said.sources)
            text = core_lines(said.lines) if said.lines else said.text
            parts.append(
                Part(text, heading=assistant, citable=numbers,
                     note=said.note, turn=answer)
            )  # fmt: skip
            answer += 1
        starts = render_parts(self.answer.document(), parts, rtl=rtl)
        # The newest turn opens at its start, however long: its end would hide the question
        # and the answer's first lines.
        newest = len(turns) - len(current)
        self._scroll_to(starts[newest] if current else None)

    def _scroll_to(self, position: int | None) -> None:
        bar = self.answer.verticalScrollBar()
        if position is None:
            bar.setValue(0)
            return
        doc = self.answer.document()
        doc.setTextWidth(self.answer.viewport().width())
        block = doc.findBlock(position)
        top = doc.documentLayout().blockBoundingRect(block).top()
        bar.setValue(min(bar.maximum(), round(top)))

    def _start_over(self) -> None:
        """Cancel any ask and clear the answer, its sources and the conversation."""
        self._cancel_token()
        self._runner.invalidate(CONVERSATION_KEY)
        self._ask_runner.invalidate(ANSWER_KEY)
        self.conversation.start_over()
        self._shown_answer = None
        self.sources.set_sources([])
        self.progress.hide()
        for label in (self.status, self.notice, self.warnings):
            label.clear()
            label.hide()
        self._render()
        self._update_buttons()

    def _cancel_token(self) -> None:
        if self._token is not None:
            self._token.cancel()
        self._token = None

    def _show_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def _update_buttons(self) -> None:
        asking = self.asking
        self.ask_button.setEnabled(not asking)
        self.cancel_button.setEnabled(asking)
        self.new_button.setEnabled(not asking)
        self.conversations.setEnabled(not asking)


def _plain_label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    # Plain text: messages and warnings must never be interpreted as markup.
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label
