"""The one thread that owns a database connection: the store's, and the register's on PostgreSQL.

Database connections must not be shared across threads, and the GUI thread must never wait
on disk or network. So every database operation is a function of the connection, submitted
to a single-worker executor; callers get a ``Future`` (the Qt layer turns its completion
into a signal). Errors leave the thread already mapped to the owner's error taxonomy (the
store's, or the staff register's), never with SQL parameters in their text.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

import sqlcipher3

from desktop.storage import memory_wipe
from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.errors import NotUnlocked, StoreError, classify_sqlite_error

T = TypeVar("T")


class Closes(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closes)
#: The exception to raise instead of ``exc`` in ``operation``, or ``None`` to let it through.
ErrorMap = Callable[[BaseException, str], BaseException | None]


class DatabaseWorker(Generic[C]):
    """Opens the connection on its thread, runs submitted functions of it there, closes it."""

    def __init__(
        self,
        connect: Callable[[], C],
        *,
        errors: ErrorMap,
        closed: Callable[[str], BaseException],
        thread_name: str,
        after: Callable[[C], None] | None = None,
    ) -> None:
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=thread_name
        )
        self._conn: C | None = None
        self._closed = False
        self._lock = threading.Lock()
        self._errors = errors
        self._closed_error = closed
        self._after = after

        def _open() -> None:
            self._conn = connect()

        try:
            self._executor.submit(_open).result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(self, fn: Callable[[C], T], operation: str = "") -> concurrent.futures.Future[T]:
        with self._lock:
            if self._closed:
                raise self._closed_error(operation)
            return self._executor.submit(self._run, fn, operation or getattr(fn, "__name__", "op"))

    def call(self, fn: Callable[[C], T], operation: str = "") -> T:
        return self.submit(fn, operation).result()

    def _run(self, fn: Callable[[C], T], operation: str) -> T:
        if self._conn is None:
            raise self._closed_error(operation)
        try:
            return fn(self._conn)
        except BaseException as exc:
            mapped = self._errors(exc, operation)
            if mapped is None or mapped is exc:
                raise
            raise mapped from exc
        finally:
            # once per submitted operation, however many transactions it committed: the
            # store records its commit counter here (commit_state), not per statement
            if self._after is not None:
                self._after(self._conn)

    def close(self) -> None:
        """Finish queued work, close the connection on its own thread, stop the thread."""
        with self._lock:
            if self._closed:
                return
            self._closed = True

        def _close() -> None:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

        self._executor.submit(_close).result()
        self._executor.shutdown(wait=True)


def _store_error(exc: BaseException, operation: str) -> BaseException | None:
    if isinstance(exc, StoreError):
        return None
    if isinstance(exc, sqlcipher3.Error | OSError):
        return classify_sqlite_error(exc, operation)
    return None


def store_worker(
    path: Path,
    key: bytes | bytearray,
    *,
    create: bool = False,
    after: Callable[[Connection], None] | None = None,
) -> DatabaseWorker[Connection]:
    """The worker of an encrypted store: SQLCipher opened with ``key``, the store's errors.

    ``after`` runs on the db thread after each operation (the profile's ``CommitRecord``).
    """
    key_copy = bytearray(key)

    def connect() -> Connection:
        # the copy lives only until SQLCipher holds the key (it wipes its own on close)
        try:
            return open_encrypted(path, key_copy, create=create)
        finally:
            memory_wipe.wipe(key_copy)

    return DatabaseWorker(
        connect,
        errors=_store_error,
        closed=NotUnlocked,
        thread_name="sjelden-db",
        after=after,
    )
