"""How clinicians write each measure, in English and Hebrew: (style, language, unit,
template), as styles.toml lists them. `{v}` is the value as written in `unit`, `{s}`/`{d}`
a pressure's halves and `{site}` a joint's movement; `mention` draws a believable value,
converts it to MEASURES' unit and wraps the words in markup."""

from __future__ import annotations

import random

from bench.timeline.sets.blind5 import tables
from bench.timeline.sets.blind5.tables import Style
from bench.timeline.sets.blind5.values import draw, draw_bp, fmt_site

STYLES: dict[str, list[Style]] = tables.styles()


def mention(key: str, lang: str, rng: random.Random, used: dict[str, int]) -> str:
    """One mention of `key` in `lang`, marked up, in its least used style so far."""
    styles = [s for s in STYLES[key] if s[1] == lang]
    style, _, unit, template = min(styles, key=lambda s: (used.get(s[0], 0), rng.random()))
    used[style] = used.get(style, 0) + 1
    if key == "bp":
        s, d = draw_bp(rng)
        words = template.format(s=s, d=d)
        return f"[[{words}||bp={s}/{d}@{style}]]"
    written, value = draw(unit, rng)
    site = fmt_site(lang, rng) if "{site}" in template else ""
    words = template.format(v=written, site=site)
    return f"[[{words}||m.{key}={value}@{style}]]"
