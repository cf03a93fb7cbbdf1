"""The context cues of ConText (Harkema et al., 2009) as data: `resources/{en,he}/context.toml`,
one list a kind of cue, and the cues of a value quoted from an earlier time (`earlier_*`); a
language's `[fragments]` name pieces its cues write as `{name}`. Read and checked once; a
misspelt kind, a list not of strings or a cue that is not a regular expression stops the
start with the file and line (`RulesError`)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import cast

from core.timeline.resources import (
    LANGUAGES,
    ROOT,
    RulesError,
    expand,
    fragments_of,
    line_of,
    load,
    where,
)

KINDS = (
    "pre_negation",
    "pseudo",
    "terminate",
    "history",
    "history_near",
    "history_after",
    "uncertain",
    "earlier_before",
    "earlier_after",
    "earlier_opening",
)


@functools.cache
def cues(kind: str, root: Path = ROOT) -> str:
    """The cues of `kind`, English then Hebrew, as one alternation ("no|not|…|ללא")."""
    return "|".join(_all(root)[kind])


@functools.cache
def _all(root: Path) -> dict[str, list[str]]:
    _, by_lang = load("context", root)
    out: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for lang in LANGUAGES:
        path = root / lang / "context.toml"
        tables = dict(by_lang[lang])
        fragments = fragments_of(tables.pop("fragments", {}), path)
        for kind, table in tables.items():
            if kind not in out:
                raise RulesError(f"{where(path, kind)}: no kind of cue named {kind!r} ({KINDS})")
            entry = cast(dict[str, object], table) if isinstance(table, dict) else {}
            listed = entry.get("cues")
            if set(entry) != {"cues"} or not isinstance(listed, list):
                raise RulesError(f"{where(path, kind)}: [{kind}] takes one key: cues = [...]")
            for cue in cast(list[object], listed):
                if not isinstance(cue, str):
                    raise RulesError(f"{where(path, kind, 'cues')}: a cue is a string: {cue!r}")
                out[kind].append(expand(cue, fragments, line_of(path, cue)))
    return out
