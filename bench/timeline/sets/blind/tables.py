"""Where the set's TOML files are (drugs, conditions, procedures, clinics, meds, problems,
care, distract, measures, values and notes .toml in this folder), each read as a
`VocabFile`, and the one shape of the set's own: a table of sentences in each of its
languages."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import Key, VocabFile

HERE = Path(__file__).resolve().parent
LANGUAGES = ("en", "he")


def read(name: str) -> VocabFile:
    """The file `name` of this folder."""
    return VocabFile(HERE / name)


def by_language(words: VocabFile, *keys: Key) -> dict[str, tuple[str, ...]]:
    """The table at `keys`: a list of one string or more for each of the set's languages
    (a draw cycles through it, so none may be empty)."""
    out = {lang: words.strings(*keys, lang) for lang in LANGUAGES}
    if not all(out.values()):
        raise words.wrong(keys, f"a list of one string or more for each of {LANGUAGES}")
    return out
