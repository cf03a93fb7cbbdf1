"""Procedures, round 6 of issue 27: a procedure's name that places the visit, is a finding's
source, is what the visit prepares for, or an act of the past after "post" is no act of the
visit; the same names written as acts still are. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str) -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # the setting of the visit, or a treatment the patient is on
        ("Weekly haemodialysis review, tired after sessions.", "subjective"),
        ("Some cramps on dialysis, otherwise well.", "subjective"),
        ("ביקור ביחידת הדיאליזה, ללא תלונות.", "subjective"),
        # the study a finding was read from, outside the examination too
        ("Paroxysmal AF detected on 48 h Holter last month.", "subjective"),
        ("Osteoporosis according to DEXA.", "assessment"),
        ("פרפור פרוזדורים הודגם בהולטר.", "assessment"),
        ("Pneumonia excluded (CXR clear).", "assessment"),
        # what the visit prepares for
        ("Pre-op assessment for elective L hip replacement.", "subjective"),
        ("הערכה לקראת ניתוח להחלפת מפרק ברך.", "subjective"),
        # an act of the past in a clause opened by "post" or "after"
        ("Three weeks post STEMI treated with PCI, walking daily.", "subjective"),
    ],
)
def test_no_act_of_the_visit(text: str, field: str) -> None:
    assert _procs(text, field) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Holter monitor fitted today.", "objective", [("holter monitor", None)]),
        ("Echo done: EF 55%, seen on clinic day.", "objective", [("echocardiogram", None)]),
        ("DEXA requested.", "plan", [("dexa scan", "ordered")]),
    ],
)
def test_the_same_names_as_acts(
    text: str, field: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, field) == expected


def test_listed_for_an_operation_is_no_preparation() -> None:
    # being put on the list is the operation's order, not a visit that prepares for it
    assert [n for n, _ in _procs("Listed for cholecystectomy.", "plan")] == ["cholecystectomy"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a study's one word by its ending, with its order or its deed
        ("Venogram requested for arm swelling.", "plan", [("venogram", "ordered")]),
        ("Sialogram done, no stones.", "objective", [("sialogram", None)]),
        ("PETscan booked.", "plan", [("petscan", "ordered")]),
        ("סיאלוגרם הוזמן.", "plan", []),
        # a unit, a programme or a figure that ends in "gram" is none
        ("Walking programme booked.", "plan", []),
        ("Diagram drawn and explained.", "plan", []),
    ],
)
def test_a_study_by_its_one_word(
    text: str, field: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vaccines by their schedules' short names, one each, with the deed
        ("Tdap and MenACWY administered.", [("vaccination", None), ("vaccination", None)]),
        ("Pertussis booster given.", [("vaccination", None)]),
        # two diseases' letters joined before one vaccination are two vaccines
        (
            "Hep A and B vaccination today, first doses given.",
            [("vaccination", None), ("vaccination", None)],
        ),
        # no deed, or a deed refused, is no vaccination
        ("MMR status unknown.", []),
        ("PCV13 not given - declined.", []),
    ],
)
def test_vaccines_by_their_short_names(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text, "plan") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words before a list's bare name say which one: the phrase names it
        ("Liver biopsy done.", [("liver biopsy", None)]),
        ("Renal biopsy booked.", [("renal biopsy", "ordered")]),
        # the docs' vaccine names stand
        ("Flu vaccine given.", [("flu vaccine", None)]),
    ],
)
def test_a_deed_phrase_names_what_its_head_alone_would_not(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, "plan") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition's name before a known service makes a service of its own
        ("Refer to stroke rehabilitation team.", [("referral: stroke rehabilitation", None)]),
        # a setting's word before it does not
        ("Refer community dietitian.", [("referral: dietitian", None)]),
        # a service no list knows, joined by "and", by its service word
        (
            "Letter to GP and link worker.",
            [("referral: general practice", None), ("referral: link worker", None)],
        ),
    ],
)
def test_referrals_by_the_service_written(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procs(text, "plan") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # booked now for later: the booking is this visit's order
        ("Colonoscopy in 3 months - booked.", [("colonoscopy", "ordered")]),
        ("קולונוסקופיה בעוד חודשיים - הוזמנה.", [("colonoscopy", "ordered")]),
        # due later with no order said: no act
        ("Colonoscopy in 3 months.", []),
    ],
)
def test_an_order_outweighs_its_date(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text, "plan") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a substance given into a vein, its route first, is an infusion
        ("IV iron (ferric derisomaltose 500 mg) given, no reaction.", [("iron infusion", None)]),
        ("IV fluids administered over 2 h.", [("fluid infusion", None)]),
        # only talked of, or a drug's dose with its route after: none
        ("IV iron to be considered if ferritin stays low.", []),
        ("Ceftriaxone 2 g IV given.", []),
    ],
)
def test_an_infusion_by_its_route(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert _procs(text, "objective") == expected
