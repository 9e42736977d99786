"""Routes an installation calls: batch upload, batch status, its own status, feedback."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from ..auth import any_installation, approved_installation, client_address, context
from ..context import InboxContext
from ..errors import ApiError, error_responses
from ..ingest import ingest
from ..schemas import BatchStatus, FeedbackList, InstallationOut, ReceiptDocument
from ..storage import Installation
from .public import installation_out

router = APIRouter(tags=["installation"])
Ctx = Annotated[InboxContext, Depends(context)]
Approved = Annotated[Installation, Depends(approved_installation)]
Any_ = Annotated[Installation, Depends(any_installation)]

_ENVELOPE_BODY = {
    "requestBody": {
        "required": True,
        "description": "The batch envelope exactly as built (docs/protocol.md)",
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    }
}


@router.put(
    "/v1/batches/{batch_id}",
    status_code=201,
    response_model=ReceiptDocument,
    responses={
        200: {"model": ReceiptDocument, "description": "Already held: the same receipt again"},
        201: {"model": ReceiptDocument, "description": "Stored; the signed receipt"},
        **error_responses(401, 403, 409, 429),
    },
    openapi_extra=_ENVELOPE_BODY,
)
async def upload_batch(batch_id: str, request: Request, ctx: Ctx) -> Response:
    """Upload a signed, encrypted batch. Idempotent: the same bytes again return 200."""
    body = await request.body()
    result = await run_in_threadpool(ingest, ctx, batch_id, body, client_address(request))
    return JSONResponse(result.receipt, status_code=201 if result.created else 200)


@router.get(
    "/v1/batches/{batch_id}",
    responses=error_responses(401, 403, 429),
)
async def batch_status(batch_id: str, installation: Approved, ctx: Ctx) -> BatchStatus:
    """A batch this installation sent, with its receipt; 404 for anyone else's."""
    row = await run_in_threadpool(ctx.store.batch, batch_id, installation.key_id)
    if row is None or row.sender_key_id != installation.key_id:
        raise ApiError(404, "unknown_batch", f"no batch {batch_id} from this installation")
    return BatchStatus(
        batch_id=row.batch_id,
        state="imported" if row.acknowledged_at is not None else "received",
        receipt=ReceiptDocument.model_validate(json.loads(row.receipt)),
    )


@router.get("/v1/installations/me", responses=error_responses(401, 403, 429))
async def me(installation: Any_) -> InstallationOut:
    """Works while pending, so an installation can poll for approval."""
    return installation_out(installation)


@router.get("/v1/feedback", responses=error_responses(401, 403, 429))
async def feedback(
    installation: Approved,
    ctx: Ctx,
    after: Annotated[int, Query(ge=0, le=2**62, description="Last seq already seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> FeedbackList:
    """Staff-signed feedback for this installation; verify each document's signature."""
    rows = await run_in_threadpool(
        ctx.store.feedback_for, installation.key_id, after=after, limit=limit
    )
    items = [{"seq": seq, "document": json.loads(document)} for seq, document in rows]
    return FeedbackList.model_validate(
        {"items": items, "next_after": rows[-1][0] if rows else after}
    )
