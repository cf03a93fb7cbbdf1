"""How the holdout fields are put together (layout.toml): how many fields each clinic
writes of each kind, the measures each kind of field draws its mentions from, the statuses
a plan's drugs cycle through, and the headings and separators between a field's pieces."""

from __future__ import annotations

from bench.timeline.sets.holdout.measures import SPECS
from bench.timeline.sets.holdout.readers import by_lang, kinds_by_lang, read

LAYOUT = read("layout.toml")


def _schedule() -> tuple[tuple[str, str, int, int], ...]:
    """(clinic, builder, English fields, Hebrew fields), in file order."""
    return tuple(
        (
            LAYOUT.text("schedule", i, "clinic"),
            LAYOUT.text("schedule", i, "field"),
            LAYOUT.whole("schedule", i, "en"),
            LAYOUT.whole("schedule", i, "he"),
        )
        for i in range(len(LAYOUT.tables("schedule")))
    )


def _check_measures() -> None:
    """Every measure a group names has written styles (vitals.toml, labs.toml)."""
    for key in ("groups", "assessment_measures"):
        for name, measures in LAYOUT.lists(key).items():
            LAYOUT.known(measures, SPECS, key, name)


SCHEDULE = _schedule()
PLAN_STATUSES = LAYOUT.strings("plan_statuses")
_GROUPS = LAYOUT.lists("groups")
ASSESSED = LAYOUT.lists("assessment_measures")
_check_measures()
VITALS = _GROUPS["vitals"]
LABS = _GROUPS["labs"]
DM_OBJ = _GROUPS["dm_objective"]
CARDIO = _GROUPS["cardio"]
PSYCH = _GROUPS["psych"]
SEPARATORS = LAYOUT.lists("separators")
HEADINGS = kinds_by_lang(LAYOUT, "headings")
WHOLE_NOTE_HEADINGS = by_lang(LAYOUT, "whole_note_headings")
