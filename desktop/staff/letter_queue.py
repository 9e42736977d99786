"""Who is owed an information letter: the letter queue, inside the callers' transactions.

The register's statutes say every registered person is told about the registration and the
right to reserve. The clinic often gives the letter itself (``information.letter_given_date``
in the record); everyone else is owed one from the register. These functions keep that
list in the ``letters`` schema component (``desktop.staff.schema``):

* ``enqueue`` runs inside the acceptance's own transaction (``desktop.staff.decisions``), so
  an accepted record and its person's place in the queue are written together or not at all;
* ``forget_person`` runs inside a reservation's transaction (``desktop.staff.reservations``):
  a reserved person's entries lose their keyed hash and sealed detail, a pending one goes;
* ``counts`` feeds ``sjelden staff letters list`` and the reports.

One entry per person (keyed hash of the national id), not per record: a second diagnosis
of someone already informed, or queued, adds nothing. Nothing here is in clear beyond ids and
states; the detail of an entry is sealed with the register data key
(``seal_detail``/``open_detail``). The printing and the returned slips are in
``desktop.staff.letters``; this module imports nothing of them, so the decision and
reservation code can call it without a cycle.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.forms.payload import is_deceased, letter_given_date
from desktop.staff.crypto import RegisterCipher, aad
from desktop.staff.dialect import Db

PENDING = "pending"
PRINTED = "printed"
SENT = "sent"
CLINIC = "clinic"  # the clinic gave or sent the letter (the record says when)
RESERVED = "reserved"  # reserved after a letter (any way: phone, `staff reserve`)
RETURNED = "returned"  # reserved by the returned slip of a letter
STATES = (PENDING, PRINTED, SENT, CLINIC, RESERVED, RETURNED)


def detail_aad(entry_id: str) -> bytes:
    return aad("letter", entry_id)


def seal_detail(cipher: RegisterCipher, entry_id: str, detail: Mapping[str, Any]) -> bytes:
    """An entry's detail (variants, recipient, letter date), sealed to its row."""
    return cipher.seal(dict(detail), detail_aad(entry_id))


def open_detail(cipher: RegisterCipher, entry_id: str, sealed: bytes | None) -> dict[str, Any]:
    return {} if sealed is None else cipher.open(bytes(sealed), detail_aad(entry_id))


def enqueue(
    db: Db,
    cipher: RegisterCipher,
    record_id: str,
    person_key: bytes | None,
    payload: Mapping[str, Any],
    actor: str,
    stamp: str,
) -> str | None:
    """After an acceptance: queue the person unless informed already; the new state or None.

    A record without a keyed person (no valid national id: it cannot be accepted anyway) or
    of a deceased patient is not queued (a letter to the dead helps nobody, and the form has
    no address of next of kin). A person with an entry already (queued, printed, sent, or
    the clinic informed them) is not queued again.
    """
    if person_key is None:
        return None
    if is_deceased(payload):
        return None
    if db.execute(
        "SELECT 1 FROM letter_queue WHERE person_key = ? LIMIT 1", (person_key,)
    ).fetchone():
        return None
    entry_id = str(uuid.uuid4())
    given = letter_given_date(payload)
    state = PENDING if given is None else CLINIC
    detail = (
        None if given is None else seal_detail(cipher, entry_id, {"letter_date": given.isoformat()})
    )
    db.execute(
        "INSERT INTO letter_queue (entry_id, person_key, record_id, state, queued_at, "
        "queued_by, detail, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (entry_id, person_key, record_id, state, stamp, actor, detail, stamp),
    )
    return state


def forget_person(db: Db, person_key: bytes, stamp: str) -> None:
    """In a reservation's transaction: nothing of the person stays in the letter queue.

    A pending entry is deleted (no letter is owed any more); one that was printed or sent
    becomes ``reserved`` (a reservation received after a letter: the reports count it), one
    recorded from its returned slip stays ``returned``; each loses its keyed hash and sealed
    detail, so only the entry id, the record id (a random uuid) and the run remain.
    """
    db.execute("DELETE FROM letter_queue WHERE person_key = ? AND state = ?", (person_key, PENDING))
    db.execute(
        "UPDATE letter_queue SET state = ?, changed_at = ? "
        "WHERE person_key = ? AND state IN (?, ?)",
        (RESERVED, stamp, person_key, PRINTED, SENT),
    )
    db.execute(
        "UPDATE letter_queue SET person_key = NULL, detail = NULL WHERE person_key = ?",
        (person_key,),
    )


@dataclass(frozen=True)
class LetterCounts:
    """Persons per letter state; ``reservations`` = reserved after a letter, by any way."""

    pending: int
    printed: int
    sent: int
    clinic: int
    reserved: int
    returned: int
    runs_unsent: int

    @property
    def reservations(self) -> int:
        return self.reserved + self.returned


def counts(db: Db) -> LetterCounts:
    found = {
        str(state): int(n)
        for state, n in db.execute(
            "SELECT state, count(*) FROM letter_queue GROUP BY state"
        ).fetchall()
    }
    runs = db.execute("SELECT count(*) FROM letter_runs WHERE state = ?", (PRINTED,)).fetchone()
    return LetterCounts(
        pending=found.get(PENDING, 0),
        printed=found.get(PRINTED, 0),
        sent=found.get(SENT, 0),
        clinic=found.get(CLINIC, 0),
        reserved=found.get(RESERVED, 0),
        returned=found.get(RETURNED, 0),
        runs_unsent=int(runs[0]),
    )
