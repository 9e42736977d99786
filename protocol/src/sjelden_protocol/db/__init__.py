"""The SQL dialect layer and the migration runner of all three databases.

The clinic's encrypted store (SQLCipher), the staff register (SQLCipher or PostgreSQL) and
the inbox (SQLite or PostgreSQL) write their SQL once, SQLite-style, and version their
schemas the same way; this package is that one way. It lives in the protocol distribution
because that is the one thing the desktop app and the inbox server both install, and the
inbox may import nothing else of ours (an import-linter contract). It is standard library
only and imports no database driver: it takes connections through small typing protocols
(``Executes``, ``Cursor``), so the protocol stays installable without SQLCipher or psycopg
(another contract keeps it so).
"""

from .dialect import (
    POSTGRESQL,
    SQLITE,
    Cursor,
    Dialect,
    DialectName,
    Executes,
    Sql,
    dialect_named,
    upsert,
)
from .migrations import (
    Migrations,
    SchemaTooNew,
    UserVersion,
    VersionLog,
    VersionStore,
    VersionTable,
    run_script,
)

__all__ = [
    "POSTGRESQL",
    "SQLITE",
    "Cursor",
    "Dialect",
    "DialectName",
    "Executes",
    "Migrations",
    "SchemaTooNew",
    "Sql",
    "UserVersion",
    "VersionLog",
    "VersionStore",
    "VersionTable",
    "dialect_named",
    "run_script",
    "upsert",
]
