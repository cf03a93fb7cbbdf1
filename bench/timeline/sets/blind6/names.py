"""Other names a label's diagnosis, procedure or referral is also right under (names.txt):
British and American spellings, abbreviations and the lay or longer names clinicians write.
The scorer matches a diagnosis's words as a subset either way, so a diagnosis needs here
only the names that share no word with its label's."""

from __future__ import annotations

from functools import cache
from pathlib import Path

NAMES = Path(__file__).with_name("names.txt")


@cache
def _table() -> dict[tuple[str, str], tuple[str, ...]]:
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    kind = ""
    for line in NAMES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            kind = line.strip("[]")
            continue
        # "referral: gp: referral: general practice": the name holds a colon of its own.
        skip = len("referral: ") if line.startswith("referral: ") else 0
        cut = line.index(": ", skip)
        name, rest = line[:cut], line[cut + 2 :]
        out[kind, name] = tuple(a.strip() for a in rest.split(";") if a.strip())
    return out


def aliases_of(kind: str, name: str) -> tuple[str, ...]:
    return _table().get((kind, name), ())
