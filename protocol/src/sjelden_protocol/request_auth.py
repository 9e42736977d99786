"""Signed HTTP requests for installations and staff.

A request is authenticated by the key that will later be trusted for its content, instead
of by bearer tokens a DMZ server would have to store. The timestamp bounds how long a
captured request stays valid; the receiver remembers nonces for that window, so each signed
request is accepted once.

Version 2 also signs the **audience**: the origin (``scheme://host[:port]``) of the server
the client means to talk to, as the client was configured with it (``origin``). A server
takes only requests made for one of its own origins, so a request captured at one inbox
cannot be replayed, within the window, to a second inbox that enrolled the same key.
Version 1 (no audience; domain ``sjelden/request/v1``) is only read where no origin is
configured (an embedded test app); the inbox's ``serve`` always configures one.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from .errors import MalformedError, SignatureError, StaleTimestampError, WrongAudienceError
from .keys import b64decode, b64encode, check_key_id, key_id
from .signing import SIGNATURE_LENGTH

REQUEST_DOMAIN = b"sjelden/request/v1\x00"
REQUEST_DOMAIN_V2 = b"sjelden/request/v2\x00"
HEADER_AUDIENCE = "X-Sjelden-Audience"
HEADER_KEY_ID = "X-Sjelden-Key-Id"
HEADER_TIMESTAMP = "X-Sjelden-Timestamp"
HEADER_NONCE = "X-Sjelden-Nonce"
HEADER_SIGNATURE = "X-Sjelden-Signature"
REPLAY_WINDOW_SECONDS = 300
_NONCE = re.compile(r"\A[A-Za-z0-9_-]{16,64}\Z")
_TIMESTAMP = re.compile(r"\A[0-9]{1,12}\Z")
_AUDIENCE = re.compile(r"\Ahttps?://[a-z0-9.\-\[\]:]{1,253}\Z")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``, lower case, the default port left out: what a
    signed request names as its audience (a path, query or trailing slash plays no part)."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if scheme not in _DEFAULT_PORTS or not host:
        raise MalformedError(f"not an http(s) server address: {url!r}", code="bad_audience")
    if ":" in host:
        host = f"[{host}]"  # an IPv6 literal
    port = parts.port
    return (
        f"{scheme}://{host}"
        if port in (None, _DEFAULT_PORTS[scheme])
        else (f"{scheme}://{host}:{port}")
    )


@dataclass(frozen=True, slots=True)
class RequestAuth:
    key_id: str
    timestamp: int
    nonce: str
    signature: bytes
    audience: str | None = None  # version 2: the origin the request was made for


def request_message(
    method: str,
    target: str,
    key: str,
    timestamp: int,
    nonce: str,
    body: bytes,
    audience: str | None = None,
) -> bytes:
    """``target`` is the path plus ``?query`` exactly as sent on the request line; with an
    ``audience`` (an ``origin``) the version 2 message, which signs it as its last line."""
    lines = [method.upper(), target, key, str(timestamp), nonce, hashlib.sha256(body).hexdigest()]
    if audience is None:
        return REQUEST_DOMAIN + "\n".join(lines).encode("utf-8")
    return REQUEST_DOMAIN_V2 + "\n".join([*lines, audience]).encode("utf-8")


def sign_request(
    key: Ed25519PrivateKey,
    method: str,
    target: str,
    body: bytes = b"",
    *,
    now: datetime,
    nonce: str | None = None,
    audience: str | None = None,
) -> dict[str, str]:
    """The signature headers; ``audience`` is the server's address (any URL of it: its
    ``origin`` is what is signed and sent)."""
    nonce = nonce or secrets.token_urlsafe(18)
    timestamp = int(now.timestamp())
    kid = key_id(key.public_key())
    named = None if audience is None else origin(audience)
    signature = key.sign(request_message(method, target, kid, timestamp, nonce, body, named))
    headers = {
        HEADER_KEY_ID: kid,
        HEADER_TIMESTAMP: str(timestamp),
        HEADER_NONCE: nonce,
        HEADER_SIGNATURE: b64encode(signature),
    }
    if named is not None:
        headers[HEADER_AUDIENCE] = named
    return headers


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
    audience = headers.get(HEADER_AUDIENCE)
    if audience is not None and not _AUDIENCE.match(audience):
        raise MalformedError(f"{HEADER_AUDIENCE} must be a server origin (scheme://host:port)")
    return RequestAuth(
        key_id=kid, timestamp=int(stamp), nonce=nonce, signature=raw, audience=audience
    )


def check_request(
    auth: RequestAuth,
    public_key: Ed25519PublicKey,
    method: str,
    target: str,
    body: bytes,
    *,
    now: datetime,
    window_seconds: int = REPLAY_WINDOW_SECONDS,
    audiences: frozenset[str] | None = None,
) -> None:
    """Check the audience, freshness and signature; nonce uniqueness is the caller's
    (stateful) job. ``audiences``: this server's origins; a request must name one of them
    (``wrong_audience`` otherwise, also for a version 1 request that names none). ``None``:
    no origin configured, any version is read."""
    if audiences is not None and auth.audience not in audiences:
        named = auth.audience or "no server"
        raise WrongAudienceError(
            f"the request was signed for {named}, not for this server "
            f"({', '.join(sorted(audiences))}); check the server address the client uses, "
            "or the inbox's --public-url"
        )
    skew = abs(now.timestamp() - auth.timestamp)
    if skew > window_seconds:
        raise StaleTimestampError(
            f"request timestamp is {int(skew)} s away from the server clock (limit "
            f"{window_seconds} s); correct the computer's clock and retry"
        )
    message = request_message(
        method, target, auth.key_id, auth.timestamp, auth.nonce, body, auth.audience
    )
    try:
        public_key.verify(auth.signature, message)
    except InvalidSignature as exc:
        raise SignatureError("request signature does not verify") from exc
