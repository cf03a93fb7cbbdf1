"""How the clinician asks: the format of a set's wording families, and their reader.

A set's wordings are data: wordings/main.toml for the main set (data.json), and
wordings/<name>.toml for each further development set named in EXTRA (__init__.py). Each
file's [en] and [he] tables map every operation (generate.OPERATIONS) to its families, in
order: a family's id, operation.language.nn, is its place in its list. The names a question
may use for what it asks about (clinical, lay, brand, abbreviated) are names.toml's.

A family is one template: `"tags::text"` or just `"text"`. Tags restrict what the family
can be asked about or fix a variant of the operation:
- a measure key (bp, bp_sys, bp_dia, weight, a1c, egfr, phq9, gad7, pain, heart_rate):
  only these measures;
- `visit`: the subject is the visits themselves (first, list);
- `max` / `min`: the extreme asked for;
- `since`: a change since a dated visit (without it: first reading to latest);
- `yn` / `when`: any record, yes/no only or also when it was first;
- `cond`, `proc`, `ref`: any record, only conditions, procedures or referrals.

Placeholders: `{a|b}` is the female | male form; `{m}` a measure's name (Hebrew: with the
article), `{m0}` its bare Hebrew name, `{b_m0}` / `{l_m0}` with a one-letter preposition;
`{qn}` a questionnaire's short name (PHQ-9, GAD-7); `{drug}`, `{l_drug}`, `{m_drug}`,
`{b_drug}`; `{x}` / `{a_x}` / `{l_x}` what any record asks about (bare / with an article /
with ל); `{d}` a date (Hebrew: with ב), `{d0}` a bare Hebrew date; `{period}`; `{n}` a
count of readings, `{nf}` / `{nm}` its Hebrew words for a feminine / masculine noun.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import VocabError, read_toml

HERE = Path(__file__).resolve().parent
WORDINGS = HERE / "wordings"
MAIN = "main"
NAMES = HERE / "names.toml"
LANGUAGES = ("en", "he")

Wordings = dict[str, tuple[str, ...]]
Tables = tuple[tuple[str, Wordings], ...]
Pairs = tuple[tuple[str, str], ...]
# (key, kind, English names (bare, with article), Hebrew names, stems that must not occur in
# the patient's notes or history).
Absent = tuple[str, str, Pairs, tuple[str, ...], tuple[str, ...]]


@cache
def read_wordings(name: str, operations: tuple[str, ...]) -> Tables:
    """wordings/<name>.toml: (("en", its families per operation), ("he", ...)), each table
    holding every one of `operations` and nothing else."""
    path = WORDINGS / f"{name}.toml"
    data = read_toml(path)
    if set(data) != set(LANGUAGES):
        raise VocabError(f"{path}: tables [en] and [he] of wordings, and nothing else")
    out: list[tuple[str, Wordings]] = []
    for lang in LANGUAGES:
        table = data[lang]
        if not isinstance(table, dict) or set(table) != set(operations):
            raise VocabError(f"{path}: [{lang}]: every operation ({', '.join(operations)}) once")
        out.append((lang, {op: _strings(path, f"[{lang}] {op!r}", t) for op, t in table.items()}))
    return tuple(out)


def _strings(path: Path, where: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise VocabError(f"{path}: {where}: a list of strings")
    return tuple(value)


def _pairs(path: Path, where: str, value: Any) -> Pairs:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(s, str) for s in p) for p in value
    ):
        raise VocabError(f"{path}: {where}: a list of [name, name] pairs")
    return tuple((p[0], p[1]) for p in value)


def _table(path: Path, data: dict[str, Any], table: str, lang: str) -> dict[str, Any]:
    section = data.get(table)
    inner = section.get(lang) if isinstance(section, dict) else None
    if not isinstance(inner, dict):
        raise VocabError(f"{path}: no table [{table}.{lang}]")
    return inner


def _names(table: str, lang: str) -> dict[str, tuple[str, ...]]:
    items = _table(NAMES, _DATA, table, lang).items()
    return {k: _strings(NAMES, f"[{table}.{lang}] {k!r}", v) for k, v in items}


def _named_pairs(table: str, lang: str) -> dict[str, Pairs]:
    items = _table(NAMES, _DATA, table, lang).items()
    return {k: _pairs(NAMES, f"[{table}.{lang}] {k!r}", v) for k, v in items}


def _brands() -> dict[str, str]:
    brands = _table(NAMES, _DATA, "drug_brands", "he")
    if not all(isinstance(b, str) for b in brands.values()):
        raise VocabError(f"{NAMES}: [drug_brands.he]: drug = its brand")
    return dict(brands)


def _absent() -> tuple[Absent, ...]:
    rows = _DATA.get("absent")
    if not isinstance(rows, list):
        raise VocabError(f"{NAMES}: no [[absent]] tables")
    out: list[Absent] = []
    for i, row in enumerate(rows, start=1):
        where = f"[[absent]] {i}"
        if not isinstance(row, dict) or set(row) != {"key", "kind", "en", "he", "stems"}:
            raise VocabError(f"{NAMES}: {where}: key, kind, en, he and stems")
        if not isinstance(row["key"], str) or row["kind"] not in ("cond", "proc", "ref"):
            raise VocabError(f"{NAMES}: {where}: a key, and a kind of cond, proc or ref")
        en = _pairs(NAMES, f"{where} en", row["en"])
        he = _strings(NAMES, f"{where} he", row["he"])
        out.append(
            (row["key"], row["kind"], en, he, _strings(NAMES, f"{where} stems", row["stems"]))
        )
    return tuple(out)


_DATA = read_toml(NAMES)
MEASURE_NAMES_EN = _names("measures", "en")
# (with the article, bare)
MEASURE_NAMES_HE = _named_pairs("measures", "he")
DRUG_BRANDS_HE = _brands()
CONDITION_NAMES_EN = _names("conditions", "en")
CONDITION_NAMES_HE = _names("conditions", "he")
# (bare, with an article)
PROCEDURE_NAMES_EN = _named_pairs("procedures", "en")
PROCEDURE_NAMES_HE = _names("procedures", "he")
SPECIALTY_NAMES_EN = _names("specialties", "en")
SPECIALTY_NAMES_HE = _names("specialties", "he")
ABSENT = _absent()
