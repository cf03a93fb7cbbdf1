"""Icons (hicolor PNGs from the SVG) and the splash image, drawn with Qt offscreen.

python packaging/assets.py OUT_DIR
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
APP_ID = "org.chartside.Chartside"
SVG = HERE / "linux" / f"{APP_ID}.svg"
ICON_SIZES = (48, 64, 128, 256)
SPLASH_SIZE = (480, 280)


def render(out_dir: Path) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        with _painting(QPainter(image)) as painter:
            renderer.render(painter)
        path = out_dir / f"icon-{size}.png"
        image.save(str(path), "PNG")
        written.append(path)

    width, height = SPLASH_SIZE
    splash = QImage(width, height, QImage.Format.Format_RGB32)
    splash.fill(QColor("#f4f7f8"))
    with _painting(QPainter(splash)) as painter:
        renderer.render(painter, QRectF(32, 72, 128, 128))
        painter.setPen(QColor("#1f6f8b"))
        painter.setFont(QFont("DejaVu Sans", 26, QFont.Weight.Bold))
        painter.drawText(QRectF(180, 90, 280, 50), "Chartside")
        painter.setPen(QColor("#34495e"))
        painter.setFont(QFont("DejaVu Sans", 11))
        painter.drawText(QRectF(182, 140, 280, 40), "Starting…")
    path = out_dir / "splash.png"
    splash.save(str(path), "PNG")
    written.append(path)
    return written


@contextlib.contextmanager
def _painting(painter: Any) -> Iterator[Any]:
    """QPainter must end before its image is saved."""
    painter.setRenderHint(painter.RenderHint.Antialiasing)
    try:
        yield painter
    finally:
        painter.end()


if __name__ == "__main__":
    for p in render(Path(sys.argv[1])):
        print(p)
