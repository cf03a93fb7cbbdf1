"""Each measure's written styles: a language ("en", or "he" for a Hebrew note only), a
template ({v} the number, {s}/{d} a pressure's) and the unit its number is written in
(measures._UNITS; "" for MEASURES' own), as styles.toml writes them."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import VocabError, read_toml

S = list[tuple[str, str, str]]  # language, template ({v} the number), unit written in


def _read(path: Path) -> dict[str, S]:
    table = read_toml(path).get("styles")
    if not isinstance(table, dict):
        raise VocabError(f"{path}: [styles]: a table of each measure's styles")
    out: dict[str, S] = {}
    for measure, rows in table.items():
        if not isinstance(rows, list):
            raise VocabError(f"{path}: [styles] {measure!r}: a list of styles")
        out[measure] = []
        for row in rows:
            ok = isinstance(row, list) and len(row) == 3
            if not ok or not all(isinstance(x, str) for x in row):
                raise VocabError(f"{path}: [styles] {measure!r}: {row!r}: [lang, template, unit]")
            out[measure].append((row[0], row[1], row[2]))
    return out


STYLES: dict[str, S] = _read(Path(__file__).with_name("styles.toml"))
