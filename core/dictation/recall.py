"""Drug names to hear a piece of speech again with: the client's lists steer the
recogniser to the drugs they already take, but a drug started today is not on them, and
Whisper, not told its name, writes sounds ("Startless inopro" for "Start lisinopril").
Where what it wrote is near the spelling of a drug in the general lexicon, that name is
recalled, and the piece is heard again with it added to the prompt. Right after a verb that
starts or changes a drug, names are also recalled by sound from a broader vocabulary
(core/dictation/recall_sound.py: "Start love atheric sign" for levothyroxine).

A recalled name is only a hint: the recogniser writes it only if the sound fits. A word it
then writes as a recalled name was not steered by the client's own lists, so it is marked
for review like a repaired one (`mark_recalled`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from core.dictation.recall_sound import DOSE_UNITS, PLACE_WORDS, recall_by_sound, taken
from core.dictation.repair import IsWord, drug_names, ordered
from core.dictation.types import Word
from core.timeline.vocab import drug_vocab

# How near (rapidfuzz's ratio) joined sounds must be to a name to recall it: looser than a
# repair's, since the recogniser, not this, decides what is written.
RECALL_AT_LEAST = 65.0
MIN_LETTERS = 6
MAX_WORDS = 3  # a name heard as up to three words ("at our vest that" is beyond reach)
PER_PLACE = 2
MAX_RECALLED = 8
_PART = re.compile(r"[^\W\d_]+")
_BREAKS = (".", ",", ";", ":", "?", "!")
_PLAN_VERBS = frozenset(
    {"start", "starting", "begin", "restart", "continue", "continuing", "stop", "increase",
     "decrease", "switch"}
)  # fmt: skip


def recall(words: Sequence[Word], known: frozenset[str], is_word: IsWord) -> list[str]:
    """Lexicon drug names, nearest first, that runs of `words` may have been; none that is
    in `known` (the client's names, already in the prompt) or already written."""
    lexicon = drug_names() - known
    parts: list[tuple[str, bool]] = []  # (lower-case letters, a break after it)
    for w in words:
        found = _PART.findall(w.text.casefold())
        parts += [(p, False) for p in found[:-1]]
        if found:
            parts.append((found[-1], w.text.endswith(_BREAKS)))
    written = {p for p, _ in parts}
    held = _held(parts)
    scores: dict[str, float] = {}
    for i in range(len(parts)):
        if i in held:
            continue
        # Right after a verb that starts or changes a drug, a drug's name is expected, so
        # English words there may be one misheard ("Start search line" for sertraline).
        slot = i > 0 and parts[i - 1][0] in _PLAN_VERBS and not parts[i - 1][1]
        run: list[str] = []
        for j, (p, brk) in enumerate(parts[i : i + MAX_WORDS], start=i):
            if j in held:
                break  # no run reaches into a taken drug's place
            run.append(p)
            if p in written & (lexicon | known):
                break  # a name already written is no part of another
            if slot or not all(is_word(x) for x in run):  # else plain English: nothing
                joined = "".join(run)
                if len(joined) >= MIN_LETTERS:
                    for name, score, _ in process.extract(
                        joined, ordered(lexicon), scorer=fuzz.ratio, limit=PER_PLACE,
                        score_cutoff=RECALL_AT_LEAST,
                    ):  # fmt: skip
                        scores[name] = max(score, scores.get(name, 0.0))
            if brk:
                break
    for name, score in recall_by_sound(
        words, sound_names(known), frozenset(written & (lexicon | known))
    ).items():
        scores[name] = max(score, scores.get(name, 0.0))
    ranked = sorted((n for n in scores if n not in written), key=lambda n: (-scores[n], n))
    return ranked[:MAX_RECALLED]


def _held(parts: Sequence[tuple[str, bool]]) -> set[int]:
    """Indexes of the words in the place of a verb whose drug the client already takes
    ("Continue ... mg"): the client's names, in the prompt, are the ones said there, so no
    lexicon name is recalled for them (recall_sound.taken)."""
    out: set[int] = set()
    for i, (p, brk) in enumerate(parts):
        if not taken(p) or brk:
            continue
        for j in range(i + 1, min(i + 1 + PLACE_WORDS, len(parts))):
            if parts[j][0] in DOSE_UNITS:
                break
            out.add(j)
            if parts[j][1]:
                break
    return out


def mark_recalled(words: Sequence[Word], recalled: Sequence[str]) -> list[Word]:
    """`words` with each one written as a recalled name marked for review."""
    names = {n.casefold() for n in recalled}
    return [
        replace(w, repaired=True) if set(_PART.findall(w.text.casefold())) & names else w
        for w in words
    ]


def sound_names(known: frozenset[str]) -> frozenset[str]:
    """The names a verb's place is matched against by sound: the lexicon's and the general
    vocabulary's generic names on sale, less the client's (already in the prompt)."""
    return _generics() - known


@lru_cache(maxsize=1)
def _generics() -> frozenset[str]:
    vocabulary, sold = drug_vocab.vocabulary(), drug_vocab.marketed()
    general = {n for n, g in vocabulary.items() if n == g and n in sold}
    return frozenset(n for n in general | drug_names() if n.isalpha() and n.isascii())
