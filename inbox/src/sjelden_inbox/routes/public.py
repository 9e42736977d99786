"""Unauthenticated routes: health, the server's receipt key, enrollment."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from sjelden_protocol.enrollment import verify_enrollment
from sjelden_protocol.envelope import PROTOCOL_VERSION
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import b64encode, fingerprint, key_id, raw_public
from starlette.concurrency import run_in_threadpool

from sjelden_inbox import __version__

from ..auth import context
from ..codes import canonical_code
from ..context import InboxContext
from ..errors import ApiError, error_responses, from_protocol
from ..schemas import EnrollmentIn, Health, InstallationOut, ServerKey
from ..storage import EnrollmentRefused, Installation

router = APIRouter()
Ctx = Annotated[InboxContext, Depends(context)]


def installation_out(installation: Installation) -> InstallationOut:
    return InstallationOut(
        key_id=installation.key_id,
        fingerprint=fingerprint(installation.public_key),
        public_key=b64encode(installation.public_key),
        label=installation.label,
        status=installation.status.value,
        enrolled_at=installation.enrolled_at,
        approved_at=installation.approved_at,
        revoked_at=installation.revoked_at,
    )


@router.get("/v1/health", tags=["public"], responses=error_responses())
def health() -> Health:
    return Health(status="ok", version=__version__, protocol_version=PROTOCOL_VERSION)


@router.get("/v1/server-key", tags=["public"], responses=error_responses())
def server_key(ctx: Ctx) -> ServerKey:
    """The key that signs receipts. Pin it only after comparing the fingerprint out of band."""
    public = ctx.server_key.public_key()
    return ServerKey(
        key_id=key_id(public),
        public_key=b64encode(raw_public(public)),
        fingerprint=fingerprint(public),
    )


@router.get(
    "/v1/manifest",
    tags=["public"],
    responses={
        200: {"description": "The newest root-signed key manifest (docs/protocol.md)"},
        **error_responses(),
    },
)
async def manifest(ctx: Ctx) -> Response:
    """The register's key manifest as staff uploaded it. Served, never trusted: clients check
    its root signature and sequence themselves."""
    document = await run_in_threadpool(ctx.store.manifest)
    if document is None:
        raise ApiError(404, "not_found", "the register has not published a key manifest yet")
    return Response(document, media_type="application/json")


@router.post(
    "/v1/enrollments",
    status_code=201,
    tags=["installation"],
    responses=error_responses(403, 409, 429),
)
async def enroll(body: EnrollmentIn, request: Request, ctx: Ctx) -> InstallationOut:
    """Present a new installation key with a one-time code; staff then approve it."""
    client = request.client.host if request.client else "unknown"
    ctx.rate_limit(f"enroll:{client}")
    try:
        proof = verify_enrollment(body.code, body.label, body.public_key, body.proof)
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    code = canonical_code(body.code)
    if code is None:
        raise ApiError(
            403, "bad_enrollment_code", "that is not an enrollment code (16 letters and digits)"
        )
    raw = raw_public(proof.public_key)
    kid = key_id(raw)
    try:
        await run_in_threadpool(ctx.store.enroll, code, kid, raw, body.label, now=ctx.now())
    except EnrollmentRefused as exc:
        status = 409 if exc.code == "already_enrolled" else 403
        raise ApiError(status, exc.code, str(exc)) from exc
    installation = await run_in_threadpool(ctx.store.installation, kid)
    assert installation is not None
    return installation_out(installation)
