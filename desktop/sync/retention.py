"""Retention: the personal data of accepted records is purged after a period (default 30 days).

What stays: the record id, revision, form reference, status and the receipt of the batch that
carried it, so the clinician can still see *that* a registration was accepted and prove it.
What goes: the payload (replaced by a stub naming only the record and form), the list
columns derived from it (name, national id, diagnosis, date), every earlier revision in
``record_history`` and the sealed envelope bytes of delivered batches. ``secure_delete`` is
on, and the WAL is checkpointed afterwards so no old page images remain.

Retention runs after every sync and at every unlock (``at_unlock``), so a PC that only ever
syncs by file, or not at all for a while, purges too. A purge (here, or a ``purge`` decision
in feedback) marks the rolling backups stale; the next unlock replaces them with one fresh
copy and shreds the rest (``desktop.storage.backup``), and shreds the schema migration's
copies once their grace period is over.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from desktop.storage import audit, backup, settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.records import now_iso
from desktop.sync.outbox import ACTOR, BatchState, ItemState

RETENTION_DAYS = "sync.retention_days"
DEFAULT_DAYS = 30
#: set when records were purged after the newest rolling backup was made
BACKUPS_STALE = "privacy.backups_stale"


_DUE = (
    "SELECT i.record_id, i.revision, r.form_id, r.form_version FROM outbox_items i "
    "JOIN records r ON r.record_id = i.record_id AND r.revision = i.revision "
    "WHERE i.state = ? AND i.purged_at IS NULL AND i.decided_at <= ? "
    "AND r.status = 'accepted'"
)


def _anything_due(conn: Connection, cutoff: str) -> bool:
    """A read first: revisions due, or delivered envelopes still held."""
    if conn.execute(_DUE + " LIMIT 1", (ItemState.ACCEPTED.value, cutoff)).fetchone():
        return True
    return (
        conn.execute(
            "SELECT 1 FROM outbox_batches WHERE state = ? AND envelope IS NOT NULL LIMIT 1",
            (BatchState.DELIVERED.value,),
        ).fetchone()
        is not None
    )


def retention_days(conn: Connection) -> int:
    return int(settings.get(conn, RETENTION_DAYS, DEFAULT_DAYS))


def purge_due(conn: Connection, *, now: dt.datetime | None = None, days: int | None = None) -> int:
    """Purge accepted revisions decided more than ``days`` ago; returns how many."""
    days = retention_days(conn) if days is None else days
    cutoff = ((now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=days)).isoformat(
        timespec="microseconds"
    )
    purged = 0
    if not _anything_due(conn, cutoff):
        return 0  # no write, no commit: an unlock with nothing to purge changes nothing
    with transaction(conn, "retention purge"):
        due = conn.execute(_DUE, (ItemState.ACCEPTED.value, cutoff)).fetchall()
        for record_id, revision, form_id, form_version in due:
            stub = {
                "form": {"id": form_id, "version": form_version},
                "purged": True,
                "record_id": record_id,
                "revision": revision,
            }
            conn.execute(
                "UPDATE records SET payload = ?, display_name = '', national_id = NULL, "
                "diagnosis = '', registered_on = '' WHERE record_id = ? AND revision = ?",
                (json.dumps(stub, sort_keys=True, separators=(",", ":")), record_id, revision),
            )
            conn.execute("DELETE FROM record_history WHERE record_id = ?", (record_id,))
            conn.execute(
                "UPDATE outbox_items SET purged_at = ? WHERE record_id = ? AND revision = ?",
                (now_iso(), record_id, revision),
            )
            audit.append(conn, actor=ACTOR, action="purge", record_id=record_id, revision=revision)
            purged += 1
        # Delivered envelopes are no longer needed: the receipt (kept) proves delivery.
        conn.execute(
            "UPDATE outbox_batches SET envelope = NULL WHERE state = ? AND envelope IS NOT NULL",
            (BatchState.DELIVERED.value,),
        )
        if purged:
            mark_backups_stale(conn)
    if purged:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return purged


def mark_backups_stale(conn: Connection) -> None:
    """Inside the purging transaction: the rolling backups hold data the store no longer has."""
    settings.write(conn, BACKUPS_STALE, True)


def at_unlock(
    conn: Connection,
    directory: Path,
    key: bytes | bytearray,
    db_path: Path,
    *,
    now: dt.datetime | None = None,
) -> int:
    """What a clinician profile's unlock runs on the database thread once its checks passed:
    retention, then today's backup (replacing every older one when something was purged
    since), then the migration backups past their grace period. Returns how many revisions
    were purged."""
    purged = purge_due(conn, now=now)
    stale = bool(settings.get(conn, BACKUPS_STALE, False))
    today = (now or dt.datetime.now(dt.UTC)).date()
    backup.back_up(conn, directory, key, today=lambda: today, replace_older=stale)
    if stale:
        with transaction(conn, "backups replaced"):
            settings.write(conn, BACKUPS_STALE, False)
    backup.prune_migration_backups(db_path, now=now)
    return purged
