"""Bent drug names written as the name, and names recalled from the lexicon for a second
hearing (issue 29, points 2 and 5): what is rewritten, what is never touched, and that a
rewritten word keeps its time and confidence and is always shown for review. The cases are
made up here, not copied from the eval's recordings."""

from __future__ import annotations

from collections.abc import Sequence

from core.dictation.prompt import (
    Vocabulary,
    initial_prompt,
    prompt_medications,
    with_medications,
)
from core.dictation.recall import MAX_RECALLED, mark_recalled, recall
from core.dictation.repair import drug_names, repair
from core.dictation.review import to_review
from core.dictation.types import Word

# A stand-in for the recogniser's vocabulary: the common English words these cases use.
_ENGLISH = {
    "continue", "continuous", "started", "starting", "aspiring", "insulting", "methane",
    "warfare", "alternate", "meantime", "streamline", "patient", "the", "twice", "weekly", "review",
}  # fmt: skip
NAMES = drug_names(("ramipril", "tamsulosin"))


def _english(word: str) -> bool:
    return word in _ENGLISH


def _words(*texts: str, confidence: float = 0.9) -> list[Word]:
    return [Word(t, float(i), float(i) + 0.8, confidence) for i, t in enumerate(texts)]


def _texts(words: Sequence[Word]) -> list[str]:
    return [w.text for w in words]


def test_a_name_missing_a_letter_or_with_one_wrong_is_written_as_the_name() -> None:
    heard = _words("Begin", "ramiprel", "daily.", "Then", "Tamsulosine,", "and", "Amlodepine.")
    fixed = repair(heard, NAMES, _english)
    assert _texts(fixed) == ["Begin", "ramipril", "daily.", "Then", "Tamsulosin,", "and",
                             "Amlodipine."]  # fmt: skip
    assert [w.repaired for w in fixed] == [False, True, False, False, True, False, True]


def test_a_verb_fused_into_the_name_after_it_is_cut_off_and_spelled_as_the_verb() -> None:
    fixed = repair(_words("Continuetamsulosin", "0.4", "milligrams."), NAMES, _english)
    assert _texts(fixed) == ["Continue", "tamsulosin", "0.4", "milligrams."]
    fixed = repair(_words("Stortramipril."), NAMES, _english)
    assert _texts(fixed) == ["Start", "ramipril."]


def test_a_head_that_is_no_verb_stays_as_heard_and_the_name_is_still_found() -> None:
    assert _texts(repair(_words("Bzoramipril"), NAMES, _english)) == ["Bzo", "ramipril"]


def test_hyphen_joined_words_are_repaired_part_by_part() -> None:
    fixed = repair(_words("Stop-ramiprel"), NAMES, _english)
    assert _texts(fixed) == ["Stop", "ramipril"]
    assert all(w.repaired for w in fixed)
    assert _texts(repair(_words("follow-up"), NAMES, _english)) == ["follow-up"]


def test_a_name_cut_in_two_by_a_hyphen_is_one_word_again() -> None:
    fixed = repair(_words("Ram-ipril,", "then", "tamsu-loson."), NAMES, _english)
    assert _texts(fixed) == ["Ramipril,", "then", "tamsulosin."]
    assert [w.repaired for w in fixed] == [True, False, True]
    # Two English words joined by a hyphen are never read as one name.
    english = _ENGLISH | {"ram", "april"}
    assert _texts(repair(_words("ram-april"), NAMES, english.__contains__)) == ["ram-april"]


def test_english_words_known_names_short_words_and_far_spellings_are_never_touched() -> None:
    kept = _words(
        "aspiring", "insulting", "methane", "warfare", "alternate", "meantime", "streamline",
        "ramipril", "Tamsulosin.", "metformin,", "artan", "pril", "zorbloxitan", "7.9%",
        "140/90", "twice", "weekly",
    )  # fmt: skip
    assert repair(kept, NAMES, _english) == kept


def test_a_split_word_shares_its_time_by_letters_and_keeps_its_confidence() -> None:
    heard = [Word("Continuetamsulosin,", 2.0, 3.8, 0.61)]
    head, name = repair(heard, NAMES, _english)
    assert (head.start, name.end) == (2.0, 3.8)
    assert head.end == name.start
    assert 2.0 < head.end < 3.8
    assert head.end - head.start < name.end - name.start  # 8 letters against 10
    assert head.confidence == name.confidence == 0.61


def test_a_repaired_word_is_always_shown_for_review_however_sure_the_model_was() -> None:
    fixed = repair(_words("Continuetamsulosin", "0.4", "milligrams.", confidence=0.99), NAMES,
                   _english)  # fmt: skip
    review = to_review(fixed, Vocabulary(medications=("tamsulosin",)))
    assert review == {0: "unsure", 1: "drug"}
    assert to_review(_words("Continue", "tamsulosin", confidence=0.99)) == {}


def test_a_drug_not_on_the_clients_list_is_known_from_the_general_lexicon() -> None:
    assert "metformin" in NAMES and "ramipril" in NAMES
    assert _texts(repair(_words("metformen"), drug_names(), _english)) == ["metformin"]


def test_the_prompt_gives_back_the_medications_it_lists() -> None:
    prompt = initial_prompt(Vocabulary(("ramipril", "insulin glargine"), ("gout",)))
    assert prompt_medications(prompt) == ("ramipril", "insulin glargine")
    assert prompt_medications(initial_prompt(Vocabulary((), ("gout",)))) == ()
    assert prompt_medications("") == ()


# -- names recalled for a second hearing ---------------------------------------------------
def test_sounds_near_a_lexicon_drug_recall_its_name_for_a_second_hearing() -> None:
    heard = _words("Begin", "metfor", "min", "500", "milligrams.", "Then", "ramipril.")
    recalled = recall(heard, frozenset({"ramipril"}), _english)
    assert recalled[0] == "metformin"
    assert "ramipril" not in recalled  # on the client's list: already in the prompt
    assert len(recalled) <= MAX_RECALLED


def test_english_words_where_a_drug_is_expected_may_be_a_misheard_name() -> None:
    english = _ENGLISH | {"start", "search", "line", "reports"}
    heard = _words("Start", "search", "line", "50", "milligrams.")
    assert "sertraline" in recall(heard, frozenset(), english.__contains__)
    said = _words("Patient", "reports", "search", "line", "50", "milligrams.")
    assert recall(said, frozenset(), english.__contains__) == []


def test_plain_english_and_names_already_written_recall_nothing() -> None:
    heard = _words("The", "patient", "continue", "metformin.", "Review", "weekly.")
    assert recall(heard, frozenset(), _english) == []


def test_a_word_written_as_a_recalled_name_is_marked_for_review() -> None:
    heard = _words("Start", "metformin,", "continue", "ramipril.", confidence=0.97)
    marked = mark_recalled(heard, ["metformin"])
    assert [w.repaired for w in marked] == [False, True, False, False]
    assert [(w.text, w.start, w.end, w.confidence) for w in marked] == [
        (w.text, w.start, w.end, w.confidence) for w in heard
    ]
    assert to_review(marked) == {1: "drug"}


def test_recalled_names_go_first_in_the_prompts_medications() -> None:
    prompt = initial_prompt(Vocabulary(("ramipril",), ("gout",)))
    assert with_medications(prompt, ["metformin"]) == (
        "Medications: metformin, ramipril. Problems: gout."
    )
    assert with_medications("Problems: gout.", ["metformin"]) == (
        "Medications: metformin. Problems: gout."
    )
    assert with_medications(prompt, []) == prompt


def test_the_end_of_one_of_the_clients_names_is_that_name_its_start_swallowed() -> None:
    client = frozenset({"tamsulosin", "ramipril"})
    fixed = repair(_words("Continuous", "sulosin", "daily."), NAMES, _english, client)
    assert _texts(fixed) == ["Continuous", "tamsulosin", "daily."]
    assert fixed[1].repaired
    # Not a name the client takes, too short, or the end of two of theirs: left as heard.
    assert _texts(repair(_words("sulosin"), NAMES, _english)) == ["sulosin"]
    assert _texts(repair(_words("pril"), NAMES, _english, client)) == ["pril"]
    both = frozenset({"alfuzosin", "terazosin"})
    assert _texts(repair(_words("zosin"), NAMES, _english, both)) == ["zosin"]
