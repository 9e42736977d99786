"""An unlocked store: the public face of the database for the UI, CLI and sync.

Every method runs its work on the database thread. The synchronous methods wait for the
result (fine for the CLI, tests and the sync thread); the GUI uses ``submit`` through its
operation API so it never blocks on disk.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from desktop.storage import audit, records, settings
from desktop.storage.connection import Connection, integrity_problems
from desktop.storage.records import Record, RecordRow, RecordStatus, SortKey
from desktop.storage.worker import DatabaseWorker

T = TypeVar("T")


class Store:
    def __init__(self, worker: DatabaseWorker[Connection], *, actor: str) -> None:
        self._worker = worker
        self.actor = actor

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
        self._worker.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- records ----------------------------------------------------------------------------

    def save_draft(
        self,
        record_id: str,
        payload: Mapping[str, Any],
        *,
        form_id: str,
        form_version: int,
    ) -> Record:
        return self.call(
            lambda c: records.save_draft(
                c,
                record_id=record_id,
                payload=payload,
                form_id=form_id,
                form_version=form_version,
                author=self.actor,
            ),
            "save draft",
        )

    def complete(self, record_id: str, payload: Mapping[str, Any]) -> Record:
        return self.call(
            lambda c: records.complete(
                c,
                record_id=record_id,
                payload=payload,
                author=self.actor,
            ),
            "complete",
        )

    def import_many(
        self,
        items: list[tuple[str, Mapping[str, Any], RecordStatus]],
        *,
        form_id: str,
        form_version: int,
    ) -> int:
        return self.call(
            lambda c: records.import_many(
                c,
                items,
                form_id=form_id,
                form_version=form_version,
                author=self.actor,
            ),
            "import records",
        )

    def new_revision(self, record_id: str) -> Record:
        return self.call(
            lambda c: records.new_revision(c, record_id=record_id, author=self.actor),
            "new revision",
        )

    def delete_draft(self, record_id: str) -> None:
        self.call(
            lambda c: records.delete_draft(c, record_id=record_id, author=self.actor),
            "delete draft",
        )

    def set_status(self, record_id: str, revision: int, status: RecordStatus) -> bool:
        return self.call(
            lambda c: records.set_status(
                c, record_id=record_id, revision=revision, status=status, actor=self.actor
            ),
            "set status",
        )

    def get(self, record_id: str) -> Record | None:
        return self.call(lambda c: records.get(c, record_id), "get record")

    def history(self, record_id: str) -> list[Record]:
        return self.call(lambda c: records.history(c, record_id), "record history")

    def list_rows(
        self,
        *,
        status: RecordStatus | None = None,
        search: str | None = None,
        order_by: SortKey = "updated_at",
        descending: bool = True,
        limit: int | None = 200,
        offset: int = 0,
        after: RecordRow | None = None,
    ) -> list[RecordRow]:
        return self.call(
            lambda c: records.list_rows(
                c,
                status=status,
                search=search,
                order_by=order_by,
                descending=descending,
                limit=limit,
                offset=offset,
                after=after,
            ),
            "list records",
        )

    def count(self, status: RecordStatus | None = None) -> int:
        return self.call(lambda c: records.count(c, status), "count records")

    def find_likely_duplicates(
        self, national_id: str, orpha_code: str, exclude_record_id: str | None = None
    ) -> list[str]:
        return self.call(
            lambda c: records.find_likely_duplicates(
                c,
                national_id=national_id,
                orpha_code=orpha_code,
                exclude_record_id=exclude_record_id,
            ),
            "duplicate lookup",
        )

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
