"""Issue 14, point 5: every control has a name of its own, and text reads at 4.5:1 or
better (WCAG 2 AA) on the palette the app runs with, disabled and greyed rows included.

The window tests walk every window and dialog of the app on the real service; the
walkers are first shown to catch what they look for.
"""

from __future__ import annotations

from collections.abc import Callable

from a11y import contrast_ratio, low_contrast, low_contrast_items, tour, unnamed_controls
from gui_driver import GuiDriver
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.services.service import ChartsideService
from tests.conftest import PASSPHRASE

MakeGui = Callable[[ChartsideApi], GuiDriver]
Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == 21.0
    assert round(contrast_ratio(QColor("#767676"), QColor("white")), 2) == 4.54
    # Qt's default disabled grey on its window colour: the "low contrast".
    assert round(contrast_ratio(QColor("#bebebe"), QColor("#efefef")), 2) == 1.62


def test_the_walkers_catch_an_unnamed_field_and_grey_text(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    form = QFormLayout(window)
    form.addRow("&Name:", QLineEdit(window))  # named by its buddy label
    unnamed = QLineEdit(window)
    unnamed.setObjectName("unnamed")
    unnamed.setPlaceholderText("a placeholder is not a name")
    form.addRow(unnamed)
    grey = QLabel("grey", window)
    grey.setStyleSheet("color: #bebebe;")
    form.addRow(grey)
    rows = QListWidget(window)
    rows.setAccessibleName("rows")
    rows.addItem("greyed row")
    rows.item(0).setForeground(QColor("#bebebe"))
    form.addRow(rows)

    assert unnamed_controls(window) == ["QLineEdit(unnamed: '')"]
    assert any("grey" in problem for problem in low_contrast(window))
    assert len(low_contrast_items(rows)) == 1


def test_every_control_of_every_window_has_a_name_and_readable_text(
    make_gui: MakeGui, service_factory: Callable[..., ChartsideService]
) -> None:
    problems: dict[str, list[str]] = {}

    def visit(name: str, window: QWidget) -> None:
        for kind, found in (
            ("unnamed", unnamed_controls(window)),
            ("low contrast", low_contrast(window)),
        ):
            if found:
                problems[f"{name}: {kind}"] = found
        if name == "main window":
            # The greyed rows: an answer's uncited sources (the tour lists one).
            sources = driver.window.assistant_panel.sources
            assert [s.used for s in sources.listed()] == [True, False]
            assert sources.list.topLevelItem(1).foreground(0).style() != Qt.BrushStyle.NoBrush
            greyed.extend(low_contrast_items(sources.list))
            greyed.append("checked")

    greyed: list[str] = []
    driver = make_gui(service_factory())
    tour(driver, PASSPHRASE, visit)
    assert problems == {}
    assert greyed == ["checked"]


def test_the_application_palette_reads_at_4_5_to_1_in_every_state(
    make_gui: MakeGui, notes_api: ChartsideApi
) -> None:
    make_gui(notes_api)  # the GUI as the app builds it
    palette = QApplication.palette()
    pairs = [
        (Role.WindowText, Role.Window),
        (Role.Text, Role.Base),
        (Role.Text, Role.AlternateBase),
        (Role.ButtonText, Role.Button),
        (Role.PlaceholderText, Role.Base),
        (Role.HighlightedText, Role.Highlight),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.Link, Role.Base),
    ]
    low = [
        f"{group.name} {fg.name} on {bg.name}: {ratio:.2f}"
        for group in (Group.Active, Group.Inactive, Group.Disabled)
        for fg, bg in pairs
        if (ratio := contrast_ratio(palette.color(group, fg), palette.color(group, bg))) < 4.5
    ]
    assert low == []
    # Disabled text is still told apart from enabled text.
    enabled = palette.color(Group.Active, Role.Text)
    disabled = palette.color(Group.Disabled, Role.Text)
    assert enabled != disabled
