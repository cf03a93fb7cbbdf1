"""Drug names from the maintained vocabulary (issue 27, point 1): a brand or generic the
project's lexicon lacks becomes a medication under its generic name, but only where a
medication is written; its ordinary-word synonyms, lab analytes and classes stay out. Also
the status rules this round added: a plaster's on/off schedule, a change that may come, a
start the patient asks for."""

from __future__ import annotations

import os
import pickle

import pytest

from core.timeline.extract import extract
from core.timeline.vocab import drug_vocab


def _meds(text: str, field: str = "plan") -> list[tuple[str, str | None, str | None]]:
    return [
        (f.name, f.status, f.dose) for f in extract(text, field).facts if f.kind == "medication"
    ]


def test_the_vocabulary_is_installed_and_maps_brands_to_generics() -> None:
    table = drug_vocab.vocabulary()
    assert len(table) > 10_000
    assert table["xeloda"] == "capecitabine"
    assert table["tagrisso"] == "osimertinib"


def test_a_brand_the_vocabulary_shares_with_the_lexicon_takes_the_lexicons_name() -> None:
    # The vocabulary calls it acetaminophen/albuterol; the extractor's generic names win.
    assert drug_vocab.vocabulary()["proventil"] == "albuterol"
    assert _meds("Start Proventil 2 puffs, Ofirmev 1 g IV given") == [
        ("albuterol", "started", None),
        ("acetaminophen", "started", "1 g"),
    ]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Begin Xeloda 1500 mg twice daily.", "plan", [("capecitabine", "started", "1500 mg")]),
        ("Finished her Xeloda course in May.", "subjective", [("capecitabine", "stopped", None)]),
        ("Metastatic NSCLC, well on Tagrisso.", "assessment", [("osimertinib", "listed", None)]),
        ("Uses ketoconazole shampoo weekly.", "subjective", [("ketoconazole", "listed", None)]),
        ("Apply calcipotriol ointment to the elbows.", "plan", [("calcipotriol", "started", None)]),
        ("Her medications: Femara 2.5 mg.", "medical_history", [("letrozole", "listed", "2.5 mg")]),
    ],
)
def test_a_vocabulary_name_where_a_medication_is_written(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Xeloda leaflet read at home.",  # no dose, no verb, no "on": a word, not an order
        "Fasting glucose 230 mg/dl this morning.",  # an analyte with a lab unit
        "Heroin use in her twenties, none since.",  # a substance, not a medication
        "No features of opioid misuse; statins reviewed.",  # classes, not drugs
        "Flu vaccine offered.",  # a vaccine is an immunisation, not a medication here
        "Takes marijuana most evenings.",  # recreational use, as heroin's is
    ],
)
def test_vocabulary_names_that_are_no_medication_there(text: str) -> None:
    assert _meds(text, "assessment") == []


def test_no_vocabulary_name_is_a_code_or_an_ordinary_word() -> None:
    table = drug_vocab.vocabulary()
    assert not [n for n in table.values() if any(ch.isdigit() for ch in n)]
    assert "generics" not in table and "caps" not in table


def test_a_name_the_lexicon_knows_is_read_once() -> None:
    assert _meds("Continue Zoloft 50 mg daily.") == [("sertraline", "continued", "50 mg")]


def test_the_dictionary_is_read_as_plain_data_only() -> None:
    code = pickle.dumps(os.getcwd)  # a pickle that names a function
    with pytest.raises(pickle.UnpicklingError):
        drug_vocab._DataOnly(__import__("io").BytesIO(code)).load()


def test_a_plasters_on_off_schedule_stops_nothing() -> None:
    assert _meds("Lidocaine 5% patch, 12 hours on / 12 hours off.") == [
        ("lidocaine", "started", None)
    ]
    assert _meds("Off metformin since the spring.", "subjective") == [
        ("metformin", "stopped", None)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Should the rash spread, switch to prednisone 20 mg.",
        "If sleep stays poor we may add mirtazapine.",
        "Wants to start sertraline; will discuss with her GP.",
        "מבקשת להתחיל סרטרלין.",
    ],
)
def test_a_change_that_may_come_or_a_start_asked_for_is_no_event(text: str) -> None:
    assert _meds(text) == []


def test_a_sentence_beginning_with_should_that_orders_is_still_read() -> None:
    assert _meds("Should continue metformin 500 mg bd.") == [("metformin", "continued", "500 mg")]


@pytest.mark.parametrize(
    "text",
    [
        "Pulmonary embolism 2019 on the combined pill.",
        "Upper GI bleed 2022 while on ibuprofen, none since.",
    ],
)
def test_a_drug_that_was_a_past_events_circumstance_is_no_medication(text: str) -> None:
    assert _meds(text, "medical_history") == []


def test_a_drug_after_a_year_that_is_no_event_is_still_read() -> None:
    assert _meds("Since 2019 on metformin 500 mg bd.", "medical_history") == [
        ("metformin", "listed", "500 mg")
    ]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Xeloda bd with food.", "plan", [("capecitabine", "started", None)]),
        ("Xeloda 2 tabs twice daily.", "plan", [("capecitabine", "started", None)]),
        (
            "Medications:\n- Xeloda\n- Tagrisso",
            "medical_history",
            [("capecitabine", "listed", None), ("osimertinib", "listed", None)],
        ),
    ],
)
def test_a_schedule_a_count_of_tablets_or_a_medication_list_places_a_name(
    text: str, field: str, expected: list[tuple[str, str | None, str | None]]
) -> None:
    assert _meds(text, field) == expected
