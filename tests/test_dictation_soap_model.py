"""The local model sorting a dictated visit (issue 29, point 2), with the real default
generator (Qwen2.5-Coder-1.5B): the rules place what their cues place, the model the
clauses no rule places, and every draft sentence stays the transcript's own words."""

from __future__ import annotations

from core.dictation.soap import draft_soap, traces_to
from core.dictation.soap_model import model_sorter
from core.dictation.types import Transcript, Word
from core.ports import Generator


def _spoken(text: str) -> Transcript:
    """A transcript of `text`, one word every 0.5 s."""
    ws = tuple(Word(t, i * 0.5, i * 0.5 + 0.4, 0.9) for i, t in enumerate(text.split()))
    return Transcript(text, ws, len(ws) * 0.5, "en", "m@1")


def test_the_model_places_the_sentences_no_rule_places_and_adds_nothing(
    qwen: Generator,
) -> None:
    spoken = _spoken(
        "She reports a sore throat for three days. Tonsils are red and swollen. "
        "Temperature 38.4 degrees. Strep throat. Penicillin 500 milligrams twice daily "
        "for ten days."
    )
    by_rules = draft_soap(spoken)
    draft = draft_soap(spoken, sort=model_sorter(qwen, timeout_s=300), unplaced_only=True)
    assert traces_to(draft, spoken)
    placed = {s.text: (s.section, s.why) for s in draft.sentences}
    # No cue of the rules names a diagnosis said on its own: they put it with the findings.
    assert [s.section for s in by_rules.sentences if s.text == "Strep throat."] == ["objective"]
    assert placed["Strep throat."] == ("assessment", "the local model")
    assert placed["She reports a sore throat for three days."][0] == "subjective"
    assert placed["Tonsils are red and swollen."][0] == "objective"
    assert placed["Penicillin 500 milligrams twice daily for ten days."][0] == "plan"


def test_the_models_answer_names_one_section_per_clause(qwen: Generator) -> None:
    clauses = ["He has had a cough for a week.", "Chest is clear.", "Likely viral.",
               "Rest and fluids, review in one week."]  # fmt: skip
    answer = model_sorter(qwen, timeout_s=300)(clauses)
    assert answer is not None and len(answer) == len(clauses)
    assert answer[0] == "subjective" and answer[-1] == "plan"
