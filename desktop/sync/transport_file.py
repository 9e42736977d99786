"""File transport for places without a connection (USB stick, secure e-mail).

Export writes each pending batch's envelope exactly as stored (the same signed, encrypted
bytes an upload would send, under the same id), so whichever way a batch travels, the inbox
stores it once and issues the same receipt. Nothing else is written: no plaintext, no index.

Import takes back what the register sends: a signed receipt (the batch becomes delivered,
after the same checks as an upload's receipt) or a signed feedback document (decisions are
applied after the same checks as downloaded feedback). A JSON array of such documents, or an
inbox feedback page (``{"items": [...]}``), is accepted too.

Both directions meet the file system the user chose (a USB stick that is full, write-protected
or pulled out, a file that is a folder or not UTF-8): each such fault is a ``SyncError`` with
its own code here, so the CLI and the window say the same thing, and an export that fails
leaves no partial file and every batch still pending.
"""

from __future__ import annotations

import errno
import json
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from sjelden_protocol import verify_receipt
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.files import atomic_private_file

from desktop.net.errors import SyncError
from desktop.storage import records
from desktop.storage.connection import Connection
from desktop.storage.errors import ReadOnly
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store
from desktop.sync import feedback, identity, outbox

SUFFIX = ".sjbt"
MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    """The files written, and the completed records that could not be sealed first because
    the profile is read-only (``store.read_only``): what was sealed before still travels."""

    files: list[Path]
    not_sealed: int = 0


@dataclass(frozen=True)
class ImportResult:
    receipts: int
    feedback_documents: int
    accepted: int
    rejected: int
    purged: int = 0  # records deleted by purge notices (a reservation at the register)
    purged_revisions: int = 0  # earlier revisions deleted by revision purges, records kept


def _ident(store: Store) -> identity.Identity:
    ident = store.call(identity.load, "load identity")
    if ident is None:
        raise SyncError("not_enrolled")
    return ident


def export_batches(
    store: Store, out_dir: Path, *, validator: outbox.Validator | None = outbox.full_validation
) -> ExportResult:
    """Pack what is completed, then write every pending batch as ``<batch id>.sjbt``.

    On a read-only profile nothing can be sealed, but the batches sealed before are
    complete envelopes: they are written all the same, and the records left unsealed are
    counted so the user is told (a write-protected disk must not stop the data leaving).
    """
    ident = _ident(store)
    not_sealed = 0
    try:
        outbox.pack(store, ident, validator=validator)
    except ReadOnly:
        not_sealed = store.call(partial(records.count, status=RecordStatus.COMPLETED), "count")
    written: list[Path] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for batch in store.call(outbox.pending_batches, "pending batches"):
            envelope = store.call(partial(_envelope, batch_id=batch.batch_id), "read batch")
            if envelope is None:
                continue
            path = out_dir / f"sjelden-{batch.batch_id}{SUFFIX}"
            with atomic_private_file(path) as handle:
                handle.write(envelope)
            written.append(path)
    except OSError as exc:
        raise _destination_error(exc, len(written)) from exc
    return ExportResult(written, not_sealed)


def _envelope(conn: Connection, *, batch_id: str) -> bytes | None:
    return outbox.envelope_of(conn, batch_id)


def _destination_error(exc: OSError, written: int) -> SyncError:
    """The user's export folder failed; the batches stay pending, whole files stay written."""
    detail = f"{written} file(s) written before: {exc.strerror or type(exc).__name__}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return SyncError("export_disk_full", detail)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOTDIR, errno.EEXIST):
        return SyncError("export_not_writable", detail)
    return SyncError("export_failed", detail)


def _documents(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if isinstance(value, dict) and isinstance(value.get("items"), list):
        return [item.get("document") if isinstance(item, dict) else item for item in value["items"]]
    if isinstance(value, dict) and isinstance(value.get("receipt"), dict) and "batch_id" in value:
        return [value["receipt"]]  # a batch status answer: {"batch_id", "state", "receipt"}
    return [value]


def import_receipt(store: Store, ident: identity.Identity, document: Any) -> None:
    body = document.get("receipt") if isinstance(document, dict) else None
    batch_id = body.get("batch_id") if isinstance(body, dict) else None
    if not isinstance(batch_id, str):
        raise SyncError("bad_file", "receipt without batch id")
    state = store.call(lambda c: outbox.batch_state(c, batch_id), "batch state")
    if state is None:
        raise SyncError("unknown_batch", batch_id)
    if state is outbox.BatchState.DELIVERED:
        return
    envelope = store.call(lambda c: outbox.envelope_of(c, batch_id), "read batch")
    try:
        receipt = verify_receipt(document, ident.server_keys, envelope=envelope)
        if receipt.sender_key_id != ident.key_id:
            raise ProtocolError("receipt for another sender", code="receipt_mismatch")
    except ProtocolError as exc:
        raise SyncError("receipt_invalid", exc.code) from exc
    store.call(lambda c: outbox.mark_delivered(c, batch_id, document), "batch delivered")


def import_file(store: Store, path: Path) -> ImportResult:
    ident = _ident(store)
    value = _read_document(path)
    receipts = documents = accepted = rejected = purged = revisions = 0
    for document in _documents(value):
        if isinstance(document, dict) and set(document) == {"receipt", "signature"}:
            import_receipt(store, ident, document)
            receipts += 1
        elif isinstance(document, dict) and set(document) == {"feedback", "signature"}:
            result = feedback.import_document(store, ident, document)
            documents += 1
            accepted += result.accepted
            rejected += result.rejected
            purged += result.purged
            revisions += result.purged_revisions
        else:
            raise SyncError("bad_file", "neither a receipt nor feedback")
    return ImportResult(receipts, documents, accepted, rejected, purged, revisions)


def _read_document(path: Path) -> Any:
    """The JSON in ``path``, or the ``SyncError`` that names what is wrong with the file.

    Nesting deeper than the decoder follows and a lone surrogate (``\\ud800``), which no
    signature check can encode, are the file's fault like any other damage (``bad_file``).
    """
    try:
        if path.is_dir():
            raise SyncError("import_is_folder")
        if path.stat().st_size > MAX_IMPORT_BYTES:
            raise SyncError("bad_file", "file too large")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise SyncError("import_not_found") from exc
    except OSError as exc:
        raise SyncError("import_unreadable", exc.strerror or type(exc).__name__) from exc
    try:
        value = json.loads(data)
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except RecursionError as exc:
        raise SyncError("bad_file", "nested too deep") from exc
    except (ValueError, UnicodeError) as exc:
        raise SyncError("bad_file", "not JSON") from exc
    return value
