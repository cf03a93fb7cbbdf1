"""A condition or procedure keeps its kind (issue 46, point 5): a name the notes use for a
narrower thing than another ("anorexia nervosa", "ankle swelling", "end-stage renal
disease", a duplex scan) is that fact's name, in English and Hebrew; resources/
conditions.toml's and procedures.toml's [broader] set it under the broader one, so a
question about the broader name still finds it, and a condition lasts as the broader one
does."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from bench.timeline.kit.facts import ExpectedFact
from bench.timeline.kit.scoring import fact_matches
from core.timeline.answers.over_time import forms_of, names_under
from core.timeline.extract import extract
from core.timeline.resources import RulesError
from core.timeline.types import Fact
from core.timeline.vocab.lexicon import BROADER, CONDITIONS, PROCEDURES, broader_names
from core.timeline.vocab.names import broader
from tests.timeline.chart import ask
from tests.timeline.rules_files import edit


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Anorexia nervosa, weight restoring.", "anorexia nervosa"),
        ("Bulimia, purging twice a week.", "bulimia nervosa"),
        ("Bilateral ankle swelling.", "ankle swelling"),
        ("Easy bruising on the forearms.", "bruising"),
        ("High cholesterol, on diet.", "hypercholesterolemia"),
        ("Rigors overnight.", "rigors"),
        ("Heel pain on first steps.", "heel pain"),
        ("Pins and needles in both feet.", "paresthesia"),
        ("Long COVID.", "long covid"),
        ("Noise-induced hearing loss.", "noise-induced hearing loss"),
        ("ESRD on haemodialysis.", "end-stage renal disease"),
        ("PNES, under psychology.", "psychogenic nonepileptic seizures"),
        ("מתלוננת על צרבת אחרי ארוחות.", "heartburn"),
        ("צהבת קלה בלובן העיניים.", "jaundice"),
        ("שטפי דם בזרועות.", "bruising"),
        ("כולסטרול גבוה, בדיאטה.", "hypercholesterolemia"),
        ("כאב בעקב בבוקר.", "heel pain"),
        ("נפיחות בקרסוליים.", "ankle swelling"),
        ("אי ספיקת כליות סופנית, בדיאליזה.", "end-stage renal disease"),
    ],
)
def test_a_narrower_name_is_the_facts_own(text: str, name: str) -> None:
    assert _dx(text) == [(name, "present")]


def _procedures(text: str, field: str = "plan") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "procedure"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Arterial duplex L leg requested.", "plan", [("duplex ultrasound", "ordered")]),
        ("דופלר לפיסטולה - הוזמן.", "plan", [("duplex ultrasound", "ordered")]),
        ("Skin prick test positive to grass.", "objective", [("skin prick test", None)]),
        ("Patch testing booked.", "plan", [("patch test", "ordered")]),
        ("OPG taken today.", "objective", [("orthopantomogram", None)]),
        ("EMG ordered.", "plan", [("emg", "ordered")]),
        ("Mantoux test today.", "plan", [("tuberculin skin test", None)]),
        ("הוזמנה בדיקה אורודינמית.", "plan", [("urodynamics", "ordered")]),
        ("Tooth extraction today.", "plan", [("tooth extraction", None)]),
        ("Ultrasound abdomen requested.", "plan", [("ultrasound abdomen", "ordered")]),
        # a biopsy is no excision, an IUS is a kind of intrauterine device
        ("Biopsy of the lesion taken.", "plan", [("biopsy", None)]),
        ("Excision biopsy booked.", "plan", [("excision", "ordered")]),
        ("Mirena fitted.", "plan", [("ius insertion", None)]),
        ("IUD fitted today.", "plan", [("iud insertion", None)]),
        ("Smear taken.", "plan", [("pap smear", None)]),
        ("24h ambulatory BP monitoring.", "plan", [("ambulatory blood pressure monitoring", None)]),
    ],
)
def test_a_narrower_procedure_is_named_as_written(
    text: str, field: str, expected: list[tuple[str, str | None]]
) -> None:
    assert _procedures(text, field) == expected


def test_the_broader_names_stay_as_they_were() -> None:
    assert _dx("Peripheral oedema, pitting to mid-shin.") == [("edema", "present")]
    assert _dx("Dyslipidaemia.") == [("dyslipidemia", "present")]
    assert _dx("Eating disorder, under the specialist team.") == [("eating disorder", "present")]
    assert _dx("Numbness in the left hand.") == [("numbness", "present")]


@pytest.mark.parametrize(
    ("text", "name", "status"),
    [
        # under a background cue a lasting condition is still the patient's, a kind of one too
        ("PMH: high cholesterol.", "hypercholesterolemia", "present"),
        ("PMH: ESRD.", "end-stage renal disease", "present"),
        ("ברקע: כולסטרול גבוה.", "hypercholesterolemia", "present"),
        # and a kind of an event is over once dated, as the event is
        ("PMH: anorexia nervosa 2009.", "anorexia nervosa", "history"),
    ],
)
def test_a_kind_lasts_as_its_broader_name_does(text: str, name: str, status: str) -> None:
    assert _dx(text, "medical_history") == [(name, status)]


def test_every_broader_name_is_a_condition_and_none_is_above_itself() -> None:
    assert BROADER, "the table is read"
    for narrow, wide in BROADER.items():
        assert {narrow, wide} <= CONDITIONS.keys() or {narrow, wide} <= PROCEDURES.keys()
        assert narrow not in broader_names(narrow)
    assert broader_names("ankle swelling") == ["edema"]
    assert broader_names("skin prick test") == ["allergy testing"]
    assert broader_names("edema") == []


def test_a_question_about_the_broader_name_finds_the_narrower() -> None:
    assert "ankle swelling" in names_under("edema")
    assert "hypercholesterolemia" in names_under("hyperlipidemia")
    # the forms searched in the notes' words, before "no note mentions" is said
    assert {"swollen ankles", "נפיחות בקרסוליים"} <= set(forms_of("edema"))
    assert {"anorexia nervosa", "בולימיה"} <= set(forms_of("eating disorder"))
    assert {"duplex ultrasound", "bladder scan"} <= set(names_under("ultrasound"))
    # never the other way: edema is not a kind of ankle swelling
    assert names_under("ankle swelling") == ["ankle swelling"]


NOTES = {
    dt.datetime(2025, 1, 10, 9): {
        "subjective": "Review.",
        "objective": "Ankle swelling both sides.",
    },
    dt.datetime(2025, 3, 12, 9): {"subjective": "Review.", "assessment": "High cholesterol."},
    dt.datetime(2025, 3, 12, 10): {"plan": "Start atorvastatin 20 mg."},
}


@pytest.mark.parametrize(
    "question",
    ["Has she had edema?", "When was edema first noted?", "Does she still have edema?"],
)
def test_asked_by_the_broader_name_the_answer_cites_the_narrower_note(question: str) -> None:
    text, refused, days = ask(question, NOTES)
    assert not refused, text
    assert days == [dt.date(2025, 1, 10)], text
    assert "no note" not in text.lower()


def test_the_drugs_for_a_kind_are_the_broader_conditions_drugs() -> None:
    text, refused, _ = ask("What was prescribed for hypercholesterolemia?", NOTES)
    assert not refused, text
    assert "atorvastatin" in text


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        ('"ankle swelling" = "edema"', '"ankle swelling" = "oedemaa"', "'oedemaa': both must be"),
        ('"ankle swelling" = "edema"', '"swollen toes" = "edema"', "'swollen toes' = 'edema'"),
        ('"rigors" = "chills"', '"rigors" = "chills"\n"chills" = "rigors"', "broader than itself"),
    ],
)
def test_a_mistake_in_the_table_names_its_file_and_line(
    rules: Path, old: str, new: str, says: str
) -> None:
    edit(rules / "conditions.toml", old, new)
    broader.cache_clear()
    try:
        with pytest.raises(RulesError) as e:
            broader("conditions", rules)
    finally:
        broader.cache_clear()
    assert says in str(e.value), str(e.value)
    assert re.search(r"conditions\.toml:\d+\b", str(e.value)), str(e.value)


def _fact(name: str) -> Fact:
    return Fact("diagnosis", name, 0, len(name), name, status="present")


def test_the_scorer_takes_a_narrower_fact_for_its_broader_label_not_the_reverse() -> None:
    edema = ExpectedFact("diagnosis", "edema", status="present")
    swelling = ExpectedFact("diagnosis", "ankle swelling", status="present")
    assert fact_matches(_fact("ankle swelling"), edema)
    assert fact_matches(_fact("ankle swelling"), swelling)
    assert not fact_matches(_fact("edema"), swelling)
    scan = Fact("procedure", "duplex ultrasound", 0, 6, "duplex")
    assert fact_matches(scan, ExpectedFact("procedure", "ultrasound"))
    assert not fact_matches(
        Fact("procedure", "ultrasound", 0, 2, "US"), ExpectedFact("procedure", "duplex ultrasound")
    )
