"""The store's commit counter, kept twice: inside the database and in a sealed file beside it.

SQLite cannot tell that it lost something. A 0-byte ``store.db`` opens as a new empty
database, a deleted ``-wal`` or one damaged WAL frame silently drops every commit from that
point, and a file replaced by an older copy is simply older; each opens without an error.
So every write transaction of the store also adds one to ``commit_counter`` in the database
(``connection.transaction``), and after each operation that committed, the database thread
writes the new value to ``commit-state.json`` in the profile folder (``CommitRecord``). At
unlock a database whose counter is below the recorded one is reported (``OlderThanKnown``),
never opened as if nothing had happened.

Why a file of its own and not the keyring entry: it is rewritten after every saving
operation, and a keyring write is a round trip to the OS secret service (and would rewrite
the passphrase seal). The file is sealed (AES-GCM) under a key derived from the data key and
bound to the profile id, so it cannot be edited or carried over from another profile without
the key. It is written after the database commit is durable (``synchronous = FULL``), in
place and without fsync of its own: an update lost in a crash leaves the recorded value
lower than the database's, which only weakens the check for that one step; it can never
make a complete database look older than it is. A missing or unreadable file (a profile
made before the counter, a crash while writing it) counts as "nothing recorded".
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.storage.connection import COMMITS_ATTRIBUTE, Connection

STATE_FILE = "commit-state.json"
_FORMAT = 1


def _state_key(data_key: bytes | bytearray) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"sjelden commit state v1")
    return hkdf.derive(bytes(data_key))


def _aad(profile_id: str) -> bytes:
    return f"sjelden:v1:commit-state:{profile_id}".encode("ascii")


class CommitRecord:
    """The counter recorded outside the database for one profile; written by the db thread."""

    def __init__(self, directory: Path, data_key: bytes | bytearray, profile_id: str) -> None:
        self._path = directory / STATE_FILE
        self._aead = AESGCM(_state_key(data_key))
        self._aad = _aad(profile_id)
        self._written: int | None = None

    def read(self) -> int | None:
        """The recorded counter, or ``None`` when nothing (readable) is recorded."""
        try:
            body = json.loads(self._path.read_bytes())
            nonce = bytes.fromhex(body["nonce"])
            plain = self._aead.decrypt(nonce, bytes.fromhex(body["sealed"]), self._aad)
            (value,) = struct.unpack(">Q", plain)
        except (OSError, ValueError, KeyError, TypeError, InvalidTag, struct.error):
            return None
        self._written = int(value)
        return self._written

    def write(self, value: int) -> None:
        """Record ``value``, overwriting the file in place (see the module docstring).

        In place, not a temporary file renamed over it: a rename makes the file system flush
        the new file's data at once (ext4's ``auto_da_alloc``), which doubled the latency of
        a save. The body has a fixed length, so a write torn by a crash leaves a file that
        does not unseal, read as "nothing recorded".
        """
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, struct.pack(">Q", value), self._aad)
        body = json.dumps({"format": _FORMAT, "nonce": nonce.hex(), "sealed": sealed.hex()})
        data = body.encode("ascii")
        fd = os.open(self._path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.write(fd, data)  # at offset 0; os.pwrite is not on Windows
            os.ftruncate(fd, len(data))
        finally:
            os.close(fd)
        self._written = value

    def after_operation(self, conn: Connection) -> None:
        """Record the database's counter if an operation of the db thread raised it."""
        value = getattr(conn, COMMITS_ATTRIBUTE, None)
        if value is not None and (self._written is None or value > self._written):
            # A read-only profile folder cannot record it; the database is unchanged then
            # too (it is on the same file system), so nothing is lost by not recording.
            with contextlib.suppress(OSError):
                self.write(value)


def database_counter(conn: Connection) -> int | None:
    """The database's own counter; ``None`` before schema 4 created it."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'commit_counter'"
    ).fetchone()
    if exists is None:
        return None
    row = conn.execute("SELECT value FROM commit_counter WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


def start_counting(conn: Connection) -> int:
    """Make every later ``transaction`` on ``conn`` add one to the counter; its value now."""
    value = database_counter(conn) or 0
    setattr(conn, COMMITS_ATTRIBUTE, value)
    return value
