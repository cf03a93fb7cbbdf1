"""Running the generator: clinosim's own CLI, a fixed seed and period, its FHIR files."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

PACKAGE = "clinosim"
SEED = 7
POPULATION = 80  # catchment population; about 44 patients with 250 encounters
PERIOD = ("2025-01-01", "2025-12-31")  # fixed: the generator's default end is "today"

Resource = dict[str, Any]


def generate(out: Path, population: int = POPULATION, seed: int = SEED) -> Path:
    """Run clinosim's own CLI (in a child process: it configures logging globally)."""
    cmd = [
        sys.executable, "-c", "from clinosim.simulator.cli import main; main()",
        "simulate", "--country", "US", "-p", str(population), "-s", str(seed),
        "--start", PERIOD[0], "--end", PERIOD[1], "-o", str(out), "--format", "fhir-r4",
    ]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=600)
    return out / "fhir_r4"


def dataset_info(population: int = POPULATION, seed: int = SEED) -> dict[str, str]:
    meta = metadata.metadata(PACKAGE)
    return {
        "name": PACKAGE,
        "version": meta["Version"],
        "licence": meta.get("License-Expression") or meta.get("License") or "unknown",
        "source": f"PyPI {PACKAGE}=={meta['Version']}, seed {seed}, "
        f"population {population}, {PERIOD[0]}..{PERIOD[1]}",
    }


def resources(fhir_dir: Path) -> dict[str, list[Resource]]:
    """Every resource the generator wrote, by resource type (one ndjson file per type)."""
    out: dict[str, list[Resource]] = {}
    for path in sorted(fhir_dir.glob("*.ndjson")):
        with path.open(encoding="utf-8") as f:
            out[path.stem] = [json.loads(line) for line in f if line.strip()]
    return out
