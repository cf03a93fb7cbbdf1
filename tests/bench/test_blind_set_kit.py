"""A blind set of the timeline is a folder of data (data.json and set.toml) that one runner
scores (bench/timeline/eval_blind.py): a new set needs no code, a set's drug names are
data, a set that cannot be read says which file and why, and each committed set has its
producer and its line in `make eval`."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bench.producers import PRODUCERS
from bench.stale import producer_paths
from bench.timeline.eval_blind import SETS, SetError, load_set, main, same_drug_of

ROOT = Path(__file__).resolve().parents[2]


def _label(kind: str, name: str, text: str, words: str, **more: object) -> dict[str, object]:
    start = text.index(words)
    return {"kind": kind, "name": name, "start": start, "end": start + len(words), **more}


def _write_set(folder: Path, toml: str) -> Path:
    """Two fields of this test's own wording, labelled as the committed sets label."""
    folder.mkdir(parents=True)
    vitals = "BP 138/86. Weight 81.4 kg."
    plan = "Start acetaminophen 1 g qds."
    bp = {"unit": "mmHg", "style": "bp.en.line"}
    fields = [
        {
            "id": "t-en-objective-00",
            "clinic": "gp",
            "language": "en",
            "field": "objective",
            "text": vitals,
            "labels": [
                _label("measurement", "bp_systolic", vitals, "138/86", value=138, **bp),
                _label("measurement", "bp_diastolic", vitals, "138/86", value=86, **bp),
                _label("measurement", "weight", vitals, "81.4 kg", value=81.4, unit="kg"),
            ],
        },
        {
            "id": "t-en-plan-00",
            "clinic": "gp",
            "language": "en",
            "field": "plan",
            "text": plan,
            # Labelled by the name every set reads it as (same_drug.toml: paracetamol).
            "labels": [
                _label("medication", "paracetamol", plan, "acetaminophen", status="started")
            ],
        },
    ]
    (folder / "data.json").write_text(json.dumps({"seed": 7, "fields": fields}), "utf-8")
    (folder / "set.toml").write_text(toml, encoding="utf-8")
    return folder


def test_a_new_set_is_a_folder_of_data_scored_with_no_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _write_set(tmp_path / "mine", 'about = "two fields of my own"\n')
    assert main([str(folder)]) == 0
    out = capsys.readouterr().out
    assert "mine extraction: 2 fields (0% Hebrew)" in out
    assert re.search(r"^  measurement +1\.000 +1\.000 +1\.000 +3 +0 +0$", out, re.M), out
    # Read as "acetaminophen", labelled "paracetamol": one drug, by the shared names.
    assert re.search(r"^  medication +1\.000 +1\.000 +1\.000 +1 +0 +0$", out, re.M), out


def test_a_sets_own_names_replace_nothing_it_does_not_name(tmp_path: Path) -> None:
    folder = _write_set(
        tmp_path / "mine", '[same_drug]\n"acetaminophen" = "tylenol"\n"rifampin" = "rifampicin"\n'
    )
    names = load_set(str(folder)).same_drug
    assert names["acetaminophen"] == "tylenol"  # its own wins
    assert names["albuterol"] == "salbutamol"  # the shared ones stay
    assert names["rifampin"] == "rifampicin"


def test_drug_names_follow_the_sets_a_set_extends() -> None:
    nine = same_drug_of(SETS / "blind9")
    assert nine["calcipotriene"] == "calcipotriol"  # its own
    assert nine["pancrelipase"] == "pancreatin"  # set #7's, through #8
    assert nine["rifampin"] == "rifampicin"  # set #6's
    assert nine["acetaminophen"] == "paracetamol"  # every set's
    assert "rifampin" not in same_drug_of(SETS / "blind5")


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('about = "x"\nsame_drugs = 1\n', "unknown key 'same_drugs'"),
        ('about = "x"\n[same_drug]\n"a" = 1\n', "[same_drug] maps a drug's name"),
        ('about = "x\n', "line 1"),
        ('extends = "nowhere"\n', "nowhere/set.toml: no such file"),
    ],
)
def test_a_set_that_cannot_be_read_names_its_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], toml: str, said: str
) -> None:
    folder = _write_set(tmp_path / "bad", toml)
    with pytest.raises(SetError, match=re.escape(said)) as raised:
        load_set(str(folder))
    assert str(tmp_path) in str(raised.value)
    assert main([str(folder)]) == 2
    assert said in capsys.readouterr().err


def test_a_folder_without_data_is_no_set(tmp_path: Path) -> None:
    with pytest.raises(SetError, match=r"no data\.json"):
        load_set(str(tmp_path))


def test_every_committed_set_has_its_producer_its_line_and_its_code() -> None:
    """A set's folder is named on its producer's command line, so its data counts as the
    result's code: a change to the set makes its result stale."""
    sets = sorted(p.parent.name for p in SETS.glob("*/set.toml"))
    assert sets == sorted(["blind", *(f"blind{i}" for i in range(3, 11))])
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for name in sets:
        producer = PRODUCERS[f"eval_timeline_{name}"]
        assert producer.module == "bench.timeline.eval_blind"
        assert f"bench/timeline/sets/{name}" in (producer.command or ())
        assert f"-m bench.timeline.eval_blind {name} --write" in makefile
        code = producer_paths(f"eval_timeline_{name}")
        # The names every set reads (kit/same_drug.toml) are in the kit's folder.
        assert {f"bench/timeline/sets/{name}", "bench/timeline/kit"} <= set(code)


def test_every_sets_other_names_are_data_read_through_the_kit() -> None:
    """The sets' aliases are aliases.toml files, one format, read by bench/timeline/kit."""
    from bench.timeline.kit.vocab import read_aliases

    for folder in sorted(SETS.glob("blind*")):
        names = folder / "names.py"
        if names.exists():
            assert (folder / "aliases.toml").is_file(), folder.name
            assert "kit.vocab import read_aliases" in names.read_text(encoding="utf-8")
    seven = read_aliases(SETS / "blind7" / "aliases.toml")["aliases"]
    assert all(isinstance(v, tuple) for v in seven.values()) and len(seven) > 100


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('[aliases]\n"af" = "atrial fibrillation"\n', "'af': a list of other names"),
        ('[aliases]\n"af" = ["x"] ["y"]\n"b" = []\n', "line 2"),
        ("aliases = 3\n", "'aliases' is no table of names"),
    ],
)
def test_a_vocabulary_that_cannot_be_read_names_its_file(
    tmp_path: Path, toml: str, said: str
) -> None:
    from bench.timeline.kit.vocab import VocabError, read_aliases

    path = tmp_path / "aliases.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(VocabError, match=re.escape(said)) as raised:
        read_aliases(path)
    assert str(path) in str(raised.value)


@pytest.mark.parametrize(
    "toml",
    [
        "pain = [10, 0]\n",
        "pain = [0]\n",
        'pain = [0, "10"]\n',
        "pain = [false, 10]\n",
        "pain = 10\n",
    ],
)
def test_a_measures_bounds_are_a_low_and_a_high_number(tmp_path: Path, toml: str) -> None:
    from bench.timeline.kit.vocab import VocabError, read_bounds

    path = tmp_path / "plausible.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(VocabError, match=re.escape(f"{path}: 'pain': a [low, high] pair")):
        read_bounds(path)


def test_the_scorer_reads_a_measures_values_within_its_bounds() -> None:
    from bench.timeline.kit.scoring import PLAUSIBLE, measure_values
    from bench.timeline.kit.vocab import read_bounds

    assert read_bounds(PLAUSIBLE)["pain"] == (0.0, 10.0)
    # "/10" is not a value; 12 is out of a pain score's range, 6 is in it.
    assert measure_values("Pain 6/10 on 12 March", "pain") == [6.0]


_WORDS = """
lead = "BP"
chance = 0.4
count = 3
on = true
styles = ["BP {v}", "B/P {v}"]
range = [90, 180]
flags = [["BP 1460/88", "bp"], ["HR 318", "heart_rate"]]
[units]
mmol = ["mmol/L", "mmol"]
[headings.en]
subjective = ["S:", "Hx:"]
[headings.he]
plan = ["תכנית:"]
[[field]]
facts = ["a1c"]
"""


def _words(tmp_path: Path) -> Any:
    from bench.timeline.kit.vocab import VocabFile

    path = tmp_path / "words.toml"
    path.write_text(_WORDS, encoding="utf-8")
    return VocabFile(path)


def test_a_words_file_gives_each_value_in_its_shape(tmp_path: Path) -> None:
    words = _words(tmp_path)
    assert words.text("lead") == "BP"
    assert words.number("chance") == 0.4 and isinstance(words.number("count"), int)
    assert words.whole("count") == 3 and words.flag("on") is True
    assert words.strings("styles") == ("BP {v}", "B/P {v}")
    assert words.bounds("range") == (90, 180)
    assert words.rows("flags", width=2)[1] == ("HR 318", "heart_rate")
    assert words.lists("units") == {"mmol": ("mmol/L", "mmol")}
    assert words.lists_by_pair("headings") == {
        ("en", "subjective"): ("S:", "Hx:"),
        ("he", "plan"): ("תכנית:",),
    }
    assert words.strings("field", 0, "facts") == ("a1c",)
    assert words.has("units", "mmol") and not words.has("units", "mg")


@pytest.mark.parametrize(
    ("take", "said"),
    [
        (lambda w: w.text("count"), "'count': a string"),
        (lambda w: w.number("on"), "'on': a number"),
        (lambda w: w.whole("chance"), "'chance': a whole number"),
        (lambda w: w.strings("flags"), "'flags': a list of strings"),
        (lambda w: w.rows("flags", width=3), "'flags': a list of rows of 3 strings"),
        (lambda w: w.numbers("range", n=3), "'range': a list of 3 numbers"),
        (lambda w: w.table("lead"), "'lead': a table"),
        (lambda w: w.text("field", 1, "facts"), "no 'field[1]'"),
        (lambda w: w.text("units", "mg"), "no 'units.mg'"),
        (lambda w: w.known(["bp", "xx"], {"bp"}, "flags"), "'flags': 'xx' is none of"),
    ],
)
def test_a_words_file_of_the_wrong_shape_names_itself_and_the_key(
    tmp_path: Path, take: Any, said: str
) -> None:
    from bench.timeline.kit.vocab import VocabError

    words = _words(tmp_path)
    with pytest.raises(VocabError, match=re.escape(f"{words.path}: ")) as raised:
        take(words)
    assert said in str(raised.value)
