"""Key hierarchy: passphrase --Argon2id--> key-encryption key --AES-GCM wrap--> data keys.

The data key of each workspace is random. Only wrapped copies are stored; unwrapped keys
live in a `KeyManager` until it is locked.
"""

from __future__ import annotations

import base64
import os
import threading
from dataclasses import dataclass
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from core.crypto import NONCE_LEN, CellCipher
from core.errors import Locked, WeakKdfParameters, WrongPassphrase
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
                "stored key-derivation parameters are below the Argon2id floor "
                f"(m={self.memory_kib} KiB, t={self.iterations}, p={self.lanes})"
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


def _wrap_aad(workspace_id: UUID, key_version: int) -> bytes:
    return f"chartside/dek/v1\x1f{workspace_id}\x1f{key_version}".encode()


def wrap_key(kek: bytes, dek: bytes, workspace_id: UUID, key_version: int) -> bytes:
    nonce = os.urandom(NONCE_LEN)
    return nonce + AESGCM(kek).encrypt(nonce, dek, _wrap_aad(workspace_id, key_version))


def unwrap_key(kek: bytes, wrapped: bytes, workspace_id: UUID, key_version: int) -> bytes:
    try:
        return AESGCM(kek).decrypt(
            wrapped[:NONCE_LEN], wrapped[NONCE_LEN:], _wrap_aad(workspace_id, key_version)
        )
    except InvalidTag:
        raise WrongPassphrase("The passphrase is not correct.") from None


class KeyManager:
    """Holds unwrapped data keys in memory. `lock()` forgets them."""

    def __init__(self) -> None:
        self._ciphers: dict[UUID, CellCipher] = {}
        self._mutex = threading.Lock()

    def install(self, workspace_id: UUID, dek: bytes, key_version: int) -> None:
        with self._mutex:
            self._ciphers[workspace_id] = CellCipher(
                dek, key_version=key_version, workspace_id=workspace_id
            )

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
