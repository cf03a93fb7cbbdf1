"""The names the readers share: drugs, conditions, procedures and specialties, English and
Hebrew, each to one canonical name, and which drugs treat which condition."""
