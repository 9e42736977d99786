"""A thin dialect layer so the register's SQL runs on SQLCipher and on PostgreSQL alike.

The register code writes SQLite-style SQL (``?`` placeholders, ``ON CONFLICT``, ``LIMIT``),
which PostgreSQL also understands once ``?`` becomes ``%s``; the few differences (``BLOB`` vs
``BYTEA``, taking the write lock) live here. Each backend has one thread that owns its
connection (SQLCipher: the profile store's own worker; PostgreSQL: a worker of its own), so
the GUI can submit register work and never block on the database.

Errors leave this layer as ``StaffError`` codes, never with SQL parameters in their text:
PostgreSQL's error details can echo row values.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Literal, Protocol, TypeVar

from desktop.staff.errors import StaffError
from desktop.storage.connection import Connection, transaction
from desktop.storage.store import Store

T = TypeVar("T")
DialectName = Literal["sqlite", "postgresql"]
# Serialises register writers on PostgreSQL as BEGIN IMMEDIATE does on SQLite (an arbitrary,
# fixed 64-bit number: "sjelden register").
_PG_LOCK = 0x736A656C64656E52


class Cursor(Protocol):
    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Db(Protocol):
    """What register code sees of a connection, on its owning thread."""

    dialect: DialectName

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def transaction(self, operation: str) -> contextlib.AbstractContextManager[Db]: ...

    def checkpoint(self) -> None:
        """Make deleted rows unrecoverable from the database's side files where possible."""
        ...


class SqliteDb:
    """The SQLCipher connection of the staff profile (secure_delete is on)."""

    dialect: DialectName = "sqlite"

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        cursor: Cursor = self.conn.execute(sql, tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def transaction(self, operation: str) -> Iterator[Db]:
        with transaction(self.conn, operation):
            yield self

    def checkpoint(self) -> None:
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


class PgDb:
    """A psycopg 3 connection in autocommit mode; ``transaction`` opens a real one."""

    dialect: DialectName = "postgresql"

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self._sql: dict[str, str] = {}

    def _translate(self, sql: str) -> str:
        cached = self._sql.get(sql)
        if cached is None:
            # Register SQL never has '?' or '%' inside literals, so this is a plain swap.
            cached = self._sql[sql] = sql.replace("%", "%%").replace("?", "%s")
        return cached

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        cursor: Cursor = self.conn.execute(self._translate(sql), tuple(params))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        with self.conn.cursor() as cursor:
            cursor.executemany(self._translate(sql), [tuple(r) for r in rows])

    @contextlib.contextmanager
    def transaction(self, operation: str) -> Iterator[Db]:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_PG_LOCK,))
            yield self

    def checkpoint(self) -> None:
        # Dead row versions stay in the heap until vacuumed; they hold only ciphertext and
        # keyed hashes, and VACUUM makes the space reusable at once.
        for table in ("register_records", "register_history", "register_index", "review_items"):
            self.conn.execute(f"VACUUM {table}")


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
    """The register in PostgreSQL; one thread owns the one connection."""

    dialect: DialectName = "postgresql"

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError as exc:  # a server extra: pip install 'sjelden[server]'
            raise StaffError("postgres_driver_missing") from exc

        self._psycopg = psycopg
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="sjelden-register"
        )
        self._lock = threading.Lock()
        self._closed = False
        self._db: PgDb | None = None

        def _open() -> None:
            conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
            self._db = PgDb(conn)

        try:
            self._executor.submit(self._guard, _open, "connect").result()
        except BaseException:
            self._executor.shutdown(wait=True)
            raise

    def _guard(self, fn: Callable[[], T], operation: str) -> T:
        psycopg = self._psycopg
        try:
            return fn()
        except StaffError:
            raise
        except psycopg.OperationalError as exc:
            raise StaffError("register_db_unavailable", f"{operation}: {_pg_state(exc)}") from exc
        except psycopg.Error as exc:
            raise StaffError("register_db_error", f"{operation}: {_pg_state(exc)}") from exc

    def submit(self, fn: Callable[[Db], T], operation: str = "") -> concurrent.futures.Future[T]:
        with self._lock:
            if self._closed:
                raise StaffError("register_db_unavailable", "closed")

            def run() -> T:
                assert self._db is not None
                db = self._db
                return self._guard(lambda: fn(db), operation or "register")

            return self._executor.submit(run)

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True

        def _close() -> None:
            if self._db is not None:
                with contextlib.suppress(Exception):
                    self._db.conn.close()
                self._db = None

        self._executor.submit(_close).result()
        self._executor.shutdown(wait=True)


def _pg_state(exc: BaseException) -> str:
    """The SQLSTATE and exception type only: PostgreSQL's messages may quote row values."""
    state = getattr(exc, "sqlstate", None)
    return f"{type(exc).__name__}" + (f" sqlstate={state}" if state else "")


def blob(dialect: DialectName) -> str:
    return "BYTEA" if dialect == "postgresql" else "BLOB"
