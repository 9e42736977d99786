"""The batch envelope: build, parse, verify, open.

Layout (big-endian), see docs/protocol.md for the full contract::

    "SJBT" | u8 format=1 | u32 H | header (H bytes, canonical JSON)
           | u32 C | ciphertext (C bytes: HPKE enc || AEAD ct) | Ed25519 signature (64)

The HPKE ``info`` is the header bytes, so a header cannot be moved onto another ciphertext
(a different sender, batch id or recipient makes decryption fail), and the signature covers
everything before it, prefixed with a domain string, so the inbox server can check who sent
a batch without being able to read it.
"""

from __future__ import annotations

import hashlib
import struct
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from . import payload
from .canonical import canonical_json, parse_canonical
from .errors import (
    DecryptionError,
    MalformedError,
    SignatureError,
    TooLargeError,
    TruncatedError,
    UnknownKeyError,
    UnsupportedVersionError,
    WrongRecipientError,
)
from .keys import check_key_id, key_id
from .limits import MAX_ENVELOPE_BYTES, MAX_HEADER_BYTES, MAX_PLAINTEXT_BYTES, MAX_RECORDS_PER_BATCH
from .signing import SIGNATURE_LENGTH
from .timefmt import format_utc, now_utc, parse_utc

MAGIC = b"SJBT"
FORMAT_VERSION = 1
PROTOCOL_VERSION = 1
HEADER_TYPE = "sjelden.batch"
HPKE_SUITE_NAME = "X25519-HKDF-SHA256-CHACHA20POLY1305"
SIGNATURE_DOMAIN = b"sjelden/batch/v1\x00"
HPKE_ENC_LENGTH = 32
AEAD_TAG_LENGTH = 16
_PREFIX = struct.Struct(">4sBI")
_LENGTH = struct.Struct(">I")
_MIN_LENGTH = _PREFIX.size + _LENGTH.size + SIGNATURE_LENGTH
_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


def hpke_seal(plaintext: bytes, recipient: X25519PublicKey, info: bytes) -> bytes:
    """``enc || ct`` of the protocol's one HPKE suite (batches, sealed feedback reasons)."""
    return _SUITE.encrypt(plaintext, recipient, info)


def hpke_open(sealed: bytes, private_key: X25519PrivateKey, info: bytes) -> bytes:
    """The inverse of ``hpke_seal``; ``DecryptionError`` for anything that does not open."""
    try:
        return _SUITE.decrypt(sealed, private_key, info)
    except Exception as exc:  # cryptography raises InvalidTag or ValueError variants
        raise DecryptionError("sealed text does not decrypt (tampered or wrong key)") from exc


_HEADER_KEYS = frozenset(
    {
        "batch_id",
        "compression",
        "created_at",
        "hpke_suite",
        "plaintext_length",
        "record_count",
        "recipient_key_id",
        "sender_key_id",
        "type",
        "version",
    }
)


@dataclass(frozen=True, slots=True)
class BatchHeader:
    batch_id: str
    sender_key_id: str
    recipient_key_id: str
    created_at: datetime
    record_count: int
    plaintext_length: int
    compression: str = "zlib"

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "compression": self.compression,
            "created_at": format_utc(self.created_at),
            "hpke_suite": HPKE_SUITE_NAME,
            "plaintext_length": self.plaintext_length,
            "record_count": self.record_count,
            "recipient_key_id": self.recipient_key_id,
            "sender_key_id": self.sender_key_id,
            "type": HEADER_TYPE,
            "version": PROTOCOL_VERSION,
        }

    def encode(self) -> bytes:
        return canonical_json(self.to_json())


@dataclass(frozen=True, slots=True)
class Envelope:
    """A parsed, not yet verified envelope; what the server can know about a batch."""

    header: BatchHeader
    header_bytes: bytes
    ciphertext: bytes
    signature: bytes
    raw: bytes

    @property
    def signed_message(self) -> bytes:
        return SIGNATURE_DOMAIN + self.raw[:-SIGNATURE_LENGTH]

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()


@dataclass(frozen=True, slots=True)
class DecryptedBatch:
    header: BatchHeader
    records: list[payload.Record]
    envelope_sha256: str


def _count(value: object, what: str, limit: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MalformedError(f"{what} must be a non-negative integer")
    if value > limit:
        raise TooLargeError(f"{what} is {value}; the limit is {limit}")
    return value


def decode_header(data: bytes) -> BatchHeader:
    value = parse_canonical(data, what="batch header")
    if not isinstance(value, dict):
        raise MalformedError("batch header must be a JSON object")
    if value.get("type") != HEADER_TYPE:
        raise MalformedError(f"batch header type must be {HEADER_TYPE!r}")
    if value.get("version") != PROTOCOL_VERSION:
        raise UnsupportedVersionError(
            f"batch protocol version {value.get('version')!r} is not supported; "
            f"this implementation speaks version {PROTOCOL_VERSION}"
        )
    keys = set(value)
    if keys != _HEADER_KEYS:
        missing, extra = sorted(_HEADER_KEYS - keys), sorted(keys - _HEADER_KEYS)
        raise MalformedError(f"batch header fields wrong: missing {missing}, unexpected {extra}")
    if value["hpke_suite"] != HPKE_SUITE_NAME:
        raise UnsupportedVersionError(f"hpke_suite must be {HPKE_SUITE_NAME!r}")
    if value["compression"] != "zlib":
        raise UnsupportedVersionError("compression must be 'zlib'")
    return BatchHeader(
        batch_id=payload.canonical_uuid(value["batch_id"], what="batch_id"),
        sender_key_id=check_key_id(value["sender_key_id"], what="sender_key_id"),
        recipient_key_id=check_key_id(value["recipient_key_id"], what="recipient_key_id"),
        created_at=parse_utc(value["created_at"], what="created_at"),
        record_count=_count(value["record_count"], "record_count", MAX_RECORDS_PER_BATCH),
        plaintext_length=_count(value["plaintext_length"], "plaintext_length", MAX_PLAINTEXT_BYTES),
    )


def build_batch(
    records: Sequence[Mapping[str, Any]],
    *,
    batch_id: uuid.UUID | str,
    signer: Ed25519PrivateKey,
    recipient: X25519PublicKey,
    now: datetime | None = None,
    compression_level: int = 6,
) -> bytes:
    """Seal ``records`` to the register's key and sign the result with the installation key."""
    checked = payload.check_records(list(records))
    plaintext = payload.encode_records(checked)
    if len(plaintext) > MAX_PLAINTEXT_BYTES:
        raise TooLargeError(f"records encode to {len(plaintext)} bytes; split the batch")
    header = BatchHeader(
        batch_id=payload.canonical_uuid(str(batch_id).lower(), what="batch_id"),
        sender_key_id=key_id(signer.public_key()),
        recipient_key_id=key_id(recipient),
        created_at=now or now_utc(),
        record_count=len(checked),
        plaintext_length=len(plaintext),
    )
    header_bytes = header.encode()
    ciphertext = _SUITE.encrypt(
        payload.compress(plaintext, compression_level), recipient, header_bytes
    )
    return assemble(header_bytes, ciphertext, signer)


def assemble(header_bytes: bytes, ciphertext: bytes, signer: Ed25519PrivateKey) -> bytes:
    """Frame and sign; public so test vectors can be rebuilt from fixed ciphertexts."""
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise TooLargeError(f"header is {len(header_bytes)} bytes; limit {MAX_HEADER_BYTES}")
    body = (
        _PREFIX.pack(MAGIC, FORMAT_VERSION, len(header_bytes))
        + header_bytes
        + _LENGTH.pack(len(ciphertext))
        + ciphertext
    )
    if len(body) + SIGNATURE_LENGTH > MAX_ENVELOPE_BYTES:
        raise TooLargeError(f"envelope would exceed {MAX_ENVELOPE_BYTES} bytes; split the batch")
    return body + signer.sign(SIGNATURE_DOMAIN + body)


def parse_envelope(data: bytes, *, max_size: int = MAX_ENVELOPE_BYTES) -> Envelope:
    """Split and check the framing and header; no key is needed and nothing is decrypted."""
    if len(data) > max_size:
        raise TooLargeError(f"envelope is {len(data)} bytes; the limit is {max_size}")
    if len(data) < _PREFIX.size:
        raise TruncatedError(f"envelope is only {len(data)} bytes; the upload was cut short")
    magic, fmt, header_length = _PREFIX.unpack_from(data, 0)
    if magic != MAGIC:
        raise MalformedError("not a Sjelden batch envelope (bad magic bytes)", code="bad_magic")
    if fmt != FORMAT_VERSION:
        raise UnsupportedVersionError(
            f"envelope format {fmt} is not supported; this implementation reads format "
            f"{FORMAT_VERSION}; update the software"
        )
    if header_length > MAX_HEADER_BYTES:
        raise TooLargeError(f"header length {header_length} exceeds {MAX_HEADER_BYTES}")
    if len(data) < _MIN_LENGTH + header_length:
        raise TruncatedError("envelope ends inside its header; the upload was cut short")
    offset = _PREFIX.size
    header_bytes = bytes(data[offset : offset + header_length])
    offset += header_length
    (cipher_length,) = _LENGTH.unpack_from(data, offset)
    offset += _LENGTH.size
    expected = offset + cipher_length + SIGNATURE_LENGTH
    if len(data) < expected:
        raise TruncatedError("envelope ends before its signature; the upload was cut short")
    if len(data) > expected:
        raise MalformedError("envelope has bytes after its signature", code="trailing_data")
    if cipher_length < HPKE_ENC_LENGTH + AEAD_TAG_LENGTH:
        raise MalformedError("ciphertext is too short to be an HPKE message")
    header = decode_header(header_bytes)
    raw = bytes(data)
    return Envelope(
        header=header,
        header_bytes=header_bytes,
        ciphertext=raw[offset : offset + cipher_length],
        signature=raw[-SIGNATURE_LENGTH:],
        raw=raw,
    )


def verify_envelope(envelope: Envelope, public_key: Ed25519PublicKey) -> None:
    if key_id(public_key) != envelope.header.sender_key_id:
        raise UnknownKeyError("the given key is not the sender_key_id named in the header")
    try:
        public_key.verify(envelope.signature, envelope.signed_message)
    except InvalidSignature as exc:
        raise SignatureError("batch signature does not verify with the sender's key") from exc


def decrypt_envelope(envelope: Envelope, private_key: X25519PrivateKey) -> list[payload.Record]:
    """Decrypt an envelope whose signature the caller has already verified."""
    if key_id(private_key.public_key()) != envelope.header.recipient_key_id:
        raise WrongRecipientError("this private key is not the batch's recipient key")
    try:
        compressed = _SUITE.decrypt(envelope.ciphertext, private_key, envelope.header_bytes)
    except Exception as exc:  # cryptography raises InvalidTag or ValueError variants
        raise DecryptionError("batch ciphertext does not decrypt (tampered or wrong key)") from exc
    plaintext = payload.decompress(compressed, envelope.header.plaintext_length)
    records = payload.decode_records(plaintext)
    if len(records) != envelope.header.record_count:
        raise MalformedError(
            f"header says {envelope.header.record_count} records, payload holds {len(records)}",
            code="count_mismatch",
        )
    return records


def open_batch(
    data: bytes,
    recipient_private_keys: Mapping[str, X25519PrivateKey],
    trusted_signers: Mapping[str, Ed25519PublicKey],
    *,
    max_size: int = MAX_ENVELOPE_BYTES,
) -> DecryptedBatch:
    """Parse, verify against a trusted installation key, then decrypt and check records."""
    envelope = parse_envelope(data, max_size=max_size)
    signer = trusted_signers.get(envelope.header.sender_key_id)
    if signer is None:
        raise UnknownKeyError(
            f"batch is signed by installation key {envelope.header.sender_key_id}, "
            "which is not enrolled here"
        )
    verify_envelope(envelope, signer)
    recipient = recipient_private_keys.get(envelope.header.recipient_key_id)
    if recipient is None:
        raise WrongRecipientError(
            f"batch is encrypted to key {envelope.header.recipient_key_id}, which is not one of "
            "the register keys available here"
        )
    records = decrypt_envelope(envelope, recipient)
    return DecryptedBatch(header=envelope.header, records=records, envelope_sha256=envelope.sha256)
