"""Authentication of signed requests (installations and staff) as FastAPI dependencies.

The order of checks decides the reason code a client sees, so it is fixed: headers, the
address's budget of failed authentications, key known, timestamp fresh and signature valid,
key allowed (a key's state, pending or revoked, is told only to whoever holds the key),
nonce unused, rate limit. Every failed authentication takes a token from the address's
budget; an address that spent it is refused before any signature is checked.
"""

from __future__ import annotations

from typing import Annotated

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import Depends, Header, Request
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.request_auth import (
    HEADER_AUDIENCE,
    HEADER_KEY_ID,
    HEADER_NONCE,
    HEADER_SIGNATURE,
    HEADER_TIMESTAMP,
    RequestAuth,
    check_request,
    parse_request_auth,
)
from starlette.concurrency import run_in_threadpool

from .context import InboxContext
from .errors import ApiError, from_protocol
from .storage import Installation, InstallationStatus, StaffKey

KeyIdHeader = Annotated[
    str | None, Header(alias=HEADER_KEY_ID, description="Key id of the signing key")
]
TimestampHeader = Annotated[
    str | None, Header(alias=HEADER_TIMESTAMP, description="Unix time, whole seconds")
]
NonceHeader = Annotated[
    str | None, Header(alias=HEADER_NONCE, description="16-64 base64url characters")
]
SignatureHeader = Annotated[
    str | None,
    Header(alias=HEADER_SIGNATURE, description="base64url Ed25519 signature"),
]
AudienceHeader = Annotated[
    str | None,
    Header(
        alias=HEADER_AUDIENCE,
        description="The origin of this inbox the request was signed for (version 2)",
    ),
]


def context(request: Request) -> InboxContext:
    ctx: InboxContext = request.app.state.inbox
    return ctx


def _target(request: Request) -> str:
    path = request.scope.get("raw_path") or request.scope["path"].encode()
    query = request.scope.get("query_string", b"")
    raw: bytes = path + (b"?" + query if query else b"")
    return raw.decode("latin-1")


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def _check_signature(
    request: Request, ctx: InboxContext, auth: RequestAuth, public_key: bytes
) -> None:
    body = await request.body()
    try:
        check_request(
            auth,
            Ed25519PublicKey.from_public_bytes(public_key),
            request.method,
            _target(request),
            body,
            now=ctx.settings.clock(),
            window_seconds=ctx.settings.replay_window_seconds,
            audiences=ctx.settings.public_urls or None,
        )
    except ProtocolError as exc:
        ctx.failed_authentication(client_address(request))
        raise from_protocol(exc) from exc


async def _spend_nonce(ctx: InboxContext, auth: RequestAuth) -> None:
    now = ctx.now()
    fresh = await run_in_threadpool(
        ctx.store.remember_nonce,
        auth.key_id,
        auth.nonce,
        now=now,
        expires_at=now + 2 * ctx.settings.replay_window_seconds,
    )
    if not fresh:
        raise ApiError(
            401, "replayed_nonce", "this nonce was already used; sign each request with a new one"
        )
    ctx.rate_limit(auth.key_id)


def signed_headers(
    header_key_id: KeyIdHeader = None,
    header_timestamp: TimestampHeader = None,
    header_nonce: NonceHeader = None,
    header_signature: SignatureHeader = None,
    header_audience: AudienceHeader = None,
) -> RequestAuth:
    """The signature headers, parsed: the first check of every signed route."""
    headers = {
        HEADER_KEY_ID: header_key_id,
        HEADER_TIMESTAMP: header_timestamp,
        HEADER_NONCE: header_nonce,
        HEADER_SIGNATURE: header_signature,
        HEADER_AUDIENCE: header_audience,
    }
    try:
        return parse_request_auth({k: v for k, v in headers.items() if v is not None})
    except ProtocolError as exc:
        status = 401 if exc.code == "missing_signature" else 400
        raise ApiError(status, exc.code, exc.message) from exc


SignedBy = Annotated[RequestAuth, Depends(signed_headers)]


def usable_installation(installation: Installation | None, *, allow_pending: bool) -> Installation:
    """Refuse an unknown or revoked key, and a pending one unless ``allow_pending``."""
    if installation is None:
        raise ApiError(401, "unknown_key", "this installation key is not enrolled; enroll it first")
    if installation.status is InstallationStatus.REVOKED:
        raise ApiError(
            403,
            "installation_revoked",
            "this installation key was revoked; enroll a new key with a new code",
        )
    if installation.status is InstallationStatus.PENDING and not allow_pending:
        raise ApiError(
            403,
            "installation_pending",
            "this installation key is waiting for approval by the register; "
            "compare fingerprints with the register and wait for approval",
        )
    return installation


async def _installation(
    request: Request, auth: RequestAuth, *, allow_pending: bool
) -> Installation:
    ctx = context(request)
    ctx.refuse_if_failing(client_address(request))
    found = await run_in_threadpool(ctx.store.installation, auth.key_id)
    if found is None:
        ctx.failed_authentication(client_address(request))
        usable_installation(found, allow_pending=allow_pending)  # raises unknown_key
        raise AssertionError("unreachable")
    await _check_signature(request, ctx, auth, found.public_key)
    installation = usable_installation(found, allow_pending=allow_pending)
    await _spend_nonce(ctx, auth)
    return installation


async def approved_installation(request: Request, auth: SignedBy) -> Installation:
    return await _installation(request, auth, allow_pending=False)


async def any_installation(request: Request, auth: SignedBy) -> Installation:
    return await _installation(request, auth, allow_pending=True)


async def staff(request: Request, auth: SignedBy) -> StaffKey:
    ctx = context(request)
    ctx.refuse_if_failing(client_address(request))
    staff_key = await run_in_threadpool(ctx.store.staff_key, auth.key_id)
    if staff_key is None:
        ctx.failed_authentication(client_address(request))
        raise ApiError(
            401,
            "unknown_key",
            "this key is not a registered staff key; register it with 'sjelden-inbox staff add'",
        )
    await _check_signature(request, ctx, auth, staff_key.public_key)
    if staff_key.revoked_at is not None:
        raise ApiError(403, "staff_key_revoked", "this staff key was revoked")
    await _spend_nonce(ctx, auth)
    return staff_key
