"""Registry-staff routes (staff key signatures): pull batches, post feedback, manage devices."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from sjelden_protocol import parse_feedback, verify_feedback
from sjelden_protocol.audit_checkpoint import parse_checkpoint
from sjelden_protocol.canonical import canonical_json, parse_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import ed25519_public_from_raw
from sjelden_protocol.manifest import parse_manifest
from starlette.concurrency import run_in_threadpool

from ..auth import context, staff
from ..codes import issue_code
from ..context import InboxContext
from ..errors import ApiError, error_responses, from_protocol
from ..schemas import (
    BatchInfo,
    BatchList,
    EnrollmentCode,
    FeedbackDocument,
    FeedbackStored,
    InstallationOut,
)
from ..storage import BatchRow, InstallationStatus, StaffKey
from ..storage.store import AmbiguousBatch, BatchExpired
from .public import installation_out

router = APIRouter(prefix="/v1/staff", tags=["staff"])
Ctx = Annotated[InboxContext, Depends(context)]
Staff = Annotated[StaffKey, Depends(staff)]
_AUTH_ERRORS = error_responses(401, 403, 429)


Sender = Annotated[str | None, Query(pattern="^[0-9a-f]{32}$")]
T = TypeVar("T")


async def _scoped(lookup: Callable[[], T], batch_id: str) -> T:
    try:
        return await run_in_threadpool(lookup)
    except AmbiguousBatch:
        raise ApiError(
            409,
            "ambiguous_batch",
            f"several installations sent a batch {batch_id}; name the sender (?sender=KEY_ID)",
        ) from None
    except BatchExpired:
        raise ApiError(
            410,
            "batch_expired",
            f"batch {batch_id} was imported and its bytes deleted after the retention period",
        ) from None


def _info(row: BatchRow) -> BatchInfo:
    return BatchInfo.model_validate(row, from_attributes=True)


@router.get("/batches", responses=_AUTH_ERRORS)
async def list_batches(
    _: Staff,
    ctx: Ctx,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    state: Annotated[Literal["unacknowledged", "all"], Query()] = "unacknowledged",
) -> BatchList:
    """Import loop: list unacknowledged, fetch each, import, acknowledge."""
    rows = await run_in_threadpool(
        ctx.store.batches, after=after, limit=limit, unacknowledged_only=state != "all"
    )
    return BatchList(items=[_info(row) for row in rows], next_after=rows[-1].seq if rows else after)


@router.get(
    "/batches/{batch_id}",
    response_class=Response,
    responses={
        200: {
            "description": "The envelope bytes exactly as received",
            "content": {
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
            },
        },
        **error_responses(401, 403, 409, 410, 429),
    },
)
async def fetch_batch(batch_id: str, _: Staff, ctx: Ctx, sender: Sender = None) -> Response:
    """Batch ids are scoped to their sender: ``sender`` names it (required only when several
    installations used the id, ``409 ambiguous_batch``)."""
    envelope = await _scoped(lambda: ctx.store.envelope(batch_id, sender), batch_id)
    if envelope is None:
        raise ApiError(404, "unknown_batch", f"no batch {batch_id}")
    return Response(envelope, media_type="application/octet-stream")


@router.post("/batches/{batch_id}/ack", responses=error_responses(401, 403, 409, 429))
async def acknowledge_batch(batch_id: str, _: Staff, ctx: Ctx, sender: Sender = None) -> BatchInfo:
    """Mark a batch imported; it leaves the unacknowledged list and its status changes."""
    now = ctx.now()
    row = await _scoped(
        lambda: ctx.store.acknowledge(batch_id, now=now, sender_key_id=sender), batch_id
    )
    if row is None:
        raise ApiError(404, "unknown_batch", f"no batch {batch_id}")
    return _info(row)


@router.post(
    "/feedback",
    status_code=201,
    responses={
        200: {"model": FeedbackStored, "description": "Already held (same document)"},
        **error_responses(401, 403, 409, 429),
    },
)
async def post_feedback(
    body: FeedbackDocument, request: Request, staff_key: Staff, ctx: Ctx
) -> Response:
    """Relay staff-signed decisions to an installation; the server checks the signature."""
    document = body.model_dump()
    try:
        feedback = parse_feedback(document)
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    if any(decision.reason_text is not None for decision in feedback.decisions):
        raise ApiError(
            422,
            "clear_reason_text",
            "feedback reason texts must be sealed to the installation (feedback version 2); "
            "update the staff software",
        )
    if feedback.staff_key_id != staff_key.key_id:
        raise ApiError(
            422,
            "signer_mismatch",
            "feedback must be signed by the same staff key that signs the request",
        )
    try:
        verify_feedback(document, {staff_key.key_id: ed25519_public_from_raw(staff_key.public_key)})
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    if await run_in_threadpool(ctx.store.installation, feedback.installation_key_id) is None:
        raise ApiError(
            422,
            "unknown_installation",
            f"no installation {feedback.installation_key_id}; check the key id",
        )
    text = canonical_json(document).decode("utf-8")
    stored, created = await run_in_threadpool(
        lambda: ctx.store.store_feedback(
            feedback_id=feedback.feedback_id,
            installation_key_id=feedback.installation_key_id,
            staff_key_id=staff_key.key_id,
            document=text,
            now=ctx.now(),
        )
    )
    if stored != text:
        raise ApiError(
            409,
            "feedback_conflict",
            f"feedback {feedback.feedback_id} was already posted with different content",
        )
    result = FeedbackStored(feedback_id=feedback.feedback_id, created=created)
    return JSONResponse(result.model_dump(), status_code=201 if created else 200)


@router.put(
    "/manifest",
    status_code=201,
    responses={
        200: {"description": "Already held (same document)"},
        **error_responses(401, 403, 409, 429),
    },
)
async def put_manifest(request: Request, staff_key: Staff, ctx: Ctx) -> Response:
    """Publish the register's root-signed key manifest. The inbox checks its form and keeps
    the highest sequence; it does not (and need not) check the root signature, which every
    client checks against the root it pinned."""
    try:
        document = parse_json(await request.body(), what="key manifest")
        manifest = parse_manifest(document)
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    text = canonical_json(document).decode("utf-8")
    outcome = await run_in_threadpool(
        lambda: ctx.store.store_manifest(
            sequence=manifest.sequence,
            document=text,
            staff_key_id=staff_key.key_id,
            now=ctx.now(),
        )
    )
    if outcome == "conflict":
        raise ApiError(
            409, "manifest_conflict", f"manifest {manifest.sequence} is held with other content"
        )
    if outcome == "stale":
        raise ApiError(
            409, "manifest_stale", "a manifest with a higher sequence is already published"
        )
    return JSONResponse(
        {"sequence": manifest.sequence, "created": outcome == "created"},
        status_code=201 if outcome == "created" else 200,
    )


@router.put(
    "/audit-checkpoints",
    status_code=201,
    responses={
        200: {"description": "Already held (same document)"},
        **error_responses(400, 401, 403, 409, 429),
    },
)
async def put_audit_checkpoint(request: Request, staff_key: Staff, ctx: Ctx) -> Response:
    """Keep a copy of one of the register's signed audit checkpoints (a witness outside the
    register's database). The first document per sequence number stays: another one under
    the same number is refused (``checkpoint_conflict``), which is itself a sign that the
    register's chain was rewritten. The inbox checks the form only; the register checks the
    member's signature when it compares."""
    try:
        document = parse_json(await request.body(), what="audit checkpoint")
        held = parse_checkpoint(document)
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    text = canonical_json(held.to_json()).decode("utf-8")
    outcome = await run_in_threadpool(
        lambda: ctx.store.store_checkpoint(
            seq=held.seq, document=text, staff_key_id=staff_key.key_id, now=ctx.now()
        )
    )
    if outcome == "conflict":
        raise ApiError(
            409, "checkpoint_conflict", f"checkpoint {held.seq} is held with other content"
        )
    return JSONResponse(
        {"seq": held.seq, "created": outcome == "created"},
        status_code=201 if outcome == "created" else 200,
    )


@router.get("/audit-checkpoints", responses=_AUTH_ERRORS)
async def list_audit_checkpoints(
    _: Staff,
    ctx: Ctx,
    after: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> list[dict[str, object]]:
    """The checkpoint copies held, by sequence number (page with ``after``)."""
    documents = await run_in_threadpool(lambda: ctx.store.checkpoints(after=after, limit=limit))
    return [parse_json(d.encode("utf-8"), what="audit checkpoint") for d in documents]


@router.get("/installations", responses=_AUTH_ERRORS)
async def list_installations(_: Staff, ctx: Ctx) -> list[InstallationOut]:
    return [installation_out(i) for i in await run_in_threadpool(ctx.store.installations)]


async def _set_status(
    ctx: InboxContext, key_id: str, status: InstallationStatus
) -> InstallationOut:
    installation = await run_in_threadpool(
        lambda: ctx.store.set_status(key_id, status, now=ctx.now())
    )
    if installation is None:
        raise ApiError(404, "unknown_installation", f"no installation {key_id}")
    if installation.status is not status:
        raise ApiError(
            409,
            "installation_revoked",
            "a revoked installation cannot be approved again; enroll a new key",
        )
    return installation_out(installation)


@router.post("/installations/{key_id}/approve", responses=error_responses(401, 403, 409, 429))
async def approve(key_id: str, _: Staff, ctx: Ctx) -> InstallationOut:
    """Approve only after comparing the fingerprint with the installation's user."""
    return await _set_status(ctx, key_id, InstallationStatus.APPROVED)


@router.post("/installations/{key_id}/revoke", responses=_AUTH_ERRORS)
async def revoke(key_id: str, _: Staff, ctx: Ctx) -> InstallationOut:
    return await _set_status(ctx, key_id, InstallationStatus.REVOKED)


@router.post("/enrollment-codes", status_code=201, responses=_AUTH_ERRORS)
async def create_enrollment_code(_: Staff, ctx: Ctx) -> EnrollmentCode:
    now = ctx.now()
    expires = now + ctx.settings.enrollment_code_ttl_seconds
    code = await run_in_threadpool(lambda: issue_code(ctx.store, now=now, expires_at=expires))
    return EnrollmentCode(code=code, expires_at=expires)
