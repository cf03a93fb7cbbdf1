"""What the test set's documents say (bench/documents/corpus.py): referral letters, lab
tables, imaging reports and letters, in English, Hebrew and both, each drawn from several
wordings and layouts by a seeded `random.Random`. Invented people and values only.

The people, topics, panels and every line's wording are wording.toml beside this module,
read and checked here; the writers draw from them and fill them in. Each writer returns
the document's pages (a line, or a tuple of cells for a table row) and its questions:
(question, the page that answers it, counting from 1)."""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from bench.documents.make import Line
from bench.timeline.kit.vocab import Key, VocabFile

Page = list[Line]
Question = tuple[str, int]


@dataclass(frozen=True)
class Written:
    pages: list[Page]
    questions: list[Question]
    lab: bool = False


PATH = Path(__file__).with_suffix(".toml")
_words = VocabFile(PATH)
# One of `_words`' getters (or `_records`, given its fields): the value at the keys it is given.
_Get = Callable[..., Any]


def _record(fields: dict[str, _Get], *keys: Key) -> dict[str, Any]:
    """The table at `keys`, of exactly `fields`' keys, each read by its getter."""
    _words.known(_words.table(*keys), fields, *keys)
    return {name: get(*keys, name) for name, get in fields.items()}


def _records(fields: dict[str, _Get], *keys: Key) -> list[dict[str, Any]]:
    """The array of tables at `keys`, each a `_record` of `fields`."""
    return [_record(fields, *keys, n) for n in range(len(_words.tables(*keys)))]


def _wholes(*keys: Key) -> tuple[int, ...]:
    """A list of whole numbers."""
    return tuple(_words.whole(*keys, n) for n in range(len(_words.numbers(*keys))))


def _pair(*keys: Key) -> tuple[int, int]:
    """`[low, high]` whole numbers, as random.randint draws them (both ends included)."""
    _words.numbers(*keys, n=2)
    low, high = _wholes(*keys)
    if low > high:
        raise _words.wrong(keys, "[low, high], low first")
    return low, high


_QUESTIONS = partial(_records, {"text": _words.text, "page": _words.whole})
_TOPIC: dict[str, _Get] = {
    "specialty": _words.text, "complaint": _words.text, "drug": _words.text,
    "dose": _words.whole, "frequency": _words.text,
}  # fmt: skip
_STUDY: dict[str, _Get] = {"study": _words.text, "finding": _words.text, "impression": _words.text}
# low and high as written: a whole number stays one.
_ANALYTE: dict[str, _Get] = {
    "en": _words.text, "he": _words.text, "unit": _words.text, "low": _words.number,
    "high": _words.number, "decimals": _words.whole,
}  # fmt: skip
_PANEL = {"title_en": _words.text, "title_he": _words.text, "analytes": partial(_records, _ANALYTE)}

NAMES = list(_words.strings("names_en"))
NAMES_HE = list(_words.strings("names_he"))
DOCTORS = list(_words.strings("doctors_en"))
DOCTORS_HE = list(_words.strings("doctors_he"))
# (specialty, complaint, the drug she takes, dose mg, how often)
REFERRALS = [tuple(t.values()) for t in _records(_TOPIC, "referral_topics_en")]
REFERRALS_HE = [tuple(t.values()) for t in _records(_TOPIC, "referral_topics_he")]
_PANELS = _records(_PANEL, "lab_panels")
# (analyte, Hebrew name, unit, low, high, decimals)
PANELS: list[list[tuple[str, str, str, float, float, int]]] = [
    [tuple(a.values()) for a in p["analytes"]] for p in _PANELS
]
PANEL_TITLES = [p["title_en"] for p in _PANELS]
PANEL_TITLES_HE = [p["title_he"] for p in _PANELS]
# (study, finding, impression)
IMAGING = [tuple(s.values()) for s in _records(_STUDY, "imaging_studies_en")]
IMAGING_HE = [tuple(s.values()) for s in _records(_STUDY, "imaging_studies_he")]

DATE = _words.text("date")
DATE_YEARS = _pair("date_years")
ONSET_YEARS = _pair("onset_years")
# A page's lines, or the choices one is drawn from; one line.
_LINES, _LINE = _words.strings, _words.text
REFERRAL_EN = _record(
    {"letter": _LINES, "form": _LINES, "second_page": _LINES, "allergies": _LINES,
     "questions": _QUESTIONS},
    "referral", "en",
)  # fmt: skip
REFERRAL_HE = _record(
    {"first_page": _LINES, "second_page": _LINES, "questions": _QUESTIONS}, "referral", "he"
)
LAB_REFERENCE = _words.text("lab", "reference")
LAB_EN = _record(
    {"head": _LINES, "table_header": _LINES, "table_row": _LINES, "line": _LINE,
     "questions": _QUESTIONS},
    "lab", "en",
)  # fmt: skip
LAB_MIXED = _record({"head": _LINES}, "lab", "mixed")
LAB_HE = _record({"head": _LINES, "line": _LINE, "questions": _QUESTIONS}, "lab", "he")
IMAGING_EN_TEXT = _record(
    {"first_page": _LINES, "second_page": _LINES, "details": _LINES, "advice": _LINES,
     "questions": _QUESTIONS},
    "imaging", "en",
)  # fmt: skip
IMAGING_HE_TEXT = _record({"page": _LINES, "questions": _QUESTIONS}, "imaging", "he")
IMAGING_MIXED_TEXT = _record({"page": _LINES, "indications": _LINES}, "imaging", "mixed")
# Drawn in this order.
LETTER_NUMBERS = {k: _pair("letter", k) for k in ("systolic", "diastolic", "pulse")}
LETTER_WEEKS = _wholes("letter", "weeks")
LETTER_EN = _record(
    {"titles": _LINES, "page": _LINES, "feelings": _LINES, "questions": _QUESTIONS}, "letter", "en"
)
LETTER_HE = _record(
    {"titles": _LINES, "page": _LINES, "drug": _LINE, "questions": _QUESTIONS}, "letter", "he"
)
LETTER_MIXED_DRUG = _words.text("letter", "mixed", "drug")


def _fill(lines: Sequence[str], fields: dict[str, Any]) -> Page:
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
