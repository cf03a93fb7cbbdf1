"""Words for the facts that are not measurements: drugs, conditions, procedures,
referrals, visit types, and sentences that hold no fact at all, in English and Hebrew.

Each entry carries its canonical name (what a correct extraction calls it) and the
surface forms a note may use; the Hebrew forms are what an Israeli clinic writes. The words
are vocab.toml's; this module reads them into the shapes the writer takes them in.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bench.timeline.kit.facts import Lang
from bench.timeline.kit.vocab import VocabFile
from bench.timeline.sets.labelled import LANGS

_DATA = VocabFile(Path(__file__).with_name("vocab.toml"))


@dataclass(frozen=True)
class Drug:
    name: str  # generic, lower case: what the extractor must normalise to
    he: str
    doses: tuple[str, ...]  # "50 mg"; the Hebrew note writes the unit its own way


def _drugs() -> tuple[Drug, ...]:
    out: list[Drug] = []
    for name in _DATA.table("drugs"):
        doses = _DATA.strings("drugs", name, "doses")
        for dose in doses:
            if len(dose.split()) != 2 or dose.split()[1] not in DOSE_HE:
                raise _DATA.wrong(
                    ("drugs", name, "doses"), f"{dose!r}: a number and a unit of dose_he"
                )
        out.append(Drug(name, _DATA.text("drugs", name, "he"), doses))
    return tuple(out)


# A Hebrew dose's forms by its unit.
DOSE_HE = _DATA.lists("dose_he")
DRUGS = _drugs()
DRUG_BY_NAME = {d.name: d for d in DRUGS}

FREQ_EN = _DATA.strings("frequency", "en")
FREQ_HE = _DATA.strings("frequency", "he")

# Sentences by status; {drug} {dose} {freq}. A "listed" drug is named in a list of what
# the patient takes, which records no decision at this visit.
MED_EN = _DATA.lists("medication", "en")
MED_LIST_EN = _DATA.strings("medication_list", "en")
MED_HE = _DATA.lists("medication", "he")
MED_LIST_HE = _DATA.strings("medication_list", "he")


def dose_he(dose: str, variant: int) -> str:
    """A dose as a Hebrew note writes it: 50 מ״ג, 50 מ"ג or 50mg."""
    n, unit = dose.split()
    forms = DOSE_HE[unit]
    return forms[variant % len(forms)].format(n=n)


@dataclass(frozen=True)
class Condition:
    name: str  # canonical, lower case
    en: tuple[str, ...]  # surface forms
    he: tuple[str, ...]
    symptom: bool = False  # "denies X" reads naturally

    @property
    def lasting(self) -> bool:
        """A chronic disease the patient still has when a note lists it as background
        ("PMH: HTN", "h/o asthma"): its status there is present, not history
        (docs/timeline.md)."""
        return self.name in LASTING

    @property
    def aliases(self) -> tuple[str, ...]:
        return (self.name, *self.en, *self.he)


def _marked(condition: str, flag: str) -> bool:
    """A condition's `flag` (lasting, symptom): false where not written."""
    keys = ("conditions", condition, flag)
    return _DATA.has(*keys) and _DATA.flag(*keys)


# Of the conditions below, those that do not resolve by themselves.
LASTING = frozenset(c for c in _DATA.table("conditions") if _marked(c, "lasting"))
CONDITIONS: tuple[Condition, ...] = tuple(
    Condition(
        name,
        _DATA.strings("conditions", name, "en"),
        _DATA.strings("conditions", name, "he"),
        _marked(name, "symptom"),
    )
    for name in _DATA.table("conditions")
)
CONDITION_BY_NAME = {c.name: c for c in CONDITIONS}

DX_EN = _DATA.lists("diagnosis", "en")
# Templates that only read naturally with a symptom, or only with a disease.
SYMPTOM_ONLY = frozenset(_DATA.strings("diagnosis", "symptom_only"))
DX_HE = _DATA.lists("diagnosis", "he")
# A list of past conditions' heading.
HISTORY_LEADS: dict[Lang, tuple[str, ...]] = {
    lang: _DATA.strings("history_list", lang) for lang in LANGS
}


@dataclass(frozen=True)
class Procedure:
    name: str
    en: str  # the noun phrase
    he: str  # a whole Hebrew clause saying it was done
    aliases: tuple[str, ...] = ()


PROCEDURES: tuple[Procedure, ...] = tuple(
    Procedure(
        name,
        _DATA.text("procedures", name, "en"),
        _DATA.text("procedures", name, "he"),
        _DATA.strings("procedures", name, "aliases"),
    )
    for name in _DATA.table("procedures")
)
PROC_EN = _DATA.strings("procedure_sentence", "en")

SPECIALTIES: tuple[tuple[str, str], ...] = tuple(_DATA.texts("specialties").items())
REFER_EN = _DATA.strings("referral", "en")
REFER_HE = _DATA.strings("referral", "he")

VISITS_EN = _DATA.lists("visits", "en")
VISITS_HE = _DATA.lists("visits", "he")
VISIT_ALIASES = _DATA.lists("visit_aliases")

# Sentences with no fact in them, anywhere ("any") or in a plan.
NOISE: dict[Lang, dict[str, tuple[str, ...]]] = {lang: _DATA.lists("noise", lang) for lang in LANGS}

# Things no generated note mentions: the "any record of X?" questions whose answer is none.
ABSENT_EN: tuple[tuple[str, str], ...] = tuple(_DATA.texts("absent", "en").items())
ABSENT_HE: tuple[tuple[str, str], ...] = tuple(_DATA.texts("absent", "he").items())

# The label of a list of readings: "vitals", "labs" or an assessment's "results".
LIST_LABELS: dict[Lang, dict[str, str]] = {
    lang: {k: _DATA.text("list_label", lang, k) for k in ("vitals", "labs", "results")}
    for lang in LANGS
}
