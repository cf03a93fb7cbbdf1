"""What the test set's documents say (bench/documents/corpus.py): referral letters, lab
tables, imaging reports and letters, in English, Hebrew and both, each drawn from several
wordings and layouts by a seeded `random.Random`. Invented people and values only.

The people, topics, panels and every line's wording are wording.toml beside this module,
read and checked here; the writers draw from them and fill them in. Each writer returns
the document's pages (a line, or a tuple of cells for a table row) and its questions:
(question, the page that answers it, counting from 1)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.documents.make import Line
from bench.timeline.kit.vocab import VocabError, read_toml

Page = list[Line]
Question = tuple[str, int]


@dataclass(frozen=True)
class Written:
    pages: list[Page]
    questions: list[Question]
    lab: bool = False


PATH = Path(__file__).with_suffix(".toml")
_DATA = read_toml(PATH)
# A value's expected shape: a type, [shape] a list of it, {key: shape} a table of exactly
# those keys; float takes a whole number too (and keeps it one).
_Shape = type | list[Any] | dict[str, Any]


def _fits(value: Any, shape: _Shape) -> bool:
    if isinstance(shape, list):
        return isinstance(value, list) and all(_fits(v, shape[0]) for v in value)
    if isinstance(shape, dict):
        return (
            isinstance(value, dict)
            and value.keys() == shape.keys()
            and all(_fits(value[k], s) for k, s in shape.items())
        )
    return type(value) in ((int, float) if shape is float else (shape,))


def _take(*keys: str, shape: _Shape) -> Any:
    """wording.toml's value at `keys`, which must have `shape`."""
    value: Any = _DATA
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if not _fits(value, shape):
        where = ".".join(keys)
        raise VocabError(f"{PATH}: {where}: expected {json.dumps(_describe(shape))}")
    return value


def _pair(*keys: str) -> tuple[int, int]:
    """`[low, high]` whole numbers, as random.randint draws them (both ends included)."""
    value = _take(*keys, shape=[int])
    if len(value) != 2 or not value[0] <= value[1]:
        raise VocabError(f"{PATH}: {'.'.join(keys)}: expected [low, high], low first")
    return value[0], value[1]


def _describe(shape: _Shape) -> Any:
    if isinstance(shape, list):
        return [_describe(shape[0])]
    if isinstance(shape, dict):
        return {k: _describe(s) for k, s in shape.items()}
    return {str: "text", int: "whole number", float: "number"}.get(shape, shape.__name__)


_QUESTIONS = [{"text": str, "page": int}]
_TOPIC = {"specialty": str, "complaint": str, "drug": str, "dose": int, "frequency": str}
_STUDY = {"study": str, "finding": str, "impression": str}
_ANALYTE = {"en": str, "he": str, "unit": str, "low": float, "high": float, "decimals": int}

NAMES: list[str] = _take("names_en", shape=[str])
NAMES_HE: list[str] = _take("names_he", shape=[str])
DOCTORS: list[str] = _take("doctors_en", shape=[str])
DOCTORS_HE: list[str] = _take("doctors_he", shape=[str])
# (specialty, complaint, the drug she takes, dose mg, how often)
REFERRALS = [tuple(t[k] for k in _TOPIC) for t in _take("referral_topics_en", shape=[_TOPIC])]
REFERRALS_HE = [tuple(t[k] for k in _TOPIC) for t in _take("referral_topics_he", shape=[_TOPIC])]
_PANELS = _take("lab_panels", shape=[{"title_en": str, "title_he": str, "analytes": [_ANALYTE]}])
# (analyte, Hebrew name, unit, low, high, decimals)
PANELS: list[list[tuple[str, str, str, float, float, int]]] = [
    [tuple(a[k] for k in _ANALYTE) for a in p["analytes"]] for p in _PANELS
]
PANEL_TITLES = [p["title_en"] for p in _PANELS]
PANEL_TITLES_HE = [p["title_he"] for p in _PANELS]
# (study, finding, impression)
IMAGING = [tuple(s[k] for k in _STUDY) for s in _take("imaging_studies_en", shape=[_STUDY])]
IMAGING_HE = [tuple(s[k] for k in _STUDY) for s in _take("imaging_studies_he", shape=[_STUDY])]

DATE: str = _take("date", shape=str)
DATE_YEARS = _pair("date_years")
ONSET_YEARS = _pair("onset_years")
_LINES = [str]
REFERRAL_EN = _take(
    "referral", "en",
    shape={"letter": _LINES, "form": _LINES, "second_page": _LINES, "allergies": [str],
           "questions": _QUESTIONS},
)  # fmt: skip
REFERRAL_HE = _take(
    "referral", "he", shape={"first_page": _LINES, "second_page": _LINES, "questions": _QUESTIONS}
)
LAB_REFERENCE: str = _take("lab", "reference", shape=str)
LAB_EN = _take(
    "lab", "en",
    shape={"head": _LINES, "table_header": [str], "table_row": [str], "line": str,
           "questions": _QUESTIONS},
)  # fmt: skip
LAB_MIXED = _take("lab", "mixed", shape={"head": _LINES})
LAB_HE = _take("lab", "he", shape={"head": _LINES, "line": str, "questions": _QUESTIONS})
IMAGING_EN_TEXT = _take(
    "imaging", "en",
    shape={"first_page": _LINES, "second_page": _LINES, "details": [str], "advice": [str],
           "questions": _QUESTIONS},
)  # fmt: skip
IMAGING_HE_TEXT = _take("imaging", "he", shape={"page": _LINES, "questions": _QUESTIONS})
IMAGING_MIXED_TEXT = _take("imaging", "mixed", shape={"page": _LINES, "indications": [str]})
# Drawn in this order.
LETTER_NUMBERS = {k: _pair("letter", k) for k in ("systolic", "diastolic", "pulse")}
LETTER_WEEKS: list[int] = _take("letter", "weeks", shape=[int])
LETTER_EN = _take(
    "letter", "en",
    shape={"titles": [str], "page": _LINES, "feelings": [str], "questions": _QUESTIONS},
)  # fmt: skip
LETTER_HE = _take(
    "letter", "he", shape={"titles": [str], "page": _LINES, "drug": str, "questions": _QUESTIONS}
)
LETTER_MIXED_DRUG: str = _take("letter", "mixed", "drug", shape=str)


def _fill(lines: list[str], fields: dict[str, Any]) -> Page:
    return [line.format(**fields) for line in lines]


def _ask(questions: list[dict[str, Any]], fields: dict[str, Any]) -> list[Question]:
    return [(q["text"].format(**fields), q["page"]) for q in questions]


def _date(rng: random.Random) -> str:
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    return DATE.format(day=day, month=month, year=rng.randint(*DATE_YEARS))


def _value(rng: random.Random, low: float, high: float, decimals: int) -> str:
    span = high - low
    x = rng.uniform(low - 0.15 * span, high + 0.15 * span)
    return f"{max(x, 0.1):.{decimals}f}"


def referral(rng: random.Random, lang: str, topic: int) -> Written:
    name, doc, date = rng.choice(NAMES), rng.choice(DOCTORS), _date(rng)
    if lang == "en":
        spec, complaint, drug, dose, freq = REFERRALS[topic % len(REFERRALS)]
        year = rng.randint(*ONSET_YEARS)
        first = REFERRAL_EN["letter"] if rng.random() < 0.5 else REFERRAL_EN["form"]
        fields = {
            "name": name, "doctor": doc, "date": date, "year": year, "spec": spec,
            "Spec": spec.title(), "complaint": complaint,
            "complaint_word": complaint.split(" ")[1], "drug": drug, "dose": dose,
            "freq": freq, "allergy": rng.choice(REFERRAL_EN["allergies"]),
        }  # fmt: skip
        pages = [_fill(first, fields), _fill(REFERRAL_EN["second_page"], fields)]
        return Written(pages, _ask(REFERRAL_EN["questions"], fields))
    spec, complaint, drug, dose, freq = REFERRALS_HE[topic % len(REFERRALS_HE)]
    year = rng.randint(*ONSET_YEARS)
    if lang == "mixed":
        drug = REFERRALS[topic % len(REFERRALS)][2].title()
    fields = {
        "name": rng.choice(NAMES_HE), "doctor": rng.choice(DOCTORS_HE), "date": date,
        "year": year, "spec": spec, "complaint": complaint, "drug": drug, "dose": dose,
        "freq": freq,
    }  # fmt: skip
    pages = [_fill(REFERRAL_HE["first_page"], fields), _fill(REFERRAL_HE["second_page"], fields)]
    return Written(pages, _ask(REFERRAL_HE["questions"], fields))


def lab(rng: random.Random, lang: str, topic: int) -> Written:
    panel = PANELS[topic % len(PANELS)]
    rows = [
        {
            "analyte": a, "analyte_he": he, "unit": u, "value": _value(rng, lo, hi, d),
            "reference": LAB_REFERENCE.format(low=f"{lo:.{d}f}", high=f"{hi:.{d}f}"),
        }
        for a, he, u, lo, hi, d in panel
    ]  # fmt: skip
    date = _date(rng)
    first = rows[rng.randrange(len(panel))]
    if lang == "he":
        head = _fill(LAB_HE["head"], {"title": PANEL_TITLES_HE[topic % len(PANELS)], "date": date})
        page = head + [LAB_HE["line"].format(**row) for row in rows]
        return Written([page], _ask(LAB_HE["questions"], first), lab=True)
    fields = {"title": PANEL_TITLES[topic % len(PANELS)], "date": date}
    head = _fill((LAB_MIXED if lang == "mixed" else LAB_EN)["head"], fields)
    if rng.random() < 0.5:  # a table, or one line a result
        body: Page = [tuple(LAB_EN["table_header"])]
        body += [tuple(cell.format(**row) for cell in LAB_EN["table_row"]) for row in rows]
    else:
        body = [LAB_EN["line"].format(**row) for row in rows]
    return Written([head + body], _ask(LAB_EN["questions"], first), lab=True)


def imaging(rng: random.Random, lang: str, topic: int) -> Written:
    date = _date(rng)
    if lang == "en":
        study, finding, impression = IMAGING[topic % len(IMAGING)]
        text = IMAGING_EN_TEXT
        fields = {
            "study": study, "finding": finding, "impression": impression, "date": date,
            "details": rng.choice(text["details"]), "advice": rng.choice(text["advice"]),
            "doctor": rng.choice(DOCTORS),
        }  # fmt: skip
        pages = [_fill(text["first_page"], fields), _fill(text["second_page"], fields)]
        return Written(pages, _ask(text["questions"], fields))
    study, finding, impression = IMAGING_HE[topic % len(IMAGING_HE)]
    fields = {
        "study": study, "finding": finding, "impression": impression, "date": date,
        "doctor": rng.choice(DOCTORS_HE),
    }  # fmt: skip
    lines = IMAGING_HE_TEXT["page"]
    if lang == "mixed":
        fields["indication"] = rng.choice(IMAGING_MIXED_TEXT["indications"])
        lines = IMAGING_MIXED_TEXT["page"]
    return Written([_fill(lines, fields)], _ask(IMAGING_HE_TEXT["questions"], fields))


def letter(rng: random.Random, lang: str, topic: int) -> Written:
    fields: dict[str, Any] = {k: rng.randint(*pair) for k, pair in LETTER_NUMBERS.items()}
    fields |= {"date": _date(rng), "weeks": rng.choice(LETTER_WEEKS)}
    if lang == "en":
        text = LETTER_EN
        fields |= {"title": rng.choice(text["titles"]), "doctor": rng.choice(DOCTORS)}
        fields |= {"name": rng.choice(NAMES), "feeling": rng.choice(text["feelings"])}
    else:
        text = LETTER_HE
        fields["title"] = rng.choice(text["titles"])
        fields["drug"] = LETTER_MIXED_DRUG if lang == "mixed" else text["drug"]
    return Written([_fill(text["page"], fields)], _ask(text["questions"], fields))


WRITERS: dict[str, Callable[[random.Random, str, int], Written]] = {
    "referral": referral,
    "lab": lab,
    "imaging": imaging,
    "letter": letter,
}
