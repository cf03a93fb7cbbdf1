"""Issue 15, point 6: the fast check of the packaging scripts that `make test` runs.

The .deb build and the install test take far longer than CI allows (`make package-test`
is the release gate, docs/packaging.md); these check, in seconds, what those scripts put
in the package: the policy template, the desktop entry, the AppStream metainfo, the man
page generated from the CLI's parser, the declared dependencies and the licences.
"""

from __future__ import annotations

import configparser
import importlib.util
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

from app.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
LINUX = PACKAGING / "linux"
APP_ID = "org.chartside.Chartside"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def deb() -> ModuleType:
    return _load("deb")


# -- the policy template ---------------------------------------------------------------


def test_installed_policy_template_parses_and_locks_nothing(
    deb: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.settings import locked_keys

    template = deb.policy_template()
    assert tomllib.loads(template) == {}, "every key of the installed template is commented"
    policy = tmp_path / "policy.toml"
    policy.write_text(template, encoding="utf-8")
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(policy))
    assert locked_keys() == set()


def test_policy_template_is_the_example_commented_and_the_example_locks_its_keys(
    deb: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The template is the example with its active lines commented; the example itself (what
    IT gets by uncommenting them) passes the app's settings validation and locks its keys."""
    from app.compose import build_settings
    from core.settings import locked_keys

    example_path = PACKAGING / "policy.example.toml"
    example_lines = example_path.read_text(encoding="utf-8").splitlines()
    template_lines = deb.policy_template().splitlines()
    tail = template_lines[len(template_lines) - len(example_lines) :]
    for ours, theirs in zip(tail, example_lines, strict=True):
        active = theirs.strip() and not theirs.lstrip().startswith("#")
        assert ours == (f"# {theirs}" if active else theirs)
    example = tomllib.loads(example_path.read_text(encoding="utf-8"))
    monkeypatch.setenv("CHARTSIDE_POLICY_FILE", str(example_path))
    settings = build_settings(tmp_path / "data")
    flat = {f"{t}.{k}" for t, table in example.items() for k in table}
    assert flat and locked_keys() == flat
    dumped = settings.model_dump(mode="json")  # paths as the strings TOML holds
    for key in flat:
        section, name = key.split(".")
        assert dumped[section][name] == example[section][name]


# -- desktop entry and metainfo --------------------------------------------------------


def test_desktop_entry_validates() -> None:
    path = LINUX / f"{APP_ID}.desktop"
    if shutil.which("desktop-file-validate"):
        out = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
        )
        assert out.returncode == 0, out.stdout + out.stderr
        assert "error" not in out.stdout.lower()
    entry = configparser.ConfigParser(interpolation=None, strict=True)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    entry.read_string(path.read_text(encoding="utf-8"))
    group = entry["Desktop Entry"]
    assert group["Type"] == "Application"
    assert group["Name"] and group["Comment"]
    # Exec names the console script the package's launcher installs as /usr/bin/chartside.
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert group["Exec"].split()[0] in scripts["scripts"]
    assert group["Icon"] == APP_ID and (LINUX / f"{APP_ID}.svg").is_file()
    assert group["Categories"].endswith(";") and "Office" in group["Categories"].split(";")
    assert group["Terminal"] in ("true", "false")


def test_metainfo_is_well_formed_and_names_the_desktop_entry(
    deb: ModuleType, tmp_path: Path
) -> None:
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    root = ET.fromstring(text.replace("@VERSION@", "1.0").replace("@DATE@", "2026-01-01"))
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "chartside"
    assert root.findtext("summary") and root.find("description/p") is not None
    if shutil.which("appstreamcli"):
        filled = tmp_path / f"{APP_ID}.metainfo.xml"
        filled.write_text(
            text.replace("@VERSION@", deb.version()).replace("@DATE@", "2026-01-01"),
            encoding="utf-8",
        )
        out = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(filled)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0, out.stdout + out.stderr


# -- man page ----------------------------------------------------------------------------


def test_man_page_is_generated_from_the_cli_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    manpage = _load("manpage")
    page = manpage.render("9.9.9")
    assert page.startswith('.TH CHARTSIDE "1" "2023\\-11\\-14" "chartside 9.9.9"')
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    commands = sorted(sub.choices)  # type: ignore[arg-type]
    assert {"init", "import", "index", "search", "ask"} <= set(commands)
    for command in commands:
        assert f"chartside {command}" in page.replace("\\-", "-"), command
    assert ".SH ENVIRONMENT" in page and "CHARTSIDE_PASSPHRASE" in page
    assert manpage.render("9.9.9") == page, "same date and version, same page"
    if shutil.which("groff"):
        out = subprocess.run(
            ["groff", "-man", "-Tutf8", "-ww", "-z"],
            input=page,
            capture_output=True,
            text=True,
            check=False,
        )
        assert out.returncode == 0 and not out.stderr, out.stderr


# -- control, launcher, copyright --------------------------------------------------------


def test_control_declares_the_qt_xcb_libraries(deb: ModuleType, tmp_path: Path) -> None:
    from check_qt_libs import SYSTEM_LIBRARIES

    (tmp_path / "chartside").write_bytes(b"x" * 4096)
    fields = dict(
        line.split(": ", 1) for line in deb.control(tmp_path).splitlines() if ": " in line
    )
    depends = {d.split()[0] for d in fields["Depends"].split(", ")}
    assert set(SYSTEM_LIBRARIES) <= depends
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libc6", "zlib1g"} <= depends
    assert fields["Package"] == "chartside" and fields["Architecture"] == "amd64"
    assert fields["Version"] == deb.version() and int(fields["Installed-Size"]) == 4


def test_launcher_shows_the_splash_for_the_window_only(deb: ModuleType, tmp_path: Path) -> None:
    launcher = tmp_path / "chartside"
    shown = "echo ${PYINSTALLER_SUPPRESS_SPLASH_SCREEN:-splash} #"
    launcher.write_text(deb.LAUNCHER.replace("exec /opt/chartside/chartside", shown))

    def run(*args: str) -> str:
        out = subprocess.run(
            ["sh", str(launcher), *args], capture_output=True, text=True, check=True
        )
        return out.stdout.strip().splitlines()[-1]

    assert run() == "splash"
    assert run("gui") == "splash"
    assert run("search", "knee") == "1"


def test_copyright_names_every_model_licence(deb: ModuleType) -> None:
    text = deb.copyright_text()
    stanzas = text.split("\n\n")
    assert stanzas[0].startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    models = {s.split("\n")[0]: s for s in stanzas if "(model: " in s}
    licences = {
        line.split(": ", 1)[1]
        for s in models.values()
        for line in s.splitlines()
        if line.startswith("License: ")
    }
    assert {"Apache-2.0", "MIT"} <= licences
    assert any("Qwen" in k for k in models) and any("SmolLM2" in k for k in models)
    # Gemma 3 270M left the package (issue 31): neither it nor its licence is shipped.
    assert "Gemma Terms of Use" not in licences and not any("gemma" in k for k in models)
    assert "Files: postgresql" in text and "Files: pgvector" in text
    assert "Files: PySide6_Essentials " in text and "Files: torch " in text


def test_bundle_entry_runs_the_e5_worker_as_a_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """Frozen, `sys.executable` is the bundle: the embedder's worker command arrives at the
    entry script, which must run it instead of the CLI."""
    entry = _load("chartside_entry")
    ran: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(sys, "argv", ["chartside", "-m", "models.e5_process", "/m/e5.bin"])
    monkeypatch.setattr(
        entry.runpy, "run_module", lambda name, **kw: ran.append((name, list(sys.argv)))
    )
    assert entry.main() == 0
    assert ran == [("models.e5_process", ["chartside", "/m/e5.bin"])]
