"""A started drug's place found where Whisper bent the verb itself (issue 29): "start"
heard clipped ("Hart", "Tart"), with an inflection's "s" that is the name's first sound, or
fused by a hyphen; and a plan verb fused with a name cut at the verb. The phrases are made
up here; none is an eval script."""

from __future__ import annotations

from core.dictation.recall import recall, sound_names
from core.dictation.recall_sound import recall_by_sound, slot_runs
from core.dictation.repair import drug_names, repair
from core.dictation.types import Word


def _words(text: str) -> list[Word]:
    return [Word(t, 0.5 * i, 0.5 * i + 0.4, 0.9) for i, t in enumerate(text.split())]


def _not_english(word: str) -> bool:
    # Every heard word but the verbs unknown: spelling alone would recall near names.
    return word in {"continue", "continuum", "reduce", "start"}


def _recalled(text: str) -> dict[str, float]:
    return recall_by_sound(_words(text), sound_names(frozenset()))


def test_a_clipped_start_before_a_dose_opens_a_drugs_place() -> None:
    # "Start glimepiride" heard with the verb's onset lost, alone or fused with the name.
    for heard in (
        "Hart glimmer pride 2 mg each morning.",
        "Stable today. Tartglimmer pride 2 mg.",
        "Heart, glimmer pride 2 milligrams at breakfast.",
        "Warfarin 5mg, aspirin 75mg daily. Hart glimmer pride 2 mg.",  # units fused to numbers
    ):
        assert "glimepiride" in _recalled(heard), heard


def test_a_clipped_start_opens_no_place_without_a_dose_or_inside_a_clause() -> None:
    for heard in (
        "Heart rate 72, glimmer pride noted.",  # a rate, no dose
        "Hart glimmer pride today.",  # no number at all
        "Art glimmer pride 2 kg.",  # a weight is no dose
        "He said the heart glimmer pride 2 mg.",  # mid-clause: no verb's place
    ):
        assert _recalled(heard) == {}, heard


def test_the_s_of_starts_may_be_the_names_first_sound() -> None:
    # "Start sitagliptin" heard "Starts a tag lip tin": the place's runs begin with the "s".
    places = slot_runs(_words("Starts a tag lip tin 100 mg daily."))
    assert any("satagliptin" in place for place in places)
    assert "sitagliptin" in _recalled("Starts a tag lip tin 100 mg daily.")


def test_a_bent_verbs_sound_may_open_the_names_first_word() -> None:
    # "Star-" for a clipped start whose "t" went to the name: the first letters are cut too.
    places = slot_runs(_words("Star-tglimmer pride 2 mg."))
    assert any("glimmerpride" in place for place in places)
    # A verb heard whole keeps the place's words whole.
    assert slot_runs(_words("Switch to glimmer pride. Weight 80 kg.")) == [
        ["glimmer", "glimmerpride", "pride"]
    ]


def test_a_verb_fused_with_a_name_is_cut_at_the_verb_before_any_other_name_inside() -> None:
    # "escitalopramide" holds loperamide's spelling nearer than escitalopram's, but the
    # word starts with the verb: the name after it is the nearer boundary.
    said = repair(_words("Startescitalopramide 10 mg"), drug_names(), lambda w: False)
    assert [w.text for w in said[:3]] == ["Start", "escitalopram", "10"]
    assert all(w.repaired for w in said[:2])
    # The same as two words.
    said = repair(_words("start escitalopramide 10 mg"), drug_names(), lambda w: w == "start")
    assert [w.text for w in said[:2]] == ["start", "escitalopram"]


def test_no_lexicon_name_is_recalled_in_the_place_of_a_drug_the_client_already_takes() -> None:
    # After continue (as Whisper writes it too), reduce or stop, the drug is the client's:
    # its name is in the prompt, so a lexicon name recalled there could only be wrong.
    for heard in (
        "Continuum glimmer pride 2 mg.",
        "Reduce glimmer pride 2 mg.",
        "Continue-glimmer pride 2 mg.",
    ):
        assert recall_by_sound(_words(heard), sound_names(frozenset())) == {}, heard
        assert recall(_words(heard), frozenset(), _not_english) == [], heard
    # The words after the dose are a place's again: "Start" opens one.
    assert "glimepiride" in recall(
        _words("Continue glimmer pride 2 mg. Start glimmer pride 2 mg."), frozenset(), _not_english
    )


def test_a_whole_inflected_start_gives_its_place_no_letters_of_its_own() -> None:
    # "Started" and "Starting" are the verb; only a fused tail ("Starts" before a name
    # said from its "s") may be the name's first sound.
    for heard in ("Started amlodipine 5 mg.", "Starting amlodipine 5 mg."):
        runs = [r for place in slot_runs(_words(heard)) for r in place]
        assert "amlodipine" in runs, heard
        assert not any(r.startswith(("ed", "ing")) for r in runs), (heard, runs)
