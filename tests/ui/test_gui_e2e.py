"""Acceptance point 8 end to end, on the real service over the real embedded PostgreSQL.

`notes_api` (tests/conftest.py) is an initialised, LOCKED ChartsideApi whose passphrase is the
`passphrase` fixture. The test leaves it locked and without the records it created.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from gui_driver import GuiDriver, run_full_workflow
from pytestqt.qtbot import QtBot

from core.api import ChartsideApi
from core.domain import ClientData


def test_unlock_create_client_and_session_then_reopen_shows_same_content(
    notes_api: ChartsideApi,
    passphrase: str,
    make_gui: Callable[[ChartsideApi], GuiDriver],
) -> None:
    assert not notes_api.unlocked, "the notes_api fixture must hand over a locked service"
    driver = make_gui(notes_api)
    created: list[UUID] = []
    try:
        run_full_workflow(driver, passphrase, uuid.uuid4().hex[:12], created)
        # What the screen showed is what the service stored.
        client_id = created[0]
        [summary] = notes_api.notes.list_sessions(client_id)
        stored = notes_api.notes.get_session(summary.id).data
        shown = driver.window.session_editor.to_data()
        assert (
            stored.date,
            stored.subjective,
            stored.objective,
            stored.assessment,
            stored.plan,
        ) == (shown.date, shown.subjective, shown.objective, shown.assessment, shown.plan)
    finally:
        # Join the worker first: from here on only this thread talks to the service.
        driver.controller.shutdown(close_api=False)
        if created and not notes_api.unlocked:
            notes_api.unlock(passphrase)
        for client_id in created:
            for session in notes_api.notes.list_sessions(client_id):
                notes_api.notes.delete_session(session.id)
            notes_api.notes.delete_client(client_id)
        notes_api.lock()


def test_idle_lock_returns_to_the_unlock_screen(
    qtbot: QtBot, make_gui: Callable[[ChartsideApi], GuiDriver], tmp_path: Path
) -> None:
    """A real service with a fake clock: idle past the limit, the window empties and hides."""
    from app.compose import migrations_dir
    from core.services.service import ChartsideService
    from tests.conftest import PASSPHRASE, make_settings
    from tests.security.test_autolock import FakeClock

    clock = FakeClock()
    svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir(), clock=clock)
    svc.initialise(PASSPHRASE)
    svc.notes.create_client(ClientData(full_name="Idle Client"))
    svc.lock()
    try:
        gui = make_gui(svc)
        gui.unlock(PASSPHRASE)
        gui.wait_until(lambda: gui.window.client_list.count() == 1)
        assert gui.controller.idle_timer.isActive()
        clock.advance(16)
        gui.controller.check_idle()  # what the timer does every few seconds
        gui.wait_until(lambda: gui.controller.unlock_dialog is not None)
        assert gui.window.isHidden()
        assert gui.window.client_list.count() == 0
        assert not svc.unlocked
        assert not gui.controller.idle_timer.isActive()
    finally:
        svc.close()


def test_assistant_unavailable_is_explained_while_notes_work(
    qtbot: QtBot, make_gui: Callable[[ChartsideApi], GuiDriver], tmp_path: Path
) -> None:
    from app.compose import build_service
    from tests.app.test_assistant_status import _broken
    from tests.conftest import PASSPHRASE, make_settings

    svc = build_service(make_settings(_broken(tmp_path)))
    svc.initialise(PASSPHRASE)
    svc.lock()
    try:
        gui = make_gui(svc)
        gui.unlock(PASSPHRASE)
        label = gui.controller.assistant_status
        gui.wait_until(lambda: label.status is not None)
        assert label.text() == "Assistant unavailable"
        assert "missing" in label.toolTip()
        gui.click(gui.window.new_client_button)
        gui.fill_client("Still Works")
        gui.save_client()
        gui.wait_until(lambda: gui.window.client_list.count() == 1)
        assert [c.full_name for c in svc.notes.list_clients()] == ["Still Works"]
    finally:
        svc.close()


def test_a_second_practitioner_unlocks_with_their_username(
    qtbot: QtBot, make_gui: Callable[[ChartsideApi], GuiDriver], tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QLineEdit

    from app.compose import migrations_dir
    from core.services.service import ChartsideService
    from tests.conftest import PASSPHRASE, make_settings
    from ui.access.unlock import Mode

    svc = ChartsideService(make_settings(tmp_path / "data"), migrations_dir())
    svc.initialise(PASSPHRASE)
    svc.keys.add_practitioner("dr.b", "Dr B", "dr.b's passphrase")
    svc.notes.create_client(ClientData(full_name="Seen By Both"))
    svc.lock()
    try:
        gui = make_gui(svc)
        dialog = gui.wait_dialog(Mode.UNLOCK)
        dialog.findChild(QLineEdit, "username").setText("dr.b")
        gui.submit_passphrase(PASSPHRASE)  # the first practitioner's passphrase: refused
        gui.wait_until(lambda: "not correct" in dialog.error_text)
        gui.submit_passphrase("dr.b's passphrase")
        gui.wait_until(lambda: gui.window.isVisible() and gui.controller.unlock_dialog is None)
        gui.wait_until(lambda: gui.window.client_list.count() == 1)
        assert svc.actor == "dr.b"
    finally:
        svc.close()
