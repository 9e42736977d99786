"""The error taxonomy: each known failure maps to its own class and a message; no values leak."""

from __future__ import annotations

import random

import pytest
import sqlcipher3

from desktop.storage import keywrap, record_ops, records
from desktop.storage.connection import open_encrypted
from desktop.storage.errors import BugReport, Corrupt, DiskFull, StoreLocked, WrongKey
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


def _filled_store(make_profile, n=20):
    profile = make_profile()
    store = profile.create(PASS).store
    rng = random.Random(7)
    for _ in range(n):
        p = record(rng)
        store.call(lambda c: record_ops.save_draft(c, p, FORM, store.actor))
    return profile, store


def test_wrong_key(make_profile):
    profile, store = _filled_store(make_profile, 1)
    store.close()
    with pytest.raises(WrongKey) as info:
        open_encrypted(profile.db_path, keywrap.new_data_key())
    assert "ikke slett filen" in info.value.user_message("nb")


def test_disk_full_rolls_back(make_profile):
    _profile, store = _filled_store(make_profile, 1)
    with store:
        pages = store.call(lambda c: c.execute("PRAGMA page_count").fetchone()[0])
        store.call(lambda c: c.execute(f"PRAGMA max_page_count = {pages}"))
        big = record(random.Random(8))
        big["comment"] = "x" * 200_000
        with pytest.raises(DiskFull) as info:
            store.call(lambda c: record_ops.save_draft(c, big, FORM, store.actor))
        assert "ingenting er tapt" in info.value.user_message("nb")
        assert store.call(lambda c: records.get(c, big["record_id"])) is None
        assert store.call(lambda c: records.count(c)) == 1
        assert store.verify_audit_chain() is None


def test_locked_by_another_connection(make_profile):
    profile, store = _filled_store(make_profile, 1)
    store.close()
    # reopen through the profile, and hold a write lock from a second connection (as another
    # copy of the app would)
    unlocked = profile.unlock(PASS)
    other = sqlcipher3.connect(str(profile.db_path), isolation_level=None)
    data_key = profile._unseal_with_passphrase(PASS)  # test-only access to the key
    other.execute("PRAGMA cipher_log_level = NONE")
    other.execute(f"PRAGMA key = \"x'{bytes(data_key).hex()}'\"")
    other.execute("BEGIN IMMEDIATE")
    try:
        unlocked.call(lambda c: c.execute("PRAGMA busy_timeout = 50"))
        p = record(random.Random(9))
        with pytest.raises(StoreLocked):
            unlocked.call(lambda c: record_ops.save_draft(c, p, FORM, unlocked.actor))
    finally:
        other.execute("ROLLBACK")
        other.close()
        unlocked.close()


def test_corrupt_page_detected(make_profile):
    profile, store = _filled_store(make_profile, 50)
    store.close()
    data = bytearray(profile.db_path.read_bytes())
    assert len(data) > 3 * 4096
    for page in range(2, len(data) // 4096):  # damage every page after the first two
        for i in range(page * 4096 + 100, page * 4096 + 200):
            data[i] ^= 0xFF
    profile.db_path.write_bytes(bytes(data))
    with pytest.raises(Corrupt) as info, profile.unlock(PASS) as s:
        s.call(lambda c: records.list_rows(c, limit=None))
        s.call(lambda c: c.execute("SELECT payload FROM records").fetchall())
    assert "skadet" in info.value.user_message("nb")


def test_unexpected_error_is_a_safe_bug_report(make_profile):
    _profile, store = _filled_store(make_profile, 1)
    secret_value = "Hemmelignavn"
    with store, pytest.raises(BugReport) as info:
        store.call(lambda c: c.execute("SELEC broken ?", (secret_value,)), "broken query")
    assert secret_value not in info.value.report
    assert "operation=broken query" in info.value.report
