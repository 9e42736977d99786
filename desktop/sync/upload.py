"""Upload pending batches and keep their verified receipts.

Each pending batch is sent as the exact bytes stored when it was packed, under its stable
id (``PUT /v1/batches/{id}``), so every retry and every resumed sync after a crash, a cut
cable or a killed server is idempotent by construction: the server answers ``201`` the
first time and ``200`` with the identical receipt afterwards. A batch counts as delivered
only when the receipt's signature verifies against the pinned server key and its sha256 and
length match the bytes sent.

**Ask before giving up on a batch.** Whenever the client would re-pack a batch (too large,
a retired register key) or set it aside (refused as malformed, conflicting ...), it first
asks the inbox whether it already holds it (``settle_if_held``: ``GET /v1/batches/{id}``).
An upload whose answer was lost, followed by a refusal (the limit lowered since, or a 413
forged on the way), would otherwise put the same records in the register twice. Held: the
inbox's receipt is verified against the stored bytes as usual and the batch is delivered as
it is. Not held: the batch is split or set aside as the refusal asks.

**Damage on the way is not a refusal.** A refusal of the bytes themselves (they do not
parse, their signature fails, a length reads as too large) for bytes this installation
sealed and signed, and can check it did, means something on the way changed them: the
same bytes are sent again under the same id (``Transport.request``'s ``resend_on``, within
the retry policy). Only when every attempt is refused so is it reported
(``transport_damaged``: the connection damages data); the batch stays pending, nothing is
set aside.

Refusals that concern the installation or the connection (not approved, revoked, untrusted
certificate, offline, a proxy's error page) stop the run with a message saying what to do.
``wrong_recipient`` (the inbox takes only batches sealed to a newer register key) is one of
those: the records stay queued, and the message tells the user to install the register's
new key file.

After a register key rotation, ``reseal_stale_batches`` runs before packing: each pending
batch sealed to an older key is settled with the inbox the same way; one it does not hold
has its records re-packed into a new batch under the new key (``outbox.reseal``), so every
record reaches the register exactly once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sjelden_protocol import (
    ReceiptMismatchError,
    key_id,
    parse_envelope,
    verify_envelope,
    verify_receipt,
)
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

# Refusals of an upload's bytes that one byte changed on the way also produces. For bytes
# this installation sealed and signed (``_signed_by_us``), they mean the transport damaged
# them. ``unknown_key`` too (a changed sender key id in the header): if the inbox really does
# not know this installation's key, the signed question ``settle_if_held`` asks is refused
# with ``unknown_key`` as well, and that refusal is what the user sees.
DAMAGE_CODES = frozenset(
    {
        "malformed",
        "truncated",
        "bad_magic",
        "trailing_data",
        "not_canonical",
        "unsupported_version",
        "batch_id_mismatch",
        "bad_signature",
        "unknown_key",
    }
)

# The server refused this batch's bytes for good (unless damage explains it); other batches
# may still go through.
BATCH_REFUSALS = DAMAGE_CODES | {"batch_conflict", "invalid_request"}

# An upload refused with these is sent again, the same bytes, within the retry policy: a
# damaged upload passes next time, and so does a 413 that was forged or caused by a flipped
# length field; a real limit answers the same every time.
RESEND_ON = DAMAGE_CODES | {"too_large"}


class Outcome(StrEnum):
    """What became of one pending batch in an upload."""

    DELIVERED = "delivered"  # a verified receipt (for this upload, or the inbox already held it)
    SPLIT = "split"  # too large and not held: its records go back to be packed smaller
    SET_ASIDE = "set_aside"  # refused for good and not held: its records are quarantined
    HELD_BACK = "held_back"  # one registration too large for the inbox: stays queued
    GONE = "gone"  # no longer pending when its turn came (delivered or re-packed meanwhile)


@dataclass(frozen=True)
class UploadResult:
    delivered_batches: int
    delivered_records: int
    set_aside: int  # registrations quarantined because the inbox refused their batch
    held_back: int = 0  # batches of one registration the inbox refuses as too large


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
) -> Outcome:
    """Send one batch until a verified receipt. It is split or set aside only after the
    inbox has said it does not hold it."""
    envelope = store.call(lambda c: outbox.envelope_of(c, batch.batch_id), "read batch")
    if envelope is None:
        return Outcome.GONE
    try:
        answer = transport.request(
            "PUT",
            f"/v1/batches/{batch.batch_id}",
            body=envelope,
            content_type="application/octet-stream",
            ok=(200, 201),
            resend_on=RESEND_ON,
        )
    except SyncError as exc:
        code = exc.code
        store.call(lambda c: outbox.note_attempt(c, batch.batch_id, code), "note attempt")
        if code != "too_large" and code not in BATCH_REFUSALS:
            raise
        if settle_if_held(store, ident, transport, batch.batch_id, envelope):
            log.info("batch %s refused (%s) but held by the inbox: delivered", batch.batch_id, code)
            return Outcome.DELIVERED
        if code in DAMAGE_CODES and _signed_by_us(ident, batch.batch_id, envelope):
            log.warning("batch %s damaged on the way at every attempt: %s", batch.batch_id, code)
            raise SyncError("transport_damaged", code) from exc
        if code == "too_large":
            if batch.record_count == 1:
                # Nothing left to split. Set aside, it would be for good, while the limit may
                # be lowered for a while or the 413 forged on the way: it waits, and the run
                # reports it.
                log.warning("batch %s of one registration refused as too large", batch.batch_id)
                return Outcome.HELD_BACK
            _shrink_batches(store)
            store.call(lambda c: outbox.dissolve(c, batch.batch_id), "dissolve batch")
            return Outcome.SPLIT
        log.warning("batch %s refused by the server: %s", batch.batch_id, code)
        store.call(lambda c: outbox.quarantine_batch(c, batch.batch_id, code), "quarantine batch")
        return Outcome.SET_ASIDE
    _accept_receipt(store, ident, batch.batch_id, envelope, answer.json())
    return Outcome.DELIVERED


def _signed_by_us(ident: Identity, batch_id: str, envelope: bytes) -> bool:
    """Whether ``envelope`` is a well-formed batch ``batch_id`` that this installation's key
    signed: then a refusal of its bytes can only mean they changed on the way."""
    try:
        sealed = parse_envelope(envelope)
        verify_envelope(sealed, ident.signing_key.public_key())
    except ProtocolError:
        return False
    return sealed.header.batch_id == batch_id


def _verified_receipt(
    ident: Identity, batch_id: str, envelope: bytes, document: object
) -> dict[str, Any]:
    """``document`` if it is the pinned server's receipt for exactly ``envelope``, batch
    ``batch_id``, from this installation; ``ProtocolError`` otherwise (``ReceiptMismatchError``
    when it is the server's receipt for other bytes)."""
    if not isinstance(document, dict):
        raise ProtocolError("the receipt is not a JSON object", code="malformed")
    receipt = verify_receipt(document, ident.server_keys, envelope=envelope)
    if receipt.batch_id != batch_id or receipt.sender_key_id != ident.key_id:
        raise ProtocolError("receipt names another batch or sender", code="receipt_mismatch")
    return document


def _refuse_receipt(store: Store, batch_id: str, exc: ProtocolError) -> SyncError:
    log.warning("receipt for batch %s refused: %s", batch_id, exc.code)
    store.call(lambda c: outbox.note_attempt(c, batch_id, "receipt_invalid"), "note")
    return SyncError("receipt_invalid", exc.code)


def _accept_receipt(
    store: Store, ident: Identity, batch_id: str, envelope: bytes, document: object
) -> None:
    """Mark the batch delivered once ``document`` is a valid receipt for exactly ``envelope``
    from this installation; otherwise ``receipt_invalid`` and the batch stays pending."""
    try:
        receipt = _verified_receipt(ident, batch_id, envelope, document)
    except ProtocolError as exc:
        raise _refuse_receipt(store, batch_id, exc) from exc
    store.call(lambda c: outbox.mark_delivered(c, batch_id, receipt), "batch delivered")


def settle_if_held(
    store: Store, ident: Identity, transport: Transport, batch_id: str, envelope: bytes
) -> bool:
    """Ask the inbox whether it holds batch ``batch_id``; if it holds exactly ``envelope``,
    deliver the batch with the inbox's receipt (verified as usual) and return ``True``.

    The one check before a batch is re-packed or set aside, whatever the reason. ``False``:
    the inbox does not hold these bytes (``unknown_batch``, or its receipt is for other bytes
    under this id). A receipt that does not verify is ``receipt_invalid``; any other failure
    (offline, not approved ...) is raised as it came: the batch stays as it was and the next
    run asks again.
    """
    try:
        answer = transport.request(
            "GET", f"/v1/batches/{batch_id}", signer=ident.signing_key, ok=(200,)
        )
    except SyncError as exc:
        if exc.code == "unknown_batch":
            return False
        raise
    document = answer.json()
    try:
        receipt = _verified_receipt(
            ident,
            batch_id,
            envelope,
            document.get("receipt") if isinstance(document, dict) else None,
        )
    except ReceiptMismatchError:
        log.warning("the inbox holds other bytes under batch id %s", batch_id)
        return False
    except ProtocolError as exc:
        raise _refuse_receipt(store, batch_id, exc) from exc
    store.call(lambda c: outbox.mark_delivered(c, batch_id, receipt), "batch delivered")
    return True


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
        if settle_if_held(store, ident, transport, batch.batch_id, envelope):
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
    """Send every pending batch; a batch the inbox refuses does not stop the others.

    Batches of one registration the inbox refuses as too large stay queued; the run then
    ends with ``record_too_large`` (``service.run_sync``), after the other batches and feedback.
    """
    batches = store.call(outbox.pending_batches, "pending batches")
    total = sum(b.record_count for b in batches)
    done = delivered = delivered_records = set_aside = held_back = 0
    if progress is not None:
        progress(0, total)
    for batch in batches:
        transport.check_cancelled()
        outcome = upload_batch(store, ident, transport, batch)
        if outcome is Outcome.DELIVERED:
            delivered += 1
            delivered_records += batch.record_count
        elif outcome is Outcome.SET_ASIDE:
            set_aside += batch.record_count
        elif outcome is Outcome.HELD_BACK:
            held_back += 1
        done += batch.record_count
        if progress is not None:
            progress(done, total)
    return UploadResult(delivered, delivered_records, set_aside, held_back)
