"""The conditions and symptoms of the holdout set (conditions.toml): for each, its English
and Hebrew spellings, its kind ("chronic", "symptom", "event": which phrases fit) and other
names that count as it."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.sets.holdout.readers import read

KINDS = ("chronic", "symptom", "event")  # problems.py picks phrases by these


@dataclass(frozen=True)
class Condition:
    en: tuple[str, ...]  # as written in English notes
    he: tuple[str, ...]  # as written in Hebrew notes (Latin abbreviations included)
    kind: str  # "chronic", "symptom" or "event": which phrases fit
    extra: tuple[str, ...] = ()  # other names that count (all spellings above count too)


def _conditions() -> dict[str, Condition]:
    words = read("conditions.toml")
    out: dict[str, Condition] = {}
    for name in words.data:
        kind = words.text(name, "kind")
        if kind not in KINDS or set(words.table(name)) - {"kind", "en", "he", "extra"}:
            raise words.wrong((name,), f"kind (one of {', '.join(KINDS)}), en, he, extra")
        en, he = words.strings(name, "en"), words.strings(name, "he")
        if not en or not he:
            raise words.wrong((name,), "a spelling in each language at least")
        extra = words.strings(name, "extra") if words.has(name, "extra") else ()
        out[name] = Condition(en, he, kind, extra)
    return out


CONDITIONS = _conditions()
