"""Which embedding model a workspace uses: one per workspace, kept in the database.

Desktops sharing a clinic's workspace must embed with the same model: an indexer treats
every chunk embedded by another model as stale, so two desktops on two models would each
re-embed the other's chunks forever. The choice is recorded on the workspace's row; a
desktop follows it on unlock, and its background indexer checks it before each batch.

Which model a workspace should use: the packaged default (all-MiniLM-L6-v2) is
an English model; a Hebrew practice needs the multilingual one. A workspace created while
the window is in Hebrew starts with it (`first_embedder`); a workspace whose notes turn out
mostly Hebrew while it uses another is offered it, with the reason (`advise`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import Connection, select, text, update

from core.db import schema as s
from core.errors import EmbedderChanged
from core.retrieval.chunks import NOTIFY_CHANNEL, decrypt_content
from core.retrieval.types import EmbedderAdvice
from core.security.crypto import CellCipher

# A note counts as Hebrew when at least this share of its letters are Hebrew: Israeli
# notes keep drug, lab and imaging names in Latin letters ("HbA1c 6.5", "Metformin").
HEBREW_NOTE = 0.25
# "Mostly Hebrew": at least this share of the notes (of those sampled) are Hebrew.
MOSTLY = 0.5
# The most recent chunks read to tell: enough to be sure, few enough to decrypt at unlock.
SAMPLE = 300
# Fewer notes than this say too little to advise on.
MIN_NOTES = 5
_HEBREW = re.compile("[\u05d0-\u05ea]")
_LATIN = re.compile("[A-Za-z]")


def chosen_embedder(conn: Connection, ws: UUID) -> str | None:
    """The workspace's embedder's model id; None before any desktop recorded one."""
    row = conn.execute(select(s.workspaces.c.embedder).where(s.workspaces.c.id == ws)).first()
    return None if row is None else row.embedder


def record_embedder(conn: Connection, ws: UUID, model_id: str) -> None:
    """Make `model_id` the workspace's embedder, and wake every desktop's indexer (the
    NOTIFY is delivered at commit) so that each switches now rather than at its next poll."""
    conn.execute(update(s.workspaces).where(s.workspaces.c.id == ws).values(embedder=model_id))
    conn.execute(text("SELECT pg_notify(:ch, '')"), {"ch": NOTIFY_CHANNEL})


def check_embedder(conn: Connection, ws: UUID, model_id: str) -> None:
    """Raise `EmbedderChanged` when the workspace has chosen another embedder."""
    chosen = chosen_embedder(conn, ws)
    if chosen is not None and chosen != model_id:
        raise EmbedderChanged(chosen)


def hebrew_note(text_: str) -> bool:
    """At least `HEBREW_NOTE` of the text's letters (Hebrew or Latin) are Hebrew."""
    he = len(_HEBREW.findall(text_))
    latin = len(_LATIN.findall(text_))
    return he > 0 and he >= HEBREW_NOTE * (he + latin)


def hebrew_share(texts: Iterable[str]) -> tuple[float, int]:
    """(share of the texts that are Hebrew notes, how many texts had letters at all)."""
    counted = hebrew = 0
    for t in texts:
        if _HEBREW.search(t) or _LATIN.search(t):
            counted += 1
            hebrew += hebrew_note(t)
    return (hebrew / counted if counted else 0.0), counted


_SAMPLE_SQL = text(
    "SELECT id, content FROM chunks WHERE workspace_id = :ws ORDER BY updated_at DESC, id LIMIT :n"
)
_ANY_CHUNK_SQL = text("SELECT EXISTS (SELECT 1 FROM chunks WHERE workspace_id = :ws)")


def notes_hebrew_share(
    conn: Connection, cipher: CellCipher, sample: int = SAMPLE
) -> tuple[float, int]:
    """`hebrew_share` of the workspace's most recently written chunks (each a passage of a
    note field), decrypted here and forgotten."""
    rows = conn.execute(_SAMPLE_SQL, {"ws": cipher.workspace_id, "n": sample}).all()
    return hebrew_share(decrypt_content(cipher, r.id, r.content) for r in rows)


def has_notes(conn: Connection, ws: UUID) -> bool:
    """Whether the workspace holds any note text (chunks) yet."""
    return bool(conn.execute(_ANY_CHUNK_SQL, {"ws": ws}).scalar())


def first_embedder(language: str, current: str | None, multilingual: str | None) -> str | None:
    """The embedder a new workspace (no embedder chosen, no notes yet) starts with: the
    multilingual one when the window is in Hebrew and it is installed here, else `current`
    (this computer's active one)."""
    if language == "he" and multilingual is not None:
        return multilingual
    return current


def advise(
    current: str | None, multilingual: str | None, share: float, notes: int
) -> EmbedderAdvice | None:
    """Advice to switch to the multilingual embedder, when the notes are mostly Hebrew
    (`MOSTLY` of at least `MIN_NOTES` sampled) and the workspace uses another."""
    if multilingual is None or current == multilingual:
        return None
    if notes < MIN_NOTES or share < MOSTLY:
        return None
    return EmbedderAdvice(current, multilingual, share, notes)
