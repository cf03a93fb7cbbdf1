"""A drug the client already takes, heard after a verb that acts on one:
"Continue omeprazole 20 mg" comes out as "Continuum pranol 20 mg", "Continue losartan"
as "Continuous art on", the verb's end fused with the name's start. The name is in the
prompt, yet Whisper bent it; no word of it keeps the name's spelling, but the verb and the
words before the dose, joined, sound like the verb and the name: "KNTNMPRNL" beside
"KNTNMPRSL" (jellyfish's Metaphone, MIT).

Only the client's own names are candidates (the verb says the drug is one they take),
only where a dose follows at once, and only when one name is clearly nearest; the words
are written as the verb and that name, marked for review."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from rapidfuzz import fuzz

from core.dictation.recall_sound import MAX_SLOT_WORDS, MIN_KEY, key, letters, written_as
from core.dictation.types import Word

# How near the joined sounds must be, and by how much the nearest name must beat the next:
# the verb's own sound is in both keys, so wrong names come close (75 for "continue the
# same" beside furosemide) and only a near match with a clear lead is taken.
NEAR_AT_LEAST = 85.0
LEAD_BY = 5.0
# Verbs whose object is a drug already taken, with the forms Whisper writes for them.
_VERBS = ("continue", "increase", "decrease", "reduce", "restart", "taper", "hold", "stop")
_FUSED = "continu"  # "Continuum", "Continuous", "Continual": continue, its end fused on
_ENDS = (".", ";", ":", "?", "!", ",")


def write_current_drugs(words: Sequence[Word], client: Iterable[str]) -> list[Word]:
    """`words` with each verb's place before a dose written as the client's drug it sounds
    like: the verb as its plain form and the run of words as the name, both marked."""
    names = sorted({n for n in client if len(key(n)) >= MIN_KEY})
    out = list(words)
    i = 0
    while i < len(out) - 1:
        pieces = _split_verb(out[i])
        trial = [*out[:i], *pieces, *out[i + 1 :]] if len(pieces) > 1 else out
        verb = _verb(trial[i])
        found = _place(trial, i, verb, names) if verb and names else None
        if found is None:
            i += 1
            continue
        out = trial
        n, name = found
        said = written_as(out[i + 1 : i + 1 + n], name)
        plain = verb.capitalize() if out[i].text[0].isupper() else verb
        out[i : i + 1 + n] = [replace(out[i], text=plain, repaired=out[i].text != plain), said]
        i += 2
    return out


def _split_verb(word: Word) -> list[Word]:
    """A verb Whisper joined to the name's first sound by a hyphen ("Continuum-pranol") as
    two words, the time shared by their letters; any other word as it is."""
    head, hyphen, tail = word.text.partition("-")
    if not (hyphen and tail) or not _verb(replace(word, text=head)):
        return [word]
    mid = word.start + (word.end - word.start) * len(head) / len(word.text)
    return [replace(word, text=head, end=mid), replace(word, text=tail, start=mid)]


def _verb(word: Word) -> str:
    """The plain verb a word is ("Continuous" is continue), or ""."""
    parts = letters(word.text)
    if len(parts) != 1 or word.text.endswith(_ENDS):
        return ""
    p = parts[0]
    if p in _VERBS:
        return p
    return "continue" if p.startswith(_FUSED) else ""


def _place(words: Sequence[Word], i: int, verb: str, names: list[str]) -> tuple[int, str] | None:
    """(how many words, the name) for the run after words[i] that ends right before a dose
    and, with the verb as heard, sounds like the verb and one name clearly nearest."""
    for n in range(1, MAX_SLOT_WORDS + 1):
        run = words[i + 1 : i + 1 + n]
        if len(run) < n or i + 1 + n >= len(words):
            return None
        if any(_number(w) or w.text.endswith(_ENDS) for w in run):
            return None
        if not _number(words[i + 1 + n]):
            continue
        heard = key("".join(letters(" ".join(w.text for w in words[i : i + 1 + n]))))
        scores = sorted(((fuzz.ratio(heard, key(verb + m)), m) for m in names), reverse=True)
        best, name = scores[0]
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        said = "".join(letters(" ".join(w.text for w in run)))
        if said == name:
            return None  # heard right
        if best >= NEAR_AT_LEAST and best - runner_up >= LEAD_BY:
            return n, name
        return None
    return None


def _number(word: Word) -> bool:
    return any(ch.isdigit() for ch in word.text)
