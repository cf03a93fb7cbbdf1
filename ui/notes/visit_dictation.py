"""Dictate the visit: one recording of the whole visit, sorted into a
SOAP draft by rules (`core/dictation/soap.py`: no sentence that was not said), shown for
review with each sentence's time in the recording and the numbers and drug names the model
was unsure of highlighted (`core/dictation/review.py`). "Put into the note" adds each
section to the session's own field, where the clinician edits it and saves it as any note;
until then it is the form's unsaved text, kept as a draft through a lock like typing. With
"Keep the recording with this note" ticked, the visit's sound goes to the form too, held in
memory until the note is saved (a lock drops it)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from core.api import ChartsideApi
from core.dictation.prompt import Vocabulary, vocabulary_from_facts
from core.dictation.recorder import Recording
from core.dictation.review import Reason, to_review
from core.dictation.soap import SECTIONS, SoapDraft
from core.dictation.types import Transcript
from core.progress import CancelToken
from ui.kit.bidi import isolate
from ui.kit.fields import field_label
from ui.kit.tasks import TaskRunner
from ui.notes.dictation_bar import elapsed_text

TICK_MS = 100
# While listening the take is heard every few seconds, only so that its closed stretches
# are done by Stop: the review then waits for the last few seconds, not the whole visit.
PASS_MS = 3000
FLAGGED_BACKGROUND = "#ffc48a"


@dataclass(frozen=True)
class VisitDraft:
    transcript: Transcript
    draft: SoapDraft
    review: dict[int, Reason]


class VisitDictationDialog(QDialog):
    """Listening, then the draft to review. `put_into_note(section texts)` on acceptance."""

    put_into_note = Signal(dict)
    keep_audio = Signal(object)  # the visit's PcmAudio, when Keep was ticked
    failed = Signal(object)

    def __init__(
        self,
        api: ChartsideApi,
        runner: TaskRunner,
        client_id: UUID | None,
        parent: QWidget | None = None,
        can_keep: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("visitDictation")
        self.setWindowTitle(self.tr("Dictate the visit"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._api, self._runner, self._client_id = api, runner, client_id
        self.recording: Recording | None = None
        self.result: VisitDraft | None = None
        self._cancel = CancelToken()
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedSize(120, 10)
        self.meter.setAccessibleName(self.tr("Input level"))
        self.elapsed = QLabel(self)
        self.status = QLabel(self.tr("Opening the microphone…"), self)
        self.status.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("&Stop"), self)
        self.stop_button.setEnabled(False)
        self.view = QTextBrowser(self)
        self.view.setObjectName("visitDraft")
        self.view.setAccessibleName(self.tr("The visit's draft"))
        self.view.hide()
        self.keep = QCheckBox(self.tr("&Keep the recording with this note"), self)
        self.keep.setObjectName("visitKeep")
        self.keep.setToolTip(
            self.tr(
                "The visit's sound is stored encrypted with the note when the note is saved; "
                "until then it is held in memory only, and a lock drops it."
            )
        )
        self.keep.setVisible(can_keep)
        self._can_keep = can_keep
        self.buttons = QDialogButtonBox(self)
        self.put_button = self.buttons.addButton(
            self.tr("&Put into the note"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.put_button.setEnabled(False)
        self.discard_button = self.buttons.addButton(
            self.tr("&Discard"), QDialogButtonBox.ButtonRole.RejectRole
        )
        top = QHBoxLayout()
        top.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.elapsed)
        top.addWidget(self.status, 1)
        top.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignLeading)
        layout.addWidget(self.buttons)
        self.stop_button.clicked.connect(self.stop)
        self.put_button.clicked.connect(self._put)
        self.discard_button.clicked.connect(self.reject)
        self._ticker = QTimer(self, interval=TICK_MS)
        self._ticker.timeout.connect(self._tick)
        self._passes = QTimer(self, interval=PASS_MS)
        self._passes.timeout.connect(self._pass)
        self._hearing = False
        self.resize(720, 520)

    def start(self) -> None:
        self._runner.submit(
            self._api.dictation.record,
            self._client_id,
            on_success=self._started,
            on_error=self._failed,
        )

    def _started(self, recording: Recording) -> None:
        if self._cancel.cancelled:
            recording.cancel()
            return
        self.recording = recording
        self.status.setText(self.tr("Listening to the visit…"))
        self.stop_button.setEnabled(True)
        self._ticker.start()
        self._passes.start()

    def _tick(self) -> None:
        if self.recording is not None:
            self.meter.setValue(round(self.recording.level * 100))
            self.elapsed.setText(elapsed_text(self.recording.elapsed_s))

    def _pass(self) -> None:
        if self.recording is not None and not self._hearing:
            self._hearing = True
            self._runner.submit(
                self.recording.update, self._cancel, on_success=self._passed, on_error=self._lost
            )

    def _passed(self, _transcript: Transcript) -> None:
        self._hearing = False

    def _lost(self, exc: BaseException) -> None:
        self._hearing = False
        if not self._cancel.cancelled:
            self._failed(exc)

    def stop(self) -> None:
        recording = self.recording
        if recording is None:
            return
        self._ticker.stop()
        self._passes.stop()
        self._tick()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Hearing the last words and sorting them…"))
        client_id, api, cancel = self._client_id, self._api, self._cancel

        def hear() -> VisitDraft:
            transcript = recording.finish(cancel)
            vocabulary = Vocabulary()
            if client_id is not None:
                vocabulary = vocabulary_from_facts(api.timeline.facts(client_id))
            return VisitDraft(
                transcript, api.dictation.draft(transcript), to_review(transcript.words, vocabulary)
            )

        self._runner.submit(hear, on_success=self._show_draft, on_error=self._lost)

    def _show_draft(self, result: VisitDraft) -> None:
        if self._cancel.cancelled:
            return
        self.result = result
        self.meter.hide()
        self.status.setText(
            self.tr("Check the draft: highlighted words are numbers or drug names to check.")
        )
        self.view.setHtml(draft_html(result, self.tr("[{time}]"), field_label))
        self.view.show()
        self.put_button.setEnabled(bool(result.draft.sentences))

    def _put(self) -> None:
        if self.result is not None:
            self.put_into_note.emit({s: self.result.draft.text(s) for s in SECTIONS})
            if self._can_keep and self.keep.isChecked() and self.recording is not None:
                self.keep_audio.emit(self.recording.audio())
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)
        self.reject()

    def done(self, result: int) -> None:
        self._cancel.cancel()
        self._ticker.stop()
        self._passes.stop()
        if self.recording is not None:
            self._runner.submit(self.recording.cancel)  # the sound goes, the mic closes
            self.recording = None
        super().done(result)


def draft_html(result: VisitDraft, time_format: str, label: Callable[[str], str]) -> str:
    """Each section's sentences, each with its time; flagged words highlighted."""
    words = result.transcript.words
    parts: list[str] = []
    for section in SECTIONS:
        sentences = result.draft.section(section)
        if not sentences:
            continue
        parts.append(f"<h3>{html.escape(label(section))}</h3>")
        for sentence in sentences:
            when = time_format.format(time=_clock(sentence.start))
            shown: list[str] = []
            for i in range(sentence.first, sentence.last):
                text = html.escape(words[i].text)
                if i in result.review:
                    text = f'<span style="background-color:{FLAGGED_BACKGROUND}">{text}</span>'
                shown.append(text)
            parts.append(
                f'<p><span style="color:#5f6368">{html.escape(isolate(when))}</span> '
                f"{' '.join(shown)}</p>"
            )
    return "".join(parts)


def _clock(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
