"""Upload pending batches and keep their verified receipts.

Each pending batch is sent as the exact bytes stored when it was packed, under its stable
id (``PUT /v1/batches/{id}``), so every retry and every resumed sync after a crash, a cut
cable or a killed server is idempotent by construction: the server answers ``201`` the
first time and ``200`` with the identical receipt afterwards. A batch counts as delivered
only when the receipt's signature verifies against the pinned server key and its sha256 and
length match the bytes sent.

Refusals that concern one batch (it is malformed, too large, conflicts with another batch
under the same id) set that batch aside and the upload goes on with the next; refusals that
concern the installation or the connection (not approved, revoked, untrusted certificate,
offline) stop the run with a message saying what to do.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from desktop.storage import settings
from desktop.storage.store import Store
from desktop.sync import outbox
from desktop.sync.errors import SyncError
from desktop.sync.http import Transport
from desktop.sync.identity import Identity
from desktop.sync.protocol import verify_receipt
from desktop.sync.protocol.errors import ProtocolError

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# The server refused this batch's bytes for good; other batches may still go through.
BATCH_REFUSALS = frozenset(
    {
        "malformed",
        "truncated",
        "bad_magic",
        "trailing_data",
        "not_canonical",
        "unsupported_version",
        "batch_conflict",
        "batch_id_mismatch",
        "invalid_request",
    }
)


@dataclass(frozen=True)
class UploadResult:
    delivered_batches: int
    delivered_records: int
    set_aside: int


def _shrink_batches(store: Store) -> None:
    def shrink(conn: object) -> None:
        current = int(settings.get(conn, outbox.BATCH_BYTES_SETTING, outbox.DEFAULT_MAX_BYTES))
        settings.put(conn, outbox.BATCH_BYTES_SETTING, max(outbox.MIN_MAX_BYTES, current // 2))

    store.call(shrink, "shrink batches")


def upload_batch(
    store: Store, ident: Identity, transport: Transport, batch: outbox.PendingBatch
) -> bool:
    """Send one batch until a verified receipt; ``False`` if the batch was set aside."""
    envelope = store.call(lambda c: outbox.envelope_of(c, batch.batch_id), "read batch")
    if envelope is None:
        return False
    try:
        answer = transport.request(
            "PUT",
            f"/v1/batches/{batch.batch_id}",
            body=envelope,
            content_type="application/octet-stream",
            ok=(200, 201),
        )
    except SyncError as exc:
        code = exc.code
        store.call(lambda c: outbox.note_attempt(c, batch.batch_id, code), "note attempt")
        if code == "too_large":
            if batch.record_count > 1:
                _shrink_batches(store)
                store.call(lambda c: outbox.dissolve(c, batch.batch_id), "dissolve batch")
            else:
                store.call(
                    lambda c: outbox.quarantine_batch(c, batch.batch_id, "too_large"),
                    "quarantine batch",
                )
            return False
        if code in BATCH_REFUSALS:
            log.warning("batch %s refused by the server: %s", batch.batch_id, code)
            store.call(
                lambda c: outbox.quarantine_batch(c, batch.batch_id, code), "quarantine batch"
            )
            return False
        raise
    document = answer.json()
    try:
        receipt = verify_receipt(document, ident.server_keys, envelope=envelope)
        if receipt.batch_id != batch.batch_id or receipt.sender_key_id != ident.key_id:
            raise ProtocolError("receipt names another batch or sender", code="receipt_mismatch")
    except ProtocolError as exc:
        log.warning("receipt for batch %s refused: %s", batch.batch_id, exc.code)
        store.call(lambda c: outbox.note_attempt(c, batch.batch_id, "receipt_invalid"), "note")
        raise SyncError("receipt_invalid", exc.code) from exc
    store.call(lambda c: outbox.mark_delivered(c, batch.batch_id, document), "batch delivered")
    return True


def upload_pending(
    store: Store,
    ident: Identity,
    transport: Transport,
    progress: Progress | None = None,
) -> UploadResult:
    batches = store.call(outbox.pending_batches, "pending batches")
    total = sum(b.record_count for b in batches)
    done = delivered = delivered_records = set_aside = 0
    if progress is not None:
        progress(0, total)
    for batch in batches:
        transport.check_cancelled()
        if upload_batch(store, ident, transport, batch):
            delivered += 1
            delivered_records += batch.record_count
        else:
            set_aside += 1
        done += batch.record_count
        if progress is not None:
            progress(done, total)
    return UploadResult(delivered, delivered_records, set_aside)
