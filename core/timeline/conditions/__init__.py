"""Diagnoses and problems, with their context: negated, history, a relative's, a setting."""
