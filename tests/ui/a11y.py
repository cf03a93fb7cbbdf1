"""Walking a window's widgets for the keyboard and accessibility checks (issue 14, point 5).

Independent of `ui.kit.contrast` and `ui.shell.menus`: the checks must not trust the code they
check.
Every widget of a window is walked, shown or hidden (a hidden row or button shows later,
with the same letters), except Qt's own parts of compound widgets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from uuid import UUID

from fake_api import FakeModelsPart
from gui_driver import SESSION_DATE, SOAP, GuiDriver
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAccessible, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolBar,
    QTreeView,
    QWidget,
)

from core.assistant.types import AskSource
from ui.access.unlock import Mode
from ui.tools.models_dialog import ModelsDialog


def mnemonic(text: str) -> str | None:
    """The Alt letter of `text` ("Sa&ve" → "V"); "&&" is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].upper()
            i += 1
        i += 1
    return None


def _internal(widget: QWidget, window: QWidget) -> bool:
    """A part Qt builds inside a compound widget (a spin box's line edit, a scroll area's
    viewport, a toolbar's extension button): named and reached through its owner."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QAbstractItemView, QTextEdit)):
            return True
        if isinstance(parent, QPlainTextEdit):
            return True
        parent = parent.parentWidget()
    return type(widget).__name__ in {"QToolBarExtension", "QLineEditIconButton"}


def widgets_of(window: QWidget) -> Iterator[QWidget]:
    """The widgets that belong to `window` itself (not to a dialog parented to it)."""
    yield window
    for widget in window.findChildren(QWidget):
        mine = widget.window() is window and not isinstance(widget, QMenu)
        if mine and not _internal(widget, window):
            yield widget


def describe(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") and callable(widget.text) else ""
    return f"{type(widget).__name__}({widget.objectName() or '?'}: {text!r})"


def window_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt letter → what uses it, for everything an Alt key reaches in `window`: buttons,
    labels with a buddy, group boxes, and the menu bar's titles."""
    found: dict[str, list[str]] = defaultdict(list)
    for widget in widgets_of(window):
        text = ""
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        letter = mnemonic(text)
        if letter is not None:
            found[letter].append(describe(widget))
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            letter = mnemonic(action.text())
            if letter is not None:
                found[letter].append(f"menu {action.text()!r}")
    return dict(found)


def clashes(found: dict[str, list[str]]) -> dict[str, list[str]]:
    return {letter: users for letter, users in found.items() if len(users) > 1}


def menu_mnemonics(menu: QMenu) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        letter = mnemonic(action.text())
        if letter is not None:
            found[letter].append(action.text())
    return dict(found)


def literal_ampersands(window: QWidget) -> list[str]:
    """Labels that would show an "&" as a character: a mnemonic with nowhere to go."""
    return [
        describe(w)
        for w in widgets_of(window)
        if isinstance(w, QLabel)
        and w.buddy() is None
        and w.textFormat() != Qt.TextFormat.RichText
        and mnemonic(w.text()) is not None
    ]


def focusable(widget: QWidget) -> bool:
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces: the accessible name, else Qt's fallbacks."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name).strip() if iface is not None else ""


def own_name(widget: QWidget, buddies: set[int]) -> bool:
    """Named for itself: an accessible name, a button's own text, or a label whose buddy
    it is. (Qt's last fallback, the surrounding group box's title, names every field in
    the box alike, so it does not count.)"""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return id(widget) in buddies and bool(accessible_name(widget))


def unnamed_controls(window: QWidget) -> list[str]:
    """Every control Tab can reach in `window` (shown or not) that has no name of its own."""
    mine = list(widgets_of(window))
    buddies = {id(w.buddy()) for w in mine if isinstance(w, QLabel) and w.buddy() is not None}
    return [
        describe(w)
        for w in mine
        if w is not window
        and focusable(w)
        and not isinstance(w, QToolBar)
        and not own_name(w, buddies)
    ]


# -- contrast (WCAG 2), computed here independently of ui.kit.contrast ---------------------------


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def _composite(fg: QColor, bg: QColor) -> tuple[float, float, float]:
    a = fg.alphaF()
    return tuple(  # type: ignore[return-value]
        f * a + b * (1 - a)
        for f, b in zip(
            (fg.redF(), fg.greenF(), fg.blueF()), (bg.redF(), bg.greenF(), bg.blueF()), strict=True
        )
    )


def contrast_ratio(fg: QColor, bg: QColor) -> float:
    r, g, b = _composite(fg, bg)
    lf = 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)
    lb = 0.2126 * _linear(bg.redF()) + 0.7152 * _linear(bg.greenF()) + 0.0722 * _linear(bg.blueF())
    hi, lo = max(lf, lb), min(lf, lb)
    return (hi + 0.05) / (lo + 0.05)


def background_of(widget: QWidget, role: QPalette.ColorRole, group: QPalette.ColorGroup) -> QColor:
    """The colour behind `widget`'s text: its own palette's, unless an ancestor paints its
    own background through a style sheet (the error banner)."""
    parent: QWidget | None = widget
    while parent is not None:
        if parent is not widget and "background" in parent.styleSheet():
            parent.ensurePolished()
            return parent.palette().color(group, QPalette.ColorRole.Window)
        parent = parent.parentWidget()
    return widget.palette().color(group, role)


Role = QPalette.ColorRole


def text_roles(widget: QWidget) -> tuple[QPalette.ColorRole, QPalette.ColorRole] | None:
    """(text, background) roles Qt paints `widget`'s text with; None for no text."""
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractItemView)):
        return Role.Text, Role.Base
    if isinstance(widget, QAbstractButton):
        return Role.ButtonText, Role.Button
    if isinstance(widget, (QLabel, QGroupBox)):
        return Role.WindowText, Role.Window
    return None


def low_contrast(window: QWidget, minimum: float = 4.5) -> list[str]:
    """Every text-bearing widget of `window` whose text, in the state it is in (and
    disabled, the state greyed rows and forms are in), reads below `minimum`."""
    out = []
    for widget in widgets_of(window):
        roles = text_roles(widget)
        if roles is None:
            continue
        widget.ensurePolished()
        fg_role, bg_role = roles
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Disabled):
            fg = widget.palette().color(group, fg_role)
            bg = background_of(widget, bg_role, group)
            ratio = contrast_ratio(fg, bg)
            if ratio < minimum:
                out.append(
                    f"{describe(widget)} {group.name} {fg.name()} on {bg.name()}: {ratio:.2f}"
                )
    return out


def low_contrast_items(view: QAbstractItemView, minimum: float = 4.5) -> list[str]:
    """Rows painted in a colour of their own (greyed rows) that read below `minimum` on
    the view's background."""
    model, out = view.model(), []
    base = view.palette().color(QPalette.ColorGroup.Active, Role.Base)
    # A list widget's model hides columnCount; a tree shows its columns in its header.
    columns = view.header().count() if isinstance(view, QTreeView) else 1
    for row in range(model.rowCount(QModelIndex())):
        for column in range(columns):
            brush = model.index(row, column).data(Qt.ItemDataRole.ForegroundRole)
            if brush is None:
                continue
            ratio = contrast_ratio(brush.color(), base)
            if ratio < minimum:
                out.append(f"{view.objectName()} row {row}: {brush.color().name()} {ratio:.2f}")
    return out


# -- every window and dialog the app opens, on the real service ------------------------------


def tour(driver: GuiDriver, passphrase: str, visit: Callable[[str, QWidget], None]) -> None:
    """First run to unlocked work, calling `visit(name, window)` on each window and dialog
    while it shows: create-passphrase, recovery key, keyring offer, main window (client and
    session open, an answer's sources listed), unsaved-changes question, backup, restore,
    diagnostics, practitioners, models, settings, delete local data, and the unlock screen
    after a lock. `driver` starts on an uninitialised service."""

    window = driver.window
    dialog = driver.wait_dialog(Mode.CREATE)
    visit("create passphrase", dialog)
    driver.submit_passphrase(passphrase, passphrase)
    driver.wait_until(lambda: window.isVisible() and driver.controller.unlock_dialog is None)
    recovery = driver.controller.recovery_dialog
    driver.wait_until(lambda: recovery is not None and recovery.isVisible())
    assert recovery is not None
    visit("recovery key", recovery)
    recovery.check_field.setText(recovery.key_field.text().split("-")[recovery.group])
    recovery.ok_button.click()
    offer = driver.controller.first_run.keyring_dialog
    driver.wait_until(lambda: offer is not None and offer.isVisible())
    assert offer is not None
    visit("keyring offer", offer)
    offer.skip_button.click()
    driver.settle()

    driver.click(window.new_client_button)
    driver.fill_client("Tour Client", "1980-01-31", "Asthma.", "Prefers mornings.")
    driver.save_client()
    driver.click(window.new_session_button)
    driver.fill_session(SESSION_DATE, SOAP)
    driver.save_session()
    assert window.session_editor.session_id is not None, window.banner.text
    client_id = window.client_editor.client_id
    assert client_id is not None
    # An answer's sources, one cited and one not (the greyed row).
    window.assistant_panel.sources.set_sources(
        [_source(1, client_id, used=True), _source(2, client_id, used=False)], show_all=True
    )
    window.draft_bar.show()  # as after an unlock with drafts kept: its buttons count too
    window.banner.show()
    visit("main window", window)
    window.draft_bar.hide()
    window.banner.hide()

    boxes: list[QMessageBox] = []

    def answer_cancel(box: QMessageBox) -> int:
        boxes.append(box)
        visit("unsaved changes", box)
        return int(QMessageBox.StandardButton.Cancel.value)

    original_exec = QMessageBox.exec
    QMessageBox.exec = answer_cancel  # type: ignore[method-assign]
    try:
        window.session_editor.plan.setPlainText("changed, not saved")
        driver.click(window.new_session_button)
    finally:
        QMessageBox.exec = original_exec  # type: ignore[method-assign]
    assert boxes, "the unsaved-changes question was not asked"
    window.session_editor.plan.setPlainText(SOAP["plan"])

    backup = driver.controller.backups.open_backup()
    driver.settle()
    visit("backup", backup)
    backup.reject()
    restore = driver.controller.backups.open_restore()
    visit("restore", restore)
    restore.reject()
    diagnostics = driver.controller.diagnostics.open()
    driver.wait_until(lambda: not diagnostics.busy)
    visit("diagnostics", diagnostics)
    diagnostics.hide()
    practitioners = driver.controller.practitioners.open()
    driver.wait_until(lambda: not practitioners.busy and bool(practitioners.usernames()))
    visit("practitioners", practitioners)
    practitioners.hide()
    # The models screen on a fake registry when the tour has none: its widgets are the same.
    api = driver.controller._api
    models = ModelsDialog(FakeModelsPart(), api, driver.controller.runner, window)
    models.show()
    models.refresh()
    driver.wait_until(lambda: not models.busy and bool(models.infos))
    visit("models", models)
    models.hide()
    models.shutdown()

    settings = driver.controller.settings_screen.open()
    visit("settings", settings)
    settings.reject()
    delete = driver.controller.delete_data.open()
    visit("delete local data", delete)
    delete.reject()

    driver.lock()
    visit("unlock", driver.dialog)
    driver.unlock(passphrase)


def _source(n: int, client_id: UUID, *, used: bool) -> AskSource:
    return AskSource(
        n=n,
        type="client",
        chunk_id=None,
        client_id=client_id,
        client_external_id=None,
        session_id=None,
        session_external_id=None,
        session_date=None,
        field="medical_history",
        snippet="Asthma.",
        score=0.5,
        used=used,
    )
