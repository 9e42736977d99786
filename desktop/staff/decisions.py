"""Staff decisions on review items: accept, reject (with a reason) or mark as a duplicate.

* **accept** puts the revision into the register; a ``revision`` replaces the current record
  and the old one stays in history. Refused while the register holds the same person and
  diagnosis under another record id (decide ``duplicate`` instead), for an older or equal
  revision than the register holds (``stale``), and for records with validation errors.
  Each check is made again at decision time, in the same transaction as the write.
* **reject** needs a reason code (``[a-z][a-z0-9_]{0,63}``); **duplicate** maps to the
  protocol decision ``duplicate``. An optional reason text must not hold personal data: it
  is checked for the patterns (national id, phone, e-mail) first and, once the item is
  picked, against the decrypted record's own names, ids, dates and places
  (``desktop.staff.reason_filter``); feedback then carries it sealed to the clinic.
* **accept_clean** accepts every pending item with no findings, a chunk per transaction.
* **Several reviewers** on one register (PostgreSQL, several PCs): an item is closed by an
  UPDATE conditional on its state, whose row count decides; the loser's transaction rolls
  back whole (no record, no audit entry, no feedback) and raises ``already_decided`` naming
  who decided and when. A reservation of the person wins over a decision (``reserved``).
  Bulk acceptance counts only its own decisions (``CleanResult``). See docs/staff.md,
  "Several reviewers at once".
* **undo** puts a decided item back in the queue as it was before the decision (an accepted
  revision leaves the register and the revision it replaced becomes current again), as long
  as its feedback has not been prepared: once ``feedback.prepare`` has signed the decision
  for the clinic, it is final (``undo_feedback_sent``).

A decided item keeps its sealed payload and keyed hash (but leaves the queue's duplicate
index) until ``feedback.prepare`` covers it, which purges both: that is what makes an undo
possible, and a decision that went to the clinic can no longer be taken back anyway. A
reservation purges them at once (``desktop.staff.reservations``).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

from sjelden_protocol.feedback import REASON_CODE
from sjelden_protocol.limits import MAX_REASON_TEXT_CHARS

from desktop.forms.payload import orpha_codes
from desktop.staff import letter_queue
from desktop.staff import register as reg
from desktop.staff.crypto import RegisterCipher
from desktop.staff.dialect import Db
from desktop.staff.errors import AlreadyDecided, StaffError
from desktop.staff.model import RESERVED_REASON, Finding, ReviewItem, ReviewState
from desktop.staff.reason_filter import contains_record_data

Choice = Literal["accept", "reject", "duplicate"]
CHOICES: tuple[Choice, ...] = ("accept", "reject", "duplicate")
CLEAN_CHUNK = 10_000
ALREADY_DECIDED = "already_decided"  # another decision closed the item first
_STATE = {
    "accept": ReviewState.ACCEPTED,
    "reject": ReviewState.REJECTED,
    "duplicate": ReviewState.DUPLICATE,
}


def check_reason(choice: Choice, code: str | None, text: str | None) -> None:
    if code is not None and not REASON_CODE.match(code):
        raise StaffError("bad_reason_code")
    if choice == "reject" and code is None:
        raise StaffError("bad_reason_code", "a rejection needs a reason code")
    if text is not None:
        if len(text) > MAX_REASON_TEXT_CHARS:
            raise StaffError("text_too_long")
        if contains_record_data(text, None):
            raise StaffError("personal_data_in_text")


def _check_text_against_record(db: Db, cipher: RegisterCipher, item: ReviewItem, text: str) -> None:
    """The reason text must not repeat the record's own values (inside the transaction)."""
    row = db.execute(
        "SELECT payload FROM review_items WHERE batch_id = ? AND record_id = ?",
        (item.origin.batch_id, item.record_id),
    ).fetchone()
    if row is None or row[0] is None:
        return
    payload = cipher.open(
        bytes(row[0]), reg.item_aad(item.origin.batch_id, item.record_id, item.revision)
    )
    if contains_record_data(text, payload):
        raise StaffError("personal_data_in_text")


def _pick(db: Db, record_id: str, revision: int | None, batch_id: str | None) -> ReviewItem:
    items = [
        item
        for item in reg.pending_items(db, None, record_id=record_id)
        if (revision is None or item.revision == revision)
        and (batch_id is None or item.origin.batch_id == batch_id)
    ]
    if not items:
        raise _decided_already(db, record_id, revision, batch_id)
    if len(items) > 1:
        raise StaffError("ambiguous_item", record_id)
    return items[0]


def _decided_already(
    db: Db, record_id: str, revision: int | None, batch_id: str | None
) -> StaffError:
    """Why no pending item matches: who decided it and when, a reservation, or no such item.

    Read inside the refused decision's transaction, so it names the decision that won."""
    rows = db.execute(
        "SELECT batch_id, revision, findings, reason_code, decided_by, decided_at "
        "FROM review_items WHERE record_id = ? AND state <> 'pending' ORDER BY seq DESC",
        (record_id,),
    ).fetchall()
    for batch, rev, findings, code, decided_by, decided_at in rows:
        if (revision is not None and int(rev) != revision) or (
            batch_id is not None and str(batch) != batch_id
        ):
            continue
        if code == RESERVED_REASON or Finding.RESERVED.value in str(findings).split(","):
            return StaffError("reserved", record_id)
        return AlreadyDecided(record_id, str(decided_by or "?"), str(decided_at or "?"))
    return StaffError("unknown_item", record_id)


def _refuse_reserved(db: Db, item: ReviewItem) -> None:
    """A reservation of the person wins over a decision, whichever was asked for first.

    Every register write holds the backend's write lock (``dialect``), so a reservation
    committed before this transaction has closed the person's items already; this re-check
    inside the transaction keeps the rule even for an item the reservation could not reach."""
    row = db.execute(
        "SELECT person_key FROM review_items WHERE batch_id = ? AND record_id = ?",
        (item.origin.batch_id, item.record_id),
    ).fetchone()
    if row is not None and row[0] is not None and reg.reserved_among(db, [bytes(row[0])]):
        raise StaffError("reserved", item.record_id)


def _close_item(
    db: Db,
    item: ReviewItem,
    state: ReviewState,
    actor: str,
    stamp: str,
    code: str | None,
    text: str | None,
) -> bool:
    """Close a pending item as this reviewer's decision; ``False`` if it was not pending.

    The UPDATE is conditional on the state and its row count is the answer: a second
    decision on the item can never overwrite the first (on PostgreSQL an UPDATE that waited
    for another's row lock re-reads the row and matches nothing). Nothing else is written,
    audit entry included, unless this decision closed the item."""
    # The payload and keyed hash stay until the feedback is prepared (see ``undo``).
    closed = db.execute(
        "UPDATE review_items SET state = ?, reason_code = ?, reason_text = ?, "
        "decided_at = ?, decided_by = ? "
        "WHERE batch_id = ? AND record_id = ? AND state = 'pending'",
        (state.value, code, text, stamp, actor, item.origin.batch_id, item.record_id),
    ).rowcount
    if closed != 1:
        return False
    db.execute(
        "DELETE FROM review_index WHERE batch_id = ? AND record_id = ?",
        (item.origin.batch_id, item.record_id),
    )
    reg.log(db, actor, f"review:{state.value}", item.record_id, item.revision)
    return True


@dataclass(frozen=True)
class _Acceptable:
    payload: dict[str, Any]
    person_key: bytes | None
    diagnosis_keys: list[bytes]
    replaces: bool  # the register holds an earlier revision (it goes to history)


def _accept_refusal(
    db: Db,
    cipher: RegisterCipher,
    item: ReviewItem,
    loaded: tuple[bytes, bytes | None] | None = None,
) -> tuple[str | None, _Acceptable | None]:
    """Why ``item`` cannot be accepted now (or ``None``), else what accepting it writes.

    ``loaded`` is the sealed payload and person key when the caller has read them already
    (bulk acceptance reads a chunk of items at once)."""
    if Finding.INVALID in item.findings:
        return "invalid_refused", None
    current = reg.current_revision(db, item.record_id)
    if current is not None and item.revision <= current:
        return "stale_refused", None
    if loaded is None:
        row = db.execute(
            "SELECT payload, person_key FROM review_items WHERE batch_id = ? AND record_id = ?",
            (item.origin.batch_id, item.record_id),
        ).fetchone()
        if row is None or row[0] is None:
            return "not_pending", None
        loaded = (bytes(row[0]), None if row[1] is None else bytes(row[1]))
    sealed, person_key = loaded
    payload = cipher.open(sealed, reg.item_aad(item.origin.batch_id, item.record_id, item.revision))
    keys = cipher.diagnosis_keys(orpha_codes(payload))
    if person_key is not None and (
        reg.registered_duplicate(db, person_key, keys, item.record_id) is not None
    ):
        return "duplicate_refused", None
    return None, _Acceptable(payload, person_key, keys, replaces=current is not None)


def _accept(
    db: Db,
    cipher: RegisterCipher,
    item: ReviewItem,
    actor: str,
    stamp: str,
    code: str | None,
    text: str | None,
    loaded: tuple[bytes, bytes | None] | None = None,
) -> str | None:
    """Accept inside the caller's transaction; the refusal code instead when it cannot
    (``ALREADY_DECIDED`` when another decision closed the item first: nothing is written)."""
    refusal, accepted = _accept_refusal(db, cipher, item, loaded)
    if refusal is not None:
        return refusal
    assert accepted is not None
    if not _close_item(db, item, ReviewState.ACCEPTED, actor, stamp, code, text):
        return ALREADY_DECIDED
    reg.write_record(
        db,
        cipher,
        record_id=item.record_id,
        revision=item.revision,
        payload=accepted.payload,
        person_key=accepted.person_key,
        diagnosis_keys=accepted.diagnosis_keys,
        origin=item.origin,
        accepted_by=actor,
        stamp=stamp,
        replaces=accepted.replaces,
    )
    letter_queue.enqueue(
        db, cipher, item.record_id, accepted.person_key, accepted.payload, actor, stamp
    )
    return None


def decide(
    register: reg.Register,
    record_id: str,
    choice: Choice,
    *,
    revision: int | None = None,
    batch_id: str | None = None,
    reason_code: str | None = None,
    reason_text: str | None = None,
) -> ReviewItem:
    """Decide one pending item (``revision``/``batch_id`` pick one when several wait)."""
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}")
    text = reason_text.strip() if reason_text else None
    check_reason(choice, reason_code, text)
    cipher, actor = register.cipher, register.actor

    def run(db: Db) -> ReviewItem:
        stamp = reg.now()
        with db.transaction("decide"):
            item = _pick(db, record_id, revision, batch_id)
            _refuse_reserved(db, item)
            if text is not None:
                _check_text_against_record(db, cipher, item, text)
            if choice == "accept":
                refusal = _accept(db, cipher, item, actor, stamp, reason_code, text)
            elif not _close_item(db, item, _STATE[choice], actor, stamp, reason_code, text):
                refusal = ALREADY_DECIDED
            else:
                refusal = None
            if refusal == ALREADY_DECIDED:  # raising rolls back the whole decision
                raise _decided_already(db, record_id, item.revision, item.origin.batch_id)
            if refusal is not None:
                raise StaffError(refusal, record_id)
        decided = reg.find_item(db, None, item.origin.batch_id, item.record_id)
        assert decided is not None
        return decided

    return register.call(run, "decide")


@dataclass(frozen=True)
class CleanResult:
    """What one bulk acceptance did; only this reviewer's own decisions count as accepted."""

    accepted: int  # closed by this call
    left: int  # still pending: the register changed meanwhile, each needs a decision
    decided_elsewhere: int = 0  # listed, but decided by someone else (or a reservation) first


def accept_clean(
    register: reg.Register, only: Collection[tuple[str, str]] | None = None
) -> CleanResult:
    """Accept every pending item without findings, a chunk per transaction.

    An item can be left pending when something changed since import (the register took
    the same person and diagnosis under another id meanwhile): it then needs a decision.
    ``only`` (``(batch_id, record_id)`` pairs) limits it to the items a confirmation listed,
    so what arrived after the list was shown is not accepted unseen; listed items another
    reviewer decided before this call reached them are ``decided_elsewhere``: not failures,
    nothing to redo.
    """
    wanted = None if only is None else set(only)
    cipher, actor = register.cipher, register.actor

    def chunk(db: Db, after: int) -> tuple[int, int, int, set[tuple[str, str]], int, bool]:
        stamp = reg.now()
        accepted = left = elsewhere = 0
        seen: set[tuple[str, str]] = set()
        with db.transaction("accept clean"):
            rows = reg.clean_pending_items(db, after, CLEAN_CHUNK)
            reserved = reg.reserved_among(db, [r.person_key for r in rows if r.person_key])
            for clean in rows:
                after = clean.seq
                pair = (clean.item.origin.batch_id, clean.item.record_id)
                if wanted is not None and pair not in wanted:
                    continue
                seen.add(pair)
                if clean.person_key in reserved:  # the reservation wins (see ``decide``)
                    left += 1
                    continue
                loaded = None if clean.sealed is None else (clean.sealed, clean.person_key)
                refusal = _accept(db, cipher, clean.item, actor, stamp, None, None, loaded)
                if refusal is None:
                    accepted += 1
                elif refusal == ALREADY_DECIDED:
                    elsewhere += 1
                else:
                    left += 1
        return accepted, left, elsewhere, seen, after, len(rows) == CLEAN_CHUNK

    accepted_total = left_total = elsewhere_total = 0
    seen_total: set[tuple[str, str]] = set()
    after = 0
    more = True
    while more:
        accepted, left, elsewhere, seen, after, more = register.call(
            partial(chunk, after=after), "accept clean"
        )
        accepted_total += accepted
        left_total += left
        elsewhere_total += elsewhere
        seen_total |= seen
    if wanted:
        unseen = sorted(wanted - seen_total)
        elsewhere_total += register.call(
            lambda db: reg.decided_count(db, unseen), "accept clean: decided elsewhere"
        )
    return CleanResult(accepted_total, left_total, elsewhere_total)


# -- undo -------------------------------------------------------------------------------------


def _pick_decided(
    db: Db, record_id: str, revision: int | None, batch_id: str | None
) -> tuple[ReviewItem, bool]:
    """The decided item to undo, and whether its feedback is prepared already."""
    rows = db.execute(
        "SELECT batch_id, revision, feedback_id FROM review_items "
        "WHERE record_id = ? AND state <> 'pending' ORDER BY seq",
        (record_id,),
    ).fetchall()
    chosen = [
        (str(b), int(r), f is not None)
        for b, r, f in rows
        if (revision is None or int(r) == revision) and (batch_id is None or str(b) == batch_id)
    ]
    if not chosen:
        pending = db.execute(
            "SELECT 1 FROM review_items WHERE record_id = ? AND state = 'pending'", (record_id,)
        ).fetchone()
        raise StaffError("undo_not_decided" if pending else "unknown_item", record_id)
    unsent = [c for c in chosen if not c[2]]
    if revision is None and batch_id is None and len(unsent) == 1:
        chosen = unsent  # earlier decisions of the record that went out are not in question
    if len(chosen) > 1:
        raise StaffError("ambiguous_item", record_id)
    item = reg.find_item(db, None, chosen[0][0], record_id)
    assert item is not None
    return item, chosen[0][2]


def _withdraw_acceptance(db: Db, cipher: RegisterCipher, item: ReviewItem) -> None:
    """Take the accepted revision out of the register; the one it replaced comes back."""
    row = db.execute(
        "SELECT revision, batch_id FROM register_records WHERE record_id = ?", (item.record_id,)
    ).fetchone()
    if row is None or int(row[0]) != item.revision or str(row[1]) != item.origin.batch_id:
        # A later revision was accepted since (undo that first), or a reservation deleted it.
        raise StaffError("undo_superseded", item.record_id)
    db.execute("DELETE FROM register_records WHERE record_id = ?", (item.record_id,))
    db.execute("DELETE FROM register_index WHERE record_id = ?", (item.record_id,))
    previous = db.execute(
        "SELECT revision, person_key, payload, batch_id, installation_key_id, received_at, "
        "accepted_at, accepted_by FROM register_history WHERE record_id = ? "
        "ORDER BY revision DESC LIMIT 1",
        (item.record_id,),
    ).fetchone()
    if previous is None:
        return
    revision, person_key = int(previous[0]), previous[1]
    db.execute(
        "INSERT INTO register_records (record_id, revision, person_key, payload, batch_id, "
        "installation_key_id, received_at, accepted_at, accepted_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item.record_id, revision, person_key, *previous[2:]),
    )
    db.execute(
        "DELETE FROM register_history WHERE record_id = ? AND revision = ?",
        (item.record_id, revision),
    )
    if person_key is not None:
        payload = cipher.open(bytes(previous[2]), reg.record_aad(item.record_id, revision))
        db.executemany(
            "INSERT INTO register_index (person_key, diagnosis_key, record_id) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            [
                (bytes(person_key), key, item.record_id)
                for key in cipher.diagnosis_keys(orpha_codes(payload))
            ],
        )


def undo(
    register: reg.Register,
    record_id: str,
    *,
    revision: int | None = None,
    batch_id: str | None = None,
) -> ReviewItem:
    """Put a decided item back in the queue, pending, as the import left it.

    Refused once the decision's feedback is prepared (``undo_feedback_sent``: the clinic
    has it, or will, signed), for an item a reservation closed or purged (``undo_reserved``)
    and for an acceptance the register has moved past (``undo_superseded``)."""
    cipher, actor = register.cipher, register.actor

    def run(db: Db) -> ReviewItem:
        with db.transaction("undo decision"):
            item, prepared = _pick_decided(db, record_id, revision, batch_id)
            if prepared:
                raise StaffError("undo_feedback_sent", record_id)
            row = db.execute(
                "SELECT payload, person_key FROM review_items WHERE batch_id = ? AND record_id = ?",
                (item.origin.batch_id, item.record_id),
            ).fetchone()
            if row[0] is None or Finding.RESERVED in item.findings:
                raise StaffError("undo_reserved", record_id)
            sealed, person_key = bytes(row[0]), None if row[1] is None else bytes(row[1])
            if item.state is ReviewState.ACCEPTED:
                _withdraw_acceptance(db, cipher, item)
            db.execute(
                "UPDATE review_items SET state = 'pending', reason_code = NULL, "
                "reason_text = NULL, decided_at = NULL, decided_by = NULL "
                "WHERE batch_id = ? AND record_id = ?",
                (item.origin.batch_id, item.record_id),
            )
            if person_key is not None:
                # The queue's duplicate index again, as the import wrote it.
                payload = cipher.open(
                    sealed, reg.item_aad(item.origin.batch_id, item.record_id, item.revision)
                )
                keys = cipher.diagnosis_keys(orpha_codes(payload)) or [b""]
                db.executemany(
                    "INSERT INTO review_index (person_key, diagnosis_key, record_id, batch_id) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    [(person_key, key, item.record_id, item.origin.batch_id) for key in keys],
                )
            reg.log(db, actor, f"review:undo:{item.state.value}", item.record_id, item.revision)
        restored = reg.find_item(db, None, item.origin.batch_id, item.record_id)
        assert restored is not None
        return restored

    return register.call(run, "undo decision")
