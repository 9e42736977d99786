"""The rolling encrypted backup the "damaged" and "older than known" messages point to.

After an unlock whose checks passed, at most once a day, the open database is copied with
SQLite's online backup API into ``backups/store-YYYYMMDD.db``: an SQLCipher file under the
same data key (the copy never exists in clear, not even as a temporary file), written as a
``.part`` and renamed when complete, 0600 in a 0700 folder. The last ``KEEP`` copies stay,
so one bad day cannot overwrite every good copy. Set-up makes the first one, so a new
profile has a backup to point to from its first day.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from desktop.paths import create_private_file, ensure_private_dir
from desktop.storage.connection import Connection, open_encrypted

BACKUP_DIR = "backups"
KEEP = 3
_PREFIX = "store-"
_SUFFIX = ".db"


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
) -> Path | None:
    """Today's backup of ``conn``'s database, unless there is one already; then prune."""
    folder = directory / BACKUP_DIR
    target = folder / f"{_PREFIX}{today():%Y%m%d}{_SUFFIX}"
    if target.exists():
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
        part.replace(target)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    for old in backups(directory)[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return target
