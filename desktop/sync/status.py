"""What the status panel and ``sjelden sync-status`` show: last sync, counts, last error.

The last error is kept as a code and a time (never a payload); its text in bokmål or English
comes from ``desktop.net.errors.MESSAGES`` and says what to do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.messages import Lang
from desktop.net.errors import message_for
from desktop.storage import settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.records import RecordStatus
from desktop.sync import identity

LAST_SUCCESS = "sync.last_success_at"
LAST_ATTEMPT = "sync.last_attempt_at"
LAST_ERROR = "sync.last_error"


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    last_success_at: str | None
    last_attempt_at: str | None
    last_error_code: str | None
    counts: dict[str, int] = field(default_factory=dict)
    pending_batches: int = 0

    def last_error(self, lang: Lang = "nb") -> str | None:
        return None if self.last_error_code is None else message_for(self.last_error_code, lang)

    @property
    def waiting(self) -> int:
        """Records that still have to reach the register (completed or queued)."""
        return self.counts.get("completed", 0) + self.counts.get("queued", 0)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def record_outcome(conn: Connection, error_code: str | None) -> None:
    """After each sync run: success clears the last error; failure keeps it (code only)."""
    with transaction(conn, "sync outcome"):
        stamp = _now()
        settings.write(conn, LAST_ATTEMPT, stamp)
        if error_code is None:
            settings.write(conn, LAST_SUCCESS, stamp)
            settings.write(conn, LAST_ERROR, None)
        elif error_code != "cancelled":
            settings.write(conn, LAST_ERROR, {"code": error_code, "at": stamp})


def read(conn: Connection) -> SyncStatus:
    counts = {status.value: 0 for status in RecordStatus}
    for status, n in conn.execute("SELECT status, count(*) FROM records GROUP BY status"):
        counts[str(status)] = int(n)
    pending = int(
        conn.execute("SELECT count(*) FROM outbox_batches WHERE state = 'pending'").fetchone()[0]
    )
    error = settings.get(conn, LAST_ERROR)
    url = settings.get(conn, identity.SERVER_URL)
    return SyncStatus(
        enrolled=identity.installation_key(conn) is not None and bool(url),
        server_url=None if url is None else str(url),
        last_success_at=_str(settings.get(conn, LAST_SUCCESS)),
        last_attempt_at=_str(settings.get(conn, LAST_ATTEMPT)),
        last_error_code=str(error["code"]) if isinstance(error, dict) else None,
        counts=counts,
        pending_batches=pending,
    )


def _str(value: object) -> str | None:
    return None if value is None else str(value)
