"""A clinic's snippets: by language ("en", "he"), then by field code (S subjective, O
objective, A assessment, P plan, H medical history), each a marked text (markup.py)."""

from __future__ import annotations

from typing import NamedTuple


class Clinic(NamedTuple):
    name: str
    en: dict[str, list[str]]
    he: dict[str, list[str]]

    def pool(self, lang: str, code: str) -> list[str]:
        return (self.en if lang == "en" else self.he).get(code, [])
