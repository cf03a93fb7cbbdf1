"""Whose document it is: the patient a document names, held against the client it is filed
under.

A lab report or a letter names its patient: "Patient: Santa Bartell", "Name: ...", "Re:
Mrs Dana Levi", "DOB: 1961-04-02", "שם המטופל: ...", "תאריך לידה: ...". Filed under another
client, it would be read, searched and cited as theirs. A name is the same person when its
words match the client's, in any order, with an initial for a first name, and with the slips
OCR makes ("Dana Lcvi"); a date of birth when either reading of its day and month is the
client's. What is found and is not the client's is returned, for the clinician to see
before anything is stored, and on a document already filed. A document that names nobody
is nobody's concern here.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from difflib import SequenceMatcher

from core.documents.types import Stranger

# A name after a label on the same line, or after an honorific (never "Dr": the author).
_LATIN_NAME = r"[A-Z][A-Za-z'’.\-]+(?:[ \t]+[A-Z][A-Za-z'’.\-]*){1,3}"
_HEBREW_NAME = (
    r"[\u05d0-\u05ea][\u05d0-\u05ea'\"׳״\-]*(?:[ \t]+[\u05d0-\u05ea][\u05d0-\u05ea'\"׳״\-]*){1,3}"
)
_NAME_LABELS = re.compile(
    r"(?im)^[ \t]*(?:patient(?:'s)?[ \t]+name|patient|pt|name|client|re)[ \t]*[:\-–][ \t]*"
    rf"(?:(?:mr|mrs|ms|miss)\.?[ \t]+)?(?P<name>{_LATIN_NAME})"
)
_HONORIFIC = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+(?P<name>{_LATIN_NAME})")
_HEBREW_LABELS = re.compile(
    rf"(?m)(?:שם[ \t]+ה?(?:מטופל|מטופלת|חולה|חולָה)|שם[ \t]+מלא|מטופל|מטופלת)[ \t]*:[ \t]*"
    rf"(?P<name>{_HEBREW_NAME})"
)
_DOB = re.compile(
    r"(?i)(?:\bD\.?O\.?B\.?|date[ \t]+of[ \t]+birth|birth[ \t]*date|born|תאריך[ \t]+לידה|"
    r"ת\.[ \t]?לידה)[ \t]*[:\-]?[ \t]*"
    r"(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})"
)
# Words of a name line that are not the name ("Patient: Dana Levi Age 52").
_STOP_WORDS = {"age", "sex", "dob", "mrn", "id", "date", "male", "female", "gender"}
SAME_NAME = 0.8  # similarity of two names' letters, in sorted word order, for one person


def someone_else(
    text: str, full_name: str, date_of_birth: dt.date | None = None
) -> Stranger | None:
    """The names and dates of birth in `text` that are not the client's; None when there
    are none (or the text names no patient)."""
    names = [n for n in _names(text) if not same_person(n, full_name)]
    births = [] if date_of_birth is None else [b for b in _births(text) if date_of_birth not in b]
    if not names and not births:
        return None
    return Stranger(tuple(dict.fromkeys(names)), tuple(dict.fromkeys(b[0] for b in births)))


def same_person(written: str, full_name: str) -> bool:
    """Whether `written` names the client `full_name`."""
    a, b = _words(written), _words(full_name)
    if not a or not b:
        return True  # nothing to hold against
    if _initials_fit(a, b) or _initials_fit(b, a):
        return True
    return SequenceMatcher(None, " ".join(sorted(a)), " ".join(sorted(b))).ratio() >= SAME_NAME


def _initials_fit(short: list[str], full: list[str]) -> bool:
    """Every word of `short` is a word of `full` or its initial, the surname whole:
    "D. Levi" and "Levi Dana" for "Dana Levi", "Dana R. Levi" against "Dana Levi"."""
    whole = [w for w in short if len(w) > 1]
    if not whole:
        return False
    return all(w in full or (len(w) == 1 and any(f[0] == w for f in full)) for w in short) or (
        all(w in short for w in full) and len(full) >= 2
    )


def _words(name: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.findall(r"[^\W\d_]+", plain)
    return [w for w in words if w not in {"mr", "mrs", "ms", "miss"}]


def _names(text: str) -> list[str]:
    found: list[str] = []
    for pattern in (_NAME_LABELS, _HONORIFIC, _HEBREW_LABELS):
        for m in pattern.finditer(text):
            words = m.group("name").split()
            while words and words[-1].casefold().strip(".:") in _STOP_WORDS:
                words.pop()
            if len(words) >= 2:
                found.append(" ".join(words))
    return found


def _births(text: str) -> list[tuple[dt.date, ...]]:
    """Each date of birth written, as its readings: day first and month first where both
    are dates ("03/04/1961")."""
    found: list[tuple[dt.date, ...]] = []
    for m in _DOB.finditer(text):
        readings = _readings(m.group("date"))
        if readings:
            found.append(readings)
    return found


def _readings(value: str) -> tuple[dt.date, ...]:
    parts = [int(p) for p in re.split(r"[./-]", value)]
    if len(parts) != 3:
        return ()
    if parts[0] > 31:  # year first
        orders = [(parts[0], parts[1], parts[2])]
    else:
        year = parts[2] + (1900 if parts[2] >= 30 else 2000) if parts[2] < 100 else parts[2]
        orders = [(year, parts[1], parts[0]), (year, parts[0], parts[1])]
    dates: list[dt.date] = []
    for y, mo, d in orders:
        try:
            dates.append(dt.date(y, mo, d))
        except ValueError:
            continue
    return tuple(dict.fromkeys(dates))
