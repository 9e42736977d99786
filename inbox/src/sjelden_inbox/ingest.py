"""Batch upload: check, store whole, receipt. Runs in a worker thread (CPU and disk).

The server verifies the sender's signature and stores the bytes exactly as received; it
holds no decryption key. Re-sending the same bytes returns the stored receipt, so a client
whose connection broke after the upload simply sends again.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sjelden_protocol import issue_receipt, parse_envelope, verify_envelope
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.payload import canonical_uuid

from .auth import usable_installation
from .context import InboxContext
from .errors import ApiError, from_protocol

log = logging.getLogger("inbox.ingest")


@dataclass(frozen=True)
class IngestResult:
    created: bool
    receipt: dict[str, Any]


def ingest(
    ctx: InboxContext, path_batch_id: str, body: bytes, address: str = "unknown"
) -> IngestResult:
    try:
        canonical_uuid(path_batch_id, what="batch id in the URL")
        envelope = parse_envelope(body, max_size=ctx.settings.max_envelope_bytes)
    except ProtocolError as exc:
        raise from_protocol(exc) from exc
    header = envelope.header
    if header.batch_id != path_batch_id:
        raise ApiError(
            422,
            "batch_id_mismatch",
            f"the URL names batch {path_batch_id} but the envelope is batch {header.batch_id}; "
            "upload to /v1/batches/<the envelope's batch_id>",
        )
    accepted = ctx.settings.accepted_recipient_key_ids
    if accepted and header.recipient_key_id not in accepted:
        raise ApiError(
            422,
            "wrong_recipient",
            f"the batch is encrypted to key {header.recipient_key_id}, which the register does "
            "not use; update the register's public key in the client",
        )
    ctx.refuse_if_failing(address)
    found = ctx.store.installation(header.sender_key_id)
    if found is None:
        ctx.failed_authentication(address)
    else:
        # the signature first: whether a key is pending or revoked is told only to its holder
        try:
            verify_envelope(envelope, Ed25519PublicKey.from_public_bytes(found.public_key))
        except ProtocolError as exc:
            ctx.failed_authentication(address)
            raise from_protocol(exc) from exc
    installation = usable_installation(found, allow_pending=False)
    held = ctx.store.batch(header.batch_id, header.sender_key_id)
    if held is None or held.envelope_sha256 != envelope.sha256:
        # a replay of a batch already held (someone re-sending captured bytes) costs its
        # sender no request tokens: it stores nothing and answers the same receipt
        ctx.rate_limit(installation.key_id)
    received_at = ctx.settings.clock().replace(microsecond=0)
    receipt = issue_receipt(envelope, received_at=received_at, key=ctx.server_key).to_json()
    row, created = ctx.store.store_batch(
        batch_id=header.batch_id,
        sender_key_id=header.sender_key_id,
        envelope=envelope.raw,
        envelope_sha256=envelope.sha256,
        record_count=header.record_count,
        received_at=int(received_at.timestamp()),
        receipt=canonical_json(receipt).decode("utf-8"),
    )
    if not created and row.envelope_sha256 != envelope.sha256:
        log.info("batch %s refused: id reused with different bytes", header.batch_id)
        raise ApiError(
            409,
            "batch_conflict",
            f"batch id {header.batch_id} was already received from this installation with "
            "different content; "
            "a changed batch needs a new batch id",
        )
    log.info(
        "batch %s from %s: %s records, %s bytes, %s",
        header.batch_id,
        header.sender_key_id,
        header.record_count,
        len(envelope.raw),
        "stored" if created else "already held",
    )
    stored: dict[str, Any] = json.loads(row.receipt)
    return IngestResult(created=created, receipt=stored)
