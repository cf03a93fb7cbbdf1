"""The grounding checks on fixed answers (the forms real models wrote in trials): a source
is its text and its label, a date must be the cited session's or stand in its text, a
value must stand in the note it cites."""

from __future__ import annotations

from dataclasses import replace

import pytest

from core.assistant.answer import (
    UNSUPPORTED_MARK,
    anchored,
    attach_sources,
    correct_citations,
    unsupported,
)
from tests.assistant.test_assistant_prompt import hit

VITALS = hit("BP 113/66 mmHg, HR 82 bpm, RR 14 /min, SpO2 97%", field="objective", day=23)
HISTORY = hit(
    "Chronic obstructive pulmonary disease, unspecified [J44.9], diagnosed 2016-06-20.",
    field="medical_history",
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The heart rate was 82 bpm on 2024-03-23.",
        "At the visit on 23 March 2024 the heart rate was 82.",
        "On March 23, 2024, HR was 82 bpm.",
        "HR 82 on 03/23/2024.",
        "In 2024 the heart rate was 82.",
    ],
)
def test_the_cited_sessions_date_in_any_form_is_supported(sentence: str) -> None:
    assert unsupported(sentence, VITALS) is None and anchored(sentence, VITALS)


def test_a_date_in_the_notes_text_is_supported() -> None:
    sentence = "COPD was diagnosed on June 20, 2016."
    assert unsupported(sentence, HISTORY) is None and anchored(sentence, HISTORY)


def test_a_date_that_is_neither_the_sessions_nor_in_its_text_is_caught() -> None:
    # The scout's failure: the question's date given to another visit's value.
    problem = unsupported("The glucose was 82 on 2019-05-01.", VITALS)
    assert problem is not None and "2019-05-01" in problem


def test_a_value_the_note_does_not_hold_is_caught() -> None:
    assert unsupported("The heart rate was 90 bpm.", VITALS) == "90"
    assert unsupported("BP was 113/67.", VITALS) == "67"


def test_a_sentence_without_values_is_not_anchored() -> None:
    assert not anchored("Her heart rate was normal.", VITALS)


def test_a_value_cited_to_the_wrong_source_moves_to_the_one_that_holds_it() -> None:
    text = "According to [2], COPD was diagnosed on 2016-06-20."
    fixed, warnings = correct_citations(text, [HISTORY, VITALS])
    assert fixed == "According to [1], COPD was diagnosed on 2016-06-20."
    assert warnings and "[1]" in warnings[0]
    # A client record (no session date in its label) holds it too; the [3]'s digit is no value.
    record = replace(HISTORY, type="client", session_date=None, session_id=None)
    fixed, _ = correct_citations(text.replace("[2]", "[3]"), [record, VITALS, VITALS])
    assert fixed == "According to [1], COPD was diagnosed on 2016-06-20."
    # When no source holds the values, nothing moves: the support check refuses it later.
    assert correct_citations("HR was 99 [1].", [VITALS, HISTORY]) == ("HR was 99 [1].", [])


def test_a_drug_cited_to_the_wrong_passage_moves_to_the_one_that_names_it() -> None:
    plan = hit("Disposition: discharged home.", field="plan")
    workup = hit("Chest pain. Medications: IV normal saline 1 L.", field="objective")
    text = "According to [1], IV normal saline was prescribed for chest pain."
    fixed, warnings = correct_citations(text, [plan, workup], "What was prescribed for chest pain?")
    assert fixed == "According to [2], IV normal saline was prescribed for chest pain."
    assert warnings


def _embed_by_overlap(texts: list[str]) -> list[list[float]]:
    """A stand-in embedder for this unit test: bag of words over a tiny vocabulary."""
    vocab = ["copd", "pulmonary", "heart", "rate", "walked", "garden", "sertraline"]
    out = []
    for t in texts:
        v = [float(w in t.casefold()) for w in vocab]
        norm = sum(x * x for x in v) ** 0.5 or 1.0
        out.append([x / norm for x in v])
    return out


def test_an_uncited_supported_sentence_gets_its_source_and_an_unsupported_one_is_marked() -> None:
    text = "The heart rate was 82 bpm at that visit. She walked in the garden every day."
    fixed, warnings = attach_sources(text, [HISTORY, VITALS], _embed_by_overlap, 0.5)
    assert "The heart rate was 82 bpm at that visit. [2]" in fixed
    assert f"She walked in the garden every day.{UNSUPPORTED_MARK}" in fixed
    assert len(warnings) == 1 and "garden" in str(warnings[0])


@pytest.mark.parametrize(
    ("sentence", "misread"),
    [
        ("The latest potassium level was 113/66 mmHg.", True),  # a BP read as potassium
        ("The heart rate was 113 bpm.", True),  # the systolic read as a pulse
        ("The heart rate was 82 bpm.", False),  # "HR 82 bpm": abbreviations meet
        ("BP was 113/66 mmHg and SpO2 97%.", False),
        ("Oxygen saturation was 97%.", False),
    ],
)
def test_a_value_must_come_from_a_line_about_what_the_sentence_says(
    sentence: str, misread: bool
) -> None:
    problem = unsupported(sentence, VITALS)
    assert (problem is not None) == misread, problem
    if misread:
        assert "something else" in (problem or "")


def test_a_sentence_without_values_is_anchored_by_the_words_it_adds_to_the_question() -> None:
    note = hit("Chest pain on arrival. IV normal saline 1 L bolus given.", field="plan")
    question = "What was prescribed for chest pain?"
    assert anchored("IV normal saline was given for the chest pain.", note, question)
    assert not anchored("Aspirin was given for the chest pain.", note, question)
    assert not anchored("Chest pain was treated.", note, question)  # it adds nothing


@pytest.mark.parametrize(
    ("sentence", "misread"),
    [
        # Units are shared by every lab line: "mmol/L" does not tie 3.9 to bicarbonate.
        ("The bicarbonate was 3.9 mmol/L.", True),
        ("The potassium was 3.9 mmol/L.", False),
        # A dose read off another drug's line ("5mg" is a value, not what it is about).
        ("The dose of Amoxicillin/Clavulanate prescribed was 5mg.", True),
        ("Celecoxib 10mg was prescribed.", True),
        ("Amlodipine 5mg was prescribed.", False),
    ],
)
def test_a_value_of_something_the_note_does_not_name_is_caught(
    sentence: str, misread: bool
) -> None:
    note = hit(
        "Obesity: today's measurements (BP 156/76 mmHg, HR 82 /min, K 3.9 mmol/L) reviewed.\n"
        "Today's prescription: Amlodipine 5mg; Candesartan 8mg; Atorvastatin 10mg",
        field="assessment",
    )
    assert (unsupported(sentence, note) is not None) == misread


def test_an_answer_about_what_its_note_never_names_is_caught() -> None:
    """Dated by the label alone: "the wrist X-ray was done on <the session's date>" citing
    a visit that had no X-ray. Any of the question's words in the note will do."""
    from core.assistant.answer import off_subject

    visit = hit("Osteoporosis without current pathological fracture: reviewed.", field="plan")
    question = "When was the wrist X-ray done?"
    assert off_subject("The wrist X-ray was done on 2024-03-01.", visit, question)
    imaging = hit("ED workup: Imaging: Wrist Xray AP Lateral.", field="objective")
    assert off_subject("The X-ray was done on 2024-03-01.", imaging, question) is None
    # What was given for a complaint the note words its own way: its medications line.
    given = hit("ED workup: Medications: IV normal saline", field="objective")
    asked = "What was given for the syncope and collapse?"
    assert off_subject("IV normal saline was given for the syncope.", given, asked) is None


def test_a_question_word_in_another_form_is_named_by_the_note_or_its_label() -> None:
    from core.assistant.answer import off_subject

    plan = hit("Quadriceps strengthening twice a day.", field="plan")
    asked = "What was planned at the visit on 1 April 2024?"
    assert off_subject("Quadriceps strengthening was planned [1].", plan, asked) is None


def test_the_check_counts_supported_sentences_and_keeps_its_corrections_for_diagnostics() -> None:
    """Issue 28: the window says how many sentences the notes support; how the check
    corrected the model ("cited [2]; what it says is in [1]") is for diagnostics only."""
    from core.assistant.answer import from_generation

    raw = (
        "According to [2], COPD was diagnosed on 2016-06-20. "
        "The heart rate was 82 bpm at that visit. She walked in the garden every day."
    )
    checked = from_generation(raw, [HISTORY, VITALS], _embed_by_overlap, 0.5)
    assert not checked.refused
    assert checked.checked == (2, 3)  # the garden is in no note: marked, not supported
    assert any("cited now" in d for d in checked.details)
    assert not any("cited now" in str(w) for w in checked.warnings)
    assert [str(w) for w in checked.warnings] == [
        "One sentence is not found in the notes: “She walked in the garden every day.”"
    ]


def test_what_the_visit_names_elsewhere_is_not_off_its_subject() -> None:
    """A plan cited for "started for low mood": the visit's subjective note names it. The
    same sentence citing a visit that names it nowhere is caught."""
    from core.assistant.answer import off_subject

    plan = hit("Start sertraline 50 mg daily; review in four weeks.", field="plan", day=2)
    question = "Which drug was started for low mood?"
    sentence = "Sertraline 50 mg daily was started for low mood."
    visit = "Low mood and poor sleep for a month."
    assert off_subject(sentence, plan, question) == "low, mood"
    assert off_subject(sentence, plan, question, visit) is None
    assert off_subject(sentence, plan, question, "Knee pain on stairs.") == "low, mood"


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("She is still taking metformin.", "A1c 6.8. D/c metformin (GI upset)."),
        ("She is still taking metformin.", "Plan: metformin stopped, diet only."),
        ("He remains on amlodipine.", "Ankle swelling: discontinue amlodipine."),
        ("היא עדיין נוטלת מטפורמין.", "הפסיקה מטפורמין בגלל כאבי בטן."),
    ],
)
def test_a_sentence_its_citation_contradicts_is_not_supported(sentence: str, note: str) -> None:
    """ "Still taking metformin" citing the note that stops it is contradicted by its own
    citation, whatever the numbers say."""
    problem = unsupported(sentence, hit(note, field="plan", day=5))
    assert problem is not None and "stopped" in problem


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("She is still taking metformin.", "Continue metformin 500 mg bid."),
        ("She is still taking metformin.", "Stop ibuprofen; continue metformin."),
    ],
)
def test_a_note_that_continues_the_drug_supports_it(sentence: str, note: str) -> None:
    assert unsupported(sentence, hit(note, field="plan", day=5)) is None


def test_a_note_that_stops_a_dose_and_starts_another_supports_the_drug() -> None:
    note = "Stop lisinopril 10 mg, start lisinopril 20 mg daily."
    assert unsupported("She remains on lisinopril.", hit(note, field="plan", day=5)) is None
