"""The one thread that owns the SQLCipher connection.

SQLite connections must not be shared across threads, and the GUI thread must never wait on
disk. So every database operation is a function of the connection, submitted to this
single-worker executor; callers get a ``Future`` (the Qt layer turns its completion into a
signal). Errors leave the thread already mapped to the store's error taxonomy.
"""

from __future__ import annotations

import concurrent.futures
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlcipher3

from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.errors import NotUnlocked, StoreError, classify_sqlite_error

T = TypeVar("T")


class DatabaseWorker:
    def __init__(self, path: Path, key: bytes | bytearray, *, create: bool = False) -> None:
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sjelden-db"
        )
        self._conn: Connection | None = None
        self._closed = False
        self._lock = threading.Lock()
        self.path = path
        key_copy = bytes(key)

        def _open() -> None:
            self._conn = open_encrypted(path, key_copy, create=create)

        try:
            self._executor.submit(_open).result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise

    @property
    def closed(self) -> bool:
        return self._closed

    def submit(
        self, fn: Callable[[Connection], T], operation: str = ""
    ) -> concurrent.futures.Future[T]:
        with self._lock:
            if self._closed:
                raise NotUnlocked(operation)
            return self._executor.submit(self._run, fn, operation or getattr(fn, "__name__", "op"))

    def call(self, fn: Callable[[Connection], T], operation: str = "") -> T:
        return self.submit(fn, operation).result()

    def _run(self, fn: Callable[[Connection], T], operation: str) -> T:
        if self._conn is None:
            raise NotUnlocked(operation)
        try:
            return fn(self._conn)
        except StoreError:
            raise
        except sqlcipher3.Error as exc:
            raise classify_sqlite_error(exc, operation) from exc
        except OSError as exc:
            raise classify_sqlite_error(exc, operation) from exc

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
