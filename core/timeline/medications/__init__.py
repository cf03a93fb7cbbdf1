"""Medication events: a drug's name, the verb and section that give it a status, its dose,
and what makes a named drug no event."""
