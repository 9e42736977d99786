"""What the inbox forgets, and when: the deletion half of its storage.

The inbox holds a batch only until the register has it. Once staff have acknowledged a batch
(imported it) and ``Retention.batch_seconds`` have passed, its envelope bytes are deleted;
the row keeps the batch id, sender, digest, length, count, times and the signed receipt
(no personal data, no ciphertext), so a client re-sending the same batch still gets its
receipt instead of having it stored a second time, and different bytes under that id are
still a ``batch_conflict``. Feedback documents go after ``Retention.feedback_seconds``.
Key material it no longer needs goes at the same time: used or expired enrollment codes
(stored hashed) and expired replay nonces.

On SQLite ``secure_delete`` is on (freed pages are zeroed) and the WAL is checkpointed and
truncated after a sweep that deleted anything, so no old page image keeps the bytes. On
PostgreSQL a deleted or overwritten value stays in the table's dead tuples until the space
is reused or ``VACUUM FULL`` rewrites the table (docs/inbox.md); the inbox only ever held
ciphertext there.
"""

from __future__ import annotations

from dataclasses import dataclass

from .database import Database

#: how often (seconds of the server's uptime) a request triggers a sweep
SWEEP_INTERVAL = 60.0
#: PostgreSQL advisory lock one sweep holds: several inbox processes on one database sweep
#: one at a time (the others skip their turn) instead of updating the same rows at once,
#: which could deadlock and answer a client's request with a 503
_SWEEP_LOCK = 727003


@dataclass(frozen=True)
class Retention:
    batch_seconds: int = 30 * 86400
    feedback_seconds: int = 365 * 86400


@dataclass(frozen=True)
class PurgeReport:
    batches: int
    feedback: int
    enrollment_codes: int
    nonces: int

    @property
    def total(self) -> int:
        return self.batches + self.feedback + self.enrollment_codes + self.nonces


def purge_expired(database: Database, retention: Retention, *, now: int) -> PurgeReport:
    """One sweep in one transaction; returns what it removed (counts only)."""
    with database.transaction(write=True) as tx:
        if database.dialect.name == "postgresql":
            got = tx.one("SELECT pg_try_advisory_xact_lock(?)", (_SWEEP_LOCK,))
            if not (got and got[0]):
                return PurgeReport(0, 0, 0, 0)  # another process is sweeping right now
        # The envelope becomes the empty blob: the column stays NOT NULL and the row stays
        # as the batch's tombstone (see the module docstring).
        batches = tx.execute(
            "UPDATE batches SET envelope = ? WHERE acknowledged_at IS NOT NULL "
            "AND acknowledged_at <= ? AND length(envelope) > 0",
            (b"", now - retention.batch_seconds),
        ).rowcount
        feedback = tx.execute(
            "DELETE FROM feedback WHERE posted_at <= ?", (now - retention.feedback_seconds,)
        ).rowcount
        codes = tx.execute(
            "DELETE FROM enrollment_codes WHERE used_at IS NOT NULL OR expires_at <= ?", (now,)
        ).rowcount
        nonces = tx.execute("DELETE FROM nonces WHERE expires_at < ?", (now,)).rowcount
    report = PurgeReport(batches, feedback, codes, nonces)
    if report.batches or report.feedback:
        database.checkpoint()
    return report
