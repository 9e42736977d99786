"""The register's decisions: fetch, verify, apply.

Feedback documents are signed by registry staff; the inbox only relays them. Each one is
verified against the staff keys the newest key manifest trusts now (a revoked one is not)
and must be addressed to this installation, so neither the server nor anyone on the way
can forge or redirect a decision.
A document that fails verification stops the run (nothing after it is applied, the cursor
does not move) and is reported.

Applying a document is one transaction: the decisions, the document's id (applying the same
document twice changes nothing) and the download cursor. ``accepted`` and ``duplicate``
(the register already holds this registration) make the revision ``accepted``;
``rejected`` makes it ``rejected`` with the reason code and text, which the record list
shows; the clinician corrects it as a new revision, which is sent as usual.

Reason texts of version 2 documents are sealed to this installation (docs/protocol.md) and
opened here, after the signature is checked, with the installation's own key; only the
opened text is stored, in the encrypted store. ``purge`` (the person reserved themselves
against the register) deletes every revision of the record this installation sent: the
current row, its history, its sync state and the sealed bytes of delivered batches that
carried it, then checkpoints the WAL (``secure_delete`` is on), in the same transaction as
the document's id. The count is reported by the sync run and by a file import; the audit
log keeps that the record id was purged, never what it held. A purge of a record this
installation never sent is ignored.

``purge_revision`` (version 3) is the rarer case of a record whose national id a later
revision corrected: the reserved person is in an earlier revision only. That revision goes,
and with it every other earlier revision of the record holding the same national id (a
revision saved here but never sent is one the register could not name); the current
revision, another person's, stays. Should the current revision hold that national id after
all, the whole record goes, as for ``purge``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sjelden_protocol import Feedback, open_reasons, parse_feedback, verify_feedback
from sjelden_protocol.errors import ProtocolError

from desktop.forms import payload as form_payload
from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.storage import audit, settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.records import RecordStatus, now_iso
from desktop.storage.store import Store
from desktop.sync import outbox, retention
from desktop.sync.identity import Identity

CURSOR = "sync.feedback_after"
PAGE = 100
_FROM = [RecordStatus.QUEUED, RecordStatus.SENT, RecordStatus.ACCEPTED, RecordStatus.REJECTED]


@dataclass(frozen=True)
class FeedbackResult:
    documents: int
    accepted: int
    rejected: int
    purged: int = 0  # records deleted because the person reserved themselves
    purged_revisions: int = 0  # earlier revisions deleted, their records kept


@dataclass(frozen=True)
class Applied:
    accepted: int = 0
    rejected: int = 0
    purged: int = 0
    purged_revisions: int = 0


def verify(document: Any, ident: Identity) -> Feedback:
    """Check the staff signature and the address, then open sealed reasons with our key.

    The signature must be by a staff key the newest key manifest trusts now; a document
    signed by a key that manifest revoked is refused with its own code
    (``feedback_signer_revoked``): the register must decide and sign those records again."""
    try:
        feedback = verify_feedback(document, ident.staff_keys)
    except ProtocolError as exc:
        signer = _signer(document)
        if signer is not None and signer in ident.revoked_staff_keys:
            raise SyncError("feedback_signer_revoked", signer) from exc
        raise SyncError("feedback_invalid", exc.code) from exc
    if feedback.installation_key_id != ident.key_id:
        raise SyncError("feedback_invalid", "addressed to another installation")
    try:
        return open_reasons(feedback, ident.signing_key)
    except ProtocolError as exc:
        raise SyncError("feedback_invalid", exc.code) from exc


def _signer(document: Any) -> str | None:
    try:
        return parse_feedback(document).staff_key_id
    except ProtocolError:
        return None


def purge_record(conn: Connection, record_id: str) -> bool:
    """Delete everything this store holds of ``record_id`` (inside the caller's transaction);
    ``False`` when it was never sent from here."""
    batches = [
        str(r[0])
        for r in conn.execute(
            "SELECT DISTINCT batch_id FROM outbox_items "
            "WHERE record_id = ? AND batch_id IS NOT NULL",
            (record_id,),
        )
    ]
    if not conn.execute("SELECT 1 FROM outbox_items WHERE record_id = ?", (record_id,)).fetchone():
        return False
    conn.execute("DELETE FROM records WHERE record_id = ?", (record_id,))
    conn.execute("DELETE FROM record_history WHERE record_id = ?", (record_id,))
    conn.execute("DELETE FROM outbox_items WHERE record_id = ?", (record_id,))
    _drop_batch_bytes(conn, batches)
    audit.append(conn, actor=outbox.ACTOR, action="purge_reserved", record_id=record_id)
    return True


def _drop_batch_bytes(conn: Connection, batches: list[str]) -> None:
    # A delivered batch's bytes are needed no more (its receipt proves delivery); a pending
    # one still carries other records to the register and goes as it is.
    conn.executemany(
        "UPDATE outbox_batches SET envelope = NULL WHERE batch_id = ? AND state <> ?",
        [(batch_id, outbox.BatchState.PENDING.value) for batch_id in batches],
    )


def purge_revision(conn: Connection, record_id: str, revision: int) -> int:
    """Delete ``revision`` of ``record_id`` and the record's other earlier revisions of the
    same person (inside the caller's transaction); returns how many revisions went, or
    ``-1`` when the whole record went because its current revision is that person's."""
    if not conn.execute("SELECT 1 FROM outbox_items WHERE record_id = ?", (record_id,)).fetchone():
        return 0  # never sent from here
    current = conn.execute(
        "SELECT revision, payload FROM records WHERE record_id = ?", (record_id,)
    ).fetchone()
    history = [
        (int(r[0]), json.loads(r[1]))
        for r in conn.execute(
            "SELECT revision, payload FROM record_history WHERE record_id = ? ORDER BY revision",
            (record_id,),
        )
    ]
    named = next((body for rev, body in history if rev == revision), None)
    if named is None and current is not None and int(current[0]) == revision:
        named = json.loads(current[1])
    if named is None:
        return 0  # purged already
    person = form_payload.national_id(named)
    if current is not None and (
        int(current[0]) == revision
        or (person is not None and form_payload.national_id(json.loads(current[1])) == person)
    ):
        return -1 if purge_record(conn, record_id) else 0
    gone = [
        rev
        for rev, body in history
        if rev == revision or (person is not None and form_payload.national_id(body) == person)
    ]
    batches = [
        str(r[0])
        for rev in gone
        for r in conn.execute(
            "SELECT batch_id FROM outbox_items WHERE record_id = ? AND revision = ? "
            "AND batch_id IS NOT NULL",
            (record_id, rev),
        )
    ]
    for rev in gone:
        conn.execute(
            "DELETE FROM record_history WHERE record_id = ? AND revision = ?", (record_id, rev)
        )
        conn.execute(
            "DELETE FROM outbox_items WHERE record_id = ? AND revision = ?", (record_id, rev)
        )
        audit.append(
            conn,
            actor=outbox.ACTOR,
            action="purge_reserved_revision",
            record_id=record_id,
            revision=rev,
        )
    _drop_batch_bytes(conn, sorted(set(batches)))
    return len(gone)


def apply(conn: Connection, feedback: Feedback, *, cursor: int | None = None) -> Applied:
    """Apply one verified document; returns what was newly applied."""
    accepted = rejected = purged = revisions = 0
    with transaction(conn, "apply feedback"):
        seen = conn.execute(
            "SELECT 1 FROM sync_feedback WHERE feedback_id = ?", (feedback.feedback_id,)
        ).fetchone()
        if seen is None:
            for decision in feedback.decisions:
                if decision.decision == "purge":
                    purged += purge_record(conn, decision.record_id)
                    continue
                if decision.decision == "purge_revision":
                    gone = purge_revision(conn, decision.record_id, decision.revision)
                    if gone < 0:
                        purged += 1
                    else:
                        revisions += gone
                    continue
                ok = decision.decision in ("accepted", "duplicate")
                known = conn.execute(
                    "SELECT batch_id FROM outbox_items WHERE record_id = ? AND revision = ?",
                    (decision.record_id, decision.revision),
                ).fetchone()
                if known is None:
                    continue  # not a revision this installation sent (ignored, not trusted)
                if not outbox.set_state(
                    conn,
                    decision.record_id,
                    decision.revision,
                    outbox.ItemState.ACCEPTED if ok else outbox.ItemState.REJECTED,
                    _FROM,
                    batch_id=known[0],
                    reason_code=decision.reason_code
                    or ("duplicate" if decision.decision == "duplicate" else None),
                    reason_text=decision.reason_text,
                    decided=True,
                ):
                    continue
                if ok:
                    accepted += 1
                else:
                    rejected += 1
            conn.execute(
                "INSERT INTO sync_feedback (feedback_id, staff_key_id, applied_at) "
                "VALUES (?, ?, ?)",
                (feedback.feedback_id, feedback.staff_key_id, now_iso()),
            )
        if purged or revisions:
            retention.mark_backups_stale(conn)
        if cursor is not None:
            settings.write(conn, CURSOR, cursor)
    if purged or revisions:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Applied(accepted, rejected, purged, revisions)


def _cursor(conn: Connection) -> int:
    return int(settings.get(conn, CURSOR, 0))


def fetch_and_apply(
    store: Store,
    ident: Identity,
    transport: Transport,
    progress: Callable[[int], None] | None = None,
) -> FeedbackResult:
    after = store.call(_cursor, "feedback cursor")
    documents = accepted = rejected = purged = revisions = 0
    while True:
        transport.check_cancelled()
        target = f"/v1/feedback?after={after}&limit={PAGE}"
        page = transport.request("GET", target, signer=ident.signing_key, ok=(200,)).json()
        items = page.get("items") if isinstance(page, dict) else None
        if not isinstance(items, list):
            raise SyncError("server_busy", "feedback page malformed", retryable=True)
        for entry in items:
            seq = entry.get("seq") if isinstance(entry, dict) else None
            if not isinstance(seq, int) or seq <= after:
                raise SyncError("feedback_invalid", "feedback sequence out of order")
            feedback = verify(entry.get("document"), ident)
            done = store.call(lambda c, f=feedback, s=seq: apply(c, f, cursor=s), "feedback")  # type: ignore[misc]
            after = seq
            documents += 1
            accepted += done.accepted
            rejected += done.rejected
            purged += done.purged
            revisions += done.purged_revisions
            if progress is not None:
                progress(documents)
        if len(items) < PAGE:
            return FeedbackResult(documents, accepted, rejected, purged, revisions)


def import_document(store: Store, ident: Identity, document: Any) -> FeedbackResult:
    """A feedback document from a file (no server involved): verify, then apply."""
    feedback = verify(document, ident)
    done = store.call(lambda c: apply(c, feedback), "feedback")
    return FeedbackResult(1, done.accepted, done.rejected, done.purged, done.purged_revisions)
