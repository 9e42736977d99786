"""Domain-separated Ed25519 signatures over canonical JSON documents.

Receipts, feedback and enrollment requests are all JSON objects signed the same way; the
domain string stops a signature made for one kind of document from being valid for another.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .canonical import canonical_json
from .errors import MalformedError, SignatureError, UnknownKeyError
from .keys import b64decode, b64encode

SIGNATURE_LENGTH = 64


def sign_document(domain: bytes, body: Mapping[str, Any], key: Ed25519PrivateKey) -> str:
    return b64encode(key.sign(domain + canonical_json(dict(body))))


def verify_document(
    domain: bytes, body: Mapping[str, Any], signature: object, key: Ed25519PublicKey, *, what: str
) -> None:
    if not isinstance(signature, str):
        raise MalformedError(f"{what} signature must be a base64url string")
    raw = b64decode(signature, what=f"{what} signature", length=SIGNATURE_LENGTH)
    try:
        key.verify(raw, domain + canonical_json(dict(body)))
    except InvalidSignature as exc:
        raise SignatureError(f"{what} signature does not verify") from exc


def lookup_key(
    keys: Mapping[str, Ed25519PublicKey], wanted: object, *, what: str
) -> Ed25519PublicKey:
    if not isinstance(wanted, str) or wanted not in keys:
        raise UnknownKeyError(f"{what} is signed by key {wanted!r}, which is not trusted here")
    return keys[wanted]
