"""A drug only talked about is no medication event, a drug's name that labels a reading is
no drug, and a misspelt drug is read beside a verb said of it (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    "text",
    [
        "Offered citalopram; she declined",
        "Discussed metformin - patient would like to think about it",
        "Could consider gabapentin if the neuropathic pain persists",
        "May need furosemide down the track",
        "If the A1c stays above 8 at the next review, add empagliflozin",
        "מסרבת לסרטרלין",
        "הוסבר על אטורבסטטין",
        "לשקול ביסופרולול",
        "אם הכאב יימשך - להתחיל נפרוקסן",
    ],
)
def test_a_drug_only_talked_about_is_no_event(text: str) -> None:
    assert _meds(text) == []


def test_a_drug_ordered_after_the_talk_is_started() -> None:
    assert _meds("Discussed options, started sertraline 50 mg") == [("sertraline", "started")]
    assert _meds("Naproxen 500 mg bd prn if pain") == [("naproxen", "started")]


def test_a_name_that_labels_a_reading_is_no_drug() -> None:
    assert _meds("מעבדה: אשלגן 3.9, נתרן 139", "objective") == []
    assert _meds("כתף ימין - פלקסיה 120°", "objective") == []
    # A dose after the same name is a drug.
    assert _meds("Eltroxin 0.1 mg daily", "medical_history") == [("levothyroxine", "listed")]


def test_a_switch_of_misspelt_drugs_stops_one_and_starts_the_other() -> None:
    assert _meds("Swapped simvastatine for rosuvastatin") == [
        ("simvastatin", "stopped"),
        ("rosuvastatin", "started"),
    ]
    assert _meds("metoprolol changed to bisoprolol") == [
        ("metoprolol", "stopped"),
        ("bisoprolol", "started"),
    ]
    assert _meds("naproxin stopped") == [("naproxen", "stopped")]


def test_other_official_and_local_names() -> None:
    assert _meds("Cont frusemide") == [("furosemide", "continued")]
    assert _meds("העלינו אוקסאר ל-100 mg") == [("losartan", "continued")]
