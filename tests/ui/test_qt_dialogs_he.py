"""Qt's own dialogs in the Hebrew window (ui/kit/qt_dialogs.py): the file dialog's words in
Hebrew, its sizes and dates in their own order and the window's date format, and Qt's
standard buttons worded as the window's own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QModelIndex
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QMessageBox,
    QTreeView,
)
from pytestqt.qtbot import QtBot
from test_i18n_he import hebrew  # noqa: F401 (the fixture)

from ui.kit.bidi import LRI, PDI
from ui.kit.qt_dialogs import QT_WORDS, FileDialogDelegate, FileDialogs

HEBREW_LETTER = re.compile("[\u05d0-\u05ea]")
LATIN_WORD = re.compile("[A-Za-z]{2,}")


def _file_dialog(qtbot: QtBot, folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "x", str(folder), "Text (*.txt)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.usefixtures("hebrew")
@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_the_file_dialog_speaks_hebrew_and_keeps_sizes_and_dates_in_order(
    qtbot: QtBot, tmp_path: Path, mode: QFileDialog.AcceptMode
) -> None:
    (tmp_path / "letter.txt").write_bytes(b"x" * 13_966)
    watcher = FileDialogs()
    QApplication.instance().installEventFilter(watcher)  # type: ignore[union-attr]
    try:
        dialog = _file_dialog(qtbot, tmp_path, mode)
        dialog.show()
        qtbot.waitExposed(dialog)
    finally:
        QApplication.instance().removeEventFilter(watcher)  # type: ignore[union-attr]
    words = [w.text() for w in dialog.findChildren(QLabel) + dialog.findChildren(QAbstractButton)]
    words = [w for w in words if w.strip()]
    assert words and [w for w in words if LATIN_WORD.search(w)] == [], words
    assert all(HEBREW_LETTER.search(w) for w in words), words
    # Its cells keep their order (a size read "KiB 13.64" mirrored) and write a date as
    # the window does.
    delegate = dialog.itemDelegate()
    assert isinstance(delegate, FileDialogDelegate)
    view = next(
        v for v in dialog.findChildren(QTreeView) if isinstance(v.model(), QFileSystemModel)
    )
    model = view.model()
    assert isinstance(model, QFileSystemModel)
    qtbot.waitUntil(lambda: model.rowCount(view.rootIndex()) == 1)
    row = model.index(0, 0, view.rootIndex())
    size = delegate.display_text(model.index(row.row(), 1, row.parent()))
    assert size.startswith(LRI + "13.") or size.startswith("\u2068" + "13."), size
    date = delegate.display_text(model.index(row.row(), 3, row.parent()))
    when = model.lastModified(QModelIndex(row)).toString("yyyy-MM-dd HH:mm")
    assert date == f"{LRI}{when}{PDI}"
    assert QDateTime.fromString(when, "yyyy-MM-dd HH:mm").isValid()


@pytest.mark.usefixtures("hebrew")
def test_qt_buttons_are_worded_as_the_windows_own() -> None:
    box = QMessageBox()
    box.setStandardButtons(
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel
    )
    words = {
        box.button(b).text()
        for b in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard)
    }
    assert words == {"שמירה", "ביטול השינויים"}  # Qt's own said "שמור" and "שכח"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "סגירה"  # "סגור"


@pytest.mark.usefixtures("hebrew")
def test_every_qt_word_has_hebrew() -> None:
    for context in ("QFileDialog", "QPlatformTheme"):
        for source in QT_WORDS:
            translated = QCoreApplication.translate(context, source)
            if translated != source:
                assert HEBREW_LETTER.search(translated), (context, source)
    missing = [
        s for s in QT_WORDS
        if QCoreApplication.translate("QFileDialog", s) == s
        and QCoreApplication.translate("QPlatformTheme", s) == s
    ]  # fmt: skip
    assert missing == []
