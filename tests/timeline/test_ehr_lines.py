"""Notes in EHR-export style: a measure on a line of its own, read with the digits written;
numbers inside a condition's name and values from another time are no readings; an
export's two BP halves answer as one blood pressure."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.timeline.extract import extract
from core.timeline.measures.ehr_lines import ehr_lines
from core.timeline.types import MEASURES
from tests.timeline.chart import Notes, ask


def _readings(text: str, field: str = "objective") -> list[tuple[str, float]]:
    return [(f.name, f.value or 0.0) for f in extract(text, field).facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    ("line", "measure", "value"),
    [
        ("Systolic Blood Pressure: 111.9 mmHg", "bp_systolic", 111.9),
        ("Diastolic Blood Pressure: 74.1 mmHg", "bp_diastolic", 74.1),
        ("Heart rate: 88.4 /min", "heart_rate", 88.4),
        ("Respiratory rate: 13.3 /min", "respiratory_rate", 13.3),
        ("Glucose in Blood: 67.8 mg/dL", "glucose", 67.8),
        ("Creatinine in Blood: 0.79 mg/dL", "creatinine", 0.79),
        ("Glucose [Mass/volume] in Serum or Plasma: 101.2 mg/dL", "glucose", 101.2),
        ("Creatinine [Mass/volume] in Serum or Plasma: 1.42 mg/dL", "creatinine", 1.42),
        ("Hemoglobin A1c/Hemoglobin.total in Blood: 5.9 %", "a1c", 5.9),
        ("Body mass index (BMI) [Ratio]: 30.3 kg/m2", "bmi", 30.3),
        ("Body Weight: 84.7 kg", "weight", 84.7),
        ("Body Height: 161.2 cm", "height", 161.2),
        ("Oxygen saturation in Arterial blood by Pulse oximetry: 97.2 %", "spo2", 97.2),
        ("Body temperature: 37.4 Cel", "temperature", 37.4),
        ("Low Density Lipoprotein Cholesterol: 112.3 mg/dL", "ldl", 112.3),
        ("High Density Lipoprotein Cholesterol: 51.6 mg/dL", "hdl", 51.6),
        ("Total Cholesterol: 188.5 mg/dL", "total_cholesterol", 188.5),
        ("Estimated Glomerular Filtration Rate: 71.4 mL/min/{1.73_m2}", "egfr", 71.4),
        ("Estimated Glomerular Filtration Rate: >90 mL/min/{1.73_m2}", "egfr", 90.0),
        ("Pain severity - 0-10 verbal numeric rating [Score] - Reported: 3 {score}", "pain", 3),
        ("8480-6 Systolic blood pressure: 120 mm[Hg]", "bp_systolic", 120),
        ("Heart rate\t72.5 /min", "heart_rate", 72.5),
        ('לחץ דם סיסטולי: 132 ממ"כ', "bp_systolic", 132),
        ("קצב נשימה: 16 לדקה", "respiratory_rate", 16),
        # The unit as Israeli summaries spell it out, and with gershayim for the quote.
        ('לחץ דם סיסטולי: 118 מ"מ כספית', "bp_systolic", 118),
        ("לחץ דם דיאסטולי: 76 מ\u05f4מ כספית", "bp_diastolic", 76),
        ("סוכר: 110 מ\u05f4ג/ד\u05f4ל", "glucose", 110),
        ('גלוקוז: 98 מ"ג/דצ"ל', "glucose", 98),
        ("גלוקוז: 6.1 ממול/ל", "glucose", 109.8),
    ],
)
def test_a_measure_on_a_line_of_its_own_keeps_its_written_value(
    line: str, measure: str, value: float
) -> None:
    note = f"Vital signs\n{line}\nPlan: follow up"
    assert _readings(note) == [(measure, value)]


# One line a measure, each with a decimal inside its believable range (the window shows the
# same digits: tests/ui/test_measure_labels.py).
DECIMALS = {
    "bp_systolic": "Systolic Blood Pressure: 121.7 mmHg",
    "bp_diastolic": "Diastolic Blood Pressure: 78.3 mmHg",
    "heart_rate": "Heart rate: 88.4 /min",
    "respiratory_rate": "Respiratory rate: 13.3 /min",
    "weight": "Body Weight: 84.75 kg",
    "height": "Body Height: 161.2 cm",
    "bmi": "Body mass index (BMI) [Ratio]: 30.31 kg/m2",
    "temperature": "Body temperature: 36.85 Cel",
    "spo2": "Oxygen saturation in Arterial blood: 96.5 %",
    "pain": "Pain severity: 2.5 {score}",
    "a1c": "Hemoglobin A1c/Hemoglobin.total in Blood: 6.45 %",
    "ldl": "Low Density Lipoprotein Cholesterol: 98.61 mg/dL",
    "hdl": "High Density Lipoprotein Cholesterol: 44.2 mg/dL",
    "total_cholesterol": "Total Cholesterol: 201.9 mg/dL",
    "glucose": "Glucose in Blood: 67.8 mg/dL",
    "creatinine": "Creatinine in Blood: 0.795 mg/dL",
    "egfr": "Estimated Glomerular Filtration Rate: 58.3 mL/min/{1.73_m2}",
    "sodium": "Sodium [Moles/volume] in Serum or Plasma: 139.4 mmol/L",
    "potassium": "Potassium [Moles/volume] in Serum or Plasma: 4.35 mmol/L",
    "hemoglobin": "Hemoglobin [Mass/volume] in Blood: 13.75 g/dL",
    "tsh": "Thyrotropin [Units/volume] in Serum or Plasma: 2.145 m[IU]/L",
    "triglycerides": "Triglycerides [Mass/volume] in Serum or Plasma: 132.4 mg/dL",
}


def test_every_measure_with_a_decimal_keeps_its_decimals() -> None:
    """One line a measure, each with a decimal inside its believable range: the value read
    is the value written, never rounded."""
    by_measure = DECIMALS
    whole_numbers = {"phq2", "phq9", "gad7", "rom"}  # scores and degrees have no decimals
    assert set(by_measure) == set(MEASURES) - whole_numbers
    note = "\n".join(by_measure.values())
    read = dict(_readings(note))
    for measure, line in by_measure.items():
        assert read.get(measure) == float(line.split(": ")[1].split()[0]), line


@pytest.mark.parametrize(
    "line",
    [
        "Glucose in Urine: 100 mg/dL",
        "Creatinine [Mass/volume] in Urine: 120 mg/dL",
        "Systolic Blood Pressure: 111.9 mg/dL",  # no unit blood pressure is read in
        "Body Weight: 84.7 kg (was 86)",
    ],
)
def test_a_line_that_is_not_the_measure_is_not_taken_as_it(line: str) -> None:
    name = {"Glucose": "glucose", "Creati": "creatinine", "System": "bp_systolic"}
    found = ehr_lines(line)
    assert all(n.measure != name.get(line[:6], "weight") for n in found), line


@pytest.mark.parametrize("field", ["subjective", "assessment", "medical_history"])
@pytest.mark.parametrize(
    "name",
    [
        "Body mass index 30+ - obesity (finding)",
        "Body mass index 40+ - severely obese (finding)",
        "body mass index 30+ - obesity",
        "Chronic kidney disease stage 3 (disorder)",
        "Diabetes mellitus type 2 (disorder)",
        "Prediabetes (finding); Anemia (disorder)",
    ],
)
def test_a_number_inside_a_conditions_name_is_no_reading(field: str, name: str) -> None:
    assert _readings(f"Chief complaint: {name}\nHistory: {name}", field) == []


@pytest.mark.parametrize(
    "words",
    [
        "At intake in 2019 weight was 101 kg.",
        "In 2019 weight was 101 kg.",
        "last month's BP 150/95.",
        "A1c in March was 8.1.",
        "pain was 9/10 last week.",
        "previous weight 90 kg.",
        "At baseline, LDL 160 mg/dL.",
        'בביקור הקודם ל"ד 150/95.',
        'לפני חודש משקל 90 ק"ג.',
    ],
)
def test_a_value_from_another_time_is_not_this_visits(words: str) -> None:
    note = f"{words} Weight today 84.7 kg. Pain 3/10 today."
    assert sorted(_readings(note, "subjective")) == [("pain", 3.0), ("weight", 84.7)]


_EXPORT: Notes = {
    dt.datetime(2022, 4, 14, 10): {
        "objective": "Diastolic Blood Pressure: 74.1 mmHg\n"
        "Heart rate: 88.4 /min\nSystolic Blood Pressure: 111.9 mmHg"
    },
    dt.datetime(2023, 1, 9, 10): {
        "objective": "Systolic Blood Pressure: 128.2 mmHg\nDiastolic Blood Pressure: 81.6 mmHg"
    },
}


def _ask(question: str) -> tuple[str, bool]:
    text, refused, _ = ask(question, _EXPORT)
    return text, refused


def test_an_exports_two_halves_answer_as_one_blood_pressure() -> None:
    """Halves on lines of their own, diastolic first as some exports list them: one
    reading of both, at each visit."""
    text, refused = _ask("What is the latest blood pressure?")
    assert "128.2/81.6" in text and not refused, text
    assert "111.9/74.1" in _ask("What was the first blood pressure?")[0]
    text, refused = _ask("What was the systolic blood pressure on April 14, 2022?")
    assert "111.9" in text and not refused, text
    assert "88.4" in _ask("What was the latest heart rate?")[0]


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("What was the systolic blood pressure on April 15, 2022?", "reading on 2022-04-15"),
        ("What was the BP in 2021?", "reading between 2021-01-01 and 2021-12-31"),
        ("מה היה לחץ הדם הסיסטולי ב-15.4.2022?", "ב-2022-04-15"),
    ],
)
def test_no_reading_in_a_period_says_the_period_not_that_no_note_records_one(
    question: str, said: str
) -> None:
    text, refused = _ask(question)
    assert refused and said in text, text
    assert "no note" not in text and "רשומה" not in text


@pytest.mark.parametrize(
    ("text", "measure", "written"),
    [
        ("BMI: 24.0", "bmi", "24.0 kg/m2"),
        ('משקל: 63 ק"ג\nBMI: 24.0\nדופק: 66 לדקה', "bmi", "24.0 kg/m2"),
        ("Heart rate: 88.40", "heart_rate", "88.40/min"),
        ("Body Weight: 70.0", "weight", "70.0 kg"),
    ],
)
def test_a_trailing_zero_with_no_unit_written_keeps_the_measure_s_own(
    text: str, measure: str, written: str
) -> None:
    """ "BMI: 24.0" with no unit once stopped the whole field's reading with an error: the
    note's every other value was lost with it (blind set #9 lost four)."""
    found = {f.name: f for f in extract(text, "objective").facts if f.kind == "measurement"}
    assert found[measure].written == written


_NAMES = [
    "BMI",
    "Heart rate",
    "Body Weight",
    "Body Height",
    "Glucose in Blood",
    "Total Cholesterol",
]


@settings(deadline=None)  # the unit registry loads on the first example
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_NAMES),
            st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{0,2}0)?", fullmatch=True),
            st.sampled_from(["", " kg", " /min", " mg/dL", " %", " cm", " mmol/L"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_no_export_line_stops_the_field_s_reading(lines: list[tuple[str, str, str]]) -> None:
    """Every line written "Name: value [unit]" is read or left, never an error: the reader
    runs in the transaction that saves the note."""
    extract("\n".join(f"{name}: {value}{unit}" for name, value, unit in lines), "objective")
