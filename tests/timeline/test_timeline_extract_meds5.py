"""Medication names: brands and generics the vocabulary lacks or names otherwise, each read
as its generic (INN) name, in English and Hebrew (issue 27)."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "medication"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # Hormones the vocabulary lacks, by generic and by brand.
        ("Has been on Sustanon injections for a year", "subjective",
         [("testosterone", "listed")]),
        ("Androcur ceased on endocrinology advice", "subjective", [("cyproterone", "stopped")]),
        ("מקבלת נבידו אחת לשלושה חודשים", "subjective", [("testosterone", "listed")]),
        # Fertility drugs by their brands.
        ("Menopur 150 IU from day 2; Orgalutran 0.25 mg from day 7", "plan",
         [("menotropins", "started"), ("ganirelix", "started")]),
        ("להתחיל גונל-אף 150 יחידות בערב", "plan", [("follitropin alfa", "started")]),
        # Eye drops by brand.
        ("Xalatan one drop nocte to both eyes", "plan", [("latanoprost", "started")]),
        ("להמשיך אלפגן לעין שמאל", "plan", [("brimonidine", "continued")]),
        # The INN name, whichever one is written.
        ("Rifadin 600 mg od for 4 months", "plan", [("rifampicin", "started")]),
        ("Laxido one sachet bd", "plan", [("macrogol", "started")]),
        ("Hedrin lotion to scalp, repeat in 7 days", "plan", [("dimeticone", "started")]),
        # A British or Israeli brand in a list.
        ("Meds: Simvacor 40, Cardiloc 2.5", "medical_history",
         [("simvastatin", "listed"), ("bisoprolol", "listed")]),
        ("סיימה קורס צפורל", "subjective", [("cefalexin", "stopped")]),
        # Clinicians' short forms.
        ("Fluclox 500 mg qds", "plan", [("flucloxacillin", "started")]),
        ("Co-amox 625 mg tds for a week", "plan", [("amoxicillin-clavulanate", "started")]),
        # "pred" after a percentage is "predicted", no drug.
        ("FEV1 71% pred", "objective", []),
    ],
)  # fmt: skip
def test_brands_and_generics(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _meds(text, field) == expected
