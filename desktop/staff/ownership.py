"""Record ownership: a record id belongs to the installation that first sent it.

Record ids are random uuids chosen by the clinic, so nothing but this rule stops one
installation from sending "revision 2" of another clinic's record and, once accepted,
replacing its content. The importer asks ``foreign`` inside its transaction; a batch with
any record id first sent by another installation is refused as a whole
(``record_owned_elsewhere``, a ``BatchRefused`` of its own class carrying the batch's
record ids), and ``refusal_feedback`` signs a feedback document that rejects every record
of that batch with the same reason code, so the sender learns why; it goes out with the
register's other feedback (``sjelden staff send-feedback``). Its id is derived from the
sender and the batch's digest, so importing the same refused batch again (a retry from the
quarantine, the same file twice) makes no second document.

The owner is the installation of the record's earliest queue item (the queue keeps every
revision ever imported, decided or not), else of the register's row.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import RecordDecision, sign_feedback
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.feedback import RECORD_OWNED_ELSEWHERE
from sjelden_protocol.timefmt import now_utc

from desktop.staff import register as reg
from desktop.staff.dialect import Db
from desktop.staff.errors import BatchRefused

_CHUNK = 500
_FEEDBACK_NAMESPACE = uuid.UUID("6f1b3c2e-2d7a-4c1e-9a35-5f0a8e1d4b72")


class OwnershipRefused(BatchRefused):
    """A batch carrying record ids another installation sent first; nothing is imported."""

    def __init__(
        self,
        *,
        batch_id: str,
        sender: str,
        envelope_sha256: str,
        records: Sequence[tuple[str, int]],
        foreign: Sequence[str],
    ) -> None:
        super().__init__(
            RECORD_OWNED_ELSEWHERE,
            f"{len(foreign)} of {len(records)} record ids belong to another installation",
            batch_id=batch_id,
        )
        self.sender = sender
        self.envelope_sha256 = envelope_sha256
        self.records = list(records)
        self.foreign = list(foreign)


def _chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def owners(db: Db, record_ids: Sequence[str]) -> dict[str, str]:
    """The installation each known record id belongs to."""
    found: dict[str, str] = {}
    ids = sorted(set(record_ids))
    for part in _chunks(ids):
        marks = ", ".join("?" * len(part))
        for record_id, installation in db.execute(
            f"SELECT record_id, installation_key_id FROM review_items "  # noqa: S608
            f"WHERE record_id IN ({marks}) ORDER BY seq DESC",
            list(part),
        ).fetchall():
            found[str(record_id)] = str(installation)  # the earliest queue item wins (last)
        for record_id, installation in db.execute(
            f"SELECT record_id, installation_key_id FROM register_records "  # noqa: S608
            f"WHERE record_id IN ({marks})",
            list(part),
        ).fetchall():
            found.setdefault(str(record_id), str(installation))
    return found


def foreign(db: Db, sender: str, record_ids: Sequence[str]) -> list[str]:
    """The record ids in ``record_ids`` that another installation sent first."""
    held = owners(db, record_ids)
    return [r for r in record_ids if held.get(r, sender) != sender]


def refusal_feedback(
    db: Db, refused: OwnershipRefused, signing_key: Ed25519PrivateKey, actor: str
) -> str | None:
    """Keep a signed document rejecting every record of the refused batch (once); its id,
    or ``None`` when it was kept already."""
    feedback_id = str(
        uuid.uuid5(_FEEDBACK_NAMESPACE, f"{refused.sender}:{refused.envelope_sha256}")
    )
    with db.transaction("ownership feedback"):
        held = db.execute(
            "SELECT 1 FROM feedback_documents WHERE feedback_id = ?", (feedback_id,)
        ).fetchone()
        if held is not None:
            return None
        document = sign_feedback(
            feedback_id=feedback_id,
            installation_key_id=refused.sender,
            batch_id=refused.batch_id,
            decisions=[
                RecordDecision(record_id, revision, "rejected", RECORD_OWNED_ELSEWHERE)
                for record_id, revision in refused.records
            ],
            issued_at=now_utc(),
            key=signing_key,
        )
        db.execute(
            "INSERT INTO feedback_documents (feedback_id, installation_key_id, batch_id, "
            "document, decisions, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                feedback_id,
                refused.sender,
                refused.batch_id,
                canonical_json(document.to_json()).decode("utf-8"),
                len(refused.records),
                reg.now(),
            ),
        )
        reg.log(db, actor, f"feedback_prepared:{feedback_id}")
    return feedback_id
