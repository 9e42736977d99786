"""Wrapping the database key with a passphrase or a recovery key.

The database is encrypted with a random 32-byte data key. That key is never stored in clear:
it is sealed (AES-256-GCM) under a key-encryption key derived from the passphrase with
Argon2id, so an attacker who copies the keyring entry still has to pay the memory-hard KDF
for every guess. The recovery key is a second, independent seal of the same data key under a
high-entropy secret shown once at set-up; because that secret is random (160 bits), a fast
HKDF is enough for it. Changing the passphrase re-seals the data key; the database itself is
never re-encrypted.
"""

from __future__ import annotations

import base64
import os
import secrets
import time
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from sjelden_protocol import crockford

DATA_KEY_BYTES = 32
WRAP_FORMAT = 1
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


def derive_passphrase_key(passphrase: str, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=params.salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate_kdf(
    target_seconds: float = 0.3, memory_kib: int = 64 * 1024, max_iterations: int = 32
) -> KdfParams:
    """Pick Argon2id iterations so one derivation takes about ``target_seconds`` here.

    Memory stays fixed at 64 MiB (OWASP's Argon2id guidance starts at 19 MiB) and the time
    cost is raised until the target is met, so a slow clinic PC still unlocks within the
    0.2-0.5 s window while a fast one gets a stronger setting.
    """
    salt = os.urandom(16)
    probe = KdfParams(salt=salt, memory_kib=memory_kib, iterations=1)
    start = time.perf_counter()
    derive_passphrase_key("calibration", probe)
    one = max(time.perf_counter() - start, 1e-4)
    iterations = max(1, min(max_iterations, round(target_seconds / one)))
    return KdfParams(salt=salt, memory_kib=memory_kib, iterations=iterations)


def seal(data_key: bytes | bytearray, kek: bytes, aad: bytes) -> SealedKey:
    nonce = os.urandom(12)
    return SealedKey(nonce=nonce, ciphertext=AESGCM(kek).encrypt(nonce, bytes(data_key), aad))


def unseal(sealed: SealedKey, kek: bytes, aad: bytes) -> bytearray | None:
    """The data key, or ``None`` when the key-encryption key is wrong or the seal was altered."""
    try:
        return bytearray(AESGCM(kek).decrypt(sealed.nonce, sealed.ciphertext, aad))
    except InvalidTag:
        return None


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


def derive_recovery_key(recovery_key: str, salt: bytes) -> bytes:
    canonical = normalize_recovery_key(recovery_key)
    if canonical is None:
        raise ValueError("not a recovery key")
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"sjelden recovery v1")
    return hkdf.derive(canonical.encode("ascii"))


def wipe(buffer: bytearray) -> None:
    """Overwrite key material we own; Python may still hold copies, but not through us."""
    for i in range(len(buffer)):
        buffer[i] = 0


def new_salt() -> bytes:
    return os.urandom(16)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode(text: str) -> bytes:
    if not isinstance(text, str):
        raise TypeError("base64 text expected")
    return base64.b64decode(text.encode("ascii"), validate=True)
