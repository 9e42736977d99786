"""Key ids, human fingerprints and key (de)serialisation.

A key id names a public key on the wire (short, derived, never chosen by the holder); a
fingerprint is the longer form two humans read to each other during enrollment.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from . import edwards
from .errors import MalformedError
from .files import atomic_private_file

KEY_ID_BYTES = 16
_KEY_ID = re.compile(rf"\A[0-9a-f]{{{2 * KEY_ID_BYTES}}}\Z")
PublicKey = Ed25519PublicKey | X25519PublicKey
PrivateKey = Ed25519PrivateKey | X25519PrivateKey


def raw_public(key: PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def key_id(key: PublicKey | bytes) -> str:
    """First 16 bytes of SHA-256 over the raw 32-byte public key, lowercase hex."""
    raw = key if isinstance(key, bytes) else raw_public(key)
    return hashlib.sha256(raw).digest()[:KEY_ID_BYTES].hex()


def check_key_id(value: object, *, what: str) -> str:
    """``value`` when it has the form of a key id, else ``MalformedError`` naming ``what``."""
    if not isinstance(value, str) or not _KEY_ID.match(value):
        raise MalformedError(f"{what} must be {2 * KEY_ID_BYTES} lowercase hex characters")
    return value


def fingerprint(key: PublicKey | bytes) -> str:
    """160 bits of SHA-256 over the raw public key as base32, in groups of four."""
    raw = key if isinstance(key, bytes) else raw_public(key)
    text = base64.b32encode(hashlib.sha256(raw).digest()[:20]).decode("ascii")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


def same_fingerprint(typed: str, shown: str) -> bool:
    """Compare fingerprints as people read them out: spaces and case do not matter."""
    return typed.replace(" ", "").upper() == shown.replace(" ", "").upper()


def b64encode(data: bytes) -> str:
    """Unpadded base64url, the encoding for every binary value inside JSON."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64decode(text: str, *, what: str, length: int | None = None) -> bytes:
    if not isinstance(text, str) or not text.isascii() or "=" in text:
        raise MalformedError(f"{what} must be unpadded base64url text")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as exc:
        raise MalformedError(f"{what} is not valid base64url") from exc
    if b64encode(data) != text:
        raise MalformedError(f"{what} is not canonical base64url (stray bits or characters)")
    if length is not None and len(data) != length:
        raise MalformedError(f"{what} must decode to {length} bytes, got {len(data)}")
    return data


def ed25519_public_from_raw(raw: bytes) -> Ed25519PublicKey:
    """The key, refused when no honest key could be it (small order, torsion, non-canonical):
    for such a point a fixed signature verifies for any message (``edwards``)."""
    reason = edwards.problem(bytes(raw))
    if reason is not None:
        raise MalformedError(reason)
    return Ed25519PublicKey.from_public_bytes(raw)


def x25519_public_from_raw(raw: bytes) -> X25519PublicKey:
    """The key, refused when it is a low-order point (every shared secret would be zero)."""
    if len(raw) != 32:
        raise MalformedError("an X25519 public key is 32 bytes")
    key = X25519PublicKey.from_public_bytes(raw)
    try:  # OpenSSL refuses an all-zero shared secret, which only a low-order point gives
        X25519PrivateKey.generate().exchange(key)
    except ValueError:
        raise MalformedError("a low-order X25519 point (every shared secret is zero)") from None
    return key


def save_private_key(key: PrivateKey, path: Path, passphrase: bytes | None = None) -> None:
    """Write a PKCS#8 PEM file readable only by its owner (0600), never over an existing one.

    Atomic (``files.atomic_private_file``): a server starting twice at once, or a crash,
    never leaves a half-written key that the next start would fail to load.
    """
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase)
        if passphrase
        else serialization.NoEncryption()
    )
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_private_file(path, replace=False) as handle:
        handle.write(pem)


def load_private_key(path: Path, passphrase: bytes | None = None) -> PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=passphrase)
    if not isinstance(key, Ed25519PrivateKey | X25519PrivateKey):
        raise MalformedError(f"{path} holds neither an Ed25519 nor an X25519 private key")
    return key


def save_public_key(key: PublicKey, path: Path) -> None:
    pem = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pem)


def load_public_key(path: Path) -> PublicKey:
    key = serialization.load_pem_public_key(path.read_bytes())
    if not isinstance(key, Ed25519PublicKey | X25519PublicKey):
        raise MalformedError(f"{path} holds neither an Ed25519 nor an X25519 public key")
    # the same checks as for raw keys: a key file is a boundary too
    if isinstance(key, Ed25519PublicKey):
        return ed25519_public_from_raw(raw_public(key))
    return x25519_public_from_raw(raw_public(key))
