"""The drug vocabulary reads a drug by its own name where none of its variants spells it
(issue 27, round 6): "thiamine" was reached only from its other spellings ("thiaminium").
Phrasings are this test's own."""

from __future__ import annotations

from core.timeline.extract import extract
from core.timeline.vocab import drug_vocab


def test_a_canonical_name_no_variant_spells_is_a_name() -> None:
    assert drug_vocab.vocabulary().get("thiamine") == "thiamine"


def test_thiamine_by_its_own_name_is_a_medication() -> None:
    facts = [f for f in extract("Give thiamine 200 mg tds before any glucose.", "plan").facts]
    meds = [(f.name, f.status, f.dose) for f in facts if f.kind == "medication"]
    assert meds == [("thiamine", "started", "200 mg")]


def test_a_variant_keeps_the_name_it_had() -> None:
    # Adding the canonical names changes no name a variant already had.
    assert drug_vocab.vocabulary().get("thiaminium") == "thiamine"
    # (sevelamer, the other example, is the lexicon's now, with its carbonate a form of it)
    assert drug_vocab.vocabulary().get("sevelamer carbonate") is None
    assert [f.name for f in extract("Sevelamer carbonate 800 mg tds.", "plan").facts] == [
        "sevelamer"
    ]


def test_a_canonical_name_without_a_medicines_page_is_not_added() -> None:
    # Foods, elements and analytes are DrugBank entries too; a check is no prescription.
    vocab = drug_vocab.vocabulary()
    assert "shrimp" not in vocab and "potassium" not in vocab
    assert [
        f
        for f in extract("Ramipril paused, recheck potassium.", "plan").facts
        if f.kind == "medication" and f.name != "ramipril"
    ] == []
