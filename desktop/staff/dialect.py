"""Where the register lives: the staff profile's SQLCipher file, or PostgreSQL.

The register code writes its SQL once, SQLite-style; ``sjelden_protocol.db`` (the dialect
layer the store and the inbox share) turns it into PostgreSQL's placeholders and holds the
few differences (``BLOB`` vs ``BYTEA``). Taking the write lock and wiping deleted rows differ
in kind and live here. Each backend has one thread that owns its connection (SQLCipher: the
profile store's own worker; PostgreSQL: a ``DatabaseWorker`` of its own), so the GUI can
submit register work and never block on the database.

Errors leave this layer as ``StaffError`` codes, never with SQL parameters in their text:
PostgreSQL's error details can echo row values.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol, TypeVar

from sjelden_protocol.db import POSTGRESQL, SQLITE, Cursor, Dialect, DialectName, Sql

from desktop.staff.errors import StaffError
from desktop.storage.connection import Connection, transaction
from desktop.storage.store import Store
from desktop.storage.worker import DatabaseWorker

T = TypeVar("T")
# Serialises register writers on PostgreSQL as BEGIN IMMEDIATE does on SQLite (an arbitrary,
# fixed 64-bit number: "sjelden register").
_PG_LOCK = 0x736A656C64656E52
# Every table a deletion of a person's data touches (a reservation deletes quarantined
# batches and the queue's keyed-hash index too).
_VACUUMED = (
    "register_records",
    "register_history",
    "register_index",
    "review_items",
    "review_index",
    "quarantined_batches",
)

__all__ = ["Backend", "Cursor", "Db", "DialectName", "PgBackend", "PgDb", "SqliteBackend"]


class Db(Protocol):
    """What register code sees of a connection, on its owning thread."""

    dialect: Dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def transaction(self, operation: str) -> contextlib.AbstractContextManager[Db]: ...

    def checkpoint(self) -> None:
        """Make deleted rows unrecoverable from the database's side files where possible."""
        ...


class SqliteDb(Sql):
    """The SQLCipher connection of the staff profile (secure_delete is on)."""

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn, SQLITE)
        self.conn = conn

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)  # SQLite's own loop: a register import is bulk

    @contextlib.contextmanager
    def transaction(self, operation: str) -> Iterator[Db]:
        with transaction(self.conn, operation):
            yield self

    def checkpoint(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class PgDb(Sql):
    """A psycopg 3 connection in autocommit mode; ``transaction`` opens a real one."""

    def __init__(self, conn: Any) -> None:
        super().__init__(conn, POSTGRESQL)
        self.conn = conn

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:  # psycopg pipelines a cursor's executemany
            cursor.executemany(self.dialect.sql(sql), [tuple(r) for r in rows])

    @contextlib.contextmanager
    def transaction(self, operation: str) -> Iterator[Db]:
        with self.conn.transaction():
            self.execute("SELECT pg_advisory_xact_lock(?)", (_PG_LOCK,))
            yield self

    def checkpoint(self) -> None:
        # Dead row versions stay in the heap until vacuumed; they hold only ciphertext and
        # keyed hashes, and VACUUM makes the space reusable at once.
        for table in _VACUUMED:
            self.conn.execute(f"VACUUM {table}")

    def close(self) -> None:
        with contextlib.suppress(Exception):  # a broken connection is closed all the same
            self.conn.close()


class Backend(Protocol):
    """Where the register lives; runs functions of a ``Db`` on the owning thread."""

    dialect: DialectName

    def submit(
        self, fn: Callable[[Db], T], operation: str = ""
    ) -> concurrent.futures.Future[T]: ...

    def close(self) -> None: ...


class SqliteBackend:
    """The register inside the staff profile's SQLCipher file, on the store's thread."""

    dialect: DialectName = "sqlite"

    def __init__(self, store: Store) -> None:
        self.store = store

    def submit(self, fn: Callable[[Db], T], operation: str = "") -> concurrent.futures.Future[T]:
        return self.store.submit(lambda conn: fn(SqliteDb(conn)), operation)

    def close(self) -> None:
        """The profile's store is closed by its owner (the staff session)."""


class PgBackend:
    """The register in PostgreSQL; one ``DatabaseWorker`` thread owns the one connection."""

    dialect: DialectName = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # a server extra: pip install 'sjelden[server]'
            raise StaffError("postgres_driver_missing") from exc

        def errors(exc: BaseException, operation: str) -> BaseException | None:
            if isinstance(exc, psycopg.OperationalError):
                return StaffError("register_db_unavailable", f"{operation}: {_pg_state(exc)}")
            if isinstance(exc, psycopg.Error):
                return StaffError("register_db_error", f"{operation}: {_pg_state(exc)}")
            return None

        def connect() -> PgDb:
            try:
                return PgDb(psycopg.connect(url, autocommit=True, connect_timeout=10))
            except psycopg.Error as exc:
                mapped = errors(exc, "connect")
                assert mapped is not None
                raise mapped from exc

        self._worker: DatabaseWorker[PgDb] = DatabaseWorker(
            connect,
            errors=errors,
            closed=lambda operation: StaffError("register_db_unavailable", "closed"),
            thread_name="sjelden-register",
        )

    def submit(self, fn: Callable[[Db], T], operation: str = "") -> concurrent.futures.Future[T]:
        return self._worker.submit(fn, operation or "register")

    def close(self) -> None:
        self._worker.close()


def _pg_state(exc: BaseException) -> str:
    """The SQLSTATE and exception type only: PostgreSQL's messages may quote row values."""
    state = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}" + (f" sqlstate={state}" if state else "")
