"""The measures as data (core/timeline/resources/): every file loads, each measure's bounds
are written once, and a mistake in a file stops the start with its file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.timeline.measures.specs import PLAUSIBLE, SPECS, read_specs
from core.timeline.resources import RulesError
from core.timeline.types import MEASURES
from tests.timeline.rules_files import edit


def test_every_measure_has_its_labels_and_its_bounds() -> None:
    assert set(PLAUSIBLE) == set(MEASURES)
    for spec in SPECS:
        assert spec.labels and len(spec.plausible) == len(spec.names)


def test_a_new_synonym_is_one_line_in_its_language_file(rules: Path) -> None:
    edit(rules / "en/measures.toml", "labels = [\n    'wt',", "labels = [\n    'mass',\n    'wt',")
    weight = next(s for s in read_specs(rules) if s.names == ("weight",))
    label = "|".join(f"(?:{x})" for x in weight.labels)
    assert re.fullmatch(label, "mass", re.IGNORECASE)
    assert "mass" not in "|".join(next(s for s in SPECS if s.names == ("weight",)).labels)


def test_a_label_that_is_no_pattern_names_its_file_and_line(rules: Path) -> None:
    line = edit(rules / "he/measures.toml", "'{prefix}דופק',", "'{prefix}דופק(',")
    with pytest.raises(RulesError, match=rf"he/measures\.toml:{line}: not a regular expression"):
        read_specs(rules)


def test_bounds_out_of_order_name_the_measure(rules: Path) -> None:
    edit(rules / "measures.toml", "plausible = [[20, 250]]", "plausible = [[250, 20]]")
    with pytest.raises(RulesError, match=r"measures\.toml:\d+: plausible needs"):
        read_specs(rules)


def test_a_misspelt_key_or_measure_is_an_error_not_a_silent_gap(rules: Path) -> None:
    edit(rules / "en/measures.toml", "[heart_rate]\nlabels", "[heart_rate]\nlables")
    with pytest.raises(RulesError, match=r"en/measures\.toml:\d+: unknown key 'lables'"):
        read_specs(rules)
    edit(rules / "en/measures.toml", "[heart_rate]\nlables", "[hart_rate]\nlabels")
    with pytest.raises(RulesError, match=r"no measure 'hart_rate'"):
        read_specs(rules)


def test_broken_toml_names_its_line(rules: Path) -> None:
    edit(rules / "measures.toml", "[measure.bp]", "[measure.bp")
    with pytest.raises(RulesError, match=r"measures\.toml: .*line \d+"):
        read_specs(rules)


def test_a_name_that_is_no_measure_is_refused(rules: Path) -> None:
    edit(rules / "measures.toml", 'names = ["heart_rate"]', 'names = ["pulse"]')
    with pytest.raises(RulesError, match="names must be measures"):
        read_specs(rules)


def test_a_word_between_a_label_and_its_value_is_one_line(rules: Path) -> None:
    """The bridge words are data: "BP taken 130/85" reads once "taken" is a line."""
    from core.timeline.measures.specs import BRIDGE, read_bridge

    assert re.match(rf"BP{BRIDGE}(\d+)/", "BP sitting 130/85")
    assert not re.match(rf"BP{BRIDGE}(\d+)/", "BP taken 130/85")
    head = "[bridge]\nwords = [\n"
    edit(rules / "en/measures.toml", head, f"{head}    'taken',\n")
    assert re.match(rf"BP{read_bridge(rules)}(\d+)/", "BP taken 130/85")


def test_a_bridge_word_that_is_no_pattern_names_its_file(rules: Path) -> None:
    from core.timeline.measures.specs import read_bridge

    head = "[bridge]\nwords = [\n"
    line = edit(rules / "he/measures.toml", head, f"{head}    'עומד(',\n")
    with pytest.raises(RulesError, match="not a regular expression") as e:
        read_bridge(rules)
    assert re.search(rf"he/measures\.toml:(?:{line}|{line + 1}|{line + 2})\b", str(e.value))
