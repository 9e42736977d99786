"""Server-signed receipts: the inbox's proof that it holds exactly these envelope bytes.

A client keeps the receipt as the reason it may stop re-sending a batch, so the receipt
names the sha256 of the bytes the server stored, not just the batch id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .envelope import Envelope
from .errors import MalformedError, ProtocolError
from .keys import check_key_id, key_id
from .payload import canonical_uuid
from .signing import lookup_key, sign_document, verify_document
from .timefmt import format_utc, parse_utc

RECEIPT_DOMAIN = b"sjelden/receipt/v1\x00"
RECEIPT_TYPE = "sjelden.receipt"
_HEX64 = re.compile(r"\A[0-9a-f]{64}\Z")
_FIELDS = frozenset(
    {
        "batch_id",
        "envelope_length",
        "envelope_sha256",
        "received_at",
        "record_count",
        "sender_key_id",
        "server_key_id",
        "type",
        "version",
    }
)


class ReceiptMismatchError(ProtocolError):
    code = "receipt_mismatch"


@dataclass(frozen=True, slots=True)
class Receipt:
    batch_id: str
    envelope_sha256: str
    envelope_length: int
    received_at: datetime
    record_count: int
    sender_key_id: str
    server_key_id: str
    signature: str

    def body(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "envelope_length": self.envelope_length,
            "envelope_sha256": self.envelope_sha256,
            "received_at": format_utc(self.received_at),
            "record_count": self.record_count,
            "sender_key_id": self.sender_key_id,
            "server_key_id": self.server_key_id,
            "type": RECEIPT_TYPE,
            "version": 1,
        }

    def to_json(self) -> dict[str, Any]:
        return {"receipt": self.body(), "signature": self.signature}


def issue_receipt(envelope: Envelope, *, received_at: datetime, key: Ed25519PrivateKey) -> Receipt:
    unsigned = Receipt(
        batch_id=envelope.header.batch_id,
        envelope_sha256=envelope.sha256,
        envelope_length=len(envelope.raw),
        received_at=received_at,
        record_count=envelope.header.record_count,
        sender_key_id=envelope.header.sender_key_id,
        server_key_id=key_id(key.public_key()),
        signature="",
    )
    signature = sign_document(RECEIPT_DOMAIN, unsigned.body(), key)
    return replace(unsigned, signature=signature)


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MalformedError(f"receipt {what} must be a non-negative integer")
    return value


def _sha256_hex(value: object) -> str:
    if not isinstance(value, str) or not _HEX64.match(value):
        raise MalformedError("receipt envelope_sha256 must be 64 lowercase hex characters")
    return value


def parse_receipt(document: object) -> Receipt:
    if not isinstance(document, dict) or set(document) != {"receipt", "signature"}:
        raise MalformedError("a signed receipt is an object with 'receipt' and 'signature'")
    body = document["receipt"]
    if not isinstance(body, dict) or set(body) != _FIELDS:
        raise MalformedError("receipt body has missing or unexpected fields")
    if body["type"] != RECEIPT_TYPE or body["version"] != 1:
        raise MalformedError("not a version 1 receipt", code="unsupported_version")
    signature = document["signature"]
    if not isinstance(signature, str):
        raise MalformedError("receipt signature must be a string")
    return Receipt(
        batch_id=canonical_uuid(body["batch_id"], what="receipt batch_id"),
        envelope_sha256=_sha256_hex(body["envelope_sha256"]),
        envelope_length=_int(body["envelope_length"], "envelope_length"),
        received_at=parse_utc(body["received_at"], what="receipt received_at"),
        record_count=_int(body["record_count"], "record_count"),
        sender_key_id=check_key_id(body["sender_key_id"], what="receipt sender_key_id"),
        server_key_id=check_key_id(body["server_key_id"], what="receipt server_key_id"),
        signature=signature,
    )


def verify_receipt(
    document: object,
    trusted_server_keys: Mapping[str, Ed25519PublicKey],
    *,
    envelope: bytes | None = None,
) -> Receipt:
    """Check the server's signature and, given the sent bytes, that they are what it holds."""
    receipt = parse_receipt(document)
    key = lookup_key(trusted_server_keys, receipt.server_key_id, what="receipt")
    verify_document(RECEIPT_DOMAIN, receipt.body(), receipt.signature, key, what="receipt")
    if envelope is not None and (
        hashlib.sha256(envelope).hexdigest() != receipt.envelope_sha256
        or len(envelope) != receipt.envelope_length
    ):
        raise ReceiptMismatchError(
            "the receipt is for different bytes than this batch; do not mark it as sent"
        )
    return receipt
