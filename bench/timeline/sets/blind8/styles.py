"""Each measure's written styles: a language ("en", or "he" for a Hebrew note only), a
template ({v} the number, {s}/{d} a pressure's) and the unit its number is written in
(measures._UNITS; "" for MEASURES' own), as styles.toml writes them."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

S = list[tuple[str, str, str]]  # language, template ({v} the number), unit written in


def _read(path: Path) -> dict[str, S]:
    words = VocabFile(path)
    return {
        measure: [(lang, template, unit)
                  for lang, template, unit in words.rows("styles", measure, width=3)]
        for measure in words.table("styles")
    }  # fmt: skip


STYLES: dict[str, S] = _read(Path(__file__).with_name("styles.toml"))
