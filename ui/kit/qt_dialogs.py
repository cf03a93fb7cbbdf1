"""Qt's own dialogs in the window's language and order: the file dialog, standard buttons.

Qt's file dialog and standard buttons take their words from Qt's catalogue (qtbase_he).
It lacks the file dialog's labels as Qt 6 writes them ("&Look in:", "Files of &type:"), so
they showed in English, and it words buttons as commands ("שמור", "סגור", "שכח") where the
window's own are nouns ("שמירה", "סגירה"). Chartside's catalogue is installed after Qt's,
so Qt asks it first: `QT_WORDS` puts Qt's contexts in it (lupdate reads them here), and the
Hebrew is the window's own.

Qt's file dialog also lists sizes and dates in cells that a right-to-left window mirrors
("KiB 8.15"), its dates in the system's format. `FileDialogs`, an application event filter,
gives each file dialog a delegate that keeps a cell's value in its own order and writes a
date as the rest of the window does ("2026-11-27 09:15"). A desktop's native dialog is the
desktop's own and is left alone.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
)
from PySide6.QtWidgets import QFileDialog, QFileSystemModel, QStyleOptionViewItem

from ui.kit.bidi import IsolatingDelegate, ltr

QT_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Open"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Save"),
    QT_TRANSLATE_NOOP("QFileDialog", "&Choose"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
)
DATE_COLUMN = 3  # QFileSystemModel's "Date Modified"
DATE_TIME = "yyyy-MM-dd HH:mm"  # ui.kit.bidi.DATE_TIME, in Qt's words


class FileDialogDelegate(IsolatingDelegate):
    """Each cell in its own order, a file's date in the window's format."""

    def initStyleOption(  # noqa: N802 (Qt override)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        model = index.model()
        if isinstance(model, QFileSystemModel) and index.column() == DATE_COLUMN:
            when = model.lastModified(QModelIndex(index))
            option.text = ltr(when.toString(DATE_TIME)) if when.isValid() else ""


class FileDialogs(QObject):
    """Installed on the application: a Qt file dialog, as it is first shown, gets its
    delegate."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QFileDialog)
            and not isinstance(watched.itemDelegate(), FileDialogDelegate)
        ):
            watched.setItemDelegate(FileDialogDelegate(watched))
        return False
