"""Issue 14, "notes are never lost", against the in-memory FakeChartsideApi: unsaved edits go to
a draft (autosave, lock, auto-lock, shutdown) and are offered back after unlock; the
unsaved-changes dialog saves, discards or cancels, and cancel leaves the list and the
editor showing the same session; unsaved changes are marked. The real service and a
killed app are in tests/test_drafts_kill.py."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
from fake_api import FAKE_PASSPHRASE, FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from core.api import ChartsideApi
from core.domain import Client, ClientData, Session, SessionData
from core.errors import DatabaseError
from core.records.drafts import Draft
from ui.access.unlock import Mode
from ui.kit.bidi import strip_isolates
from ui.kit.lists import UNSAVED_MARK
from ui.notes.draft_text import describe, kept_at
from ui.notes.unsaved import Unsaved
from ui.shell.main_window import MainWindow

MakeGui = Callable[[ChartsideApi], GuiDriver]
REAL_ASK = MainWindow._ask_unsaved  # before any test replaces it
TYPED = "Reports the new inhaler helps at night."
OLD, NEW = dt.datetime(2024, 3, 2, 10, 0), dt.datetime(2024, 4, 6, 9, 0)


def _seed(api: FakeChartsideApi) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    cid, old, new = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    now = dt.datetime.now()
    api.clients[cid] = Client(cid, ClientData(full_name="Dana Levi"), now)
    api.sessions[old] = Session(old, cid, SessionData(date=OLD, subjective="old visit"), now)
    api.sessions[new] = Session(new, cid, SessionData(date=NEW, subjective="new visit"), now)
    return cid, old, new


def _open(make_gui: MakeGui, api: FakeChartsideApi) -> tuple[GuiDriver, uuid.UUID, uuid.UUID]:
    cid, old, new = _seed(api)
    driver = make_gui(api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(cid)
    driver.open_session(old)
    return driver, old, new


def _answer(monkeypatch: pytest.MonkeyPatch, *answers: Unsaved) -> list[Unsaved]:
    """Answer the unsaved-changes dialog with `answers`, then with Discard (so that closing
    the window at teardown never waits on a real dialog)."""
    queue = list(answers)
    monkeypatch.setattr(
        MainWindow, "_ask_unsaved", lambda self: queue.pop(0) if queue else Unsaved.DISCARD
    )
    return queue


@pytest.fixture(autouse=True)
def _never_a_real_dialog(monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch)


def _click_row(driver: GuiDriver, session_id: uuid.UUID) -> None:
    """A real mouse click on the row, as the user makes it (press, then release)."""
    lst = driver.window.session_list
    item = lst.item(lst.ids().index(session_id))
    centre = lst.visualItemRect(item).center()
    driver.qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    driver.settle()


def test_cancel_leaves_the_list_and_the_editor_on_the_same_session(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver, old, new = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    left = _answer(monkeypatch, Unsaved.CANCEL)
    _click_row(driver, new)
    assert left == []
    # The click selects its row after the handler returned; the list puts it back.
    driver.wait_until(lambda: window.session_list.selected_id() == old)
    assert window.session_editor.session_id == old
    assert window.session_editor.subjective.toPlainText() == TYPED
    assert window.session_list.id_of(window.session_list.currentItem()) == old


def test_save_in_the_dialog_saves_then_moves_on(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver, old, new = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    _answer(monkeypatch, Unsaved.SAVE)
    _click_row(driver, new)
    assert fake_api.sessions[old].data.subjective == TYPED
    assert window.session_editor.session_id == new
    assert window.session_list.selected_id() == new
    assert "session" not in fake_api.draft_store
    assert not window.dirty


def test_discard_in_the_dialog_forgets_the_edits_and_their_draft(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver, old, new = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    window.drafts.flush()
    driver.settle()
    assert fake_api.draft_store["session"].values["subjective"] == TYPED
    _answer(monkeypatch, Unsaved.DISCARD)
    _click_row(driver, new)
    assert fake_api.sessions[old].data.subjective == "old visit"
    assert window.session_editor.session_id == new
    assert fake_api.draft_store == {}


@pytest.mark.parametrize(
    ("pressed", "answer"),
    [
        (QMessageBox.StandardButton.Save, Unsaved.SAVE),
        (QMessageBox.StandardButton.Discard, Unsaved.DISCARD),
        (QMessageBox.StandardButton.Cancel, Unsaved.CANCEL),
    ],
)
def test_the_dialog_offers_save_discard_and_cancel(
    make_gui: MakeGui,
    fake_api: FakeChartsideApi,
    monkeypatch: pytest.MonkeyPatch,
    pressed: QMessageBox.StandardButton,
    answer: Unsaved,
) -> None:
    driver, _, _ = _open(make_gui, fake_api)
    seen: list[QMessageBox.StandardButton] = []

    def exec_(box: QMessageBox) -> int:
        seen.append(box.standardButtons())
        return int(pressed.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    assert REAL_ASK(driver.window) is answer
    button = QMessageBox.StandardButton
    assert seen == [button.Save | button.Discard | button.Cancel]


def test_unsaved_changes_are_marked_in_the_title_and_on_the_session(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    window = driver.window
    row = window.session_list.item(window.session_list.ids().index(old))
    base = row.text()
    assert not window.isWindowModified() and not row.text().endswith(UNSAVED_MARK)
    window.session_editor.plan.setPlainText("changed")
    assert window.isWindowModified()
    assert row.text() == base + UNSAVED_MARK
    assert window.sessions_box.title().endswith("*")
    driver.save_session()
    row = window.session_list.item(window.session_list.ids().index(old))
    assert not window.isWindowModified() and row.text() == base
    assert not window.sessions_box.title().endswith("*")


def test_edits_are_autosaved_as_a_draft_after_a_pause(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    assert window.drafts.timer.isActive()
    driver.wait_until(lambda: "session" in fake_api.draft_store)
    draft = fake_api.draft_store["session"]
    assert (draft.session_id, draft.values["subjective"]) == (old, TYPED)
    # Saving the note forgets the draft.
    driver.save_session()
    assert fake_api.draft_store == {}


def test_auto_lock_keeps_the_edit_and_unlock_offers_it_back(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    fake_api.idle_expired = True
    driver.controller.check_idle()  # the timer's tick, with no autosave having run yet
    driver.wait_dialog(Mode.UNLOCK)
    assert window.session_editor.subjective.toPlainText() == ""
    assert fake_api.draft_store["session"].values["subjective"] == TYPED

    fake_api.idle_expired = False
    driver.unlock(FAKE_PASSPHRASE)
    assert window.draft_bar.isVisible()
    driver.click(window.draft_bar.restore_button)
    driver.settle()
    assert window.session_editor.session_id == old
    assert window.session_list.selected_id() == old
    assert window.session_editor.subjective.toPlainText() == TYPED
    assert window.dirty and window.isWindowModified()
    assert not window.draft_bar.isVisible()
    driver.save_session()
    assert fake_api.sessions[old].data.subjective == TYPED
    assert fake_api.draft_store == {}


def test_a_new_clients_draft_comes_back_as_a_new_client(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    window = driver.window
    driver.click(window.new_client_button)
    driver.fill_client("Noa Peretz", "1980-02-3", "history so far")  # half a date, unsaved
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    driver.click(window.draft_bar.restore_button)
    driver.settle()
    editor = window.client_editor
    assert editor.client_id is None
    assert (editor.full_name.text(), editor.date_of_birth.text()) == ("Noa Peretz", "1980-02-3")
    assert editor.medical_history.toPlainText() == "history so far"


def test_discarding_the_offer_forgets_the_drafts(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, _, _ = _open(make_gui, fake_api)
    driver.window.session_editor.subjective.setPlainText(TYPED)
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    driver.click(driver.window.draft_bar.discard_button)
    driver.settle()
    assert fake_api.draft_store == {}
    assert not driver.window.dirty


def test_shutdown_keeps_the_edit_as_a_draft(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    driver.window.session_editor.plan.setPlainText("plan typed just before logout")
    driver.controller.shutdown(close_api=False)
    assert fake_api.draft_store["session"].values["plan"] == "plan typed just before logout"
    assert fake_api.draft_store["session"].session_id == old


def test_a_failed_save_leaves_the_edits_in_the_draft(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    fake_api.fail_next["update_session"] = DatabaseError("the database went away")
    driver.save_session()  # clicked at once: no autosave has run yet
    assert fake_api.sessions[old].data.subjective == "old visit"
    assert fake_api.draft_store["session"].values["subjective"] == TYPED
    window.drafts.flush()
    driver.settle()
    assert fake_api.draft_store["session"].values["subjective"] == TYPED
    driver.save_session()
    assert fake_api.draft_store == {}


def test_closing_with_save_saves_and_leaves_no_draft_behind(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver, old, _ = _open(make_gui, fake_api)
    window = driver.window
    window.session_editor.subjective.setPlainText(TYPED)
    _answer(monkeypatch, Unsaved.SAVE)
    window.close()
    driver.controller.shutdown(close_api=False)  # what quitting does next
    assert fake_api.sessions[old].data.subjective == TYPED
    assert fake_api.draft_store == {}


def test_cancel_on_the_client_list_keeps_list_and_form_together(
    make_gui: MakeGui, fake_api: FakeChartsideApi, monkeypatch: pytest.MonkeyPatch
) -> None:
    cid, _, _ = _seed(fake_api)
    other = uuid.uuid4()
    fake_api.clients[other] = Client(other, ClientData(full_name="Avi Cohen"), dt.datetime.now())
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(cid)
    window = driver.window
    window.client_editor.notes.setPlainText(TYPED)
    _answer(monkeypatch, Unsaved.CANCEL)
    lst = window.client_list
    centre = lst.visualItemRect(lst.item(lst.ids().index(other))).center()
    driver.qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    driver.wait_until(lambda: lst.selected_id() == cid)
    assert window.client_editor.client_id == cid
    assert window.client_editor.notes.toPlainText() == TYPED


# -- what the bar and the title say (issue 28, point 5) --------------------------------------


def _bar_text(driver: GuiDriver) -> str:
    return strip_isolates(driver.window.draft_bar.label.text())


def _kept_at(fake_api: FakeChartsideApi, kind: str) -> str:
    saved_at = fake_api.draft_store[kind].saved_at
    assert saved_at is not None
    return f"{saved_at:%H:%M}"  # the fake keeps local time, as the bar shows it


def test_the_bar_names_the_client_the_session_and_the_fields_and_when(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, _old, _ = _open(make_gui, fake_api)
    editor = driver.window.session_editor
    editor.subjective.setPlainText(TYPED)
    editor.plan.setPlainText("Review in a week.")
    driver.lock()
    kept = _kept_at(fake_api, "session")
    driver.unlock(FAKE_PASSPHRASE)
    assert _bar_text(driver) == (
        f"Unsaved changes to the session of Dana Levi on {OLD:%Y-%m-%d %H:%M} were kept at "
        f"{kept}: Subjective, Plan. Restore them, or discard them?"
    )


def test_the_bar_names_a_client_whose_details_were_kept_and_a_new_client(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    cid, _, _ = _seed(fake_api)
    driver = make_gui(fake_api)
    driver.unlock(FAKE_PASSPHRASE)
    driver.open_client(cid)
    driver.window.client_editor.medical_history.setPlainText("Asthma.")
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    assert "Unsaved changes to the details of Dana Levi were kept at" in _bar_text(driver)
    assert _bar_text(driver).endswith(": Medical history. Restore them, or discard them?")
    driver.click(driver.window.draft_bar.discard_button)
    driver.settle()

    driver.click(driver.window.new_client_button)
    driver.fill_client("Noa Peretz", "1980-02-03")
    driver.lock()
    driver.unlock(FAKE_PASSPHRASE)
    assert "Unsaved changes to a new client, Noa Peretz were kept at" in _bar_text(driver)
    assert _bar_text(driver).endswith(": Full name, Date of birth. Restore them, or discard them?")


def test_a_draft_kept_on_another_day_gives_its_date_too() -> None:
    now = dt.datetime(2026, 11, 25, 9, 0).astimezone()
    yesterday = dt.datetime(2026, 11, 24, 14, 56).astimezone()
    assert strip_isolates(kept_at(yesterday, now)) == "2026-11-24 14:56"
    assert strip_isolates(kept_at(now.replace(hour=14, minute=56), now)) == "14:56"


def test_only_the_fields_that_differ_from_the_saved_record_are_named() -> None:
    cid, sid = uuid.uuid4(), uuid.uuid4()
    now = dt.datetime.now()
    client = Client(cid, ClientData(full_name="Dana Levi"), now)
    session = Session(sid, cid, SessionData(date=OLD, subjective="old visit", plan="rest"), now)
    values = {"date": OLD.isoformat(), "subjective": "old visit", "objective": "",
              "assessment": "", "plan": "walk daily"}  # fmt: skip
    note = describe(Draft("session", cid, sid, values), client, session)
    assert (note.client, note.session_date, note.new, note.fields) == (
        "Dana Levi",
        OLD,
        False,
        ("plan",),
    )
    # Deleted since it was kept: a new session, its filled fields named.
    gone = describe(Draft("session", cid, sid, values), client, None)
    assert (gone.new, gone.fields) == (True, ("subjective", "plan"))


@pytest.mark.usefixtures("hebrew")
def test_the_bar_speaks_hebrew(make_gui: MakeGui, fake_api: FakeChartsideApi) -> None:
    driver, _old, _ = _open(make_gui, fake_api)
    driver.window.session_editor.plan.setPlainText("מנוחה")
    driver.lock()
    kept = _kept_at(fake_api, "session")
    driver.unlock(FAKE_PASSPHRASE)
    assert _bar_text(driver) == (
        f"שינויים שלא נשמרו במפגש של Dana Levi מיום {OLD:%Y-%m-%d %H:%M} נשמרו כטיוטה "
        f"ב־{kept}: תוכנית. לשחזר אותם או למחוק אותם?"
    )


def test_the_title_names_the_client_and_marks_unsaved_changes(
    make_gui: MakeGui, fake_api: FakeChartsideApi
) -> None:
    driver, _old, _ = _open(make_gui, fake_api)
    window = driver.window
    handle = window.windowHandle()
    assert handle is not None
    # What the window manager is given: "[*]" becomes "*" while there are unsaved changes.
    assert handle.title() == "Chartside — Dana Levi"
    window.session_editor.plan.setPlainText("changed")
    assert handle.title() == "Chartside — Dana Levi*"
    # A renamed client is named once saved, not while typed.
    window.client_editor.full_name.setText("Dana Levi-Cohen")
    assert handle.title() == "Chartside — Dana Levi*"
    driver.save_session()
    driver.click(window.client_editor.save_button)
    driver.settle()
    assert handle.title() == "Chartside — Dana Levi-Cohen"
    driver.lock()
    assert handle.title() == "Chartside"  # no name left behind the unlock screen
