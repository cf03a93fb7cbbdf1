"""A clinic's snippets: by language ("en", "he"), then by field code (S subjective, O
objective, A assessment, P plan, H medical history), each a marked text (markup.py).

clinics/order.toml names the clinics in the order the generator deals fields to them; each
one's snippets are clinics/<name, spaces as _>.toml."""

from __future__ import annotations

from typing import NamedTuple

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.blind3.readers import pools, read, strings

CODES = "SOAPH"
LANGUAGES = ("en", "he")


class Clinic(NamedTuple):
    name: str
    en: dict[str, list[str]]
    he: dict[str, list[str]]

    def pool(self, lang: str, code: str) -> list[str]:
        return (self.en if lang == "en" else self.he).get(code, [])


def read_clinic(name: str) -> Clinic:
    path, data = read(f"clinics/{name.replace(' ', '_')}.toml")
    if set(data) != set(LANGUAGES):
        raise VocabError(f"{path}: a table for each of {', '.join(LANGUAGES)}, no more")
    en, he = (pools(path, lang, data[lang], CODES) for lang in LANGUAGES)
    return Clinic(name, en, he)


def read_clinics() -> tuple[Clinic, ...]:
    """Every clinic, in the order clinics/order.toml gives."""
    path, data = read("clinics/order.toml")
    return tuple(read_clinic(name) for name in strings(path, "order", data.get("order")))
