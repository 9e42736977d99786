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
offline) stop the run with a message saying what to do. ``wrong_recipient`` (the inbox takes
only batches sealed to a newer register key) is one of those: the records stay queued, and
the message tells the user to install the register's new key file.

After a register key rotation, ``reseal_stale_batches`` runs before packing: for each
pending batch sealed to an older key it asks the inbox (``GET /v1/batches/{id}``) whether it
already holds it (an upload whose receipt was lost). Held: the receipt is verified and the
batch is delivered as it is. Not held: its records are re-packed into a new batch under the
new key (``outbox.reseal``), so every record reaches the register exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from sjelden_protocol import key_id, verify_receipt
from sjelden_protocol.errors import ProtocolError

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.storage import settings
from desktop.storage.connection import Connection
from desktop.storage.store import Store
from desktop.sync import outbox
from desktop.sync.identity import Identity

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


@dataclass(frozen=True)
class StaleResult:
    """Pending batches sealed to a retired register key: found held by the inbox (and now
    delivered), or re-packed under the new key."""

    held: int = 0
    resealed: int = 0


def _shrink_batches(store: Store) -> None:
    def shrink(conn: Connection) -> None:
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
    _accept_receipt(store, ident, batch.batch_id, envelope, answer.json())
    return True


def _accept_receipt(
    store: Store, ident: Identity, batch_id: str, envelope: bytes, document: object
) -> None:
    """Mark the batch delivered once ``document`` is a valid receipt for exactly ``envelope``
    from this installation; otherwise ``receipt_invalid`` and the batch stays pending."""
    try:
        if not isinstance(document, dict):
            raise ProtocolError("the receipt is not a JSON object", code="malformed")
        receipt = verify_receipt(document, ident.server_keys, envelope=envelope)
        if receipt.batch_id != batch_id or receipt.sender_key_id != ident.key_id:
            raise ProtocolError("receipt names another batch or sender", code="receipt_mismatch")
    except ProtocolError as exc:
        log.warning("receipt for batch %s refused: %s", batch_id, exc.code)
        store.call(lambda c: outbox.note_attempt(c, batch_id, "receipt_invalid"), "note")
        raise SyncError("receipt_invalid", exc.code) from exc
    store.call(lambda c: outbox.mark_delivered(c, batch_id, document), "batch delivered")


def reseal_stale_batches(store: Store, ident: Identity, transport: Transport) -> StaleResult:
    """Settle pending batches sealed to an older register key than the newest pinned one.

    Each is either already held by the inbox (delivered with the inbox's receipt for those
    exact bytes) or re-packed into a new batch under the new key; never both, so no record is
    stored twice. Errors other than "not held" (offline, not approved, ...) stop the run like
    an upload's; the batch stays as it was and the next run asks again.
    """
    current = key_id(ident.register_key)
    stale = store.call(lambda c: outbox.stale_batches(c, current), "stale batches")
    held = resealed = 0
    for batch in stale:
        transport.check_cancelled()
        envelope = store.call(lambda c, b=batch: outbox.envelope_of(c, b.batch_id), "read batch")  # type: ignore[misc]
        if envelope is None:
            continue
        try:
            answer = transport.request(
                "GET", f"/v1/batches/{batch.batch_id}", signer=ident.signing_key, ok=(200,)
            )
        except SyncError as exc:
            if exc.code != "unknown_batch":
                raise
        else:
            document = answer.json()
            receipt = document.get("receipt") if isinstance(document, dict) else None
            _accept_receipt(store, ident, batch.batch_id, envelope, receipt)
            held += 1
            continue
        try:
            new_id = outbox.reseal(store, ident, batch)
        except ProtocolError as exc:
            # Cannot happen for records that were sealed before; if it does, the records go
            # back to be packed one by one (where a record the envelope refuses is set aside).
            log.warning("batch %s could not be re-packed: %s", batch.batch_id, exc.code)
            store.call(lambda c, b=batch: outbox.dissolve(c, b.batch_id), "dissolve batch")  # type: ignore[misc]
            continue
        if new_id is not None:
            log.info("batch %s re-packed as %s under the new register key", batch.batch_id, new_id)
            resealed += 1
    return StaleResult(held=held, resealed=resealed)


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
