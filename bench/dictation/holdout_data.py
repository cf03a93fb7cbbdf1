"""The held-out dictation set's vocabulary (bench/dictation/holdout.py): the problems a
general practice, cardiology, respiratory or psychiatry visit is about, what the patient
says and what is found, and the drugs each is treated with, with the doses, units and
frequencies they are prescribed in. The tables are holdout_data.toml beside this module,
read and checked here."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from bench.timeline.kit.vocab import VocabFile


class Drug(NamedTuple):
    unit: str  # as said: "milligrams", "micrograms", "units", "puffs"
    doses: tuple[str, ...]
    frequencies: tuple[str, ...]


class Problem(NamedTuple):
    name: str  # as a chart lists it and an assessment names it
    complaints: tuple[str, ...]  # what the patient says, with {he}/{his}
    findings: tuple[str, ...]  # examination or results, beside the vital signs
    drugs: tuple[str, ...]


def _drugs(words: VocabFile) -> dict[str, Drug]:
    return {
        name: Drug(
            words.text("drugs", name, "unit"),
            words.strings("drugs", name, "doses"),
            words.strings("drugs", name, "frequencies"),
        )
        for name in words.table("drugs")
    }


def _problems(words: VocabFile, drugs: dict[str, Drug]) -> tuple[Problem, ...]:
    """[[problems]], each treated only with drugs of [drugs]."""
    out = []
    for n in range(len(words.tables("problems"))):
        problem = Problem(
            words.text("problems", n, "name"),
            words.strings("problems", n, "complaints"),
            words.strings("problems", n, "findings"),
            words.strings("problems", n, "drugs"),
        )
        words.known(problem.drugs, drugs, "problems", n, "drugs")
        out.append(problem)
    return tuple(out)


_words = VocabFile(Path(__file__).with_suffix(".toml"))

DRUGS: dict[str, Drug] = _drugs(_words)
PROBLEMS: tuple[Problem, ...] = _problems(_words, DRUGS)
