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

from bench.timeline.kit.vocab import VocabError, VocabFile

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
    words = VocabFile(WORDINGS / f"{name}.toml")
    if set(words.data) != set(LANGUAGES):
        raise VocabError(f"{words.path}: tables [en] and [he] of wordings, and nothing else")
    for lang in LANGUAGES:
        if set(words.table(lang)) != set(operations):
            raise words.wrong((lang,), f"every operation ({', '.join(operations)}) once")
    return tuple((lang, words.lists(lang)) for lang in LANGUAGES)


def _named_pairs(table: str, lang: str) -> dict[str, Pairs]:
    """Each name's [name, name] pairs."""
    return {
        key: tuple((a, b) for a, b in _NAMES.rows(table, lang, key, width=2))
        for key in _NAMES.table(table, lang)
    }


def _absent() -> tuple[Absent, ...]:
    out: list[Absent] = []
    for i in range(len(_NAMES.tables("absent"))):
        _NAMES.known(_NAMES.table("absent", i), ("key", "kind", "en", "he", "stems"), "absent", i)
        kind = _NAMES.text("absent", i, "kind")
        _NAMES.known((kind,), ("cond", "proc", "ref"), "absent", i, "kind")
        en = tuple((a, b) for a, b in _NAMES.rows("absent", i, "en", width=2))
        he, stems = _NAMES.strings("absent", i, "he"), _NAMES.strings("absent", i, "stems")
        out.append((_NAMES.text("absent", i, "key"), kind, en, he, stems))
    return tuple(out)


_NAMES = VocabFile(NAMES)
MEASURE_NAMES_EN = _NAMES.lists("measures", "en")
# (with the article, bare)
MEASURE_NAMES_HE = _named_pairs("measures", "he")
DRUG_BRANDS_HE = _NAMES.texts("drug_brands", "he")
CONDITION_NAMES_EN = _NAMES.lists("conditions", "en")
CONDITION_NAMES_HE = _NAMES.lists("conditions", "he")
# (bare, with an article)
PROCEDURE_NAMES_EN = _named_pairs("procedures", "en")
PROCEDURE_NAMES_HE = _NAMES.lists("procedures", "he")
SPECIALTY_NAMES_EN = _NAMES.lists("specialties", "en")
SPECIALTY_NAMES_HE = _NAMES.lists("specialties", "he")
ABSENT = _absent()
