"""The recogniser's prompt: the client's own drug and problem names, so that "metformin"
comes out as "metformin" and not "met from in" (a prompt listing the drugs fixed
every drug name of a 49 s dictation). Whisper reads the prompt as text said just before
the recording, so it is worded as a note would be."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.timeline.types import TimelineFact

# Whisper keeps the last 223 tokens of a prompt; 600 characters of drug and condition
# names are about 150 of them, leaving room to spare, and the newest names come first so
# that a long history loses its oldest names, not its current ones.
MAX_PROMPT_CHARS = 600


@dataclass(frozen=True)
class Vocabulary:
    """Names the speaker is likely to say: the client's medications and problems, newest
    first, each once."""

    medications: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


def vocabulary_from_facts(facts: Sequence[TimelineFact]) -> Vocabulary:
    """The medications and diagnoses of a client's timeline (oldest first, as the service
    hands them), newest first. A stopped drug stays: the clinician may well say its name."""
    newest_first = list(reversed(facts))
    meds = [t.fact.name for t in newest_first if t.fact.kind == "medication"]
    # A negated diagnosis ("denies chest pain") is still a word the clinician says.
    problems = [t.fact.name for t in newest_first if t.fact.kind == "diagnosis"]
    return Vocabulary(_unique(meds), _unique(problems))


def initial_prompt(vocabulary: Vocabulary, max_chars: int = MAX_PROMPT_CHARS) -> str:
    """ "Medications: metformin, lisinopril. Problems: type 2 diabetes." or "" when there is
    nothing to say; names are dropped from the end (the oldest) to fit `max_chars`."""
    meds, problems = list(vocabulary.medications), list(vocabulary.problems)
    while True:
        parts: list[str] = []
        if meds:
            parts.append("Medications: " + ", ".join(meds) + ".")
        if problems:
            parts.append("Problems: " + ", ".join(problems) + ".")
        text = " ".join(parts)
        if len(text) <= max_chars or not (meds or problems):
            return text
        # Trim the longer list first, so both kinds keep some names.
        (meds if len(meds) >= len(problems) else problems).pop()


def prompt_medications(prompt: str) -> tuple[str, ...]:
    """The medications an `initial_prompt` lists, as it lists them (none in another text)."""
    found = re.search(r"(?:^|\s)Medications: (.*?)\.(?: Problems: |$)", prompt)
    return tuple(n for n in found.group(1).split(", ") if n) if found else ()


def with_medications(prompt: str, names: Sequence[str]) -> str:
    """`prompt` with `names` first among its medications (the recogniser keeps a prompt's
    first tokens when it is too long)."""
    if not names:
        return prompt
    meds = prompt_medications(prompt)
    listed = "Medications: " + ", ".join((*names, *meds)) + "."
    if not meds:
        return f"{listed} {prompt}".strip()
    return prompt.replace("Medications: " + ", ".join(meds) + ".", listed, 1)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for name in names:
        clean = " ".join(name.split())
        key = clean.casefold()
        if clean and key not in seen:
            seen.add(key)
            out.append(clean)
    return tuple(out)
