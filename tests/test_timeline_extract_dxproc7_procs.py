"""Procedures, round 7 of issue 27: results talked of with a qualifier between the cue and
the study or with "result" after it, and an organ's physical examination in Hebrew.
Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _procs(text: str, field: str) -> list[str]:
    return [f.name for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("Came to discuss the results of her lumbar MRI.", "subjective"),
        ("Phone call about the colonoscopy result.", "subjective"),
        ("בדיקת ריאות: כניסת אוויר טובה דו צדדית.", "objective"),
        ("בדיקת בטן: רכה, ללא רגישות.", "objective"),
    ],
)
def test_no_act_of_the_visit(text: str, field: str) -> None:
    assert _procs(text, field) == []


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Colonoscopy performed today, no polyps.", "objective", ["colonoscopy"]),
        ("בדיקת ראייה: 6/12 בעין ימין.", "objective", ["בדיקת ראייה"]),
    ],
)
def test_a_study_done_is_still_read(text: str, field: str, expected: list[str]) -> None:
    assert _procs(text, field) == expected
