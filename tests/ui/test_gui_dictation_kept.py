"""Keeping a take's recording with the note (issue 29: "audio is never written to disk in
the clear; it is kept only if the clinician chooses, and then encrypted like a note") in
the real window, on the real service and database, with the real packaged speech model
hearing a real recording that a stand-in microphone hands over."""

from __future__ import annotations

import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from fake_api import FakeChartsideApi
from gui_driver import GuiDriver
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import text
from test_gui_dictation import (  # noqa: F401 (the fixtures)
    HEARD_MS,
    SUBJECTIVE,
    _open_session,
    dictating,
    recording,
    sources,
)
from test_gui_drafts import TYPED, _answer, _click_row
from test_gui_drafts import _open as _open_drafts

from core.api import ChartsideApi
from core.dictation.kept import pcm_of
from core.dictation.types import PcmAudio
from core.dictation.wer import words
from core.services.service import ChartsideService
from models.speech_audio import read_audio
from tests.conftest import PASSPHRASE
from tests.dictation_source import DATA, WavSource
from ui.kit.bidi import strip_isolates
from ui.notes.dictation_bar import elapsed_text
from ui.notes.dictation_take import dictated_spans
from ui.notes.note_edit import NoteEdit
from ui.notes.recordings import Recordings
from ui.notes.unsaved import Unsaved

MakeGui = Callable[[ChartsideApi], GuiDriver]


def _recordings(driver: GuiDriver) -> Recordings:
    return driver.window.sessions_box.recordings


def _take(driver: GuiDriver, field: NoteEdit, microphones: list[WavSource], *, keep: bool) -> None:
    """A whole take of the recording into `field`, stopped and left for review, with Keep
    ticked or not."""
    dictation = driver.window.dictation
    bar = dictation.bar(field)
    driver.click(dictation.button(field))
    driver.wait_until(lambda: dictation.take is not None and dictation.take.phase == "recording",
                      HEARD_MS)  # fmt: skip
    # Offered for a session's field, and off for every take.
    assert bar.keep.isVisible() and not bar.keep.isChecked()
    if keep:
        driver.click(bar.keep)
        assert bar.keep.isChecked()
    driver.wait_until(lambda: microphones[-1].played.is_set(), HEARD_MS)
    driver.wait_until(lambda: "knee" in words(" ".join(dictated_spans(field))), HEARD_MS)
    driver.click(bar.stop_button)
    driver.wait_until(lambda: dictation.take is not None and dictation.take.phase == "review",
                      HEARD_MS)  # fmt: skip


def _session_id(svc: ChartsideService):
    return svc.notes.list_sessions(svc.notes.list_clients()[0].id)[0].id


def _actions(svc: ChartsideService) -> list[str]:
    return [e["action"] for e in svc.health.audit_export()]


def test_a_kept_take_is_saved_with_the_note_exported_and_deleted(
    dictating: ChartsideService,  # noqa: F811 (the fixture)
    sources: list[WavSource],  # noqa: F811
    make_gui: MakeGui,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    driver = make_gui(dictating)
    field = _open_session(driver, dictating)
    shown = _recordings(driver)
    assert not shown.isVisible()  # nothing kept yet, nothing held
    _take(driver, field, sources, keep=True)
    driver.click(driver.window.dictation.bar(field).accept_button)
    # Held in memory until the note is saved, and said so.
    assert len(driver.window.session_editor.held_recordings) == 1
    assert shown.pending.isVisible() and "saved" in shown.pending.text()
    assert dictating.dictation.recordings(_session_id(dictating)) == []

    driver.save_session()
    driver.wait_until(lambda: len(shown.rows) == 1)
    assert not shown.pending.isVisible()
    assert driver.window.session_editor.held_recordings == ()
    [kept] = dictating.dictation.recordings(_session_id(dictating))
    label = strip_isolates(shown.rows[0].label.text())
    assert label == f"Recording {elapsed_text(kept.duration_s)}"
    # The whole take: the recording as the microphone said it, then the room's silence.
    said = read_audio(DATA / "knee.wav")
    audio = pcm_of(dictating.dictation.recording_file(kept.id, "play"))
    assert audio.sample_rate == said.sample_rate
    assert audio.samples[: len(said.samples)] == said.samples
    assert not any(audio.samples[len(said.samples) :])

    # Export: a warning first, then the file only where the clinician chose, private.
    questions: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_: object) -> QMessageBox.StandardButton:
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    out = tmp_path / "visit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(out), "WAV (*.wav)"))
    driver.click(shown.rows[0].export_button)
    written = out.with_name("visit.wav")
    driver.wait_until(lambda: "visit.wav" in driver.window.statusBar().currentMessage())
    assert "not encrypted" in questions[0]
    assert pcm_of(written.read_bytes()) == audio
    assert stat.S_IMODE(written.stat().st_mode) == 0o600

    # Delete, confirmed: the recording goes, the note stays.
    driver.click(shown.rows[0].delete_button)
    driver.wait_until(lambda: not shown.rows)
    assert "cannot be undone" in questions[1]
    assert dictating.dictation.recordings(_session_id(dictating)) == []
    assert "knee" in words(dictating.notes.get_session(_session_id(dictating)).data.subjective)
    actions = _actions(dictating)
    for action in ("recording.keep", "recording.export", "recording.delete"):
        assert action in actions


def test_without_keep_or_after_cancel_nothing_is_kept(
    dictating: ChartsideService,  # noqa: F811 (the fixture)
    sources: list[WavSource],  # noqa: F811
    make_gui: MakeGui,
) -> None:
    driver = make_gui(dictating)
    field = _open_session(driver, dictating)
    dictation = driver.window.dictation
    _take(driver, field, sources, keep=False)  # accepted, Keep not ticked
    driver.click(dictation.bar(field).accept_button)
    assert driver.window.session_editor.held_recordings == ()
    _take(driver, field, sources, keep=True)  # ticked, then cancelled
    driver.click(dictation.bar(field).cancel_button)
    driver.wait_until(lambda: dictation.take is None)
    assert driver.window.session_editor.held_recordings == ()
    assert not _recordings(driver).isVisible()

    driver.save_session()
    saved = dictating.notes.get_session(_session_id(dictating)).data.subjective
    assert "knee" in words(saved) and saved.startswith(SUBJECTIVE)
    assert dictating.dictation.recordings(_session_id(dictating)) == []
    assert "recording.keep" not in _actions(dictating)


def _needles(audio: PcmAudio) -> list[bytes]:
    middle = len(audio.samples) // 2
    return [audio.samples[i : i + 512] for i in (middle // 2, middle, middle + middle // 2)]


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and not p.is_socket()]


def _read(path: Path) -> bytes:
    """A file's bytes; b"" when it went meanwhile (the temporary directory is shared)."""
    try:
        return path.read_bytes()
    except OSError:
        return b""


@pytest.mark.parametrize("recording", [DATA / "chest_pain.wav"])
def test_a_lock_before_the_save_drops_a_held_visit_and_writes_no_sound(
    dictating: ChartsideService,  # noqa: F811 (the fixture)
    sources: list[WavSource],  # noqa: F811
    make_gui: MakeGui,
) -> None:
    tmp = Path(tempfile.gettempdir())
    before = set(tmp.iterdir())
    driver = make_gui(dictating)
    _open_session(driver, dictating)
    editor, dictation = driver.window.session_editor, driver.window.dictation
    driver.click(editor.dictate_visit_button)
    driver.wait_until(lambda: dictation.visit_dialog is not None)
    dialog = dictation.visit_dialog
    assert dialog is not None and dialog.keep.isVisible() and not dialog.keep.isChecked()
    driver.click(dialog.keep)
    assert dialog.keep.isChecked()
    driver.wait_until(lambda: dialog.recording is not None)
    driver.wait_until(lambda: sources[0].played.is_set(), HEARD_MS)
    driver.click(dialog.stop_button)
    driver.wait_until(lambda: dialog.result is not None, HEARD_MS)
    driver.click(dialog.put_button)
    driver.wait_until(lambda: dictation.visit_dialog is None)
    [held] = editor.held_recordings
    assert held.duration_s > read_audio(DATA / "chest_pain.wav").duration_s
    assert _recordings(driver).pending.isVisible()

    # Locked before the save: the words are kept as an encrypted draft, the sound is not.
    driver.lock()
    assert editor.held_recordings == ()
    with dictating.db.owner.connect() as conn:
        conn.execute(text("CHECKPOINT"))  # from shared buffers to the data files
    needles = _needles(read_audio(DATA / "chest_pain.wav"))
    assert all(max(n) > 0 for n in needles)  # sound, not silence
    data_dir = dictating.settings.data_dir
    scanned = [*_files(data_dir)]
    for new in set(tmp.iterdir()) - before:
        scanned += [new] if new.is_file() else _files(new)
    assert len(scanned) > 100  # the whole cluster, WAL included
    for path in scanned:
        blob = _read(path)
        assert not any(n in blob for n in needles), f"sound in the clear in {path}"

    driver.unlock(PASSPHRASE)
    driver.wait_until(driver.window.draft_bar.isVisible)
    driver.click(driver.window.draft_bar.restore_button)
    driver.settle()
    assert "chest" in words(editor.subjective.toPlainText())
    driver.save_session()
    assert dictating.dictation.recordings(_session_id(dictating)) == []
    assert "recording.keep" not in _actions(dictating)


@pytest.mark.parametrize("recording", [DATA / "chest_pain.wav"])
def test_a_kept_visit_is_saved_with_the_note(
    dictating: ChartsideService,  # noqa: F811 (the fixture)
    sources: list[WavSource],  # noqa: F811
    make_gui: MakeGui,
) -> None:
    driver = make_gui(dictating)
    _open_session(driver, dictating)
    editor, dictation = driver.window.session_editor, driver.window.dictation
    driver.click(editor.dictate_visit_button)
    driver.wait_until(lambda: dictation.visit_dialog is not None)
    dialog = dictation.visit_dialog
    assert dialog is not None
    driver.click(dialog.keep)
    assert dialog.keep.isChecked()
    driver.wait_until(lambda: dialog.recording is not None)
    driver.wait_until(lambda: sources[0].played.is_set(), HEARD_MS)
    driver.click(dialog.stop_button)
    driver.wait_until(lambda: dialog.result is not None, HEARD_MS)
    driver.click(dialog.put_button)
    driver.wait_until(lambda: dictation.visit_dialog is None)
    driver.save_session()
    shown = _recordings(driver)
    driver.wait_until(lambda: len(shown.rows) == 1)
    [kept] = dictating.dictation.recordings(_session_id(dictating))
    said = read_audio(DATA / "chest_pain.wav")
    audio = pcm_of(dictating.dictation.recording_file(kept.id, "play"))
    assert audio.samples[: len(said.samples)] == said.samples


# -- the unsaved-changes dialog, on the in-memory FakeChartsideApi ------------------------------


@pytest.mark.parametrize("answer", [Unsaved.SAVE, Unsaved.DISCARD])
def test_leaving_the_note_saves_its_held_take_with_it_or_drops_it(
    make_gui: MakeGui,
    fake_api: FakeChartsideApi,
    monkeypatch: pytest.MonkeyPatch,
    answer: Unsaved,
) -> None:
    """Moving to another session asks about the unsaved note: Save keeps the held take
    with the note (in the same worker call as the save), Discard drops it."""
    _answer(monkeypatch)  # teardown never waits on a real dialog
    driver, old, new = _open_drafts(make_gui, fake_api)
    editor = driver.window.session_editor
    editor.subjective.setPlainText(TYPED)
    audio = PcmAudio(bytes(range(256)) * 125, 16_000)  # held as a take would be
    editor.hold_recording(audio)
    assert _recordings(driver).pending.isVisible()
    _answer(monkeypatch, answer)
    _click_row(driver, new)
    driver.wait_until(lambda: editor.session_id == new)
    driver.settle()
    assert editor.held_recordings == () and not _recordings(driver).pending.isVisible()
    kept = list(fake_api.dictation.kept.values())
    if answer is Unsaved.SAVE:
        assert [(k.session_id, a) for k, a in kept] == [(old, audio)]
        assert fake_api.sessions[old].data.subjective == TYPED
    else:
        assert kept == []
