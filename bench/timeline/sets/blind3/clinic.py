"""A clinic's snippets: by language ("en", "he"), then by field code (S subjective, O
objective, A assessment, P plan, H medical history), each a marked text (markup.py).

clinics/order.toml names the clinics in the order the generator deals fields to them; each
one's snippets are clinics/<name, spaces as _>.toml."""

from __future__ import annotations

from typing import NamedTuple

from bench.timeline.kit.vocab import Key, VocabError, VocabFile
from bench.timeline.sets.blind3 import HERE

CODES = "SOAPH"
LANGUAGES = ("en", "he")

Pools = dict[str, tuple[str, ...]]


class Clinic(NamedTuple):
    name: str
    en: Pools
    he: Pools

    def pool(self, lang: str, code: str) -> tuple[str, ...]:
        return (self.en if lang == "en" else self.he).get(code, ())


def by_code(words: VocabFile, *keys: Key) -> Pools:
    """The table at `keys`: field codes, some of CODES, each to a list of marked texts."""
    words.known(words.table(*keys), tuple(CODES), *keys)
    return words.lists(*keys)


def read_clinic(name: str) -> Clinic:
    words = VocabFile(HERE / "clinics" / f"{name.replace(' ', '_')}.toml")
    if set(words.data) != set(LANGUAGES):
        raise VocabError(f"{words.path}: a table for each of {', '.join(LANGUAGES)}, no more")
    return Clinic(name, by_code(words, "en"), by_code(words, "he"))


def read_clinics() -> tuple[Clinic, ...]:
    """Every clinic, in the order clinics/order.toml gives."""
    order = VocabFile(HERE / "clinics" / "order.toml")
    return tuple(read_clinic(name) for name in order.strings("order"))
