"""The reading every room shares: sentences and name lexicons, a note's sections, and the
context around a name (negation, whose it is, a value from another time, a setting)."""
