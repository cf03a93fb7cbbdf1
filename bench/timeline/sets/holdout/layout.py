"""How the holdout fields are put together (layout.toml): how many fields each clinic
writes of each kind, the measures each kind of field draws its mentions from, the statuses
a plan's drugs cycle through, and the headings and separators between a field's pieces."""

from __future__ import annotations

from bench.timeline.kit.vocab import VocabError
from bench.timeline.sets.holdout.measures import SPECS
from bench.timeline.sets.holdout.readers import (
    by_lang,
    kinds_by_lang,
    number,
    pools,
    read,
    string,
    strings,
    table,
)

PATH, _DATA = read("layout.toml")


def _schedule() -> tuple[tuple[str, str, int, int], ...]:
    """(clinic, builder, English fields, Hebrew fields), in file order."""
    rows = _DATA.get("schedule")
    if not isinstance(rows, list):
        raise VocabError(f"{PATH}: schedule: a list of {{ clinic, field, en, he }}")
    out: list[tuple[str, str, int, int]] = []
    for i, row in enumerate(rows):
        where = f"schedule[{i}]"
        spec = table(PATH, where, row)
        clinic, builder = (string(PATH, f"{where}.{k}", spec.get(k)) for k in ("clinic", "field"))
        n_en, n_he = (number(PATH, f"{where}.{k}", spec.get(k)) for k in ("en", "he"))
        if not isinstance(n_en, int) or not isinstance(n_he, int):
            raise VocabError(f"{PATH}: {where}: whole numbers of fields, en and he")
        out.append((clinic, builder, n_en, n_he))
    return tuple(out)


SCHEDULE = _schedule()
PLAN_STATUSES = strings(PATH, "plan_statuses", _DATA.get("plan_statuses"))
_GROUPS = pools(PATH, "groups", _DATA.get("groups"))
ASSESSED = pools(PATH, "assessment_measures", _DATA.get("assessment_measures"))
if unknown := sorted(
    {m for group in (*_GROUPS.values(), *ASSESSED.values()) for m in group} - set(SPECS)
):
    raise VocabError(f"{PATH}: no written styles (vitals.toml, labs.toml) for {unknown}")
VITALS = _GROUPS["vitals"]
LABS = _GROUPS["labs"]
DM_OBJ = _GROUPS["dm_objective"]
CARDIO = _GROUPS["cardio"]
PSYCH = _GROUPS["psych"]
SEPARATORS = pools(PATH, "separators", _DATA.get("separators"))
HEADINGS = kinds_by_lang(PATH, "headings", _DATA.get("headings"))
WHOLE_NOTE_HEADINGS = by_lang(PATH, "whole_note_headings", _DATA.get("whole_note_headings"))
