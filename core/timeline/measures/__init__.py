"""Measurements: what each measure is called, its units and believable values, and how
notes write a reading."""
