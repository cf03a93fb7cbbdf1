"""chartside(1), generated from the CLI's own parser so the page cannot drift from it.

    python packaging/manpage.py OUT.1 [VERSION]

The date comes from SOURCE_DATE_EPOCH when set (reproducible builds), else today.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from argparse_manpage.manpage import Manpage

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.cli import build_parser  # noqa: E402

ENVIRONMENT = """\
.TP
.B CHARTSIDE_DATA_DIR
The data directory, instead of the per-user default.
.TP
.B CHARTSIDE_PASSPHRASE
The passphrase, for automation; otherwise it is asked for on the terminal, or read with
\\fB\\-\\-passphrase\\-stdin\\fR.
.TP
.B CHARTSIDE_*
Any setting, as SECTION__KEY (for example CHARTSIDE_SECURITY__AUTO_LOCK_MINUTES).
Keys set in the system policy win over these."""

FILES = """\
.TP
.I /etc/chartside/policy.toml
System policy: every key set here is locked for all users (a commented template is
installed).
.TP
.I ~/.config/chartside/config.toml
The user's own settings.
.TP
.I /opt/chartside
The application bundle, with its embedded PostgreSQL and packaged models."""


def render(version: str | None = None) -> str:
    # argparse wraps usage to the terminal's width; a fixed width keeps builds identical.
    os.environ["COLUMNS"] = "80"
    page = Manpage(
        build_parser(),
        {
            "project_name": "chartside",
            "version": version or "",
            "manual_title": "Chartside Manual",
            "manual_section": 1,
            "description": "Local, encrypted clinical-notes assistant",
        },
    )
    page.add_section("ENVIRONMENT", "=", ENVIRONMENT)
    page.add_section("FILES", "=", FILES)
    return str(page)


def main(argv: list[str]) -> int:
    if not argv or len(argv) > 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(argv[1] if len(argv) > 1 else None), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
