"""Issue 14, point 1: the window in Hebrew, from Qt Linguist files compiled at build time.

The catalogue (ui/i18n/chartside_he.ts) must be complete and current with the code; the
compiled catalogue, loaded the way the app loads it, must leave no English of the app's own
in any window or dialog (walked on the real service).
"""

from __future__ import annotations

import ast
import datetime as dt
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from a11y import clashes, tour, widgets_of, window_mnemonics
from gui_driver import GuiDriver
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QTreeWidget,
    QWidget,
)
from qtdoc import hrefs
from rtl_line import glyph_left
from source_scan import HEBREW
from test_gui_assistant import ask_question, wait_for_answer

import ui.shell.app
from core.api import ChartsideApi
from core.domain import ClientData, SessionData
from core.messages import ENGLISH, Message
from core.services.service import ChartsideService
from models.embedder import SentenceTransformerEmbedder
from tests.conftest import PASSPHRASE
from ui.kit.bidi import ISOLATES, PDI, strip_isolates
from ui.kit.core_text import core_lines, core_message, core_words, set_language
from ui.kit.errors import describe

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "i18n" / "chartside_he.ts"
BIN = ROOT / ".venv" / "bin"
MakeGui = Callable[[ChartsideApi], GuiDriver]
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in `ts`."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            out.append((name, message.findtext("source", ""), translation))
    return out


def test_every_message_has_a_finished_hebrew_translation() -> None:
    problems = []
    for context, source, translation in _messages(TS):
        kind = translation.get("type")
        # A counted text ("%n note(s)") has its plural forms (test_i18n_plurals.py).
        forms = [f.text or "" for f in translation.iter("numerusform")]
        for text in forms or [translation.text or ""]:
            if kind in {"unfinished", "obsolete", "vanished"} or not text.strip():
                problems.append(f"{context}: {source!r} is {kind or 'empty'}")
            elif set(PLACEHOLDER.findall(source)) != set(PLACEHOLDER.findall(text)):
                problems.append(f"{context}: {source!r} has other placeholders: {text!r}")
            elif text.replace("&&", "").count("&") > 1:
                problems.append(f"{context}: {text!r} has two mnemonics")
    assert problems == []


def test_the_catalogue_holds_every_string_of_the_code(tmp_path: Path) -> None:
    """lupdate over ui/ and core's message catalogue (core/messages: the English templates
    of its ids) into a copy of the catalogue finds nothing new and nothing gone."""
    copy = tmp_path / "chartside_he.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    sources += sorted(str(p) for p in (ROOT / "core" / "messages").rglob("*.py"))
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-locations", "none", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    current = {(c, s) for c, s, t in _messages(copy) if t.get("type") not in {"vanished"}}
    catalogued = {(c, s) for c, s, _ in _messages(TS)}
    assert current - catalogued == set(), "strings in the code missing from the .ts"
    assert catalogued - current == set(), "strings in the .ts no longer in the code"


def test_make_compiles_the_catalogue_for_run_and_test() -> None:
    for target in ("run", "test"):
        out = subprocess.run(
            ["make", "-n", "-W", "ui/i18n/chartside_he.ts", target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout
        assert "pyside6-lrelease -silent ui/i18n/chartside_he.ts -qm ui/i18n/chartside_he.qm" in out
    ignored = subprocess.run(
        ["git", "check-ignore", "ui/i18n/chartside_he.qm"], cwd=ROOT, capture_output=True
    )
    assert ignored.returncode == 0, "the compiled .qm must not be committed"


# -- the window in Hebrew ---------------------------------------------------------------------


@pytest.fixture
def hebrew(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """The app's translations for `he`, compiled from the .ts as `make` does, installed the
    way `run_gui` installs them; English and left-to-right again afterwards."""
    qm = tmp_path / f"{TS.stem}.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)], check=True, timeout=120
    )
    monkeypatch.setattr(ui.shell.app, "TRANSLATIONS_DIR", tmp_path)
    app = qapp
    translators = ui.shell.app.install_translations(app, "he")
    assert len(translators) == 2, "Qt's and Chartside's Hebrew catalogues both load"
    yield
    for translator in translators:
        app.removeTranslator(translator)
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    set_language(QLocale(QLocale.Language.English))  # core's dates, and the window's language


def test_the_compiled_catalogue_translates(hebrew: None) -> None:
    assert QCoreApplication.translate("MainWindow", "Client") == "מטופל"
    assert QApplication.isRightToLeft()


def _without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _english_patterns() -> list[tuple[re.Pattern[str], str]]:
    """A full-match pattern for each source text whose Hebrew differs from it."""
    out = []
    for _, source, translation in _messages(TS):
        if (translation.text or "") == source:
            continue  # the same in both (a key name, "Chartside", "#")
        parts = PLACEHOLDER.split(_without_mnemonic(source))
        out.append((re.compile(".+".join(re.escape(p) for p in parts), re.S), source))
    return out


def _shown_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text `window` shows or announces."""
    yield "title", window.windowTitle()
    yield from _app_texts(window)
    for widget in widgets_of(window):
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton, QLineEdit)):
            yield name, widget.text()
        if isinstance(widget, QTreeWidget):
            for row in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(row)
                assert item is not None
                for column in range(widget.columnCount()):
                    yield f"{name} cell", item.text(column)
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            for column in range(widget.columnCount()):
                yield f"{name} header", header.text(column)
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} accessible name", widget.accessibleName()
    if isinstance(window, QMainWindow):
        for menu_action in window.menuBar().actions():
            yield "menu", menu_action.text()
            menu = menu_action.menu()
            for action in menu.actions() if menu is not None else []:
                yield "menu item", action.text()
                yield "menu item tooltip", action.toolTip()


# Cells of the dialogs' lists that hold the data's own words (a model's file name), not the
# app's: (the list's object name, column).
DATA_COLUMNS = {("modelList", 1)}
# Names a Hebrew text writes in Latin letters: products, formats, a file type.
LATIN_NAMES = {"PostgreSQL", "pgvector", "AES-256-GCM", "JSON", "gguf"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
# A number and the Latin unit after it ("87.36 MiB", "1,200 ms", "45%").
NUMBER_UNIT = re.compile(
    r"(?<![\w.])(\d+(?:[.,]\d+)*)\s?(KiB|MiB|GiB|TiB|kB|MB|GB|TB|bytes|ms|min|s|%)(?![A-Za-z])"
)


def _app_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for what the app writes into `window` besides its labels and buttons:
    the values a combo box offers, every placeholder, a spin box's unit, and the cells of
    the lists a dialog fills itself (health checks, metrics, models; the main window's
    lists hold the notes' own words)."""
    for widget in widgets_of(window):
        name = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox)):
            yield f"{name} placeholder", widget.placeholderText()
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield f"{name} item", widget.itemText(i)
        if isinstance(widget, QAbstractSpinBox):
            yield f"{name} special value", widget.specialValueText()
            if hasattr(widget, "suffix"):
                yield f"{name} suffix", widget.suffix()  # pyright: ignore[reportAttributeAccessIssue]
        if isinstance(widget, QTreeWidget) and not isinstance(window, QMainWindow):
            for row in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(row)
                assert item is not None
                for column in range(widget.columnCount()):
                    if (name, column) not in DATA_COLUMNS:
                        yield f"{name} row {row}", item.text(column)


def _outside_isolates(text: str) -> str:
    """`text` without what it isolates: the values (a path, a version, a name) a sentence
    carries in their own direction."""
    out, depth = [], 0
    for ch in text:
        if ch in ISOLATES[:3]:
            depth += 1
        elif ch == PDI:
            depth = max(depth - 1, 0)
        elif not depth:
            out.append(ch)
    return "".join(out)


def _english_words(text: str) -> list[str]:
    """Latin words the app wrote itself: outside the values it isolates, not a name."""
    return [w for w in LATIN_WORD.findall(_outside_isolates(text)) if w not in LATIN_NAMES]


def _units_before_numbers(text: str) -> list[str]:
    """Each "<number> <unit>" of `text` that a right-to-left line shows unit first
    ("MiB 87.36"), measured on Qt's own layout of the line."""
    left = glyph_left(text, QApplication.font())

    wrong = []
    for m in NUMBER_UNIT.finditer(text):
        if left(m.start(2)) < left(m.start(1)):  # a left-to-right value: number, then unit
            wrong.append(m.group(0))
    return wrong


def test_the_unit_check_sees_a_unit_before_its_number(qapp: QApplication) -> None:
    assert _units_before_numbers("87.36 MiB") == ["87.36 MiB"]  # what issue 28 saw
    # Only the first: "GiB" follows "MiB", a left-to-right word, so its number reads as one.
    assert _units_before_numbers("כ־300.00 MiB (8.00 GiB פנויים)") == ["300.00 MiB"]
    assert _units_before_numbers("\u206687.36 MiB\u2069") == []
    assert _units_before_numbers("נענה תוך 3.2 שניות, 45%") == []


def test_every_window_in_hebrew_shows_no_english_of_the_apps_own(
    hebrew: None, make_gui: MakeGui, service_factory: Callable[..., ChartsideService]
) -> None:
    """The catalogue's own English nowhere; and in what the app writes besides its labels
    (health checks and their details, the settings' values, placeholders), no English
    word at all. Units follow their numbers in every text."""
    patterns = _english_patterns()
    english: dict[str, list[str]] = {}
    seen: list[str] = []
    checked: dict[str, int] = {}

    def visit(name: str, window: QWidget) -> None:
        seen.append(name)
        assert window.isRightToLeft(), name
        for where, text in _shown_texts(window):
            shown = _without_mnemonic(strip_isolates(text)).strip()
            if shown and any(p.fullmatch(shown) for p, _ in patterns):
                english.setdefault(name, []).append(f"{where}: {shown!r}")
            if wrong := _units_before_numbers(text):
                english.setdefault(name, []).append(f"{where}: unit first in {wrong}")
        for where, text in _app_texts(window):
            checked[name] = checked.get(name, 0) + bool(text)
            if words := _english_words(text):
                english.setdefault(name, []).append(f"{where}: {text!r} has {words}")
        dupes = clashes(window_mnemonics(window))
        if dupes:
            english.setdefault(name, []).append(f"clashing mnemonics {dupes}")

    driver = make_gui(service_factory())
    tour(driver, PASSPHRASE, visit)
    assert len(seen) == 13
    assert english == {}
    # The scan read what it is for: the real service's checks, the settings' values, the
    # models' sizes and every placeholder.
    assert checked["diagnostics"] >= 9 * 3 and checked["models"] >= 4 * 4
    assert checked["settings"] >= 11 and checked["main window"] >= 3  # no "base" generator now


# -- core's words ---------------------------------------------------------------------------


def test_every_remediation_core_defines_is_a_message_id() -> None:
    """Each error class's remediation shows under every error of its kind: each is a
    message id, which the catalogue translates (tests/ui/test_core_errors_he.py)."""
    import core.errors as errors

    classes = [
        cls
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.ChartsideError) and cls.remediation
    ]
    assert len(classes) >= 10
    assert [c.__name__ for c in classes if c.remedy is None or c.remedy.id not in ENGLISH] == []


def test_errors_from_core_show_in_hebrew(hebrew: None) -> None:
    from core.errors import ValidationError, WrongPassphrase

    wrong = describe(WrongPassphrase("The passphrase is not correct."))
    assert (wrong.message, wrong.remediation) == (
        "משפט הסיסמה שגוי.",
        "בדקו את משפט הסיסמה (ואת שפת המקלדת) ונסו שוב.",
    )
    missing = describe(ValidationError("is required", field="full_name"))
    assert missing.message == "שם מלא: הוא שדה חובה"
    assert missing.remediation == "תקנו את השדה שצוין ונסו שוב."
    # A message with details core alone knows stays as core wrote it.
    assert describe(WrongPassphrase("detail 42")).message == "detail 42"


# -- the assistant's words ------------------------------------------------------------------


def test_the_assistants_warnings_and_refusals_read_in_hebrew_by_id(hebrew: None) -> None:
    """An answer's warnings, a refusal's reason and why a question was not run are message
    ids (pyright holds core to `list[Message]`; tests/ui/test_core_errors_he.py finds a
    Hebrew translation for every id): their values are put in the Hebrew sentence too —
    a range's dates as the window writes them (2008-06-03), a reason translated in turn,
    the notes' words kept."""
    from core.assistant.safety import detect_injection

    between = Message("answer.range_between", date=dt.date(2008, 6, 3), date_to=dt.date(2009, 7, 4))
    no_session = Message("answer.no_session_in_range", range=between)
    assert core_message(no_session) == (
        "אין ברשומות מפגש בין \u20662008-06-03\u2069 לבין \u20662009-07-04\u2069."
    )
    jailbreak = detect_injection("jailbreak please")
    assert jailbreak is not None
    assert core_message(jailbreak) == "השאלה לא הורצה כי זהו ניסיון לעקוף את מגבלות העוזר."
    quoted = core_message(Message("answer.sentence_not_in_notes", quote="He took 5 mg."))
    assert quoted == 'משפט אחד לא נמצא ברשומות: "\u2068He took 5 mg.\u2069"'
    # A warning stored as English before ids is shown as it was written.
    assert core_words("An old warning [1].") == "An old warning [1]."


def test_an_extractive_answer_reads_in_hebrew(hebrew: None) -> None:
    from core.assistant.citations import FIELD_WORDS, extractive_lines
    from tests.assistant.test_assistant_prompt import hit

    dated = hit("Start sertraline 50 mg daily.", field="plan", day=3)
    record = replace(hit("Hypothyroidism.", field="medical_history"), type="client")
    undated = replace(hit("Knee pain on stairs.", field="subjective"), session_date=None)
    lines = extractive_lines([dated, record, undated], "sertraline")
    assert core_lines(lines).split("\n") == [
        "הקטעים הקרובים ביותר ברשומות:",
        "- מפגש מיום \u20662024-03-03\u2069, תוכנית: "
        '"\u2068Start sertraline 50 mg daily.\u2069" [1]',
        '- רשומת המטופל, רקע רפואי: "\u2068Hypothyroidism.\u2069" [2]',
        '- מפגש, סובייקטיבי: "\u2068Knee pain on stairs.\u2069" [3]',
    ]
    for key in FIELD_WORDS:  # every section core names has its Hebrew name
        assert HEBREW.search(core_message(Message("answer.place_session", section=key))), key
    scanned = Message(
        "answer.place_from_scan",
        place=Message(
            "answer.place_dated_document", title="Referral", date=dt.date(2024, 3, 2), n=2
        ),
    )
    assert core_message(scanned) == (
        'המסמך "\u2068Referral\u2069" מיום \u20662024-03-02\u2069, '
        "עמוד 2 (מסריקה — יש לבדוק מול המקור)"
    )


def test_the_assistants_own_words_stay_english_without_a_catalogue() -> None:
    from core.assistant.citations import extractive_answer, extractive_lines
    from tests.assistant.test_assistant_prompt import hit

    hits = [hit("Rest.", field="plan", day=3)]
    shown = strip_isolates(core_lines(extractive_lines(hits, "rest")))  # quotes isolated
    # Core's English, but for its dates, which the window writes as it writes every date.
    assert shown == extractive_answer(hits, "rest").replace("3 March 2024", "2024-03-03")
    assert "3 March 2024" in extractive_answer(hits, "rest")
    assert extractive_answer(hits, "rest").startswith("The closest passages in the notes:\n")


def test_a_hebrew_question_in_the_hebrew_window_reads_in_hebrew(
    hebrew: None,
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    """On the real service: the extractive answer to a Hebrew question, its places and
    its warning are in Hebrew; the quoted notes keep their own words."""
    svc = service_factory(embedder=embedder)
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    svc.notes.create_session(
        client.id,
        SessionData(date=dt.datetime(2024, 3, 2, 10), plan="Start sertraline 50 mg daily."),
    )
    svc.search.index_now()
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    ask_question(driver, "מה נקבע לגבי sertraline?")  # not over time: the notes' words
    panel = wait_for_answer(driver, 60_000)
    shown = strip_isolates(panel.answer.toPlainText())
    assert "הקטעים הקרובים ביותר ברשומות:" in shown
    assert "מפגש מיום 2024-03-02, תוכנית" in shown
    assert "Start sertraline 50 mg daily." in shown
    for english in ("The closest passages", "Session of", "March", "Plan"):
        assert english not in shown
    warning = panel.warnings.text()
    assert "לשאלה בעברית, התשובה היא מילות הרשומות עצמן" in warning and "model" not in warning
    assert [s.n for s in panel.sources.sources] and hrefs(panel.answer.document())


def test_a_reopened_conversation_reads_in_hebrew_and_an_older_one_as_written(
    hebrew: None,
    service_factory: Callable[..., ChartsideService],
    embedder: SentenceTransformerEmbedder,
    make_gui: MakeGui,
) -> None:
    """Issue 31, point 3: a turn is stored with its words' ids (encrypted with the turn),
    so reopened in the Hebrew window its answer lines and warnings read in Hebrew; a turn
    stored before ids keeps the English it was stored in."""
    from core.assistant import conversations as convs
    from core.assistant.types import AskRequest

    svc = service_factory(embedder=embedder)  # no generator: the notes' own words
    svc.initialise(PASSPHRASE)
    client = svc.notes.create_client(ClientData(full_name="Dana Levi"))
    svc.notes.create_session(
        client.id,
        SessionData(date=dt.datetime(2024, 3, 2, 10), plan="Start sertraline 50 mg daily."),
    )
    svc.search.index_now()
    asked = svc.assistant.ask(AskRequest("What was planned for sertraline?", client.id))
    assert asked.conversation_id is not None and asked.answer_lines
    assert [w.id for w in asked.warnings] == ["answer.no_model_available"]
    old_warning = "Only 3 of 9 note passages are indexed yet; the answer may miss recent notes."
    old_meta = {"refused": True, "warnings": [old_warning], "cache_hit": False}

    def older(c: Any, k: Any) -> Any:  # as a turn was stored before ids
        conversation = convs.create(c, k, client.id, "Was lithium started?")
        convs.add_message(c, k, conversation, "user", "Was lithium started?")
        convs.add_message(c, k, conversation, "assistant", "The notes do not say.", old_meta)
        return conversation

    old = svc.session.run(older)
    svc.lock()
    driver = make_gui(svc)
    driver.unlock(PASSPHRASE)
    driver.open_client(client.id)
    panel = driver.window.assistant_panel

    panel.open_conversation(asked.conversation_id)
    driver.wait_until(lambda: panel.warnings.isVisible(), 30_000)
    shown = strip_isolates(panel.answer.toPlainText())
    assert "הקטעים הקרובים ביותר ברשומות:" in shown and "מפגש מיום 2024-03-02, תוכנית" in shown
    assert "Start sertraline 50 mg daily." in shown  # the notes' own words, kept
    assert "The closest passages" not in shown and "Session of" not in shown
    assert panel.warnings.text() == "⚠ " + core_message(Message("answer.no_model_available"))
    assert HEBREW.search(panel.warnings.text()) and "No language model" not in panel.warnings.text()
    assert hrefs(panel.answer.document())  # its [1] still opens the note

    panel.open_conversation(old)
    driver.wait_until(lambda: "lithium" in panel.answer.toPlainText(), 30_000)
    driver.wait_until(lambda: panel.warnings.isVisible(), 30_000)
    assert strip_isolates(panel.answer.toPlainText()).endswith("The notes do not say.")
    assert panel.warnings.text() == f"⚠ {old_warning}"


# -- issue 28: the Diagnostics page, one word for a session, one form for buttons -------------


def test_every_health_check_reads_in_hebrew(hebrew: None) -> None:
    """Each detail core's checks report (core.services.doctor.DETAILS, by its stable id)
    and each check's name read in Hebrew, values kept; a detail that is an error's own
    message is translated as core's errors are."""
    from core.domain import HealthCheck
    from core.services.doctor import DETAILS
    from ui.tools.diagnostics import DETAILS as SHOWN
    from ui.tools.diagnostics import check_detail, check_label

    assert SHOWN == DETAILS  # the same ids and English: the CLI and the English window agree
    samples: dict[str, object] = {
        "version": "16.4",
        "revision": "0008",
        "head": "0009",
        "role": "chartside_app",
        "superuser": False,
        "bypassrls": True,
        "tables": ["clients", "sessions"],
        "count": 1700,
        "columns": ["clients.notes"],
        "paths": ["/srv/chartside/pg"],
        "model": "all-MiniLM-L6-v2@1a2b3c",
        "current": 3,
        "total": 9,
        "path": "/etc/chartside/policy.toml",
        "keys": ["ui.language"],
        "level": "AVX2",
        "cpu": "AVX-512",
    }
    for detail_id, english in DETAILS.items():
        values = {k: samples[k] for k in re.findall(r"\{(\w+)\}", english)}
        name = detail_id.split(".")[0]
        shown = check_detail(HealthCheck(name, True, english, {}, detail_id, values))
        assert HEBREW.search(shown) and not _english_words(shown), (detail_id, shown)
        kept = [v for v in values.values() if isinstance(v, (str, int)) and not isinstance(v, bool)]
        kept += [x for v in values.values() if isinstance(v, list) for x in v]
        assert all(str(v) in shown for v in kept), (detail_id, shown)
        label = check_label(name)
        assert HEBREW.search(label) and not _english_words(label), (name, label)
    role = HealthCheck(
        "runtime_role",
        False,
        "",
        {},
        "runtime_role.flags",
        {"role": "app", "superuser": True, "bypassrls": False},
    )
    assert "משתמש־על: כן" in check_detail(role) and "השורה: לא" in check_detail(role)
    broken = HealthCheck("database", False, "the embedded database is not running")
    assert HEBREW.search(check_detail(broken)), check_detail(broken)


SESSION_HE = "מפגש"
NOT_SESSION_HE = "פגיש"  # פגישה, פגישת, פגישות: a meeting; the window says מפגש


def test_one_word_for_a_session_in_every_hebrew_text_the_app_writes() -> None:
    """מפגש, never פגישה: in the catalogue, and in every Hebrew string of core and the GUI
    (the timeline's answers). Patterns that read a clinician's own words ("ביקור|פגישה|מפגש")
    list both and are left out: they are alternations."""
    found = [
        f"catalogue {context}: {source!r} -> {translation.text!r}"
        for context, source, translation in _messages(TS)
        if NOT_SESSION_HE in (translation.text or "")
    ]
    files = sorted([*(ROOT / "core").rglob("*.py"), *(ROOT / "ui").rglob("*.py")])
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            if NOT_SESSION_HE in node.value and "|" not in node.value:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value!r}")
    assert found == []
    uses = sum(SESSION_HE in (t.text or "") for _, _, t in _messages(TS))
    assert uses >= 20, "the scan read the catalogue's translations"


def _action_name(text: str) -> str:
    return _without_mnemonic(text).replace("…", "").strip()


def test_buttons_and_menu_items_name_their_action_one_way(
    hebrew: None, make_gui: MakeGui, fake_api: object
) -> None:
    """A button names its action the way the catalogue's buttons and menu items mostly do:
    with the action's noun (שמירה, גיבוי, ביטול), never an imperative ("שאל", "שמרו").
    What a button, a menu item or a tab shows has a mnemonic or ends in "…" in English; the
    same action has the same Hebrew wherever it shows, and none starts with a plural
    imperative (a first word ending in ו)."""
    from fake_api import FAKE_PASSPHRASE

    names: dict[str, set[str]] = {}
    imperative = []
    for context, source, translation in _messages(TS):
        if not ("&" in source or source.endswith("…")) or source.endswith(":"):
            continue  # not an action: a sentence, or a caption naming its field
        hebrew_name = _action_name(translation.text or "")
        names.setdefault(_action_name(source).casefold(), set()).add(hebrew_name)
        first = hebrew_name.split(" ")[0]
        if first.endswith("ו"):
            imperative.append(f"{context}: {source!r} -> {hebrew_name!r}")
    assert len(names) >= 60, "the scan read the catalogue's actions"
    assert {k: v for k, v in names.items() if len(v) > 1} == {}
    assert imperative == []

    # In the window: the Ask button reads as the Assistant menu's Ask.
    driver = make_gui(fake_api)  # type: ignore[arg-type]
    driver.unlock(FAKE_PASSPHRASE)
    button = driver.window.findChild(QPushButton, "askButton")
    actions = [a for m in driver.controller.menus.menus() for a in m.actions()]
    menu_item = next(a for a in actions if a.objectName() == "askAction")
    assert button is not None and _action_name(button.text()) == _action_name(menu_item.text())
    assert _action_name(button.text()) == "שאלה"


def test_why_the_assistant_and_its_models_run_reads_in_hebrew(hebrew: None) -> None:
    """The status bar's and the Models screen's reasons are message ids, values and all."""
    fits = core_message(
        Message(
            "assistant.answers_with",
            name="Qwen2.5-Coder-1.5B-Instruct",
            reason=Message(
                "models.why_qwen_needs_more_ram",
                name="Qwen2.5-Coder-1.5B-Instruct",
                n=1.9,
                count=0.8,
            ),
        )
    )
    assert HEBREW.search(fits) and _units_before_numbers(fits) == [], fits
    missing = Message(
        "assistant.model_file_missing",
        kind=Message("assistant.generator"),
        name="SmolLM2",
        path="/models/smol.gguf",
    )
    assert "מחולל" in core_message(missing) and "generator" not in core_message(missing)
