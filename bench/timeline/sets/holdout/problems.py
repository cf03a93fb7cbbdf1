"""Diagnosis mentions: conditions and symptoms with their English and Hebrew spellings
(conditions.toml), phrased as present, negated or history; problem lists; and family
history, which is no fact of the patient's (problems.toml)."""

from __future__ import annotations

from bench.timeline.sets.holdout.base import Cycler, Piece, dx
from bench.timeline.sets.holdout.conditions import CONDITIONS
from bench.timeline.sets.holdout.meds import PREFIX, join_prefix
from bench.timeline.sets.holdout.readers import by_lang, kinds_by_lang, read

_PROBLEMS = read("problems.toml")
# Per clinic, per status: the conditions it names.
POOLS = {clinic: _PROBLEMS.lists("pools", clinic) for clinic in _PROBLEMS.table("pools")}
# Per (status, kind of condition), per language: {x} the condition as written; in Hebrew
# {mx} / {lx}: with PREFIX "from" / "to" joined (meds.join_prefix).
PHRASES = {
    (status, kind): langs
    for status in _PROBLEMS.table("phrases")
    for kind, langs in kinds_by_lang(_PROBLEMS, "phrases", status).items()
}
LIST_HEADS = by_lang(_PROBLEMS, "list_heads")
FAMILY = by_lang(_PROBLEMS, "family")


def _check_pools() -> None:
    """Every condition a pool names is one of conditions.toml's."""
    for clinic, statuses in POOLS.items():
        for status, names in statuses.items():
            _PROBLEMS.known(names, CONDITIONS, "pools", clinic, status)


_check_pools()


def aliases(name: str) -> tuple[str, ...]:
    c = CONDITIONS[name]
    return tuple(dict.fromkeys((*c.en, *c.he, *c.extra)))


def phrase_kind(name: str, status: str) -> str:
    kind = CONDITIONS[name].kind
    if status == "present":
        return "symptom" if kind == "symptom" else "chronic"
    if status == "negated":
        return "symptom" if kind == "symptom" else "event"
    return "event"


def spelled(cyc: Cycler, name: str, lang: str) -> str:
    c = CONDITIONS[name]
    return cyc.rng.choice(c.he if lang == "he" else c.en)


def diagnosis(
    cyc: Cycler, pool: str, status: str, lang: str, used: set[str], kind: str | None = None
) -> Piece:
    """One condition of `pool` (of `kind` when given and the pool has one) in the next
    phrase for `status`."""
    free = [n for n in POOLS[pool][status] if n not in used]
    if kind and any(CONDITIONS[n].kind == kind for n in free):
        free = [n for n in free if CONDITIONS[n].kind == kind]
    name = cyc.rng.choice(free)
    used.add(name)
    pk = phrase_kind(name, status)
    template = cyc.pick(f"dx:{status}:{pk}:{lang}", PHRASES[(status, pk)][lang])
    x = spelled(cyc, name, lang)
    text = template.format(
        x=x,
        mx=join_prefix(PREFIX["from"], x),
        lx=join_prefix(PREFIX["to"], x),
        year=cyc.rng.randint(1998, 2022),
    )
    return Piece(text, (dx(name, status, aliases(name)),))


def in_list(cyc: Cycler, pool: str, lang: str, used: set[str], n: int) -> Piece:
    """A problem list of chronic conditions, all present ("Background: HTN, T2DM ...")."""
    free = [x for x in POOLS[pool]["present"] if x not in used and CONDITIONS[x].kind == "chronic"]
    names = cyc.rng.sample(free, min(n, len(free)))
    used.update(names)
    words = [spelled(cyc, x, lang) for x in names]
    head = cyc.pick(f"pmh:{lang}", LIST_HEADS[lang])
    if head.endswith("- "):
        body = "\n- ".join(words)
    elif lang == "he" and len(words) > 1:
        body = ", ".join(words[:-1]) + " " + join_prefix(PREFIX["and"], words[-1])
    else:
        body = ", ".join(words)
    return Piece(head + body, tuple(dx(x, "present", aliases(x)) for x in names))


def family(cyc: Cycler, lang: str) -> Piece:
    """Relatives' conditions: not the patient's, so no fact."""
    return Piece(cyc.pick(f"family:{lang}", FAMILY[lang]))
