"""A question whose yes runs a service call: the explanation, "Use …" and "Not now", a busy
bar while the call runs, and its error in place if it fails. The keyring offer and the
embedder offer both ask this way.

The texts come translated from the subclass (its own `tr` context is the one the catalogue
holds for them); nothing here calls `tr`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.kit.contrast import ALERT_TEXT
from ui.kit.errors import describe
from ui.kit.tasks import TaskRunner


class OfferDialog(QDialog):
    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._busy = False

    def _build(
        self, name: str, explanation: QLabel, working: str, use_text: str, skip_text: str
    ) -> None:
        """Lay the question out: `name` prefixes the widgets' object names ("keyringOffer"
        → "keyringOfferError"); `working` names the busy bar for screen readers."""
        self.error = QLabel(self)
        self.error.setObjectName(f"{name}Error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT_TEXT};")
        self.error.hide()
        self._progress = QProgressBar(self)
        self._progress.setRange(0, 0)
        self._progress.setTextVisible(False)
        self._progress.setAccessibleName(working)
        self._progress.hide()
        self.use_button = QPushButton(use_text, self)
        self.use_button.setObjectName(f"{name}Use")
        self.use_button.clicked.connect(self._use)
        self.skip_button = QPushButton(skip_text, self)
        self.skip_button.setObjectName(f"{name}Skip")
        self.skip_button.clicked.connect(self._skip)
        buttons = QHBoxLayout()
        buttons.addWidget(self._progress, 1)
        buttons.addStretch()
        buttons.addWidget(self.use_button)
        buttons.addWidget(self.skip_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    @property
    def busy(self) -> bool:
        return self._busy

    @property
    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def reject(self) -> None:
        if not self._busy:  # the choice is being recorded: let it finish
            super().reject()

    # -- for subclasses ------------------------------------------------------------------

    def _call(self) -> tuple[Callable[[], Any], Callable[[Any], None]]:
        """The service call "Use" runs, and what to do with its result before closing."""
        raise NotImplementedError

    def _skip(self) -> None:
        self.reject()

    # -- internals -----------------------------------------------------------------------

    def _use(self) -> None:
        if self._busy:
            return
        self.error.hide()
        self._set_busy(True)
        call, then = self._call()
        self._runner.submit(
            call, on_success=lambda result: self._done(then, result), on_error=self._failed
        )

    def _done(self, then: Callable[[Any], None], result: Any) -> None:
        self._set_busy(False)
        then(result)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.error.setText(describe(exc).as_text())
        self.error.show()
        self.skip_button.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._progress.setVisible(busy)
        self.use_button.setEnabled(not busy)
        self.skip_button.setEnabled(not busy)
