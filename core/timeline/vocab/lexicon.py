"""The names the extractor knows: drugs (generic, brand and Hebrew spellings, each to one
generic name), conditions, procedures and specialties, all data in
`core/timeline/resources/{en,he}/` (`drugs.toml`, `conditions.toml`, ...).
Kept as data so a clinic's additions are a line each, not a pattern."""

from __future__ import annotations

from core.timeline.vocab.names import names

__all__ = ["CONDITIONS", "DRUGS", "PROCEDURES", "SPECIALTIES"]

# generic name: its other names (brands, abbreviations, Hebrew), lower case.
DRUGS = names("drugs", articles=False)
# Conditions, procedures and specialties are data: core/timeline/resources/{en,he}/*.toml.
CONDITIONS = names("conditions")
PROCEDURES = names("procedures")
SPECIALTIES = names("specialties")
