"""Every query the inbox runs, written once for both databases.

Each public method is one transaction, so a batch (envelope plus receipt) is stored whole
or not at all, and an enrollment consumes its code in the same step that records the key.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time

from .database import Database, Row, Transaction
from .models import BatchRow, Installation, InstallationStatus, StaffKey
from .retention import SWEEP_INTERVAL, PurgeReport, Retention, purge_expired
from .schema import migrate

log = logging.getLogger(__name__)

_SELECT_INSTALLATION = (
    "SELECT key_id, public_key, label, status, enrolled_at, approved_at, revoked_at "
    "FROM installations "
)
_SELECT_BATCH = (
    "SELECT seq, batch_id, sender_key_id, envelope_sha256, envelope_length, record_count, "
    "received_at, receipt, acknowledged_at FROM batches "
)
_FEEDBACK_LOCK = 727002
#: serialises manifest uploads on PostgreSQL (two staff publishing through two processes)
_MANIFEST_LOCK = 727004


class AmbiguousBatch(Exception):
    """Several installations sent a batch under this id: the caller must name the sender."""


class BatchExpired(Exception):
    """Retention deleted the batch's bytes after staff acknowledged it (``storage.retention``)."""


class EnrollmentRefused(Exception):
    """``code`` is ``bad_enrollment_code`` or ``already_enrolled``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def hash_code(code: str) -> str:
    """Codes are stored hashed so a copy of the database cannot be used to enroll."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def _installation(row: Row) -> Installation:
    return Installation(
        key_id=row[0],
        public_key=bytes(row[1]),
        label=row[2],
        status=InstallationStatus(row[3]),
        enrolled_at=row[4],
        approved_at=row[5],
        revoked_at=row[6],
    )


def _batch(row: Row) -> BatchRow:
    return BatchRow(*row)


class Store:
    def __init__(self, database: Database, retention: Retention | None = None) -> None:
        self.database = database
        self.retention = retention or Retention()
        self._last_sweep = 0.0
        self._sweep_lock = threading.Lock()

    def migrate(self) -> int:
        return migrate(self.database)

    def close(self) -> None:
        self.database.close()

    # --- enrollment and installations -----------------------------------------------------
    def add_enrollment_code(self, code: str, *, now: int, expires_at: int) -> None:
        with self.database.transaction(write=True) as tx:
            tx.execute(
                "INSERT INTO enrollment_codes (code_hash, created_at, expires_at) VALUES (?, ?, ?)",
                (hash_code(code), now, expires_at),
            )

    def enroll(self, code: str, key_id: str, public_key: bytes, label: str, *, now: int) -> None:
        with self.database.transaction(write=True) as tx:
            if tx.one("SELECT 1 FROM installations WHERE key_id = ?", (key_id,)):
                raise EnrollmentRefused(
                    "already_enrolled",
                    "this key is already enrolled; ask the register to approve it",
                )
            used = tx.execute(
                "UPDATE enrollment_codes SET used_at = ?, used_by = ? "
                "WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?",
                (now, key_id, hash_code(code), now),
            ).rowcount
            if used != 1:
                raise EnrollmentRefused(
                    "bad_enrollment_code",
                    "the enrollment code is unknown, used or expired; "
                    "ask the register for a new one",
                )
            # The SELECT above answers the common case; two enrollments of one key racing with
            # two different codes both pass it, and the loser must be refused, not a 500.
            inserted = tx.execute(
                "INSERT INTO installations (key_id, public_key, label, status, enrolled_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (key_id) DO NOTHING",
                (key_id, public_key, label, InstallationStatus.PENDING.value, now),
            ).rowcount
            if inserted != 1:
                raise EnrollmentRefused(
                    "already_enrolled",
                    "this key is already enrolled; ask the register to approve it",
                )

    def installation(self, key_id: str) -> Installation | None:
        with self.database.transaction() as tx:
            row = tx.one(_SELECT_INSTALLATION + "WHERE key_id = ?", (key_id,))
        return None if row is None else _installation(row)

    def installations(self) -> list[Installation]:
        with self.database.transaction() as tx:
            rows = tx.all(_SELECT_INSTALLATION + "ORDER BY enrolled_at, key_id")
        return [_installation(row) for row in rows]

    def set_status(
        self, key_id: str, status: InstallationStatus, *, now: int
    ) -> Installation | None:
        """Approve or revoke; revocation is final (a new key must enroll again)."""
        query = (
            "UPDATE installations SET status = 'approved', approved_at = ? "
            "WHERE key_id = ? AND status = 'pending'"
            if status is InstallationStatus.APPROVED
            else "UPDATE installations SET status = 'revoked', revoked_at = ? "
            "WHERE key_id = ? AND status <> 'revoked'"
        )
        with self.database.transaction(write=True) as tx:
            tx.execute(query, (now, key_id))
            row = tx.one(_SELECT_INSTALLATION + "WHERE key_id = ?", (key_id,))
        return None if row is None else _installation(row)

    # --- staff keys ------------------------------------------------------------------------
    def add_staff_key(self, key_id: str, public_key: bytes, label: str, *, now: int) -> bool:
        """False when the key is already there (also when another process adds it meanwhile)."""
        try:
            with self.database.transaction(write=True) as tx:
                tx.execute(
                    "INSERT INTO staff_keys (key_id, public_key, label, added_at) "
                    "VALUES (?, ?, ?, ?)",
                    (key_id, public_key, label, now),
                )
        except Exception as exc:
            if self.database.dialect.is_unique_violation(exc):
                return False
            raise
        return True

    def revoke_staff_key(self, key_id: str, *, now: int) -> bool:
        with self.database.transaction(write=True) as tx:
            return (
                tx.execute(
                    "UPDATE staff_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
                    (now, key_id),
                ).rowcount
                == 1
            )

    def staff_key(self, key_id: str) -> StaffKey | None:
        with self.database.transaction() as tx:
            row = tx.one(
                "SELECT key_id, public_key, label, added_at, revoked_at FROM staff_keys "
                "WHERE key_id = ?",
                (key_id,),
            )
        return None if row is None else StaffKey(row[0], bytes(row[1]), row[2], row[3], row[4])

    def staff_keys(self) -> list[StaffKey]:
        with self.database.transaction() as tx:
            rows = tx.all(
                "SELECT key_id, public_key, label, added_at, revoked_at FROM staff_keys "
                "ORDER BY added_at, key_id"
            )
        return [StaffKey(r[0], bytes(r[1]), r[2], r[3], r[4]) for r in rows]

    # --- replay protection -----------------------------------------------------------------
    def remember_nonce(self, key_id: str, nonce: str, *, now: int, expires_at: int) -> bool:
        """False when this key already used this nonce inside the replay window."""
        self._sweep_if_due(now)
        with self.database.transaction(write=True) as tx:
            inserted = tx.execute(
                "INSERT INTO nonces (key_id, nonce, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                (key_id, nonce, expires_at),
            ).rowcount
        return inserted == 1

    # --- retention -------------------------------------------------------------------------
    def purge_expired(self, *, now: int) -> PurgeReport:
        """Delete what retention no longer keeps (``storage.retention``); at start and, on a
        running server, from the first signed request of each minute."""
        report = purge_expired(self.database, self.retention, now=now)
        if report.batches or report.feedback:
            log.info(
                "retention: %d envelopes and %d feedback documents deleted",
                report.batches,
                report.feedback,
            )
        return report

    def _sweep_if_due(self, now: int) -> None:
        with self._sweep_lock:
            if time.monotonic() - self._last_sweep <= SWEEP_INTERVAL:
                return
            self._last_sweep = time.monotonic()
        self.purge_expired(now=now)

    # --- batches ---------------------------------------------------------------------------
    def store_batch(
        self,
        *,
        batch_id: str,
        sender_key_id: str,
        envelope: bytes,
        envelope_sha256: str,
        record_count: int,
        received_at: int,
        receipt: str,
    ) -> tuple[BatchRow, bool]:
        """Insert, or return the row already stored under this id (``created`` False)."""
        with self.database.transaction(write=True) as tx:
            inserted = tx.execute(
                "INSERT INTO batches (batch_id, sender_key_id, envelope, envelope_sha256, "
                "envelope_length, record_count, received_at, receipt) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sender_key_id, batch_id) DO NOTHING",
                (
                    batch_id,
                    sender_key_id,
                    envelope,
                    envelope_sha256,
                    len(envelope),
                    record_count,
                    received_at,
                    receipt,
                ),
            ).rowcount
            row = tx.one(
                _SELECT_BATCH + "WHERE sender_key_id = ? AND batch_id = ?",
                (sender_key_id, batch_id),
            )
        assert row is not None  # inserted now or by the transaction we conflicted with
        return _batch(row), inserted == 1

    def batch(self, batch_id: str, sender_key_id: str | None = None) -> BatchRow | None:
        """The batch ``sender_key_id`` sent under ``batch_id`` (batch ids are scoped to their
        sender). Without a sender: the one batch under that id; ``AmbiguousBatch`` when
        several installations used it."""
        with self.database.transaction() as tx:
            seq = self._seq(tx, batch_id, sender_key_id)
            row = None if seq is None else tx.one(_SELECT_BATCH + "WHERE seq = ?", (seq,))
        return None if row is None else _batch(row)

    def envelope(self, batch_id: str, sender_key_id: str | None = None) -> bytes | None:
        """The bytes as received; ``None`` for a batch never received. ``BatchExpired`` once
        retention deleted them: the row stays as the tombstone, and saying so (rather than
        "unknown") tells staff the batch was imported and its copy deleted on purpose."""
        with self.database.transaction() as tx:
            seq = self._seq(tx, batch_id, sender_key_id)
            row = (
                None
                if seq is None
                else tx.one("SELECT envelope FROM batches WHERE seq = ?", (seq,))
            )
        if row is None:
            return None
        if not row[0]:
            raise BatchExpired(batch_id)
        return bytes(row[0])

    @staticmethod
    def _seq(tx: Transaction, batch_id: str, sender_key_id: str | None) -> int | None:
        if sender_key_id is not None:
            rows = tx.all(
                "SELECT seq FROM batches WHERE batch_id = ? AND sender_key_id = ?",
                (batch_id, sender_key_id),
            )
        else:
            rows = tx.all("SELECT seq FROM batches WHERE batch_id = ? LIMIT 2", (batch_id,))
        if len(rows) > 1:
            raise AmbiguousBatch(batch_id)
        return int(rows[0][0]) if rows else None

    def batches(self, *, after: int, limit: int, unacknowledged_only: bool) -> list[BatchRow]:
        query = (
            _SELECT_BATCH + "WHERE seq > ? AND acknowledged_at IS NULL ORDER BY seq LIMIT ?"
            if unacknowledged_only
            else _SELECT_BATCH + "WHERE seq > ? ORDER BY seq LIMIT ?"
        )
        with self.database.transaction() as tx:
            rows = tx.all(query, (after, limit))
        return [_batch(row) for row in rows]

    def acknowledge(
        self, batch_id: str, *, now: int, sender_key_id: str | None = None
    ) -> BatchRow | None:
        with self.database.transaction(write=True) as tx:
            seq = self._seq(tx, batch_id, sender_key_id)
            if seq is None:
                return None
            tx.execute(
                "UPDATE batches SET acknowledged_at = ? WHERE seq = ? AND acknowledged_at IS NULL",
                (now, seq),
            )
            row = tx.one(_SELECT_BATCH + "WHERE seq = ?", (seq,))
        return None if row is None else _batch(row)

    def count_batches(self) -> int:
        with self.database.transaction() as tx:
            row = tx.one("SELECT COUNT(*) FROM batches")
        return int(row[0]) if row else 0

    # --- feedback --------------------------------------------------------------------------
    def store_feedback(
        self,
        *,
        feedback_id: str,
        installation_key_id: str,
        staff_key_id: str,
        document: str,
        now: int,
    ) -> tuple[str, bool]:
        """Insert, or return the document already stored under this id.

        On PostgreSQL inserts are serialised by an advisory lock so that ``seq`` order is
        commit order and an installation paging with ``after=seq`` never skips a document.
        """
        with self.database.transaction(write=True) as tx:
            if self.database.dialect.name == "postgresql":
                tx.execute("SELECT pg_advisory_xact_lock(?)", (_FEEDBACK_LOCK,))
            inserted = tx.execute(
                "INSERT INTO feedback (feedback_id, installation_key_id, staff_key_id, document, "
                "posted_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (feedback_id) DO NOTHING",
                (feedback_id, installation_key_id, staff_key_id, document, now),
            ).rowcount
            row = tx.one("SELECT document FROM feedback WHERE feedback_id = ?", (feedback_id,))
        assert row is not None
        return str(row[0]), inserted == 1

    def feedback_for(self, installation_key_id: str, *, after: int, limit: int) -> list[Row]:
        with self.database.transaction() as tx:
            return tx.all(
                "SELECT seq, document FROM feedback WHERE installation_key_id = ? AND seq > ? "
                "ORDER BY seq LIMIT ?",
                (installation_key_id, after, limit),
            )

    # --- key manifest ----------------------------------------------------------------------
    def store_manifest(self, *, sequence: int, document: str, staff_key_id: str, now: int) -> str:
        """``created``, ``same`` (this sequence already held with these bytes), ``conflict``
        (held with other bytes) or ``stale`` (a higher sequence is held).

        On PostgreSQL an advisory lock makes the check and the insert one step, so two
        uploads racing through two inbox processes end in ``created`` and ``same`` (or
        ``stale``), never in a unique violation answered as a 500 (SQLite's write
        transaction already takes the lock at BEGIN)."""
        with self.database.transaction(write=True) as tx:
            if self.database.dialect.name == "postgresql":
                tx.execute("SELECT pg_advisory_xact_lock(?)", (_MANIFEST_LOCK,))
            newest = tx.one("SELECT MAX(sequence) FROM manifests")
            held = tx.one("SELECT document FROM manifests WHERE sequence = ?", (sequence,))
            if held is not None:
                return "same" if str(held[0]) == document else "conflict"
            if newest is not None and newest[0] is not None and int(newest[0]) > sequence:
                return "stale"
            tx.execute(
                "INSERT INTO manifests (sequence, document, staff_key_id, stored_at) "
                "VALUES (?, ?, ?, ?)",
                (sequence, document, staff_key_id, now),
            )
        return "created"

    # --- audit checkpoints -----------------------------------------------------------------
    def store_checkpoint(self, *, seq: int, document: str, staff_key_id: str, now: int) -> str:
        """``created``, ``same`` (held with these bytes) or ``conflict`` (held with others:
        the first copy of a checkpoint is never replaced, which is the point of a witness)."""
        with self.database.transaction(write=True) as tx:
            held = tx.one("SELECT document FROM audit_checkpoints WHERE seq = ?", (seq,))
            if held is not None:
                return "same" if str(held[0]) == document else "conflict"
            tx.execute(
                "INSERT INTO audit_checkpoints (seq, document, staff_key_id, stored_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING",
                (seq, document, staff_key_id, now),
            )
        return "created"

    def checkpoints(self, *, after: int, limit: int) -> list[str]:
        """Checkpoint documents by sequence number, from ``after`` on."""
        with self.database.transaction() as tx:
            rows = tx.all(
                "SELECT document FROM audit_checkpoints WHERE seq > ? ORDER BY seq LIMIT ?",
                (after, limit),
            )
        return [str(r[0]) for r in rows]

    def manifest(self) -> str | None:
        """The newest manifest's canonical JSON, or ``None`` before staff uploaded one."""
        with self.database.transaction() as tx:
            row = tx.one("SELECT document FROM manifests ORDER BY sequence DESC LIMIT 1")
        return None if row is None else str(row[0])
