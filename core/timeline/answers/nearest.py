"""The client's recorded conditions and procedures nearest in meaning to words no note
holds and no vocabulary names: "gum disease" where the notes say "gingivitis", "brittle
bones" where they say "osteoporosis". The lexicon knows a known name's other names, so its
absence is searched for under each of them; words it does not know have other names no
search here knows, and "no note mentions it" would be a clinical claim the words alone
cannot found. So the nearest recorded names are shown beside the words' absence, each
cited, and said to be near in meaning, never the same thing.

The multilingual embedder (e5-small) scores every medical name high against every other,
true synonyms and unrelated conditions alike ("heart failure" is as near to "myocardial
infarction" as "heart attack" is), so a threshold cannot tell a synonym from a neighbour:
that is why the names are offered, not substituted, and why a name the lexicon knows is not
offered neighbours (82 in 100 absent ones would be). The floor keeps out words near to
nothing medical ("car insurance"). Measured in docs/timeline.md, "Names near in meaning"."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence

from core.timeline.reading.text import HEB
from core.timeline.types import TimelineFact

# Cosine floors, by the script of the name asked (Hebrew against English names scores
# lower throughout); names within WITHIN of the nearest are offered too, at most MOST.
FLOOR_LATIN = 0.905
FLOOR_HEBREW = 0.88
WITHIN = 0.02
MOST = 2
KINDS = ("diagnosis", "procedure")

# (the name asked, the client's recorded names) -> the recorded names nearest, best first
Near = Callable[[str, Sequence[str]], list[str]]


def cosine(a: Sequence[float], b: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a) * sum(y * y for y in b))
    return dot / norm if norm else 0.0


def nearest(
    asked: str, asked_vector: Sequence[float], named: Mapping[str, Sequence[float]]
) -> list[str]:
    """The names of `named` (name -> vector) nearest to `asked`, above the floor for its
    script and within WITHIN of the best, best first; empty when none is near enough."""
    floor = FLOOR_HEBREW if re.search(f"[{HEB}]", asked) else FLOOR_LATIN
    scored = sorted(
        (
            (cosine(asked_vector, v), n)
            for n, v in named.items()
            if n.casefold() != asked.casefold()
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < floor:
        return []
    best = scored[0][0]
    return [n for s, n in scored[:MOST] if s >= floor and best - s <= WITHIN]


def recorded(facts: Sequence[TimelineFact]) -> dict[str, TimelineFact]:
    """Each condition and procedure the notes record as present or done, by name, at its
    first dated note: what a name asked may be near to."""
    first: dict[str, TimelineFact] = {}
    for t in facts:
        if t.fact.kind in KINDS and t.fact.status != "negated" and t.session_date is not None:
            first.setdefault(t.fact.name, t)
    return first
