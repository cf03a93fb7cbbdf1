"""The port the GUI (and any other front end) drives. `app` builds the concrete service.

One module per part's Protocol (`notes`, `search`, `assistant`, ...), and `facade` for the
`ChartsideApi` that hands them out; every name is re-exported here, with the two that
front ends imported from the old module beside them (`BackupStatus`, `IndexProgress`)."""

from __future__ import annotations

from core.api.assistant import AssistantPart
from core.api.backups import BackupsPart, BackupSummary, RestoreSummary
from core.api.config import ConfigPart
from core.api.dictation import DictationPart
from core.api.documents import DocumentsPart
from core.api.facade import ChartsideApi
from core.api.health import HealthPart
from core.api.keys import KeysPart
from core.api.models import ModelsPart
from core.api.notes import NotesPart
from core.api.search import SearchPart
from core.api.timeline import TimelinePart
from core.backup.schedule import BackupStatus
from core.progress import IndexProgress

__all__ = [
    "AssistantPart",
    "BackupStatus",
    "BackupSummary",
    "BackupsPart",
    "ChartsideApi",
    "ConfigPart",
    "DictationPart",
    "DocumentsPart",
    "HealthPart",
    "IndexProgress",
    "KeysPart",
    "ModelsPart",
    "NotesPart",
    "RestoreSummary",
    "SearchPart",
    "TimelinePart",
]
