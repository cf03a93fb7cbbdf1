"""Message ids: Opening the data directory."""

from __future__ import annotations

from core.messages.mark import QT_TRANSLATE_NOOP

ENGLISH = {
    "session.no_data_yet": QT_TRANSLATE_NOOP("Core", "Chartside has no data yet"),
    "session.no_workspace_yet": QT_TRANSLATE_NOOP("Core", "Chartside has no workspace yet"),
}
