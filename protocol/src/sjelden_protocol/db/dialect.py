"""One SQL text for SQLite (and SQLCipher) and PostgreSQL, and where the two differ.

Our SQL is written SQLite-style and is the subset both databases read alike: ``?``
placeholders, ``ON CONFLICT (…) DO NOTHING`` / ``DO UPDATE SET c = excluded.c`` for upserts
(SQLite ≥ 3.24), ``RETURNING`` (SQLite ≥ 3.35; the bundled SQLCipher and every supported
Python's sqlite3 are newer), ``LIMIT``. What is left differs here and nowhere else:

* placeholders: psycopg takes ``%s``, so every ``?`` becomes ``%s`` and every literal ``%``
  is doubled (otherwise a ``LIKE 'a%'`` would be read as a placeholder); our SQL never has
  a ``?`` inside a literal;
* column types in schema scripts: ``{blob}`` and ``{serial}`` (``run_script``);
* how a unique violation looks (``is_unique_violation``): SQLite's ``IntegrityError`` with
  a ``UNIQUE`` / ``PRIMARY KEY`` constraint code, PostgreSQL's SQLSTATE 23505.

Taking the write lock is left to each database's own transaction code, since it differs in
kind (``BEGIN IMMEDIATE`` against an advisory lock), not in spelling.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

DialectName = Literal["sqlite", "postgresql"]
_SQLITE_UNIQUE = frozenset({"SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"})
_PG_UNIQUE_VIOLATION = "23505"


class Cursor(Protocol):
    """What we read from a DB-API cursor (sqlite3's, SQLCipher's and psycopg 3's alike)."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Executes(Protocol):
    """A DB-API connection or cursor: anything that runs one statement with parameters."""

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Cursor: ...


@dataclass(frozen=True)
class Dialect:
    name: DialectName
    blob: str
    serial: str  # an integer primary key the database numbers itself, in insertion order

    def sql(self, text: str) -> str:
        """``text`` in this database's placeholder style."""
        return text if self.name == "sqlite" else _format_style(text)

    def is_unique_violation(self, exc: BaseException) -> bool:
        """Whether ``exc`` is the driver's error for a duplicate key (never the row's values)."""
        if self.name == "postgresql":
            return getattr(exc, "sqlstate", None) == _PG_UNIQUE_VIOLATION
        if type(exc).__name__ != "IntegrityError":
            return False
        name = getattr(exc, "sqlite_errorname", None)
        if name in _SQLITE_UNIQUE:
            return True
        # SQLCipher's module reports only the primary code (SQLITE_CONSTRAINT); SQLite's
        # message names the kind of constraint (a primary key's too), never the values.
        return name in (None, "SQLITE_CONSTRAINT") and str(exc).startswith(
            "UNIQUE constraint failed"
        )


SQLITE = Dialect("sqlite", blob="BLOB", serial="INTEGER PRIMARY KEY AUTOINCREMENT")
POSTGRESQL = Dialect(
    "postgresql", blob="BYTEA", serial="BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
)


def dialect_named(name: str) -> Dialect:
    if name == "sqlite":
        return SQLITE
    if name in ("postgresql", "postgres"):
        return POSTGRESQL
    raise ValueError(f"unknown SQL dialect {name!r}")


@functools.lru_cache(maxsize=2048)
def _format_style(text: str) -> str:
    # Cached: the same few hundred statements run again and again.
    return text.replace("%", "%%").replace("?", "%s")


def upsert(table: str, key: Sequence[str], columns: Sequence[str]) -> str:
    """``INSERT … ON CONFLICT (key) DO UPDATE`` setting every non-key column (both dialects)."""
    names = [*key, *columns]
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns)
    marks = ", ".join("?" for _ in names)
    return (
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks}) "  # noqa: S608 - names are code
        f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
    )


class Sql:
    """A connection (or cursor) seen through its dialect: our SQL text goes in unchanged.

    Errors are the driver's own, untouched, so each caller maps them to its error taxonomy
    (which never carries SQL parameters).
    """

    def __init__(self, target: Executes, dialect: Dialect) -> None:
        self.target = target
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.target.execute(self.dialect.sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        # One statement per row, so a connection and a cursor of either driver serve (psycopg's
        # connection has no executemany); a bulk writer overrides it with the driver's own.
        text = self.dialect.sql(sql)
        for row in rows:
            self.target.execute(text, tuple(row))

    def one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self.execute(sql, params).fetchone()
        return None if row is None else tuple(row)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return [tuple(row) for row in self.execute(sql, params).fetchall()]
