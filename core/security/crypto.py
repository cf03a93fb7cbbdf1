"""Field encryption: AES-256-GCM with a versioned header, bound to its row by associated data.

Layout of a stored value:
    version(1) | algorithm(1) | key_version(4, big-endian) | nonce(12) | ciphertext+tag
The associated data is the header plus (table, column, row id, workspace id), so a value
copied into another row, column or workspace fails authentication instead of decrypting.
"""

from __future__ import annotations

import functools
import hmac
import os
import struct
from dataclasses import dataclass
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.errors import CryptoError, IntegrityError
from core.messages import Message

FORMAT_VERSION = 1
ALG_AES256_GCM = 1
_HEADER = struct.Struct(">BBI")
NONCE_LEN = 12
KEY_LEN = 32


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _aad(header: bytes, table: str, column: str, row_id: UUID, workspace_id: UUID) -> bytes:
    return header + _bound(table, column, str(row_id), str(workspace_id))


def _bound(table: str, column: str, row_id: str, workspace_id: str) -> bytes:
    return _prefix(table, column) + f"\x1f{row_id}\x1f{workspace_id}".encode()


@functools.cache
def _prefix(table: str, column: str) -> bytes:
    return f"chartside\x1f{table}\x1f{column}".encode()


@dataclass(frozen=True)
class FieldRef:
    """Where a value lives. Used in error messages instead of the value itself."""

    table: str
    column: str
    row_id: UUID

    def __str__(self) -> str:
        return f"{self.table}.{self.column} of record {self.row_id}"


class CellCipher:
    """Encrypts and decrypts the PHI fields of one workspace with its data key."""

    def __init__(
        self,
        key: bytes,
        *,
        key_version: int,
        workspace_id: UUID,
        older: dict[int, bytes] | None = None,
        root: bytes | None = None,
    ) -> None:
        """`key` encrypts (version `key_version`); `older` versions still decrypt while a
        rotation re-encrypts. `root` (the workspace master key) stays the same across
        rotations, so look-up hashes and the audit chain keep verifying."""
        if len(key) != KEY_LEN or any(len(x) != KEY_LEN for x in (older or {}).values()):
            raise CryptoError(Message("keys.data_key_wrong_length"))
        self._aead = AESGCM(key)
        self._by_version = {v: AESGCM(x) for v, x in (older or {}).items()}
        self._by_version[key_version] = self._aead
        self._root = root or key
        self._lookup_key = self.subkey(b"chartside/lookup/v1")
        self.key_version = key_version
        self.workspace_id = workspace_id
        self._header = _HEADER.pack(FORMAT_VERSION, ALG_AES256_GCM, key_version)
        self._ws_str = str(workspace_id)

    def encrypt(self, table: str, column: str, row_id: UUID, plaintext: str) -> bytes:
        return self.encrypt_row(table, row_id, {column: plaintext})[column]

    def encrypt_row(self, table: str, row_id: UUID, values: dict[str, str]) -> dict[str, bytes]:
        """Several columns of one row; the bulk import spends most of its time here, so the
        nonces come from one read of the OS generator and the AAD is built from bytes."""
        header = self._header
        tail = f"\x1f{row_id}\x1f{self._ws_str}".encode()
        nonces = os.urandom(NONCE_LEN * len(values))
        encrypt = self._aead.encrypt
        out: dict[str, bytes] = {}
        for i, (column, plaintext) in enumerate(values.items()):
            nonce = nonces[i * NONCE_LEN : (i + 1) * NONCE_LEN]
            aad = header + _prefix(table, column) + tail
            out[column] = header + nonce + encrypt(nonce, plaintext.encode("utf-8"), aad)
        return out

    def encrypt_bytes(self, table: str, column: str, row_id: UUID, data: bytes) -> bytes:
        """A binary value (an attached document's file) in the same format as text: text is
        its UTF-8 bytes, so either side may re-encrypt the other after a rotation."""
        nonce = os.urandom(NONCE_LEN)
        aad = _aad(self._header, table, column, row_id, self.workspace_id)
        return self._header + nonce + self._aead.encrypt(nonce, data, aad)

    def decrypt(self, table: str, column: str, row_id: UUID, blob: bytes) -> str:
        return self.decrypt_bytes(table, column, row_id, blob).decode("utf-8")

    def decrypt_bytes(self, table: str, column: str, row_id: UUID, blob: bytes) -> bytes:
        ref = FieldRef(table, column, row_id)
        if len(blob) < _HEADER.size + NONCE_LEN + 16:
            raise IntegrityError(Message("keys.decrypt_truncated", id=ref))
        header = bytes(blob[: _HEADER.size])
        version, alg, key_version = _HEADER.unpack(header)
        if version != FORMAT_VERSION or alg != ALG_AES256_GCM:
            raise IntegrityError(
                Message("keys.decrypt_unknown_format", id=ref, name=f"{version}/{alg}")
            )
        aead = self._by_version.get(key_version)
        if aead is None:
            raise IntegrityError(Message("keys.decrypt_unknown_key_version", id=ref, n=key_version))
        nonce = bytes(blob[_HEADER.size : _HEADER.size + NONCE_LEN])
        aad = _aad(header, table, column, row_id, self.workspace_id)
        try:
            data = aead.decrypt(nonce, bytes(blob[_HEADER.size + NONCE_LEN :]), aad)
        except InvalidTag:
            raise IntegrityError(Message("keys.decrypt_integrity_failed", id=ref)) from None
        return data

    def subkey(self, purpose: bytes) -> bytes:
        """A key for another job (the audit chain), derived so the data key never leaves."""
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose).derive(
            self._root
        )

    def lookup_hash(self, kind: str, value: str) -> bytes:
        """Keyed hash for equality look-ups (external ids) without storing the value."""
        msg = f"{kind}\x1f{value}".encode()
        return hmac.digest(self._lookup_key, msg, "sha256")
