"""Drug names beyond the project's own lexicon, from a maintained vocabulary.

The vocabulary is the dictionary that ships with `drug-named-entity-recognition` (MIT; its
names come from DrugBank's open vocabulary, CC0, MeSH and MedlinePlus, brands included).
Only its data file is read, never its code: the package's module loads that file at import,
and its other parts fetch structures and OMOP ids over the network, which the app never does.

A name found here is a candidate only: brands and synonyms include short codes and ordinary
words ("caps", "sits"), and lab analytes are drugs too (glucose, albumin).
`core.timeline.medications.reader` keeps a candidate only where a medication is written: a
dose or a form after it, a medication verb or "on" before it. Each name maps to the project
lexicon's generic name when the lexicon knows the drug, otherwise to the vocabulary's own
(lower case).
"""

from __future__ import annotations

import bz2
import functools
import importlib.metadata as md
import io
import itertools
import pickle
import re
from typing import Any

from core.timeline.vocab.lexicon import DRUGS

_DIST = "drug-named-entity-recognition"
_FILE = "drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2"

# Words in the vocabulary that notes use as something else: lab analytes and other
# substances measured or named, not taken, and English words some brand shares.
_NOT_A_MEDICATION = frozenset(
    [
        "glucose",
        "dextrose",
        "albumin",
        "creatinine",
        "cholesterol",
        "hemoglobin",
        "haemoglobin",
        "ferritin",
        "bilirubin",
        "troponin",
        "procalcitonin",
        "protein c",
        "heroin",
        "cocaine",
        "alcohol",
        "ethanol",
        "nicotine",
        "caffeine",
        "oxygen",
        "water",
        "buffers",
        "saline",
        "contrast",
        "methacholine",
        "tuberculin",
        "carbon dioxide",
        "house dust",
        "plasminogen",
        "generics",
        "marijuana",  # recreational use, like heroin's; "medical cannabis" is still read
        "cortisol",  # a level (the drug is hydrocortisone)
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]")
_LONGEST = 3  # words in the longest name looked up ("insulin degludec aspart")


class _DataOnly(pickle.Unpickler):
    """Dicts, lists, strings and numbers only: a pickle that names any class or function
    is refused rather than run."""

    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError("the drug dictionary holds plain data only")


@functools.cache
def vocabulary() -> dict[str, str]:
    """Each name or brand (lower case) to its generic name; empty when the package is not
    installed. Names the project lexicon already knows are left to it."""
    return _load()[0]


def marketed() -> frozenset[str]:
    """The names of `vocabulary()` whose drug has a MedlinePlus page: medicines on sale,
    not a compound only DrugBank lists."""
    return _load()[1]


@functools.cache
def _load() -> tuple[dict[str, str], frozenset[str]]:
    try:
        path = md.distribution(_DIST).locate_file(_FILE)
        with bz2.open(str(path), "rb") as f:
            data = _DataOnly(io.BytesIO(f.read())).load()
    except (md.PackageNotFoundError, OSError):
        return {}, frozenset()
    ours = {form.casefold(): name for name, forms in DRUGS.items() for form in (name, *forms)}
    drugs: dict[str, dict[str, Any]] = data["drug_canonical_to_data"]
    variants: dict[str, list[str]] = data["drug_variant_to_canonical"]
    generic = {
        c: _ingredient(ours.get(c, c), ours) for c, facts in drugs.items() if _a_drug(c, facts)
    }
    on_sale = {c for c, facts in drugs.items() if "medline_plus_id" in facts}
    out: dict[str, str] = {}
    sold: set[str] = set()
    for variant, canonicals in variants.items():
        name = generic.get(canonicals[0])
        if name is not None and variant not in ours and _usable(variant):
            out[variant] = name
            if canonicals[0] in on_sale:
                sold.add(variant)
    # A drug's own name is not always among its variants ("thiamine" is reached only from
    # "vitamin b1" and "thiaminium"): a canonical name no variant spells stands for itself,
    # where the NHS has a medicine's page for it. (The others are foods, elements, analytes
    # and allergens: "shrimp", "potassium", "lactose".)
    for canonical, name in generic.items():
        if canonical in out or canonical in ours or "nhs_url" not in drugs[canonical]:
            continue
        if _usable(canonical):  # (NHS pages are for medicines on sale)
            out[canonical] = name
            if canonical in on_sale:
                sold.add(canonical)
    return out, frozenset(sold)


# MedlinePlus names some entries by ingredient and route ("clotrimazole vaginal",
# "levonorgestrel intrauterine system", "sumatriptan nasal"); the generic name is the
# ingredient's.
_ROUTE = re.compile(
    r",?\s+(?:vaginal(?: suppositories)?|otic|nasal(?: gel| powder| solution)?|"
    r"intrauterine system|inhalation)$"
)


def _ingredient(name: str, ours: dict[str, str]) -> str:
    bare = _ROUTE.sub("", name)
    return ours.get(bare, bare) if bare != name else name


def _a_drug(canonical: str, facts: dict[str, Any]) -> bool:
    """A medicine with a DrugBank or MedlinePlus entry: MeSH-only entries are classes and
    analytes ("Analgesics, Opioid", "Ferritins"); a code ("eu204") is no name a note uses."""
    if "medline_plus_id" not in facts and "drugbank_id" not in facts:
        return False
    if "vaccine" in canonical or any(ch.isdigit() for ch in canonical):
        return False
    return canonical not in _NOT_A_MEDICATION


def _usable(variant: str) -> bool:
    """Letters only (spaces, hyphens and apostrophes between), five or more: shorter names
    and codes ("5-fu", "caps") are too often something else in a note."""
    if len(variant) < 5 or not variant.isascii() or not variant[-1].isalpha():
        return False
    return variant.translate(_JOINERS).isalpha() and variant not in _NOT_A_MEDICATION


_JOINERS = str.maketrans("", "", " -'")


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, generic name) of each vocabulary name in `text`, longest first, none
    overlapping. An English plural ("statins") is not a drug's name here."""
    table = vocabulary()
    if not table:
        return []
    starts = _first_words()
    words = [(m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text)]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        # Longer names are tried only after a word that begins one: most words begin none.
        longest = min(_LONGEST, len(words) - i) if words[i][2] in starts else 1
        for n in range(longest, 0, -1):
            span = words[i : i + n]
            name = table.get(" ".join(w for _, _, w in span) if n > 1 else span[0][2])
            if name is not None and (n == 1 or _joined_by_spaces(text, span)):
                found.append((span[0][0], span[-1][1], name))
                i += n
                break
        else:
            i += 1
    return found


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(name.split(" ", 1)[0] for name in vocabulary() if " " in name)


def _joined_by_spaces(text: str, words: list[tuple[int, int, str]]) -> bool:
    return all(not text[a[1] : b[0]].strip() for a, b in itertools.pairwise(words))


# After the name: a dose or strength ("62.5 mcg", "5%", "to 4.8 g/day"), not a lab value
# ("230 mg/dl"), or the form it comes in ("ointment", "nasal spray", "משחה").
_DOSE_AFTER = re.compile(
    r"^\s*(?:(?:to|at|ל-?)\s*)?\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g|ml|units?|iu|%|"
    r"tabs?|tablets?|caps|capsules?|puffs?|sachets?|drops|"
    r"מ[\"״]?ג|מק[\"״]?ג|יחידות|יח['׳]?|כדורים|כדור|טבליות|שאיפות|טיפות)(?![\w\u05d0-\u05ea])(?!\s*/\s*(?:dl|l\b|ד[\"״]?ל|ליטר|mmol))",
    re.IGNORECASE,
)
_FORM_AFTER = re.compile(
    r"^\s*(?:ointment|cream|gel|lotion|nasal spray|spray|shampoo|plaster|patch|patches|"
    r"tablets?|tabs?|capsules?|drops|eye drops|inhaler|foam|suppositor\w*|pessar\w*|"
    r"mouthwash|משחה|קרם|תרסיס|טיפות|כדורים|מדבקה|משאף)(?![\w\u05d0-\u05ea])",
    re.IGNORECASE,
)
# A schedule after an English name: "Xeloda bd", "Tagrisso once daily", "Femara daily".
_SCHEDULE_AFTER = re.compile(
    r"^\s*(?:once |twice |three times )?(?:daily|a day|per day|bd|bid|tds|tid|qid|qds|od|"
    r"nocte|mane|prn|weekly|at night|in the morning|as needed|"
    # Injections and infusions come at longer intervals: "Prolia six-monthly", "X fortnightly",
    # "Y every 4 weeks", "Z 3x/wk".
    r"fortnightly|monthly|(?:three|six|3|6)-?monthly|every (?:other )?(?:\d+ )?"
    r"(?:days?|weeks?|months?)|\d\s*x\s*/\s*(?:wk|week|month))(?![\w])",
    re.IGNORECASE,
)
# Right before the name: "on osimertinib", "with Nizoral", "בטיפול ב-", "על", "+".
_ON_BEFORE = re.compile(
    # "morphine + midazolam": joined to another drug in one order.
    r"(?:(?<![\w\u05d0-\u05ea])(?:on|with|בטיפול ב-?|טיפול ב-?|על)\s*-?|[+&])\s*$",
    re.IGNORECASE,
)


def written_as_medication(body: str, start: int, end: int, *, cue_before: bool) -> bool:
    """Whether a vocabulary name at `start:end` of the sentence `body` stands where a
    medication is written: a dose or form after it, "on" before it, or a medication verb
    or list word earlier in the sentence (`cue_before`)."""
    if cue_before or _ON_BEFORE.search(body[:start]) or _SCHEDULE_AFTER.match(body[end:]):
        return True
    return dosed(body, end)


def dosed(body: str, end: int) -> bool:
    """Whether a dose, a strength or a form follows the name ending at `end`."""
    return bool(_DOSE_AFTER.match(body[end:]) or _FORM_AFTER.match(body[end:]))
