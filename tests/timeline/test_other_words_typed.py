"""Questions as people type them, and in each profession's jargon (the thirtieth and
thirty-first development sets' classes), in words of my own: vowel points, markup,
symbols for words, letters held for emphasis, a name as the topic before a dash, a
Hebrew verb spelt without its yod, "delta", "drifted", a study's "n", "interval since"."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.corrections import typed
from tests.timeline.asked import YEAR_2024, Read, asked


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("מָתַי הַבִּיקּוּר הָרִאשׁוֹן", "מתי הביקור הראשון"),
        ("**latest** `BP`", " latest   BP "),
        ("# of visits, no. of weights", "number of visits, number of weights"),
        ("wt Δ first → last", "wt  change  first  to  last"),
        ("ל''ד", 'ל"ד'),
        ("עדייייין latesttt", "עדיין latestt"),
    ],
)
def test_what_typing_adds_is_taken_off(written: str, read: str) -> None:
    assert typed(written) == read


@pytest.mark.parametrize(
    ("question", "read"),
    [
        ("מָתַי הָיְתָה הַמְּדִידָה הָאַחֲרוֹנָה שֶׁל הַמִּשְׁקָל?", ("latest", None, ("weight",), None, None)),
        ("**last three** weights?", ("last_n", None, ("weight",), None, None)),
        ("# of weight readings in 2024?", ("reading_count", None, ("weight",), *YEAR_2024)),
        ("weight Δ from first → latest", ("change", None, ("weight",), None, None)),
        ("Metformin — still on the active list?", ("still_taking", "metformin", (), None, None)),
        (
            "How much has her weight drifted since 3 March 2025?",
            ("change", None, ("weight",), dt.date(2025, 3, 3), None),
        ),
        (
            "מה הדלתא של המשקל מאז 3 במרץ 2025?",
            ("change", None, ("weight",), dt.date(2025, 3, 3), None),
        ),
        (
            "Research: the n of weight measurements in 2024?",
            ("reading_count", None, ("weight",), *YEAR_2024),
        ),
        ("מה ה-n של מדידות המשקל ב-2024?", ("reading_count", None, ("weight",), *YEAR_2024)),
        ("כמה נקודות מדידה של משקל יש ב-2024?", ("reading_count", None, ("weight",), *YEAR_2024)),
        ("Count of clinic contacts in 2024?", ("visits_in_period", None, (), *YEAR_2024)),
        # "Data points" are readings, counted only where the question counts them.
        ("The last two data points for her weight?", ("last_n", None, ("weight",), None, None)),
    ],
)
def test_a_typed_or_professional_wording(question: str, read: Read) -> None:
    assert asked(question) == read


@pytest.mark.parametrize(
    "question",
    [
        "Interval since her last clinic review?",
        "מה המרווח מהמפגש האחרון?",
        "מה פרק הזמן מאז הביקור האחרון?",
        "כמה זמן עבר מאז המגע האחרון עם המרפאה?",
        "כמה זמן עבר מאז שבקר לאחרונה אצלנו?",
    ],
)
def test_the_interval_since_the_last_visit(question: str) -> None:
    assert asked(question)[0] == "time_since_visit"


def test_a_visit_spelt_without_its_yod_beside_a_place() -> None:
    assert asked("באילו תאריכים בקרה במרפאה מאז 1/3/2025?")[0] == "visits_in_period"
    # "בקרה:" alone is an audit's label, not a visit.
    assert asked("בקרה: מה המשקל האחרון?")[:3] == ("latest", None, ("weight",))
