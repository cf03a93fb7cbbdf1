"""The overtime set's vocabulary, read from the TOML files beside this module and checked
as it is read (a wrong shape raises VocabError naming the file):

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
from typing import Any, NoReturn

from bench.timeline.kit.vocab import VocabError, read_toml

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


class _File:
    """One TOML file of the set, with checks whose errors name it."""

    def __init__(self, name: str) -> None:
        self.path = HERE / name
        self.data = read_toml(self.path)

    def fail(self, where: str, want: str) -> NoReturn:
        raise VocabError(f"{self.path}: {where}: {want}")

    def get(self, key: str) -> Any:
        if key not in self.data:
            self.fail(key, "missing")
        return self.data[key]

    def table(self, key: str) -> dict[str, Any]:
        value = self.get(key)
        if not isinstance(value, dict):
            self.fail(key, "a table")
        return value

    def text(self, where: str, value: Any) -> str:
        if not isinstance(value, str):
            self.fail(where, "a string")
        return value

    def texts(self, where: str, value: Any) -> tuple[str, ...]:
        # Never empty: the generator draws one of them.
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            self.fail(where, "a list of strings, not empty")
        return tuple(value)

    def record(self, where: str, value: Any, fields: tuple[str, ...]) -> dict[str, Any]:
        if not isinstance(value, dict) or tuple(value) != fields:
            self.fail(where, f"a table of {', '.join(fields)}, in that order")
        return value

    def records(self, key: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
        value = self.get(key)
        if not isinstance(value, list) or not value:
            self.fail(key, "a list of tables")
        return [self.record(f"{key}[{i}]", v, fields) for i, v in enumerate(value)]

    def wordings(self, key: str) -> Wordings:
        return {name: self.texts(f"[{key}] {name}", v) for name, v in self.table(key).items()}

    def words(self, key: str) -> dict[str, str]:
        return {name: self.text(f"[{key}] {name}", v) for name, v in self.table(key).items()}


def _drugs(f: _File) -> dict[str, Drug]:
    out: dict[str, Drug] = {}
    for name, value in f.table("drugs").items():
        where = f"[drugs] {name}"
        d = f.record(where, value, ("written", "he", "doses"))
        out[name] = Drug(
            name,
            f.texts(f"{where} written", d["written"]),
            f.text(f"{where} he", d["he"]),
            f.texts(f"{where} doses", d["doses"]),
        )
    return out


def _conditions(f: _File) -> dict[str, Condition]:
    out: dict[str, Condition] = {}
    for name, value in f.table("conditions").items():
        c = f.record(f"[conditions] {name}", value, ("en", "he"))
        where = f"[conditions] {name}"
        out[name] = Condition(name, f.text(where, c["en"]), f.text(where, c["he"]))
    return out


def _procedures(f: _File) -> dict[str, Done]:
    out: dict[str, Done] = {}
    for name, value in f.table("procedures").items():
        where = f"[procedures.{name}]"
        p = f.record(where, value, ("en", "he", "question_en", "question_he"))
        out[name] = Done(
            name,
            f.texts(f"{where} en", p["en"]),
            *(f.text(f"{where} {k}", p[k]) for k in ("he", "question_en", "question_he")),
        )
    return out


def _specialties(f: _File) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for name, value in f.table("specialties").items():
        names = f.texts(f"[specialties] {name}", value)
        if len(names) != 2:
            f.fail(f"[specialties] {name}", "[English, Hebrew]")
        out[name] = (names[0], names[1])
    return out


def _names(f: _File) -> tuple[tuple[str, str, str], ...]:
    out: list[tuple[str, str, str]] = []
    for i, p in enumerate(f.records("names", ("name", "sex", "lang"))):
        if p["sex"] not in ("F", "M") or p["lang"] not in ("en", "he"):
            f.fail(f"names[{i}]", "sex F or M, lang en or he")
        out.append((f.text(f"names[{i}]", p["name"]), p["sex"], p["lang"]))
    return tuple(out)


def _profiles(f: _File, known: dict[str, set[str]]) -> tuple[Profile, ...]:
    """Each profile, its names checked against `known` (field -> the names it may use)."""
    out: list[Profile] = []
    for i, p in enumerate(f.records("profiles", tuple(known))):
        fields = {k: f.texts(f"profiles[{i}] {k}", v) for k, v in p.items()}
        for k, names in fields.items():
            if not set(names) <= known[k]:
                f.fail(f"profiles[{i}] {k}", f"names of {sorted(known[k])}")
        # One drug a role (kept, renewed, stopped, started late); two conditions drawn.
        if len(fields["drugs"]) != 4 or len(fields["conditions"]) < 2:
            f.fail(f"profiles[{i}]", "four drugs and at least two conditions")
        out.append(Profile(**fields))
    return tuple(out)


def _walks(f: _File) -> dict[str, Walk]:
    out: dict[str, Walk] = {}
    for name, value in f.table("walks").items():
        w = f.record(f"[walks] {name}", value, WALK_FIELDS)
        floats = all(type(w[k]) is float for k in WALK_FIELDS if k != "decimals")
        if not floats or type(w["decimals"]) is not int:
            f.fail(f"[walks] {name}", "floats (written with a point), decimals an integer")
        out[name] = (w["low"], w["high"], w["step"], w["decimals"], w["floor"], w["ceiling"])
    return out


def _absent(f: _File) -> tuple[tuple[str, str], ...]:
    return tuple(
        (f.text(f"absent[{i}]", a["term"]), f.text(f"absent[{i}]", a["question"]))
        for i, a in enumerate(f.records("absent", ("term", "question")))
    )


def _numbers(f: _File) -> dict[int, str]:
    words = f.words("numbers")
    if not all(k.isdigit() for k in words):
        f.fail("[numbers]", "counts as keys")
    return {int(k): w for k, w in words.items()}


def _pronouns(f: _File) -> dict[str, dict[str, str]]:
    table = f.table("pronouns")
    if tuple(table) != ("F", "M"):
        f.fail("[pronouns]", "F and M")
    out: dict[str, dict[str, str]] = {}
    for sex, value in table.items():
        words = f.record(f"[pronouns] {sex}", value, ("pron", "poss", "obj"))
        out[sex] = {k: f.text(f"[pronouns] {sex} {k}", v) for k, v in words.items()}
    return out


_catalogue = _File("catalogue.toml")
DRUGS = _drugs(_catalogue)
CONDITIONS = _conditions(_catalogue)
PROCEDURES = _procedures(_catalogue)
SPECIALTIES = _specialties(_catalogue)

_patients = _File("patients.toml")
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

_notes_en, _notes_he = _File("notes_en.toml"), _File("notes_he.toml")
READING_EN, READING_HE = _notes_en.wordings("readings"), _notes_he.wordings("readings")
DISTRACTORS_EN = _notes_en.texts("distractors", _notes_en.get("distractors"))
DISTRACTORS_HE = _notes_he.texts("distractors", _notes_he.get("distractors"))
MED_EN, MED_HE = _notes_en.wordings("meds"), _notes_he.wordings("meds")
LISTED_EN = _notes_en.texts("listed", _notes_en.get("listed"))
LISTED_HE = _notes_he.texts("listed", _notes_he.get("listed"))
DX_EN, DX_HE = _notes_en.wordings("diagnoses"), _notes_he.wordings("diagnoses")
REFER_EN = _notes_en.texts("referrals", _notes_en.get("referrals"))
REFER_HE = _notes_he.texts("referrals", _notes_he.get("referrals"))
VISIT_EN, VISIT_HE = _notes_en.wordings("visits"), _notes_he.wordings("visits")
FILLER_EN = _notes_en.texts("fillers", _notes_en.get("fillers"))
FILLER_HE = _notes_he.texts("fillers", _notes_he.get("fillers"))
HISTORY_EN = _notes_en.text("history", _notes_en.get("history"))
HISTORY_HE = _notes_he.text("history", _notes_he.get("history"))
EMPTY_EN, EMPTY_HE = _notes_en.words("empty"), _notes_he.words("empty")

_questions_en, _questions_he = _File("questions_en.toml"), _File("questions_he.toml")
ABSENT_EN, ABSENT_HE = _absent(_questions_en), _absent(_questions_he)
MEASURE_EN, MEASURE_HE = _questions_en.words("measures"), _questions_he.words("measures")
ASK_EN, ASK_HE = _questions_en.wordings("ask"), _questions_he.wordings("ask")
NUMBER_WORDS = _numbers(_questions_en)
PRONOUNS = _pronouns(_questions_en)
