"""The clinicians' lines (snippets/en.txt, snippets/he.txt): `@ NAME FIELDS` opens a pool
(a clinic's, or what every clinic writes) for the fields whose letters follow (S O A P H);
each line after it is one snippet, "\\n" a line break inside it."""

from __future__ import annotations

from pathlib import Path

SNIPPETS = Path(__file__).with_name("snippets")
FIELD_LETTERS = {
    "S": "subjective",
    "O": "objective",
    "A": "assessment",
    "P": "plan",
    "H": "medical_history",
}


def load(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(pool name, field) -> its snippets, for one language."""
    out: dict[tuple[str, str], list[str]] = {}
    current: list[list[str]] = []
    for raw in (SNIPPETS / f"{lang}.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@ "):
            name, letters = raw[2:].split()
            current = [out.setdefault((name, FIELD_LETTERS[c]), []) for c in letters]
            continue
        for pool in current:
            pool.append(raw.strip().replace("\\n", "\n"))
    return {k: tuple(v) for k, v in out.items()}
