"""Reservations: a person's wish not to be in the register, honoured everywhere at once.

Recording a reservation, in one transaction:

* deletes every register revision of that person: current records and their history (and
  any record whose current revision is theirs, with all its history), with their index rows;
* closes the person's pending review items as ``rejected`` with reason ``reservert`` and
  purges their payloads (their decisions still go back to the clinic, so its record does not
  wait forever; the feedback holds only record ids and the reason code);
* sends every clinic that registered the person a purge notice: each review item of the
  person's records (accepted ones included) becomes ``rejected`` with reason ``reservert``
  and waits for ``feedback.prepare`` again, which signs it as a ``purge`` decision, so the
  clinic deletes the record, its history and sync state (``desktop.sync.feedback``);
* where only an *earlier* revision of a record was the person's (a later revision corrected
  the national id to someone else), marks that revision's decided item
  ``reservert_revisjon``, signed as a ``purge_revision`` decision: the clinic deletes that
  revision and keeps the record (docs/protocol.md, feedback version 3);
* keeps only ``HMAC(register secret, national id)`` so later registrations of the person are
  rejected automatically at import with reason ``reservert`` (and purged at the clinic too);
* deletes the quarantined batches that hold a record of the person (opened with the
  register keys: set aside, they are still the person's data readable to the register);
* writes an audit entry naming the reservation id, never the national id.

Afterwards deleted pages are made unrecoverable: SQLCipher has ``secure_delete`` on and the
WAL is checkpointed (truncated); PostgreSQL's tables are vacuumed. Either way the deleted
rows held only ciphertext and keyed hashes.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from desktop.forms.payload import normalise_national_id
from desktop.staff import letter_queue, quarantine
from desktop.staff import register as reg
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.model import RESERVED_REASON, RESERVED_REVISION_REASON, Finding


@dataclass(frozen=True)
class ReservationResult:
    reservation_id: str
    new: bool  # False: the person already had a reservation (deleting again is harmless)
    records_removed: int
    history_removed: int
    queue_items_closed: int
    purge_notices: int = 0  # decisions that go back as "purge" (or "purge_revision")
    quarantined_removed: int = 0  # set-aside batches that held the person, deleted


def _checked(national_id: str) -> str:
    """The number in its normal form (``desktop.forms.payload``, what the import keys a
    person by), when it is a valid national id."""
    from desktop.forms import national_id as nid

    number = normalise_national_id(national_id)
    if number is None or not nid.is_valid(number):
        raise StaffError("bad_national_id")
    return number


@dataclass(frozen=True)
class HeldRecord:
    """A registration a reservation would delete: in the register, or waiting in the queue."""

    record_id: str
    revision: int
    payload: dict[str, Any]
    where: Literal["register", "queue"]


@dataclass(frozen=True)
class ReservationPreview:
    """What ``reserve`` would delete for a national id, for the confirmation staff read
    before deleting: the person's birth date and every registration held of them."""

    birth_date: dt.date
    reserved_already: bool
    records: list[HeldRecord]
    history: int  # earlier revisions that go too


def preview(register: reg.Register, national_id: str) -> ReservationPreview:
    """Read-only: the registrations ``reserve`` would delete now (payloads for display)."""
    from desktop.forms import national_id as nid

    number = _checked(national_id)
    birth_date = nid.parse(number).birth_date
    person_key = register.cipher.person_key(number)
    cipher = register.cipher

    def run(db: Db) -> ReservationPreview:
        reserved = db.execute(
            "SELECT 1 FROM reservations WHERE person_key = ?", (person_key,)
        ).fetchone()
        held = [
            HeldRecord(r.record_id, r.revision, r.payload, "register")
            for r in (
                reg.get_record(db, cipher, str(row[0]))
                for row in db.execute(
                    "SELECT record_id FROM register_records WHERE person_key = ? "
                    "ORDER BY record_id",
                    (person_key,),
                ).fetchall()
            )
            if r is not None
        ]
        owned = [h.record_id for h in held]
        history = int(
            db.execute(
                "SELECT count(*) FROM register_history WHERE person_key = ?", (person_key,)
            ).fetchone()[0]
        )
        for record_id in owned:  # their earlier revisions under another person key
            history += int(
                db.execute(
                    "SELECT count(*) FROM register_history WHERE record_id = ? "
                    "AND (person_key IS NULL OR person_key <> ?)",
                    (record_id, person_key),
                ).fetchone()[0]
            )
        queued = db.execute(
            "SELECT DISTINCT i.batch_id, i.record_id, i.seq FROM review_index x "
            "JOIN review_items i ON i.batch_id = x.batch_id AND i.record_id = x.record_id "
            "WHERE x.person_key = ? AND i.state = 'pending' ORDER BY i.seq",
            (person_key,),
        ).fetchall()
        for batch_id, record_id, _seq in queued:
            item = reg.find_item(db, cipher, str(batch_id), str(record_id))
            if item is not None and item.payload is not None:
                held.append(HeldRecord(item.record_id, item.revision, item.payload, "queue"))
        return ReservationPreview(birth_date, reserved is not None, held, history)

    return register.call(run, "reservation preview")


def reserve(
    register: reg.Register,
    national_id: str,
    *,
    register_keys: Mapping[str, X25519PrivateKey] | None = None,
) -> ReservationResult:
    """Record a reservation and delete the person's data; the id is never stored in clear.

    With the register's private keys (``StaffKeys.register_keys``; every staff caller has
    them) the quarantined batches are searched too and those holding the person deleted:
    without them a set-aside batch would keep the person readable to the register.
    """
    person_key = register.cipher.person_key(_checked(national_id))
    actor = register.actor

    def run(db: Db) -> ReservationResult:
        stamp = reg.now()
        with db.transaction("reservation"):
            row = db.execute(
                "SELECT reservation_id FROM reservations WHERE person_key = ?", (person_key,)
            ).fetchone()
            new = row is None
            reservation_id = str(uuid.uuid4()) if new else str(row[0])
            if new:
                db.execute(
                    "INSERT INTO reservations (reservation_id, person_key, recorded_at, "
                    "recorded_by) VALUES (?, ?, ?, ?)",
                    (reservation_id, person_key, stamp, actor),
                )
            owned = [
                str(r[0])
                for r in db.execute(
                    "SELECT record_id FROM register_records WHERE person_key = ?", (person_key,)
                ).fetchall()
            ]
            # Purge notices: every item of the person's records goes back out as "purge".
            notices = 0
            for record_id in owned:
                notices += db.execute(
                    "UPDATE review_items SET state = 'rejected', reason_code = ?, "
                    "reason_text = NULL, payload = NULL, person_key = NULL, feedback_id = NULL, "
                    "decided_at = ?, decided_by = ? WHERE record_id = ? AND state <> 'pending'",
                    (RESERVED_REASON, stamp, actor, record_id),
                ).rowcount
            history = 0
            for record_id in owned:
                history += db.execute(
                    "DELETE FROM register_history WHERE record_id = ?", (record_id,)
                ).rowcount
                db.execute("DELETE FROM register_index WHERE record_id = ?", (record_id,))
                db.execute("DELETE FROM register_records WHERE record_id = ?", (record_id,))
            # Earlier revisions of records that now hold another person (the national id was
            # corrected): the clinic keeps the record, and deletes those revisions.
            earlier = db.execute(
                "SELECT record_id, revision FROM register_history WHERE person_key = ?",
                (person_key,),
            ).fetchall()
            db.executemany(
                "UPDATE review_items SET reason_code = ?, reason_text = NULL, payload = NULL, "
                "person_key = NULL, feedback_id = NULL "
                "WHERE record_id = ? AND revision = ? AND state <> 'pending'",
                [(RESERVED_REVISION_REASON, str(r), int(v)) for r, v in earlier],
            )
            notices += len(earlier)
            history += db.execute(
                "DELETE FROM register_history WHERE person_key = ?", (person_key,)
            ).rowcount
            db.execute("DELETE FROM register_index WHERE person_key = ?", (person_key,))
            # The person's pending items, through the keyed-hash index of the queue.
            pending = db.execute(
                "SELECT DISTINCT i.batch_id, i.record_id, i.findings FROM review_index x "
                "JOIN review_items i ON i.batch_id = x.batch_id AND i.record_id = x.record_id "
                "WHERE x.person_key = ? AND i.state = 'pending'",
                (person_key,),
            ).fetchall()
            db.executemany(
                "UPDATE review_items SET state = 'rejected', reason_code = ?, reason_text = NULL, "
                "findings = ?, payload = NULL, person_key = NULL, decided_at = ?, decided_by = ? "
                "WHERE batch_id = ? AND record_id = ?",
                [
                    (RESERVED_REASON, _with_reserved(str(f)), stamp, actor, str(b), str(r))
                    for b, r, f in pending
                ],
            )
            # Decided items keep payload and keyed hash until their feedback is prepared (for
            # an undo, desktop.staff.decisions); the person's are purged now, so nothing of
            # them is left and no undo can bring them back.
            db.execute(
                "UPDATE review_items SET payload = NULL, person_key = NULL WHERE person_key = ?",
                (person_key,),
            )
            db.execute("DELETE FROM review_index WHERE person_key = ?", (person_key,))
            held = (
                []
                if register_keys is None
                else quarantine.holding_person(db, register.cipher, register_keys, person_key)
            )
            for quarantine_id in held:
                db.execute(
                    "DELETE FROM quarantined_batches WHERE quarantine_id = ?", (quarantine_id,)
                )
                reg.log(db, actor, f"reservation_quarantined:{quarantine_id}")
            letter_queue.forget_person(db, person_key, stamp)
            reg.log(db, actor, f"reservation:{reservation_id}")
        db.checkpoint()
        return ReservationResult(
            reservation_id,
            new,
            len(owned),
            history,
            len(pending),
            notices + len(pending),
            len(held),
        )

    return register.call(run, "reservation")


def _with_reserved(findings: str) -> str:
    values = [f for f in findings.split(",") if f]
    if Finding.RESERVED.value not in values:
        values.append(Finding.RESERVED.value)
    return ",".join(values)
