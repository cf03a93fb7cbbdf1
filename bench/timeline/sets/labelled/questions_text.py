"""How the questions over time are worded, in English and Hebrew: several phrasings per
kind, taken in turn, so no one wording decides a kind's score. The wordings are
questions.toml's; this module reads them."""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.labelled import LANGS

_DATA = VocabFile(Path(__file__).with_name("questions.toml"))


def _numbers(lang: str) -> dict[int, str]:
    words = _DATA.texts("numbers", lang)
    if not all(n.isdigit() for n in words):
        raise _DATA.wrong(("numbers", lang), "a table of counts (2, 3 ...) and their words")
    return {int(n): word for n, word in words.items()}


MEASURE_EN = _DATA.lists("measures", "en")
MEASURE_HE = _DATA.texts("measures", "he")
# A count of values as a word ("last three readings").
NUMBER_WORDS: dict[str, dict[int, str]] = {lang: _numbers(lang) for lang in LANGS}
# By sex: {pron} she/he, {poss} her/his, {obj} her/him.
PRONOUNS: dict[str, dict[str, str]] = {
    sex: {k: _DATA.text("pronouns", sex, k) for k in ("pron", "poss", "obj")} for sex in ("F", "M")
}
# The phrasings of each kind: the pronouns, and the rest per kind.
EN = _DATA.lists("phrasings", "en")
HE = _DATA.lists("phrasings", "he")
