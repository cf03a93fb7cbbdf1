"""The dictation eval's recordings, as scripts: clinical notes dictated section by section,
with drug names, doses and vital signs, each sentence labelled with its SOAP section, and
the client's lists that go into the recogniser's prompt. A fixed seed: the same 32 scripts
every run. The audio is made from them by espeak-ng in memory (bench/dictation/speak.py).

The client's lists are what a real chart would hold before the visit: the drug the script
continues and 4-7 other drugs, the problem it assesses and 1-2 others. The drug the script
starts is new, so it is not on the list (until version 2 of this set it was, which let the
prompt spell every drug said). The lists come from their own random stream, so the scripts
are the same as in version 1."""

from __future__ import annotations

import random
from dataclasses import dataclass

from core.dictation.soap import Section

SEED = 29
# 1: the lists held exactly the drugs said and one more; 2: realistic lists (above).
VERSION = 2
COUNT = 32
VOICES = ("en-us", "en-gb", "en-us+m3", "en-us+f2", "en-gb+f3", "en-us+m7")

DRUGS = (
    ("metformin", "500"), ("lisinopril", "10"), ("atorvastatin", "20"), ("amlodipine", "5"),
    ("levothyroxine", "50"), ("sertraline", "50"), ("omeprazole", "20"), ("gabapentin", "300"),
    ("furosemide", "40"), ("prednisone", "10"), ("amoxicillin", "500"), ("losartan", "50"),
    ("simvastatin", "40"), ("citalopram", "20"), ("naproxen", "250"), ("warfarin", "5"),
)  # fmt: skip
COMPLAINTS = (
    ("reports a dry cough for two weeks", "bronchitis"),
    ("complains of headaches since last month", "hypertension"),
    ("reports feeling tired and thirsty", "type 2 diabetes"),
    ("describes heartburn after meals", "reflux"),
    ("reports low mood and poor sleep", "depression"),
    ("complains of ankle swelling", "heart failure"),
    ("reports burning pain in both feet", "neuropathy"),
    ("denies chest pain but feels short of breath on stairs", "asthma"),
)
JUDGEMENTS = (
    "This is likely {problem}.",
    "Findings are consistent with {problem}.",
    "Her {problem} is improving.",
    "His {problem} is poorly controlled.",
)


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
    systolic, diastolic = rng.randrange(110, 170, 2), rng.randrange(64, 100, 2)
    pulse, sats = rng.randrange(58, 104), rng.randrange(92, 100)
    weight = rng.randrange(52, 118)
    options = [
        f"Blood pressure {systolic} over {diastolic}.",
        f"Heart rate {pulse}, oxygen saturation {sats} percent.",
        f"Weight {weight} kilograms.",
    ]
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
            (f"The patient {complaint}.", "subjective"),
            *((s + ".", "objective") for s in vitals.rstrip(".").split(". ")),
            (rng.choice(JUDGEMENTS).format(problem=problem), "assessment"),
            (f"Start {drug1} {dose1} milligrams once daily.", "plan"),
            (f"Continue {drug2} {dose2} milligrams and review in four weeks.", "plan"),
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
