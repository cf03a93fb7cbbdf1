"""Each measure's written styles: a language ("en", or "he" for a Hebrew note only), a
template ({v} the number, {s}/{d} a pressure's) and the unit its number is written in
(measures._UNITS; "" for MEASURES' own), as styles.toml writes them."""

from __future__ import annotations

import tomllib
from pathlib import Path

S = list[tuple[str, str, str]]  # language, template ({v} the number), unit written in
_DATA = tomllib.loads(Path(__file__).with_name("styles.toml").read_text(encoding="utf-8"))
STYLES: dict[str, S] = {
    measure: [(lang, template, unit) for lang, template, unit in rows]
    for measure, rows in _DATA["styles"].items()
}
