"""Where the holdout set's data files are (the *.toml beside this module), each read as a
`VocabFile`, and the shapes of the set's own: a list of strings for each of its languages,
and a table of such, one for each kind."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import Key, VocabFile

HERE = Path(__file__).resolve().parent
LANGS = ("en", "he")

Strings = tuple[str, ...]


def read(name: str) -> VocabFile:
    """The set's file `name`."""
    return VocabFile(HERE / name)


def by_lang(words: VocabFile, *keys: Key) -> dict[str, Strings]:
    """The table at `keys`: a list of strings for each language of the set, and no other
    key, in the order written."""
    out = words.lists(*keys)
    if set(out) != set(LANGS):
        raise words.wrong(keys, f"a list for each of {', '.join(LANGS)}")
    return out


def kinds_by_lang(words: VocabFile, *keys: Key) -> dict[str, dict[str, Strings]]:
    """The table at `keys` of per-language tables ([<key>.<kind>] en = [...], he = [...])."""
    return {kind: by_lang(words, *keys, kind) for kind in words.table(*keys)}
