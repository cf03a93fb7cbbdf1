"""Every CLI failure is one line on stderr and a non-zero exit: no traceback, no PHI, and a
write that fails leaves nothing behind (docs/usage.md). Run through the real console entry point.

Most cases (a missing folder, a directory or a file in the way) fail for root too. Permission
bits do not stop root, so as root the permission cases run as an unprivileged account
(`nobody`, through `as_nobody` where the interpreter sits in a folder closed to it), and are
skipped only where that account still cannot run this interpreter.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import CHARTSIDE
from tests.conftest import FAST_KDF, PASSPHRASE

NOBODY = 65534
AS_ROOT = os.geteuid() == 0
# The one client in the store: it must never appear in an error.
PHI_NAME = "Zebulon Quarrington-Vasquez"
PHI_HISTORY = "Recurrent migraine with aura since 2011"
DOC = {
    "format": "chartside.v1",
    "clients": [
        {
            "external_id": "c-1",
            "full_name": PHI_NAME,
            "date_of_birth": "1980-01-31",
            "medical_history": PHI_HISTORY,
            "notes": "",
            "sessions": [],
        }
    ],
}
WRITERS = {
    "export": ("export", "--out"),
    "audit export": ("audit", "export", "--out"),
    "backup": ("backup", "--force", "--out"),
}


class Place:
    """A folder, for one module, that root and the unprivileged account can both use."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.home = self.area("home")

    def area(self, name: str) -> Path:
        """A fresh folder anyone may write to."""
        d = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=self.root))
        d.chmod(0o777)
        return d

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CHARTSIDE_")}
        env.update({f"CHARTSIDE_CRYPTO__{k.upper()}": str(v) for k, v in FAST_KDF.items()})
        env.update(
            CHARTSIDE_PASSPHRASE=PASSPHRASE,
            CHARTSIDE_CONFIG_FILE=str(self.root / "no-settings" / "config.toml"),
            CHARTSIDE_POLICY_FILE=str(self.root / "no-settings" / "policy.toml"),
            HOME=str(self.home),
        )
        return env

    def run(
        self,
        data_dir: Path,
        *args: str,
        unprivileged: bool = False,
        json_out: bool = False,
        window: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """`unprivileged`: as `nobody` when root (see the `unprivileged` fixture).
        `window`: `chartside` with no command, the data dir from CHARTSIDE_DATA_DIR."""
        env = self.env()
        if window:
            argv = [CHARTSIDE]
            env.update(CHARTSIDE_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
        else:
            argv = [CHARTSIDE, "--data-dir", str(data_dir), *(["--json"] if json_out else [])]
            argv += args
        if unprivileged and AS_ROOT:
            argv = as_nobody(argv, self.area("view"))
        return subprocess.run(
            argv, capture_output=True, text=True, env=env, cwd=self.root, timeout=180
        )

    def seed(self, data_dir: Path, *, unprivileged: bool = False) -> Path:
        ok(self.run(data_dir, "init", unprivileged=unprivileged))
        src = data_dir.parent / "in.json"
        src.write_text(json.dumps(DOC), encoding="utf-8")
        ok(self.run(data_dir, "import", str(src), unprivileged=unprivileged))
        return data_dir


# Run as root in a mount namespace of its own: each folder that `nobody` may not enter on
# the way to the interpreter or this checkout (pyenv's, under /root) is covered by a view
# holding only the entries on those ways; then the command drops to `nobody`. Nothing
# outside the command changes.
_AS_NOBODY = """
while [ "$1" != -- ]; do
    closed=$1 view=$2 entries=$3; shift 3
    for entry in $entries; do
        mkdir "$view/$entry" && mount --rbind "$closed/$entry" "$view/$entry" || exit 125
    done
    mount --rbind "$view" "$closed" || exit 125
done
shift
exec setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
"""


def as_nobody(argv: list[str], views: Path) -> list[str]:
    """`argv` as `nobody`; `views` is an empty folder that anyone may enter."""
    needed = (Path(os.path.realpath(sys.executable)), Path(__file__).resolve().parents[2])
    entries: dict[Path, set[str]] = {}
    for path in needed:
        closed = next(
            (d for d in reversed(path.parents) if not d.stat().st_mode & stat.S_IXOTH), None
        )
        if closed is not None:
            entries.setdefault(closed, set()).add(path.relative_to(closed).parts[0])
    covers: list[str] = []
    for i, (closed, names) in enumerate(entries.items()):
        view = views / str(i)
        view.mkdir(mode=0o755)
        covers += [str(closed), str(view), " ".join(sorted(names))]
    script = ["sh", "-c", _AS_NOBODY, "sh", *covers, "--", *argv]
    return ["unshare", "--mount", "--propagation", "private", *script]


def ok(res: subprocess.CompletedProcess[str]) -> None:
    assert res.returncode == 0, res.stderr


def assert_one_line_error(res: subprocess.CompletedProcess[str]) -> str:
    """The CLI's error contract; returns the line."""
    out = res.stdout + res.stderr
    assert res.returncode != 0, out
    assert "Traceback" not in out, out
    lines = res.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), f"not one line on stderr:\n{res.stderr}"
    assert lines[0].startswith("chartside: error: "), lines[0]
    assert PHI_NAME not in out and PHI_HISTORY not in out
    return lines[0]


def tree(d: Path) -> list[str]:
    return sorted(str(p.relative_to(d)) for p in d.rglob("*"))


@pytest.fixture(scope="module")
def place() -> Iterator[Place]:
    root = Path(tempfile.mkdtemp(prefix="chartside-cli-errors-"))
    root.chmod(0o755)
    try:
        yield Place(root)
    finally:
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def store(place: Place) -> Path:
    """This account's data dir, holding one client."""
    return place.seed(place.area("store") / "data")


@pytest.fixture(scope="module")
def unprivileged(place: Place) -> None:
    """Skips where root cannot hand a command to `nobody` (the interpreter lives in a
    folder `nobody` may not enter, such as /root)."""
    if not AS_ROOT:
        return
    probe = place.run(place.root, "--help", unprivileged=True)
    if probe.returncode != 0:
        pytest.skip(f"`nobody` cannot run {CHARTSIDE}: {probe.stderr.strip()[-200:]}")


@pytest.fixture(scope="module")
def their_store(place: Place, unprivileged: None) -> Path:
    """A data dir of the account that runs `unprivileged=True` commands."""
    return place.seed(place.area("theirs") / "data", unprivileged=True)


def _target(area: Path, kind: str) -> Path:
    if kind == "missing folder":
        return area / "no-such-folder" / "out.json"
    if kind == "a directory":
        (area / "out.json").mkdir()
        return area / "out.json"
    if kind == "a pipe":  # renaming a finished copy over it would replace it
        os.mkfifo(area / "out.json")
        return area / "out.json"
    assert kind == "a file in the way"
    (area / "plain-file").write_text("not a folder\n")
    return area / "plain-file" / "out.json"


def _assert_nothing_written(
    res: subprocess.CompletedProcess[str], area: Path, out: Path, before: list[str]
) -> None:
    line = assert_one_line_error(res)
    assert str(out.parent) in line  # it names the place it could not write
    assert tree(area) == before  # no partial file, no temporary copy


@pytest.mark.parametrize("kind", ["missing folder", "a directory", "a file in the way", "a pipe"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_an_output_that_cannot_be_written_is_one_line_and_leaves_nothing(
    place: Place, store: Path, command: str, kind: str
) -> None:
    area = place.area("out")
    out = _target(area, kind)
    before = tree(area)
    _assert_nothing_written(place.run(store, *WRITERS[command], str(out)), area, out, before)
    if kind == "a pipe":
        assert stat.S_ISFIFO(out.stat().st_mode)  # still the pipe, not a file of notes


@pytest.mark.parametrize("command", sorted(WRITERS))
def test_a_read_only_output_folder_is_one_line_and_leaves_nothing(
    place: Place, their_store: Path, command: str
) -> None:
    area = place.area("read-only")
    area.chmod(0o555)  # root's when root runs the tests: `nobody` may not write in it
    out = area / "out.json"
    res = place.run(their_store, *WRITERS[command], str(out), unprivileged=True)
    _assert_nothing_written(res, area, out, [])


def test_a_failed_write_with_json_also_reports_on_stdout(place: Place, store: Path) -> None:
    area = place.area("json")
    out = _target(area, "a directory")
    res = place.run(store, "export", "--out", str(out), json_out=True)
    assert_one_line_error(res)
    err = json.loads(res.stdout)
    assert err["error"] == "FileAccessError" and str(out) in err["message"]
    assert err["remediation"]
    assert tree(area) == ["out.json"]


def test_an_input_file_that_cannot_be_read_is_one_line(place: Place, store: Path) -> None:
    area = place.area("inputs")
    for path in (area / "missing.json", area):
        line = assert_one_line_error(place.run(store, "import", str(path)))
        assert str(path) in line


COMMANDS = [("doctor",), ("init",), ("keys", "status"), ("export", "--out", "out.json")]


def _assert_data_dir_error(res: subprocess.CompletedProcess[str], data_dir: Path) -> None:
    line = assert_one_line_error(res)
    assert "data directory" in line and str(data_dir) in line


@pytest.mark.parametrize("kind", ["a file in the way", "a file, not a folder"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_data_dir_that_is_not_a_folder_is_one_line(
    place: Place, kind: str, args: tuple[str, ...]
) -> None:
    area = place.area("not-a-folder")
    (area / "plain-file").write_text("not a folder\n")
    data_dir = area / "plain-file" / "data" if kind == "a file in the way" else area / "plain-file"
    _assert_data_dir_error(place.run(data_dir, *args), data_dir)
    assert tree(area) == ["plain-file"]


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_a_data_dir_closed_to_its_own_account_is_one_line(
    place: Place, their_store: Path, args: tuple[str, ...]
) -> None:
    their_store.chmod(0o000)
    try:
        res = place.run(their_store, *args, unprivileged=True)
    finally:
        their_store.chmod(0o700)
    _assert_data_dir_error(res, their_store)
    assert not (place.root / "out.json").exists()


def test_the_window_with_a_data_dir_closed_to_its_account_is_one_line(
    place: Place, their_store: Path
) -> None:
    """`chartside` with no command, as a clinician starts the window: the same one line,
    before a crash log or a database is touched."""
    their_store.chmod(0o000)
    try:
        res = place.run(their_store, unprivileged=True, window=True)
    finally:
        their_store.chmod(0o700)
    _assert_data_dir_error(res, their_store)


def test_the_window_with_a_data_dir_it_cannot_create_is_one_line(
    place: Place, unprivileged: None
) -> None:
    area = place.area("closed-parent")
    area.chmod(0o555)  # root's when root runs the tests: `nobody` may not create in it
    res = place.run(area / "data", unprivileged=True, window=True)
    _assert_data_dir_error(res, area / "data")
    assert tree(area) == []


@pytest.mark.skipif(not AS_ROOT, reason="needs root to make another account's data dir")
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_another_accounts_data_dir_is_one_line(
    place: Place, store: Path, unprivileged: None, args: tuple[str, ...]
) -> None:
    res = place.run(store, *args, unprivileged=True)  # root's store, opened by `nobody`
    _assert_data_dir_error(res, store)
    assert not (place.root / "out.json").exists()
