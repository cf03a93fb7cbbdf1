"""The laboratory values notes and exports list beside the ones first read: sodium,
potassium, hemoglobin, TSH and triglycerides, as the note wrote them, in free text, on an
export's lines and in Hebrew; and asked about over time."""

from __future__ import annotations

import datetime as dt

import pytest

from core.timeline.answers.questions import read_over_time
from core.timeline.extract import extract


def _read(text: str) -> list[tuple[str, float, str | None]]:
    facts = extract(text, "objective").facts
    return [(f.name, f.value or 0.0, f.written) for f in facts if f.kind == "measurement"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Na 139, K 4.2, Hb 13.5, TSH 2.1, TG 150",
         [("sodium", 139.0, None), ("potassium", 4.2, None), ("hemoglobin", 13.5, None),
          ("tsh", 2.1, None), ("triglycerides", 150.0, None)]),
        ("K+ 3.1", [("potassium", 3.1, None)]),
        ("Potassium 4.1 mEq/L", [("potassium", 4.1, None)]),
        ("Hb 132 g/L", [("hemoglobin", 13.2, "132 g/L")]),
        ("Triglycerides: 1.7 mmol/L", [("triglycerides", 150.57, "1.7 mmol/L")]),
        ("Thyrotropin [Units/volume] in Serum or Plasma: 2.145 m[IU]/L", [("tsh", 2.145, None)]),
        ("נתרן 138, אשלגן 4.1, המוגלובין 12.9",
         [("sodium", 138.0, None), ("potassium", 4.1, None), ("hemoglobin", 12.9, None)]),
    ],
)  # fmt: skip
def test_a_lab_is_read_as_written(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hemoglobin A1c 7.2", [("a1c", 7.2, None)]),
        ("HbA1c 7.2%", [("a1c", 7.2, None)]),
        ("המוגלובין מסוכרר 7.1", [("a1c", 7.1, None)]),
        ("Vitamin K 1.5 mg", []),
        ("vit K 2.5", []),
        ("1 ML Enoxaparin sodium 150 MG/ML Prefilled Syringe", []),  # a drug's salt and dose
        ("naproxen sodium 550 mg bid", []),
        ("Potassium chloride 20 mEq daily", []),
    ],
)
def test_what_only_looks_like_one_is_not(
    text: str, expected: list[tuple[str, float, str | None]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("question", "ask", "measures"),
    [
        ("Latest potassium?", "latest", ("potassium",)),
        ("What was her highest TSH?", "highest", ("tsh",)),
        ("Hgb trend since 2024?", "change", ("hemoglobin",)),
        ("מה הנתרן האחרון?", "latest", ("sodium",)),
    ],
)
def test_a_lab_is_asked_about_over_time(question: str, ask: str, measures: tuple[str, ...]) -> None:
    found = read_over_time(question, dt.date(2025, 9, 15))
    assert found is not None and (found.ask, found.measures) == (ask, measures)
