"""GUI entry point: `run_gui(api, settings)`, called by the composition root in `app/`.

`GuiController` owns the task runner and moves between the unlock screen and the main
window. Tests drive a controller directly instead of `run_gui`, which would block in
`exec()`.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtWidgets import QApplication

from core.api import ChartsideApi
from core.errors import Locked
from core.settings import Settings
from ui.access.first_run import FirstRun
from ui.access.recovery import RecoveryKeyDialog
from ui.access.unlock import UnlockDialog
from ui.documents.read_progress import ReadProgressBar
from ui.kit.contrast import install_accessible_palette
from ui.kit.core_text import set_language
from ui.kit.errors import describe
from ui.kit.qt_dialogs import FileDialogs
from ui.kit.tasks import TaskRunner
from ui.shell.assistant_status import AssistantStatusLabel
from ui.shell.connection_status import ConnectionStatusLabel
from ui.shell.gui_collector import GuiThreadCollector
from ui.shell.index_progress import IndexProgressBar
from ui.shell.main_window import MainWindow
from ui.shell.menus import MenuBar
from ui.shell.quit_signals import QuitOnSignals
from ui.tools.backup_actions import BackupActions
from ui.tools.delete_data_dialog import DeleteDataActions
from ui.tools.diagnostics import DiagnosticsActions
from ui.tools.embedder_offer import EmbedderOffer
from ui.tools.models_dialog import ModelsActions
from ui.tools.practitioners_dialog import PractitionersActions
from ui.tools.settings_dialog import SettingsActions

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "i18n"
IDLE_CHECK_MS = 10_000
ACTIVITY_THROTTLE_S = 5.0


class Session(QObject):
    """The unlocked session's two moments. Every part of the window that holds notes or
    follows the service connects itself here, rather than being called by hand from each
    place that locks: `started` after an unlock; `ended` once per session, on lock,
    auto-lock, a `Locked` from the service, deleting the data, or quit."""

    started = Signal()
    ended = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.active = False

    def start(self) -> None:
        self.active = True
        self.started.emit()

    def end(self) -> None:
        if self.active:
            self.active = False
            self.ended.emit()


class GuiController(QObject):
    """Unlock screen ⇄ main window. Emits `quit_requested` when the user is done."""

    quit_requested = Signal()

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            install_accessible_palette(app)  # before any widget: all of them start with it
        self._api = api
        self.runner = runner if runner is not None else TaskRunner(self)
        self.main_window = MainWindow(api, self.runner)
        self.unlock_dialog: UnlockDialog | None = None
        self._shut_down = False
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.closed.connect(self.quit_requested)
        self.runner.failed.connect(self._on_failed)
        # The service decides when it is idle; this only asks it regularly.
        self.idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        self.assistant_status = AssistantStatusLabel(self.main_window)
        self.main_window.statusBar().addPermanentWidget(self.assistant_status)
        self.connection_status = ConnectionStatusLabel(api, self.runner, self.main_window)
        self.main_window.statusBar().addPermanentWidget(self.connection_status)
        self.index_progress = IndexProgressBar(api, self.runner, self.main_window)
        self.main_window.statusBar().addPermanentWidget(self.index_progress)
        self.index_progress.failed.connect(self._on_failed)
        # Documents are read in the background like notes are indexed.
        self.read_progress = ReadProgressBar(api, self.runner, self.main_window)
        self.main_window.statusBar().addPermanentWidget(self.read_progress)
        self.read_progress.failed.connect(self._on_failed)
        self.read_progress.finished.connect(self.main_window.documents.refresh)
        self.read_progress.stopped.connect(self._on_reading_stopped)
        self.main_window.documents.attached.connect(self._on_document_attached)
        self.backups = BackupActions(api, self.runner, self.main_window)
        self.backups.failed.connect(self._on_failed)
        self.diagnostics = DiagnosticsActions(api, self.runner, self.main_window)
        self.diagnostics.failed.connect(self._on_failed)
        self.practitioners = PractitionersActions(api, self.runner, self.main_window)
        self.practitioners.failed.connect(self._on_failed)
        tools = [self.practitioners.action]
        # A service without a models part (tests of other screens) has no models screen.
        models = api.models
        self.models = (
            None if models is None else ModelsActions(models, api, self.runner, self.main_window)
        )
        if self.models is not None:
            self.models.failed.connect(self._on_failed)
            self.models.models_changed.connect(self._on_models_changed)
            tools.append(self.models.action)
        self.first_run = FirstRun(api, self.runner, self.main_window)
        self.embedder_offer = EmbedderOffer(api, self.runner, self.main_window)
        self.settings_screen = SettingsActions(api.config, self.main_window)
        self.delete_data = DeleteDataActions(api, self.runner, self.main_window)
        self.delete_data.closing.connect(self._hide_main_window)
        self.delete_data.done.connect(self.quit_requested)
        tools += [self.settings_screen.action, self.delete_data.action]
        self.menus = MenuBar(self.main_window, self.backups, self.diagnostics, tools)
        self.session = Session(self)
        started = (self.backups, self.index_progress, self.connection_status, self.embedder_offer,
                   self.read_progress)  # fmt: skip
        for part in started:
            self.session.started.connect(part.session_started)
        enders = [self.backups, self.index_progress, self.diagnostics, self.practitioners]
        enders += [self.read_progress]
        enders += [] if self.models is None else [self.models]
        enders += [self.first_run, self.embedder_offer, self.settings_screen, self.delete_data]
        for ender in enders:
            self.session.ended.connect(ender.session_ended)
        # Last: the dialogs above close before the notes under them are cleared.
        self.session.ended.connect(self.main_window.clear_phi)
        self._activity = _ActivityFilter(api.touch, self)
        self._file_dialogs = FileDialogs(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self._activity)
            app.installEventFilter(self._file_dialogs)

    @property
    def recovery_dialog(self) -> RecoveryKeyDialog | None:
        return self.first_run.recovery_dialog

    @property
    def settled(self) -> bool:
        return self.main_window.settled

    def start(self) -> None:
        self._show_unlock()

    def lock(self) -> None:
        """Hide every note first, then lock the service (queued after any pending save, and
        after the unsaved forms' drafts, written while the keys are still there)."""
        self.main_window.drafts.flush()
        self._hide_main_window()
        self.runner.submit(self._api.lock, on_error=self._on_failed)
        self._show_unlock()

    def check_idle(self) -> None:
        if self.unlock_dialog is None and not self._shut_down:
            # The draft first: if this check locks, the keys are gone right after it.
            self.main_window.drafts.flush()
            self.runner.submit(self._api.check_idle, on_success=self._on_idle_checked)

    def _on_idle_checked(self, locked: bool) -> None:
        if locked and self.unlock_dialog is None:
            self._hide_main_window()
            self._show_unlock(self.tr("Chartside locked itself after a period of inactivity."))

    def shutdown(self, *, close_api: bool = True) -> None:
        """Finish queued work, then close the service on the worker thread. Idempotent."""
        if self._shut_down:
            return
        self._shut_down = True
        # Logout, SIGTERM or quit: unsaved forms go to their drafts before the service closes.
        self.main_window.drafts.flush()
        self.session.end()
        if self.models is not None:
            self.models.shutdown()
        if self.unlock_dialog is not None:
            self.unlock_dialog.hide()
        # An answer in flight is cancelled and its thread joined before the service closes.
        self.main_window.assistant_panel.shutdown()
        self.main_window.dictation.shutdown()
        self.runner.shutdown(final=self._api.close if close_api else None)

    def _hide_main_window(self) -> None:
        self.idle_timer.stop()
        self.session.end()
        self.main_window.hide()

    def _show_unlock(self, notice: str | None = None) -> None:
        dialog = self.unlock_dialog
        if dialog is None:
            dialog = UnlockDialog(self._api, self.runner)
            dialog.unlocked.connect(self._on_unlocked)
            dialog.recovery_key_created.connect(self._show_recovery_key)
            dialog.rejected.connect(self.quit_requested)
            self.unlock_dialog = dialog
            dialog.show()
            dialog.start()
        if notice:
            dialog.show_notice(notice)
        dialog.raise_()
        dialog.activateWindow()

    def _on_unlocked(self) -> None:
        dialog, self.unlock_dialog = self.unlock_dialog, None
        self.idle_timer.start()
        # Show the window before the dialog closes, so there is never no window at all.
        self.main_window.show()
        self.main_window.raise_()
        self.main_window.activateWindow()
        self.main_window.refresh()
        self.main_window.drafts.start()
        self.runner.submit(self._api.notes.drafts, on_success=self.main_window.unsaved.offer_drafts)
        self.runner.submit(self._api.assistant.status, on_success=self.assistant_status.show_status)
        # The first answer need not wait for the models: they open now, on a thread of their
        # own, while the clinician finds the client.
        self.main_window.assistant_panel.warm_up.start()
        self.session.start()
        if dialog is not None:
            dialog.deleteLater()

    def _show_recovery_key(self, recovery_key: str) -> None:
        # Window-modal dialogs, which never block the event loop: the key typed back in
        # part, then the OS keyring offered.
        self.first_run.start(recovery_key)

    def _on_document_attached(self, _info: object) -> None:
        self.read_progress.start()  # wakes the reader, or starts it again after Stop
        self.main_window.statusBar().showMessage(
            self.tr("Document attached; it is read in the background."), 5000
        )

    def _on_reading_stopped(self) -> None:
        self.main_window.statusBar().showMessage(
            self.tr("Reading documents stopped; it goes on at the next unlock or attach."), 5000
        )

    def _on_models_changed(self, _kind: str) -> None:
        self.runner.submit(self._api.assistant.status, on_success=self.assistant_status.show_status)

    def _on_failed(self, exc: BaseException) -> None:
        """Where every unhandled background error lands."""
        if isinstance(exc, Locked):
            # The service locked itself (or was never unlocked): back to the unlock screen.
            if self.unlock_dialog is None:
                self._hide_main_window()
            self._show_unlock(describe(exc).message)
        elif self.unlock_dialog is not None and self.main_window.isHidden():
            self.unlock_dialog.show_notice(describe(exc).as_text())
        else:
            self.main_window.show_error(exc)


class _ActivityFilter(QObject):
    """Key presses and clicks anywhere count as activity, at most once every few seconds
    (typing a long note reaches the service only when it is saved)."""

    def __init__(self, touch: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._touch = touch
        self._last = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY_EVENTS:
            now = time.monotonic()
            if now - self._last > ACTIVITY_THROTTLE_S:
                self._last = now
                self._touch()
        return False


_ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel}


def install_translations(app: QApplication, language: str) -> list[QTranslator]:
    """Load Qt's own and Chartside's catalogues; keep the returned objects alive. English
    has Chartside's alone, which holds only the plural forms of counted words ("one note",
    "3 notes"): every other source text is the English already."""
    if language == "he":
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    locale = QLocale(language)
    set_language(locale)
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    catalogues = [("chartside", str(TRANSLATIONS_DIR))]
    if language != "en":
        catalogues.insert(0, ("qtbase", qt_dir))
    for name, directory in catalogues:
        translator = QTranslator(app)
        # A missing catalogue is not fatal: the UI falls back to English.
        if translator.load(locale, name, "_", directory) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def run_gui(
    api: ChartsideApi,
    settings: Settings,
    argv: Sequence[str] | None = None,
) -> int:
    """Show the unlock screen, then the main window; return the exit code.

    `api.close()` runs on the worker thread at `aboutToQuit`, after any queued save.
    """
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    elif isinstance(existing, QApplication):
        app = existing
    else:
        raise RuntimeError("a non-GUI QCoreApplication already exists")
    app.setApplicationName("Chartside")
    # No display name: Qt would append " — Chartside" to every window title, and the main
    # window's title already starts with it ("Chartside — Dana Cohen*").
    # The dialog closes as the main window opens, and on lock the other way round; quitting
    # is decided by the controller, not by Qt counting windows.
    app.setQuitOnLastWindowClosed(False)
    translators = install_translations(app, settings.ui.language)

    collector = GuiThreadCollector(app)
    controller = GuiController(api)
    controller.quit_requested.connect(app.quit)
    app.aboutToQuit.connect(controller.shutdown)
    # SIGTERM (logout) and SIGHUP quit like the window does: drafts kept, database stopped.
    stop_signals = QuitOnSignals(app)
    controller.start()
    try:
        code = app.exec()
    finally:
        controller.shutdown()
        stop_signals.close()
        collector.close()
        del translators
    return int(code)
