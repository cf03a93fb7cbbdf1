"""A reading the note wrote in another unit than the one it is kept in keeps its written
value and unit ("3.1 mmol/L", "185 lb"): the stored value is converted, for comparing and
plotting, and what is shown is what was written."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


@pytest.mark.parametrize(
    ("line", "measure", "written"),
    [
        ("Wt 185 lb", "weight", "185 lb"),
        ("Ht 5' 6\"", "height", "5' 6\""),
        ("LDL 3.1 mmol/L", "ldl", "3.1 mmol/L"),
        ("LDL 3.1", "ldl", "3.1 mmol/L"),  # a bare value of that size is mmol/L
        ("Creatinine 88 umol/L", "creatinine", "88 umol/L"),
        ("HbA1c 53 mmol/mol", "a1c", "53 mmol/mol"),
        ("Temp 99.1 F", "temperature", "99.1 F"),
        ("Glucose: 5.4 mmol/L", "glucose", "5.4 mmol/L"),
        ("Glucose [Moles/volume] in Blood: 5.4 mmol/L", "glucose", "5.4 mmol/L"),
    ],
)
def test_a_converted_reading_keeps_what_the_note_wrote(
    line: str, measure: str, written: str
) -> None:
    (fact,) = [f for f in extract(line, "objective").facts if f.kind == "measurement"]
    assert (fact.name, fact.written) == (measure, written)
    assert fact.value is not None and f"{fact.value:g}" not in written


@pytest.mark.parametrize(
    "line",
    ["Wt 84.5 kg", "LDL 119 mg/dL", "Body Weight: 84.5 kg", "Heart rate: 88.4 /min", "BP 120/80"],
)
def test_a_reading_in_its_own_unit_needs_nothing_more(line: str) -> None:
    facts = [f for f in extract(line, "objective").facts if f.kind == "measurement"]
    assert facts and all(f.written is None for f in facts)


@pytest.mark.parametrize(
    ("line", "written"),
    [("K 4.0", "4.0 mmol/L"), ("Hb 13.50 g/dL", "13.50 g/dL"), ("A1c 7.0%", "7.0%"),
     ("Heart rate: 88.40 /min", "88.40 /min")],
)  # fmt: skip
def test_a_trailing_zero_the_number_drops_is_kept_as_written(line: str, written: str) -> None:
    (fact,) = [f for f in extract(line, "objective").facts if f.kind == "measurement"]
    assert fact.written == written


@pytest.mark.parametrize(
    ("line", "kg", "written"),
    [
        ("Weight: 12 st 4 lb", 78.02, "12 st 4 lb"),
        ("Wt 11 stone 2 lb", 70.76, "11 stone 2 lb"),
        ("weighs 12st", 76.2, "12st"),
        ("Wt 12 st. BP 120/80", 76.2, "12 st"),
    ],
)
def test_a_weight_in_stones_is_that_weight_not_the_stones_number_in_kg(
    line: str, kg: float, written: str
) -> None:
    """ "12 st 4 lb" had been read as 12 kg: the stones' number, the pounds left over."""
    (fact,) = [f for f in extract(line, "objective").facts if f.name == "weight"]
    assert (fact.value, fact.written) == (kg, written)


def test_st_alone_is_no_stone() -> None:
    facts = extract("Seen at St Mary's. Wt 80 kg", "objective").facts
    assert [(f.name, f.value, f.written) for f in facts] == [("weight", 80.0, None)]
