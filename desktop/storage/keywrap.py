"""Wrapping the database key with a passphrase or a recovery key.

The database is encrypted with a random 32-byte data key. That key is never stored in clear:
it is sealed (AES-256-GCM) under a key-encryption key derived from the passphrase with
Argon2id, so an attacker who copies the keyring entry still has to pay the memory-hard KDF
for every guess. The recovery key is a second, independent seal of the same data key under a
high-entropy secret shown once at set-up; because that secret is random (160 bits), a fast
HKDF is enough for it. Changing the passphrase re-seals the data key; the database itself is
never re-encrypted.

Argon2id never goes below a floor (``FLOOR_MEMORY_KIB`` = 64 MiB, ``FLOOR_ITERATIONS`` = 2)
and is calibrated so one derivation costs about ``DEFAULT_TARGET_SECONDS`` of CPU time here,
inside the 0.2-0.5 s band unlock may take (``UNLOCK_BAND``). The calibration measures the
thread's CPU time, not the wall clock: a PC busy with other work made the old wall-clock
probe pick t=1 and unlock then took 145-207 ms once the load was gone (issue 13). Envelopes
written before the floor (``format`` 1) still open; ``Profile`` re-seals them at the next
unlock or passphrase change.

Secrets are held in ``bytearray`` and wiped (``memory_wipe``) once used; where a library
hands back ``bytes`` we wipe that object too, see ``memory_wipe`` for what Python copies
beyond our reach.
"""

from __future__ import annotations

import base64
import math
import os
import secrets
import time
from dataclasses import dataclass
from typing import Any, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sjelden_protocol import crockford

from desktop.storage import memory_wipe

DATA_KEY_BYTES = 32
#: 2: parameters at or above the floor, calibrated on CPU time; 1: older, re-sealed on use
WRAP_FORMAT = 2
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 2
MAX_CALIBRATED_ITERATIONS = 32
UNLOCK_BAND = (0.2, 0.5)
DEFAULT_TARGET_SECONDS = 0.3
# Crockford's base32 (no I, L, O, U, so a printed key cannot be misread): 32 characters are
# 160 bits, printed in 8 groups of 4.
_RECOVERY_CHARS = 32


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters, stored next to the wrapped key so they can be raised later."""

    salt: bytes
    memory_kib: int
    iterations: int
    lanes: int = 1

    def to_json(self) -> dict[str, Any]:
        return {
            "algorithm": "argon2id",
            "salt": b64(self.salt),
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }

    @property
    def meets_floor(self) -> bool:
        return self.memory_kib >= FLOOR_MEMORY_KIB and self.iterations >= FLOOR_ITERATIONS

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Parameters read from a key envelope, refused (``ValueError``) outside ``KDF_BOUNDS``.

        The envelope is read before any passphrase is checked, so whoever can edit it picks
        what unlock pays: ``memory_kib: 2**31`` was a MemoryError, a huge iteration count a
        hang, ``iterations: 0`` an exception from the library.
        """
        if data.get("algorithm") != "argon2id":
            raise ValueError("unsupported KDF algorithm")
        params = cls(
            salt=b64decode(data["salt"]),
            memory_kib=_bounded(data["memory_kib"], "memory_kib"),
            iterations=_bounded(data["iterations"], "iterations"),
            lanes=_bounded(data.get("lanes", 1), "lanes"),
        )
        if not 16 <= len(params.salt) <= 64 or params.memory_kib < 8 * params.lanes:
            raise ValueError("KDF parameters out of bounds")
        return params


#: What an envelope may ask of unlock: at most 1 GiB and 64 passes (calibration picks 64 MiB
#: and at most 32), so the worst accepted envelope costs seconds, not minutes or all memory.
KDF_BOUNDS = {"memory_kib": (8, 1024 * 1024), "iterations": (1, 64), "lanes": (1, 16)}


def _bounded(value: object, name: str) -> int:
    low, high = KDF_BOUNDS[name]
    if type(value) is not int or not low <= value <= high:
        raise ValueError(f"KDF parameter {name} out of bounds")
    return value


@dataclass(frozen=True)
class SealedKey:
    """The data key sealed under one key-encryption key."""

    nonce: bytes
    ciphertext: bytes

    def to_json(self) -> dict[str, str]:
        return {"nonce": b64(self.nonce), "ciphertext": b64(self.ciphertext)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SealedKey:
        sealed = cls(nonce=b64decode(data["nonce"]), ciphertext=b64decode(data["ciphertext"]))
        if len(sealed.nonce) != 12 or len(sealed.ciphertext) != DATA_KEY_BYTES + 16:
            raise ValueError("not a sealed data key")
        return sealed


def new_data_key() -> bytearray:
    # A bytearray, not bytes, so the key can be overwritten when the profile locks.
    return bytearray(secrets.token_bytes(DATA_KEY_BYTES))


def derive_passphrase_key(passphrase: str | bytearray, params: KdfParams) -> bytearray:
    """The key-encryption key for ``passphrase``; the caller wipes it after use.

    A ``str`` passphrase is encoded here and the encoded copy wiped; the KDF's own ``bytes``
    result is copied into the returned ``bytearray`` and wiped as well.
    """
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    owned = isinstance(passphrase, str)
    secret = (
        memory_wipe.take(passphrase.encode("utf-8")) if isinstance(passphrase, str) else passphrase
    )
    try:
        # the library reads any buffer; its stub says bytes
        derived = kdf.derive(cast(bytes, secret))
    finally:
        if owned:
            memory_wipe.wipe(secret)
    return memory_wipe.take(derived)


def derive_calibrated(
    passphrase: str | bytearray,
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    *,
    max_iterations: int = MAX_CALIBRATED_ITERATIONS,
) -> tuple[KdfParams, bytearray]:
    """New parameters and the key they give for ``passphrase``, costing ``target_seconds``.

    Starts at the floor and raises the time cost until one derivation takes at least 85 % of
    the target in CPU time (``time.thread_time``: other processes' load does not count, so a
    busy PC does not calibrate down); memory stays at the 64 MiB floor. The last derivation
    is the real one, so set-up pays the calibration only once. A PC too slow for the band
    still gets the floor: the floor is the security promise, the band a comfort.
    """
    salt = os.urandom(16)
    iterations = FLOOR_ITERATIONS
    while True:
        params = KdfParams(salt=salt, memory_kib=FLOOR_MEMORY_KIB, iterations=iterations)
        start = time.thread_time()
        kek = derive_passphrase_key(passphrase, params)
        spent = max(time.thread_time() - start, 1e-4)
        if spent >= 0.85 * target_seconds or iterations >= max_iterations:
            return params, kek
        memory_wipe.wipe(kek)
        wanted = math.ceil(iterations * target_seconds / spent)
        iterations = min(max_iterations, max(iterations + 1, wanted))


def calibrate_kdf(
    target_seconds: float = DEFAULT_TARGET_SECONDS,
    max_iterations: int = MAX_CALIBRATED_ITERATIONS,
) -> KdfParams:
    """Parameters for this PC (``derive_calibrated`` with a throw-away input)."""
    params, kek = derive_calibrated(
        bytearray(b"calibration"), target_seconds, max_iterations=max_iterations
    )
    memory_wipe.wipe(kek)
    return params


def seal(data_key: bytes | bytearray, kek: bytes | bytearray, aad: bytes) -> SealedKey:
    nonce = os.urandom(12)
    return SealedKey(nonce=nonce, ciphertext=AESGCM(kek).encrypt(nonce, data_key, aad))


def unseal(sealed: SealedKey, kek: bytes | bytearray, aad: bytes) -> bytearray | None:
    """The data key, or ``None`` when the key-encryption key is wrong or the seal was altered.

    AES-GCM returns ``bytes``; that copy is moved into a ``bytearray`` and wiped.
    """
    try:
        plain = AESGCM(kek).decrypt(sealed.nonce, sealed.ciphertext, aad)
    except InvalidTag:
        return None
    return memory_wipe.take(plain)


def new_recovery_key() -> str:
    """A random recovery key, formatted ``XXXX-XXXX-...`` for printing."""
    return crockford.random_code(_RECOVERY_CHARS)


def normalize_recovery_key(text: str) -> str | None:
    """Canonical form of a typed recovery key, or ``None`` if it cannot be one.

    The enrollment code's rules (``sjelden_protocol.crockford``); the canonical form keeps
    the dashes, because the recovery seal is derived from that spelling.
    """
    cleaned = crockford.canonical(text, _RECOVERY_CHARS)
    return None if cleaned is None else crockford.grouped(cleaned)


def derive_recovery_key(recovery_key: str, salt: bytes) -> bytearray:
    canonical = normalize_recovery_key(recovery_key)
    if canonical is None:
        raise ValueError("not a recovery key")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"sjelden recovery v1")
    encoded = bytearray(canonical.encode("ascii"))
    try:
        return memory_wipe.take(hkdf.derive(encoded))
    finally:
        memory_wipe.wipe(encoded)


def wipe(buffer: bytearray) -> None:
    """Overwrite key material we own (``memory_wipe.wipe``)."""
    memory_wipe.wipe(buffer)


def new_salt() -> bytes:
    return os.urandom(16)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("base64 text expected")
    return base64.b64decode(text.encode("ascii"), validate=True)
