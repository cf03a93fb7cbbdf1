"""Diagnoses, round 7 of issue 27: an examination's "not palpable", a site between a name
and its doubt, the act that brings a sign out, and what positions also hold (a verdict of
fitness, a behaviour with a device, a risk assessment's items). Phrasings are this test's
own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str) -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


def test_not_palpable_negates_the_finding() -> None:
    assert _dx("Hernia not palpable on standing.", "objective") == [("hernia", "negated")]


def test_a_site_before_a_word_of_doubt_keeps_the_doubt() -> None:
    assert _dx("Eczema of the hands vs contact dermatitis.", "assessment") == []


def test_the_act_that_brings_a_sign_out_is_no_complaint() -> None:
    assert _dx("Inguinal hernia, reducible, more on coughing.", "objective") == [
        ("hernia", "present")
    ]


def test_a_complaint_with_its_sign_is_still_read() -> None:
    assert ("rectal bleeding", "present") in _dx("Diarrhoea with rectal bleeding.", "subjective")


@pytest.mark.parametrize(
    "text",
    [
        "#1 Meets the standard for the licence.",
        "כשירה לנהיגה.",
        "#2 Suboptimal inhaler technique.",
        "Risk: no plan, no intent, protective factors - family.",
    ],
)
def test_what_an_assessment_position_also_holds(text: str) -> None:
    assert _dx(text, "assessment") == []
