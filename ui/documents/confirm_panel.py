"""The facts read from a scanned page, each to be checked against the page before it joins
the timeline. Each row says what would be recorded and the words it
was read from, with the caution a number from a scan carries; choosing a row boxes those
words on the page image beside it. Nothing is checked to begin with: the clinician checks
each fact they have compared with the page, then confirms (or rejects) the checked ones.

The rows are PHI: `clear()` drops them (on lock, on another client)."""

from __future__ import annotations

from uuid import UUID

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.timeline.types import TimelineFact
from ui.kit.bidi import ltr
from ui.kit.contrast import WARNING_TEXT
from ui.kit.document_text import scan_caution

FACT_ROLE = Qt.ItemDataRole.UserRole + 1


class ConfirmFactsPanel(QWidget):
    """Emits `highlight(str)` with the words a chosen fact was read from, and
    `review(list[UUID], str)` with the checked facts' ids and "confirmed" or "rejected"."""

    highlight = Signal(str)
    review = Signal(list, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmFactsPanel")
        self.heading = QLabel(self.tr("Read from this scan: not in the timeline yet"), self)
        self.heading.setObjectName("confirmFactsHeading")
        self.heading.setWordWrap(True)
        self.caution = QLabel(self)
        self.caution.setObjectName("confirmFactsCaution")
        self.caution.setWordWrap(True)
        self.caution.setTextFormat(Qt.TextFormat.PlainText)
        self.caution.setStyleSheet(f"color: {WARNING_TEXT};")
        self.caution.setText(
            self.tr(
                "Each value is {caution}. Check the ones that match the page, then confirm them."
            ).format(caution=scan_caution())
        )
        self.list = QListWidget(self)
        self.list.setObjectName("pendingFacts")
        self.list.setAccessibleName(self.tr("Facts read from the scan"))
        self.list.setWordWrap(True)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemChanged.connect(lambda _item: self._enable())
        self.confirm = QPushButton(self.tr("&Confirm checked"), self)
        self.confirm.setObjectName("confirmFacts")
        self.confirm.clicked.connect(lambda: self._review("confirmed"))
        self.reject = QPushButton(self.tr("&Reject checked"), self)
        self.reject.setObjectName("rejectFacts")
        self.reject.setToolTip(self.tr("The page does not say this: keep it out of the timeline"))
        self.reject.clicked.connect(lambda: self._review("rejected"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reject)
        buttons.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.caution)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.clear()

    def show_facts(self, facts: list[TimelineFact]) -> None:
        """The page's pending facts; the panel hides itself when there are none."""
        self.list.blockSignals(True)
        self.list.clear()
        for fact in facts:
            item = QListWidgetItem(self.row_text(fact), self.list)
            item.setData(FACT_ROLE, fact)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._enable()
        self.setVisible(bool(facts))

    def clear(self) -> None:
        self.show_facts([])

    def facts(self) -> list[TimelineFact]:
        return [self.list.item(i).data(FACT_ROLE) for i in range(self.list.count())]

    def checked(self) -> list[UUID]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [i.data(FACT_ROLE).id for i in items if i.checkState() == Qt.CheckState.Checked]

    def row_text(self, t: TimelineFact) -> str:
        """What would be recorded, then the words it was read from."""
        fact = t.fact
        if fact.kind == "measurement" and fact.value is not None:
            value = ltr(f"{fact.value:g} {fact.unit or ''}".strip())
            what = self.tr("Value: {value}").format(value=value)
        elif fact.kind == "medication":
            drug = " ".join(x for x in (fact.name, fact.dose) if x)
            what = self.tr("Medication: {drug}").format(drug=drug)
        elif fact.kind == "diagnosis":
            what = self.tr("Diagnosis: {name}").format(name=fact.name)
        else:
            what = self.tr("Record: {name}").format(name=fact.name)
        read = self.tr("Read from: “{words}” ({caution})").format(
            words=fact.text, caution=scan_caution()
        )
        return f"{what}\n{read}"

    def _enable(self) -> None:
        some = bool(self.checked())
        self.confirm.setEnabled(some)
        self.reject.setEnabled(some)

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.highlight.emit(item.data(FACT_ROLE).fact.text)

    def _review(self, verdict: str) -> None:
        ids = self.checked()
        if ids:
            self.review.emit(ids, verdict)
