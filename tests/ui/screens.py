"""Screens of a given size, and fonts, for the window's tests (issue 28, point 4).

The offscreen platform reads its screens from a JSON file named in the platform's
arguments (`-platform offscreen:configfile=…` or QT_QPA_PLATFORM); without one it has a
single 800×800 screen, smaller than any desktop the window is made for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

# Where the in-process tests' window opens: a desktop on which it has its preferred size.
DESKTOP = (1920, 1080)


def offscreen_platform(folder: Path, width: int, height: int) -> str:
    """The platform argument for one offscreen screen of `width`×`height` at 96 dpi, with
    window frames drawn (as a window manager's are, 2 px wide)."""
    config = folder / f"screen-{width}x{height}.json"
    screen = {"name": f"screen-{width}x{height}", "x": 0, "y": 0, "width": width,
              "height": height, "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}  # fmt: skip
    settings = {"synchronousWindowSystemEvents": False, "windowFrameMargins": True}
    config.write_text(json.dumps({**settings, "screens": [screen]}))
    return f"offscreen:configfile={config}"


FONTS = Path(__file__).resolve().parent / "desktop" / "fonts"


@pytest.fixture
def noto_sans(qapp: QApplication) -> Iterator[None]:
    """Noto Sans (Noto Sans Hebrew for Hebrew) as the application's font, as on a desktop
    with fonts-noto-core, from the files shipped under desktop/fonts; the font before
    afterwards."""
    ids = [QFontDatabase.addApplicationFont(str(path)) for path in sorted(FONTS.glob("*.ttf"))]
    assert all(i >= 0 for i in ids), "the shipped Noto fonts load"
    before = QFont(qapp.font())
    font = QFont(before)
    font.setFamilies(["Noto Sans", "Noto Sans Hebrew"])
    qapp.setFont(font)
    assert QFontInfo(qapp.font()).family() == "Noto Sans"
    yield
    qapp.setFont(before)
    for i in ids:
        QFontDatabase.removeApplicationFont(i)
