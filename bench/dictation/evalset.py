"""The dictation eval's recordings, as scripts: clinical notes dictated section by section,
with drug names, doses and vital signs, each sentence labelled with its SOAP section, and
the client's lists that go into the recogniser's prompt. A fixed seed: the same 32 scripts
every run. The audio is made from them by espeak-ng in memory (bench/dictation/speak.py).

The client's lists are what a real chart would hold before the visit: the drug the script
continues and 4-7 other drugs, the problem it assesses and 1-2 others. The drug the script
starts is new, so it is not on the list (until version 2 of this set it was, which let the
prompt spell every drug said). The lists come from their own random stream, so the scripts
are the same as in version 1.

What the scripts say (drugs, complaints, sentences, vital signs' ranges) and their voices
are evalset.toml beside this module; `Tables` reads and checks it, and the held-out set's
files (holdout.toml, holdout_data.toml) too."""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml
from core.dictation.soap import Section

Key = str | int


class Tables:
    """A TOML file of a dictation set's vocabulary, each value checked for its shape as it
    is taken (lists become tuples), so a malformed file names itself and the value. `keys`
    is the path to a value, a number for a row of an array of tables: `("problems", 0,
    "name")` is the first `[[problems]]`'s `name`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data = read_toml(path)

    def at(self, *keys: Key) -> Any:
        value: Any = self.data
        for n, key in enumerate(keys):
            if not _holds(value, key):
                raise VocabError(f"{self.path}: no {_where(keys[: n + 1])}")
            value = value[key]
        return value

    def wrong(self, keys: tuple[Key, ...], shape: str) -> VocabError:
        return VocabError(f"{self.path}: {_where(keys)}: {shape}")

    def text(self, *keys: Key) -> str:
        value = self.at(*keys)
        if not isinstance(value, str):
            raise self.wrong(keys, "a string")
        return value

    def strings(self, *keys: Key) -> tuple[str, ...]:
        value = self.at(*keys)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.wrong(keys, "a list of strings")
        return tuple(value)

    def table(self, *keys: Key) -> dict[str, Any]:
        value = self.at(*keys)
        if not isinstance(value, dict):
            raise self.wrong(keys, "a table")
        return value

    def rows(self, *keys: Key) -> range:
        """The positions of a list (of lists, or an array of tables: `[[name]]`)."""
        value = self.at(*keys)
        if not isinstance(value, list):
            raise self.wrong(keys, "a list")
        return range(len(value))

    def whole_range(self, *keys: Key, step: bool = True) -> tuple[int, ...]:
        """`[low, high]` or (`step`) `[low, high, step]` whole numbers, low below high."""
        value = self.at(*keys)
        whole = isinstance(value, list) and all(type(v) is int for v in value)
        if not whole or len(value) not in ((2, 3) if step else (2,)) or not value[0] < value[1]:
            shape = "[low, high] or [low, high, step]" if step else "[low, high]"
            raise self.wrong(keys, f"{shape}, whole numbers")
        return tuple(value)


def _holds(value: Any, key: Key) -> bool:
    if isinstance(key, int):
        return isinstance(value, list) and 0 <= key < len(value)
    return isinstance(value, dict) and key in value


def _where(keys: tuple[Key, ...]) -> str:
    """A value's path as TOML writes it: `drugs."insulin glargine"`, `problems[0].name`."""
    out = ""
    for key in keys:
        if isinstance(key, int):
            out += f"[{key}]"
        else:
            bare = re.fullmatch(r"[A-Za-z0-9_-]+", key)
            out += ("." if out else "") + (key if bare else json.dumps(key, ensure_ascii=False))
    return out


_tables = Tables(Path(__file__).with_suffix(".toml"))

SEED = 29
# 1: the lists held exactly the drugs said and one more; 2: realistic lists (above).
VERSION = 2
COUNT = 32
VOICES = _tables.strings("voices")
DRUGS = tuple((drug, _tables.text("drugs", drug)) for drug in _tables.table("drugs"))
COMPLAINTS = tuple(
    (_tables.text("complaints", n, "said"), _tables.text("complaints", n, "problem"))
    for n in _tables.rows("complaints")
)
JUDGEMENTS = _tables.strings("judgements")
COMPLAINT = _tables.text("complaint")
START = _tables.text("start")
CONTINUE = _tables.text("continue")
VITALS = _tables.strings("vitals")
VITAL_RANGES = {
    name: _tables.whole_range("vital_ranges", name) for name in _tables.table("vital_ranges")
}


@dataclass(frozen=True)
class Dictation:
    name: str
    voice: str
    speed: int
    sentences: tuple[tuple[str, Section], ...]
    medications: tuple[str, ...]  # the client's list: the prompt
    problems: tuple[str, ...]
    drugs_said: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(s for s, _ in self.sentences)


def _vitals(rng: random.Random) -> str:
    numbers = {name: rng.randrange(*bounds) for name, bounds in VITAL_RANGES.items()}
    options = [sentence.format(**numbers) for sentence in VITALS]
    return " ".join(rng.sample(options, 2))


def dictations() -> list[Dictation]:
    rng = random.Random(SEED)
    out: list[Dictation] = []
    for n in range(COUNT):
        complaint, problem = COMPLAINTS[n % len(COMPLAINTS)]
        said = rng.sample(DRUGS, 2)
        rng.choice([d for d in DRUGS if d not in said])  # version 1's list: kept, so
        # that the scripts after it are drawn as they always were
        (drug1, dose1), (drug2, dose2) = said
        vitals = _vitals(rng)
        sentences: list[tuple[str, Section]] = [
            (COMPLAINT.format(complaint=complaint), "subjective"),
            *((s + ".", "objective") for s in vitals.rstrip(".").split(". ")),
            (rng.choice(JUDGEMENTS).format(problem=problem), "assessment"),
            (START.format(drug=drug1, dose=dose1), "plan"),
            (CONTINUE.format(drug=drug2, dose=dose2), "plan"),
        ]
        out.append(
            Dictation(
                name=f"dictation-{n:02d}",
                voice=VOICES[n % len(VOICES)],
                speed=rng.randrange(135, 170, 5),
                sentences=tuple(sentences),
                medications=_medications(n, drug2, said),
                problems=_problems(n, problem),
                drugs_said=(drug1, drug2),
            )
        )
    return out


def _lists_rng(n: int) -> random.Random:
    return random.Random(f"{SEED}-lists-{n}")


def _medications(n: int, continued: str, said: list[tuple[str, str]]) -> tuple[str, ...]:
    """The chart's drugs before the visit: the one continued and 4-7 others, never the one
    started, in no particular order."""
    rng = _lists_rng(n)
    others = [d for d, _ in DRUGS if d not in {name for name, _ in said}]
    names = [continued, *rng.sample(others, rng.randint(4, 7))]
    rng.shuffle(names)
    return tuple(names)


def _problems(n: int, problem: str) -> tuple[str, ...]:
    """The chart's problems: the one assessed and 1-2 others."""
    rng = _lists_rng(n + 1000)
    others = sorted({p for _, p in COMPLAINTS} - {problem})
    names = [problem, *rng.sample(others, rng.randint(1, 2))]
    rng.shuffle(names)
    return tuple(names)
