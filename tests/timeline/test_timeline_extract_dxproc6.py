"""Diagnoses, round 6 of issue 27: a negation's scope after a dash, a condition that names
the clinic or service, and a condition a study did not show. Phrasings are this test's own."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a doubt, then a dash and "no X": X is denied, not a value of the doubt's name
        (
            "Multiple sclerosis considered - no optic neuritis.",
            "assessment",
            [("optic neuritis", "negated")],
        ),
        # the dash's "no" with a phrase of its own still reaches that phrase
        (
            "Anaemia - no melaena or haemoptysis.",
            "assessment",
            [("anemia", "negated"), ("melena", "negated"), ("hemoptysis", "negated")],
        ),
        # a value that ends its item still negates only the name before it
        (
            "Cough - no, wheeze present.",
            "subjective",
            [("cough", "negated"), ("wheeze", "present")],
        ),
    ],
)
def test_negation_after_a_dash(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # the condition names the clinic: only what the patient has is read
        ("Asthma clinic review, night cough worse.", "subjective", [("cough", "present")]),
        ("COPD nurse follow-up by phone.", "subjective", []),
        ("ביקור שני במרפאת סוכרת. מתלונן על כאב ראש.", "subjective", [("headache", "present")]),
        ("ביקור ביחידת הדיאליזה, עייפות.", "subjective", [("fatigue", "present")]),
        # the same name outside a setting is still the patient's
        (
            "Known asthma, night cough worse.",
            "subjective",
            [("asthma", "present"), ("cough", "present")],
        ),
    ],
)
def test_a_setting_is_no_condition(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # what a study did not show is its result
        ("X-ray R wrist: no fracture.", "objective", []),
        ("צילום קרסול - ללא שבר.", "objective", []),
        # "no evidence of" after a study still rules a diagnosis out
        (
            "CT abdomen: no evidence of diverticulitis.",
            "objective",
            [("diverticulitis", "negated")],
        ),
        # with no study before it, "no X" is X denied
        ("Tender, no fracture felt.", "objective", [("fracture", "negated")]),
    ],
)
def test_a_study_result_is_no_condition(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of the patient's complaints holds complaints no lexicon knows
        ("Insomnia, vivid dreams.", [("insomnia", "present"), ("vivid dreams", "present")]),
        # a word that opens a clause is no complaint, nor is a short word alone
        ("Nausea and then better after food.", [("nausea", "present")]),
        ("Headache and dry.", [("headache", "present")]),
    ],
)
def test_complaints_listed_beside_a_known_one(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, "subjective") == expected


def test_complaint_mates_only_in_the_subjective() -> None:
    # an assessment's list is read by its items, not by its neighbours
    assert _dx("Plan reviewed; cough, vivid dreams.", "plan") == [("cough", "present")]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # an event by its name's shape, given with its year, is over
        (
            "Head injury 2015, migraine.",
            "medical_history",
            [("head injury", "history"), ("migraine", "present")],
        ),
        # a lasting condition's year is its onset
        ("Hypertension 2019.", "medical_history", [("hypertension", "present")]),
        # removed with its year: over
        (
            "Basal cell carcinoma excised 2021.",
            "medical_history",
            [("basal cell carcinoma", "history")],
        ),
        # a stage of life after the name
        ("Asthma as a teenager.", "medical_history", [("asthma", "history")]),
        # said to have gone, right after its name
        ("Rash, which has now gone.", "subjective", [("rash", "history")]),
        ("Headache has gone away.", "subjective", [("headache", "history")]),
    ],
)
def test_words_that_say_a_condition_is_over(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a one-word term of medicine's shape is named by itself, in American spelling
        ("Hypercholesterolaemia.", "assessment", [("hypercholesterolemia", "present")]),
        ("Dyslipidaemia, on diet.", "assessment", [("dyslipidemia", "present")]),
        # a lasting condition under a background cue stays present under its own name
        ("PMH: hypercholesterolaemia.", "medical_history", [("hypercholesterolemia", "present")]),
        # a term the lexicon names with the same word keeps the lexicon's name
        ("Anaemia.", "assessment", [("anemia", "present")]),
        # words that are no single term keep the lexicon's name
        ("High cholesterol.", "assessment", [("hypercholesterolemia", "present")]),
    ],
)
def test_a_term_names_itself(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


def test_a_term_read_by_its_place_is_spelt_the_american_way() -> None:
    assert _dx("#1 Hypermagnesaemia - dietary.") == [("hypermagnesemia", "present")]


def test_a_term_the_lexicon_names_in_plain_words_keeps_them() -> None:
    assert _dx("Arthralgia in both hands.", "subjective") == [("joint pain", "present")]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a condition's adjective qualifies the noun after it
        ("Annual diabetic eye screen due.", "plan", []),
        ("Perimenopausal symptoms discussed.", "subjective", []),
        # before a person, or ending its clause, it still names the condition
        ("Diabetic patient, on metformin.", "subjective", [("type 2 diabetes", "present")]),
        ("Febrile, flushed.", "objective", [("fever", "present")]),
    ],
)
def test_a_conditions_adjective_before_a_noun(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a test for a disease with its result says whether the patient has it
        ("Coeliac serology negative.", "objective", [("celiac disease", "negated")]),
        ("Influenza swab positive.", "objective", [("influenza", "present")]),
        # an antibody says immunity, a questionnaire's screen a score
        ("Hep B surface antibody 120.", "objective", []),
        ("Depression screen negative.", "objective", []),
        # a relative's result is still the relative's
        ("Mother: coeliac serology positive.", "medical_history", []),
        # a test for it still to come names no condition
        ("HIV test sent.", "plan", []),
        ("Coeliac screen requested.", "plan", []),
    ],
)
def test_a_tests_result_for_a_disease(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        # a disease no lexicon knows, its test's result after it: the disease, by its name
        (
            "Results call: strongyloides serology positive.",
            "subjective",
            [("strongyloides", "present")],
        ),
        # a test's or a stain's own name is no condition
        ("Gram stain positive.", "assessment", []),
        ("Renal function stable.", "assessment", []),
    ],
)
def test_a_test_word_after_a_phrase(text: str, field: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, field) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Hebrew word for fever as a construct noun's complement is heat
        ("מתלוננת על גלי חום בלילה.", [("hot flashes", "present")]),
        ("מכת חום בקיץ שעבר.", []),
        # as its own noun, after a verb or a preposition, it is fever
        ("שוללת חום.", [("fever", "negated")]),
        ("בלי חום.", [("fever", "negated")]),
        ("מתלונן על חום.", [("fever", "present")]),
    ],
)
def test_heat_is_no_fever(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, "subjective") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number after a disease-shaped term is its site or grade
        ("#1 Apical periodontitis 36.", [("apical periodontitis", "present")]),
        # after an analyte's name it is the analyte's value
        ("Ferritin 14.", []),
    ],
)
def test_a_number_after_a_disease_term(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event that only dates what is described
        ("Knee stiff since the fracture, walking 1 km.", []),
        ("Two weeks post-MI review, walking daily.", []),
        # a lasting condition after "since" is not an event
        ("Tired since hypothyroidism diagnosed.", [("hypothyroidism", "present")]),
    ],
)
def test_an_event_as_a_time_anchor(text: str, expected: list[tuple[str, str]]) -> None:
    assert _dx(text, "subjective") == expected
