"""Opening the SQLCipher file with the raw data key, and the pragmas we rely on.

The key is passed as a raw 256-bit key (``x'...'``), so SQLCipher skips its own PBKDF2:
the expensive step happened once, when the passphrase unsealed the key. ``cipher_log_level``
is silenced before keying because SQLCipher otherwise prints HMAC failures to stderr when
someone tries a wrong key.

``cipher_memory_security`` is switched on before keying: SQLCipher then overwrites every
allocation it frees (the key, its hex spelling in the ``PRAGMA key`` statement, decrypted
pages of the cache), so after the store closes no plaintext page or key is left in freed
memory (issue 13 point 7). It is a process-wide setting and costs some speed on every
free. The hex spelling we build for ``PRAGMA key`` is overwritten as soon as it was used
(``memory_wipe``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

import sqlcipher3
from sjelden_protocol.db import Cursor

from desktop.paths import create_private_file
from desktop.storage import memory_wipe
from desktop.storage.errors import classify_sqlite_error


class Connection(Protocol):
    """The SQLCipher connection as the storage layer uses it, on the thread that owns it.

    ``sqlcipher3`` has no type stubs, so this says what we rely on (stdlib ``sqlite3``'s
    connection fits it too) instead of letting ``Any`` through every function of the store.
    """

    def execute(self, sql: str, params: Sequence[Any] = ..., /) -> Cursor: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]], /) -> Cursor: ...

    def close(self) -> None: ...


# Applied to every connection after keying. Each one is a deliberate choice:
# WAL lets readers see a consistent snapshot while a write commits; FULL sync makes every
# committed record survive power loss; secure_delete overwrites freed pages so deleted drafts
# do not linger; temp_store=MEMORY keeps sort/temp b-trees out of unencrypted temp files.
_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
    "PRAGMA busy_timeout = 2000",
    # 64 MiB of decrypted pages in memory (never on disk; SQLite takes it only as pages are
    # read, so a small store uses less). Every page that leaves the cache costs SQLCipher a
    # decryption (HMAC check included) when it is read again, and a dirty one an extra
    # encryption when it is spilled mid-transaction; plain SQLite pays a memcpy for either.
    # A new record lands at a random place in the record-id key and in five of the six list
    # indexes (a national id, or a sort column followed by the random record id), so a bulk
    # import keeps touching all their pages: at 100,000 records about 35 MiB, which 32 MiB
    # could not hold (measured on an import in transactions of 10,000: 6,000 extra
    # decryptions and 5,000 extra encryptions; none from 48 MiB up).
    "PRAGMA cache_size = -65536",
)


#: The attribute of a store connection holding its commit counter once counting started
#: (``commit_state.start_counting``); absent, ``transaction`` counts nothing (migrations,
#: the benchmark's plain file).
COMMITS_ATTRIBUTE = "sjelden_commits"


class _StoreConnection(sqlcipher3.Connection):  # type: ignore[misc]
    """A ``sqlcipher3`` connection that can carry the commit counter as an attribute."""

    sjelden_commits: int | None = None


# Read-only: nothing that would write the file (journal mode, secure_delete apply to writes).
_READ_ONLY_PRAGMAS = tuple(
    p for p in _PRAGMAS if not p.startswith(("PRAGMA journal_mode", "PRAGMA synchronous"))
)


def sqlcipher_version() -> str:
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return str(row[0]) if row else "unknown"
    finally:
        conn.close()


def open_encrypted(path: Path, key: bytes | bytearray, *, create: bool = False) -> Connection:
    """Open (or create) the encrypted database; ``WrongKey`` if the key does not fit."""
    if not create and not path.exists():
        raise FileNotFoundError(path)
    if len(key) != 32:
        raise ValueError("the data key must be 32 bytes")
    if create:
        create_private_file(path)
    # A profile on a read-only file system (a write-protected medium, a share mounted ro)
    # must still be readable and exportable; SQLite cannot even open a WAL file there, since
    # it needs to create the -shm. ``immutable`` reads the main file alone; commits a crash
    # left in the -wal are then not seen, which the commit counter reports (commit_state).
    read_only = not create and not os.access(path.parent, os.W_OK)
    target = f"{path.resolve().as_uri()}?mode=ro&immutable=1" if read_only else str(path)
    conn: Connection = sqlcipher3.connect(
        target,
        isolation_level=None,
        check_same_thread=True,
        factory=_StoreConnection,
        uri=read_only,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = ON")
        _key(conn, key)
        conn.execute("PRAGMA cipher_compatibility = 4")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            # A wrong key makes page 1 undecryptable ("not a database"); a right key over a
            # damaged schema page reads as corruption.
            raise classify_sqlite_error(exc, "open") from exc
        for pragma in _READ_ONLY_PRAGMAS if read_only else _PRAGMAS:
            conn.execute(pragma)
    except BaseException:
        conn.close()
        raise
    return conn


def _key(conn: Connection, key: bytes | bytearray) -> None:
    """``PRAGMA key`` with the raw key; the strings spelling it are overwritten afterwards."""
    hex_key = key.hex()
    statement = f"PRAGMA key = \"x'{hex_key}'\""
    try:
        conn.execute(statement)
    finally:
        memory_wipe.wipe_ascii_str(statement)
        memory_wipe.wipe_ascii_str(hex_key)


def open_plain(path: Path) -> Connection:
    """An unencrypted connection with the same pragmas: for the encryption-overhead benchmark."""
    conn: Connection = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in _PRAGMAS:
        conn.execute(pragma)
    return conn


@contextlib.contextmanager
def transaction(conn: Connection, operation: str = "transaction") -> Iterator[Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, rolled back on any error and mapped to the taxonomy.

    IMMEDIATE takes the write lock up front, so a busy database fails at the start of the
    transaction rather than half-way through it. On a counting connection the commit also
    adds one to ``commit_counter``, in the same transaction (``commit_state``).
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlcipher3.Error as exc:
        raise classify_sqlite_error(exc, operation) from exc
    try:
        yield conn
    except BaseException as exc:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        if isinstance(exc, sqlcipher3.Error):
            raise classify_sqlite_error(exc, operation) from exc
        raise
    counted = getattr(conn, COMMITS_ATTRIBUTE, None) is not None
    try:
        if counted:
            row = conn.execute(
                "UPDATE commit_counter SET value = value + 1 WHERE id = 1 RETURNING value"
            ).fetchone()
        conn.execute("COMMIT")
    except sqlcipher3.Error as exc:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("ROLLBACK")
        raise classify_sqlite_error(exc, operation) from exc
    if counted and row is not None:
        setattr(conn, COMMITS_ATTRIBUTE, int(row[0]))


def integrity_problems(conn: Connection) -> list[str]:
    """Rows of ``integrity_check`` and ``cipher_integrity_check`` that are not 'ok'."""
    problems = [str(r[0]) for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
    problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    return problems
