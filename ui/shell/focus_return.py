"""The window's keyboard shortcuts work again as soon as a dialog closes.

Qt fires a window's shortcuts (Ctrl+F, Ctrl+S, …) only while that window is active. When
a dialog closes, Qt deactivates it and leaves choosing the next active window to the
window manager. With none, or before it gets round to it, no window is active, yet the
keys still reach the field that had the focus: Ctrl+F after the Practitioners dialog did
nothing, and the "LDL" typed next went into the question box.

`FocusReturn` watches every dialog opened over the window (and the dialogs those open in
turn). When one hides and no window is active, it activates the window the dialog belongs
to; Qt then gives the focus back to the widget that had it there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Short-lived windows that never take the focus from the window under them.
_NOT_DIALOGS = (Qt.WindowType.Popup, Qt.WindowType.ToolTip, Qt.WindowType.SplashScreen)


def _is_dialog(widget: QWidget) -> bool:
    return widget.isWindow() and widget.windowType() not in _NOT_DIALOGS


class FocusReturn(QObject):
    """Installed on `window`; see the module's docstring."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.ChildPolished:
            # A child widget is polished before it first shows: a dialog is complete by
            # then, whatever built it.
            # (Installing a filter twice leaves it installed once.)
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget) and _is_dialog(child):
                child.installEventFilter(self)
        elif kind == QEvent.Type.Hide and isinstance(watched, QWidget) and _is_dialog(watched):
            owner = watched.parentWidget()
            if owner is not None:
                # After Qt has finished deactivating the dialog.
                QTimer.singleShot(0, owner, lambda: _reactivate(owner.window()))
        return False


def _reactivate(window: QWidget) -> None:
    active = QApplication.activeWindow()
    if active is not None and active.isVisible():
        return  # the window manager, or Qt, has chosen one already
    # (A dialog that has just hidden may still count as active until its deactivation
    # comes through: that is no window to leave the keys with.)
    if window.isVisible() and not window.isMinimized():
        window.activateWindow()
