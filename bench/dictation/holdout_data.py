"""The held-out dictation set's vocabulary (bench/dictation/holdout.py): the problems a
general practice, cardiology, respiratory or psychiatry visit is about, what the patient
says and what is found, and the drugs each is treated with, with the doses, units and
frequencies they are prescribed in. The tables are holdout_data.toml beside this module,
read and checked here (evalset.Tables)."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from bench.dictation.evalset import Tables
from bench.timeline.kit.vocab import VocabError


class Drug(NamedTuple):
    unit: str  # as said: "milligrams", "micrograms", "units", "puffs"
    doses: tuple[str, ...]
    frequencies: tuple[str, ...]


class Problem(NamedTuple):
    name: str  # as a chart lists it and an assessment names it
    complaints: tuple[str, ...]  # what the patient says, with {he}/{his}
    findings: tuple[str, ...]  # examination or results, beside the vital signs
    drugs: tuple[str, ...]


def _drugs(tables: Tables) -> dict[str, Drug]:
    return {
        name: Drug(
            tables.text("drugs", name, "unit"),
            tables.strings("drugs", name, "doses"),
            tables.strings("drugs", name, "frequencies"),
        )
        for name in tables.table("drugs")
    }


def _problems(tables: Tables, drugs: dict[str, Drug]) -> tuple[Problem, ...]:
    out = []
    for n in tables.rows("problems"):
        problem = Problem(
            tables.text("problems", n, "name"),
            tables.strings("problems", n, "complaints"),
            tables.strings("problems", n, "findings"),
            tables.strings("problems", n, "drugs"),
        )
        if unknown := [d for d in problem.drugs if d not in drugs]:
            raise VocabError(f"{tables.path}: problems[{n}].drugs: not in [drugs]: {unknown}")
        out.append(problem)
    return tuple(out)


_tables = Tables(Path(__file__).with_suffix(".toml"))

DRUGS: dict[str, Drug] = _drugs(_tables)
PROBLEMS: tuple[Problem, ...] = _problems(_tables, DRUGS)
