"""The held-out dictation set (bench/dictation/holdout.py, issue 29) is what it says it is:
enough visits, in many styles, with drugs of its own, client lists a chart would hold
before the visit, and key words the eval can score. The eval itself is not run here (it
synthesises and transcribes about 45 minutes of audio: bench/dictation/eval_holdout.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.dictation import holdout
from bench.dictation.evalset import DRUGS as FIRST_SET_DRUGS
from bench.dictation.evalset import dictations as first_set
from bench.dictation.evalset import whole_range
from bench.dictation.holdout_data import DRUGS
from bench.timeline.kit.vocab import VocabError, VocabFile
from core.dictation.wer import words

SETS = holdout.dictations()

# How a clinician starts, changes, stops or keeps a drug; each must be said somewhere.
VERBS = (
    r"I'm going to start \w+ on", r"\bCommence\b", r"\bBegin\b", r"\bPut \w+ on\b",
    r"\bInitiate\b", r"\bWe'll add\b", r"\bSwitch from\b", r"\bSwap\b", r"\bIncrease\b",
    r"\bReduce\b", r"\bCut the\b", r"\bStop\b", r"\bHold the\b|\bWithhold\b",
    r"\b[Cc]arry on with\b", r"\b[Cc]ontinue\b", r"\bNo change to\b",
)  # fmt: skip


def test_there_are_enough_visits_for_both_families_of_voices() -> None:
    assert len(SETS) >= 40
    assert len({d.name for d in SETS}) == len(SETS)
    assert len({d.voice for d in SETS}) >= 5
    assert all(d.voice.startswith("en") for d in SETS)  # espeak-ng's; piper reads them all


def test_the_visits_are_said_in_many_styles() -> None:
    said = [v for v in VERBS if any(re.search(v, d.text) for d in SETS)]
    assert len(said) == len(VERBS), sorted(set(VERBS) - set(said))
    often = [v for v in VERBS if sum(bool(re.search(v, d.text)) for d in SETS) >= 2]
    assert len(often) >= 8, often
    units = {u for d in SETS for u in ("milligrams", "micrograms", "units", "puffs") if u in d.text}
    assert units == {"milligrams", "micrograms", "units", "puffs"}
    assert sum(" over " in d.text for d in SETS) >= 10  # blood pressure, "BP 128 over 76"
    assert any(re.search(r"\b\d+\.\d+ kilograms", d.text) for d in SETS)
    assert any(re.search(r"\bA1c \d+\.\d\b", d.text) for d in SETS)
    lengths = sorted(len(d.text.split()) for d in SETS)
    assert lengths[0] <= 30 and lengths[-1] >= 90  # from a few lines to a full visit


def test_the_drugs_are_the_sets_own() -> None:
    said = {name for d in SETS for name in d.drugs_said}
    assert len(said) >= 30
    assert len(said & {name for name, _ in FIRST_SET_DRUGS}) <= 10
    assert said <= set(DRUGS)
    assert max(len(d.drugs_said) for d in SETS) >= 4


def test_the_scripts_are_not_the_first_sets_template() -> None:
    template = re.compile(r"^The patient .*\. Start \w+ \d+ milligrams once daily\.")
    assert not any(template.search(d.text) for d in SETS)
    assert {d.text for d in SETS}.isdisjoint(d.text for d in first_set())


def test_a_client_list_never_holds_a_drug_the_visit_starts() -> None:
    starts = re.compile(
        r"(?:start \w+ on|Commence|Begin|Put \w+ on|Initiate|We'll add|Start|try|"
        r"prescription for) ((?:\w+ )*?\w+)(?: at)? \d"
    )
    switched = re.compile(
        r"(?:Switch from \w+(?: \w+)? to|Change the .+? to|Swap \w+ .+? for) ((?:\w+ )*?\w+) \d"
    )
    checked = 0
    for d in SETS:
        new = {m.group(1) for m in starts.finditer(d.text)}
        new |= {m.group(1) for m in switched.finditer(d.text)}
        assert new, d.name  # every visit starts something
        assert new <= set(d.drugs_said), (d.name, new)
        assert new.isdisjoint(d.medications), (d.name, new)
        checked += len(new)
        # everything else it names was on the chart, with 3-6 drugs it does not mention
        assert set(d.drugs_said) - new <= set(d.medications), d.name
        assert 3 <= len(set(d.medications) - set(d.drugs_said)) <= 6, d.name
        assert len(d.problems) in (2, 3) and len(set(d.problems)) == len(d.problems)
    assert checked >= len(SETS)


def test_key_words_are_in_every_script() -> None:
    for d in SETS:
        ws = words(d.text)
        assert d.drugs_said, d.name
        for drug in d.drugs_said:
            assert drug in d.text, (d.name, drug)
            assert all(w in ws for w in words(drug))
        assert sum(w[0].isdigit() for w in ws) >= 2, d.name  # doses, readings


def test_each_sentence_is_labelled_with_its_section() -> None:
    for d in SETS:
        sections = [s for _, s in d.sentences]
        assert sections[0] == "subjective" and sections[-1] == "plan", d.name
        assert {"subjective", "objective", "assessment", "plan"} == set(sections), d.name
        order = ["subjective", "objective", "assessment", "plan"]
        assert sections == sorted(sections, key=order.index), d.name


def test_the_set_is_the_same_every_run() -> None:
    again = holdout.dictations()
    assert again == SETS
    assert holdout.SEED == 2929 and len(SETS) == holdout.COUNT


def test_the_set_splits_into_two_halves_by_visit_and_the_eval_scores_each() -> None:
    from bench.dictation.eval_holdout import _halves

    halves = [holdout.half(d.name) for d in SETS]
    assert halves.count("dev") == halves.count("test") == len(SETS) // 2
    assert holdout.half("piper-holdout-07") == "test" == holdout.half("holdout-45")
    rows = [
        {"name": "espeak-holdout-00", "soap_right": 5, "soap_sentences": 6},
        {"name": "piper-holdout-00", "soap_right": 6, "soap_sentences": 6},
        {"name": "piper-holdout-01", "soap_right": 3, "soap_sentences": 4},
    ]
    assert _halves(rows) == {
        "dev": {"soap_right": 11, "soap_sentences": 12, "soap_model_unplaced_right": None},
        "test": {"soap_right": 3, "soap_sentences": 4, "soap_model_unplaced_right": None},
    }


def test_a_vocabulary_file_of_the_wrong_shape_names_itself_and_the_value(
    tmp_path: Path,
) -> None:
    path = tmp_path / "holdout_data.toml"
    path.write_text(
        'ages = [15, 8]\n[[problems]]\nname = "gout"\ndrugs = "colchicine"\n', encoding="utf-8"
    )
    with pytest.raises(VocabError, match=r"holdout_data\.toml: 'problems\[0\]\.drugs': a list"):
        VocabFile(path).strings("problems", 0, "drugs")
    with pytest.raises(VocabError, match=r"holdout_data\.toml: no 'problems\[1\]'"):
        VocabFile(path).text("problems", 1, "name")
    with pytest.raises(VocabError, match=r"holdout_data\.toml: 'ages': low below high"):
        whole_range(VocabFile(path), "ages", step=False)
