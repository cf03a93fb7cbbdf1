"""Drug names written in Hebrew letters, read against the vocabulary's Latin names by
shape (issue 27, point 1), only where a drug is written; and the Hebrew medication rules
this round added: "לוקח" lists a drug, a list word before a drug makes the number after it
a dose, a concentration after a near name is a lab value."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract
from core.timeline.vocab.drug_hebrew import find, hebrew_name, hebrew_shape, latin_shape
from core.timeline.vocab.lexicon import DRUGS


def _meds(text: str, field: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (f.name, f.status, f.dose) for f in extract(text, field).facts if f.kind == "medication"
    ]


@pytest.mark.parametrize(
    ("hebrew", "latin"),
    [
        ("טרוליסיטי", "trulicity"),  # ו for u, י for i and y
        ("קסרלטו", "xarelto"),  # x as ks, the e left out
        ("אביליפיי", "abilify"),  # f as p, a leading א dropped
        ("ג׳רדיאנס", "jardiance"),  # ג׳ for j
    ],
)
def test_a_hebrew_spelling_and_the_latin_name_have_one_shape(hebrew: str, latin: str) -> None:
    assert hebrew_shape(hebrew) == latin_shape(latin)


def test_an_s_between_vowels_may_be_written_z_and_a_soft_c_tsadi() -> None:
    assert hebrew_shape("פרדניזון") == latin_shape("prednisone", voiced=True)
    assert hebrew_shape("צפלקסין") == latin_shape("cefalexin")
    assert hebrew_name("וולטרן") == "diclofenac"  # וו as v then o


@pytest.mark.parametrize(
    ("word", "generic"),
    [
        ("קייטרודה", "pembrolizumab"),
        ("דולוקסטין", "duloxetine"),
        ("בקייטרודה", "pembrolizumab"),  # a joined prefix tried off
        ("ונלפקסין", "venlafaxine"),  # a loanword's v written with one ו
        ("אפיקסבן", "apixaban"),
    ],
)
def test_a_hebrew_spelling_names_its_generic(word: str, generic: str) -> None:
    assert hebrew_name(word) == generic


def test_the_lexicons_own_hebrew_spellings_read_back_to_their_generics() -> None:
    # The shapes come from Latin names only, so the lexicon's Hebrew spellings are a sample
    # the reading never saw: nearly all come back, and a wrong name is rare.
    spellings = [
        (form, name)
        for name, forms in DRUGS.items()
        for form in forms
        if " " not in form and any("\u05d0" <= ch <= "\u05ea" for ch in form)
    ]
    read = [(hebrew_name(form), name) for form, name in spellings]
    right = sum(got == name for got, name in read)
    wrong = sum(got is not None and got != name for got, name in read)
    assert len(spellings) > 200
    assert right >= 0.85 * len(spellings)
    assert wrong <= 0.01 * len(spellings)


def test_a_word_no_drug_spells_names_none() -> None:
    assert hebrew_name("מרפאה") is None
    assert hebrew_name("לב") is None  # two consonants fit too many words


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("להתחיל קייטרודה", "plan", [("pembrolizumab", "started", None)]),
        ('להמשיך טרוליסיטי 1.5 מ"ג', "plan", [("dulaglutide", "continued", '1.5 מ"ג')]),
        ("מחלה יציבה על קייטרודה", "assessment", [("pembrolizumab", "listed", None)]),
        ("בטיפול אימונותרפי בקייטרודה", "assessment", [("pembrolizumab", "listed", None)]),
        (
            'תרופות: אוזמפיק 1 מ"ג, טרוליסיטי',
            "medical_history",
            [("semaglutide", "listed", '1 מ"ג'), ("dulaglutide", "listed", None)],
        ),
    ],
)
def test_a_hebrew_spelling_where_a_drug_is_written(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected


def test_an_ordinary_word_that_shares_a_drugs_shape_is_no_drug_in_prose() -> None:
    # "שיפור" has the shape of a rare brand of acyclovir; "על" alone is no medication place.
    assert _meds("אשתו מדווחת על שיפור בשינה", "subjective") == []


@pytest.mark.parametrize(
    "text",
    [
        "כמה זמן יש למטופל לחץ דם גבוה?",  # "to the patient", not "treated with"
        "מאוזן מבחינת נוזלים",  # balanced, but on no drug
        "מטופל קייטרודה",  # "treated" reads a drug only when ב joins it
    ],
)
def test_treated_and_stable_read_a_drug_only_in_their_own_phrase(text: str) -> None:
    assert _meds(text, "assessment") == []


def test_takes_in_hebrew_lists_the_drug() -> None:
    assert _meds("לוקח אקמול לפי הצורך", "subjective") == [("acetaminophen", "listed", None)]


def test_after_a_list_word_a_bare_decimal_is_a_dose_not_a_reading() -> None:
    assert _meds("נוטלת אלטרוקסין 0.1 מזה שנים", "subjective") == [
        ("levothyroxine", "listed", None)
    ]
    assert _meds("אשלגן 4.2", "assessment") == []  # with no list word it is a level


def test_a_concentration_after_a_near_name_is_a_lab_value() -> None:
    assert _meds('גלוקוז 140 מ"ג/ד"ל בצום', "assessment") == []


def test_the_items_of_a_hebrew_medication_list_are_read() -> None:
    assert _meds("תרופות:\n- קייטרודה\n- טרוליסיטי", "medical_history") == [
        ("pembrolizumab", "listed", None),
        ("dulaglutide", "listed", None),
    ]
    assert _meds("קייטרודה 2 כדורים ביום", "plan") == [("pembrolizumab", "started", None)]


def test_a_short_vocabulary_shape_needs_a_dose() -> None:
    # Three consonants fit many Hebrew words: a vocabulary brand that short is read only
    # before a dose. ("פמרה", Femara, was the example until the lexicon spelt it.)
    assert hebrew_name("למסל") is None
    assert hebrew_name("למסל", dosed=True) == "mesalamine"


def test_a_word_of_a_condition_or_procedure_name_is_no_drug_after_a_verb() -> None:
    body = "להמשיך סרטן"
    assert hebrew_name("סרטן") is not None  # a foreign brand has its shape
    assert find(body, [], [(0, len("להמשיך"))]) == []


def test_a_word_of_talk_after_a_verb_is_no_drug() -> None:
    assert _meds("להפסיק, לשקול בהמשך", "plan") == []
