"""Python's cycle collector, run on the GUI thread only.

CPython collects cycles in whichever thread crosses its allocation threshold: the database
worker, the indexer or the dictation thread as often as the window's. A cycle that holds a
Qt object (a widget and a lambda connected to its own signal) is then destroyed from a
thread that does not own it, and the process dies of a segfault wherever that happened to
be; CI saw two, in different places. So automatic collection is off while the window
runs, and a timer on the GUI thread collects each generation once its count has passed
Python's own threshold (calibre, novelWriter and others do the same).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Installed for the life of the event loop; `close()` turns automatic collection back
    on if it was on."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> int:
        """Collect the oldest generation whose count is past its threshold, as the automatic
        collector would have by now; the number of objects found unreachable."""
        generation = -1
        for g, (count, threshold) in enumerate(zip(gc.get_count(), self._thresholds, strict=True)):
            if threshold and count > threshold:
                generation = g
            else:
                break  # an older generation is only due once the younger one was
        return gc.collect(generation) if generation >= 0 else 0

    def close(self) -> None:
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
