"""Names recalled by sound in a drug's place (core/dictation/recall_sound.py). The phrases
are made up here; none is an eval script."""

from __future__ import annotations

from core.dictation.recall import recall, sound_names
from core.dictation.recall_sound import join_client_names, key, recall_by_sound, slot_runs
from core.dictation.types import Word


def _words(text: str) -> list[Word]:
    return [Word(t, 0.5 * i, 0.5 * i + 0.4, 0.9) for i, t in enumerate(text.split())]


def _all_english(word: str) -> bool:
    return True  # the worst case: every heard word is a common one, so spelling recalls nothing


def test_a_started_drug_heard_as_english_words_is_recalled_by_its_sound() -> None:
    # "Begin glimepiride" heard as "Begin glimmer pride".
    assert key("glimmerpride") != key("glimepiride")  # near, not equal: KLMRPRT, KLMPRT
    found = recall_by_sound(
        _words("Begin glimmer pride 2 mg each morning."), sound_names(frozenset())
    )
    assert "glimepiride" in found
    assert "glimepiride" in recall(_words("Begin glimmer pride 2 mg."), frozenset(), _all_english)


def test_a_verb_fused_with_the_names_first_sound_opens_the_place() -> None:
    places = slot_runs(_words("Startmeto pro lol 25 mg twice a day."))
    assert ["meto", "metopro", "metoprolol", "pro", "prolol", "lol"] in places
    assert "metoprolol" in recall_by_sound(
        _words("Startmeto pro lol 25 mg."), sound_names(frozenset())
    )


def test_only_the_words_after_a_plan_verb_and_before_the_dose_are_looked_at() -> None:
    # The same sounds outside a verb's place recall nothing.
    assert slot_runs(_words("The glimmer pride of the team, 2 of them.")) == []
    assert (
        recall_by_sound(_words("He spoke of glimmer pride today."), sound_names(frozenset())) == {}
    )
    # The place ends at the dose and at a sentence's end, whichever is first.
    places = slot_runs(_words("Switch to glimmer pride. Weight 80 kg."))
    assert places == [["glimmer", "glimmerpride", "pride"]]
    assert slot_runs(_words("Start 5 mg of something")) == []


def test_a_place_that_already_holds_a_known_drug_recalls_nothing() -> None:
    heard = _words("Continue metformin 500 mg and review in a month.")
    assert recall_by_sound(heard, sound_names(frozenset()), frozenset({"metformin"})) == {}


def test_the_clients_own_names_are_not_recalled_they_are_in_the_prompt() -> None:
    assert "glimepiride" not in sound_names(frozenset({"glimepiride"}))
    assert "glimepiride" not in recall(
        _words("Begin glimmer pride 2 mg."), frozenset({"glimepiride"}), _all_english
    )


def test_names_that_sound_the_same_are_taken_in_alphabetical_order() -> None:
    # Four made-up names with one key: at most PER_SLOT are kept, always the same ones.
    names = ["glimepirido", "glimepiridy", "glimepiride", "glimepirida"]
    assert len({key(n) for n in names}) == 1
    found = recall_by_sound(_words("Begin glimmer pride 2 mg."), names)
    assert sorted(found) == ["glimepirida", "glimepiride", "glimepirido"]


def test_a_clients_drug_split_into_words_in_a_verbs_place_is_joined_by_its_sound() -> None:
    client = {"losartan", "omeprazole"}
    joined = join_client_names(_words("Continue loss art in, 50 mg daily."), client)
    assert [w.text for w in joined] == ["Continue", "losartan,", "50", "mg", "daily."]
    assert joined[1].repaired and (joined[1].start, joined[1].end) == (0.5, 1.9)
    # Not outside a verb's place, not a name the client does not take, not a lone word.
    for text in ("We saw the loss art in the museum.", "Continue loss art in 50 mg."):
        assert [w.text for w in join_client_names(_words(text), {"omeprazole"})] == text.split()
    assert join_client_names(_words("Start loss art in 5 mg."), client)[1].text == "losartan"
    kept = _words("Continue losartan 50 mg.")
    assert join_client_names(kept, client) == kept
