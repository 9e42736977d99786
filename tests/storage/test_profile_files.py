"""F6: damaged profile files and disk states end in a coded message, never a traceback.

The profile files are fuzzed (hypothesis, bounded) and a set of named damages is checked by
hand; full and read-only disks are real tmpfs mounts (CI runs as root, so ``mount`` works
there; elsewhere those tests skip and say why).
"""

from __future__ import annotations

import json
import random
import subprocess
import time
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.storage import record_ops, records
from desktop.storage.errors import (
    DiskFull,
    ProfileDamaged,
    StoreError,
    WrongPassphrase,
)
from desktop.storage.profile import Profile
from tests.helpers.disks import fill, remount, tmpfs
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


def _file_profile(directory: Path) -> Profile:
    return Profile(directory, kdf_target_seconds=0.02)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One set-up profile whose files each test copies and damages."""
    directory = tmp_path_factory.mktemp("made") / "profile"
    with _file_profile(directory).create(PASS, key_storage="file").store as store:
        payload = record(random.Random(1))
        store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    return directory


def _copy(made: Path, target: Path) -> Profile:
    subprocess.run(["cp", "-a", str(made), str(target)], check=True)
    return _file_profile(target)


def _key_file(profile: Profile) -> Path:
    return next(profile.directory.glob("sealed-key-*.json"))


def _envelope_with(profile: Profile, change) -> None:
    path = _key_file(profile)
    entry = json.loads(path.read_text())
    change(entry)
    path.write_text(json.dumps(entry))


ENVELOPE_DAMAGES = {
    "iterations 0": lambda e: e["kdf"].update(iterations=0),
    "iterations huge": lambda e: e["kdf"].update(iterations=10**9),
    "memory 2**31": lambda e: e["kdf"].update(memory_kib=2**31),
    "memory text": lambda e: e["kdf"].update(memory_kib="64"),
    "lanes 0": lambda e: e["kdf"].update(lanes=0),
    "no kdf": lambda e: e.pop("kdf"),
    "no seal": lambda e: e.pop("seal"),
    "bad base64 salt": lambda e: e["kdf"].update(salt="***"),
    "bad base64 nonce": lambda e: e["seal"].update(nonce="ü"),
    "short nonce": lambda e: e["seal"].update(nonce="AAAA"),
    "seal not an object": lambda e: e.update(seal=[1, 2]),
    "kdf null": lambda e: e.update(kdf=None),
}


@pytest.mark.parametrize("damage", ENVELOPE_DAMAGES, ids=list(ENVELOPE_DAMAGES))
def test_a_damaged_key_envelope_is_named(made, tmp_path, damage):
    profile = _copy(made, tmp_path / "p")
    _envelope_with(profile, ENVELOPE_DAMAGES[damage])
    start = time.monotonic()
    with pytest.raises(ProfileDamaged) as caught:
        profile.unlock(PASS)
    assert time.monotonic() - start < 5, "no KDF run with parameters out of bounds"
    assert caught.value.code == "store.profile_damaged"
    assert caught.value.file.startswith("sealed-key-")
    assert caught.value.file in caught.value.user_message("en")


PROFILE_JSON_DAMAGES = {
    "invalid json": b'{"profile_id": ',
    "binary garbage": bytes(range(256)),
    "not an object": b"[1, 2, 3]",
    "no profile id": b'{"format": 1}',
    "profile id not a uuid": b'{"profile_id": "../../etc"}',
    "deep nesting": b"[" * 100_000,
}


@pytest.mark.parametrize("damage", PROFILE_JSON_DAMAGES, ids=list(PROFILE_JSON_DAMAGES))
def test_a_damaged_profile_json_is_named(made, tmp_path, damage):
    profile = _copy(made, tmp_path / "p")
    (profile.directory / "profile.json").write_bytes(PROFILE_JSON_DAMAGES[damage])
    with pytest.raises(ProfileDamaged) as caught:
        profile.unlock(PASS)
    assert caught.value.file == "profile.json"


def test_the_cli_names_a_damaged_profile_json(isolated_environment):
    from tests.helpers.cli import run_cli as run

    assert run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS}).returncode == 0
    (isolated_environment["home"] / "profiles" / "default" / "profile.json").write_bytes(b"\xff")
    result = run("unlock-check", stdin=PASS + "\n")
    assert result.returncode == 1
    assert "profile.json" in result.stderr and "Traceback" not in result.stderr


def test_a_damaged_recovery_file_is_named(made, tmp_path):
    profile = _copy(made, tmp_path / "p")
    (profile.directory / "recovery.json").write_text('{"salt": 5}')
    with pytest.raises(ProfileDamaged) as caught:
        profile.unlock_with_recovery("0" * 32, "nytt passord etter tap")
    assert caught.value.file == "recovery.json"


def test_a_thousand_failures_slow_down_but_do_not_lock_out(made, tmp_path):
    profile = _copy(made, tmp_path / "p")
    attempts = profile.directory / "attempts.json"
    attempts.write_text(json.dumps({"failures": 5000, "last_failure": time.time()}))
    assert 0 < profile.retry_delay() <= 300  # was OverflowError from 1,026 failures on
    attempts.write_text(json.dumps({"failures": 5000, "last_failure": time.time() - 301}))
    profile.unlock(PASS).close()
    assert not attempts.exists()
    attempts.write_text(json.dumps({"failures": 10**400 // 10**399, "last_failure": 1e308}))
    assert profile.retry_delay() <= 300, "a last failure in the future counts as now"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=20,
)
file_contents = st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v).encode())


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    name=st.sampled_from(["profile.json", "key", "attempts.json", "commit-state.json"]),
    content=file_contents,
)
def test_fuzzed_profile_files_end_in_a_store_error(made, tmp_path, name, content):
    profile = _copy(made, tmp_path / uuid.uuid4().hex)
    path = _key_file(profile) if name == "key" else profile.directory / name
    path.write_bytes(content)
    try:
        profile.unlock(PASS).close()
    except StoreError as error:
        assert error.user_message("nb") and error.user_message("en")


def test_a_missing_store_is_a_message(made, tmp_path):
    profile = _copy(made, tmp_path / "p")
    profile.db_path.unlink()
    with pytest.raises(StoreError) as caught:
        profile.unlock(PASS)
    assert caught.value.code == "store.database_missing"


# -- disk states: real small tmpfs mounts --------------------------------------------------


def test_a_read_only_profile_can_be_unlocked_and_read(tmp_path):
    with tmpfs(tmp_path / "ro", "8m") as mount:
        profile = _file_profile(mount / "p")
        with profile.create(PASS, key_storage="file").store as store:
            for i in range(5):
                payload = record(random.Random(i))
                store.call(lambda c, p=payload: record_ops.save_draft(c, p, FORM, store.actor))
        (profile.directory / "attempts.json").write_text(
            json.dumps({"failures": 1, "last_failure": 0})
        )
        remount(mount, "ro")
        try:
            with pytest.raises(WrongPassphrase):  # its count cannot be written: still an answer
                profile.unlock("feil passordfrase her")
            with profile.unlock(PASS) as store:  # attempts.json cannot be removed: still in
                assert store.call(records.count) == 5
        finally:
            remount(mount, "rw")


def test_a_full_disk_at_a_wrong_passphrase_and_at_set_up(tmp_path):
    with tmpfs(tmp_path / "full", "2m") as mount:
        profile = _file_profile(mount / "p")
        profile.create(PASS, key_storage="file").store.close()
        fill(mount)
        with pytest.raises(WrongPassphrase):
            profile.unlock("feil passordfrase her")
        fresh = _file_profile(mount / "fresh")
        with pytest.raises(DiskFull) as caught:
            fresh.create(PASS, key_storage="file")
        assert "Frigjør plass" in caught.value.user_message("nb")
        assert not fresh.exists
        left = sorted(p.name for p in mount.rglob("*") if p.name != "filler")
        assert not [n for n in left if n.endswith((".part", ".tmp"))], left
        assert not list((mount / "fresh").glob("*")) if (mount / "fresh").exists() else True
        (mount / "filler").unlink()
        fresh.create(PASS, key_storage="file").store.close()  # and can simply be run again


def test_an_older_profile_on_a_read_only_disk_says_it_must_be_updated_once(tmp_path, monkeypatch):
    """A schema-1 store (the committed fixture, re-keyed to this profile's key) on a
    read-only mount: migrating would write, so the unlock says so with its code and changes
    nothing; once the disk is writable the same profile opens and is upgraded."""
    import shutil

    import sqlcipher3

    from desktop.storage.errors import UpgradeNeedsWrite
    from desktop.storage.schema import SCHEMA_VERSION, current_version
    from tests.storage.test_migrations import FIXTURE, FIXTURE_KEY

    with tmpfs(tmp_path / "ro", "16m") as mount:
        profile = _file_profile(mount / "p")
        profile.create(PASS, key_storage="file").store.close()
        key = bytes(profile._unseal_with_passphrase(PASS))
        db = profile.db_path
        for old in db.parent.glob("store.db*"):
            old.unlink()
        shutil.copy(FIXTURE, db)
        conn = sqlcipher3.connect(str(db))
        conn.execute(f"PRAGMA key = \"x'{FIXTURE_KEY.hex()}'\"")
        conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
        conn.close()
        (profile.directory / "commit-state.json").unlink()  # as a schema-1 profile had none
        before = sorted(p.name for p in profile.directory.iterdir())
        remount(mount, "ro")
        try:
            with pytest.raises(UpgradeNeedsWrite) as caught:
                profile.unlock(PASS)
        finally:
            remount(mount, "rw")
        assert caught.value.code == "store.upgrade_needs_write"
        assert "skrivebeskyttet" in caught.value.user_message("nb")
        assert sorted(p.name for p in profile.directory.iterdir()) == before
        with profile.unlock(PASS) as store:
            assert store.call(current_version) == SCHEMA_VERSION
