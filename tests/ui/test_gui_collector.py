"""The cycle collector runs on the GUI thread only (ui/shell/gui_collector.py): a worker
that allocates never destroys a Qt object caught in a cycle; the GUI thread's timer does,
once Python's own threshold has passed."""

from __future__ import annotations

import gc
import threading
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from ui.shell.gui_collector import GuiThreadCollector


class _Held(QObject):
    """A Qt object in a cycle with itself, as a widget and a lambda on its own signal are."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self


def _dropped_cycle() -> Callable[[], object]:
    held = _Held()
    gone = weakref.ref(held)
    del held
    return gone


def _allocate(n: int) -> list[list[int]]:
    """Containers kept alive: each counts toward generation 0 until freed."""
    return [[] for _ in range(n)]


def test_a_worker_never_collects_and_the_gui_thread_does(qtbot: QtBot) -> None:
    collector = GuiThreadCollector()
    try:
        assert not gc.isenabled()
        gone = _dropped_cycle()
        kept: list[list[list[int]]] = []
        worker = threading.Thread(
            target=lambda: kept.append(_allocate(50 * gc.get_threshold()[0])), name="db-worker"
        )
        worker.start()
        worker.join()
        assert len(kept[0]) == 50 * gc.get_threshold()[0]
        assert gone() is not None  # the worker allocated far past the threshold
        qtbot.waitUntil(lambda: gone() is None, timeout=5000)  # the timer's collection
    finally:
        collector.close()


def test_nothing_is_collected_before_the_threshold_and_close_puts_gc_back() -> None:
    was = gc.isenabled()
    gc.collect()
    collector = GuiThreadCollector()
    try:
        gone = _dropped_cycle()
        assert collector.collect() == 0 and gone() is not None
        kept = _allocate(2 * gc.get_threshold()[0])
        assert collector.collect() >= 1 and gone() is None
        assert kept
    finally:
        collector.close()
    assert gc.isenabled() == was
