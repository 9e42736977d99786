"""Signed HTTP requests for installations and staff.

A request is authenticated by the key that will later be trusted for its content, instead
of by bearer tokens a DMZ server would have to store. The timestamp bounds how long a
captured request stays valid; the receiver remembers nonces for that window, so each signed
request is accepted once.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import MalformedError, SignatureError, StaleTimestampError
from .keys import b64decode, b64encode, check_key_id, key_id
from .signing import SIGNATURE_LENGTH

REQUEST_DOMAIN = b"sjelden/request/v1\x00"
HEADER_KEY_ID = "X-Sjelden-Key-Id"
HEADER_TIMESTAMP = "X-Sjelden-Timestamp"
HEADER_NONCE = "X-Sjelden-Nonce"
HEADER_SIGNATURE = "X-Sjelden-Signature"
REPLAY_WINDOW_SECONDS = 300
_NONCE = re.compile(r"\A[A-Za-z0-9_-]{16,64}\Z")
_TIMESTAMP = re.compile(r"\A[0-9]{1,12}\Z")


@dataclass(frozen=True, slots=True)
class RequestAuth:
    key_id: str
    timestamp: int
    nonce: str
    signature: bytes


def request_message(
    method: str, target: str, key: str, timestamp: int, nonce: str, body: bytes
) -> bytes:
    """``target`` is the path plus ``?query`` exactly as sent on the request line."""
    lines = [method.upper(), target, key, str(timestamp), nonce, hashlib.sha256(body).hexdigest()]
    return REQUEST_DOMAIN + "\n".join(lines).encode("utf-8")


def sign_request(
    key: Ed25519PrivateKey,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    now: datetime,
    nonce: str | None = None,
) -> dict[str, str]:
    nonce = nonce or secrets.token_urlsafe(18)
    timestamp = int(now.timestamp())
    kid = key_id(key.public_key())
    signature = key.sign(request_message(method, target, kid, timestamp, nonce, body))
    return {
        HEADER_KEY_ID: kid,
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: b64encode(signature),
    }


def parse_request_auth(headers: Mapping[str, str]) -> RequestAuth:
    """Read the four headers; ``headers`` must be case-insensitive (as HTTP headers are)."""
    values = {
        name: headers.get(name)
        for name in (HEADER_KEY_ID, HEADER_TIMESTAMP, HEADER_NONCE, HEADER_SIGNATURE)
    }
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise MalformedError(
            f"request is not signed: missing header(s) {', '.join(missing)}",
            code="missing_signature",
        )
    kid, stamp, nonce, signature = (str(value) for value in values.values())
    check_key_id(kid, what=HEADER_KEY_ID)
    if not _TIMESTAMP.match(stamp):
        raise MalformedError(f"{HEADER_TIMESTAMP} must be Unix time in whole seconds")
    if not _NONCE.match(nonce):
        raise MalformedError(f"{HEADER_NONCE} must be 16-64 base64url characters")
    raw = b64decode(signature, what=HEADER_SIGNATURE, length=SIGNATURE_LENGTH)
    return RequestAuth(key_id=kid, timestamp=int(stamp), nonce=nonce, signature=raw)


def check_request(
    auth: RequestAuth,
    public_key: Ed25519PublicKey,
    method: str,
    target: str,
    body: bytes,
    *,
    now: datetime,
    window_seconds: int = REPLAY_WINDOW_SECONDS,
) -> None:
    """Check freshness and signature; nonce uniqueness is the caller's (stateful) job."""
    skew = abs(now.timestamp() - auth.timestamp)
    if skew > window_seconds:
        raise StaleTimestampError(
            f"request timestamp is {int(skew)} s away from the server clock (limit "
            f"{window_seconds} s); correct the computer's clock and retry"
        )
    message = request_message(method, target, auth.key_id, auth.timestamp, auth.nonce, body)
    try:
        public_key.verify(auth.signature, message)
    except InvalidSignature as exc:
        raise SignatureError("request signature does not verify") from exc
