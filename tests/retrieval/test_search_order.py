"""Search for "first" and "latest" questions (issue 27): the session that records the
thing leads with its passages, and every other session takes one place, however many of
its chunks match. Pure logic over hits; tests/retrieval/test_search.py runs the real index."""

from __future__ import annotations

import dataclasses
import uuid

from core.retrieval.search import in_date_order
from core.retrieval.types import SearchHit, SearchQuery
from tests.assistant.test_assistant_prompt import hit


def _of(session: uuid.UUID, day: int, text: str, *, strong: bool) -> SearchHit:
    h = hit(text, day=day)
    return dataclasses.replace(h, session_id=session, names_all=strong, lexical_share=None)


def test_after_the_lead_a_session_takes_one_place() -> None:
    recorded, noisy, other = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    hits = [
        *[_of(noisy, 5, f"cholesterol test ordered {i}", strong=True) for i in range(4)],
        _of(recorded, 20, "Hyperlipidaemia diagnosed; LDL 4.1", strong=True),
        _of(recorded, 20, "Start atorvastatin", strong=False),
        _of(other, 12, "lipids reviewed", strong=True),
    ]
    q = SearchQuery("latest cholesterol", uuid.uuid4(), k=5, order="latest")
    latest = in_date_order(hits, q)
    # The newest session that records it leads with all its passages; the noisy visit's
    # four chunks take one place, after the other session, as its date says.
    assert [h.session_id for h in latest] == [recorded, recorded, other, noisy]
    assert [h.rank for h in latest] == [1, 2, 3, 4]
    # For "first", every visit takes one place, the lead too: the visits that record it,
    # oldest first, take the places; the lead's other passages are listed apart, after.
    first = in_date_order(hits, dataclasses.replace(q, order="first"))
    assert [h.session_id for h in first] == [noisy, other, recorded, noisy, noisy, noisy]


def test_for_first_the_clients_record_is_listed_apart_after_the_visits() -> None:
    """The record keeps onsets, but it is no visit: it never takes a visit's place."""
    visit, later = uuid.uuid4(), uuid.uuid4()
    record = dataclasses.replace(
        hit("Hyperlipidaemia since 2019"), session_id=None, session_date=None, names_all=True
    )
    hits = [
        record,
        _of(later, 20, "Hyperlipidaemia reviewed", strong=True),
        _of(visit, 5, "Hyperlipidaemia diagnosed", strong=True),
        *[_of(uuid.uuid4(), 25 + i, f"lipids {i}", strong=False) for i in range(5)],
    ]
    q = SearchQuery("first hyperlipidaemia", uuid.uuid4(), k=5, order="first")
    first = in_date_order(hits, q)
    assert [h.session_id for h in first[:2]] == [visit, later]
    assert len(first) == 6 and first[-1].session_id is None and first[-1].rank == 6


def test_for_onset_the_clients_record_that_names_it_is_listed_apart_before_the_visits() -> None:
    """'Since when has she had it?': the record, where its onset is written, is listed
    first, apart: the visits that record it keep the five places after it, oldest first."""
    visit, later = uuid.uuid4(), uuid.uuid4()
    record = dataclasses.replace(
        hit("Hyperlipidaemia since 2019"), session_id=None, session_date=None, names_all=True
    )
    hits = [
        _of(later, 20, "Hyperlipidaemia reviewed", strong=True),
        _of(visit, 5, "Hyperlipidaemia diagnosed", strong=True),
        *[_of(uuid.uuid4(), 25 + i, f"lipids {i}", strong=False) for i in range(5)],
        record,
    ]
    q = SearchQuery("hyperlipidaemia", uuid.uuid4(), k=5, order="onset")
    onset = in_date_order(hits, q)
    assert [h.session_id for h in onset[:3]] == [None, visit, later]
    assert len(onset) == 6 and [h.rank for h in onset] == [1, 2, 3, 4, 5, 6]
    # A record that does not name it is no lead.
    loose = dataclasses.replace(record, names_all=False, lexical_share=0.1)
    onset = in_date_order([*hits[:-1], loose], q)
    assert [h.session_id for h in onset[:2]] == [visit, later]
    assert len(onset) == 5 and all(h.session_id is not None for h in onset)


def test_for_onset_each_field_of_the_record_that_names_it_is_listed_once() -> None:
    """The client's notes may name it too; the history, where the onset is, still leads
    the visits."""
    visit = uuid.uuid4()
    history = dataclasses.replace(
        hit("Hypertension since 2016", field="medical_history"),
        session_id=None,
        session_date=None,
        names_all=True,
    )
    notes = dataclasses.replace(
        hit("Hypertension: home readings", field="notes"),
        session_id=None,
        session_date=None,
        names_all=True,
    )
    second = dataclasses.replace(history, chunk_id=uuid.uuid4(), text="Hypertension, ctd")
    hits = [notes, _of(visit, 5, "Hypertension reviewed", strong=True), second, history]
    q = SearchQuery("hypertension", uuid.uuid4(), k=5, order="onset")
    onset = in_date_order(hits, q)
    assert [(h.session_id, h.field) for h in onset[:2]] == [
        (None, "notes"),
        (None, "medical_history"),
    ]
    assert onset[2].session_id == visit and len(onset) == 3
