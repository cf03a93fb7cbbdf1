"""The client side of the main window: the list of clients with its name filter, and the
client's details box, which folds away to leave the height to the session being written."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.domain import ClientSummary
from ui.bidi import ltr
from ui.editors import ClientEditor
from ui.lists import IdList


class ClientListPane(QWidget):
    """Filter, list and "New client"; the window connects them and fills the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_filter = QLineEdit(self)
        self.client_filter.setObjectName("clientFilter")
        self.client_filter.setPlaceholderText(self.tr("Search clients by name"))
        self.client_filter.setAccessibleName(self.tr("Search clients by name"))
        self.client_filter.setClearButtonEnabled(True)
        self.client_list = IdList("clientList", self)
        self.client_list.setAccessibleName(self.tr("Clients"))
        self.new_client_button = QPushButton(self.tr("&New client"), self)
        self.new_client_button.setObjectName("newClient")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.client_filter)
        layout.addWidget(self.client_list, 1)
        layout.addWidget(self.new_client_button)

    def show_clients(self, clients: list[ClientSummary], current: object) -> None:
        """The clients by name, each with its date of birth; `current` stays selected."""
        rows = [
            (
                c.id,
                c.full_name,
                self.tr("Born {date}").format(date=ltr(c.date_of_birth.isoformat()))
                if c.date_of_birth is not None
                else "",
            )
            for c in sorted(clients, key=lambda c: c.full_name.casefold())
        ]
        self.client_list.set_rows(rows, current)


class ClientBox(QGroupBox):
    """The client's details, under a "Details" toggle. It asks for no more height than it
    needs, so that the splitter gives what the window has to spare to the session."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Client"), parent)
        self.client_editor = ClientEditor(self)
        self.client_toggle = QToolButton(self)
        self.client_toggle.setObjectName("clientDetailsToggle")
        self.client_toggle.setText(self.tr("Details"))
        self.client_toggle.setToolTip(self.tr("Show or hide the client's details"))
        self.client_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.client_toggle.setCheckable(True)
        self.client_toggle.setChecked(True)
        toggle_row = QHBoxLayout()
        toggle_row.addWidget(self.client_toggle)
        toggle_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(toggle_row)
        layout.addWidget(self.client_editor, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt override)
        return self.minimumSizeHint()
