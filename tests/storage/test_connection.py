"""The pragmas every store connection runs with, on real SQLCipher files.

The encryption-overhead benchmark compares an encrypted and a plain file; it only means
something while both run with the same settings, so the plain connection is checked against
the encrypted one here. The cipher settings must stay SQLCipher 4's defaults: existing
databases (the frozen schema-1 fixture among them) are opened with nothing recorded but the
key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.storage import keywrap
from desktop.storage.connection import Connection, open_encrypted, open_plain
from desktop.storage.schema import SCHEMA_VERSION, current_version, migrate

FIXTURE = Path(__file__).parent / "fixtures" / "store-schema1.db"
FIXTURE_KEY = bytes.fromhex("5a" * 16 + "a5" * 16)  # the fixture's fixed test key

# Settings the store relies on for durability, security and speed (see connection._PRAGMAS).
EXPECTED = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "secure_delete": 1,
    "temp_store": 2,  # MEMORY
    "foreign_keys": 1,
    "busy_timeout": 2000,
    "cache_size": -65536,  # KiB: 64 MiB of decrypted pages
}


def settings(conn: Connection) -> dict[str, object]:
    return {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in EXPECTED}


@pytest.fixture
def encrypted(tmp_path: Path):
    conn = open_encrypted(tmp_path / "store.db", keywrap.new_data_key(), create=True)
    yield conn
    conn.close()


def test_encrypted_connection_has_the_store_pragmas(encrypted):
    assert settings(encrypted) == EXPECTED


def test_plain_benchmark_connection_differs_only_in_the_key(encrypted, tmp_path):
    plain = open_plain(tmp_path / "plain.db")
    try:
        assert settings(plain) == settings(encrypted)
        assert plain.execute("PRAGMA page_size").fetchone()[0] == 4096
        assert encrypted.execute("PRAGMA cipher_page_size").fetchone()[0] == "4096"
    finally:
        plain.close()
    assert (tmp_path / "plain.db").read_bytes()[:16] == b"SQLite format 3\x00"
    assert (tmp_path / "store.db").read_bytes()[:16] != b"SQLite format 3\x00"


def test_cipher_settings_are_sqlcipher_4_defaults(encrypted):
    def pragma(name: str) -> str:
        return str(encrypted.execute(f"PRAGMA {name}").fetchone()[0])

    assert pragma("cipher_page_size") == "4096"
    assert pragma("cipher_hmac_algorithm") == "HMAC_SHA512"
    assert pragma("cipher_kdf_algorithm") == "PBKDF2_HMAC_SHA512"
    assert pragma("kdf_iter") == "256000"
    assert pragma("cipher_use_hmac") == "1"


def test_frozen_schema_1_file_opens_with_the_current_pragmas(tmp_path):
    path = tmp_path / "store.db"
    shutil.copy(FIXTURE, path)
    conn = open_encrypted(path, FIXTURE_KEY)
    try:
        assert settings(conn) == EXPECTED
        assert current_version(conn) == 1
        migrate(conn, path)
        assert current_version(conn) == SCHEMA_VERSION
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []
    finally:
        conn.close()
