"""Signed feedback: the register's decisions back to each installation, online or as files.

Sending is resumable and idempotent because the documents are made before anything is sent:
``prepare`` groups decided items per installation and batch, signs one document per group
(at most 5,000 decisions each) with the staff key, and stores it with its feedback id in the
same transaction that marks the items as covered. ``send`` then posts whatever is not yet
acknowledged by the inbox; posting the same document again is answered ``200`` by the inbox,
and the client applies a feedback id only once. ``export`` writes the same documents as JSON
files (one per installation) that ``sjelden import-receipt FILE`` reads.

Documents are feedback version 2 (docs/protocol.md): record ids (random uuids), revisions,
decisions and reason codes in clear; a reason text only sealed to the installation that sent
the record (its pinned key), so neither the inbox nor a feedback file holds it readable. An
item rejected with reason ``reservert`` (the person reserved themselves, at import or by
``reservations.reserve``) becomes a ``purge`` decision: the clinic deletes the record. An
item marked ``reservert_revisjon`` (an earlier revision held the reserved person, a later one
corrected the national id) becomes ``purge_revision``: the clinic deletes that revision and
keeps the record; such a document is version 3 (docs/protocol.md).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import RecordDecision, canonical_json, sign_feedback
from sjelden_protocol.files import atomic_private_file
from sjelden_protocol.limits import MAX_FEEDBACK_DECISIONS
from sjelden_protocol.timefmt import now_utc

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.staff import register as reg
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.model import RESERVED_REASON, RESERVED_REVISION_REASON
from desktop.staff.trust import PinnedInstallation


@dataclass(frozen=True)
class SendReport:
    sent: int
    already_sent: int
    failed: list[tuple[str, str]] = field(default_factory=list)  # (feedback id, code)


def _groups(db: Db) -> Iterator[tuple[str, str, list[tuple[str, str, int, str, Any, Any]]]]:
    rows = db.execute(
        "SELECT installation_key_id, batch_id, record_id, revision, state, reason_code, "
        "reason_text FROM review_items WHERE state <> 'pending' AND feedback_id IS NULL "
        "ORDER BY installation_key_id, batch_id, seq"
    ).fetchall()
    current: tuple[str, str] | None = None
    members: list[tuple[str, str, int, str, Any, Any]] = []
    for inst, batch, record_id, revision, state, code, text in rows:
        key = (str(inst), str(batch))
        if current is not None and (key != current or len(members) >= MAX_FEEDBACK_DECISIONS):
            yield current[0], current[1], members
            members = []
        current = key
        members.append((str(batch), str(record_id), int(revision), str(state), code, text))
    if current is not None and members:
        yield current[0], current[1], members


def _decision(record_id: str, revision: int, state: str, code: Any, text: Any) -> RecordDecision:
    if code == RESERVED_REASON:
        return RecordDecision(record_id, revision, "purge", RESERVED_REASON)
    if code == RESERVED_REVISION_REASON:
        return RecordDecision(record_id, revision, "purge_revision", RESERVED_REASON)
    return RecordDecision(record_id, revision, state, code, text)  # type: ignore[arg-type]


def prepare(
    register: reg.Register,
    signing_key: Ed25519PrivateKey,
    installations: Mapping[str, PinnedInstallation],
) -> int:
    """Sign a document for every group of undelivered decisions; returns how many.

    ``installations`` are the pinned installation keys (``StaffSession.pinned_installations``):
    reasons are sealed to them. One not pinned stops before anything is signed
    (``installation_not_pinned``)."""

    def run(db: Db) -> int:
        made = 0
        with db.transaction("prepare feedback"):
            groups = list(_groups(db))
            for installation, _, _ in groups:
                if installation not in installations:
                    raise StaffError("installation_not_pinned", installation)
            for installation, batch_id, members in groups:
                feedback_id = str(uuid.uuid4())
                decisions = [
                    _decision(record_id, revision, str(state), code, text)
                    for _, record_id, revision, state, code, text in members
                ]
                document = sign_feedback(
                    feedback_id=feedback_id,
                    installation_key_id=installation,
                    batch_id=batch_id,
                    decisions=decisions,
                    issued_at=now_utc(),
                    key=signing_key,
                    installation=installations[installation].public_key,
                )
                text = canonical_json(document.to_json()).decode("utf-8")
                db.execute(
                    "INSERT INTO feedback_documents (feedback_id, installation_key_id, batch_id, "
                    "document, decisions, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (feedback_id, installation, batch_id, text, len(decisions), reg.now()),
                )
                # Signed for the clinic, the decision is final: the payload and keyed hash the
                # item kept for an undo (desktop.staff.decisions) are purged now.
                db.executemany(
                    "UPDATE review_items SET feedback_id = ?, payload = NULL, person_key = NULL "
                    "WHERE batch_id = ? AND record_id = ?",
                    [(feedback_id, b, r) for b, r, *_ in members],
                )
                reg.log(db, register.actor, f"feedback_prepared:{feedback_id}")
                made += 1
        return made

    return register.call(run, "prepare feedback")


def _unsent(db: Db, column: str) -> list[tuple[str, str, str]]:
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in db.execute(
            f"SELECT feedback_id, installation_key_id, document FROM feedback_documents "  # noqa: S608
            f"WHERE {column} IS NULL ORDER BY created_at, feedback_id"
        ).fetchall()
    ]


def _mark(register: reg.Register, column: str, ids: list[str]) -> None:
    stamp = reg.now()

    def run(db: Db) -> None:
        with db.transaction("feedback delivered"):
            db.executemany(
                f"UPDATE feedback_documents SET {column} = ? WHERE feedback_id = ?",  # noqa: S608
                [(stamp, i) for i in ids],
            )

    register.call(run, "mark feedback")


def send(
    register: reg.Register, transport: Transport, signing_key: Ed25519PrivateKey
) -> SendReport:
    """Post every document the inbox has not taken yet; resumable after any failure."""
    pending = register.call(lambda db: _unsent(db, "sent_at"), "unsent feedback")
    sent = already = 0
    failed: list[tuple[str, str]] = []
    for feedback_id, _, document in pending:
        try:
            answer = transport.request(
                "POST",
                "/v1/staff/feedback",
                body=document.encode("utf-8"),
                signer=signing_key,
                content_type="application/json",
                ok=(200, 201),
            )
        except SyncError as exc:
            if exc.retryable or exc.code in ("tls_untrusted", "cancelled", "offline"):
                raise  # the network, not this document: stop; the next run resumes
            failed.append((feedback_id, exc.code))
            continue
        _mark(register, "sent_at", [feedback_id])
        if answer.status == 201:
            sent += 1
        else:
            already += 1
    return SendReport(sent, already, failed)


def export(register: reg.Register, out_dir: Path) -> list[Path]:
    """One JSON file of documents per installation, for ``sjelden import-receipt FILE``."""
    pending = register.call(lambda db: _unsent(db, "exported_at"), "unexported feedback")
    by_installation: dict[str, list[tuple[str, str]]] = {}
    for feedback_id, installation, document in pending:
        by_installation.setdefault(installation, []).append((feedback_id, document))
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = reg.now().replace(":", "").replace("-", "")
    written: list[Path] = []
    for installation, documents in sorted(by_installation.items()):
        body = json.dumps([json.loads(d) for _, d in documents], separators=(",", ":"))
        # The first document's id keeps two exports in one second from sharing a name.
        first = documents[0][0][:8]
        path = out_dir / f"sjelden-feedback-{installation}-{stamp}-{first}.json"
        with atomic_private_file(path) as handle:
            handle.write(body.encode("utf-8"))
        _mark(register, "exported_at", [i for i, _ in documents])
        written.append(path)
    return written
