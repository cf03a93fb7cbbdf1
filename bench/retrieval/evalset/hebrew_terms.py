"""Hebrew names for the generator's concepts, for the Hebrew twin of the eval set.

Each concept has the form a note writes and a second form a clinician may ask with ("יתר
לחץ דם" in the chart, "לחץ דם גבוה" in the question), so the paraphrased ("semantic")
questions stay paraphrases in Hebrew too. Drug, lab and imaging names stay in Latin
letters, as Israeli notes write them. The names (CONCEPTS, RELATIVES, VITALS) are
data/hebrew_terms.toml beside this module.
"""

from __future__ import annotations

from pathlib import Path

from bench.timeline.kit.vocab import VocabFile

_FILE = VocabFile(Path(__file__).parent / "data" / "hebrew_terms.toml")


def _concepts() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for english, forms in _FILE.lists("concepts").items():
        if len(forms) != 2:
            raise _FILE.wrong(("concepts", english), "[as the note writes it, as asked]")
        out[english] = (forms[0], forms[1])
    return out


# English display (or alias) -> (as the note writes it, as a question paraphrases it)
CONCEPTS = _concepts()
RELATIVES = _FILE.texts("relatives")
VITALS = _FILE.texts("vitals")


def note_form(english: str) -> str:
    """The Hebrew a note writes; an unknown concept stays in English (as a code would)."""
    return CONCEPTS.get(english, (english, english))[0]


def asked_form(english: str) -> str:
    return CONCEPTS.get(english, (english, english))[1]
