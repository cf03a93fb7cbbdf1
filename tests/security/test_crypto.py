"""Field encryption: round trips, binding to the row, integrity, key wrapping."""

from __future__ import annotations

import re
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import IntegrityError, WeakKdfParameters, WrongPassphrase
from core.security import keys
from core.security.crypto import CellCipher, new_key
from core.security.keys import KdfParams
from core.settings import CryptoSettings

WS = uuid.uuid4()
KEY = new_key()
CIPHER = CellCipher(KEY, key_version=1, workspace_id=WS)
# Zero-width and bidi controls are the characters most likely to be mangled on the way.
TRICKY = "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
text_with_controls = st.text(
    alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from(TRICKY)), max_size=2000
)


@given(text_with_controls)
@settings(max_examples=300, deadline=None)
def test_round_trip_of_arbitrary_unicode(text: str) -> None:
    rid = uuid.uuid4()
    assert (
        CIPHER.decrypt("sessions", "plan", rid, CIPHER.encrypt("sessions", "plan", rid, text))
        == text
    )


@given(st.integers(min_value=0, max_value=1024 * 1024), st.sampled_from(TRICKY + "aé中😀"))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_round_trip_up_to_one_mebibyte(size: int, ch: str) -> None:
    text = (ch * size)[: 1024 * 1024]
    rid = uuid.uuid4()
    blob = CIPHER.encrypt("clients", "notes", rid, text)
    assert CIPHER.decrypt("clients", "notes", rid, blob) == text


def test_one_mebibyte_exactly() -> None:
    text = ("\u202eabc\u200b" * (1024 * 1024))[: 1024 * 1024]
    rid = uuid.uuid4()
    assert (
        CIPHER.decrypt("clients", "notes", rid, CIPHER.encrypt("clients", "notes", rid, text))
        == text
    )


def test_ciphertext_is_bound_to_row_column_and_workspace() -> None:
    a, b = uuid.uuid4(), uuid.uuid4()
    blob = CIPHER.encrypt("sessions", "subjective", a, "reports knee pain")
    with pytest.raises(IntegrityError, match=re.escape(str(b))):
        CIPHER.decrypt("sessions", "subjective", b, blob)
    with pytest.raises(IntegrityError, match=r"sessions\.plan"):
        CIPHER.decrypt("sessions", "plan", a, blob)
    other_ws = CellCipher(KEY, key_version=1, workspace_id=uuid.uuid4())
    with pytest.raises(IntegrityError):
        other_ws.decrypt("sessions", "subjective", a, blob)


@given(st.data())
@settings(max_examples=200, deadline=None)
def test_any_single_bit_flip_is_an_integrity_error(data: st.DataObject) -> None:
    rid = uuid.uuid4()
    blob = bytearray(CIPHER.encrypt("clients", "medical_history", rid, "asthma since 2001"))
    bit = data.draw(st.integers(min_value=0, max_value=len(blob) * 8 - 1))
    blob[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(IntegrityError) as err:
        CIPHER.decrypt("clients", "medical_history", rid, bytes(blob))
    assert "asthma" not in str(err.value)
    assert str(rid) in str(err.value) or "format" in str(err.value)


def test_error_messages_never_contain_the_plaintext() -> None:
    rid = uuid.uuid4()
    blob = CIPHER.encrypt("clients", "full_name", rid, "Jane Example")
    with pytest.raises(IntegrityError) as err:
        CIPHER.decrypt("clients", "full_name", uuid.uuid4(), blob)
    assert "Jane" not in str(err.value)


FLOOR = CryptoSettings(argon2_memory_kib=19 * 1024, argon2_iterations=2, argon2_lanes=1)


def test_wrap_unwrap_and_wrong_passphrase() -> None:
    params = KdfParams.fresh(FLOOR)
    dek = new_key()
    wrapped = keys.wrap_key(keys.derive_kek("right passphrase", params), dek, WS, 1)
    assert keys.unwrap_key(keys.derive_kek("right passphrase", params), wrapped, WS, 1) == dek
    with pytest.raises(WrongPassphrase, match="not correct"):
        keys.unwrap_key(keys.derive_kek("wrong passphrase", params), wrapped, WS, 1)


@pytest.mark.parametrize("field", ["argon2_memory_kib", "argon2_iterations", "argon2_lanes"])
def test_settings_refuse_kdf_parameters_below_the_owasp_floor(field: str) -> None:
    weak = {"argon2_memory_kib": 19 * 1024, "argon2_iterations": 2, "argon2_lanes": 1}
    weak[field] = {"argon2_memory_kib": 8 * 1024, "argon2_iterations": 1, "argon2_lanes": 0}[field]
    with pytest.raises(ValueError, match=field):
        CryptoSettings(**weak)


@pytest.mark.parametrize(
    "weak",
    [
        {"memory_kib": 4096},
        {"iterations": 1},
        {"lanes": 0},
        {"algorithm": "pbkdf2"},
        {"salt": b"short"},
    ],
)
def test_stored_parameters_below_the_floor_are_refused(weak: dict[str, object]) -> None:
    base = KdfParams.fresh(FLOOR).to_json()
    params = KdfParams.from_json(base)
    tampered = KdfParams(**{**params.__dict__, **weak})
    with pytest.raises(WeakKdfParameters):
        keys.derive_kek("any passphrase", tampered)


def test_kdf_parameters_survive_storage() -> None:
    params = KdfParams.fresh(FLOOR)
    assert KdfParams.from_json(params.to_json()) == params
