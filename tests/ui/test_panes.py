"""The client and session panes hold their own logic (issue 16): each works outside the
main window, given only the service, the task runner and a `SaveGate`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from pytestqt.qtbot import QtBot

from core.domain import ClientData, SessionData
from ui.kit.tasks import TaskRunner
from ui.notes.client_pane import CLIENT_KEY, ClientBox, ClientListPane, ClientPane
from ui.notes.editors import ClientEditor, SessionEditor
from ui.notes.session_pane import SessionPane
from ui.notes.unsaved import SaveCall

Editor = ClientEditor | SessionEditor


class Gate:
    """A `SaveGate` with no unsaved-changes dialog: leaving is always allowed (and counted),
    and a save goes straight to the runner."""

    def __init__(self, api: FakeChartsideApi, runner: TaskRunner) -> None:
        self.api, self.runner = api, runner
        self.asked = 0
        self.client_id: Any = None

    def resolve_unsaved(self, editors: tuple[Editor, ...] | None = None) -> bool:
        self.asked += 1
        return True

    def save_call(self, editor: Editor) -> SaveCall | None:
        data = editor.to_data()
        if isinstance(editor, ClientEditor):
            cid = editor.client_id
            if cid is None:
                return self.api.notes.create_client, (data,)
            return self.api.notes.update_client, (cid, data)
        sid = editor.session_id
        if sid is None:
            return self.api.notes.create_session, (self.client_id, data)
        return self.api.notes.update_session, (sid, data)

    def submit_save(self, editor: Editor, call: SaveCall, **callbacks: Any) -> None:
        fn, args = call
        self.runner.submit(fn, *args, **callbacks)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.shutdown()


@pytest.fixture
def api() -> FakeChartsideApi:
    api = FakeChartsideApi(FAKE_PASSPHRASE)
    api.unlock(FAKE_PASSPHRASE)
    return api


def test_the_session_pane_opens_and_saves_sessions_on_its_own(
    qtbot: QtBot, api: FakeChartsideApi, runner: TaskRunner
) -> None:
    client = api.notes.create_client(ClientData(full_name="Pia Pane"))
    first = api.notes.create_session(
        client.id, SessionData(date="2024-05-01T09:00:00", assessment="Knee sprain")
    )
    gate = Gate(api, runner)
    gate.client_id = client.id
    pane = SessionPane(api, runner, gate, CLIENT_KEY)
    qtbot.addWidget(pane)
    saved: list[str] = []
    pane.saved.connect(saved.append)

    pane.show_client(client.id, enabled=True)
    assert pane.isEnabled() and not pane.form_shown and pane.session_list.count() == 0
    pane.load_sessions(client.id)
    qtbot.waitUntil(lambda: pane.session_list.count() == 1)
    pane.session_list.setCurrentRow(0)  # choosing a row opens that session
    qtbot.waitUntil(lambda: pane.session_editor.session_id == first.id)
    assert pane.form_shown and gate.asked == 1

    pane.session_editor.subjective.setPlainText("Less pain on stairs.")
    pane.save_session()
    qtbot.waitUntil(lambda: saved == ["Session saved."])
    assert api.notes.get_session(first.id).data.subjective == "Less pain on stairs."

    pane.new_session()
    assert pane.form_shown and pane.session_editor.session_id is None
    pane.session_editor.subjective.setPlainText("Second visit.")
    pane.save_session()
    qtbot.waitUntil(lambda: pane.session_list.count() == 2)
    assert pane.session_editor.session_id not in (None, first.id)

    pane.show_client(None, enabled=False)  # another client, or none: nothing of this one
    assert not pane.isEnabled() and pane.session_list.count() == 0 and not pane.form_shown


def test_the_client_pane_finds_opens_and_saves_clients_and_drives_the_sessions(
    qtbot: QtBot, api: FakeChartsideApi, runner: TaskRunner
) -> None:
    ada = api.notes.create_client(ClientData(full_name="Ada Pane"))
    api.notes.create_client(ClientData(full_name="Ben Pane"))
    api.notes.create_session(ada.id, SessionData(date="2024-05-01T09:00:00", assessment="Asthma"))
    gate = Gate(api, runner)
    listing, box = ClientListPane(), ClientBox()
    sessions = SessionPane(api, runner, gate, CLIENT_KEY)
    for widget in (listing, box, sessions):
        qtbot.addWidget(widget)
    pane = ClientPane(api, runner, gate, listing, box, sessions)
    shown: list[object] = []
    saved: list[str] = []
    pane.client_shown.connect(shown.append)
    pane.saved.connect(saved.append)

    pane.refresh()
    qtbot.waitUntil(lambda: listing.client_list.count() == 2)
    listing.client_filter.setText("Ada")  # typing filters, after a pause
    qtbot.waitUntil(lambda: listing.client_list.count() == 1)
    listing.client_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: pane.client_id == ada.id)
    assert shown[-1] == ada.id and box.isEnabled()
    qtbot.waitUntil(lambda: sessions.session_list.count() == 1)  # its sessions came along

    pane.new_client()
    assert pane.client_id is None and shown[-1] is None and box.client_toggle.isChecked()
    assert not sessions.isEnabled()  # no sessions before the client is saved
    box.client_editor.full_name.setText("Cleo Pane")
    pane.save_client()
    qtbot.waitUntil(lambda: saved == ["Client saved."])
    qtbot.waitUntil(lambda: pane.client_id is not None)
    assert shown[-1] == pane.client_id and sessions.isEnabled()
    assert api.notes.get_client(pane.client_id).data.full_name == "Cleo Pane"

    pane.clear()  # on lock: nothing of any client is left
    assert listing.client_list.count() == 0 and listing.client_filter.text() == ""
    assert pane.client_id is None and shown[-1] is None
