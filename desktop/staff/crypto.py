"""How the register keeps patient data unreadable in its own database.

* **Payloads** are sealed with AES-256-GCM under the register data key (held only inside the
  staff profile's encrypted store). The additional data binds each ciphertext to where it
  belongs (table, record id, revision, batch), so a database administrator cannot move one
  person's payload onto another row without decryption failing.
* **National ids** are kept only as ``HMAC-SHA256(register secret, national id)``, of the
  one normal form every part of the app reads from a payload (``desktop.forms.payload``,
  so a number typed with spaces is the same person): enough to
  find duplicates and reservations with an index, useless without the secret (a plain hash of
  an 11-digit number with check digits could be reversed by trying them all).
* **ORPHA codes** in the duplicate index are keyed hashes too (another domain of the same
  secret): a rare diagnosis next to a stable pseudonym would otherwise say a lot.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.forms.payload import normalise_national_id, normalise_orpha_code
from desktop.staff.errors import StaffError

SEAL_VERSION = 1
NONCE_BYTES = 12
KEY_BYTES = 32
_PERSON_DOMAIN = b"sjelden/register/person/v1\x00"
_DIAGNOSIS_DOMAIN = b"sjelden/register/diagnosis/v1\x00"
_AUDIT_LABEL = b"sjelden audit v1"


def new_secret() -> bytes:
    return os.urandom(KEY_BYTES)


def secret_id(secret: bytes) -> str:
    """A short public name for a secret (so two profiles can tell whether they share it)."""
    return hashlib.sha256(b"sjelden/register/secret-id/v1\x00" + secret).hexdigest()[:32]


def aad(*parts: str | int) -> bytes:
    return "\x1f".join(str(p) for p in parts).encode("utf-8")


class RegisterCipher:
    """Seals payloads and makes keyed hashes; the keys never leave this object."""

    def __init__(self, data_key: bytes, hmac_key: bytes) -> None:
        if len(data_key) != KEY_BYTES or len(hmac_key) != KEY_BYTES:
            raise ValueError("register keys are 32 bytes")
        self._aead = AESGCM(data_key)
        self._hmac_key = bytes(hmac_key)
        self.data_key_id = secret_id(data_key)
        self.hmac_key_id = secret_id(hmac_key)

    def seal(self, payload: Mapping[str, Any], associated: bytes) -> bytes:
        plaintext = json.dumps(
            payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ).encode("utf-8")
        nonce = os.urandom(NONCE_BYTES)
        return bytes([SEAL_VERSION]) + nonce + self._aead.encrypt(nonce, plaintext, associated)

    def open(self, sealed: bytes, associated: bytes) -> dict[str, Any]:
        data = bytes(sealed)
        if len(data) < 1 + NONCE_BYTES + 16 or data[0] != SEAL_VERSION:
            raise StaffError("register_db_error", "payload is not a register seal")
        try:
            plaintext = self._aead.decrypt(
                data[1 : 1 + NONCE_BYTES], data[1 + NONCE_BYTES :], associated
            )
        except InvalidTag as exc:
            raise StaffError(
                "register_db_error", "payload does not decrypt (moved or altered)"
            ) from exc
        value: dict[str, Any] = json.loads(plaintext)
        return value

    def seal_bytes(self, data: bytes, associated: bytes) -> bytes:
        """Seal raw bytes (a quarantined envelope), in the same format as ``seal``."""
        nonce = os.urandom(NONCE_BYTES)
        return bytes([SEAL_VERSION]) + nonce + self._aead.encrypt(nonce, bytes(data), associated)

    def open_bytes(self, sealed: bytes, associated: bytes) -> bytes:
        data = bytes(sealed)
        if len(data) < 1 + NONCE_BYTES + 16 or data[0] != SEAL_VERSION:
            raise StaffError("register_db_error", "not a register seal")
        try:
            return self._aead.decrypt(
                data[1 : 1 + NONCE_BYTES], data[1 + NONCE_BYTES :], associated
            )
        except InvalidTag as exc:
            raise StaffError("register_db_error", "seal does not open (moved or altered)") from exc

    def person_key(self, national_id: str) -> bytes:
        """The keyed hash of a person, from the national id's one normal form
        (``desktop.forms.payload``); ``ValueError`` for what is not a national id."""
        number = normalise_national_id(national_id)
        if number is None:
            raise ValueError("not a national id")  # the callers check first: a bug
        return hmac.new(self._hmac_key, _PERSON_DOMAIN + number.encode("utf-8"), "sha256").digest()

    def diagnosis_key(self, orpha_code: str) -> bytes:
        """The keyed hash of an ORPHA code in its one normal form; ``ValueError`` else."""
        code = normalise_orpha_code(orpha_code)
        if code is None:
            raise ValueError("not an ORPHA code")  # the callers check first: a bug
        return hmac.new(self._hmac_key, _DIAGNOSIS_DOMAIN + code.encode("utf-8"), "sha256").digest()

    def audit_key(self) -> bytes:
        return audit_key(self._hmac_key)

    def diagnosis_keys(self, codes: Iterable[str]) -> list[bytes]:
        return sorted({self.diagnosis_key(code) for code in codes})


def audit_key(hmac_secret: bytes) -> bytes:
    """The audit chain's HMAC key (``desktop.storage.audit``), derived from the keyed-hash
    secret with HKDF so the keyed hashes of national ids and the audit chain never share a
    key; a function of that secret alone, so unlocking needs no data key to sign."""
    return HKDF(hashes.SHA256(), KEY_BYTES, salt=None, info=_AUDIT_LABEL).derive(hmac_secret)
