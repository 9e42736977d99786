"""F5: a store that lost commits SQLite cannot see is reported at unlock, never opened silently.

Each case damages a real SQLCipher profile the way the fault harness did (issue 14) and
unlocks it: a 0-byte ``store.db``, a deleted ``-wal``, one flipped WAL byte, a file replaced
by an older copy. The commit counter recorded outside the database (``commit_state``) tells.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil

import pytest

from desktop.paths import profile_dir
from desktop.storage import backup, record_ops, records
from desktop.storage.connection import open_encrypted
from desktop.storage.errors import DatabaseMissing, OlderThanKnown
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


def _save(store, rng, n):
    for _ in range(n):
        payload = record(rng)
        store.call(lambda c, p=payload: record_ops.save_draft(c, p, FORM, store.actor))


def _count(profile, **kwargs):
    with profile.unlock(PASS, **kwargs) as store:
        return store.call(records.count)


def _crash_copy(make_profile, saves):
    """A copy of a profile taken while its store is open after ``saves`` commits: the files
    a SIGKILL leaves (main file, ``-wal``, ``-shm``, the recorded counter)."""
    rng = random.Random(5)
    original = make_profile()
    original.create(PASS).store.close()
    store = original.unlock(PASS)
    try:
        _save(store, rng, saves)
        shutil.copytree(original.directory, profile_dir("crashed"), dirs_exist_ok=True)
    finally:
        store.close()
    crashed = make_profile("crashed")
    wal = crashed.directory / "store.db-wal"
    assert wal.stat().st_size > 0, "the recent commits are still in the WAL"
    return crashed, wal


def _assert_reported(profile, missing):
    with pytest.raises(OlderThanKnown) as caught:
        profile.unlock(PASS)
    error = caught.value
    assert error.code == "store.older_than_known"
    assert missing(error.missing), error.missing
    assert error.backup is not None and error.backup.exists()
    for lang in ("nb", "en"):
        text = error.user_message(lang)
        assert str(error.missing) in text and str(error.backup) in text
    return error


def test_a_zero_byte_store_is_reported_not_opened_empty(make_profile):
    profile = make_profile()
    with profile.create(PASS).store as store:
        _save(store, random.Random(1), 20)
    for leftover in profile.directory.glob("store.db-*"):
        leftover.unlink()
    profile.db_path.write_bytes(b"")
    # the schema (1) and 20 saves
    _assert_reported(profile, lambda n: n == 21)
    # not migrated into a new empty store: reported again and again until the user decides
    _assert_reported(profile, lambda n: n == 21)


def test_a_deleted_wal_is_reported(make_profile):
    crashed, wal = _crash_copy(make_profile, 50)
    wal.unlink()
    (crashed.directory / "store.db-shm").unlink()
    _assert_reported(crashed, lambda n: n == 50)


def test_one_flipped_wal_byte_is_reported(make_profile):
    crashed, wal = _crash_copy(make_profile, 50)
    data = bytearray(wal.read_bytes())
    data[len(data) // 3] ^= 0x40
    wal.write_bytes(bytes(data))
    (crashed.directory / "store.db-shm").unlink()
    _assert_reported(crashed, lambda n: 0 < n < 50)


def test_an_intact_crash_copy_opens_with_every_commit(make_profile):
    """The control: the same crash copy, undamaged, opens and holds all 50."""
    crashed, _ = _crash_copy(make_profile, 50)
    assert _count(crashed) == 50


def test_a_store_replaced_by_an_older_copy_is_reported(make_profile, tmp_path):
    profile = make_profile()
    rng = random.Random(2)
    with profile.create(PASS).store as store:
        _save(store, rng, 10)
    older = tmp_path / "older.db"
    shutil.copy2(profile.db_path, older)
    with profile.unlock(PASS) as store:
        _save(store, rng, 10)
    shutil.copy2(older, profile.db_path)
    _assert_reported(profile, lambda n: n == 10)


def test_accepting_the_loss_opens_it_and_starts_counting_again(make_profile):
    profile = make_profile()
    with profile.create(PASS).store as store:
        _save(store, random.Random(3), 5)
    shutil.copy2(backup.latest(profile.directory), profile.db_path)  # the set-up's backup
    _assert_reported(profile, lambda n: n == 5)
    assert _count(profile, accept_loss=True) == 0
    with profile.unlock(PASS) as store:  # no longer reported: the loss was accepted
        _save(store, random.Random(4), 2)
    assert _count(profile) == 2


def test_the_cli_reports_it_and_opens_it_only_when_asked(isolated_environment):
    from tests.helpers.cli import run_cli as run

    assert run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS}).returncode == 0
    db = isolated_environment["home"] / "profiles" / "default" / "store.db"
    db.write_bytes(b"")
    refused = run("unlock-check", stdin=PASS + "\n")
    assert refused.returncode == 1, refused.stdout
    assert "eldre enn sist kjente tilstand" in refused.stderr
    assert "store.older_than_known" in refused.stderr or "backups" in refused.stderr
    assert "Traceback" not in refused.stderr and "OK" not in refused.stdout
    accepted = run("unlock-check", "--accept-data-loss", stdin=PASS + "\n")
    assert accepted.returncode == 0, accepted.stderr
    assert run("unlock-check", stdin=PASS + "\n").returncode == 0


def test_a_missing_store_points_to_the_backup(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    profile.db_path.unlink()
    with pytest.raises(DatabaseMissing) as caught:
        profile.unlock(PASS)
    assert caught.value.backup is not None and caught.value.backup.exists()
    assert str(caught.value.backup) in caught.value.user_message("en")


def test_rolling_backups_one_a_day_the_last_three_kept(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    for made_at_set_up in backup.backups(profile.directory):
        made_at_set_up.unlink()
    data_key = profile._unseal_with_passphrase(PASS)
    key = bytes(data_key)
    conn = open_encrypted(profile.db_path, key)
    try:
        days = [dt.date(2020, 3, d) for d in (1, 2, 2, 3, 4)]
        made = [backup.back_up(conn, profile.directory, key, today=lambda d=d: d) for d in days]
    finally:
        conn.close()
    assert made[2] is None, "at most one a day"
    kept = backup.backups(profile.directory)
    assert [p.name for p in kept] == ["store-20200304.db", "store-20200303.db", "store-20200302.db"]
    for path in kept:
        assert path.stat().st_mode & 0o777 == 0o600
        copy = open_encrypted(path, key)  # an encrypted copy under the same key
        try:
            assert copy.execute("SELECT value FROM commit_counter").fetchone()[0] >= 1
        finally:
            copy.close()
    assert not list(profile.directory.glob("backups/*.part"))
