"""Signed checkpoints of the register's audit chain, and the document that carries one.

A checkpoint says "the register's audit chain had hash H at entry N, at time T", signed by a
staff member's Ed25519 key. The register keeps its own (``desktop.storage.audit``); a copy
sent to the inbox is a witness outside the register database: someone holding that database
can cut the chain's tail and its checkpoints together (what is left still verifies as a
prefix), but not the copies the inbox holds. The inbox only keeps the documents (the first
one per sequence number); whoever verifies checks the signature against the members' keys.

The message signed is the same bytes the register has always signed, so a checkpoint made
before this module existed is sent as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from .errors import MalformedError, UnsupportedVersionError
from .keys import b64decode, b64encode

FORMAT = "sjelden-audit-checkpoint"
VERSION = 1
DOMAIN = b"sjelden/audit/checkpoint/v1\x00"
_HEX = frozenset("0123456789abcdef")
MAX_AT = 64


def message(seq: int, entry_hash: bytes, at: str, signer: str) -> bytes:
    """What a checkpoint's signer vouches for: the chain's hash at ``seq``, and when."""
    text = json.dumps([seq, entry_hash.hex(), at, signer], separators=(",", ":"))
    return DOMAIN + text.encode("ascii")


@dataclass(frozen=True)
class AuditCheckpoint:
    seq: int
    hash: bytes
    at: str
    signer: str  # the signing member's key id
    signature: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "seq": self.seq,
            "hash": b64encode(self.hash),
            "at": self.at,
            "signer": self.signer,
            "signature": b64encode(self.signature),
        }

    def signed_by(self, public_key: Ed25519PublicKey) -> bool:
        try:
            public_key.verify(self.signature, message(self.seq, self.hash, self.at, self.signer))
        except InvalidSignature:
            return False
        return True


def parse_checkpoint(document: object) -> AuditCheckpoint:
    """A checkpoint document, checked for form (not signature); ``MalformedError`` else."""
    if not isinstance(document, dict):
        raise MalformedError("an audit checkpoint is a JSON object")
    if document.get("format") != FORMAT:
        raise MalformedError("not an audit checkpoint")
    if document.get("version") != VERSION:
        raise UnsupportedVersionError(f"audit checkpoint version {document.get('version')!r}")
    extra = set(document) - {"format", "version", "seq", "hash", "at", "signer", "signature"}
    if extra:
        raise MalformedError(f"unknown audit checkpoint fields: {sorted(extra)}")
    seq = document.get("seq")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq < 2**63:
        raise MalformedError("seq must be a positive integer")
    at = document.get("at")
    if not isinstance(at, str) or not at.isascii() or not 0 < len(at) <= MAX_AT:
        raise MalformedError("at must be a short ASCII timestamp")
    signer = document.get("signer")
    if not isinstance(signer, str) or len(signer) != 32 or not set(signer) <= _HEX:
        raise MalformedError("signer must be a key id (32 lowercase hex digits)")
    return AuditCheckpoint(
        seq=seq,
        hash=b64decode(str(document.get("hash")), what="hash", length=32),
        at=at,
        signer=signer,
        signature=b64decode(str(document.get("signature")), what="signature", length=64),
    )
