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


@pytest.mark.parametrize(
    ("text", "field"),
    [
        # an earlier study with a date of its own
        ("CT chest from 11/2024 showed no change.", "assessment"),
        ("אולטרסאונד כבד מ-5/2024 תקין.", "assessment"),
        # Hebrew's "on" joined to the study a finding is read from, in the assessment
        ("אבן בכליה ב-CT, ללא הידרונפרוזיס.", "assessment"),
    ],
)
def test_a_studys_source_or_earlier_date_is_no_act(text: str, field: str) -> None:
    assert _procs(text, field) == []


def test_a_study_after_which_the_plan_acts_is_no_second_act() -> None:
    assert _procs("MRI knee requested. Decide on surgery after the MRI.", "plan") == ["mri knee"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("X-ray both ankles requested.", "x-ray ankle"),
        ("הוזמן CT בטן ואגן.", "ct abdomen pelvis"),
        ("CT adrenal glands requested.", "ct adrenal"),
        ("הוזמן אולטרסאונד וגינלי.", "transvaginal ultrasound"),
    ],
)
def test_imaging_keeps_the_site_written(text: str, expected: str) -> None:
    assert _procs(text, "plan") == [expected]


def test_a_body_site_before_a_known_service_names_a_service_of_its_own() -> None:
    assert _procs("Refer foot therapist.", "plan") == ["referral: foot therapist"]
