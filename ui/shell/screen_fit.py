"""A top-level window that opens inside the screen's free area and never grows past it.

Qt makes a window at least as large as its layout's minimum, and enlarges it whenever a
child's minimum grows (a label that wraps, a list that fills): laid out for 1400×800, the
main window opened past a 1366×768 screen, and grew again after a search. `ScreenFit`
sizes the window to its preferred size bounded by the screen's available geometry less the
window manager's frame, and gives it a minimum no larger than that room, which its layout
no longer raises: nothing shown later can push it off the screen.

The frame is known only once a window manager has decorated the window, after the first
show; the window is fitted again when its frame margins change, or it moves to another
screen. A window that the user resizes or moves is otherwise left where they put it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QLayout, QWidget

_FIT_ON = {QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize}


def frame_margins(window: QWidget) -> QMargins:
    """What the window manager draws around `window` (none before it is decorated)."""
    handle = window.windowHandle()
    return handle.frameMargins() if handle is not None else QMargins()


def screen_of(window: QWidget) -> QScreen | None:
    handle = window.windowHandle()
    screen = handle.screen() if handle is not None else None
    return screen if screen is not None else QGuiApplication.primaryScreen()


def room_for(available: QRect, margins: QMargins) -> QSize:
    """The largest client size whose frame fits in `available`."""
    return QSize(
        available.width() - margins.left() - margins.right(),
        available.height() - margins.top() - margins.bottom(),
    )


def placed(frame: QRect, available: QRect) -> QPoint:
    """Where a frame the size of `frame` goes so that it lies inside `available` (its
    top-left corner when it is larger), moved as little as possible."""
    x = max(available.left(), min(frame.x(), available.right() + 1 - frame.width()))
    y = max(available.top(), min(frame.y(), available.bottom() + 1 - frame.height()))
    return QPoint(x, y)


class ScreenFit(QObject):
    """Fits `window` (a top-level widget) to its screen; see the module's docstring."""

    def __init__(self, window: QWidget, preferred: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._preferred = preferred
        self._fitted: tuple[QMargins, str] | None = None  # (frame margins, screen) last fit
        self._centred = False
        self._pending = False
        layout = window.layout()
        if layout is not None:
            # The minimum is this object's to set (`fit`): the layout's would follow every
            # child that asks for more.
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is not self._window or event.type() not in _FIT_ON:
            return False
        if self._fitted is None:
            if event.type() == QEvent.Type.Show:
                self.fit()  # before the window is mapped: it opens at the fitted size
        elif self._seen() != self._fitted and not self._pending:
            # Later, not from inside this event: a layout being activated could undo the
            # minimum set meanwhile.
            self._pending = True
            QTimer.singleShot(0, self, self._refit)
        return False

    def _seen(self) -> tuple[QMargins, str]:
        screen = screen_of(self._window)
        return frame_margins(self._window), screen.name() if screen is not None else ""

    def _refit(self) -> None:
        self._pending = False
        if self._seen() != self._fitted:
            self.fit()

    def fit(self) -> None:
        window = self._window
        screen = screen_of(window)
        if screen is None:
            return
        self._fitted = self._seen()
        margins = self._fitted[0]
        available = screen.availableGeometry()
        room = room_for(available, margins)
        layout = window.layout()
        wanted = layout.totalMinimumSize() if layout is not None else window.minimumSizeHint()
        window.setMinimumSize(wanted.expandedTo(QSize(0, 0)).boundedTo(room))
        window.resize(self._preferred.boundedTo(room).expandedTo(window.minimumSize()))
        frame = QRect(
            window.pos(),
            window.size().grownBy(margins),
        )
        if not self._centred:
            # Opened centred in the free area; later fits move it no more than they must.
            self._centred = True
            frame.moveCenter(available.center())
        window.move(placed(frame, available))
