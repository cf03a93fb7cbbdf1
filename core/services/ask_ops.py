"""The assistant: sanitise, retrieve, prompt, generate, ground, store, audit, measure
(docs/architecture.md). Each step lives in `core.assistant`; this is the order."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import logging
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar
from uuid import UUID

from sqlalchemy import Connection

from core.assistant import answer as grounding
from core.assistant import cache as answer_cache
from core.assistant import conversations as convs
from core.assistant import structured
from core.assistant.metrics import AssistantMetrics
from core.assistant.pace import WritingPace
from core.assistant.passages import first_or_latest, with_treatment_lines
from core.assistant.prompt import REFUSAL, build_prompt, instructions_prompt
from core.assistant.ratelimit import RateLimiter
from core.assistant.repetition import RepeatGuard
from core.assistant.safety import detect_injection, sanitize_query
from core.assistant.types import (
    AskProgress,
    AskRequest,
    AskResult,
    AskSource,
    ConversationSummary,
    StoredMessage,
)
from core.domain import AssistantStatus
from core.errors import Cancelled, ChartsideError
from core.messages import Message, render
from core.ports import Generator
from core.progress import CancelToken
from core.retrieval.lexical import has_hebrew
from core.retrieval.reading import (
    range_message,
    read_question,
    resolve_references,
)
from core.retrieval.search import strong_match
from core.retrieval.synonyms import mentions_treatment
from core.retrieval.types import SearchQuery
from core.security import audit
from core.security.crypto import CellCipher
from core.services.ask_turn import (
    Asking,
    Listeners,
    OnProgress,
    OnText,
    Turn,
    index_warning,
    model_id,
    now,
    reading_progress,
    source_ref,
)
from core.services.search_ops import Embedding, SearchService
from core.services.session import WorkspaceSession
from core.services.timeline_ops import TimelineService
from core.timeline.answers.questions import needs_the_timeline

T = TypeVar("T")
log = logging.getLogger(__name__)


def _ignore_share(_share: float) -> None:
    pass


def _ms(t0: float) -> float:
    return (time.perf_counter() - t0) * 1000


class AskService:
    """Answers questions from the notes, with the local generator when there is one."""

    def __init__(
        self,
        session: WorkspaceSession,
        embedding: Embedding,
        search: SearchService,
        generator: Callable[[], Generator | None] | None = None,
        status: Callable[[], AssistantStatus] | None = None,
        metrics: AssistantMetrics | None = None,
        rate_limiter: RateLimiter | None = None,
        timeline: TimelineService | None = None,
    ) -> None:
        """`search` finds the passages (the search part, without its own audit event: the
        ask records one); `generator` opens the text generator on first use (None:
        extractive answers);
        `status` says whether the local models can answer, and why not; `timeline` answers
        the questions over time about one client."""
        self.session = session
        self.settings = session.settings
        self.embedding = embedding
        self.search = search
        self._generator_factory = generator
        self._generator: Generator | None = None
        self._generator_lock = threading.Lock()
        self._typical_tokens: float | None = None  # answer length, for the time left
        self._status = status
        self.ask_metrics = metrics or AssistantMetrics()
        self.rate_limiter = rate_limiter or RateLimiter(
            self.settings.assistant.rate_limit_per_minute
        )
        self.timeline = timeline

    def status(self) -> AssistantStatus:
        if self._status is None:
            return AssistantStatus(False, Message("assistant.no_models_set_up"))
        return self._status()

    def record_ai_query(
        self, query: str, retrieved: list[str], cited: list[str], timings_ms: dict[str, int]
    ) -> None:
        """An `ai.query` event with no stored turn (a cancelled answer)."""
        self.session.run(
            lambda c, k: None,
            "ai.query",
            details=lambda _: audit.ai_query_details(
                self.session.cipher(), query, retrieved, cited, timings_ms
            ),
        )

    def generator(self) -> Generator | None:
        """Opened on first use: assembling the packaged model costs seconds once."""
        with self._generator_lock:
            if self._generator is None and self._generator_factory is not None:
                self._generator = self._generator_factory()
            return self._generator

    def warm(self, on_progress: Callable[[float], None] | None = None) -> None:
        """Open what the first answer needs before anyone asks: the question's embedder,
        then the generator with its instructions read and kept, then the questions' reader
        by meaning. Meant for a background thread at unlock; an answer asked meanwhile
        waits for the same loads instead of starting its own. `on_progress` hears the share
        done, 0 to 1."""
        said: Callable[[float], None] = on_progress or _ignore_share
        said(0.0)
        t = time.perf_counter()
        self.embedding.require().load(lambda share, _what: said(0.3 * share))
        generator = self.generator()
        if generator is not None:
            prompt = instructions_prompt(
                generator.has_chat_template, self.settings.assistant.answer_format == "json"
            )
            generator.prepare(prompt, lambda share, _what: said(0.3 + 0.7 * share))
        if self.timeline is not None:
            self.timeline.warm()
        said(1.0)
        log.info("assistant ready in %.1f s", time.perf_counter() - t)

    def reopen_generator(self) -> None:
        """The active generator changed: the next answer opens the new one. An answer in
        flight keeps the one it holds (dropped here, never closed under its feet)."""
        with self._generator_lock:
            self._generator = None

    def metrics(self) -> dict[str, dict[str, float]]:
        return self.ask_metrics.snapshot()

    def conversations(self, client_id: UUID | None) -> list[ConversationSummary]:
        return self.session.run(lambda c, k: convs.summaries(c, k, client_id))

    def conversation(self, conversation_id: UUID) -> list[StoredMessage]:
        return self.session.run(
            lambda c, k: convs.messages(c, k, conversation_id), "conversation.read"
        )

    def ask(
        self,
        request: AskRequest,
        on_text: OnText | None = None,
        cancel: CancelToken | None = None,
        on_progress: OnProgress | None = None,
    ) -> AskResult:
        """Route, read, look in the cache, retrieve, answer (checked as it is written) and
        record: each step below, in this order."""
        asking = self._begin(request)
        turn = self._route(asking)
        if turn is None:
            self._read(asking)
            turn = self._cached(asking) or self._retrieve_and_answer(
                asking, Listeners(on_text, cancel, on_progress)
            )
        return self._finish(turn)

    def _begin(self, request: AskRequest) -> Asking:
        """The question sanitised, the session and the rate checked, the conversation read."""
        started = time.perf_counter()
        question = sanitize_query(request.question, self.settings.assistant.max_question_chars)
        self.session.require_active()
        self.rate_limiter.check(str(self.session.practitioner_id or self.session.actor))
        client_id, history = self._history(request)
        return Asking(request, question, client_id, history, started)

    def _route(self, a: Asking) -> Turn | None:
        """An injection is refused before anything runs, its reason shown. A question over
        time about one client ("latest", "last three", "when was it last prescribed") is
        answered from the timeline, every value with its own citation: retrieval and a small
        model get order and section wrong. A follow-up takes the path the same question
        takes asked first. None: the notes' passages answer it."""
        injected = detect_injection(a.question)
        if injected is not None:
            refused = grounding.Grounded(
                render(injected), refused=True, sources=[], warnings=[injected], lines=(injected,)
            )
            return a.turn(refused)
        if self.timeline is None or a.client_id is None:
            return None
        earlier = [q for q, _ in a.history]
        routed = self.timeline.answer(a.question, a.client_id, earlier=earlier)
        if routed is None:
            return None
        over_time = grounding.Grounded(
            routed.text, refused=routed.refused, sources=routed.sources, warnings=[]
        )
        # Read from the timeline: no embedder is needed, nor named.
        return a.turn(over_time, models={"embedder": None, "generator": None}, path="timeline")

    def _read(self, a: Asking) -> None:
        """What the question names that no note holds, the models that answer it, and its
        dates, order and words, embedded."""
        # A sentence that only tells what is going on is neither searched for nor asked of.
        asked = self.timeline.asked(a.question) if self.timeline is not None else a.question
        if self.timeline is not None and a.client_id is not None and not a.history:
            # Offered other drugs' lines, a small model answered with one of them.
            a.unmentioned = self.timeline.unmentioned(a.question, asked, a.client_id)
        embedder = self.embedding.require()
        # The packaged generators do not answer in Hebrew (each refused every Hebrew
        # question tried): the notes' own words serve such a question better.
        a.hebrew = has_hebrew(a.question)
        extractive = a.request.extractive or a.hebrew
        a.generator = None if extractive else self.generator()
        a.models = {"embedder": embedder.model_id, "generator": model_id(a.generator)}
        # A follow-up is searched on its own words; the turn before only resolves "it".
        a.reading = read_question(resolve_references(asked, a.history))
        t = time.perf_counter()
        a.qvec = embedder.embed_query(a.reading.text)
        a.timings["embed"] = _ms(t)

    def _cached(self, a: Asking) -> Turn | None:
        """A stored answer to a question that embeds alike, for the same client, models and
        dates ("A1c on 2008-06-03" and "A1c on 2009-01-10" embed alike once their dates are
        read). None for a follow-up or a question about a name no note holds."""
        if not a.request.use_cache or a.history or a.unmentioned is not None:
            return None
        cfg = self.settings.assistant
        scope, key = a.cache_key()
        hit = self.session.run(
            lambda c, k: answer_cache.lookup(c, k, scope, key, a.qvec, cfg.cache_similarity, now())
        )
        self.ask_metrics.cache.labels("hit" if hit else "miss").inc()
        if hit is None:
            return None
        entry, stored = hit
        cached = grounding.Grounded(
            stored["answer"],
            refused=False,
            sources=[AskSource.from_record(s) for s in stored["sources"]],
            warnings=[Message.from_json(w) for w in stored["warnings"]],
            lines=tuple(Message.from_json(line) for line in stored.get("lines", [])),
        )

        def mark_hit(c: Connection, k: CellCipher) -> None:
            answer_cache.mark_hit(c, entry, now())

        return a.turn(
            cached,
            models=a.models,
            cache_hit=True,
            extractive=a.generator is None,
            cache_write=mark_hit,
        )

    def _retrieve_and_answer(self, a: Asking, listen: Listeners) -> Turn:
        """The passages found, and the answer from them; a name no note holds is refused
        once the passages are seen not to hold it either (a document's page may)."""
        found, hits = self._retrieve(a)
        if a.unmentioned is not None and not any(
            a.unmentioned.in_passage(h.text) for h in found.hits
        ):
            absent = grounding.Grounded(
                a.unmentioned.answer.text, refused=True, sources=[], warnings=[]
            )
            return a.turn(absent, retrieved=found.hits, models=a.models, path="timeline")
        result = self._answer(a, found, hits, listen)
        keep = a.request.use_cache and not a.history and not result.refused
        scope, key = a.cache_key()
        return a.turn(
            result,
            retrieved=found.hits,
            models=a.models,
            extractive=a.generator is None,
            cache_write=self._cache_entry(scope, key, a.qvec, result) if keep else None,
        )

    def _retrieve(self, a: Asking) -> tuple[Any, list[Any]]:
        """The search's passages, and those close enough to answer from, in the order the
        question asks for."""
        assert a.reading is not None
        cfg, reading = self.settings.assistant, a.reading
        t = time.perf_counter()
        query = SearchQuery(
            reading.text,
            a.client_id,
            k=cfg.sources,
            date_from=reading.date_from,
            date_to=reading.date_to,
            order=reading.order,
        )
        found = self.search.find(query, query_vector=a.qvec)
        a.timings["retrieve"] = _ms(t)
        hits = [
            h
            for h in found.hits
            # The question's own rare words (a drug, a lab) are in it: relevant however the
            # vector scored it; and a day named chose the session already.
            if (h.vector_score or 0) >= cfg.relevance_floor
            or strong_match(h)
            or reading.day is not None
        ]
        if reading.order is not None:
            hits = first_or_latest(hits, reading.order)
        elif mentions_treatment(a.question):
            hits = with_treatment_lines(found.hits, hits)
        return found, hits

    def _answer(
        self, a: Asking, found: Any, hits: list[Any], listen: Listeners
    ) -> grounding.Grounded:
        """A refusal with its reason, the notes' own words, or the generator's answer
        checked against its sources."""
        assert a.reading is not None
        warnings = index_warning(found.index)
        if hits and listen.on_progress is not None:  # what is being read, before it is read
            listen.on_progress(AskProgress("reading", tuple(grounding.numbered(hits))))
        t = time.perf_counter()
        if not found.hits and a.reading.dated:
            no_session = Message("answer.no_session_in_range", range=range_message(a.reading))
            result = grounding.refusal([], no_session)
        elif needs_the_timeline(a.question):
            # The highest, a count, a change, "still taking": a few passages cannot rank,
            # count or follow a course, and the timeline holds nothing the question names.
            result = grounding.refusal(found.hits[:3], Message("answer.needs_the_timeline"))
        elif not hits:
            result = grounding.refusal(found.hits[:3], Message("answer.nothing_close_enough"))
        elif a.generator is None:
            result = grounding.extractive(hits, a.reading.text)
            if not a.request.extractive:
                why = "answer.no_model_for_hebrew" if a.hebrew else "answer.no_model_available"
                warnings.append(Message(why))
        else:
            result = self._generated(a, a.generator, hits, listen)
        a.timings["generate"] = _ms(t)
        result.warnings[:0] = warnings
        return result

    def _generated(
        self, a: Asking, generator: Generator, hits: list[Any], listen: Listeners
    ) -> grounding.Grounded:
        assert a.reading is not None
        try:
            result = self._generate(
                generator,
                a.question,
                hits,
                a.history,
                listen.on_text,
                listen.cancel,
                a.reading.order,
                listen.on_progress,
            )
        except Cancelled:
            # Still a query over the notes: it goes on the record.
            ids = [str(h.chunk_id) for h in hits]
            self.record_ai_query(a.question, ids, [], {"cancelled_after": round(_ms(a.started))})
            raise
        return self._against_the_timeline(a, result)

    def _against_the_timeline(self, a: Asking, result: grounding.Grounded) -> grounding.Grounded:
        """A sentence of order or status ("the latest BP was 118/90", "still taking
        metformin") that the timeline holds otherwise is no longer counted supported, and
        a warning says what the timeline holds: its note may support the value, and still
        not be the latest."""
        if result.refused or self.timeline is None or a.client_id is None:
            return result
        found = self.timeline.disagreements(result.answer, a.client_id, a.hebrew)
        result.warnings += found
        if found and result.checked is not None:
            supported, sentences = result.checked
            result.checked = (max(0, supported - len(found)), sentences)
        return result

    def _cache_entry(
        self, scope: str, models: str, qvec: Sequence[float], result: grounding.Grounded
    ) -> Callable[[Connection, CellCipher], None]:
        """The answer's cache entry, to be written with its turn."""
        cfg = self.settings.assistant
        record = {
            "answer": result.answer,
            "warnings": [w.to_json() for w in result.warnings],
            "lines": [line.to_json() for line in result.lines],
            "sources": [{**s.to_record(), "reason": s.reason} for s in result.sources],
        }
        return lambda c, k: answer_cache.store(
            c,
            k,
            scope,
            models,
            qvec,
            record,
            now=now(),
            ttl=dt.timedelta(hours=cfg.cache_ttl_hours),
            cap=cfg.cache_max_entries,
        )

    def _history(self, request: AskRequest) -> tuple[UUID | None, list[tuple[str, str]]]:
        """The conversation's client and its question-and-answer pairs, in one read (the
        ask's own `ai.query` event records the follow-up)."""
        if request.conversation_id is None:
            return request.client_id, []
        conversation_id = request.conversation_id
        client, turns = self.session.run(
            lambda c, k: (
                convs.client_of(c, conversation_id),
                convs.messages(c, k, conversation_id),
            )
        )
        pairs = [
            (q.content, a.content)
            for q, a in itertools.pairwise(turns)
            if q.role == "user" and a.role == "assistant"
        ]
        return client, pairs

    def _generate(
        self,
        generator: Generator,
        question: str,
        hits: list[Any],
        history: list[tuple[str, str]],
        on_text: OnText | None,
        cancel: CancelToken | None,
        order: str | None = None,
        on_progress: OnProgress | None = None,
    ) -> grounding.Grounded:
        """The generator's answer from the prompt of these passages, checked against them."""
        cfg = self.settings.assistant
        built = build_prompt(
            question,
            hits,
            count_tokens=generator.count_prompt_tokens,
            context_length=generator.context_length,
            max_answer_tokens=cfg.max_answer_tokens,
            has_chat_template=generator.has_chat_template,
            history=history,
            source_tokens=cfg.source_tokens,
            structured_answer=cfg.answer_format == "json",
            order=order,
        )
        guard = self._write(generator, built, Listeners(on_text, cancel, on_progress))
        raw = guard.text()
        self.ask_metrics.tokens.labels("prompt").inc(built.prompt_tokens)
        self.ask_metrics.tokens.labels("answer").inc(generator.count_tokens(raw))
        embed = self.embedding.require().embed_documents
        result = grounding.from_generation(raw, built.sources, embed, cfg.weak_support, question)
        result.details[:0] = built.warnings  # sources or turns left out to fit
        if guard.looping:
            result.warnings.append(Message("answer.repeats_cut"))
        return result

    def _write(self, generator: Generator, built: Any, listen: Listeners) -> RepeatGuard:
        """The answer written, streamed to `listen` as it comes (or whole, for a structured
        answer); a loop of repeats stops it."""
        cfg = self.settings.assistant
        guard = RepeatGuard()
        pace = WritingPace(cfg.max_answer_tokens, self._typical_tokens or cfg.max_answer_tokens / 2)
        try:
            if built.json_schema is not None:
                answer = generator.generate(
                    built.prompt,
                    max_tokens=cfg.max_answer_tokens,
                    stop=built.stop,
                    json_schema=built.json_schema,
                    cancel=listen.cancel,
                    timeout_s=self.settings.models.generation_timeout_s,
                )
                if listen.on_text is not None:
                    listen.on_text(answer)
                guard.feed(structured.to_text(answer, REFUSAL))
            else:
                self._stream(generator, built, listen, guard, pace)
        except Cancelled:
            self.ask_metrics.outcomes.labels("cancelled").inc()
            raise
        except ChartsideError:  # a timeout, a model that failed mid-answer
            self.ask_metrics.outcomes.labels("failed").inc()
            raise
        self._typical_tokens = pace.typical_after()
        return guard

    def _stream(
        self,
        generator: Generator,
        built: Any,
        listen: Listeners,
        guard: RepeatGuard,
        pace: WritingPace,
    ) -> None:
        stream = generator.stream(
            built.prompt,
            max_tokens=self.settings.assistant.max_answer_tokens,
            stop=built.stop,
            cancel=listen.cancel,
            timeout_s=self.settings.models.generation_timeout_s,
            on_read=reading_progress(listen.on_progress),
        )
        with contextlib.closing(stream):  # leaving early stops the model at once
            for piece in stream:
                if listen.on_text is not None:
                    listen.on_text(piece)
                written = pace.piece()
                if listen.on_progress is not None:
                    listen.on_progress(written)
                if guard.feed(piece):
                    break

    def _finish(self, turn: Turn) -> AskResult:
        """Record the turn (`_record`), then count it in the metrics (`_count`)."""
        result = turn.result
        timings = {"embed": 0.0, "retrieve": 0.0, "generate": 0.0, **turn.timings}
        timings["total"] = _ms(turn.started)
        conversation_id, message_id = self._record(turn, timings)
        self._count(turn, timings)
        return AskResult(
            answer=result.answer,
            refused=result.refused,
            cache_hit=turn.cache_hit,
            sources=result.sources,
            warnings=result.warnings,
            timings_ms=timings,
            models=turn.models
            or {"embedder": model_id(self.embedding.embedder), "generator": None},
            conversation_id=conversation_id,
            message_id=message_id,
            path=turn.path,
            details=result.details,
            checked=result.checked,
            answer_lines=result.lines,
        )

    def _record(self, turn: Turn, timings: dict[str, float]) -> tuple[UUID, UUID]:
        """Store the turn, its `ai.query` audit event and the cache's change in one write
        transaction: no change without its record. (conversation, message)."""
        result = turn.result
        meta = {
            "refused": result.refused,
            # Ids and values, so a reopened conversation reads in the window's language.
            "warnings": [w.to_json() for w in result.warnings],
            "lines": [line.to_json() for line in result.lines],
            "cache_hit": turn.cache_hit,
        }
        retrieved = [str(h.chunk_id) for h in turn.retrieved] or [
            source_ref(s) for s in result.sources
        ]
        cited = [source_ref(s) for s in result.sources if s.used]
        timings_ms = {k: round(v) for k, v in timings.items()}

        def store(c: Connection, k: CellCipher) -> tuple[UUID, UUID]:
            conv = turn.request.conversation_id or convs.create(c, k, turn.client_id, turn.question)
            if turn.cache_write is not None:
                turn.cache_write(c, k)
            convs.add_message(c, k, conv, "user", turn.question)
            return conv, convs.add_message(
                c, k, conv, "assistant", result.answer, meta, result.sources
            )

        return self.session.run(
            store,
            "ai.query",
            details=lambda _: audit.ai_query_details(
                self.session.cipher(), turn.question, retrieved, cited, timings_ms
            ),
        )

    def _count(self, turn: Turn, timings: dict[str, float]) -> None:
        """The turn's times, outcome and checks, in the metrics."""
        result = turn.result
        self.ask_metrics.observe(timings)
        self.ask_metrics.outcomes.labels(turn.outcome).inc()
        self.ask_metrics.checks.labels("corrections").inc(len(result.details))
        if result.checked is not None:
            supported, sentences = result.checked
            self.ask_metrics.checks.labels("unsupported").inc(sentences - supported)
