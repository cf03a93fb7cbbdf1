"""The window and the command line name each measure alike ("Systolic BP", "HbA1c"), never
by its key."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.timeline.answers.wording import words_for
from core.timeline.extract import extract
from core.timeline.types import LABELS, MEASURES
from tests.timeline.test_ehr_lines import DECIMALS
from ui.timeline.timeline_text import measure_label, number


def test_every_measure_has_one_name_in_the_window_and_the_command_line(
    qapp: QApplication,
) -> None:
    assert set(LABELS) == set(MEASURES)
    assert {name: measure_label(name) for name in MEASURES} == LABELS


def test_every_measure_with_a_decimal_is_shown_as_the_note_wrote_it(
    qapp: QApplication,
) -> None:
    """The flowsheet, its plots and the brief show a reading through `number`: read by the
    real extractor, every measure's decimal comes back digit for digit, and the answer
    over time words it the same."""
    note = "\n".join(DECIMALS.values())
    facts = {f.name: f for f in extract(note, "objective").facts if f.kind == "measurement"}
    words = words_for(hebrew=False)
    for measure, line in DECIMALS.items():
        written = line.split(": ")[1].split()[0]
        value = facts[measure].value
        assert value is not None and number(value) == written, line
        assert words.with_unit(f"{value:g}", measure).startswith(written), line
    assert (number(84.7 - 85.0), number(132.0), number(-0.0)) == ("-0.3", "132", "0")


def test_a_reading_written_in_another_unit_shows_as_written_in_its_cell(
    qapp: QApplication,
) -> None:
    """The flowsheet's row of LDL is in mg/dL; a note's "LDL 3.1 mmol/L" shows as that, not
    as 119.88, and a reading in the row's own unit as its number."""
    import uuid

    from core.timeline.types import TimelineFact
    from ui.timeline.timeline_text import shown

    def cell(line: str) -> str:
        (fact,) = [f for f in extract(line, "objective").facts if f.kind == "measurement"]
        held = TimelineFact(uuid.uuid4(), uuid.uuid4(), None, None, "objective", fact, line)
        return shown(held).strip("\u2066\u2069")

    assert cell("LDL 3.1 mmol/L") == "3.1 mmol/L"
    assert cell("LDL 119 mg/dL") == "119"


def test_a_cell_keeps_a_trailing_zero_and_names_only_another_unit(qapp: QApplication) -> None:
    """ "K 4.0" is 4.0 in its row of mmol/L, not 4; "Wt 185 lb" keeps its unit in a row of
    kg."""
    import uuid

    from core.timeline.types import TimelineFact
    from ui.timeline.timeline_text import shown

    def cell(line: str) -> str:
        (fact,) = [f for f in extract(line, "objective").facts if f.kind == "measurement"]
        held = TimelineFact(uuid.uuid4(), uuid.uuid4(), None, None, "objective", fact, line)
        return shown(held).strip("\u2066\u2069")

    assert [cell("K 4.0"), cell("K 4.2"), cell("A1c 7.0%")] == ["4.0", "4.2", "7.0"]
    assert cell("Wt 185 lb") == "185 lb"
