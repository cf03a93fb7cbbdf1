"""`chartside index` and `chartside search` (docs/usage.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO, cast

from app.cli.context import EXIT_OK, Context
from app.cli.registry import command
from core.errors import ChartsideError, ValidationError
from core.retrieval.types import FIELDS, IndexStatus, SearchQuery
from core.services.service import ChartsideService

WAIT_POLL_S = 0.5
PROGRESS_EVERY_S = 10.0  # off a terminal: one progress line this often


def _index_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--wait",
        action="store_true",
        help="also wait for chunks another Chartside process is embedding right now",
    )


def _search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query", nargs="?", help="what to look for")
    p.add_argument("--batch", type=Path, help="JSONL file of {id, query, client} lines")
    p.add_argument("--client", help="external id (or internal id) of one client")
    p.add_argument("--k", type=int, default=10, help="number of results (default 10)")
    p.add_argument("--field", action="append", choices=FIELDS, help="only this field (repeat)")
    p.add_argument("--from", dest="date_from", type=_date, help="sessions on or after YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=_date, help="sessions on or before YYYY-MM-DD")
    p.add_argument(
        "--mode",
        choices=("hybrid", "vector", "lexical"),
        default="hybrid",
        help="by meaning and words together (default), by meaning alone, or by words alone",
    )


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError("expected a date as YYYY-MM-DD") from None


def progress_bar(status: IndexStatus, out: TextIO = sys.stderr) -> None:
    """A one-line bar, redrawn in place; only on a terminal."""
    if not out.isatty():
        return
    width = 30
    frac = status.current / status.total if status.total else 1.0
    bar = "#" * int(frac * width)
    out.write(f"\rIndexing [{bar:<{width}}] {status.current}/{status.total}")
    out.flush()


class IndexProgress:
    """On a terminal the bar; anywhere else (a log, a pipe, a service unit) a plain line
    now and then, so a long run is not silence: the first report, one every `every_s`,
    and the last (all chunks current)."""

    def __init__(
        self,
        out: TextIO = sys.stderr,
        every_s: float = PROGRESS_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.out, self.every_s, self.clock = out, every_s, clock
        self._last: float | None = None
        self._done = False

    def __call__(self, status: IndexStatus) -> None:
        if self.out.isatty():
            progress_bar(status, self.out)
            return
        now = self.clock()
        done = status.current >= status.total
        due = self._last is None or now - self._last >= self.every_s
        if not self._done and (due or done):
            pct = 100 * status.current // status.total if status.total else 100
            self.out.write(f"Indexing: {status.current}/{status.total} chunks ({pct}%)\n")
            self.out.flush()
            self._last, self._done = now, done

    def finish(self) -> None:
        if self.out.isatty():
            self.out.write("\n")


@command("index", "embed stale chunks; progress on a TTY", _index_arguments)
def run_index(ctx: Context) -> int:
    ctx.unlock()
    # A foreground job: the embedder may take `models.embedder_index_threads`.
    foreground = getattr(ctx.svc.embedder, "use_foreground_threads", None)
    if foreground is not None:
        foreground()
    show = IndexProgress()
    status = ctx.svc.search.index_now(progress=show)
    while ctx.args.wait and not status.complete:
        # Rows another indexer holds were skipped (SKIP LOCKED); they finish there.
        show(status)  # waiting is progress too: the line says how far the other one got
        time.sleep(WAIT_POLL_S)
        status = ctx.svc.search.index_now(progress=show)
    show(status)
    show.finish()
    ctx.emit(
        {"index": status.to_json(), "complete": status.complete},
        f"Index: {status.current} of {status.total} chunks current ({status.model_id})",
    )
    return EXIT_OK


@command("search", "hybrid search of the notes", _search_arguments)
def run_search(ctx: Context) -> int:
    a = ctx.args
    if (a.query is None) == (a.batch is None):
        raise ValidationError("give either a QUERY or --batch FILE", field="search")
    ctx.unlock()
    if a.batch is not None:
        for line in _batch(ctx.svc, a.batch, a):
            print(json.dumps(line, ensure_ascii=False), flush=True)
        return EXIT_OK
    result = ctx.svc.search.query(_query(ctx.svc, a.query, a.client, a))
    hits = [h.to_json() for h in result.hits]
    if a.json:
        print(json.dumps(hits, ensure_ascii=False))
        return EXIT_OK
    for h in result.hits:
        when = h.session_date.date().isoformat() if h.session_date else "client record"
        if h.document is not None:  # a page of an attached document
            when = f"{h.document.title}, page {h.document.page}"
        print(f"{h.rank:>2}. [{when} · {h.field}] {h.snippet}")
    if not result.index.complete:
        print(f"(index {result.index.current}/{result.index.total} current)", file=sys.stderr)
    return EXIT_OK


def _query(svc: ChartsideService, text: str, client: str | None, a: Any) -> SearchQuery:
    return SearchQuery(
        text=text,
        client_id=svc.notes.resolve_client(client) if client else None,
        k=a.k,
        fields=tuple(a.field or ()),
        date_from=a.date_from,
        date_to=a.date_to,
        mode=a.mode,
    )


def batch_lines(path: Path, key: str) -> Iterator[tuple[Any, dict[str, Any]]]:
    """(id, item) per non-blank JSONL line; a bad line gives an item with an "error" (and
    its line number) instead of aborting, so a long evaluation run keeps its answers."""
    with path.open("rb") as f:  # decoded line by line: one bad line is that line's error
        for n, raw in enumerate(f, start=1):
            if not raw.strip():
                continue
            try:
                parsed: object = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError:
                yield None, {"line": n, "error": "not valid UTF-8"}
                continue
            except json.JSONDecodeError:
                yield None, {"line": n, "error": "not valid JSON"}
                continue
            item = cast("dict[str, Any]", parsed) if isinstance(parsed, dict) else None
            if item is None or not isinstance(item.get(key), str):
                ident = item.get("id") if item is not None else None
                yield ident, {"line": n, "error": f"line {n}: needs a string '{key}'"}
                continue
            yield item.get("id", n), {"line": n, **item}


def _batch(svc: ChartsideService, path: Path, a: Any) -> Iterator[dict[str, Any]]:
    for ident, item in batch_lines(path, "query"):
        if "error" in item:
            yield {"id": ident, **item}
            continue
        try:
            result = svc.search.query(_query(svc, item["query"], item.get("client"), a))
            yield {"id": ident, "results": [h.to_json() for h in result.hits]}
        except ChartsideError as exc:
            yield {"id": ident, "line": item["line"], "error": exc.message}
