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
are evalset.toml beside this module, read with the kit's `VocabFile`; `whole_range` reads
a range of whole numbers, here and in the held-out set's holdout.toml."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.vocab import Key, VocabFile
from core.dictation.soap import Section


def whole_range(words: VocabFile, *keys: Key, step: bool = True) -> tuple[int, ...]:
    """`[low, high]` or (`step`) `[low, high, step]` whole numbers, low below high: the
    arguments random.randrange (or, without a step, random.randint) draws from."""
    value = words.numbers(*keys)
    whole = tuple(v for v in value if isinstance(v, int))
    if len(whole) != len(value) or len(whole) not in ((2, 3) if step else (2,)):
        shape = "[low, high] or [low, high, step]" if step else "[low, high]"
        raise words.wrong(keys, f"{shape}, whole numbers")
    if not whole[0] < whole[1]:
        raise words.wrong(keys, "low below high")
    return whole


_words = VocabFile(Path(__file__).with_suffix(".toml"))

SEED = 29
# 1: the lists held exactly the drugs said and one more; 2: realistic lists (above).
VERSION = 2
COUNT = 32
VOICES = _words.strings("voices")
DRUGS = tuple(_words.texts("drugs").items())
COMPLAINTS = tuple(
    (_words.text("complaints", n, "said"), _words.text("complaints", n, "problem"))
    for n in range(len(_words.tables("complaints")))
)
JUDGEMENTS = _words.strings("judgements")
COMPLAINT = _words.text("complaint")
START = _words.text("start")
CONTINUE = _words.text("continue")
VITALS = _words.strings("vitals")
VITAL_RANGES = {
    name: whole_range(_words, "vital_ranges", name) for name in _words.table("vital_ranges")
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
