"""Condition names from the Human Disease Ontology (issue 27): a disease the project's
lexicon lacks is read with the lexicon's rules for its status; an ordinary word, an allergy,
a vaccine's or a test's name is not; the lexicon's own name wins where both know one."""

from __future__ import annotations

import pytest

from core.timeline import dx_ontology
from core.timeline.extract import extract
from core.timeline.lexicon import CONDITIONS


def _dx(text: str, field: str = "assessment") -> list[tuple[str, str | None]]:
    return [(f.name, f.status) for f in extract(text, field).facts if f.kind == "diagnosis"]


def test_the_data_file_names_its_source_and_licence() -> None:
    header = [
        line
        for line in dx_ontology.DATA.read_text(encoding="utf-8").splitlines()
        if line.startswith("#")
    ]
    text = "\n".join(header)
    assert "HumanDiseaseOntology" in text
    assert "9fbefd6651b79526165453395d06c8fd4bfe4247" in text
    assert "CC0 1.0" in text


def test_the_ontology_adds_thousands_of_names_the_lexicon_lacks() -> None:
    names = dx_ontology.names()
    assert len(names) > 5000
    assert {"trachoma", "leptospirosis", "sarcoidosis"} <= set(names) | set(CONDITIONS)
    ours = {f.casefold() for name, forms in CONDITIONS.items() for f in (name, *forms)}
    assert not ours & set(names)


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Leptospirosis, on doxycycline.", "assessment", [("leptospirosis", "present")]),
        ("No history of trachoma.", "medical_history", [("trachoma", "negated")]),
        ("Denies brucellosis.", "subjective", [("brucellosis", "negated")]),
        (
            "Past history of Lyme disease, treated.",
            "medical_history",
            [("lyme disease", "history")],
        ),
        ("Q: trichomoniasis ruled out.", "assessment", [("trichomoniasis", "negated")]),
    ],
)
def test_a_disease_only_the_ontology_knows_is_read_with_its_status(
    text: str, field: str, expected: list[tuple[str, str]]
) -> None:
    assert _dx(text, field) == expected


def test_a_relatives_disease_from_the_ontology_is_not_the_patients() -> None:
    assert _dx("Brother had sarcoidosis.", "medical_history") == []


@pytest.mark.parametrize(
    "label",
    [
        "syndrome",  # an everyday word, not a diagnosis on its own
        "disease",
        "plague",
        "peanut allergy",  # an allergy is read against its substance
        "nickel allergic contact dermatitis",
        "46,XY sex reversal 1",  # a karyotype
        "CADASIL",  # an acronym
        "17-beta hydroxysteroid dehydrogenase 3 deficiency",
        "autosomal dominant cerebellar ataxia deafness and narcolepsy",  # five words and more
    ],
)
def test_labels_a_note_would_not_write_as_a_condition_are_left_out(label: str) -> None:
    assert not dx_ontology.usable(label)


@pytest.mark.parametrize("label", ["malaria", "carotid stenosis", "Lyme disease", "kyphosis"])
def test_plain_disease_names_are_kept(label: str) -> None:
    assert dx_ontology.usable(label)


def test_an_ordinary_word_the_ontology_has_is_no_diagnosis() -> None:
    assert _dx("Discussed the syndrome of symptoms; plague of paperwork.", "plan") == []


@pytest.mark.parametrize(
    "text",
    [
        "Tdap given today (tetanus, diphtheria, pertussis).",
        "MMR vaccine: measles, mumps, rubella.",
        "Gonorrhoea and trichomoniasis NAAT sent.",
        "Travelling to a leptospirosis area next month.",
        "Carrier of sickle cell gene, tay-sachs carrier.",
    ],
)
def test_a_vaccine_test_place_or_carrier_is_no_ontology_diagnosis(text: str) -> None:
    names = set(dx_ontology.names())
    assert not [name for name, _ in _dx(text, "plan") if name in names]


def test_the_lexicons_own_name_wins_over_a_longer_ontology_label() -> None:
    # The ontology has "intermittent asthma" and "chronic asthma"; the lexicon reads asthma,
    # and the ontology's longer label, which holds the lexicon's mention, is left out.
    assert {"intermittent asthma", "chronic asthma"} <= set(dx_ontology.names())
    assert _dx("Intermittent asthma, on budesonide.") == _dx("Asthma, on budesonide.")
    assert _dx("Chronic asthma, stable.") == _dx("Asthma, stable.")
    found = dx_ontology.with_ontology("Chronic asthma", [(8, 14, "asthma")])
    assert found == [(8, 14, "asthma")]


def test_the_data_file_ships_in_the_wheel_and_the_bundle() -> None:
    import fnmatch
    import tomllib
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    pyproject = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["core.timeline"]
    relative = dx_ontology.DATA.relative_to(root / "core" / "timeline").as_posix()
    assert any(fnmatch.fnmatch(relative, g) for g in globs)
    spec = (root / "packaging" / "chartside.spec").read_text(encoding="utf-8")
    assert "core/timeline/data/disease_ontology.tsv" in spec
    components = (root / "packaging" / "components.py").read_text(encoding="utf-8")
    assert '"core" / "timeline" / "data" / "disease_ontology.tsv"' in components
    assert '"CC0-1.0"' in components
