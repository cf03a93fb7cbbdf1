"""The window and the command line name each measure alike ("Systolic BP", "HbA1c"), never
by its key."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from core.timeline.types import LABELS, MEASURES
from ui.timeline.timeline_text import measure_label


def test_every_measure_has_one_name_in_the_window_and_the_command_line(
    qapp: QApplication,
) -> None:
    assert set(LABELS) == set(MEASURES)
    assert {name: measure_label(name) for name in MEASURES} == LABELS
