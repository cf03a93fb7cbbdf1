"""The overtime set's vocabulary, read from the TOML files beside this module through the
kit's VocabFile, each value's shape checked as it is taken (a wrong one raises VocabError
naming the file and the key):

- catalogue.toml: the drugs, conditions, procedures and specialties (DRUGS, CONDITIONS,
  PROCEDURES, SPECIALTIES);
- patients.toml: the patients' names, the profiles they follow and the measures' walks
  (NAMES, PROFILES, WALKS);
- notes_en.toml, notes_he.toml: how notes say things (READING_*, MED_*, DX_* ...);
- questions_en.toml, questions_he.toml: how questions ask (ASK_*, MEASURE_*, ABSENT_*,
  NUMBER_WORDS, PRONOUNS).

Lists come back as tuples and every table in the order written: the generator draws from
them by position.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.timeline.kit.vocab import Key, VocabFile

HERE = Path(__file__).resolve().parent
# The order of a walk's numbers, as the generator unpacks them.
WALK_FIELDS = ("low", "high", "step", "decimals", "floor", "ceiling")
Walk = tuple[float, float, float, int, float, float]
Wordings = dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Drug:
    name: str  # generic, as an answer names it
    written: tuple[str, ...]  # how English notes write it (brands too)
    he: str
    doses: tuple[str, ...]


@dataclass(frozen=True)
class Condition:
    name: str  # as a question names it
    en: str
    he: str


@dataclass(frozen=True)
class Done:
    name: str  # what the question asks for
    en: tuple[str, ...]  # sentences saying it was done
    he: str
    question_en: str  # the words a question uses
    question_he: str


@dataclass(frozen=True)
class Profile:
    measures: tuple[str, ...]
    drugs: tuple[str, ...]
    conditions: tuple[str, ...]
    procedures: tuple[str, ...]
    specialties: tuple[str, ...]


def _drawn(f: VocabFile, *keys: Key) -> tuple[str, ...]:
    """A list of strings the generator draws one of, so never empty."""
    words = f.strings(*keys)
    if not words:
        raise f.wrong(keys, "a list of strings, not empty")
    return words


def _record(f: VocabFile, keys: tuple[Key, ...], fields: tuple[str, ...]) -> dict[str, Any]:
    """A table of exactly `fields`, in that order: the order the generator unpacks them in."""
    value = f.table(*keys)
    if tuple(value) != fields:
        raise f.wrong(keys, f"a table of {', '.join(fields)}, in that order")
    return value


def _records(f: VocabFile, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """An array of `_record`s, not empty."""
    value = f.tables(key)
    if not value:
        raise f.wrong((key,), "an array of tables, not empty")
    return [_record(f, (key, i), fields) for i in range(len(value))]


def _wordings(f: VocabFile, key: str) -> Wordings:
    return {name: _drawn(f, key, name) for name in f.table(key)}


def _drugs(f: VocabFile) -> dict[str, Drug]:
    out: dict[str, Drug] = {}
    for name in f.table("drugs"):
        keys = ("drugs", name)
        _record(f, keys, ("written", "he", "doses"))
        written, doses = _drawn(f, *keys, "written"), _drawn(f, *keys, "doses")
        out[name] = Drug(name, written, f.text(*keys, "he"), doses)
    return out


def _conditions(f: VocabFile) -> dict[str, Condition]:
    out: dict[str, Condition] = {}
    for name in f.table("conditions"):
        keys = ("conditions", name)
        _record(f, keys, ("en", "he"))
        out[name] = Condition(name, f.text(*keys, "en"), f.text(*keys, "he"))
    return out


def _procedures(f: VocabFile) -> dict[str, Done]:
    out: dict[str, Done] = {}
    for name in f.table("procedures"):
        keys = ("procedures", name)
        _record(f, keys, ("en", "he", "question_en", "question_he"))
        out[name] = Done(
            name,
            _drawn(f, *keys, "en"),
            *(f.text(*keys, k) for k in ("he", "question_en", "question_he")),
        )
    return out


def _specialties(f: VocabFile) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for name in f.table("specialties"):
        names = f.strings("specialties", name)
        if len(names) != 2:
            raise f.wrong(("specialties", name), "[English, Hebrew]")
        out[name] = (names[0], names[1])
    return out


def _names(f: VocabFile) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    for i, _ in enumerate(_records(f, "names", ("name", "sex", "lang"))):
        sex, lang = f.text("names", i, "sex"), f.text("names", i, "lang")
        f.known((sex,), ("F", "M"), "names", i, "sex")
        f.known((lang,), ("en", "he"), "names", i, "lang")
        out.append((f.text("names", i, "name"), sex, lang))
    return tuple(out)


def _profiles(f: VocabFile, known: dict[str, set[str]]) -> tuple[Profile, ...]:
    """Each profile, its names checked against `known` (field -> the names it may use)."""
    out: list[Profile] = []
    for i, _ in enumerate(_records(f, "profiles", tuple(known))):
        fields = {k: _drawn(f, "profiles", i, k) for k in known}
        for k, names in fields.items():
            f.known(names, known[k], "profiles", i, k)
        # One drug a role (kept, renewed, stopped, started late); two conditions drawn.
        if len(fields["drugs"]) != 4 or len(fields["conditions"]) < 2:
            raise f.wrong(("profiles", i), "four drugs and at least two conditions")
        out.append(Profile(**fields))
    return tuple(out)


def _walks(f: VocabFile) -> dict[str, Walk]:
    out: dict[str, Walk] = {}
    for name in f.table("walks"):
        keys = ("walks", name)
        _record(f, keys, WALK_FIELDS)
        low, high, step, floor, ceiling = (
            f.number(*keys, k) for k in WALK_FIELDS if k != "decimals"
        )
        # Written with a point, as the readings drawn from them are floats.
        if not all(type(v) is float for v in (low, high, step, floor, ceiling)):
            raise f.wrong(keys, "floats (written with a point), decimals an integer")
        out[name] = (low, high, step, f.whole(*keys, "decimals"), floor, ceiling)
    return out


def _absent(f: VocabFile) -> tuple[tuple[str, str], ...]:
    return tuple(
        (f.text("absent", i, "term"), f.text("absent", i, "question"))
        for i, _ in enumerate(_records(f, "absent", ("term", "question")))
    )


def _numbers(f: VocabFile) -> dict[int, str]:
    words = f.texts("numbers")
    if not all(k.isdigit() for k in words):
        raise f.wrong(("numbers",), "counts as keys")
    return {int(k): w for k, w in words.items()}


def _pronouns(f: VocabFile) -> dict[str, dict[str, str]]:
    if tuple(f.table("pronouns")) != ("F", "M"):
        raise f.wrong(("pronouns",), "F and M")
    out: dict[str, dict[str, str]] = {}
    for sex in ("F", "M"):
        _record(f, ("pronouns", sex), ("pron", "poss", "obj"))
        out[sex] = f.texts("pronouns", sex)
    return out


_catalogue = VocabFile(HERE / "catalogue.toml")
DRUGS = _drugs(_catalogue)
CONDITIONS = _conditions(_catalogue)
PROCEDURES = _procedures(_catalogue)
SPECIALTIES = _specialties(_catalogue)

_patients = VocabFile(HERE / "patients.toml")
NAMES = _names(_patients)
WALKS = _walks(_patients)
PROFILES = _profiles(
    _patients,
    {
        "measures": {"bp", *WALKS},
        "drugs": set(DRUGS),
        "conditions": set(CONDITIONS),
        "procedures": set(PROCEDURES),
        "specialties": set(SPECIALTIES),
    },
)

_notes_en, _notes_he = VocabFile(HERE / "notes_en.toml"), VocabFile(HERE / "notes_he.toml")
READING_EN, READING_HE = _wordings(_notes_en, "readings"), _wordings(_notes_he, "readings")
DISTRACTORS_EN, DISTRACTORS_HE = _drawn(_notes_en, "distractors"), _drawn(_notes_he, "distractors")
MED_EN, MED_HE = _wordings(_notes_en, "meds"), _wordings(_notes_he, "meds")
LISTED_EN, LISTED_HE = _drawn(_notes_en, "listed"), _drawn(_notes_he, "listed")
DX_EN, DX_HE = _wordings(_notes_en, "diagnoses"), _wordings(_notes_he, "diagnoses")
REFER_EN, REFER_HE = _drawn(_notes_en, "referrals"), _drawn(_notes_he, "referrals")
VISIT_EN, VISIT_HE = _wordings(_notes_en, "visits"), _wordings(_notes_he, "visits")
FILLER_EN, FILLER_HE = _drawn(_notes_en, "fillers"), _drawn(_notes_he, "fillers")
HISTORY_EN, HISTORY_HE = _notes_en.text("history"), _notes_he.text("history")
EMPTY_EN, EMPTY_HE = _notes_en.texts("empty"), _notes_he.texts("empty")

_questions_en = VocabFile(HERE / "questions_en.toml")
_questions_he = VocabFile(HERE / "questions_he.toml")
ABSENT_EN, ABSENT_HE = _absent(_questions_en), _absent(_questions_he)
MEASURE_EN, MEASURE_HE = _questions_en.texts("measures"), _questions_he.texts("measures")
ASK_EN, ASK_HE = _wordings(_questions_en, "ask"), _wordings(_questions_he, "ask")
NUMBER_WORDS = _numbers(_questions_en)
PRONOUNS = _pronouns(_questions_en)
