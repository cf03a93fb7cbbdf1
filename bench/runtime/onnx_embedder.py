"""An option for a lighter package, measured: the default embedder (all-MiniLM-L6-v2) on
ONNX Runtime instead of torch and sentence-transformers.

Not a producer of `make bench`: it needs onnxruntime and onnx, which the app does not
install. It exports the packaged model (its mean pooling and normalisation included) with
torch, then embeds the same texts both ways, rounds alternating, with the same threads:
- how near the vectors are (largest difference, least cosine), and whether each query's
  five nearest passages are the same;
- passages a second and a query's milliseconds, ONNX Runtime against sentence-transformers;
- what each side installs, in MiB.

    python -m venv /tmp/ox && /tmp/ox/bin/pip install onnxruntime onnx
    echo "$PWD/.venv/lib/python3.11/site-packages" > /tmp/ox/lib/python3.11/site-packages/main.pth
    PYTHONPATH=. /tmp/ox/bin/python -m bench.runtime.onnx_embedder
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROUNDS = 5
THREADS = 2
# Installed with torch and sentence-transformers for this embedder alone.
TORCH_SIDE = ("torch", "transformers", "sentence_transformers", "scipy", "sklearn", "sympy",
              "networkx")  # fmt: skip
ONNX_SIDE = ("onnxruntime",)
_INPUTS = (("ids", "input_ids"), ("mask", "attention_mask"), ("types", "token_type_ids"))


def _mib(packages: tuple[str, ...]) -> dict[str, float]:
    out = {}
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.origin is None:
            continue
        root = Path(spec.origin).parent
        size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
        out[name] = round(size / 2**20, 1)
    return out


def _export(st: Any, path: Path) -> None:
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any) -> None:
            super().__init__()
            self.model = model

        def forward(self, ids: Any, mask: Any, types: Any) -> Any:
            h = self.model(input_ids=ids, attention_mask=mask, token_type_ids=types)
            m = mask.unsqueeze(-1).to(h.last_hidden_state.dtype)
            v = (h.last_hidden_state * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(v, dim=1)

    enc = st.tokenizer(["a", "b c"], padding=True, return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        Pooled(st[0].auto_model.eval()).eval(),
        (enc["input_ids"], enc["attention_mask"], enc["token_type_ids"]),
        str(path),
        input_names=["ids", "mask", "types"],
        output_names=["emb"],
        dynamic_axes={"ids": axes, "mask": axes, "types": axes, "emb": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )


def run() -> dict[str, Any]:
    import numpy as np
    import onnxruntime as ort
    import torch
    from sentence_transformers import SentenceTransformer

    from bench.runtime.models import _corpus  # pyright: ignore[reportPrivateUsage]
    from models import packaged

    pm = packaged.embedder()
    torch.set_num_threads(THREADS)
    st = SentenceTransformer(str(pm.path), device="cpu")
    with tempfile.TemporaryDirectory() as tmp:
        onnx_path = Path(tmp) / "model.onnx"
        _export(st, onnx_path)
        onnx_mib = round(onnx_path.stat().st_size / 2**20, 1)
        so = ort.SessionOptions()
        so.intra_op_num_threads, so.inter_op_num_threads = THREADS, 1
        sess = ort.InferenceSession(str(onnx_path), so, providers=["CPUExecutionProvider"])
    tok = st.tokenizer
    limit = st.max_seq_length

    def onnx_embed(texts: list[str], batch: int = 32) -> Any:
        parts = []
        for i in range(0, len(texts), batch):
            e = tok(texts[i : i + batch], padding=True, truncation=True, max_length=limit,
                    return_tensors="np")  # fmt: skip
            feed = {k: e[n].astype(np.int64) for k, n in _INPUTS}
            parts.append(sess.run(None, feed)[0])
        return np.concatenate(parts)

    def torch_embed(texts: list[str]) -> Any:
        return st.encode(texts, batch_size=32, normalize_embeddings=True)

    docs = [f"{' '.join(_corpus(1))} ({i})" for i in range(256)]
    queries = ["knee pain after running", "blood pressure medication", "trouble sleeping",
               "plan for the next visit", "כאב ברך", "low mood and anxiety"]  # fmt: skip
    a, b = torch_embed(docs), onnx_embed(docs)
    qa, qb = torch_embed(queries), onnx_embed(queries)
    same_top5 = all(
        list(np.argsort(-(a @ x))[:5]) == list(np.argsort(-(b @ y))[:5])
        for x, y in zip(qa, qb, strict=True)
    )
    docs_s: dict[str, list[float]] = {"torch": [], "onnx": []}
    sides = [("torch", torch_embed), ("onnx", onnx_embed)]
    for r in range(ROUNDS):
        for name, fn in sides if r % 2 == 0 else reversed(sides):
            t = time.perf_counter()
            fn(docs)
            docs_s[name].append(len(docs) / (time.perf_counter() - t))
    query_ms: dict[str, list[float]] = {"torch": [], "onnx": []}
    for _ in range(30):
        for name, fn in sides:
            t = time.perf_counter()
            fn([queries[0]])
            query_ms[name].append((time.perf_counter() - t) * 1000)
    return {
        "model": pm.name,
        "threads": THREADS,
        "onnxruntime": ort.__version__,
        "torch": torch.__version__,
        "largest_difference": float(np.abs(a - b).max()),
        "least_cosine": float((a * b).sum(1).min()),
        "same_five_nearest": same_top5,
        "passages_per_s": {k: round(statistics.median(v), 1) for k, v in docs_s.items()},
        "passages_ratio_onnx_over_torch": round(
            statistics.median(o / t for t, o in zip(docs_s["torch"], docs_s["onnx"], strict=True)),
            2,
        ),
        "query_ms_p50": {k: round(statistics.median(v), 1) for k, v in query_ms.items()},
        "model_file_mib": {
            "safetensors": round(pm.path.joinpath("model.safetensors").stat().st_size / 2**20, 1),
            "onnx": onnx_mib,
        },
        "installed_mib": {"torch_side": _mib(TORCH_SIDE), "onnx_side": _mib(ONNX_SIDE)},
    }


if __name__ == "__main__":
    if importlib.util.find_spec("onnxruntime") is None or importlib.util.find_spec("onnx") is None:
        sys.exit("needs onnxruntime and onnx beside the app's packages: see this module's doc")
    print(json.dumps(run(), indent=2, ensure_ascii=False))
