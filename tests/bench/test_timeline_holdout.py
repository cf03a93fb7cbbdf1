"""The timeline's held-out labelled set (bench/timeline/sets/holdout/): its size and Hebrew
share, what it covers, its determinism, and labels that hold up against the text. The
generator only: never the extractor (its author must not tune to this set)."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bench.timeline.kit.scoring import set_measures
from bench.timeline.sets.holdout import Holdout, fields, labelled
from bench.timeline.sets.holdout.base import PLAUSIBLE, a1c_ifcc_to_pct, f_to_c
from bench.timeline.sets.holdout.meds import DRUGS, MAX_TYPOS
from bench.timeline.sets.holdout.problems import CONDITIONS
from core.timeline.types import MEASURES

FIELD_NAMES = {"subjective", "objective", "assessment", "plan", "medical_history"}
HEBREW = re.compile(r"[\u05d0-\u05ea]")


@pytest.fixture(scope="module")
def holdout() -> list[Holdout]:
    return labelled()


def _expected(holdout: list[Holdout], kind: str) -> list:
    return [e for h in holdout for e in h.field.expected if e.kind == kind]


def test_size_ids_and_hebrew_share(holdout: list[Holdout]) -> None:
    fs = [h.field for h in holdout]
    assert len(fs) >= 200
    assert len({f.id for f in fs}) == len(fs)
    assert {f.language for f in fs} == {"en", "he"}
    assert {f.field for f in fs} <= FIELD_NAMES
    assert sum(f.language == "he" for f in fs) / len(fs) >= 0.30
    for f in fs:
        assert f.text.strip()
        assert f.expected or f.expected_flags, f.id
        assert (f.language == "he") == bool(HEBREW.search(f.text)), f.id


def test_deterministic() -> None:
    assert fields() == fields()
    assert fields(seed=1) != fields()


def test_every_measure_in_six_styles(holdout: list[Holdout]) -> None:
    styles: dict[str, set[str]] = {}
    for e in _expected(holdout, "measurement"):
        assert e.style, e
        styles.setdefault(e.name, set()).add(e.style)
    assert set(styles) == set_measures()
    thin = {m: len(s) for m, s in styles.items() if len(s) < 6}
    assert not thin


def test_measurements_in_canonical_units_and_plausible(holdout: list[Holdout]) -> None:
    for e in _expected(holdout, "measurement"):
        assert e.unit == MEASURES[e.name], e
        lo, hi = PLAUSIBLE[e.name]
        assert e.value is not None and lo <= e.value <= hi, e
        assert round(e.value, 2) == e.value


def test_conversions() -> None:
    assert round(f_to_c(98.6), 2) == 37.0
    assert round(a1c_ifcc_to_pct(53), 1) == 7.0
    assert round(a1c_ifcc_to_pct(48), 1) == 6.5


def test_blood_pressure_comes_in_pairs(holdout: list[Holdout]) -> None:
    for h in holdout:
        names = Counter(e.name for e in h.field.expected if e.kind == "measurement")
        assert names["bp_systolic"] == names["bp_diastolic"], h.field.id
        for e in h.field.expected:
            if e.kind == "measurement" and e.name != "rom" and e.value is not None:
                # a value written as such is in the text, unless converted from another unit
                pass


def test_values_written_in_measures_units_appear_in_the_text(holdout: list[Holdout]) -> None:
    converted = (
        "lb",
        "metres",
        "feet",
        "ft_in",
        "fahrenheit",
        "ifcc",
        "mmol",
        "umol",
        "micro",
        "mu",
    )
    for h in holdout:
        for e in h.field.expected:
            if e.kind != "measurement" or any(c in str(e.style) for c in converted):
                continue
            written = f"{e.value:g}"
            assert re.search(rf"(?<![\d.]){re.escape(written)}(?![\d])", h.field.text), (
                h.field.id,
                e,
            )


def test_statuses_and_kinds_covered(holdout: list[Holdout]) -> None:
    meds = Counter(e.status for e in _expected(holdout, "medication"))
    assert {s for s, n in meds.items() if n >= 15} == {"started", "stopped", "continued", "listed"}
    dxs = Counter(e.status for e in _expected(holdout, "diagnosis"))
    assert {s for s, n in dxs.items() if n >= 15} == {"present", "negated", "history"}
    procs = _expected(holdout, "procedure")
    referrals = [e for e in procs if e.name.startswith("referral: ")]
    assert len(referrals) >= 15 and len(procs) - len(referrals) >= 15
    visits = Counter(e.name for e in _expected(holdout, "visit"))
    assert {v for v, n in visits.items() if n >= 8} == {"follow-up", "initial", "telehealth"}


def test_names_are_canonical(holdout: list[Holdout]) -> None:
    for e in _expected(holdout, "medication"):
        assert e.name in DRUGS and e.name == e.name.lower()
    for e in _expected(holdout, "diagnosis"):
        assert e.name in CONDITIONS and e.aliases


def test_drug_spellings(holdout: list[Holdout]) -> None:
    text = "\n".join(h.field.text for h in holdout)
    for brand in ("Zoloft", "Glucophage", "Lipitor", "Norvasc", "Advil"):
        assert brand in text
    typos = sum(len(re.findall(rf"\b{t}\b", text)) for d in DRUGS.values() for t in d.typos)
    assert 3 <= typos <= MAX_TYPOS
    hebrew_drugs = {w for d in DRUGS.values() for w in d.he}
    prefixed = [
        w for w in hebrew_drugs for p in "ובלמה" if re.search(rf"(?<!\S){p}{re.escape(w)}", text)
    ]
    assert len(prefixed) >= 5


def test_units_and_distractors_present(holdout: list[Holdout]) -> None:
    text = "\n".join(h.field.text for h in holdout)
    for unit in (" lb", "°F", "mmol/L", "umol/L", "µmol/L", "mmol/mol", "°C"):
        assert unit in text, unit
    for distractor in ("target", "allerg", "mother", "יעד", "רגישות", "אמא", "declined", "RTC"):
        assert distractor in text, distractor
    # Hebrew prefixes joined to the words of a fact: ו ה ב ל מ ש
    for joined in ("ולחץ דם", "ודופק", "שלחץ הדם", "שהסוכר", "סובל מ", "אין עדות ל", "הפניה ל"):
        assert joined in text, joined


def test_flags(holdout: list[Holdout]) -> None:
    flagged = [h for h in holdout if h.field.expected_flags]
    n = sum(len(h.field.expected_flags) for h in flagged)
    assert 18 <= n <= 30
    assert {h.field.language for h in flagged} == {"en", "he"}
    for h in flagged:
        assert len(h.flag_numbers) == len(h.field.expected_flags)
        for flag, (measure, number) in zip(h.field.expected_flags, h.flag_numbers, strict=True):
            assert flag == ("bp" if measure.startswith("bp_") else measure)
            assert re.search(rf"(?<![\d.]){number}(?!\d|\.\d)", h.field.text), h.field.id
            lo, hi = PLAUSIBLE[measure]
            assert not lo <= float(number) <= hi
            # the flagged measure is no fact of the same field (other joints' angles may be)
            names = {e.name for e in h.field.expected if e.kind == "measurement"} - {"rom"}
            assert not names & ({"bp_systolic", "bp_diastolic"} if flag == "bp" else {flag})
