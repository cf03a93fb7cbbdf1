"""The CLI's own errors, beside core's hierarchy (core/errors.py): each carries a message and
a remediation, and becomes the CLI's one-line error in app.cli.entry."""

from __future__ import annotations

from core.errors import ChartsideError


class FileAccessError(ChartsideError):
    remediation = "Check that the path exists and that this account may read and write it."


class UsageError(ChartsideError):
    """A command line argparse rejected (exit 2): one line, the usage a `--help` away."""
