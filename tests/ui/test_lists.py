"""Rows of the window's lists fit the list (issue 28: "hat was her…" in the Hebrew window)."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.kit.lists import IdList

LONG = "What was her latest LDL cholesterol result before the statin?"


@pytest.mark.parametrize(
    "direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft]
)
def test_a_long_row_is_elided_inside_the_list_and_whole_in_its_tooltip(
    qtbot: QtBot, direction: Qt.LayoutDirection
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setLayoutDirection(direction)
    try:
        rows = IdList("conversations")
        qtbot.addWidget(rows)
        rows.resize(160, 120)
        rows.show()
        rows.set_rows([(uuid.uuid4(), LONG, "2026-11-25 14:56")], None)
        qtbot.waitExposed(rows)
        item = rows.item(0)
        # Nothing scrolls sideways: the row's start shows and its end is elided.
        assert rows.horizontalScrollBar().maximum() == 0
        assert rows.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        assert item.toolTip() == f"{LONG}\n2026-11-25 14:56"
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
