"""Versioned schema steps, each applied in a transaction of its own, never past the code.

A migration is a list of steps; step ``n`` brings the schema from version ``n`` to ``n + 1``
and is never edited once released (a change is a new step). Each step runs in its own
transaction together with the version it reaches, so a crash leaves the schema at a version
the code knows, and the version is read again inside that transaction, so two processes
starting at once (staff members on one PostgreSQL, inbox workers) never apply a step twice
while the caller's transaction holds the write lock (``BEGIN IMMEDIATE``, an advisory lock).
A database at a newer version than the code is refused (``SchemaTooNew``) before anything
is written.

Where the version lives is the database's own and stays where existing files have it
(``VersionStore``): ``PRAGMA user_version`` for the clinic store, one row per component for
the staff profile and register, an append-only table for the inbox.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from .dialect import Dialect, Executes, upsert

T = TypeVar("T", bound=Executes)


class SchemaTooNew(RuntimeError):
    """The database was written by a newer version of the code; nothing was changed."""

    def __init__(self, name: str, found: int, supported: int) -> None:
        super().__init__(f"{name} schema {found} is newer than this version's {supported}")
        self.name = name
        self.found = found
        self.supported = supported


class VersionStore(Protocol):
    def ensure(self, db: Executes) -> None:
        """Create where the version is kept, if it does not exist yet (idempotent)."""

    def read(self, db: Executes) -> int: ...

    def write(self, db: Executes, version: int) -> None: ...


class UserVersion:
    """SQLite's ``PRAGMA user_version`` (transactional, kept in the file header)."""

    def ensure(self, db: Executes) -> None:
        """Always there."""

    def read(self, db: Executes) -> int:
        return int(db.execute("PRAGMA user_version").fetchone()[0])

    def write(self, db: Executes, version: int) -> None:
        db.execute(f"PRAGMA user_version = {int(version)}")


@dataclass(frozen=True)
class VersionTable:
    """One row per component in ``table (component, version)``: several schemas in one file."""

    table: str
    component: str

    def ensure(self, db: Executes) -> None:
        db.execute(
            f"CREATE TABLE IF NOT EXISTS {self.table} ("
            "component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )

    def read(self, db: Executes) -> int:
        row = db.execute(
            f"SELECT version FROM {self.table} WHERE component = ?",  # noqa: S608 - a code constant
            (self.component,),
        ).fetchone()
        return 0 if row is None else int(row[0])

    def write(self, db: Executes, version: int) -> None:
        db.execute(upsert(self.table, ["component"], ["version"]), (self.component, version))


@dataclass(frozen=True)
class VersionLog:
    """A row per version reached in ``table (version)``; the highest counts."""

    table: str

    def ensure(self, db: Executes) -> None:
        db.execute(f"CREATE TABLE IF NOT EXISTS {self.table} (version INTEGER NOT NULL)")

    def read(self, db: Executes) -> int:
        row = db.execute(f"SELECT MAX(version) FROM {self.table}").fetchone()  # noqa: S608
        return 0 if row is None or row[0] is None else int(row[0])

    def write(self, db: Executes, version: int) -> None:
        db.execute(f"INSERT INTO {self.table} (version) VALUES (?)", (version,))  # noqa: S608


@dataclass(frozen=True)
class Migrations(Generic[T]):
    name: str  # for SchemaTooNew's message: "store", "staff register", "inbox"
    steps: Sequence[Callable[[T], None]]
    versions: VersionStore

    @property
    def latest(self) -> int:
        return len(self.steps)

    def current(self, db: T) -> int:
        """The version ``db`` is at (0 for an empty database), inside the caller's transaction."""
        self.versions.ensure(db)
        return self.versions.read(db)

    def apply(
        self,
        begin: Callable[[str], AbstractContextManager[T]],
        *,
        target: int | None = None,
        prepare: Callable[[int], None] | None = None,
    ) -> int:
        """Apply the steps up to ``target`` (default: all); returns the version reached.

        ``begin(operation)`` opens a write transaction and yields what the steps run on.
        ``prepare(version)`` runs once, outside any transaction, before the first step that
        is due (the clinic store copies its encrypted file aside there).
        """
        goal = self.latest if target is None else target
        prepared = prepare is None
        while True:
            with begin(f"migrate {self.name}") as db:
                version = self.current(db)
                if version > self.latest:
                    raise SchemaTooNew(self.name, version, self.latest)
                if version >= goal:
                    return version
                if prepared:
                    self.steps[version](db)
                    self.versions.write(db, version + 1)
                    continue
            assert prepare is not None
            prepare(version)
            prepared = True


def run_script(db: Executes, script: str, dialect: Dialect) -> None:
    """Run ``;``-separated statements with ``{blob}`` and ``{serial}`` filled in for ``dialect``.

    Not ``executescript``: SQLite's commits first, which would end the step's transaction.
    ``db`` takes our SQL as it is written (a raw SQLite connection, or an ``Sql``).
    """
    text = script.format(blob=dialect.blob, serial=dialect.serial)
    for statement in text.split(";"):
        if statement.strip():
            db.execute(statement)
