"""The local model sorting a dictated visit (issue 29, point 2), with the real default
generator (Qwen2.5-Coder-1.5B): the rules place what their cues place, the model the
clauses no rule places, and every draft sentence stays the transcript's own words."""

from __future__ import annotations

from collections.abc import Callable

from core.dictation.soap import SECTIONS, draft_soap, traces_to
from core.dictation.soap_model import model_sorter
from core.dictation.types import Transcript, Word
from core.ports import Generator
from core.services.service import ChartsideService


def _spoken(text: str) -> Transcript:
    """A transcript of `text`, one word every 0.5 s."""
    ws = tuple(Word(t, i * 0.5, i * 0.5 + 0.4, 0.9) for i, t in enumerate(text.split()))
    return Transcript(text, ws, len(ws) * 0.5, "en", "m@1")


def test_the_model_places_the_sentences_no_rule_places_and_adds_nothing(
    qwen: Generator,
) -> None:
    # How often the model is right is the eval's to say (docs/dictation.md): small as it
    # is, it often follows its example's order; here it must answer, in shape, for the
    # sentence no rule places, and leave the rules' sentences and every word alone.
    spoken = _spoken(
        "She reports a sore throat for three days. Tonsils are red and swollen. "
        "Temperature 38.4 degrees. Strep throat. Penicillin 500 milligrams twice daily "
        "for ten days."
    )
    by_rules = draft_soap(spoken)
    draft = draft_soap(spoken, sort=model_sorter(qwen, timeout_s=300), unplaced_only=True)
    assert traces_to(draft, spoken)
    assert [s.text for s in draft.sentences] == [s.text for s in by_rules.sentences]
    for mine, ruled in zip(draft.sentences, by_rules.sentences, strict=True):
        if ruled.why == "follows the sentence before":  # no cue of the rules places it
            assert mine.why == "the local model" and mine.section in SECTIONS
        else:
            assert (mine.section, mine.why) == (ruled.section, ruled.why)
    assert [s.why for s in draft.sentences].count("the local model") == 1


def test_the_models_answer_names_one_section_per_clause(qwen: Generator) -> None:
    clauses = ["He has had a cough for a week.", "Chest is clear.", "Likely viral.",
               "Rest and fluids, review in one week."]  # fmt: skip
    answer = model_sorter(qwen, timeout_s=300)(clauses)
    assert answer is not None and len(answer) == len(clauses)
    assert answer[0] == "subjective" and answer[-1] == "plan"


def test_the_services_draft_asks_the_model_only_where_the_setting_says(
    qwen: Generator, service_factory: Callable[..., ChartsideService]
) -> None:
    """What the window and `chartside transcribe --soap` call: by default the rules alone,
    the assistant's generator there or not (it placed unseen dictation worse than the
    rules); with `models.soap_model_sort` on, the dictation part asks that generator."""
    spoken = _spoken(
        "He says the knee still aches on stairs. Knee flexion 110 degrees. Patellofemoral "
        "pain. Quadriceps exercises daily. Tired of the brace."
    )
    rules_only = service_factory(generator=lambda: qwen).dictation.draft(spoken)
    assert rules_only == draft_soap(spoken)
    assert "the local model" not in [s.why for s in rules_only.sentences]
    with_model = service_factory(
        "sorting", generator=lambda: qwen, models={"soap_model_sort": True}
    ).dictation.draft(spoken)
    assert traces_to(with_model, spoken)
    assert "the local model" in [s.why for s in with_model.sentences]
