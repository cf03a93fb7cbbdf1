"""What takes the space in the bundle, largest first: each top-level entry of its contents
(`_internal/`, where PyInstaller puts the packages, the models and the libraries), its size
and its share, the small ones summed on one line. `make package` prints it after the
bundle, so that what a release weighs is read off every build, not estimated.

    python packaging/sizes.py BUNDLE [--top N]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

MIB = 1024 * 1024


def _size(path: Path) -> int:
    """Bytes of a file, or of every file under a folder; a link counts as nothing (it is
    the file it points to that takes the space)."""
    if path.is_symlink():
        return 0
    if path.is_file():
        return path.stat().st_size
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            file = Path(folder, name)
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def sizes(bundle: Path) -> list[tuple[str, int]]:
    """(entry, bytes), largest first, then by name: the entries of `_internal/` where the
    bundle has one, with the bundle's own top-level files beside them."""
    inner = bundle / "_internal"
    entries = [p for p in bundle.iterdir() if p != inner]
    if inner.is_dir():
        entries += list(inner.iterdir())
    found = [(p.name, _size(p)) for p in entries]
    return sorted(found, key=lambda e: (-e[1], e[0]))


def report(bundle: Path, top: int = 15) -> str:
    found = sizes(bundle)
    total = sum(n for _, n in found) or 1
    lines = [f"what takes the space in {bundle.name} ({total / MIB:,.1f} MiB), largest first:"]
    for name, n in found[:top]:
        lines.append(f"  {n / MIB:9,.1f} MiB {100 * n / total:5.1f}%  {name}")
    rest = found[top:]
    if rest:
        n = sum(size for _, size in rest)
        lines.append(
            f"  {n / MIB:9,.1f} MiB {100 * n / total:5.1f}%  the other {len(rest)} entries"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="What takes the space in the bundle.")
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args(argv)
    if not args.bundle.is_dir():
        print(f"no bundle at {args.bundle}", file=sys.stderr)
        return 2
    print(report(args.bundle, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
