"""Scores: the extractor against the labelled fields, and an answer against its question.

Extraction (rules in `bench.timeline.sets.labelled.fields`): per field, each expected fact is
matched, in order, to the first unmatched extracted fact of its kind that agrees with it;
what stays unmatched on either side is a miss or an unexpected fact. Precision and recall
are summed over all fields, per kind (a kind with nothing extracted has precision 1.0, one
with nothing expected recall 1.0), and split by language and by field.

An answer (`score_answer`) is
- for an absent question: `correct` when it is a refusal or says it "found no note",
  otherwise `wrong`;
- otherwise `refused` when the assistant declined; `correct` when every expected value is
  in the answer, every expected session is among the sources it used (cited), and, for
  last N, no other value of that measure is stated; `wrong` otherwise.
Numbers match as numbers (128 = 128.0), never inside a date, a time or a citation marker
("[3]"); dates match in any spelling the app's date reader knows (2024-03-02, 2 March
2024, March 2, 2024), a Hebrew prefix too ("ב-2024-03-02"); names match as whole words,
case-insensitively.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.timeline.kit.facts import ExpectedFact, LabelledField, OverTimeQuestion
from bench.timeline.kit.vocab import read_bounds
from core.assistant.dates import mentions_date, without_dates
from core.timeline.conditions.naming import american
from core.timeline.types import KINDS
from core.timeline.vocab.lexicon import broader_names

MAX_MISSES = 50
# The values each measure can take: the numbers of an answer that may be that measure's.
PLAUSIBLE = Path(__file__).with_name("plausible.toml")
TOLERANCE = 0.051
OUTCOMES = ("correct", "wrong", "refused")

# -- names ---------------------------------------------------------------------------------
_DROP = frozenset({"the", "of", "a", "an", "to", "and", "disease", "disorder", "mellitus"})
_PUNCT = re.compile(r"[^\w\s:]+")


def norm_name(name: str) -> str:
    """Lower case, punctuation and hyphens to spaces, a few filler words dropped, British
    spelling as American ("anaemia" is "anemia": a convention, as same_drug.toml's names are);
    "referral to X" reads as "referral: X"."""
    s = name.lower().replace("״", "").replace('"', "").replace("'", "")
    s = re.sub(r"^referral\s*(?:to|-|:)?\s*", "referral: ", s)
    s = _PUNCT.sub(" ", s)
    words = [american(w) for w in re.split(r"[\s:]+", s) if w and w not in _DROP]
    return " ".join(words)


def _tokens(name: str) -> frozenset[str]:
    return frozenset(norm_name(name).split())


def names_match(got: str, wanted: str, aliases: Iterable[str] = (), *, fuzzy: bool) -> bool:
    """`got` is `wanted` or an alias, after normalisation; `fuzzy` (diagnoses) also lets
    one's words be a subset of the other's ("diabetes" ~ "type 2 diabetes")."""
    g = _tokens(got)
    if not g:
        return False
    for cand in (wanted, *aliases):
        c = _tokens(cand)
        if c and (g == c or (fuzzy and (g <= c or c <= g))):
            return True
    return False


def _flag_key(name: str) -> str:
    n = name.lower().strip()
    return "bp" if n in ("bp", "blood_pressure", "bp_systolic", "bp_diastolic") else n


# -- extraction ---------------------------------------------------------------------------
def fact_matches(got: Any, e: ExpectedFact) -> bool:
    if getattr(got, "kind", None) != e.kind:
        return False
    name = str(getattr(got, "name", "") or "")
    if e.kind == "measurement":
        value = getattr(got, "value", None)
        if name != e.name or value is None or e.value is None:
            return False
        unit = (getattr(got, "unit", None) or "").strip()
        # Either way round: a value stored to two decimals (1.65) matches 1.652, whose
        # one-decimal rounding (1.7) is not 1.65's (1.6).
        close = min(abs(round(value, 1) - round(e.value, 1)), abs(value - e.value))
        return unit == e.unit and close <= TOLERANCE
    if e.kind == "medication":
        return name.strip().lower() == e.name and getattr(got, "status", None) == e.status
    if e.kind == "diagnosis":
        same = getattr(got, "status", None) == e.status
        return same and _named(name, e, fuzzy=True)
    return _named(name, e, fuzzy=False)


def _named(name: str, e: ExpectedFact, *, fuzzy: bool) -> bool:
    """A fact named as its label, or more narrowly, under it in the vocabulary ("ankle
    swelling" for an "edema" label, a duplex scan for "ultrasound"): it still says what
    the label does, and a question about the broader name finds it. The other way round,
    the fact has lost what the label says."""
    return any(names_match(n, e.name, e.aliases, fuzzy=fuzzy) for n in (name, *broader_names(name)))


# Measures the extractor reads that the free-text labelled sets (main, held-out, blind
# #1-#9) were not written to label: their notes hold such readings ("RR 16", "Na 139")
# unlabelled. The EHR set labels them (bench/timeline/sets/ehr).
UNLABELLED_MEASURES = frozenset(
    {"respiratory_rate", "sodium", "potassium", "hemoglobin", "tsh", "triglycerides"}
)


def set_measures() -> set[str]:
    """The measures the labelled sets cover: every measure but those added after them."""
    from core.timeline.types import MEASURES

    return set(MEASURES) - UNLABELLED_MEASURES


def labelled(fact: Any) -> bool:
    """Whether the sets label facts such as `fact`: an unmatched one is then an extra."""
    return not (fact.kind == "measurement" and fact.name in UNLABELLED_MEASURES)


def _describe(got: Any) -> dict[str, Any]:
    keys = ("kind", "name", "value", "unit", "status", "text")
    return {k: getattr(got, k) for k in keys if getattr(got, k, None) is not None}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 1.0


def _prf(c: Counter[str]) -> dict[str, Any]:
    p, r = _ratio(c["tp"], c["tp"] + c["fp"]), _ratio(c["tp"], c["tp"] + c["fn"])
    f1 = round(2 * p * r / (p + r), 4) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": c["tp"], "fp": c["fp"], "fn": c["fn"]}


def score_extraction(
    fields: Sequence[LabelledField], extract: Callable[[str, str], Any]
) -> dict[str, Any]:
    """Run `extract(text, field)` on every field and score it (see the module docstring)."""
    # Flags are scored on their own (below), not as a kind of fact.
    kinds: dict[str, Counter[str]] = {k: Counter() for k in KINDS if k != "flag"}
    by_lang: dict[str, dict[str, Counter[str]]] = {}
    by_field: dict[str, dict[str, Counter[str]]] = {}
    flags: Counter[str] = Counter()
    styles: dict[str, dict[str, Counter[str]]] = {}
    misses: list[dict[str, Any]] = []
    n_missed_fields = 0
    errors: list[dict[str, str]] = []
    for f in fields:
        try:
            result = extract(f.text, f.field)
            facts, got_flags = list(result.facts), list(result.flags)
        except Exception as exc:  # one broken field is a miss, not the end of the run
            errors.append({"id": f.id, "error": f"{type(exc).__name__}: {exc}"[:300]})
            facts, got_flags = [], []
        unused = list(range(len(facts)))
        missed: list[ExpectedFact] = []
        for e in f.expected:
            hit = next((i for i in unused if fact_matches(facts[i], e)), None)
            if hit is None:
                missed.append(e)
            else:
                unused.remove(hit)
            if e.kind == "measurement" and e.style:
                st = styles.setdefault(e.name, {}).setdefault(e.style, Counter())
                st["n"] += 1
                st["hit"] += hit is not None
        # A measure added after these sets were labelled (respiratory rate) is one they are
        # silent on, not one they say is absent: its readings are neither hits nor extras.
        extra = [facts[i] for i in unused if labelled(facts[i])]
        for bucket in (kinds, by_lang.setdefault(f.language, {}), by_field.setdefault(f.field, {})):
            _count(bucket, f.expected, missed, extra)
        want = Counter(_flag_key(x) for x in f.expected_flags)
        have = Counter(_flag_key(str(getattr(x, "name", ""))) for x in got_flags)
        flags["tp"] += sum((want & have).values())
        flags["fn"] += sum((want - have).values())
        flags["fp"] += sum((have - want).values())
        if missed or extra or want != have:
            n_missed_fields += 1
            if len(misses) < MAX_MISSES:
                misses.append(
                    {
                        "id": f.id,
                        "language": f.language,
                        "field": f.field,
                        "text": f.text,
                        "missed": [e.to_json() for e in missed],
                        "unexpected": [_describe(x) for x in extra],
                        "flags_missed": sorted((want - have).elements()),
                        "flags_unexpected": sorted((have - want).elements()),
                    }
                )
    return {
        "fields": len(fields),
        "per_kind": {k: _prf(c) for k, c in kinds.items()},
        "flags": _prf(flags),
        "by_language": {
            lang: {k: _prf(c) for k, c in sorted(b.items())} for lang, b in sorted(by_lang.items())
        },
        "by_field": {
            name: {k: _prf(c) for k, c in sorted(b.items())} for name, b in sorted(by_field.items())
        },
        "style_recall": {
            m: {s: {"n": c["n"], "recall": _ratio(c["hit"], c["n"])} for s, c in sorted(v.items())}
            for m, v in sorted(styles.items())
        },
        "fields_with_misses": n_missed_fields,
        "misses": misses,
        "errors": errors[:MAX_MISSES],
        "n_errors": len(errors),
    }


def _count(
    bucket: dict[str, Counter[str]],
    expected: Sequence[ExpectedFact],
    missed: Sequence[ExpectedFact],
    extra: Sequence[Any],
) -> None:
    # `missed` holds the very objects of `expected` that went unmatched: count by identity.
    missed_ids = {id(e) for e in missed}
    for e in expected:
        bucket.setdefault(e.kind, Counter())["fn" if id(e) in missed_ids else "tp"] += 1
    for x in extra:
        bucket.setdefault(str(getattr(x, "kind", "?")), Counter())["fp"] += 1


# -- answers --------------------------------------------------------------------------------
_CITATION = re.compile(r"\[\s*\d+(?:\s*[,;–-]\s*\d+)*\s*\]")
_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")
_YEAR_MONTH = re.compile(r"\b(?:19|20)\d\d-[01]\d\b")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?!\d)")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
# Digits that belong to a name or a unit, not to a value.
_NOT_VALUES = re.compile(
    r"\b(?:phq|gad)\s*-?\s*\d\b|1\.73\s*m(?:2|²)?|/\s*(?:6|10|21|27)\b|out of 10", re.IGNORECASE
)
NO_NOTE = re.compile(r"found no note|לא מצאתי|לא נמצא", re.IGNORECASE)


_HE_PREFIX = re.compile(r"([\u05d0-\u05ea])-?(?=\d)")


def _unprefixed(answer: str) -> str:
    """Hebrew joins a one-letter preposition to a number or date ("ב-2024-03-02",
    "ל130"): split it off, so the date reader and the numbers see the value."""
    return _HE_PREFIX.sub(r"\1 ", answer)


def _plain(answer: str) -> str:
    """The answer with citation markers, dates and times blanked out."""
    text = _CITATION.sub(" ", _unprefixed(answer))
    text = without_dates(text)
    return _TIME.sub(" ", _YEAR_MONTH.sub(" ", text))


def numbers_in(answer: str) -> list[float]:
    return [float(m.group()) for m in _NUMBER.finditer(_plain(answer))]


def has_value(answer: str, expected: str) -> bool:
    if _ISO.match(expected):
        return mentions_date(_unprefixed(answer), dt.date.fromisoformat(expected))
    if _NUMERIC.match(expected):
        return any(abs(x - float(expected)) < 1e-9 for x in numbers_in(answer))
    pattern = r"(?<!\w)" + re.escape(expected) + r"(?!\w)"
    return re.search(pattern, answer, re.IGNORECASE) is not None


def measure_values(answer: str, measure: str) -> list[float]:
    """The numbers of `answer` that could be values of `measure`: a blood pressure's other
    half, the "/10" of a score, a "PHQ-9" and numbers out of the measure's range left out."""
    text = _NOT_VALUES.sub(" ", _plain(answer))
    if measure in ("bp_systolic", "bp_diastolic"):
        keep = 1 if measure == "bp_systolic" else 2
        text = re.sub(r"(\d{2,3})\s*/\s*(\d{2,3})", lambda m: f" {m.group(keep)} ", text)
    lo, hi = read_bounds(PLAUSIBLE).get(measure, (float("-inf"), float("inf")))
    return [float(m.group()) for m in _NUMBER.finditer(text) if lo <= float(m.group()) <= hi]


def cited_sessions(ask_json: dict[str, Any]) -> set[str]:
    return {
        str(s["session_external_id"])
        for s in ask_json.get("sources") or []
        if s.get("used") and s.get("session_external_id")
    }


def extra_values(q: OverTimeQuestion, answer: str) -> list[float]:
    """Values of a last-N question's measure that the answer states beyond the expected
    ones (the count N itself is not a value)."""
    if q.kind != "last_n" or not q.measure:
        return []
    wanted = [float(v) for v in q.expected_values if _NUMERIC.match(v)]
    n = len(q.expected_values)
    return [
        x
        for x in measure_values(answer, q.measure)
        if x != n and not any(abs(x - w) < 1e-9 for w in wanted)
    ]


def score_answer(question: OverTimeQuestion, ask_json: dict[str, Any]) -> str:
    """`correct`, `wrong` or `refused` (see the module docstring)."""
    answer = str(ask_json.get("answer") or "")
    refused = bool(ask_json.get("refused"))
    if question.absent:
        return "correct" if refused or NO_NOTE.search(answer) else "wrong"
    if refused:
        return "refused"
    if not all(has_value(answer, v) for v in question.expected_values):
        return "wrong"
    if not set(question.expected_sessions) <= cited_sessions(ask_json):
        return "wrong"
    return "wrong" if extra_values(question, answer) else "correct"
