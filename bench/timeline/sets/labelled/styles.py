"""The written styles of every measure, in English and Hebrew: at least ten a measure.

A style's id, "<group>/<lang>-<name>", is what the eval reports recall by. Templates write
`{v}` (or `{s}/{d}` for a blood pressure, `{ft}'{inch}"` for a height in feet and inches)
in the style's unit, a key of `measures.UNITS[group]`. The styles are styles.toml's.
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.facts import Lang
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.labelled import LANGS
from bench.timeline.sets.labelled.measures import UNITS, Style

_DATA = VocabFile(Path(__file__).with_name("styles.toml"))


def _styles() -> list[Style]:
    out: list[Style] = []
    _DATA.known(_DATA.table("styles"), UNITS, "styles")
    for group in _DATA.table("styles"):
        for code in _DATA.table("styles", group):
            _DATA.known((code,), LANGS, "styles", group)
            lang = LANGS[LANGS.index(code)]
            for name in _DATA.table("styles", group, lang):
                where = ("styles", group, lang, name)
                pair = _DATA.strings(*where)
                if len(pair) != 2:
                    raise _DATA.wrong(where, "[template, unit]")
                template, unit = pair
                _DATA.known((unit,), UNITS[group], *where)
                out.append(Style(f"{group}/{lang}-{name}", group, lang, template, unit))
    return out


STYLES: list[Style] = _styles()


def _ids(key: str) -> frozenset[str]:
    ids = _DATA.strings(key)
    _DATA.known(ids, {s.id for s in STYLES}, key)
    return frozenset(ids)


# Styles that report an earlier value ("last month pain was 8/10"): facts of the note, but
# not a reading taken at the visit, so the patients of the questions do not use them.
REPORTED = _ids("reported")
# Of those, a value dated before the visit is no fact (styles.toml says why).
EARLIER = _ids("earlier")


def styles_of(
    group: str, lang: Lang, *, canonical_only: bool = False, taken_now: bool = False
) -> list[Style]:
    return [
        s
        for s in STYLES
        if s.group == group
        and s.lang == lang
        and (s.canonical or not canonical_only)
        and not (taken_now and s.id in REPORTED)
    ]
