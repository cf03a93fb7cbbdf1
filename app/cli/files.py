"""Files the CLI touches for the user, and the one-line errors they can fail with.

An OSError becomes a FileAccessError: it names the path and the operating system's reason,
never file contents, so it fits the CLI's one-line error. Output files appear whole or not
at all: an export is plaintext PHI, and a half-written copy must never be left behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Generator
from pathlib import Path
from typing import cast

from app.cli.errors import FileAccessError

WRITE_REMEDIATION = (
    "Choose a file name in a folder that exists and that you may write to; nothing was written."
)


def reason(exc: OSError) -> str:
    """The operating system's words. A hand-made OSError's text could say anything: not it."""
    return exc.strerror or type(exc).__name__


def _paths(exc: OSError) -> list[Path]:
    names: tuple[object, object] = (exc.filename, exc.filename2)
    return [
        Path(os.fsdecode(cast("str | bytes | os.PathLike[str]", n)))
        for n in names
        if isinstance(n, str | bytes | os.PathLike)
    ]


def from_os_error(exc: OSError, data_dir: Path | None = None) -> FileAccessError:
    """A failure the command did not expect, as one line that names what it touched."""
    paths = _paths(exc)
    if data_dir is not None and paths:
        home = data_dir.expanduser().absolute()
        path = paths[0].absolute()
        if path == home or home in path.parents:
            inner = "" if path == home else f" ({path})"
            remedy = (
                "Run Chartside as the account that owns the data directory, or choose another "
                "with --data-dir or CHARTSIDE_DATA_DIR."
                if isinstance(exc, PermissionError)
                else "Check the path, or choose another data directory with --data-dir or "
                "CHARTSIDE_DATA_DIR."
            )
            return FileAccessError(
                f"cannot use the data directory {home}{inner}: {reason(exc)}", remedy
            )
    where = " -> ".join(str(p) for p in paths)
    return FileAccessError(f"{where}: {reason(exc)}" if where else reason(exc))


def check_data_dir(data_dir: Path) -> None:
    """Fail on a data dir that exists but that this account cannot open (another user's,
    mode 000, a file in the way) before anything reads it: otherwise building the service logs
    warnings about its contents ahead of the one-line error. A data dir that does not exist
    yet is fine: `init` creates it, and the other commands say it is missing."""
    try:
        with os.scandir(data_dir) as entries:  # needs read permission
            for entry in entries:
                entry.stat(follow_symlinks=False)  # needs search permission
    except FileNotFoundError:
        return
    except OSError as exc:
        raise from_os_error(exc, data_dir) from None


def write_atomically(out: Path, fill: Callable[[Path], None]) -> None:
    """`fill(out)` with its errors reported as failing to write `out`. The writers the CLI
    passes (transfer.dump, audit_file.write) go through core's `atomic_file`: a temporary
    copy beside `out`, renamed only once complete and removed on any failure."""
    if out.name in ("", ".", ".."):
        raise FileAccessError(f"cannot write {out}: not a file name", WRITE_REMEDIATION)
    with writing(out):
        fill(out)


@contextlib.contextmanager
def writing(out: Path) -> Generator[None, None, None]:
    """For a writer that is already atomic (backups): an OSError about `out`, or about a file
    beside it (its temporary copy), is reported as failing to write `out`."""
    target = out.absolute()
    _refuse_special(out)
    try:
        yield
    except OSError as exc:
        about = [p.absolute() for p in _paths(exc)]
        if not any(p == target or p.parent == target.parent for p in about):
            raise
        raise FileAccessError(f"cannot write {out}: {reason(exc)}", WRITE_REMEDIATION) from None


def _refuse_special(out: Path) -> None:
    """A device, pipe or socket at `out` is refused: the writers rename a finished copy over
    `out`, which would replace /dev/full or a FIFO with a plain file of exported notes."""
    try:
        mode = out.stat().st_mode
    except OSError:
        return  # missing, or not reachable: the write itself reports it
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):  # a folder fails with its own reason
        raise FileAccessError(
            f"cannot write {out}: not a regular file (a device, pipe or socket)",
            WRITE_REMEDIATION,
        )


def into_new_secret_file(path: Path, make: Callable[[], str]) -> None:
    """Write what `make()` returns (a recovery key) into `path`, a new file of mode 0600.
    The file is claimed before `make` runs: a path that cannot be written, or that exists,
    stops the command before anything is created, and a failed `make` leaves no file."""
    with writing(path):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        secret = make()
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    with writing(path), os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(secret + "\n")
