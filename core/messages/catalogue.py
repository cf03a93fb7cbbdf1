"""Every message id core uses, with its English template: one module per area."""

from __future__ import annotations

from core.messages import answer as _answer
from core.messages import ask as _ask
from core.messages import backup as _backup
from core.messages import db as _db
from core.messages import dictation as _dictation
from core.messages import documents as _documents
from core.messages import errors as _errors
from core.messages import field as _field
from core.messages import keys as _keys
from core.messages import models as _models
from core.messages import records as _records
from core.messages import runtime as _runtime
from core.messages import search as _search
from core.messages import session as _session
from core.messages import settings as _settings

_AREAS = (
    _answer,
    _ask,
    _backup,
    _db,
    _dictation,
    _errors,
    _documents,
    _field,
    _keys,
    _models,
    _records,
    _runtime,
    _search,
    _session,
    _settings,
)

ENGLISH: dict[str, str] = {}
for _area in _AREAS:
    assert not set(_area.ENGLISH) & set(ENGLISH), "an id is defined twice"
    ENGLISH.update(_area.ENGLISH)
