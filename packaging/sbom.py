"""CycloneDX 1.6 SBOM of the bundle: every Python package (with its purl, as
`cyclonedx-py environment` reports it), PostgreSQL and pgvector, llama.cpp, and each model
file with its SHA-256 and licence. Validated against the 1.6 schema before it is written.

    python packaging/sbom.py OUT.cdx.json
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

from packaging.utils import canonicalize_name

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

import components  # noqa: E402


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _licence(spdx: str | None, name: str | None) -> list[dict[str, object]]:
    if spdx:
        return [{"license": {"id": spdx}}]
    return [{"license": {"name": name}}]


def _python_packages(python: str) -> dict[str, object]:
    """cyclonedx-py's view of the environment: purls, licences, dependency graph."""
    out = subprocess.run(
        [
            sys.executable, "-m", "cyclonedx_py", "environment",
            "--pyproject", str(HERE.parent / "pyproject.toml"),
            "--sv", "1.6", "--of", "JSON", "--output-reproducible", "-o", "-", python,
        ],
        check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(out.stdout)


def build(python: str = sys.executable) -> dict[str, object]:
    bom = _python_packages(python)
    dists = components.runtime_distributions()
    keep = {canonicalize_name(d.metadata["Name"]) for d in dists}
    licences = {canonicalize_name(d.metadata["Name"]): components.licence_of(d) for d in dists}
    licences.update(components.model_package_licences())
    packages = [c for c in bom["components"] if canonicalize_name(c["name"]) in keep]
    kept_refs = {c["bom-ref"] for c in packages} | {bom["metadata"]["component"]["bom-ref"]}
    for component in packages:
        _complete(component, licences)
    bom["components"] = packages
    bom["dependencies"] = [
        {**d, "dependsOn": [r for r in d.get("dependsOn", []) if r in kept_refs]}
        for d in bom.get("dependencies", [])
        if d["ref"] in kept_refs
    ]
    for native in components.natives():
        bom["components"].append(
            {
                "type": "application" if native.name == "postgresql" else "library",
                "bom-ref": f"native:{native.name}",
                "name": native.name,
                "version": native.version,
                "description": f"{native.description}; carried by the {native.carried_by} wheel",
                "licenses": _licence(native.licence_id, None),
                "purl": f"pkg:generic/{native.name}@{native.version.split()[-1]}",
                "hashes": [{"alg": "SHA-256", "content": sha256_file(f)} for f in native.files[:1]],
            }
        )
    for model in components.models():
        ref = f"model:{model.name.split()[0]}"
        files = [
            {
                "type": "file",
                "bom-ref": f"{ref}:{path.name}",
                "name": _relative(path),
                "hashes": [{"alg": "SHA-256", "content": sha256_file(path)}],
                "licenses": _licence(model.licence_id, model.licence_name),
            }
            for path in model.files
        ]
        entry: dict[str, object] = {
            "type": "machine-learning-model",
            "bom-ref": ref,
            "name": model.name,
            "version": model.version,
            "description": f"upstream {model.upstream}; from the {model.package} package(s)",
            "licenses": _licence(model.licence_id, model.licence_name),
            "components": files,
        }
        if model.joined_sha256:
            # The app joins the parts at first use and checks the whole file against this.
            entry["hashes"] = [{"alg": "SHA-256", "content": model.joined_sha256}]
        bom["components"].append(entry)
    return bom


def _complete(component: dict[str, object], licences: dict[str, str]) -> None:
    """What cyclonedx-py leaves out: the purl of a package built here from its PyPI sdist
    (llama-cpp-python, portable), and a licence where the metadata has none in a form it
    reads (the model parts name theirs through the model; transformers only in text)."""
    name = canonicalize_name(str(component["name"]))
    if not component.get("purl"):
        component["purl"] = f"pkg:pypi/{name}@{component['version']}"
    if not component.get("licenses") and name in licences:
        licence = licences[name]
        spdx = licence if re.fullmatch(r"[A-Za-z0-9.+-]+", licence) else None
        component["licenses"] = _licence(spdx, None if spdx else licence)


def _relative(path: Path) -> str:
    """The path inside the bundle (site-packages layout), not the build machine's."""
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    return path.name


def validate(text: str) -> None:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator

    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    if error is not None:
        raise SystemExit(f"SBOM fails the CycloneDX 1.6 schema: {error}")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    text = json.dumps(build(), indent=2, sort_keys=True) + "\n"
    validate(text)
    Path(argv[0]).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
