"""Whose document it is (core/documents/identity.py): the patient a document names, held
against the client it is filed under; on the real reader, a text PDF and a scan."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from bench.documents import make
from core.documents.identity import same_person, someone_else
from core.documents.types import AttachRequest, Stranger
from core.domain import ClientData
from core.services.service import ChartsideService

DANA = "Dana Levi"
BORN = dt.date(1980, 1, 31)
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="tesseract is not installed here (CI installs it: packaging/system_deps.sh ocr)",
)
OTHERS_REPORT = [
    [
        "Laboratory report",
        "Patient: Santa Bartell",
        "DOB: 1961-04-02",
        "Creatinine 1.42 mg/dL (0.6 - 1.2)",
    ]
]
DANAS_LETTER = [
    [
        "Referral letter for physiotherapy assessment",
        "Dear colleague, I am referring Mrs Dana Levi to your clinic.",
        "Date of birth: 31/01/1980",
        "Dr Miriam Katz, family physician",
    ]
]


@pytest.mark.parametrize(
    "written",
    ["Dana Levi", "DANA LEVI", "Levi Dana", "D. Levi", "Dana R. Levi", "Dana Lcvi", "Dana Lev1"],
)
def test_the_clients_own_name_in_any_order_with_an_initial_or_an_ocr_slip(written: str) -> None:
    assert same_person(written, DANA)


@pytest.mark.parametrize("written", ["Santa Bartell", "Dana Cohen", "Miriam Levi", "D. Cohen"])
def test_another_name_is_someone_else(written: str) -> None:
    assert not same_person(written, DANA)


def test_a_document_naming_another_patient_says_whom_by_name_and_birth() -> None:
    text = "\n".join(OTHERS_REPORT[0])
    assert someone_else(text, DANA, BORN) == Stranger(("Santa Bartell",), (dt.date(1961, 4, 2),))
    # Without the client's date of birth, only the name is held against the client.
    assert someone_else(text, DANA) == Stranger(("Santa Bartell",), ())


def test_the_clients_own_document_and_one_naming_no_patient_are_nobody_elses() -> None:
    assert someone_else("\n".join(DANAS_LETTER[0]), DANA, BORN) is None  # "Dr" is the author
    assert someone_else("Potassium 4.2 mmol/L. Reason: back pain since 2019.", DANA, BORN) is None
    # A date of birth is the client's in either reading of its day and month.
    assert someone_else("Name: Dana Levi\nDOB: 01/31/1980", DANA, BORN) is None
    assert someone_else("Name: Dana Levi\nDOB: 02/03/1981", DANA, BORN) == Stranger(
        (), (dt.date(1981, 3, 2),)
    )


def test_hebrew_labels_name_the_patient() -> None:
    assert someone_else("שם המטופלת: נועה פרץ\nתאריך לידה: 12.3.1975", "נועה פרץ") is None
    assert someone_else("שם המטופל: משה כהן", "נועה פרץ") == Stranger(("משה כהן",), ())


def _client(svc: ChartsideService) -> object:
    return svc.notes.create_client(ClientData(full_name=DANA, date_of_birth=BORN)).id


def test_a_text_pdf_for_another_patient_is_caught_before_it_is_stored(
    docs: ChartsideService,
) -> None:
    cid = _client(docs)
    other = AttachRequest(cid, make.text_pdf(OTHERS_REPORT), "lab")  # type: ignore[arg-type]
    found = docs.documents.stranger_in(other)
    assert found is not None and found.names == ("Santa Bartell",)
    assert found.births == (dt.date(1961, 4, 2),)
    assert docs.documents.documents(cid) == []  # the check stores nothing
    own = AttachRequest(cid, make.text_pdf(DANAS_LETTER), "referral")  # type: ignore[arg-type]
    assert docs.documents.stranger_in(own) is None
    # Filed anyway (the clinician confirmed), it still says so once read.
    info = docs.documents.attach(other)
    docs.documents.read_pending()
    assert docs.documents.stranger(info.id) == found


@needs_tesseract
def test_a_scan_for_another_patient_is_caught_through_ocr(docs: ChartsideService) -> None:
    cid = _client(docs)
    scan = make.Degrade(dpi=200, rotate=1.0, noise=0.01, blur=0.5, seed=5)
    other = make.image_pdf([make.scan(make.text_pdf(OTHERS_REPORT), 0, scan)])
    found = docs.documents.stranger_in(AttachRequest(cid, other, "lab"))  # type: ignore[arg-type]
    assert found is not None and len(found.names) == 1
    assert same_person(found.names[0], "Santa Bartell")  # as OCR read it
    own = make.image_pdf([make.scan(make.text_pdf(DANAS_LETTER), 0, scan)])
    assert docs.documents.stranger_in(AttachRequest(cid, own, "referral")) is None  # type: ignore[arg-type]
