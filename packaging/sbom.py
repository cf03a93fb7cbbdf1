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
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from cyclonedx import spdx
from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
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


# An operator or a parenthesis makes an SPDX expression of what would otherwise be one id.
_EXPRESSION = re.compile(r"\s(?:AND|OR|WITH)\s|[()]")


def licence_choice(licence: str, *, declared: bool = False) -> list[dict[str, object]]:
    """One licence as CycloneDX 1.6 `licenses`. The schema takes `license.id` only from the
    SPDX list, so an expression ("Apache-2.0 AND BSD-3-Clause") goes whole as `expression`,
    and as the array's only entry, the one place the schema allows it. An id is spelt as the
    list spells it; other text is a `license.name`. declared: `licence` is meant as SPDX
    (components.py), so text that is neither id nor expression is a slip that stops the
    build, not a name that hides it."""
    text = licence.strip()
    if _EXPRESSION.search(text):
        if spdx.is_expression(text):
            return [{"expression": text}]
    elif (spdx_id := spdx.fixup_id(text)) is not None:
        return [{"license": {"id": spdx_id}}]
    if declared:
        raise ValueError(f"not an SPDX licence id or expression: {licence!r}")
    return [{"license": {"name": text}}]


def _model_licences(model: components.ModelInfo) -> list[dict[str, object]]:
    if model.licence_id:
        return licence_choice(model.licence_id, declared=True)
    return [{"license": {"name": model.licence_name}}]


def _python_packages(python: str) -> dict[str, Any]:
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


def build(python: str = sys.executable) -> dict[str, Any]:
    return assemble(
        _python_packages(python), package_licences(), components.natives(), components.models()
    )


def package_licences() -> dict[str, str]:
    """Every Python package of the runtime closure (canonical name) with its licence."""
    dists = components.runtime_distributions()
    licences = {canonicalize_name(d.metadata["Name"]): components.licence_of(d) for d in dists}
    model_licences = components.model_package_licences()
    return {name: model_licences.get(name, licence) for name, licence in licences.items()}


def assemble(
    bom: dict[str, Any],
    packages: Mapping[str, str],
    natives: Iterable[components.NativeInfo],
    models: Iterable[components.ModelInfo],
    sha256: Callable[[Path], str] = sha256_file,
) -> dict[str, Any]:
    """cyclonedx-py's `bom` cut to `packages` (canonical name: the licence to give where
    cyclonedx-py found none), with the native components and the models added. Kept apart
    from the cyclonedx-py run (a build tool only) so that `make test` runs it on a fixture;
    `sha256` lets a test leave gigabytes of model files unread."""
    kept = [c for c in bom["components"] if canonicalize_name(c["name"]) in packages]
    kept_refs = {c["bom-ref"] for c in kept} | {bom["metadata"]["component"]["bom-ref"]}
    for component in kept:
        _complete(component, packages)
    bom["components"] = kept
    bom["dependencies"] = [
        {**d, "dependsOn": [r for r in d.get("dependsOn", []) if r in kept_refs]}
        for d in bom.get("dependencies", [])
        if d["ref"] in kept_refs
    ]
    for native in natives:
        bom["components"].append(
            {
                "type": "application" if native.name == "postgresql" else "library",
                "bom-ref": f"native:{native.name}",
                "name": native.name,
                "version": native.version,
                "description": f"{native.description}; carried by the {native.carried_by} wheel",
                "licenses": licence_choice(native.licence_id, declared=True),
                "purl": f"pkg:generic/{native.name}@{native.version.split()[-1]}",
                "hashes": [{"alg": "SHA-256", "content": sha256(f)} for f in native.files[:1]],
            }
        )
    for model in models:
        ref = f"model:{model.name.split()[0]}"
        files = [
            {
                "type": "file",
                "bom-ref": f"{ref}:{path.name}",
                "name": _relative(path),
                "hashes": [{"alg": "SHA-256", "content": sha256(path)}],
                "licenses": _model_licences(model),
            }
            for path in model.files
        ]
        entry: dict[str, object] = {
            "type": "machine-learning-model",
            "bom-ref": ref,
            "name": model.name,
            "version": model.version,
            "description": f"upstream {model.upstream}; from the {model.package} package(s)",
            "licenses": _model_licences(model),
            "components": files,
        }
        if model.joined_sha256:
            # The app joins the parts at first use and checks the whole file against this.
            entry["hashes"] = [{"alg": "SHA-256", "content": model.joined_sha256}]
        bom["components"].append(entry)
    return bom


def _complete(component: dict[str, Any], licences: Mapping[str, str]) -> None:
    """What cyclonedx-py leaves out: the purl of a package built here from its PyPI sdist
    (llama-cpp-python, portable), and a licence where the metadata has none in a form it
    reads (the model parts name theirs through the model; transformers only in text)."""
    name = canonicalize_name(str(component["name"]))
    if not component.get("purl"):
        component["purl"] = f"pkg:pypi/{name}@{component['version']}"
    if not component.get("licenses") and name in licences:
        component["licenses"] = licence_choice(licences[name])


def _relative(path: Path) -> str:
    """The path inside the bundle (site-packages layout), not the build machine's."""
    parts = path.parts
    if "site-packages" in parts:
        return "/".join(parts[parts.index("site-packages") + 1 :])
    return path.name


def schema_error(text: str) -> str | None:
    """The first way `text` fails the CycloneDX 1.6 JSON schema (strict: no unknown
    properties), or None. The validator bundles its schemas: nothing is fetched."""
    error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(text)
    return None if error is None else str(error)


def validate(text: str) -> None:
    error = schema_error(text)
    if error is not None:
        raise SystemExit(f"SBOM fails the CycloneDX 1.6 schema: {error}")


def render(bom: Mapping[str, Any]) -> str:
    return json.dumps(bom, indent=2, sort_keys=True) + "\n"


def write(bom: Mapping[str, Any], out: Path) -> None:
    """Validated first: an SBOM the schema rejects is never written."""
    text = render(bom)
    validate(text)
    out.write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    write(build(), Path(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
