"""Tests, screens, vaccines and bedside procedures no list names, read by the word of their
deed and named by their written words (issue 27, round 5). Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str = "objective") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Colour vision test done, 15/15 plates.", [("colour vision test", None)]),
        ("Newborn hearing screen passed bilaterally.", [("newborn hearing screen", None)]),
        ("Nasal swab performed for MRSA carriage.", [("nasal swab", None)]),
        ("Carpal compression test (Durkan) R hand performed.", [("carpal compression test", None)]),
        ("Peanut food challenge to 4 g protein completed.", [("peanut food challenge", None)]),
        ("Sperm collection under sedation, 2 mL.", [("sperm collection", None)]),
        ("Lens insertion L eye, uncomplicated.", [("lens insertion", None)]),
        ("Gait assessment done - antalgic.", [("gait assessment", None)]),
        ("Underwent a water deprivation test this morning.", [("water deprivation test", None)]),
    ],
)
def test_a_test_written_with_its_deed_is_named_by_its_words(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("בוצעה בדיקת חדות ראייה - 6/6.", [("בדיקת חדות ראייה", None)]),
        ("בוצעה שאיבת זרע ללא סיבוכים.", [("שאיבת זרע", None)]),
        ("מבחן טרנדלנבורג חיובי משמאל.", [("מבחן טרנדלנבורג", None)]),
    ],
)
def test_hebrew_deed_before_or_result_after(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


def test_an_examination_test_with_its_result_after_a_colon_is_done() -> None:
    assert _procs("Romberg test: positive with eyes closed.") == [("romberg test", None)]
    assert _procs("בדיקת רפלקסים: ערה וסימטרית.") == [("בדיקת רפלקסים", None)]


def test_a_result_heading_is_read_only_in_the_examination() -> None:
    assert _procs("Romberg test: positive with eyes closed.", field="assessment") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hep B and MMR vaccines given today.", [("vaccination", None)] * 2),
        ("Rabies, typhoid and cholera vaccines administered.", [("vaccination", None)] * 3),
        ("Influenza vaccination given L deltoid.", [("flu vaccine", None)]),
    ],
)
def test_vaccines_are_named_as_the_docs_name_them_one_each(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # No deed, no result: a name alone is not enough for an unlisted test.
        "Gait assessment next time.",
        # The guards every procedure passes: offered, declined, planned later.
        "Colour vision test offered - declined.",
        "Water deprivation test declined.",
        # A questionnaire's screen is a score, as the docs say.
        "Depression screen done today.",
        "Anxiety screening completed, GAD-7 12.",
        # Laboratory tests and the physical examination are values, not acts.
        "בדיקה גופנית: בטן רכה.",
        "בדיקות דם: המוגלובין 12.",
    ],
)
def test_no_act_without_a_deed_or_behind_a_guard(text: str) -> None:
    assert _procs(text) == []


def test_a_listed_name_keeps_the_lexicon_name() -> None:
    assert _procs("Skin biopsy performed under LA.") == [("skin biopsy", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The Hebrew head's own noun may start with any letter.
        ("בוצעה שאיבת מח עצם ללא סיבוכים.", [("שאיבת מח עצם", None)]),
        ("מבחן מגע - ירידה בתחושה.", [("מבחן מגע", None)]),
    ],
)
def test_hebrew_first_noun_after_the_head(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thoracocentesis done, 800 mL straw fluid.", [("thoracocentesis", None)]),
        ("Hysteroscopy under LA, tolerated well.", [("hysteroscopy", None)]),
    ],
)
def test_a_one_word_procedure_by_its_ending_with_its_deed(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


def test_a_one_word_procedure_without_a_deed_is_none() -> None:
    assert _procs("Discussed hysteroscopy at length.", "plan") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plaster cast removed today.", [("cast removal", None)]),
        ("הוסר הגבס, עור תקין.", [("cast removal", None)]),
        ("Backslab applied - cast.", [("cast", None)]),
    ],
)
def test_a_device_taken_off_is_its_removal(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text) == expected


def test_a_hebrew_adjective_of_the_act_ends_its_name() -> None:
    assert _procs("הותקנה משאבת אינסולין תת עורית.") == [("משאבת אינסולין", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nuchal scan at 12 weeks requested.", [("nuchal scan", "ordered")]),
        ("Sweat chloride test booked.", [("sweat chloride test", "ordered")]),
        ("הוזמנה בדיקת סבילות לגלוקוז.", [("בדיקת סבילות", "ordered")]),
        # An assessment booked is as often a clinic's work: no order read.
        ("Home safety assessment booked.", []),
    ],
)
def test_an_unlisted_test_ordered_is_an_order(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, "plan") == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("VEP done - delayed P100 on the left.", "objective", [("vep", None)]),
        ("הוזמן VEP לשתי העיניים.", "plan", [("vep", "ordered")]),
        # A laboratory panel's short name heads values; the end of a longer name is its own.
        ("FBC done - Hb 12.", "objective", []),
        ("CT KUB requested.", "plan", [("ct kub", "ordered")]),
    ],
)
def test_a_test_by_its_short_name_with_a_deed_or_order(
    text: str, field: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, field) == expected
