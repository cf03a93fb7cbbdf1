"""The encrypted backup file: a versioned preamble, then AES-256-GCM frames.

    preamble = MAGIC(16) | version(u16) | header_len(u32) | header JSON | key_check(32)
               | checksum(32)
    frame    = kind(u8) | flags(u8) | length(u32) | ciphertext+tag(length)

The header holds a random file id, the chunk size and either the Argon2id parameters of
the passphrase (a backup made by hand) or, for a sealed (unattended) backup, the wrapped
copies of the workspace master key exactly as the database stores them (under each
passphrase and the recovery key); never a key in the clear.
`checksum` is a plain SHA-256 of everything before it, so accidental damage to the preamble
reads as damage rather than as a wrong passphrase. `key_check` is an HMAC of the preamble
under a key derived from the passphrase: it tells a wrong passphrase apart before anything
is decrypted. Each frame's nonce is its index (the stream key is unique to the file), and
its associated data binds the preamble checksum, the index, the kind and the final flag, so
swapped, reordered, dropped or transplanted frames fail authentication. The last frame is
the manifest, flagged final: a file that ends without it was truncated.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import hashlib
import hmac
import json
import os
import struct
from collections.abc import Generator, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO
from uuid import UUID

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from core.errors import (
    BackupDamaged,
    BackupError,
    BackupVersionUnsupported,
    WrongPassphrase,
)
from core.messages import Message
from core.security.keys import KdfParams, derive_kek, recovery_kek, unwrap_key
from core.settings import CryptoSettings

MAGIC = b"CHARTSIDE-BACKUP"
BACKUP_SUFFIX = ".chartside-backup"
VERSION = 1
FORMAT = "chartside.backup"
CIPHER = "AES-256-GCM"
CHUNK_SIZE = 1 << 20
MANIFEST_FORMAT = "chartside.backup.manifest"
KIND_DATA = 1
KIND_MANIFEST = 2
FLAG_FINAL = 1

_PRE = struct.Struct(">16sHI")
_FRAME = struct.Struct(">BBI")
_AAD = struct.Struct(">QBB")
_TAG = 16
_MAX_HEADER = 64 * 1024
_CHUNK_RANGE = (4 * 1024, 64 * 1024 * 1024)
# A damaged or hostile header must not make us allocate or grind without bound.
_MAX_KDF_MEMORY_KIB = 4 * 1024 * 1024
_MAX_KDF_ITERATIONS = 64
_MAX_KDF_LANES = 64


@dataclass(frozen=True)
class Manifest:
    """What a backup promises about its content: counts and digests, never PHI."""

    created_at: str
    schema_revision: str | None
    server_version: str
    tables: dict[str, int]
    content_sha256: dict[str, str]  # workspace id -> digest of its decrypted content
    dump_bytes: int
    dump_sha256: str

    def to_bytes(self) -> bytes:
        return json.dumps({"format": MANIFEST_FORMAT, **asdict(self)}, sort_keys=True).encode()

    @classmethod
    def from_bytes(cls, raw: bytes | None) -> Manifest:
        try:
            doc = json.loads(raw or b"")
            if doc.pop("format") != MANIFEST_FORMAT:
                raise ValueError(doc)
            return cls(**doc)
        except (ValueError, KeyError, TypeError, AttributeError):
            raise BackupDamaged(Message("backup.manifest_unreadable")) from None


@dataclass(frozen=True)
class _Keys:
    stream: AESGCM
    check: bytes


def _keys_from_root(root: bytes, file_id: bytes) -> _Keys:
    def sub(label: bytes) -> bytes:
        return HKDF(
            algorithm=hashes.SHA256(), length=32, salt=file_id, info=b"chartside/backup/v1/" + label
        ).derive(root)

    return _Keys(AESGCM(sub(b"stream")), sub(b"check"))


def _derive(passphrase: str, kdf: KdfParams, file_id: bytes) -> _Keys:
    return _keys_from_root(derive_kek(passphrase, kdf), file_id)  # checks the Argon2id floor


def sealed_root(master: bytes) -> bytes:
    """The file root of an unattended backup: from the workspace master key, which the
    unlocked app holds, so no passphrase has to be kept for the schedule."""
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"chartside/backup/sealed/v1"
    ).derive(master)


@dataclass(frozen=True)
class Sealed:
    """An unattended backup: encrypted under the workspace master key, whose wrappers
    (under the passphrases and the recovery key, exactly as stored) travel in the header.
    A restore unwraps the master key with the passphrase or the recovery key."""

    workspace_id: str
    master: bytes
    wrappers: list[dict[str, object]]  # {"kind", "kdf" (JSON object), "wrapped" (base64)}


def _open_sealed(header: dict[str, Any], secret: str) -> bytes:
    ws = UUID(str(header["workspace"]))
    for wrapper in header["wrappers"]:
        kdf = wrapper["kdf"]
        wrapped = base64.b64decode(wrapper["wrapped"])
        try:
            if wrapper["kind"] == "recovery":
                kek = recovery_kek(secret, base64.b64decode(kdf["salt"]))
            else:
                params = KdfParams.from_json(kdf)
                _check_kdf_bounds(params)
                kek = derive_kek(secret, params)
            return sealed_root(unwrap_key(kek, wrapped, ws, "master"))
        except WrongPassphrase:
            continue
    raise WrongPassphrase(
        Message("backup.no_secret_opens_backup"),
        remediation=Message("backup.use_passphrase_or_recovery_key"),
    )


def _check_kdf_bounds(kdf: KdfParams) -> None:
    if (
        kdf.memory_kib > _MAX_KDF_MEMORY_KIB
        or kdf.iterations > _MAX_KDF_ITERATIONS
        or kdf.lanes > _MAX_KDF_LANES
    ):
        raise BackupDamaged(Message("backup.header_values_not_allowed"))


def _nonce(index: int) -> bytes:
    return b"\0\0\0\0" + index.to_bytes(8, "big")


class BackupWriter:
    """Encrypts a stream into `f`: `write()` any number of times, then `finish(manifest)`."""

    def __init__(
        self,
        f: BinaryIO,
        passphrase: str | None,
        cfg: CryptoSettings,
        chunk_size: int = CHUNK_SIZE,
        sealed: Sealed | None = None,
    ) -> None:
        if not _CHUNK_RANGE[0] <= chunk_size <= _CHUNK_RANGE[1]:
            raise ValueError(f"chunk_size must be within {_CHUNK_RANGE}")
        self._f = f
        self._chunk = chunk_size
        file_id = os.urandom(16)
        fields: dict[str, object] = {
            "format": FORMAT,
            "cipher": CIPHER,
            "chunk_size": chunk_size,
            "file_id": base64.b64encode(file_id).decode(),
        }
        if sealed is not None:
            fields.update(mode="sealed", workspace=sealed.workspace_id, wrappers=sealed.wrappers)
            self._keys = _keys_from_root(sealed_root(sealed.master), file_id)
        else:
            assert passphrase is not None
            kdf = KdfParams.fresh(cfg)
            fields["kdf"] = kdf.to_json()
            self._keys = _derive(passphrase, kdf, file_id)
        header = json.dumps(fields, sort_keys=True).encode()
        head = _PRE.pack(MAGIC, VERSION, len(header)) + header
        key_check = hmac.new(self._keys.check, head, hashlib.sha256).digest()
        self._digest = hashlib.sha256(head + key_check).digest()
        f.write(head + key_check + self._digest)
        self._buf = bytearray()
        self._index = 0
        self.bytes_in = 0
        self.bytes_out = len(head) + 64

    def write(self, data: bytes) -> None:
        self.bytes_in += len(data)
        self._buf += data
        while len(self._buf) >= self._chunk:
            self._frame(KIND_DATA, 0, bytes(self._buf[: self._chunk]))
            del self._buf[: self._chunk]

    def finish(self, manifest: bytes) -> None:
        if self._buf:
            self._frame(KIND_DATA, 0, bytes(self._buf))
            self._buf.clear()
        if len(manifest) > self._chunk:
            raise BackupError(Message("backup.manifest_too_large"))
        self._frame(KIND_MANIFEST, FLAG_FINAL, manifest)

    def _frame(self, kind: int, flags: int, plaintext: bytes) -> None:
        aad = self._digest + _AAD.pack(self._index, kind, flags)
        ct = self._keys.stream.encrypt(_nonce(self._index), plaintext, aad)
        self._f.write(_FRAME.pack(kind, flags, len(ct)) + ct)
        self._index += 1
        self.bytes_out += _FRAME.size + len(ct)


class BackupReader:
    """Checks the preamble and the passphrase on construction; `chunks()` then yields the
    decrypted data, authenticating each frame, and leaves the manifest in `manifest`."""

    def __init__(self, f: BinaryIO, passphrase: str) -> None:
        self._f = f
        self._start = f.tell()
        self.preamble, header, key_check = self._read_preamble()
        h, file_id, self._chunk = self._parse_header(header)
        if h.get("mode") == "sealed":
            self._keys = _keys_from_root(_open_sealed(h, passphrase), file_id)
        else:
            self._keys = _derive(passphrase, KdfParams.from_json(h["kdf"]), file_id)
        head = self.preamble[:-64]
        expected = hmac.new(self._keys.check, head, hashlib.sha256).digest()
        if not hmac.compare_digest(expected, key_check):
            raise WrongPassphrase(
                Message("backup.passphrase_does_not_open_backup"),
                remediation=Message("backup.use_passphrase_of_backup"),
            )
        self._digest = self.preamble[-32:]
        self.manifest: bytes | None = None
        self.position = len(self.preamble)

    def _read_exact(self, n: int, what: Message) -> bytes:
        data = self._f.read(n)
        if len(data) != n:
            raise BackupDamaged(Message("backup.file_truncated_inside", part=what))
        return data

    def _read_preamble(self) -> tuple[bytes, bytes, bytes]:
        fixed = self._f.read(_PRE.size)
        if len(fixed) < _PRE.size or not fixed.startswith(MAGIC):
            raise BackupDamaged(Message("backup.not_a_backup_file"))
        _, version, header_len = _PRE.unpack(fixed)
        if version != VERSION:
            raise BackupVersionUnsupported(
                Message("backup.format_version_unsupported", n=version, total=VERSION)
            )
        if header_len > _MAX_HEADER:
            raise BackupDamaged(Message("backup.header_impossible_length"))
        rest = self._read_exact(header_len + 64, Message("backup.the_header"))
        preamble = fixed + rest
        if not hmac.compare_digest(hashlib.sha256(preamble[:-32]).digest(), preamble[-32:]):
            raise BackupDamaged(Message("backup.header_checksum_mismatch"))
        return preamble, rest[:header_len], rest[header_len : header_len + 32]

    @staticmethod
    def _parse_header(raw: bytes) -> tuple[dict[str, Any], bytes, int]:
        try:
            h: dict[str, Any] = json.loads(raw)
            file_id = base64.b64decode(h["file_id"], validate=True)
            chunk = int(h["chunk_size"])
            ok = h["format"] == FORMAT and h["cipher"] == CIPHER
            if h.get("mode") == "sealed":
                UUID(str(h["workspace"]))
                wrappers: object = h["wrappers"]
                ok = ok and isinstance(wrappers, list) and wrappers != []
            else:
                _check_kdf_bounds(KdfParams.from_json(h["kdf"]))
        except (ValueError, KeyError, TypeError):
            raise BackupDamaged(Message("backup.header_unreadable")) from None
        if not ok or len(file_id) != 16 or not _CHUNK_RANGE[0] <= chunk <= _CHUNK_RANGE[1]:
            raise BackupDamaged(Message("backup.header_values_not_allowed"))
        return h, file_id, chunk

    def rewind(self) -> None:
        """Back to the first frame for a second pass; the preamble must not have changed."""
        self._f.seek(self._start)
        if self._f.read(len(self.preamble)) != self.preamble:
            raise BackupDamaged(Message("backup.file_changed_while_reading"))
        self.manifest = None
        self.position = len(self.preamble)

    def chunks(self) -> Iterator[bytes]:
        index = 0
        while True:
            raw = self._f.read(_FRAME.size)
            if not raw:
                raise BackupDamaged(Message("backup.file_last_part_missing"))
            if len(raw) < _FRAME.size:
                raise BackupDamaged(
                    Message(
                        "backup.file_truncated_inside", part=Message("backup.part_number", n=index)
                    )
                )
            kind, flags, length = _FRAME.unpack(raw)
            if length > self._chunk + _TAG or length < _TAG:
                raise BackupDamaged(Message("backup.part_bad_length", n=index))
            ct = self._read_exact(length, Message("backup.part_number", n=index))
            aad = self._digest + _AAD.pack(index, kind, flags)
            try:
                plain = self._keys.stream.decrypt(_nonce(index), ct, aad)
            except InvalidTag:
                raise BackupDamaged(Message("backup.part_integrity_failed", n=index)) from None
            self.position += _FRAME.size + length
            final = bool(flags & FLAG_FINAL)
            if (kind == KIND_MANIFEST) != final or kind not in (KIND_DATA, KIND_MANIFEST):
                raise BackupDamaged(Message("backup.part_unknown_kind", n=index))
            index += 1
            if final:
                if self._f.read(1):
                    raise BackupDamaged(Message("backup.data_after_end"))
                self.manifest = plain
                return
            yield plain


# -- files -----------------------------------------------------------------------------
def backup_file_name(when: dt.datetime) -> str:
    """A name that sorts by time, for scheduled backups: chartside-YYYYMMDD-HHMMSS."""
    return f"chartside-{when.strftime('%Y%m%d-%H%M%S')}{BACKUP_SUFFIX}"


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the `keep` newest Chartside backups in `folder`; return what went.

    Only regular files named *.chartside-backup that start with the backup signature count,
    so pointing it at the wrong folder cannot cost anything else."""
    if keep < 1:
        raise BackupError(
            Message("backup.keep_at_least_one"), remediation=Message("backup.keep_one_or_more")
        )
    found: list[tuple[float, str, Path]] = []
    for p in folder.iterdir():
        if p.name.endswith(BACKUP_SUFFIX) and p.is_file() and not p.is_symlink():
            with p.open("rb") as f:
                if f.read(len(MAGIC)) == MAGIC:
                    found.append((p.stat().st_mtime, p.name, p))
    found.sort(reverse=True)
    doomed = [p for _, _, p in found[keep:]]
    for p in doomed:
        p.unlink()
    return doomed


@contextlib.contextmanager
def open_backup(path: Path) -> Generator[BinaryIO, None, None]:
    try:
        f = Path(path).open("rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise BackupError(
            Message(
                "backup.file_unreadable",
                path=path,
                detail=exc.strerror or type(exc).__name__,
            ),
            remediation=Message("backup.check_path_permissions"),
        ) from None
    with f:
        yield f


def file_size(f: BinaryIO) -> int:
    return max(os.fstat(f.fileno()).st_size, 1)
