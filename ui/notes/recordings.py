"""The recordings kept with the session in the form: "Recording 1:23" for each,
with Export… and Delete…, and a line for the takes held to be kept when the note is saved.

There is no Play: this build has no Qt Multimedia, and playing through anything else would
mean a decrypted file on disk. Export writes the decrypted WAV only where the clinician
chooses, after saying that the file is not encrypted; Export and Delete are audited reads
and deletes of the service (`api.dictation`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from uuid import UUID

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.dictation.types import KeptRecording, PcmAudio
from core.errors import ChartsideError
from ui.kit.bidi import ltr
from ui.kit.tasks import TaskRunner
from ui.notes.dictation_bar import elapsed_text

RECORDINGS_KEY = "main.recordings"  # the runner key of the list shown


def _write_private(path: Path, data: bytes) -> Path:
    """The file readable by its owner only: it is a patient's visit, unencrypted."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    return path


class RecordingRow(QWidget):
    """One kept recording: its length, Export… and Delete…."""

    def __init__(self, recording: KeptRecording, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recording = recording
        self.setObjectName("keptRecording")
        self.label = QLabel(
            self.tr("Recording {length}").format(length=ltr(elapsed_text(recording.duration_s))),
            self,
        )
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setObjectName("exportRecording")
        self.export_button.setToolTip(
            self.tr("Save the recording as a WAV file where you choose (not encrypted)")
        )
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setObjectName("deleteRecording")
        self.delete_button.setToolTip(self.tr("Delete the recording; the note stays"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.delete_button)


class Recordings(QWidget):
    """Under the session form: what is kept with the note, and what will be."""

    failed = Signal(object)  # an error, for the window to show
    written = Signal(str)  # a line for the status bar

    def __init__(
        self, api: ChartsideApi, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionRecordings")
        self._api, self._runner = api, runner
        self._session_id: UUID | None = None
        self.rows: list[RecordingRow] = []
        self.pending = QLabel(self)
        self.pending.setObjectName("pendingRecordings")
        self.pending.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.pending)
        self.show_pending([])

    # -- what is shown --------------------------------------------------------------------
    def show_session(self, session_id: UUID | None) -> None:
        """The recordings of the session now in the form (None: a new one, or none)."""
        self._session_id = session_id
        self._fill([])
        if session_id is None:
            self._runner.invalidate(RECORDINGS_KEY)
            return
        self._runner.latest(
            RECORDINGS_KEY,
            self._api.dictation.recordings,
            session_id,
            on_success=self._fill,
            on_error=self.failed.emit,
        )

    def show_pending(self, held: list[PcmAudio]) -> None:
        """The takes held in memory, to be kept when the note is saved."""
        seconds = sum(audio.duration_s for audio in held)
        self.pending.setText(
            self.tr(
                "Recordings to keep with the note when it is saved: {count} ({length}). "
                "A lock before then drops them."
            ).format(count=len(held), length=ltr(elapsed_text(seconds)))
        )
        self.pending.setVisible(bool(held))
        self._sync_visible()

    def _fill(self, recordings: list[KeptRecording]) -> None:
        for row in self.rows:
            self._layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        for recording in recordings:
            row = RecordingRow(recording, self)
            row.export_button.clicked.connect(lambda _=False, r=recording: self.export(r))
            row.delete_button.clicked.connect(lambda _=False, r=recording: self.delete(r))
            self._layout.insertWidget(len(self.rows), row)
            self.rows.append(row)
        self._sync_visible()

    def _sync_visible(self) -> None:
        self.setVisible(bool(self.rows) or not self.pending.isHidden())

    # -- export and delete ------------------------------------------------------------------
    def export(self, recording: KeptRecording) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Export recording"),
            self.tr(
                "The exported file is not encrypted: anyone who can open it hears the visit. "
                "Save it only where patient records may be kept. Export?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        chosen, _selected = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the recording as"),
            str(Path.home() / self.tr("recording.wav")),
            self.tr("WAV audio (*.wav)"),
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".wav":
            path = path.with_name(path.name + ".wav")
        self._runner.submit(
            _export,
            self._api,
            recording.id,
            path,
            on_success=self._on_written,
            on_error=self._on_write_failed(path),
        )

    def _on_written(self, path: Path) -> None:
        self.written.emit(self.tr("Recording written to {path}").format(path=ltr(path)))

    def _on_write_failed(self, path: Path) -> Callable[[BaseException], None]:
        def report(exc: BaseException) -> None:
            if isinstance(exc, OSError):
                exc = ChartsideError(
                    self.tr("The recording could not be written to {path}: {reason}").format(
                        path=ltr(path), reason=exc.strerror or type(exc).__name__
                    ),
                    self.tr("Choose another folder, or check that the disk has room."),
                )
            self.failed.emit(exc)

        return report

    def delete(self, recording: KeptRecording) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete recording"),
            self.tr(
                "Delete the recording ({length})? The note stays. This cannot be undone."
            ).format(length=ltr(elapsed_text(recording.duration_s))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        session_id = self._session_id
        self._runner.submit(
            self._api.dictation.delete_recording,
            recording.id,
            on_success=lambda _: self.show_session(session_id),
            on_error=self.failed.emit,
        )


def _export(api: ChartsideApi, recording_id: UUID, path: Path) -> Path:
    """Read (audited as an export) and write, on the worker: the bytes never reach the GUI
    thread, and leave memory only into the chosen file."""
    return _write_private(path, api.dictation.recording_file(recording_id, "export"))
