"""Connections and transactions for the two supported databases.

The store writes its SQL once with ``?`` placeholders; the placeholder style is the dialect
layer's (``sjelden_protocol.db``, shared with the desktop's store and register), and this
module adds how a write transaction is started and a pool of connections so request
threads do not reconnect: psycopg_pool for PostgreSQL (the production store, served by
several processes at once, docs/inbox.md "Deployment"), and a small bounded pool for
SQLite, for which no locked library pools ``sqlite3`` connections.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from sjelden_protocol.db import POSTGRESQL, SQLITE, Dialect, Sql

Row = tuple[Any, ...]
#: What the store sees inside a transaction: our SQL, in the database's placeholder style.
Transaction = Sql


class PoolTimeout(Exception):
    """Every connection stayed busy for ``Database.acquire_timeout`` seconds."""


class DatabaseUnreachable(Exception):
    """The server could not open its first connection (at start or for a command): the
    address, the user, the password or the server itself; ``code`` is stable."""

    code = "database_unreachable"


class Database:
    """What the store needs: one transaction at a time per caller, from a bounded pool."""

    dialect: Dialect
    #: seconds a transaction waits for a free connection before ``PoolTimeout`` (a 503)
    acquire_timeout = 60.0

    def transaction(self, *, write: bool = False) -> AbstractContextManager[Transaction]:
        raise NotImplementedError

    def checkpoint(self) -> None:
        """After a deletion: let no old copy of deleted pages outlive it (SQLite's WAL)."""

    def close(self) -> None:
        raise NotImplementedError


class PooledDatabase(Database):
    """At most ``pool_size`` connections, opened on first need and reused newest first.

    Only for SQLite: the standard library pools nothing and psycopg_pool pools only psycopg
    connections; PostgreSQL uses psycopg_pool (``PostgresDatabase``)."""

    def __init__(self, connect: Callable[[], Any], pool_size: int) -> None:
        self._connect = connect
        self._slots = threading.BoundedSemaphore(pool_size)
        self._idle: list[Any] = []
        self._lock = threading.Lock()
        self._closed = False

    def _acquire(self) -> Any:
        if not self._slots.acquire(timeout=self.acquire_timeout):
            raise PoolTimeout(f"no database connection free within {self.acquire_timeout:.0f} s")
        with self._lock:
            if self._idle:
                return self._idle.pop()
        try:
            return self._connect()
        except BaseException:
            self._slots.release()
            raise

    def _release(self, connection: Any, broken: bool) -> None:
        with self._lock:
            keep = not (broken or self._closed)
            if keep:
                self._idle.append(connection)
        if not keep:
            connection.close()
        self._slots.release()

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Transaction]:
        if self._closed:
            raise RuntimeError("database is closed")
        connection = self._acquire()
        broken = False
        try:
            with self._begin(connection, write) as tx:
                yield tx
        except BaseException as exc:
            broken = self._is_broken(connection, exc)
            raise
        finally:
            self._release(connection, broken)

    def _begin(self, connection: Any, write: bool) -> Any:
        raise NotImplementedError

    def _is_broken(self, connection: Any, exc: BaseException) -> bool:
        return False

    def close(self) -> None:
        """Close idle connections now; those in use close when their transaction ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()


class SqliteDatabase(PooledDatabase):
    dialect = SQLITE

    def __init__(self, path: Path, pool_size: int = 8) -> None:
        _private_database_file(path)

        def connect() -> sqlite3.Connection:
            connection = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=60
            )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA busy_timeout=60000")
            # Deleted envelopes are overwritten with zeros, not left in free pages.
            connection.execute("PRAGMA secure_delete=ON")
            return connection

        super().__init__(connect, pool_size)

    @contextmanager
    def _begin(self, connection: sqlite3.Connection, write: bool) -> Iterator[Transaction]:
        # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on the busy
        # timeout instead of one failing later with "database is locked".
        connection.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        try:
            yield Sql(connection.cursor(), SQLITE)
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def checkpoint(self) -> None:
        connection = self._acquire()
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            self._release(connection, False)


def _private_database_file(path: Path) -> None:
    """The folder 0700 and the file 0600 before SQLite opens it: SQLite creates ``-wal`` and
    ``-shm`` with the database file's mode, so they are private too. An existing file or
    folder of an older version (created 0644 in 0755) is tightened; a shared folder (sticky,
    such as /tmp) or one of another user is left as it is."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.stat()
    if info.st_uid == os.getuid() and not info.st_mode & stat.S_ISVTX:
        os.chmod(folder, 0o700)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            os.chmod(name, 0o600)


class PostgresDatabase(Database):
    """Connections from a psycopg_pool ``ConnectionPool`` (at most ``pool_size``, checked
    before each use so a restarted PostgreSQL costs no failed request). Every inbox process
    has its own pool; the rules that make several processes safe on one database (unique
    constraints, conditional updates, advisory locks) are the store's.

    The password comes from the settings (environment or a 0600 file), not the URL, so it
    is on no command line; libpq's own ``PGPASSWORD`` and ``~/.pgpass`` work as well.
    """

    dialect = POSTGRESQL

    def __init__(self, url: str, pool_size: int = 8, password: str | None = None) -> None:
        import psycopg
        from psycopg_pool import ConnectionPool

        kwargs: dict[str, Any] = {"autocommit": True, "connect_timeout": 10}
        if password is not None:
            kwargs["password"] = password
        # One connection first, so a wrong address or password fails now with libpq's own
        # reason instead of as a pool timeout a minute later.
        try:
            psycopg.connect(url, **kwargs).close()
        except psycopg.OperationalError as exc:
            reason = " ".join(str(exc).split()) or type(exc).__name__  # libpq's, one line
            raise DatabaseUnreachable(
                f"cannot connect to PostgreSQL ({reason}); check database_url, that the server "
                "runs, and the password (SJELDEN_INBOX_DB_PASSWORD_FILE)"
            ) from None
        self._pool: ConnectionPool[Any] = ConnectionPool(
            url,
            kwargs=kwargs,
            min_size=1,
            max_size=pool_size,
            open=False,
            timeout=self.acquire_timeout,
            check=ConnectionPool.check_connection,
            name="sjelden-inbox",
        )
        self._pool.open()
        self._closed = False

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator[Transaction]:
        if self._closed:
            raise RuntimeError("database is closed")
        from psycopg_pool import PoolTimeout as PsycopgPoolTimeout

        try:
            # The pool rolls back and discards a connection a failure left broken.
            with (
                self._pool.connection(timeout=self.acquire_timeout) as connection,
                connection.transaction(),
                connection.cursor() as cursor,
            ):
                yield Sql(cursor, POSTGRESQL)
        except PsycopgPoolTimeout as exc:
            raise PoolTimeout(
                f"no database connection free within {self.acquire_timeout:.0f} s"
            ) from exc

    def close(self) -> None:
        """Close the pool: idle connections now, those in use when they are returned."""
        self._closed = True
        self._pool.close()


def open_database(url: str, pool_size: int = 8, password: str | None = None) -> Database:
    """``sqlite:///path/to/file`` or ``postgresql://...`` (``postgres://`` also accepted)."""
    if url.startswith("sqlite:///"):
        return SqliteDatabase(Path(url.removeprefix("sqlite:///")), pool_size)
    if url.startswith(("postgresql://", "postgres://")):
        return PostgresDatabase(url, pool_size, password)
    raise ValueError(
        "database URL must start with sqlite:/// or postgresql://, "
        "e.g. sqlite:////var/lib/sjelden/inbox.sqlite3"
    )
