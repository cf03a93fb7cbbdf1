"""A skewed scan is put straight before tesseract reads it (issue 30, point 5): pages from
the project's generator, turned by a known angle as a scanner would (bench make.scan)."""

from __future__ import annotations

import pytest
from PIL import Image

from bench.documents import make
from core.documents.types import PageImage
from models.deskew import MIN_DEGREES, skew_degrees, straighten
from models.ocr import prepare

PAGE: list[make.Line] = [
    "Laboratory report - basic metabolic panel",
    "Collected 12/03/2024",
    ("Test", "Result", "Unit", "Reference"),
    ("Sodium", "141", "mmol/L", "135 - 145"),
    ("Potassium", "4.4", "mmol/L", "3.5 - 5.1"),
    ("Creatinine", "0.93", "mg/dL", "0.60 - 1.20"),
    "נתרן 145 mmol/L (תקין 135 - 145)",
    "Please repeat the potassium in two weeks.",
]


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return make.text_pdf([PAGE], make.hebrew_font())


@pytest.mark.parametrize("degrees", [-4.5, -1.8, -0.6, 1.2, 1.8, 3.3])
@pytest.mark.parametrize("dpi", [150, 300])
def test_a_turned_page_is_found_turned_and_put_straight(
    pdf: bytes, degrees: float, dpi: int
) -> None:
    scan = make.scan(pdf, 0, make.Degrade(dpi=dpi, rotate=degrees, noise=0.003, seed=7))
    assert abs(skew_degrees(scan) - degrees) <= 0.5
    assert abs(skew_degrees(straighten(scan))) <= 0.5


def test_a_straight_page_is_left_as_it_is(pdf: bytes) -> None:
    scan = make.scan(pdf, 0, make.Degrade(dpi=200))
    assert abs(skew_degrees(scan)) < MIN_DEGREES
    assert straighten(scan) is scan


def test_a_blank_page_has_no_skew() -> None:
    blank = Image.new("L", (1700, 2200), 255)
    assert skew_degrees(blank) == 0.0
    assert straighten(blank) is blank


def test_what_tesseract_is_given_is_straight(pdf: bytes) -> None:
    scan = make.scan(pdf, 0, make.Degrade(dpi=200, rotate=-2.4))
    page = prepare(PageImage(scan.width, scan.height, 200, scan.tobytes()))
    fed = Image.frombytes("L", (page.width, page.height), page.pixels)
    assert page.dpi == 300
    assert abs(skew_degrees(fed)) <= 0.5
