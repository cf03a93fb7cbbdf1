"""The settings screen: every setting config.toml may hold, with its value as Chartside
would start with it now.

The fields are built from core's pydantic models (core.settings); the files are read and
written through the service's config part (`api.config`), never here: a save is checked by
start-up's own checks, so a value start-up would refuse is refused here with the same
message, and nothing is written. Keys the system policy sets are shown disabled, with the
file that locks them. Nothing here touches the notes.
"""

from __future__ import annotations

import re
import types
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, SecretStr
from pydantic.fields import FieldInfo
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.api import ConfigPart
from core.errors import ChartsideError
from core.settings import Settings
from ui.kit.bidi import isolate, ltr
from ui.kit.contrast import ALERT_TEXT, WARNING_TEXT
from ui.kit.errors import describe

INT_LIMIT = 2**31 - 1  # QSpinBox's own; a key without bounds is checked on save instead
COMBO_CHARS = 24  # a choice's width in characters
_CHOICES = re.compile(r"^\^\(([\w|]+)\)\$$")


def _t(text: str) -> str:
    return QCoreApplication.translate("SettingsDialog", text)


def section_title(section: str) -> str:
    # Literals, marked for pyside6-lupdate; translated on the way out.
    titles = {
        "": QT_TRANSLATE_NOOP("SettingsDialog", "&General"),
        "database": QT_TRANSLATE_NOOP("SettingsDialog", "&Database"),
        "crypto": QT_TRANSLATE_NOOP("SettingsDialog", "&Encryption"),
        "models": QT_TRANSLATE_NOOP("SettingsDialog", "&Models"),
        "assistant": QT_TRANSLATE_NOOP("SettingsDialog", "&Assistant"),
        "security": QT_TRANSLATE_NOOP("SettingsDialog", "Se&curity"),
        "backup": QT_TRANSLATE_NOOP("SettingsDialog", "&Backup"),
        "ui": QT_TRANSLATE_NOOP("SettingsDialog", "&Interface"),
    }
    return _t(titles[section]) if section in titles else section


def setting_label(key: str) -> str:
    """The on-screen name of a dotted setting; a key added to core before the screen
    knows it still shows, under its own name."""
    labels = {
        "data_dir": QT_TRANSLATE_NOOP("SettingsDialog", "Data folder (empty: the default)"),
        "log_level": QT_TRANSLATE_NOOP("SettingsDialog", "Log level"),
        "database.url": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Clinic server URL (empty: the embedded database)"
        ),
        "database.runtime_url": QT_TRANSLATE_NOOP("SettingsDialog", "Everyday connection URL"),
        "database.connect_timeout_s": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Connection timeout (seconds)"
        ),
        "database.reconnect_s": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Keep reconnecting to the server for (seconds)"
        ),
        "crypto.argon2_memory_kib": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Key derivation memory (KiB)"
        ),
        "crypto.argon2_iterations": QT_TRANSLATE_NOOP("SettingsDialog", "Key derivation passes"),
        "crypto.argon2_lanes": QT_TRANSLATE_NOOP("SettingsDialog", "Key derivation lanes"),
        "models.embedder_query_threads": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Embedder threads for questions"
        ),
        "models.embedder_batch_threads": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Embedder threads in the background"
        ),
        "models.embedder_index_threads": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Embedder threads for “chartside index”"
        ),
        "models.generator_threads": QT_TRANSLATE_NOOP("SettingsDialog", "Generator threads"),
        "models.generator_batch_threads": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Generator threads reading the prompt"
        ),
        "models.generator_context": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Generator context (tokens)"
        ),
        "models.generation_timeout_s": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Answer time limit (seconds)"
        ),
        "models.default_generator": QT_TRANSLATE_NOOP("SettingsDialog", "Default generator"),
        "models.soap_model_sort": QT_TRANSLATE_NOOP(
            "SettingsDialog", "The local model sorts dictated visits"
        ),
        "assistant.sources": QT_TRANSLATE_NOOP("SettingsDialog", "Passages offered to the model"),
        "assistant.source_tokens": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Tokens of passages at most"
        ),
        "assistant.answer_format": QT_TRANSLATE_NOOP("SettingsDialog", "Answer format"),
        "assistant.max_answer_tokens": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Answer length at most (tokens)"
        ),
        "assistant.max_question_chars": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Question length at most (characters)"
        ),
        "assistant.relevance_floor": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Relevance floor (below it: refuse)"
        ),
        "assistant.weak_support": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Weak support (below it: flag the sentence)"
        ),
        "assistant.rate_limit_per_minute": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Questions per minute at most (0: no limit)"
        ),
        "assistant.cache_ttl_hours": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Keep cached answers for (hours)"
        ),
        "assistant.cache_max_entries": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Cached answers at most"
        ),
        "assistant.cache_similarity": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Similarity for a cached answer"
        ),
        "security.auto_lock_minutes": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Lock after this many idle minutes"
        ),
        "security.export_allowed": QT_TRANSLATE_NOOP("SettingsDialog", "Allow exporting notes"),
        "security.keyring_allowed": QT_TRANSLATE_NOOP("SettingsDialog", "Allow the OS keyring"),
        "backup.every_hours": QT_TRANSLATE_NOOP(
            "SettingsDialog", "Back up every (hours; 0: never)"
        ),
        "backup.keep": QT_TRANSLATE_NOOP("SettingsDialog", "Scheduled backups to keep"),
        "backup.folder": QT_TRANSLATE_NOOP("SettingsDialog", "Backup folder"),
        "ui.language": QT_TRANSLATE_NOOP("SettingsDialog", "Language"),
    }
    return _t(labels[key]) if key in labels else key


# The packaged generators models.default_generator names (models/packaged.py), as the
# Models screen lists them.
_GENERATORS = {
    "qwen": "Qwen2.5-Coder-1.5B-Instruct",
    "instruct": "SmolLM2-135M-Instruct",
}


def choice_label(key: str, value: str) -> str:
    """How a setting's allowed value shows on screen; config.toml keeps the value itself
    (the combo box's item data). A value added to core before the screen knows it shows
    as it is."""
    if key == "ui.language":
        # Each language by its own name, in its own script, whatever the window's language.
        return {"en": isolate("English"), "he": "עברית"}.get(value, value)
    if key == "models.default_generator" and value in _GENERATORS:
        described = {
            "qwen": QT_TRANSLATE_NOOP("SettingsDialog", "{name} (larger)"),
            "instruct": QT_TRANSLATE_NOOP("SettingsDialog", "{name} (small)"),
        }
        return _t(str(described[value])).format(name=isolate(_GENERATORS[value]))
    labels = {
        ("models.default_generator", "auto"): QT_TRANSLATE_NOOP(
            "SettingsDialog", "Automatic (by free memory)"
        ),
        ("assistant.answer_format", "text"): QT_TRANSLATE_NOOP(
            "SettingsDialog", "Text with [n] markers"
        ),
        ("assistant.answer_format", "json"): QT_TRANSLATE_NOOP(
            "SettingsDialog", "Structured (JSON), one entry per sentence"
        ),
        ("log_level", "DEBUG"): QT_TRANSLATE_NOOP("SettingsDialog", "Debugging (everything)"),
        ("log_level", "INFO"): QT_TRANSLATE_NOOP("SettingsDialog", "Information"),
        ("log_level", "WARNING"): QT_TRANSLATE_NOOP("SettingsDialog", "Warnings"),
        ("log_level", "ERROR"): QT_TRANSLATE_NOOP("SettingsDialog", "Errors only"),
    }
    label = labels.get((key, value))
    return _t(str(label)) if label is not None else value


def settings_fields() -> list[tuple[str, str, FieldInfo]]:
    """(section, dotted key, field) of every setting, in the models' order; top-level
    keys are in section ""."""
    out: list[tuple[str, str, FieldInfo]] = []
    sections: list[tuple[str, type[BaseModel]]] = []
    for name, field in Settings.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            sections.append((name, annotation))
        else:
            out.append(("", name, field))
    for section, model in sections:
        out.extend((section, f"{section}.{name}", f) for name, f in model.model_fields.items())
    return out


def _base_type(annotation: Any) -> tuple[Any, bool]:
    """(the type, whether None is allowed) of `X` or `X | None`."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        return (args[0] if len(args) == 1 else str), True
    return annotation, False


def _bounds(field: FieldInfo) -> tuple[float | None, float | None]:
    low = high = None
    for meta in field.metadata:
        if isinstance(meta, annotated_types.Ge | annotated_types.Gt):
            low = float(meta.ge if isinstance(meta, annotated_types.Ge) else meta.gt)
        elif isinstance(meta, annotated_types.Le | annotated_types.Lt):
            high = float(meta.le if isinstance(meta, annotated_types.Le) else meta.lt)
    return low, high


def _choices(field: FieldInfo) -> list[str] | None:
    for meta in field.metadata:
        pattern = getattr(meta, "pattern", None)
        if isinstance(pattern, str) and (m := _CHOICES.match(pattern)):
            return m.group(1).split("|")
    return None


def _current(settings: Settings, key: str) -> Any:
    value: Any = settings
    for part in key.split("."):
        value = getattr(value, part)
    return value


class _Field:
    """One setting's editor: reads and writes its widget as a Python value."""

    def __init__(self, key: str, field: FieldInfo, parent: QWidget) -> None:
        self.key = key
        kind, self.optional = _base_type(field.annotation)
        self.secret = kind is SecretStr
        self.path = kind is Path
        self.widget: QWidget
        choices = _choices(field)
        if kind is bool:
            self.widget = QCheckBox(parent)
        elif choices is not None:
            combo = QComboBox(parent)
            for choice in choices:
                combo.addItem(choice_label(key, choice), choice)
            # Sized like the other fields, not by its longest label (a model's name), which
            # widened the page past the dialog; the list shows the labels whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_CHARS)
            self.widget = combo
        elif kind is int or kind is float:
            low, high = _bounds(field)
            spin: QSpinBox | QDoubleSpinBox
            if kind is int:
                spin = QSpinBox(parent)
                spin.setRange(int(low) if low is not None else 0, int(high or INT_LIMIT))
            else:
                spin = QDoubleSpinBox(parent)
                spin.setDecimals(2)
                spin.setSingleStep(0.05)
                spin.setRange(low or 0.0, high if high is not None else 1e9)
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.UpDownArrows)
            self.widget = spin
        else:
            edit = QLineEdit(parent)
            if self.secret:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            # Paths and URLs read left to right: mirrored, "/root/.local" showed as
            # "root/.local/" in the Hebrew window.
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            self.widget = edit
        self.widget.setObjectName(f"setting:{key}")
        self.widget.setAccessibleName(setting_label(key))
        self.widget.setToolTip(key)

    def set(self, value: Any) -> None:
        w = self.widget
        if isinstance(w, QCheckBox):
            w.setChecked(bool(value))
        elif isinstance(w, QComboBox):
            w.setCurrentIndex(max(0, w.findData(value)))
        elif isinstance(w, QSpinBox | QDoubleSpinBox):
            w.setValue(value)
        elif isinstance(w, QLineEdit):
            if self.secret:
                # A password never goes back on screen: typing replaces it.
                w.clear()
                if value is not None:
                    w.setPlaceholderText(
                        QCoreApplication.translate(
                            "SettingsDialog", "Set, not shown; type to replace it"
                        )
                    )
            else:
                w.setText("" if value is None else str(value))

    def get(self) -> Any:
        w = self.widget
        if isinstance(w, QCheckBox):
            return w.isChecked()
        if isinstance(w, QComboBox):
            return w.currentData()
        if isinstance(w, QSpinBox):
            return w.value()
        if isinstance(w, QDoubleSpinBox):
            return round(w.value(), w.decimals())
        assert isinstance(w, QLineEdit)
        text = w.text().strip()
        # Empty means "not set": the default (or the embedded database) again.
        return text or None


class SettingsDialog(QDialog):
    """Emits `saved(path)` once config.toml was written."""

    saved = Signal(Path)

    def __init__(self, config: ConfigPart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumSize(560, 480)
        self.fields: dict[str, _Field] = {}
        self._reasons: dict[str, str] = {}
        self._initial: dict[str, Any] = {}
        intro = QLabel(
            self.tr(
                "Changes are saved to {path} and take effect when Chartside next starts. "
                "Settings your administrator fixed are greyed out."
            ).format(path=ltr(self._config.config_file)),
            self,
        )
        intro.setObjectName("settingsIntro")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {ALERT_TEXT};")
        self.error.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("settingsTabs")
        self.tabs.setAccessibleName(self.tr("Settings sections"))
        forms: dict[str, QFormLayout] = {}
        for section, key, field in settings_fields():
            if section not in forms:
                page = QWidget()
                forms[section] = QFormLayout(page)
                scroll = QScrollArea(self.tabs)
                scroll.setWidgetResizable(True)
                scroll.setWidget(page)
                title = section_title(section)
                scroll.setAccessibleName(title.replace("&", ""))
                self.tabs.addTab(scroll, title)
            self._add_row(forms[section], key, field)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("settingsSave")
        self.save_button.setText(self.tr("&Save"))
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.load()

    def _add_row(self, form: QFormLayout, key: str, field: FieldInfo) -> None:
        editor = _Field(key, field, self)
        self.fields[key] = editor
        note = QLabel()
        note.setObjectName(f"settingNote:{key}")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {WARNING_TEXT};")
        note.hide()
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(editor.widget)
        box.addWidget(note)
        label = QLabel(setting_label(key))
        label.setBuddy(editor.widget)
        form.addRow(label, cell)

    # -- state, for the controller and tests -------------------------------------------------

    def editor(self, key: str) -> QWidget:
        return self.fields[key].widget

    def reason(self, key: str) -> str:
        """Why `key` cannot be changed here, or what overrides it; "" when nothing."""
        return self._reasons.get(key, "")

    @property
    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    # -- loading and saving ------------------------------------------------------------------

    def load(self) -> None:
        """Fill the fields with the settings Chartside would start with now."""
        self.error.hide()
        try:
            settings = self._config.current()
            locked = self._config.locked()
        except ChartsideError as exc:
            # Start-up would refuse them too; fixing the file by hand is the way out.
            self._show_error(exc)
            self.save_button.setEnabled(False)
            return
        self.save_button.setEnabled(True)
        self._reasons.clear()
        for key, editor in self.fields.items():
            editor.set(_current(settings, key))
            self._initial[key] = editor.get()
            is_locked = key in locked
            editor.widget.setEnabled(not is_locked)
            source = self._config.source(key)
            if is_locked:
                reason = self.tr("Locked by the policy file {path}").format(
                    path=ltr(self._config.policy_file)
                )
            elif source.id == "settings.from_variable":
                reason = self.tr("{variable} is set, and wins over config.toml while it is").format(
                    variable=ltr(f"CHARTSIDE_{source.params['variable']}")
                )
            else:
                reason = ""
            self._set_reason(key, reason)

    def _set_reason(self, key: str, reason: str) -> None:
        if reason:
            self._reasons[key] = reason
        note = self.findChild(QLabel, f"settingNote:{key}")
        assert note is not None
        note.setText(reason)
        note.setVisible(bool(reason))
        self.fields[key].widget.setAccessibleDescription(reason)

    def changes(self) -> dict[str, Any]:
        """The dotted keys whose field differs from what was loaded, with their values."""
        out: dict[str, Any] = {}
        for key, editor in self.fields.items():
            if not editor.widget.isEnabled():
                continue
            value = editor.get()
            if editor.secret:
                if value is not None:  # an empty password field means "unchanged"
                    out[key] = value
            elif value != self._initial[key]:
                out[key] = value
        return out

    def save(self) -> None:
        changes = self.changes()
        if not changes:
            self.accept()
            return
        try:
            path = self._config.write(changes)
        except ChartsideError as exc:
            self._show_error(exc)
            return
        self.saved.emit(path)
        self.accept()

    def _show_error(self, exc: ChartsideError) -> None:
        self.error.setText(describe(exc).as_text())
        self.error.show()


class SettingsActions(QObject):
    """The "Settings…" menu action and its dialog."""

    def __init__(self, config: ConfigPart, window: QMainWindow) -> None:
        super().__init__(window)
        self._config = config
        self._window = window
        self.dialog: SettingsDialog | None = None
        self.action = QAction(self.tr("S&ettings…"), window)
        self.action.setObjectName("settingsAction")
        self.action.setToolTip(self.tr("What config.toml holds, and what the policy locks"))
        self.action.triggered.connect(self.open)

    def open(self) -> SettingsDialog:
        if self.dialog is not None:
            self.dialog.deleteLater()
        # Built afresh: the files may have changed since it last showed.
        self.dialog = SettingsDialog(self._config, self._window)
        self.dialog.saved.connect(self._on_saved)
        self.dialog.open()
        return self.dialog

    def _on_saved(self, path: Path) -> None:
        self._window.statusBar().showMessage(
            self.tr("Settings saved to {path}. Restart Chartside to use them.").format(
                path=ltr(path)
            )
        )

    def session_ended(self) -> None:
        if self.dialog is not None:
            self.dialog.hide()
