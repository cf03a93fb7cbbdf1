"""Condition names beyond the project's own lexicon, from a maintained ontology (issue 27).

The names are the Human Disease Ontology's labels (CC0 1.0; DOreports/HumanDO.tsv of
github.com/DiseaseOntology/HumanDiseaseOntology), filtered once by `derive` into
`data/disease_ontology.tsv`, which records the source commit and the licence in its header.
The ontology has neither symptoms nor Hebrew, and its labels are written for curators:
many are genetic subtypes and tumour histologies that no note writes. `derive` keeps the
labels a clinician could write as the name of a condition, by general rules: letters only
(a digit, a comma or a slash marks a subtype, a karyotype or a chemical), no acronym or gene
symbol (two capitals in a word), at most four words, and no ordinary English word that is
only a class or a category in the ontology (`_ORDINARY`).

A name is looked for after the lexicon and the rules that read a condition by its place
(`core.timeline.dx_position`): a mention they read, or any part of it, is theirs, so its
name, status and joins stay as they were ("Scheuermann kyphosis" stays whole); the ontology
adds only names where they find nothing. Each found name is the ontology's label in lower case
(American spelling, as the lexicon's)."""

from __future__ import annotations

import csv
import functools
import io
import re
import sys
from pathlib import Path

from core.timeline.lexicon import CONDITIONS
from core.timeline.text import Lexicon

DATA = Path(__file__).parent / "data" / "disease_ontology.tsv"
_MAX_WORDS = 4
_MIN_CHARS = 5  # shorter labels ("kuru", "noma") are as often an abbreviation or a word
_LETTERS = re.compile(r"^[A-Za-z]+(?:[ '-][A-Za-z]+)*$")
_ACRONYM = re.compile(r"[A-Z][A-Za-z]*[A-Z]|[a-z][A-Z]")
# Labels that are an everyday word, or a class of the ontology rather than a diagnosis
# written in a note, written from general English, not from any labelled set.
_ORDINARY = frozenset(
    [
        "disease",
        "syndrome",
        "disorder",
        "physical disorder",
        "plague",
        "blindness",
        "stuttering",
        "overnutrition",
        "bestiality",
        "exhibitionism",
        "fetishism",
        "transvestism",
        "voyeurism",
        "cancer",
        "benign neoplasm",
        "primary cancer",
        "genetic disease",
        "monogenic disease",
        "polygenic disease",
        "syndromic disease",
        "infectious disease",
        "bacterial infectious disease",
        "viral infectious disease",
        "fungal infectious disease",
        "parasitic infectious disease",
        "parasitic helminthiasis infectious disease",
        "metabolic disease",
        "acquired metabolic disease",
        "inherited metabolic disorder",
        "mental health",
        "cognitive disorder",
        "developmental disorder of mental health",
        "disease of anatomical entity",
        "disease of cellular proliferation",
        "disease of mental health",
        "disease of metabolism",
        "organ system cancer",
        "cell type cancer",
        "cell type benign neoplasm",
        "withdrawal disorder",
    ]
)


# An allergy named by its substance ("peanut allergy", "nickel allergic contact
# dermatitis") is read as an allergy, against the drug or substance, not as a condition.
_ALLERGY = re.compile(r"\ballergy\b|^\S.* allergic contact dermatitis$", re.IGNORECASE)


def usable(label: str) -> bool:
    """Whether a Disease Ontology label is a name a clinician writes for a condition."""
    if len(label) < _MIN_CHARS or not _LETTERS.match(label) or _ACRONYM.search(label):
        return False
    if _ALLERGY.search(label):
        return False
    return len(label.split()) <= _MAX_WORDS and label.casefold() not in _ORDINARY


def derive(tsv: str, source: str) -> str:
    """The data file's text from HumanDO.tsv's text (id, label, parent label): the usable
    labels, lower case, one a line after their id, sorted, under a header naming `source`."""
    rows = list(csv.reader(io.StringIO(tsv), delimiter="\t"))[1:]
    kept = sorted({(r[1].casefold(), r[0]) for r in rows if len(r) > 1 and usable(r[1])})
    header = [
        "# Human Disease Ontology labels, filtered by core/timeline/dx_ontology.py (derive).",
        f"# Source: {source}",
        "# Licence: CC0 1.0 Universal (public domain dedication), as the source's LICENSE.",
        "# id<TAB>label, lower case",
    ]
    return "\n".join([*header, *(f"{i}\t{label}" for label, i in kept)]) + "\n"


@functools.cache
def names() -> tuple[str, ...]:
    """The ontology's names the lexicon does not hold already (any form of any name)."""
    ours = {form.casefold() for name, forms in CONDITIONS.items() for form in (name, *forms)}
    out: list[str] = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            label = line.split("\t", 1)[1]
            if label not in ours:
                out.append(label)
    return tuple(out)


def warm() -> None:
    """Compile the names' pattern now (about 0.6 s on one core, once per process)."""
    _lexicon()


@functools.cache
def _lexicon() -> Lexicon:
    return Lexicon.of({name: () for name in names()})


# The ontology names infections that notes also name as a vaccine, a test, a place's risk
# or a carrier state; its names are read only where none of these is written next to them.
# (The lexicon's names have rules of their own in `core.timeline.problems`.)
_VACCINE = re.compile(
    r"\b(?:vaccin\w*|immuni[sz]\w*|booster|inoculat\w*|tdap|dtap|td|mmr|mmrv|ipv|shots?|jabs?)\b",
    re.IGNORECASE,
)
_TEST_NEAR = re.compile(
    r"\b(?:screen\w*|naat|pcr|swabs?|cultures?|serolog\w*|antibod\w*|antigens?|igg|igm|"
    r"titre|titer|smears?|tests?|testing|tested|panel|assay|rpr|vdrl|elisa)\b",
    re.IGNORECASE,
)
_NOT_THE_PATIENTS = re.compile(
    r"^\s*(?:areas?|regions?|zones?|endemic|country|countries|risk|exposure|contacts?|"
    r"prophylaxis|precautions|prevention|gene|genes|mutations?|carriers?|trait|status|"
    r"outbreak|season)\b",
    re.IGNORECASE,
)
_CARRIER_BEFORE = re.compile(r"\b(?:carriers?|carrier status)\s+(?:of|for)\s+$", re.IGNORECASE)
_NEAR = 30  # characters either side in which a test's word makes the name a test's


# "Type 2 diabetes with hyperglycemia", "CKD due to X": a coded title's qualifier of the
# condition named before it, not a condition of its own.
_QUALIFIER = re.compile(
    r"(?:with|w/|without|w/o|due to|secondary to|complicated by)\s+$", re.IGNORECASE
)
_SAME_CLAUSE = 60


def _qualifies(body: str, start: int, found: list[tuple[int, int, str]]) -> bool:
    if not _QUALIFIER.search(body, max(0, start - 20), start):
        return False
    return any(
        e <= start and start - e <= _SAME_CLAUSE and ";" not in body[e:start] for _, e, _ in found
    )


def _written_as_condition(body: str, start: int, end: int) -> bool:
    if _VACCINE.search(body) or _NOT_THE_PATIENTS.match(body[end:]):
        return False
    if _CARRIER_BEFORE.search(body[max(0, start - 30) : start]):
        return False
    return not _TEST_NEAR.search(body[max(0, start - _NEAR) : end + _NEAR])


def with_ontology(body: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`found` (the lexicon's mentions in the sentence `body`) with the ontology's names
    that touch none of them and are written as the patient's condition, in order."""
    extra = [
        (a, b, name)
        for a, b, name in _lexicon().find(body)
        if all(b <= s or a >= e for s, e, _ in found)
        and _written_as_condition(body, a, b)
        and not _qualifies(body, a, found)
    ]
    return sorted([*found, *extra]) if extra else found


if __name__ == "__main__":  # python -m core.timeline.dx_ontology HumanDO.tsv "source words"
    text = Path(sys.argv[1]).read_text(encoding="utf-8")
    DATA.parent.mkdir(exist_ok=True)
    DATA.write_text(derive(text, sys.argv[2]), encoding="utf-8")
