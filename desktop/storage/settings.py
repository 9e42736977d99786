"""Non-secret settings kept inside the encrypted store (e.g. the auto-lock delay).

Settings that must be known before unlocking (such as the UI language) live in the
profile's ``profile.json`` instead; see ``desktop.storage.profile``.
"""

from __future__ import annotations

import json
from typing import Any

from desktop.storage.connection import Connection, transaction


def get(conn: Connection, key: str, default: Any = None) -> Any:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return default if row is None else json.loads(row[0])


def write(conn: Connection, key: str, value: Any) -> None:
    """Set ``key`` inside the caller's transaction (e.g. together with the change it tracks)."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value)),
    )


def put(conn: Connection, key: str, value: Any) -> None:
    """Set ``key`` in a transaction of its own."""
    with transaction(conn, "save setting"):
        write(conn, key, value)
