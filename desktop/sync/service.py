"""One sync run: settle batches sealed to a retired register key, pack, upload, fetch
feedback, purge what retention allows.

``run_sync`` is what the button, the timer, the connectivity trigger and ``sjelden sync``
all call, on a background thread (never the GUI thread). Every step keeps its progress in
the store, so a run cut off anywhere (cancel, crash, power loss) simply resumes on the next
run: packed batches are re-sent byte-identically, feedback resumes from its cursor.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sjelden_protocol import key_id

from desktop.net.errors import SyncError
from desktop.net.http import RetryPolicy, Transport
from desktop.storage.store import Store
from desktop.sync import feedback, identity, manifest, outbox, retention, status, upload

log = logging.getLogger(__name__)

# (phase, done, total): phase is "pack", "upload" or "feedback".
PhaseProgress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SyncReport:
    packed: outbox.PackResult
    uploaded: upload.UploadResult
    feedback: feedback.FeedbackResult
    purged: int
    stale: upload.StaleResult


def run_sync(
    store: Store,
    *,
    policy: RetryPolicy | None = None,
    cancel: threading.Event | None = None,
    progress: PhaseProgress | None = None,
    validator: outbox.Validator | None = outbox.full_validation,
    max_records: int = outbox.DEFAULT_MAX_RECORDS,
    purge: bool = True,
) -> SyncReport:
    """Raises ``SyncError`` (its code is also kept as the status's last error)."""
    try:
        report = _run(store, policy, cancel, progress, validator, max_records, purge)
    except SyncError as exc:
        code = exc.code
        store.call(lambda c: status.record_outcome(c, code), "sync outcome")
        raise
    store.call(lambda c: status.record_outcome(c, None), "sync outcome")
    return report


def _run(
    store: Store,
    policy: RetryPolicy | None,
    cancel: threading.Event | None,
    progress: PhaseProgress | None,
    validator: outbox.Validator | None,
    max_records: int,
    purge: bool,
) -> SyncReport:
    ident = store.call(identity.load, "load identity")
    if ident is None:
        raise SyncError("not_enrolled")
    with Transport(
        ident.server_url,
        ca_bundle=ident.ca_bundle,
        proxy=ident.proxy,
        policy=policy,
        cancel=cancel,
        tls_pins=ident.tls_pins,
    ) as transport:
        if progress is not None:
            progress("pack", 0, 0)
        ident = _refresh_manifest(store, ident, transport)
        # Before packing: batches sealed to an older register key are delivered as the inbox
        # holds them or re-packed under the newest key (a no-op unless the key changed).
        stale = upload.reseal_stale_batches(store, ident, transport)
        packed = outbox.pack(
            store,
            ident,
            validator=validator,
            max_records=max_records,
            check_cancelled=transport.check_cancelled,
        )
        upload_progress = None if progress is None else (lambda d, t: progress("upload", d, t))
        try:
            uploaded = upload.upload_pending(store, ident, transport, upload_progress)
        except SyncError as exc:
            if exc.code != "wrong_recipient":
                raise
            # "wrong_recipient" means: fetch the manifest. Only a root-signed manifest can
            # name another key; if the newest one names none, nothing is re-sealed and the
            # records stay queued (a compromised inbox asks for its own key this way).
            before = key_id(ident.register_key)
            ident = _refresh_manifest(store, ident, transport)
            if key_id(ident.register_key) == before:
                raise
            stale = upload.reseal_stale_batches(store, ident, transport)
            uploaded = upload.upload_pending(store, ident, transport, upload_progress)
        got = feedback.fetch_and_apply(
            store,
            ident,
            transport,
            None if progress is None else (lambda d: progress("feedback", d, 0)),
        )
    purged = store.call(retention.purge_due, "retention") if purge else 0
    log.info(
        "sync: %d batches packed, %d re-packed for a new register key, %d delivered, "
        "%d set aside, %d feedback documents",
        packed.batches,
        stale.resealed,
        uploaded.delivered_batches,
        uploaded.set_aside,
        got.documents,
    )
    if uploaded.held_back:
        # Reported once everything else this run could do is done.
        raise SyncError("record_too_large", f"{uploaded.held_back} batches of one registration")
    return SyncReport(packed, uploaded, got, purged, stale)


def _refresh_manifest(
    store: Store, ident: identity.Identity, transport: Transport
) -> identity.Identity:
    """Take the inbox's newest key manifest (when this profile pins a root) and reload the
    keys it names; a manifest that is not the root's, or older than the one held, stops the
    run with its message and changes nothing. Offline or busy, the run goes on with the
    manifest held (records are still packed; the upload then reports the network)."""
    if store.call(manifest.pinned_root, "root key") is None:
        return ident
    try:
        change = manifest.fetch(store, transport)
    except SyncError as exc:
        if not exc.retryable:
            raise
        return ident
    if change is None or not change.changed:
        return ident
    reloaded = store.call(identity.load, "load identity")
    if reloaded is None:
        raise SyncError("not_enrolled")
    return reloaded
