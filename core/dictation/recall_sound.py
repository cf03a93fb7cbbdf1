"""Drug names recalled by how the words in a drug's place sound (issue 29): Whisper, not told
a started drug's name, often writes it as English words ("Start love atheric sign" for
levothyroxine, "Start amulet to pine" for amlodipine), whose spelling is far from the name
but whose sound is near. Right after a verb that starts or changes a drug, the 1-4 words
before the dose are keyed by Metaphone (jellyfish's, MIT) and matched against the keys of
drug names; the nearest are candidates for the second hearing, which writes one only if
the recording supports it (core/dictation/recall.py).

Only the verb's place is looked at, so no word elsewhere is ever a candidate."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import jellyfish
from rapidfuzz import fuzz, process

from core.dictation.types import Word

# How near (rapidfuzz's ratio of the two keys, 0-100) the sounds must be: a key is short, so
# one consonant in five or six ("LF0RKS" for levothyroxine's "LF0RKSN", 92).
SOUND_AT_LEAST = 80.0
MIN_KEY = 4  # shorter keys are near too many names
MAX_SLOT_WORDS = 4
MIN_LEAD = 4  # letters of a fused verb's tail taken as the name's start ("less" of "Startless")
PER_SLOT = 3
# Verbs after which a drug's name comes ("Start", "Switch to", "Continue"), and their
# forms as Whisper writes them: "Star" for a clipped "Start", and a verb fused with the
# name's first sound ("Startless inopro", "Continuum promote": `_FUSED`).
SLOT_VERBS = frozenset(
    {"start", "starts", "started", "starting", "begin", "commence", "prescribe", "add",
     "restart", "continue", "continuing", "continued", "switch", "increase",
     "decrease", "reduce", "star"}
)  # fmt: skip
_FUSED = ("start", "continu")
_PART = re.compile(r"[^\W\d_]+")
_ENDS = (".", ";", ":", "?", "!")


def key(letters: str) -> str:
    """The Metaphone key of a word or of words joined (letters only)."""
    return jellyfish.metaphone(letters) if letters else ""


def letters(text: str) -> list[str]:
    """The runs of letters in `text`, lower case: "Start-meto," is "start", "meto"."""
    return _PART.findall(text.casefold())


def slot_runs(words: Sequence[Word], written: frozenset[str] = frozenset()) -> list[list[str]]:
    """The words (letters, lower case, joined) in each verb's place: after a plan verb, the
    first 1..MAX_SLOT_WORDS words before a number or a break; a verb fused with the name's
    start ("Startless") gives its tail as the first of them. One list of runs per place; a
    place that holds a name of `written` (a drug already heard) is passed over."""
    parts = _parts(words)
    places: list[list[str]] = []
    for i, (p, brk) in enumerate(parts):
        if p is None or brk:
            continue
        lead = ""
        if p not in SLOT_VERBS:
            fused = next((v for v in _FUSED if p.startswith(v)), "")
            if not fused:
                continue
            # "Continuous" is the verb; "Startless" the verb and the name's first sound.
            lead = p[len(fused) :] if len(p) - len(fused) >= MIN_LEAD else ""
        after = parts[i + 1 : i + 2 + MAX_SLOT_WORDS]
        if after and after[0][0] == "to":  # "switch to"
            after = after[1:]
        slot = [lead] if lead else []
        for q, q_end in after[:MAX_SLOT_WORDS]:
            if q is None:
                break  # a dose: the name is before it
            slot.append(q)
            if q_end:
                break
        if not slot or written.intersection(slot):
            continue
        # Any stretch of the place: the verb's sound may open it ("Star travel thoraxine").
        n = len(slot)
        places.append(["".join(slot[a:b]) for a in range(n) for b in range(a + 1, n + 1)])
    return places


def _parts(words: Sequence[Word]) -> list[tuple[str | None, bool]]:
    """Each word's letter runs, lower case, with whether a sentence's end follows (a comma is
    no end: "Start, listen up, or 10 milligrams"); None for a word with a digit in it."""
    out: list[tuple[str | None, bool]] = []
    for w in words:
        if any(ch.isdigit() for ch in w.text):
            out.append((None, True))
            continue
        found = letters(w.text)
        out += [(p, False) for p in found[:-1]]
        if found:
            out.append((found[-1], w.text.endswith(_ENDS)))
    return out


def recall_by_sound(
    words: Sequence[Word], names: Iterable[str], written: frozenset[str] = frozenset()
) -> dict[str, float]:
    """Names (of `names`, lower case) whose key is near a stretch of a verb's place, at
    most PER_SLOT a place, each with its best score."""
    keys = _keys(frozenset(names))
    scores: dict[str, float] = {}
    for place in slot_runs(words, written):
        found: dict[str, float] = {}
        for run in place:
            heard = key(run)
            if len(heard) < MIN_KEY:
                continue
            for _, score, name in process.extract(
                heard, keys, scorer=fuzz.ratio, limit=PER_SLOT, score_cutoff=SOUND_AT_LEAST
            ):
                found[name] = max(score, found.get(name, 0.0))
        for name in sorted(found, key=lambda n: (-found[n], n))[:PER_SLOT]:
            scores[name] = max(found[name], scores.get(name, 0.0))
    return scores


@lru_cache(maxsize=8)
def _keys(names: frozenset[str]) -> dict[str, str]:
    # In a fixed order, so that names as near as each other come out the same every run.
    return {n: k for n in sorted(names) if len(k := key(n)) >= MIN_KEY}


def join_client_names(words: Sequence[Word], client: Iterable[str]) -> list[Word]:
    """`words` with 2-4 words in a verb's place written as one of the client's own drug
    names (already in the prompt) where, joined, they have exactly that name's key
    ("Continue loss art in 50 mg" for losartan). One word, marked for review, from the
    first word's start to the last one's end, with the least confidence of them."""
    keys = {k: n for n in sorted(client) if len(k := key(n)) >= MIN_KEY}
    out = list(words)
    i = 0
    while i < len(out):
        if not _opens_place(out[i]):
            i += 1
            continue
        for n in range(MAX_SLOT_WORDS, 1, -1):
            run = out[i + 1 : i + 1 + n]
            if len(run) < n or any(_blocks(w) for w in run[:-1]) or _has_digit(run[-1]):
                continue
            name = keys.get(key("".join(letters(" ".join(w.text for w in run)))))
            if name is None:
                continue
            out[i + 1 : i + 1 + n] = [written_as(run, name)]
            break
        i += 1
    return out


def written_as(run: Sequence[Word], text: str) -> Word:
    """The words of `run` written as `text` (with the last one's punctuation), marked for
    review: one word from the first one's start to the last one's end, as unsure as the
    least sure of them."""
    trail = run[-1].text[len(run[-1].text.rstrip(".,;:?!")) :]
    confidence = min(w.confidence for w in run)
    return Word(text + trail, run[0].start, run[-1].end, confidence, repaired=True)


def _opens_place(w: Word) -> bool:
    parts = letters(w.text)
    if len(parts) != 1 or w.text.endswith(_ENDS):
        return False
    p = parts[0]
    return p in SLOT_VERBS or any(p.startswith(v) and len(p) - len(v) < MIN_LEAD for v in _FUSED)


def _blocks(w: Word) -> bool:
    return _has_digit(w) or w.text.endswith(_ENDS)


def _has_digit(w: Word) -> bool:
    return any(ch.isdigit() for ch in w.text)
