"""`chartside ask` (docs/usage.md): one question, or a JSONL file of them with the models
loaded once."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any
from uuid import UUID

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from app.cli.search import batch_lines
from core.assistant.types import AskRequest
from core.errors import ChartsideError, ValidationError
from core.services.service import ChartsideService


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("question", nargs="?", help="the question")
    p.add_argument("--batch", type=Path, help="JSONL file of {id, question, client} lines")
    p.add_argument("--client", help="external id (or internal id) of one client")
    p.add_argument("--conversation", type=UUID, help="continue this conversation")
    p.add_argument("--no-cache", action="store_true", help="do not use cached answers")
    p.add_argument(
        "--extractive", action="store_true", help="quote the best passages instead of generating"
    )


def _request(svc: ChartsideService, question: str, client: str | None, a: Any) -> AskRequest:
    return AskRequest(
        question=question,
        client_id=svc.notes.resolve_client(client) if client else None,
        conversation_id=getattr(a, "conversation", None),
        use_cache=not a.no_cache,
        extractive=a.extractive,
    )


@command("ask", "answer a question from the notes, with citations", _arguments)
def run_ask(ctx: Context) -> int:
    a = ctx.args
    if (a.question is None) == (a.batch is None):
        raise ValidationError("give either a QUESTION or --batch FILE", field="ask")
    ctx.unlock()
    svc = ctx.svc
    if a.batch is not None:
        for ident, item in batch_lines(a.batch, "question"):
            if "error" in item:
                print(json.dumps({"id": ident, **item}, ensure_ascii=False), flush=True)
                continue
            try:
                out = svc.assistant.ask(
                    _request(svc, item["question"], item.get("client"), a)
                ).to_json()
            except ChartsideError as exc:
                out = {"line": item["line"], "error": exc.message}
            print(json.dumps({"id": ident, **out}, ensure_ascii=False), flush=True)
        return EXIT_OK
    # A terminal sees the answer as it is written; JSON waits for the whole result.
    stream = None if a.json or not sys.stdout.isatty() else _echo
    result = svc.assistant.ask(_request(svc, a.question, a.client, a), on_text=stream)
    if a.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return EXIT_OK
    if stream is not None:
        print()
    print(("(refused) " if result.refused else "") + result.answer)
    for s in result.sources:
        when = s.session_date.date().isoformat() if s.session_date else "client record"
        if s.document is not None:  # a page of an attached document
            when = f"{s.document.title}, page {s.document.page}"
        mark = "used" if s.used else "not used"
        print(f"  [{s.n}] {when} · {s.field} ({mark})")
    for w in result.warnings:
        print(f"  ! {w}", file=sys.stderr)
    return EXIT_OK


def _echo(piece: str) -> None:
    sys.stdout.write(piece)
    sys.stdout.flush()
