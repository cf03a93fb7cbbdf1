"""The conditions and symptoms of the holdout set (conditions.toml): for each, its English
and Hebrew spellings, its kind ("chronic", "symptom", "event": which phrases fit) and other
names that count as it."""

from __future__ import annotations

from dataclasses import dataclass

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.holdout.readers import read, string, strings, table

KINDS = ("chronic", "symptom", "event")  # problems.py picks phrases by these


@dataclass(frozen=True)
class Condition:
    en: tuple[str, ...]  # as written in English notes
    he: tuple[str, ...]  # as written in Hebrew notes (Latin abbreviations included)
    kind: str  # "chronic", "symptom" or "event": which phrases fit
    extra: tuple[str, ...] = ()  # other names that count (all spellings above count too)


def _conditions() -> dict[str, Condition]:
    path, data = read("conditions.toml")
    out: dict[str, Condition] = {}
    for name, value in data.items():
        spec = table(path, name, value)
        kind = string(path, f"{name}.kind", spec.get("kind"))
        if kind not in KINDS or set(spec) - {"kind", "en", "he", "extra"}:
            raise VocabError(f"{path}: {name!r}: kind (one of {', '.join(KINDS)}), en, he, extra")
        en, he = (strings(path, f"{name}.{k}", spec.get(k)) for k in ("en", "he"))
        if not en or not he:
            raise VocabError(f"{path}: {name!r}: a spelling in each language at least")
        out[name] = Condition(en, he, kind, strings(path, f"{name}.extra", spec.get("extra", [])))
    return out


CONDITIONS = _conditions()
