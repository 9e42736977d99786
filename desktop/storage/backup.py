"""The rolling encrypted backup the "damaged" and "older than known" messages point to.

After an unlock whose checks passed, at most once a day, the open database is copied with
SQLite's online backup API into ``backups/store-YYYYMMDD.db``: an SQLCipher file under the
same data key (the copy never exists in clear, not even as a temporary file), written as a
``.part`` and renamed when complete, 0600 in a 0700 folder. The last ``KEEP`` copies stay,
so one bad day cannot overwrite every good copy. Set-up makes the first one, so a new
profile has a backup to point to from its first day.

Deletion reaches the backups too. After records were purged (retention, a reservation)
``back_up(..., replace_older=True)`` writes a fresh copy and shreds every older one, so no
backup keeps what the store no longer has (the unlock after a purge does this,
``desktop.sync.retention.at_unlock``). The copies the schema migration makes beside the
database (``store.db.schemaN-YYYYMMDDTHHMMSSZ.bak``, ``desktop.storage.schema``) are
shredded ``MIGRATION_GRACE_DAYS`` after they were made, once a later unlock has opened the
migrated store (``prune_migration_backups``); they are there only to roll a failed upgrade
back.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from desktop.paths import create_private_file, ensure_private_dir
from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.shred import shred

BACKUP_DIR = "backups"
KEEP = 3
MIGRATION_GRACE_DAYS = 14
_PREFIX = "store-"
_SUFFIX = ".db"
_MIGRATION_BACKUP = re.compile(r"\.schema\d+-(\d{8}T\d{6}Z)\.bak\Z")


def backups(directory: Path) -> list[Path]:
    """The profile's complete backups, newest first."""
    folder = directory / BACKUP_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{_PREFIX}*{_SUFFIX}"), reverse=True)


def latest(directory: Path) -> Path | None:
    found = backups(directory)
    return found[0] if found else None


def back_up(
    conn: Connection,
    directory: Path,
    key: bytes | bytearray,
    *,
    today: Callable[[], dt.date] = lambda: dt.datetime.now(dt.UTC).date(),
    replace_older: bool = False,
) -> Path | None:
    """Today's backup of ``conn``'s database, unless there is one already; then prune.

    ``replace_older``: write it even if today's exists, then shred every other backup (the
    store has purged data the older copies still hold)."""
    folder = directory / BACKUP_DIR
    target = folder / f"{_PREFIX}{today():%Y%m%d}{_SUFFIX}"
    if target.exists() and not replace_older:
        return None
    ensure_private_dir(folder)
    part = target.with_name(target.name + ".part")
    part.unlink(missing_ok=True)
    create_private_file(part)
    try:
        copy = open_encrypted(part, key)
        try:
            conn.backup(copy)  # type: ignore[attr-defined]
        finally:
            copy.close()
        if replace_older:
            shred(target)  # rename would only unlink its blocks
        part.replace(target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    older = [p for p in backups(directory) if p != target] if replace_older else []
    for old in older or backups(directory)[KEEP:]:
        with contextlib.suppress(OSError):
            shred(old)
    return target


def prune_migration_backups(
    db_path: Path,
    *,
    now: dt.datetime | None = None,
    grace_days: int = MIGRATION_GRACE_DAYS,
) -> list[Path]:
    """Shred the schema migration's copies of ``db_path`` older than ``grace_days`` (by the
    time in their name); call only once the migrated store has opened. Returns them."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=grace_days)
    gone: list[Path] = []
    for path in sorted(db_path.parent.glob(f"{db_path.name}.schema*.bak")):
        match = _MIGRATION_BACKUP.search(path.name[len(db_path.name) :])
        if match is None:
            continue
        made = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
        if made <= cutoff:
            with contextlib.suppress(OSError):
                shred(path)
                gone.append(path)
    return gone
