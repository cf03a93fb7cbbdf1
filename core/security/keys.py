"""Key hierarchy, per workspace:

    passphrase ---Argon2id--> KEK --wrap--+
    recovery key --HKDF-----> KEK --wrap--+--> master key --wrap--> data keys v1, v2, ...
    OS keyring secret ------> KEK --wrap--+

Every key below a source is random. Changing the passphrase re-wraps the master key only;
rotating the data key adds a version wrapped by the master key, and a resumable job
re-encrypts old values. Only wrapped copies are stored; unwrapped keys live in a
`KeyManager` until it is locked.
"""

from __future__ import annotations

import base64
import os
import threading
from dataclasses import dataclass
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.errors import ChartsideError, Locked, WeakKdfParameters, WrongPassphrase
from core.messages import Message
from core.security.crypto import NONCE_LEN, CellCipher
from core.settings import (
    ARGON2_FLOOR_ITERATIONS,
    ARGON2_FLOOR_LANES,
    ARGON2_FLOOR_MEMORY_KIB,
    CryptoSettings,
)

SALT_LEN = 16


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    memory_kib: int
    iterations: int
    lanes: int
    algorithm: str = "argon2id"

    @classmethod
    def fresh(cls, cfg: CryptoSettings) -> KdfParams:
        return cls(
            os.urandom(SALT_LEN), cfg.argon2_memory_kib, cfg.argon2_iterations, cfg.argon2_lanes
        )

    def check_floor(self) -> None:
        # Stored parameters are data an attacker with disk access could weaken.
        if (
            self.algorithm != "argon2id"
            or self.memory_kib < ARGON2_FLOOR_MEMORY_KIB
            or self.iterations < ARGON2_FLOOR_ITERATIONS
            or self.lanes < ARGON2_FLOOR_LANES
            or len(self.salt) < SALT_LEN
        ):
            raise WeakKdfParameters(
                Message(
                    "keys.kdf_below_floor",
                    n=self.memory_kib,
                    count=self.iterations,
                    total=self.lanes,
                )
            )

    def to_json(self) -> dict[str, object]:
        return {
            "algorithm": self.algorithm,
            "salt": base64.b64encode(self.salt).decode(),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> KdfParams:
        return cls(
            salt=base64.b64decode(str(data["salt"])),
            memory_kib=int(str(data["memory_kib"])),
            iterations=int(str(data["iterations"])),
            lanes=int(str(data["lanes"])),
            algorithm=str(data.get("algorithm", "")),
        )


def derive_kek(passphrase: str, params: KdfParams) -> bytes:
    params.check_floor()
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _wrap_aad(workspace_id: UUID, what: str) -> bytes:
    return f"chartside/key/v2\x1f{workspace_id}\x1f{what}".encode()


def wrap_key(kek: bytes, key: bytes, workspace_id: UUID, what: str) -> bytes:
    """AES-GCM key wrap; `what` names the wrapped key ("master", "data:3") so a wrapped
    key cannot be passed off as another one."""
    nonce = os.urandom(NONCE_LEN)
    return nonce + AESGCM(kek).encrypt(nonce, key, _wrap_aad(workspace_id, what))


def unwrap_key(
    kek: bytes,
    wrapped: bytes,
    workspace_id: UUID,
    what: str,
    error: ChartsideError | None = None,
) -> bytes:
    try:
        return AESGCM(kek).decrypt(
            wrapped[:NONCE_LEN], wrapped[NONCE_LEN:], _wrap_aad(workspace_id, what)
        )
    except InvalidTag:
        raise (error or WrongPassphrase(Message("keys.passphrase_not_correct"))) from None


# -- recovery key: 256 random bits, shown once, typed back in groups ---------------------
RECOVERY_GROUP = 4


def new_recovery_key() -> str:
    raw = base64.b32encode(os.urandom(32)).decode().rstrip("=")
    return "-".join(raw[i : i + RECOVERY_GROUP] for i in range(0, len(raw), RECOVERY_GROUP))


def recovery_kek(recovery_key: str, salt: bytes) -> bytes:
    """The recovery key has full entropy, so HKDF suffices (no Argon2 needed)."""
    cleaned = "".join(ch for ch in recovery_key.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise WrongPassphrase(
            Message("keys.not_a_recovery_key"),
            remediation=Message("keys.type_recovery_key_exactly"),
        )
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"chartside/recovery/v1"
    ).derive(raw)


@dataclass(frozen=True)
class WorkspaceKeys:
    """The master key (wraps the data keys; roots look-up and audit subkeys) and every
    data key version, `current` being the one new values are written with."""

    master: bytes
    data: dict[int, bytes]
    current: int

    def cipher(self, workspace_id: UUID) -> CellCipher:
        older = {v: x for v, x in self.data.items() if v != self.current}
        return CellCipher(
            self.data[self.current],
            key_version=self.current,
            workspace_id=workspace_id,
            older=older,
            root=self.master,
        )


class KeyManager:
    """Holds unwrapped data keys in memory. `lock()` forgets them."""

    def __init__(self) -> None:
        self._ciphers: dict[UUID, CellCipher] = {}
        self._keys: dict[UUID, WorkspaceKeys] = {}
        self._mutex = threading.Lock()

    def install(self, workspace_id: UUID, keys: WorkspaceKeys) -> None:
        with self._mutex:
            self._keys[workspace_id] = keys
            self._ciphers[workspace_id] = keys.cipher(workspace_id)

    def keys(self, workspace_id: UUID) -> WorkspaceKeys:
        with self._mutex:
            try:
                return self._keys[workspace_id]
            except KeyError:
                raise Locked() from None

    def cipher(self, workspace_id: UUID) -> CellCipher:
        with self._mutex:
            try:
                return self._ciphers[workspace_id]
            except KeyError:
                raise Locked() from None

    @property
    def unlocked(self) -> bool:
        with self._mutex:
            return bool(self._ciphers)

    def lock(self) -> None:
        with self._mutex:
            self._ciphers.clear()
            self._keys.clear()
