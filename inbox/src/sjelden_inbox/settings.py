"""Server settings; defaults make ``sjelden-inbox serve`` work on one PC with no arguments."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from platformdirs import user_data_dir
from sjelden_protocol.limits import MAX_ENVELOPE_BYTES
from sjelden_protocol.request_auth import REPLAY_WINDOW_SECONDS, origin
from sjelden_protocol.timefmt import now_utc

from .storage.retention import Retention


def default_data_dir() -> Path:
    return Path(user_data_dir("sjelden-inbox", appauthor=False))


@dataclass(frozen=True)
class Settings:
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    max_envelope_bytes: int = 16 * 1024 * 1024
    max_json_bytes: int = 8 * 1024 * 1024
    replay_window_seconds: int = REPLAY_WINDOW_SECONDS
    rate_limit_per_minute: float = 120.0
    rate_limit_burst: int = 30
    #: failed authentications (unknown key, bad or stale signature) per client address: past
    #: this budget the address is refused before any signature is checked
    failed_auth_per_minute: float = 10.0
    failed_auth_burst: int = 10
    #: the interactive API pages (/docs, /redoc) load scripts from a CDN; off unless asked for
    api_docs: bool = False
    enrollment_code_ttl_seconds: int = 7 * 24 * 3600
    accepted_recipient_key_ids: frozenset[str] = frozenset()
    db_pool_size: int = 8
    #: the PostgreSQL password (from the environment or a 0600 file, ``config``); never in
    #: the URL, so never on a command line or in a log
    database_password: str | None = field(default=None, repr=False)
    #: the receipt key; every process behind one address must use the same one (clients
    #: verify receipts against the key the register's manifest names)
    server_key_file: Path | None = None
    #: days an acknowledged batch's envelope is kept before its bytes are deleted (staff
    #: have imported it; the row with id, digest and receipt stays so a re-upload still
    #: gets its receipt, see docs/inbox.md "What the inbox keeps")
    batch_retention_days: int = 30
    #: days a relayed feedback document is kept (an installation offline for longer
    #: receives it by file from the register instead)
    feedback_retention_days: int = 365
    #: the origins (scheme://host[:port]) clients reach this inbox at: a signed request must
    #: name one of them (its audience), so a request captured here cannot be replayed to
    #: another inbox. ``serve`` always sets them (--public-url, else its own address); empty
    #: only for an app embedded in tests, which then reads requests of either version.
    public_urls: frozenset[str] = frozenset()
    clock: Callable[[], datetime] = now_utc

    def __post_init__(self) -> None:
        if not 0 < self.max_envelope_bytes <= MAX_ENVELOPE_BYTES:
            raise ValueError(f"max_envelope_bytes must be between 1 and {MAX_ENVELOPE_BYTES}")
        if self.batch_retention_days < 0 or self.feedback_retention_days < 0:
            raise ValueError("retention days must be 0 or more")
        object.__setattr__(self, "public_urls", frozenset(origin(u) for u in self.public_urls))

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{self.data_dir / 'inbox.sqlite3'}"

    @property
    def retention(self) -> Retention:
        return Retention(
            batch_seconds=self.batch_retention_days * 86400,
            feedback_seconds=self.feedback_retention_days * 86400,
        )

    @property
    def server_key_path(self) -> Path:
        return self.server_key_file or self.data_dir / "server-signing-key.pem"
