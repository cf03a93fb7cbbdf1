"""The timeline part of the service: a client's facts, the brief before a visit, and the
answers to questions over time. Each read first reads the client's notes that the timeline
has not (an import, an older extractor): so what it shows is never older than the notes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from uuid import UUID

from sqlalchemy import Connection

from core.assistant.types import AskSource
from core.domain import Client, Session
from core.messages import Message
from core.progress import CancelToken, Progress
from core.records.repos import ClientRepo, SessionRepo
from core.retrieval.types import SESSION_FIELDS
from core.security.crypto import CellCipher
from core.services.session import WorkspaceSession
from core.settings import require_allowed
from core.timeline import store
from core.timeline.answers import brief as briefs
from core.timeline.answers import claims, over_time
from core.timeline.answers.brief import ENGLISH, Render, SummaryWords, render_en
from core.timeline.answers.follow_up import follow_up
from core.timeline.answers.meaning import MeaningReader
from core.timeline.answers.named import named_subjects
from core.timeline.answers.nearest import Near
from core.timeline.answers.questions import OverTime, read_over_time
from core.timeline.answers.scene import untold
from core.timeline.answers.wording import Words, words_for
from core.timeline.documents import pages
from core.timeline.reading.text import HEB
from core.timeline.types import Brief, Kind, TimelineFact


@dataclass(frozen=True)
class TimelineAnswer:
    question: OverTime
    text: str
    refused: bool
    sources: list[AskSource]


class TimelineService:
    def __init__(self, session: WorkspaceSession, reader: MeaningReader | None = None) -> None:
        """`reader` places the questions over time that the patterns miss, by meaning
        (None: the patterns alone)."""
        self.session = session
        self.reader = reader

    def warm(self) -> None:
        """Ready the reader by meaning (its embedder, its examples) before the first
        question; nothing without one."""
        if self.reader is not None:
            self.reader.warm()

    def backfill(self, progress: Progress | None = None, cancel: CancelToken | None = None) -> int:
        """Reads every note the timeline lacks; batches commit, so it resumes."""
        self.session.require_active()
        done = store.backfill(self.session.db, self.session.cipher, None, progress, cancel)
        pages.backfill(self.session.db, self.session.cipher)  # documents' pages
        return done

    def _fresh(self, client_id: UUID) -> None:
        self.session.require_active()
        store.backfill(self.session.db, self.session.cipher, client_id)
        pages.backfill(self.session.db, self.session.cipher, client_id)

    def facts(
        self, client_id: UUID, kind: Kind | None = None, name: str | None = None
    ) -> list[TimelineFact]:
        self._fresh(client_id)
        return self.session.run(
            lambda c, k: store.load(c, k, client_id, kind, name),
            "timeline.read",
            client_id,
            lambda r: {"facts": len(r)},
        )

    def brief(self, client_id: UUID) -> Brief:
        self._fresh(client_id)

        def work(c: Connection, k: CellCipher) -> Brief:
            sessions = SessionRepo(k).for_client(c, client_id)
            visits = [(s.id, s.data.date, s.data.plan or "", s.data.external_id) for s in sessions]
            return briefs.compute(client_id, store.load(c, k, client_id), visits)

        return self.session.run(work, "timeline.brief", client_id)

    def referral_summary(
        self,
        client_id: UUID,
        render: Render = render_en,
        words: SummaryWords = ENGLISH,
    ) -> str:
        """The brief as a referral summary (text, its citations as footnotes) for the
        caller to write out: PHI leaving the app, so the policy may forbid it and the
        audit log records it."""
        require_allowed(
            self.session.settings, "security.export_allowed", Message("settings.exporting_notes")
        )
        summary = self.brief(client_id)

        def work(c: Connection, k: CellCipher) -> str:
            name = ClientRepo(k).get(c, client_id).data.full_name
            return briefs.referral_summary(summary, name, render, words)

        return self.session.run(work, "brief.export", client_id)

    def answer(
        self,
        question: str,
        client_id: UUID,
        today: dt.date | None = None,
        earlier: Sequence[str] = (),
    ) -> TimelineAnswer | None:
        """The timeline's answer to a question over time about one client, or None when
        the question is not one (it then takes the model's path). A follow-up is the
        question it is, asked first or not; one that leaves its operation or its subject
        to the question before it (`earlier`, oldest first) takes them from there. One
        the patterns miss, or place only as the subject's whole record, is placed by its
        meaning where the reader finds it clear; one they place broadly (a series) that
        clearly asks more (a change) is placed again. Audited by the caller, with the ask
        it belongs to."""
        today = today or dt.date.today()
        q = read_over_time(question, today)
        if q is not None and not q.fallback:
            if self.reader is not None:
                q = self.reader.reconsidered(question, q, today)
        else:
            if q is None and earlier:
                q = follow_up(question, earlier[-1], today)
            if (q is None or q.fallback) and self.reader is not None:
                q = self.reader.read(question, today) or q
        if q is None:
            return None
        self._fresh(client_id)
        near = self.reader.near if self.reader is not None else None
        return self.session.run(lambda c, k: _answer(c, k, q, client_id, today, near))

    def disagreements(self, answer: str, client_id: UUID, hebrew: bool) -> list[Message]:
        """What a model's answer claims of order ("the latest", "the highest") or status
        ("still taking") that the client's timeline holds otherwise, said in the words of
        the question's language; empty when it agrees, or claims none."""
        self._fresh(client_id)

        def load(c: Connection, k: CellCipher) -> tuple[list[TimelineFact], list[dt.date]]:
            days = [s.date.date() for s in SessionRepo(k).summaries(c, client_id)]
            return store.load(c, k, client_id), days

        facts, visits = self.session.run(load)
        w = words_for(hebrew)
        return [_differs(d, w) for d in claims.disagreements(answer, facts, visits)]

    def asked(self, question: str) -> str:
        """The question without the sentences that only tell what is going on, where what
        is left asks whole (`scene.untold`): what its search looks for."""
        return untold(question)

    def unmentioned(self, question: str, asked: str, client_id: UUID) -> Unmentioned | None:
        """The first drug, condition or procedure the question names that none of the
        client's notes and facts mentions under any of its names, with the refusal that
        says so, in the question's language; None when the question names none, or each is
        in the notes. A small model asked the dose of a drug she never took answered with
        another drug's dose. The names are read in `asked`, the question without what only
        sets its scene (`TimelineService.asked`): "She refuses insulin. What did the plan
        say on 3 June?" is no question about insulin."""
        named = named_subjects(asked)
        if not named:
            return None
        self._fresh(client_id)
        return self.session.run(lambda c, k: _unmentioned(c, k, question, named, client_id))


def _differs(d: claims.Disagreement, w: Words) -> Message:
    day = dt.date.fromisoformat(d.day)
    if d.what == "stopped":
        return Message("answer.timeline_drug_stopped", drug=w.drug_name(d.subject), date=day)
    if d.what.endswith("_visit"):
        return Message(f"answer.timeline_{d.what}_differs", date=day)
    value = d.written or w.with_unit(d.value, d.subject)
    measure = w.measure(d.measures)
    return Message(f"answer.timeline_{d.what}_differs", measure=measure, value=value, date=day)


@dataclass(frozen=True)
class Unmentioned:
    """A name the question asks about that no note holds, and the refusal that says so."""

    answer: TimelineAnswer
    forms: tuple[str, ...]  # every way a note may write it

    def in_passage(self, text: str) -> bool:
        """Whether a passage found for the question (a document's page too) holds it."""
        return line_matches(self.forms)(text)


def _notes_search(
    client: Client, sessions: Sequence[Session]
) -> Callable[[Sequence[str]], list[over_time.Cite]]:
    notes = [(None, None, f, getattr(client.data, f) or "") for f in ("medical_history", "notes")]
    notes += [
        (s.id, s.data.date, f, getattr(s.data, f) or "") for s in sessions for f in SESSION_FIELDS
    ]

    def search_notes(forms: Sequence[str]) -> list[over_time.Cite]:
        """Every line of the client's notes that holds one of `forms` (see `line_matches`)."""
        matches = line_matches(forms)
        return [
            over_time.Cite(sid, day, field, line.strip())
            for sid, day, field, body in notes
            for line in body.splitlines()
            if matches(line)
        ]

    return search_notes


def _unmentioned(
    c: Connection,
    k: CellCipher,
    question: str,
    named: Sequence[tuple[str, str]],
    client_id: UUID,
) -> Unmentioned | None:
    search_notes = _notes_search(
        ClientRepo(k).get(c, client_id), SessionRepo(k).for_client(c, client_id)
    )
    known = {t.fact.name.casefold() for t in store.load(c, k, client_id) if t.fact.kind != "flag"}
    for name, asked in named:
        forms = over_time.forms_of(name)
        if known & {n.casefold() for n in over_time.names_under(name)} or search_notes(forms):
            continue
        w = words_for(bool(re.search(f"[{HEB}]", question)))
        shown = name if asked.casefold() == name.casefold() else f"{asked} ({name})"
        q = OverTime("any_record", subject=name, hebrew=w.hebrew)
        return Unmentioned(TimelineAnswer(q, w.found_no_note(shown), True, []), tuple(forms))
    return None


def _answer(
    c: Connection, k: CellCipher, q: OverTime, client_id: UUID, today: dt.date, near: Near | None
) -> TimelineAnswer | None:
    client = ClientRepo(k).get(c, client_id)
    sessions = SessionRepo(k).for_client(c, client_id)
    visits = [
        _visit(s.id, s.data.date, {f: getattr(s.data, f) for f in SESSION_FIELDS}) for s in sessions
    ]
    search_notes = _notes_search(client, sessions)
    draft = over_time.answer(q, store.load(c, k, client_id), visits, search_notes, today, near)
    if draft.declined:
        return None
    external = {s.id: s.data.external_id for s in sessions}
    sources = [
        AskSource(
            n=i,
            type="document" if cite.document else "session" if cite.session_id else "client",
            chunk_id=None,
            client_id=client_id,
            client_external_id=client.data.external_id,
            session_id=cite.session_id,
            session_external_id=external.get(cite.session_id) if cite.session_id else None,
            session_date=cite.session_date,
            field=cite.field,
            snippet=cite.line,
            score=1.0,
            used=True,
            reason=draft.text,
            support=1.0,
            document=cite.document,
        )
        for i, cite in enumerate(draft.cites, start=1)
    ]
    return TimelineAnswer(q, draft.text, draft.refused, sources)


# Hebrew glues a one-letter prefix to the word: "לפיזיותרפיה", "והפניה".
_PREFIX = r"(?<!\w)(?:[והבלמשכ]-?)?"
_FILLER = frozenset({"a", "an", "the", "of", "to", "for", "any", "done", "performed"})


def line_matches(forms: Sequence[str]) -> Callable[[str], bool]:
    """Whether a line holds one of `forms` as a word, or, for a form of several words (or
    one long one), each of its words in any order and any ending: "knee aspiration" is in
    "Knee aspirated under sterile conditions", "knee manipulation" in "manipulated the left
    knee". A note says what was done in its own words; an "any record" answer that missed
    it would tell the clinician it never happened."""
    whole = re.compile(
        _PREFIX + "(?:" + "|".join(re.escape(f) for f in forms) + r")(?!\w)", re.IGNORECASE
    )
    stems = [
        [re.compile(_PREFIX + re.escape(_stem(w)), re.IGNORECASE) for w in words]
        for f in forms
        if len(words := [w for w in re.findall(r"\w+", f) if w.casefold() not in _FILLER]) > 1
        or (len(words) == 1 and len(words[0]) >= 6)  # "aspiration" in "aspirated"
    ]
    return lambda line: (
        bool(whole.search(line)) or any(all(p.search(line) for p in ps) for ps in stems)
    )


def _stem(word: str) -> str:
    """The start every ending of `word` shares: "aspiration" -> "aspira", "manipulation" ->
    "manipul"; a word below six letters stays whole (below four, a word of its own)."""
    if len(word) < 6:
        return word + r"(?!\w)" if len(word) < 4 else word
    stem = re.sub(r"(?:ation|ions|ion|ing|ed|es|s|e)$", "", word.casefold())
    return stem if len(stem) >= 6 else word.casefold()[:6]  # "aspira": not "aspirin"


def _visit(session_id: UUID, day: dt.datetime, fields: dict[str, str | None]) -> over_time.Visit:
    field, text = next(((f, v) for f, v in fields.items() if v and v.strip()), ("subjective", ""))
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return over_time.Visit(session_id, day, field, line)
