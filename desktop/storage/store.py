"""An unlocked store: the public face of the database for the UI, CLI and sync.

Every method runs its work on the database thread. The synchronous methods wait for the
result (fine for the CLI, tests and the sync thread); the GUI uses ``submit`` through its
operation API so it never blocks on disk. Records have no methods here: their one API is
the functions of a connection in ``records`` and ``record_ops``, run with ``call`` or
``submit`` by the app, the CLI and the tests alike.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from typing import Any, TypeVar

from desktop.storage import audit, settings
from desktop.storage.connection import Connection, integrity_problems
from desktop.storage.worker import Closes, DatabaseWorker

T = TypeVar("T")


class Store:
    def __init__(
        self, worker: DatabaseWorker[Connection], *, actor: str, lock: Closes | None = None
    ) -> None:
        # ``lock`` is the profile's instance lock (``instance_lock``), held while open
        self._worker = worker
        self.actor = actor
        self._lock = lock

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._worker.closed

    def submit(
        self, fn: Callable[[Connection], T], operation: str = ""
    ) -> concurrent.futures.Future[T]:
        return self._worker.submit(fn, operation)

    def call(self, fn: Callable[[Connection], T], operation: str = "") -> T:
        return self._worker.call(fn, operation)

    def close(self) -> None:
        try:
            self._worker.close()
        finally:
            if self._lock is not None:
                self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- audit, settings, health ------------------------------------------------------------

    def audit_entries(self, record_id: str | None = None) -> list[audit.AuditEntry]:
        return self.call(lambda c: audit.entries(c, record_id), "audit entries")

    def verify_audit_chain(self) -> int | None:
        return self.call(audit.verify_chain, "verify audit chain")

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.call(lambda c: settings.get(c, key, default), "get setting")

    def put_setting(self, key: str, value: Any) -> None:
        self.call(lambda c: settings.put(c, key, value), "put setting")

    def integrity_problems(self) -> list[str]:
        return self.call(integrity_problems, "integrity check")
