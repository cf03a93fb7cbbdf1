"""The timeline's rules and vocabularies as data: TOML files under `core/timeline/resources/`,
one language-neutral file per room and one per language (`en/`, `he/`). Read and checked once,
when the readers are first imported: a mistake stops the start with the file and line that
hold it, never a reader that silently skips a rule."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).parent / "resources"
LANGUAGES = ("en", "he")
HEB = "\u05d0-\u05ea"
# Where a word starts and ends, Hebrew letters counted: lookarounds, not \b, because a cue
# may begin or end with what is no word character ("b/p", 'ל"ד', "-").
WORD_START = rf"(?<![\w{HEB}])"
WORD_END = rf"(?![\w{HEB}])"
# Hebrew glues one-letter prefixes to a word ("ולחץ דם", "במשקל"), two at times
# ("שהסוכר", "וה-LDL").
HEB_PREFIX = "(?:[ושכ][הבלמ]|[והבלמשכ])?"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class RulesError(ValueError):
    """A rules file that cannot be used; the message names the file and the line."""


def load(name: str, root: Path = ROOT) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """`NAME.toml` and each language's `LANG/NAME.toml` under `root` (absent: empty)."""
    neutral = _read(root / f"{name}.toml")
    return neutral, {lang: _read(root / lang / f"{name}.toml") for lang in LANGUAGES}


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:  # its message gives the line and column
        raise RulesError(f"{_shown(path)}: {e}") from None


def where(path: Path, table: str, key: str | None = None) -> str:
    """`file:line` of `[table]` (or of its dotted form), or of `key` inside it."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip() == f"[{table}]"), None)
    if start is None:
        return _shown(path)
    if key is not None:
        for i in range(start + 1, len(lines)):
            stripped = lines[i].strip()
            if stripped.startswith("["):
                break
            if re.match(rf"{re.escape(key)}\s*=", stripped):
                return f"{_shown(path)}:{i + 1}"
    return f"{_shown(path)}:{start + 1}"


def line_of(path: Path, text: str) -> str:
    """`file:line` of the first line that holds `text` (a pattern as written), else the file."""
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if text in line:
            return f"{_shown(path)}:{i + 1}"
    return _shown(path)


def check_keys(table: dict[str, Any], allowed: set[str], at: str) -> None:
    """A misspelt key ("lables") would drop its rules without a word: it stops the start."""
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise RulesError(f"{at}: unknown key {unknown[0]!r} (expected one of {sorted(allowed)})")


def strings(table: dict[str, Any], key: str, path: Path, name: str) -> list[str]:
    """`[name]`'s `key`, a list of strings (absent: none); anything else stops the start with
    the file and line."""
    listed: object = table.get(key, [])
    items = cast(list[object], listed) if isinstance(listed, list) else None
    if items is None or not all(isinstance(x, str) for x in items):
        raise RulesError(f"{where(path, name, key)}: {key} is a list of strings")
    return cast(list[str], items)


def fragments_of(table: object, path: Path) -> dict[str, str]:
    """A file's `[fragments]`: named pieces its patterns write as `{name}`."""
    entry = cast(dict[str, object], table) if isinstance(table, dict) else None
    if entry is None or not all(isinstance(v, str) for v in entry.values()):
        raise RulesError(f"{where(path, 'fragments')}: [fragments] names strings: name = '...'")
    return cast(dict[str, str], entry)


def expand(pattern: str, fragments: dict[str, str], at: str) -> str:
    """`pattern` with each `{name}` of `fragments` (and `{prefix}`, `{heb}`) written out, and
    compiled once to be sure it is a regular expression."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        if name == "prefix":
            return HEB_PREFIX
        if name == "heb":
            return HEB
        if name in fragments:
            return fragments[name]
        return m.group(0)  # a quantifier such as {2} has no letters; a-z names do

    text = _PLACEHOLDER.sub(one, pattern)
    unknown = [n for n in _PLACEHOLDER.findall(text) if n not in fragments]
    if unknown:
        raise RulesError(f"{at}: no fragment named {{{unknown[0]}}} in {pattern!r}")
    try:
        re.compile(text)
    except re.error as e:
        raise RulesError(f"{at}: not a regular expression ({e}): {pattern!r}") from None
    return text


def _shown(path: Path) -> str:
    """The path from the repository's root where it is inside it (as a clinic's IT admin
    would look for it), else whole."""
    try:
        return path.relative_to(ROOT.parents[2]).as_posix()
    except ValueError:
        return str(path)
