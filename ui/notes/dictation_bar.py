"""The widgets of dictation into a note field: the microphone button beside the
field, and the bar under it while a take is on: the input level, the time taken, what is
happening, and Stop, Accept and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTime, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

# What dictated words look like until they are accepted: a pale amber behind them, as a
# highlighter would mark them, readable in both the light and the dark palette's text.
DICTATED_BACKGROUND = QColor("#ffe9a8")
DICTATED_TEXT = QColor("#202124")
ICON_SIZE = 16


def elapsed_text(seconds: float) -> str:
    """A take's length as the clock shows it (m:ss): digits, the same in either language."""
    return QTime(0, 0).addSecs(int(seconds)).toString("m:ss")


def microphone_icon(color: QColor) -> QIcon:
    """A microphone drawn in `color`: no emoji font is sure to be there, and no icon theme
    has one under the same name everywhere."""
    icon = QIcon()
    for scale in (1, 2):
        side = ICON_SIZE * scale
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.scale(scale, scale)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color)
        p.drawRoundedRect(QRectF(5.5, 1, 5, 9), 2.5, 2.5)  # the capsule
        pen = QPen(color, 1.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        cup = QPainterPath(QPointF(3.5, 7))
        cup.cubicTo(QPointF(3.5, 13), QPointF(12.5, 13), QPointF(12.5, 7))
        p.drawPath(cup)
        p.drawLine(QPointF(8, 12), QPointF(8, 15))
        p.drawLine(QPointF(5.5, 15), QPointF(10.5, 15))
        p.end()
        icon.addPixmap(pixmap)
    return icon


class MicButton(QToolButton):
    """Starts and stops dictation into its field; checked while a take is recording."""

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field_name}Dictate")
        self.setCheckable(True)
        self.setAutoRaise(True)
        self.setIcon(microphone_icon(self.palette().color(QPalette.ColorRole.ButtonText)))
        self.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.setToolTip(self.tr("Dictate into this field (Ctrl+Shift+D)"))
        self.setAccessibleName(self.tr("Dictate"))


class DictationBar(QWidget):
    """Under a field while its take is on; hidden otherwise."""

    stop_requested = Signal()
    accept_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, field_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{field_name}DictationBar")
        self.meter = QProgressBar(self)
        self.meter.setObjectName("dictationLevel")
        self.meter.setRange(0, 100)
        self.meter.setTextVisible(False)
        self.meter.setFixedSize(72, 10)
        self.meter.setAccessibleName(self.tr("Input level"))
        self.elapsed = QLabel(self)
        self.elapsed.setObjectName("dictationElapsed")
        self.elapsed.setAccessibleName(self.tr("Time recorded"))
        self.status = QLabel(self)
        self.status.setObjectName("dictationStatus")
        self.status.setWordWrap(True)  # the line saying why dictation cannot start
        self.status.setToolTip(
            self.tr(
                "The words appear as they are heard, marked. Accept (or typing) keeps "
                "them; Cancel takes them out, leaving the field as it was."
            )
        )
        self.status.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.stop_button = QPushButton(self.tr("Stop"), self)
        self.stop_button.setObjectName("dictationStop")
        self.stop_button.setToolTip(self.tr("Stop listening; the words stay marked to check"))
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("dictationAccept")
        self.accept_button.setToolTip(self.tr("Keep the dictated words as typed text"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("dictationCancel")
        self.cancel_button.setToolTip(self.tr("Discard this take; the field is as it was"))
        # Off for every take: the sound is kept only when the clinician asks, each time.
        self.keep = QCheckBox(self.tr("Keep the recording with this note"), self)
        self.keep.setObjectName("dictationKeep")
        self.keep.setToolTip(
            self.tr(
                "The take's sound is stored encrypted with the note when the note is saved; "
                "until then it is held in memory only, and a lock drops it."
            )
        )
        self.keep.setVisible(False)
        self._can_keep = False
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        column.addLayout(row)
        column.addWidget(self.keep, 0, Qt.AlignmentFlag.AlignLeading)
        row.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.elapsed)
        row.addWidget(self.status, 1)
        for button in (self.stop_button, self.accept_button, self.cancel_button):
            row.addWidget(button)
        self.stop_button.clicked.connect(self.stop_requested)
        self.accept_button.clicked.connect(self.accept_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.hide()

    def allow_keep(self, allowed: bool) -> None:
        """Whether this field's takes may be kept with the note (a session's fields)."""
        self._can_keep = allowed

    @property
    def keeping(self) -> bool:
        return self._can_keep and self.keep.isChecked()

    def show_starting(self) -> None:
        self.keep.setChecked(False)
        self.keep.setVisible(self._can_keep)
        self._show(self.tr("Opening the microphone…"), meter=False)
        self.elapsed.setVisible(False)
        self.stop_button.setVisible(False)
        self.accept_button.setVisible(False)
        self.cancel_button.setText(self.tr("Cancel"))

    def show_recording(self) -> None:
        self._show(self.tr("Listening…"), meter=True)
        self.stop_button.setVisible(True)
        self.accept_button.setVisible(True)
        self.cancel_button.setText(self.tr("Cancel"))

    def show_finishing(self) -> None:
        self._show(self.tr("Hearing the last words…"), meter=False)
        self.stop_button.setVisible(False)

    def show_review(self) -> None:
        self._show(self.tr("Check the marked words."), meter=False)
        self.stop_button.setVisible(False)
        self.accept_button.setVisible(True)

    def show_message(self, text: str) -> None:
        """A line instead of a take (dictation cannot start), with a button to close it."""
        self._show(text, meter=False)
        self.elapsed.setVisible(False)
        self.stop_button.setVisible(False)
        self.accept_button.setVisible(False)
        self.keep.setVisible(False)
        self.cancel_button.setText(self.tr("Close"))

    def set_progress(self, level: float, elapsed_s: float) -> None:
        self.meter.setValue(round(level * 100))
        self.elapsed.setText(elapsed_text(elapsed_s))

    def _show(self, status: str, *, meter: bool) -> None:
        self.status.setText(status)
        self.meter.setVisible(meter)
        self.elapsed.setVisible(True)
        self.show()
