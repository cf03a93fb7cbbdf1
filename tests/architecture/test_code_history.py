"""History lives in git and the changelog, not in the product's comments: no "issue N" in
core, app, ui, models or migrations."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("core", "app", "ui", "models", "migrations")


def test_product_code_names_no_issue() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for top in PRODUCT
        for path in sorted((ROOT / top).rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bissues? \d+", line, re.IGNORECASE)
    ]
    assert found == []
