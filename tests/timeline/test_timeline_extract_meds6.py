"""Medication rules of round 6 (issue 27): Hebrew names joined by "and" (ו), a geresh's
soft g, near Hebrew spellings only on long enough words, a dose left out, a change of dose
or form said after the drug, a question or a drug ruled out, a drug taken since, a
participle that tells a drug's past, a drug the patient is on named in the plan, and
names that are a level, a nutrient or the ASA class. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A second drug joined by ו after one already read is a drug too.
        ("נוטלת אלטרוקסין ולבודופה.", "subjective",
         [("levothyroxine", "listed"), ("levodopa", "listed")]),
        ("להמשיך ריפמפיצין ואיזוניאזיד.", "plan",
         [("rifampicin", "continued"), ("isoniazid", "continued")]),
        # ... also after the first one's dose.
        ("נוטל אספירין 100 מ\"ג ואיזוניאזיד.", "subjective",
         [("aspirin", "listed"), ("isoniazid", "listed")]),
        # ז with a geresh sounds as the g a Latin name writes.
        ("נוטל גלוקופאז' 850 מ\"ג.", "subjective", [("metformin", "listed")]),
    ],
)  # fmt: skip
def test_hebrew_names(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Short Hebrew words one letter from a brand's skeleton are other words, and a
        # spelling that differs in its first sound is another name ("טוקסילין" is not
        # Doxylin, "דוקסילין"; "רפטה" is Repatha's own shape, so no example of either).
        'רספט 40 מ"ג',
        'טוקסילין 100 מ"ג',
    ],
)
def test_no_near_hebrew_name_for_short_or_differently_opening_words(text: str) -> None:
    assert _meds(text) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A dose left out is a stop.
        ("Omit gliclazide on the day of the colonoscopy.", "plan", [("gliclazide", "stopped")]),
        ("לא ליטול אלטרוקסין בבוקר הבדיקה.", "plan", [("levothyroxine", "stopped")]),
        # "change to" after the drug, then a dose or form: the same drug at a new dose.
        ("Quetiapine - change to 50 mg nocte.", "plan", [("quetiapine", "continued")]),
        ("Nifedipine: change to MR 30 mg od.", "plan", [("nifedipine", "continued")]),
        # ... but a change to another drug is still a switch.
        ("Switch sertraline to citalopram.", "plan",
         [("sertraline", "stopped"), ("citalopram", "started")]),
    ],
)  # fmt: skip
def test_omitted_and_changed_doses(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A question about a drug or a drug ruled out is no event.
        ("Trying to conceive, asks about folic acid.", "subjective", []),
        ("Carbamazepine not suitable given HLA status.", "plan", []),
        # "wonders if" asks a question; the drug is one she takes.
        ("Aching legs, wonders if due to simvastatin.", "subjective", [("simvastatin", "listed")]),
        # A participle said of one drug does not hold for the next.
        ("Dizzy since ramipril increased, and asks whether it is the amlodipine.",
         "subjective", [("ramipril", "continued"), ("amlodipine", "listed")]),
        # "since/after starting X" outside the plan: a drug taken since.
        ("Seen 3 months after starting sertraline, sleeping better.", "subjective",
         [("sertraline", "listed")]),
        # A participle with its agent or time after the drug tells its past.
        ("Stop naproxen started by the walk-in centre on Friday.", "plan",
         [("naproxen", "stopped")]),
    ],
)  # fmt: skip
def test_talk_and_the_past(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # In the plan, a drug after "on" is the reason for a check, not an order.
        ("Check potassium in a week on spironolactone.", "plan", [("spironolactone", "listed")]),
        ("Repeat ECG on sotalol; start apixaban 5 mg bd.", "plan",
         [("sotalol", "listed"), ("apixaban", "started")]),
        # The ASA physical status is no aspirin; aspirin with a dose still is.
        ("ASA II, fit for day surgery.", "assessment", []),
        ("ASA 75 mg od", "plan", [("aspirin", "started")]),
        # A vitamin among tests whose result ends the list is a level.
        ("Folate, B12, ferritin normal.", "objective", []),
        # A nutrient kept down in the diet is no drug.
        ("Start potassium restriction, renal dietitian.", "plan", []),
        ("הגבלת אשלגן בתזונה.", "plan", []),
    ],
)  # fmt: skip
def test_not_an_order_or_not_a_drug(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # A verb's preposition joined to a name read by its sound.
        ("סיימה טיפול בפרזיקוונטל לפני שבוע.", "subjective", [("praziquantel", "stopped")]),
        # An injection's longer interval is a schedule: the vocabulary's name is a drug.
        ("Tolerating Ocrevus six-monthly.", "subjective", [("ocrelizumab", "listed")]),
        ("Tolerating Dupixent fortnightly.", "subjective", [("dupilumab", "listed")]),
        ("Self-injects Repatha every 2 weeks.", "subjective", [("evolocumab", "listed")]),
        # A dose given in the room today, even written in the plan, is recorded, not ordered.
        ("Ceftriaxone 500 mg IM given in the clinic; review in 1 week.", "plan",
         [("ceftriaxone", "listed")]),
        ("Methotrexate 15 mg sc given today, next dose Friday.", "plan",
         [("methotrexate", "listed")]),
        # Without the visit's place or day it stays an order.
        ("Methotrexate 15 mg sc to be given weekly by the practice nurse.", "plan",
         [("methotrexate", "started")]),
    ],
)  # fmt: skip
def test_joined_prepositions_long_intervals_and_doses_given_here(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _meds(text, field) == expected


def test_an_abbreviated_including_does_not_end_the_sentence() -> None:
    # "incl." is an abbreviation: the verb before it still holds for the list after it.
    assert _meds("Carry on with usual meds incl. bisoprolol and apixaban.") == [
        ("bisoprolol", "continued"),
        ("apixaban", "continued"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A vocabulary name that the switch goes to is a drug even with no dose after it.
        ("Switch Yasmin to Mirena, fitting next week.",
         [("oral contraceptive", "stopped"), ("levonorgestrel", "started")]),
        # MedlinePlus names by ingredient and route; the generic name is the ingredient's.
        ("Intrarosa 6.5 mg pessary nightly.", [("prasterone", "started")]),
        ("Start Kyleena, fitting booked.", [("levonorgestrel", "started")]),
    ],
)  # fmt: skip
def test_switched_to_and_names_without_their_route(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _meds(text) == expected
