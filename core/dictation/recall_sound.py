"""Drug names recalled by how the words in a drug's place sound: Whisper, not told
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
PLACE_WORDS = 5  # words of a recalled name's place ("at a lot of pram" after "Starts")
MAX_CUT = 3  # first letters of a place's first word that may be the verb's sound
START_KEY = "STRT"
DOSE_UNITS = frozenset(
    {"mg", "milligram", "milligrams", "mcg", "microgram", "micrograms", "g", "gram", "grams",
     "ml", "unit", "units"}
)  # fmt: skip
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
TAKEN_VERBS = frozenset(
    {"continue", "continuing", "continued", "increase", "decrease", "reduce", "stop", "hold",
     "taper"}
)  # fmt: skip
_PART = re.compile(r"[^\W\d_]+")
_ENDS = (".", ";", ":", "?", "!")
Part = tuple[str | None, bool]  # a run of letters (None: a number) and a sentence's end after


def key(letters: str) -> str:
    """The Metaphone key of a word or of words joined (letters only)."""
    return jellyfish.metaphone(letters) if letters else ""


def letters(text: str) -> list[str]:
    """The runs of letters in `text`, lower case: "Start-meto," is "start", "meto"."""
    return _PART.findall(text.casefold())


def slot_runs(words: Sequence[Word], written: frozenset[str] = frozenset()) -> list[list[str]]:
    """The words (letters, lower case, joined) in each verb's place: after a plan verb, the
    first 1..PLACE_WORDS words before a number or a break; a verb fused with the name's
    start ("Startless") gives its tail as the first of them. A clause that opens with a word
    sounding like a clipped "start" ("Tart", "Heart", "Sart") is a place too, but only when
    a dose follows (`_start_heard`). One list of runs per place; a place that holds a name
    of `written` (a drug already heard) is passed over."""
    parts = _parts(words)
    opens = _clause_starts(words)
    places: list[list[str]] = []
    for i, (p, brk) in enumerate(parts):
        if p is None or brk:
            continue
        lead = _lead(p)
        if lead is None:
            lead = _start_heard(parts, opens, i)
            if lead is None:
                continue
        after = parts[i + 1 : i + 2 + PLACE_WORDS]
        if after and after[0][0] == "to":  # "switch to"
            after = after[1:]
        slot = [lead] if lead else []
        for q, q_end in after[:PLACE_WORDS]:
            if q is None:
                break  # a dose: the name is before it
            slot.append(q)
            if q_end:
                break
        if not slot or written.intersection(slot):
            continue
        # Any stretch of the place: the verb's sound may open it ("Star travel thoraxine");
        # after a bent verb, it may be the first letters of the place's first word
        # ("Star-travertheric": "vertheric").
        n = len(slot)
        runs = ["".join(slot[a:b]) for a in range(n) for b in range(a + 1, n + 1)]
        bent = p not in SLOT_VERBS or p == "star" or bool(lead)
        for cut in range(1, MAX_CUT + 1 if bent else 1):
            if len(slot[0]) - cut >= MIN_LEAD:
                runs += [slot[0][cut:] + "".join(slot[1:b]) for b in range(1, n + 1)]
        places.append(runs)
    return places


def _lead(p: str) -> str | None:
    """For a plan verb as heard, the letters of the name's start fused on ("less" of
    "Startless", "s" of "Starts" before "at a lot of pram"), "" for none; None for no verb
    and for a verb whose drug the client already takes ("Continue", "Continuum", "Reduce"):
    its name is in the prompt, and a lexicon name recalled there can only be a wrong one
    ("Continuum-pronolt" heard again as propranolol for omeprazole). Those places are the
    client's names' (join_client_names, core/dictation/current_drugs.py)."""
    if taken(p):
        return None
    if p in ("started", "starting"):
        return ""  # the verb's own ending, not a name's first sound
    if p.startswith("start"):
        return p[len("start") :]
    if p in SLOT_VERBS:
        return ""
    fused = next((v for v in _FUSED if p.startswith(v)), "")
    if not fused:
        return None
    # "Continuous" is the verb; a longer tail is the name's first sound.
    return p[len(fused) :] if len(p) - len(fused) >= MIN_LEAD else ""


def taken(p: str) -> bool:
    """Whether the letters `p` are a verb whose object is a drug the client already takes,
    as Whisper writes it ("Continuum" and "Continuous" for continue)."""
    return p in TAKEN_VERBS or p.startswith("continu")


def _start_heard(parts: Sequence[Part], opens: set[int], i: int) -> str | None:
    """The lead for parts[i] taken as "start" heard clipped: the word opens a clause (or
    follows its first word: "It's heart-loved"), a head of it sounds like "start" (Metaphone
    TRT, SRT, STR, HRT: the rhyme kept, the onset lost), and a dose (a number, then a unit
    such as mg) follows within the place. "Heart rate 72" has no dose: no place."""
    if not (opens & {i, i - 1}):
        return None
    p = parts[i][0] or ""
    head = next((n for n in range(3, min(6, len(p)) + 1) if _sounds_like_start(p[:n])), 0)
    if not head:
        return None
    rest = parts[i + 1 : i + 2 + PLACE_WORDS]
    for j, (q, _) in enumerate(rest):
        if q is None:
            unit = rest[j + 1][0] if j + 1 < len(rest) else None
            return p[head:] if j > 0 and unit in DOSE_UNITS else None
    return None


def _sounds_like_start(head: str) -> bool:
    k = key(head)
    return fuzz.ratio(k, START_KEY) >= 85.0 or (len(k) == 3 and k.endswith("RT"))


def _clause_starts(words: Sequence[Word]) -> set[int]:
    """Indexes (in `_parts`) of the first letters run of each clause: the piece's first
    word and each word after a sentence's end or a comma."""
    out: set[int] = set()
    at, fresh = 0, True
    for w in words:
        found = letters(w.text)
        # As `_parts` counts: a number is one, its fused unit ("10mg") another.
        n = 1 + min(len(found), 1) if any(ch.isdigit() for ch in w.text) else len(found)
        if fresh and n:
            out.add(at)
        at += n
        if n:
            fresh = w.text.endswith((*_ENDS, ","))
    return out


def _parts(words: Sequence[Word]) -> list[Part]:
    """Each word's letter runs, lower case, with whether a sentence's end follows (a comma is
    no end: "Start, listen up, or 10 milligrams"); None for a word with a digit in it."""
    out: list[Part] = []
    for w in words:
        if any(ch.isdigit() for ch in w.text):
            unit = letters(w.text)  # "10mg": the number, then its unit
            out += [(None, True), *((u, True) for u in unit[:1])]
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
