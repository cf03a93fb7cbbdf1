"""Conditions by the words clinicians write for them (issue 46): an abbreviation ("PBC",
"LBBB", "PMB", "JME"), an adjective ("cachectic", "hypoxic", "fluid overloaded"), a verb
("snores", "bingeing") or a finding's word order ("abdomen distended"), in English and
Hebrew. Wordings of our own, not any set's."""

from __future__ import annotations

import pytest

from core.timeline.extract import extract
from core.timeline.vocab.lexicon import broader_names


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Looks cachectic.", "objective", [("cachexia", "present")]),
        ("Hypoxic on room air.", "objective", [("hypoxia", "present")]),
        ("Snores most nights.", "subjective", [("snoring", "present")]),
        ("Abdomen distended, soft.", "objective", [("abdominal distension", "present")]),
        ("PBC, ALP falling.", "assessment", [("primary biliary cholangitis", "present")]),
        ("ECG: LBBB, old.", "objective", [("left bundle branch block", "present")]),
        ("No PMB.", "subjective", [("postmenopausal bleeding", "negated")]),
        ("JME, well controlled.", "assessment", [("juvenile myoclonic epilepsy", "present")]),
        ("Fluid overloaded.", "assessment", [("fluid overload", "present")]),
        ("Bingeing twice a week.", "subjective", [("binge eating disorder", "present")]),
        ("Gross caries lower molars.", "objective", [("dental caries", "present")]),
        ("Iron deficiency anaemia.", "assessment", [("iron deficiency anemia", "present")]),
        (
            "Known AAA, under surveillance.",
            "assessment",
            [("abdominal aortic aneurysm", "present")],
        ),
        ("עודף נוזלים.", "assessment", [("fluid overload", "present")]),
        ("אנמיה מחוסר ברזל.", "assessment", [("iron deficiency anemia", "present")]),
        ("עששת בשיניים האחוריות.", "objective", [("dental caries", "present")]),
        ('חסם הולכה שמאלי באק"ג.', "objective", [("left bundle branch block", "present")]),
        # "מגרדת" is itchy, no scabies ("גרדת") with a prefix
        ("פריחה מגרדת בידיים.", "assessment", [("rash", "present")]),
        ("מגרד בכל הגוף.", "subjective", [("pruritus", "present")]),
        ("כאבי פרקים בידיים.", "subjective", [("joint pain", "present")]),
        ("כאבי ראש מיגרנוטיים.", "subjective", [("migraine", "present")]),
        ("דלקת בגידים בכתף.", "assessment", [("tendonitis", "present")]),
    ],
)
def test_a_clinicians_word_names_the_condition(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


def test_the_kinds_sit_under_their_conditions() -> None:
    assert broader_names("iron deficiency anemia") == ["anemia"]
    assert broader_names("abdominal aortic aneurysm") == ["aortic aneurysm"]
    assert broader_names("familial hypercholesterolemia") == [
        "hypercholesterolemia",
        "hyperlipidemia",
    ]
    # a lasting condition's kind lasts: still the patient's under a background cue
    assert _dx("PMH: AAA.", "medical_history") == [("abdominal aortic aneurysm", "present")]
