"""The names of the note fields as the window shows them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def field_label(field: str) -> str:
    """The translated name of a note field, as the editors label it (without accelerators)."""
    labels = {
        "subjective": QCoreApplication.translate("SearchPanel", "Subjective"),
        "objective": QCoreApplication.translate("SearchPanel", "Objective"),
        "assessment": QCoreApplication.translate("SearchPanel", "Assessment"),
        "plan": QCoreApplication.translate("SearchPanel", "Plan"),
        "medical_history": QCoreApplication.translate("SearchPanel", "Medical history"),
        "notes": QCoreApplication.translate("SearchPanel", "Client notes"),
    }
    # A field added to the index before the GUI knows it still shows, untranslated.
    return labels.get(field, field)
