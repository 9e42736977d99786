"""File transport for places without a connection (USB stick, secure e-mail).

Export writes each pending batch's envelope exactly as stored (the same signed, encrypted
bytes an upload would send, under the same id), so whichever way a batch travels, the inbox
stores it once and issues the same receipt. Nothing else is written: no plaintext, no index.

Import takes back what the register sends: a signed receipt (the batch becomes delivered,
after the same checks as an upload's receipt) or a signed feedback document (decisions are
applied after the same checks as downloaded feedback). A JSON array of such documents, or an
inbox feedback page (``{"items": [...]}``), is accepted too.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sjelden_protocol import verify_receipt
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.files import atomic_private_file

from desktop.net.errors import SyncError
from desktop.storage.store import Store
from desktop.sync import feedback, identity, outbox

SUFFIX = ".sjbt"
MAX_IMPORT_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class ImportResult:
    receipts: int
    feedback_documents: int
    accepted: int
    rejected: int


def _ident(store: Store) -> identity.Identity:
    ident = store.call(identity.load, "load identity")
    if ident is None:
        raise SyncError("not_enrolled")
    return ident


def export_batches(
    store: Store, out_dir: Path, *, validator: outbox.Validator | None = outbox.full_validation
) -> list[Path]:
    """Pack what is completed, then write every pending batch as ``<batch id>.sjbt``."""
    ident = _ident(store)
    outbox.pack(store, ident, validator=validator)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for batch in store.call(outbox.pending_batches, "pending batches"):
        envelope = store.call(lambda c, b=batch.batch_id: outbox.envelope_of(c, b), "read batch")  # type: ignore[misc]
        if envelope is None:
            continue
        path = out_dir / f"sjelden-{batch.batch_id}{SUFFIX}"
        with atomic_private_file(path) as handle:
            handle.write(envelope)
        written.append(path)
    return written


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
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise SyncError("bad_file", "file too large")
    try:
        value = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as exc:
        raise SyncError("bad_file", "not JSON") from exc
    receipts = documents = accepted = rejected = 0
    for document in _documents(value):
        if isinstance(document, dict) and set(document) == {"receipt", "signature"}:
            import_receipt(store, ident, document)
            receipts += 1
        elif isinstance(document, dict) and set(document) == {"feedback", "signature"}:
            result = feedback.import_document(store, ident, document)
            documents += 1
            accepted += result.accepted
            rejected += result.rejected
        else:
            raise SyncError("bad_file", "neither a receipt nor feedback")
    return ImportResult(receipts, documents, accepted, rejected)
