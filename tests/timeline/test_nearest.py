"""Names near in meaning (core/timeline/answers/nearest.py): words no note holds and no
vocabulary names get the client's recorded conditions and procedures nearest to them,
offered and cited, never substituted; the floor, in the real multilingual embedder, keeps
out words near nothing medical; a name the lexicon knows is never offered neighbours."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.meaning import MeaningReader
from core.timeline.answers.nearest import FLOOR_HEBREW, FLOOR_LATIN, MOST, nearest
from core.timeline.answers.over_time import answer
from core.timeline.answers.questions import read_over_time
from tests.timeline.chart import TODAY, Notes, chart


def _at(similarity: float) -> list[float]:
    """A unit vector whose cosine with (1, 0) is `similarity`."""
    return [similarity, (1 - similarity**2) ** 0.5]


def test_only_names_above_the_floor_and_near_the_best_are_offered() -> None:
    asked = [1.0, 0.0]
    named = {"a": _at(0.95), "b": _at(0.94), "c": _at(0.925), "d": _at(0.80)}
    assert nearest("gum disease", asked, named) == ["a", "b"][:MOST]
    assert nearest("gum disease", asked, {"d": _at(FLOOR_LATIN - 0.001)}) == []
    # Hebrew against English names scores lower throughout: its own floor.
    assert nearest("מחלת חניכיים", asked, {"d": _at(FLOOR_HEBREW + 0.001)}) == ["d"]
    # The name asked is never its own neighbour.
    assert nearest("a", asked, {"a": _at(1.0)}) == []


RECORDED = [
    "gingivitis",
    "osteoporosis",
    "urinary tract infection",
    "insomnia",
    "hypothyroidism",
    "hypertension",
    "atrial fibrillation",
    "colonoscopy",
    "osteoarthritis of knee",
    "type 2 diabetes",
]


@pytest.mark.parametrize(
    ("asked", "found"),
    [
        ("gum disease", "gingivitis"),
        ("bladder infection", "urinary tract infection"),
        ("trouble sleeping", "insomnia"),
        ("underactive thyroid", "hypothyroidism"),
        ("דלקת חניכיים", "gingivitis"),
    ],
)
def test_lay_words_reach_the_recorded_name(reader: MeaningReader, asked: str, found: str) -> None:
    assert reader.near(asked, RECORDED)[:1] == [found]


@pytest.mark.parametrize(
    "asked", ["car insurance", "the weather", "parking", "her husband", "ביטוח רכב"]
)
def test_words_near_nothing_medical_are_offered_nothing(reader: MeaningReader, asked: str) -> None:
    assert reader.near(asked, RECORDED) == []


NOTES: Notes = {
    dt.datetime(2021, 3, 2, 10): {"assessment": "Osteoporosis on DEXA."},
    dt.datetime(2022, 5, 9, 10): {"assessment": "Gingivitis, advised dental review."},
}


def _ask(reader: MeaningReader, question: str) -> tuple[str, bool, bool, list[dt.date]]:
    q = read_over_time(question, TODAY)
    assert q is not None and q.ask == "any_record", question
    facts, visits = chart(NOTES)
    d = answer(q, facts, visits, lambda words: [], TODAY, reader.near)
    days = [c.session_date.date() for c in d.cites if c.session_date is not None]
    return d.text, d.refused, d.declined, days


def test_words_no_note_holds_get_the_nearest_recorded_name_offered(reader: MeaningReader) -> None:
    text, refused, declined, days = _ask(reader, "Has she had gum disease?")
    assert not refused and not declined and days == [dt.date(2022, 5, 9)], text
    assert text == (
        "I found no note that mentions gum disease by that name. Nearest in meaning, the notes "
        "record gingivitis, first on 2022-05-09 [1]: check whether that is what you mean."
    )
    text, refused, declined, days = _ask(reader, "יש תיעוד של מחלת חניכיים?")
    assert not refused and days == [dt.date(2022, 5, 9)] and "gingivitis" in text, text
    assert text.startswith("לא מצאתי רשומה שמזכירה את מחלת חניכיים בשם הזה."), text


def test_words_near_nothing_recorded_go_to_the_notes_unanswered(reader: MeaningReader) -> None:
    """No absence claimed and nothing offered: the model's path reads the notes."""
    text, refused, declined, days = _ask(reader, "Any record of car insurance?")
    assert declined and not refused and not text and days == []


def test_a_name_the_lexicon_knows_is_not_offered_neighbours(reader: MeaningReader) -> None:
    """Its other names were all looked for: the absence stands, alone."""
    text, refused, declined, _ = _ask(reader, "Has she ever had asthma?")
    assert refused and not declined and text == "I found no note that mentions asthma.", text
