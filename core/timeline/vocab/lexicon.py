"""The names the extractor knows: drugs (generic, brand and Hebrew spellings, each to one
generic name), conditions, procedures and specialties, all data in
`core/timeline/resources/{en,he}/` (`drugs.toml`, `conditions.toml`, ...).
Kept as data so a clinic's additions are a line each, not a pattern."""

from __future__ import annotations

from core.timeline.vocab.names import above, broader, names

__all__ = ["BROADER", "CONDITIONS", "DRUGS", "PROCEDURES", "SPECIALTIES"]

# generic name: its other names (brands, abbreviations, Hebrew), lower case.
DRUGS = names("drugs", articles=False)
# Conditions, procedures and specialties are data: core/timeline/resources/{en,he}/*.toml.
CONDITIONS = names("conditions")
PROCEDURES = names("procedures")
SPECIALTIES = names("specialties")
# A condition or procedure named more narrowly than another: its name to the broader one
# (resources/conditions.toml's and procedures.toml's [broader]; no name is both).
BROADER = {**broader("conditions"), **broader("procedures")}


def broader_names(name: str) -> list[str]:
    """The names above `name`, nearest first ("ankle swelling": ["edema"])."""
    return above(BROADER, name)
