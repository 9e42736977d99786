"""Set-up, unlock, wrong passphrase, passphrase change, recovery key, slow-down."""

from __future__ import annotations

import json
import random

import pytest

from desktop.storage import keywrap, record_ops, records
from desktop.storage.errors import (
    KeyMaterialMissing,
    NoSecureKeyring,
    ProfileExists,
    TooManyAttempts,
    WeakPassphrase,
    WrongPassphrase,
    WrongRecoveryKey,
)
from desktop.storage.keystore import FileBlobStore, system_keyring_store
from desktop.storage.profile import FREE_ATTEMPTS, Profile, passphrase_score
from tests.helpers.synthetic import FORM, record

PASS = "riktig hest batteri stift"


def _save(store, rng):
    payload = record(rng)
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    return payload


def test_round_trip(make_profile):
    rng = random.Random(1)
    setup = make_profile().create(PASS)
    with setup.store as store:
        saved = _save(store, rng)
    with make_profile().unlock(PASS) as store:
        again = store.call(lambda c: records.get(c, saved["record_id"]))
    assert again is not None
    assert again.payload["patient"] == saved["patient"]
    assert again.revision == 1


def test_wrong_passphrase_is_clear_and_changes_nothing(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    entry_before = profile.key_store().load(profile.profile_id)
    db_before = profile.db_path.read_bytes()
    with pytest.raises(WrongPassphrase) as info:
        profile.unlock("dette er feil passord")
    assert "Feil passordfrase" in info.value.user_message("nb")
    assert "Wrong passphrase" in info.value.user_message("en")
    # the seal is untouched; only the failure count joined the entry
    after = json.loads(profile.key_store().load(profile.profile_id))
    assert after.pop("attempts")["failures"] == 1
    assert after == json.loads(entry_before)
    assert profile.db_path.read_bytes() == db_before
    profile.unlock(PASS).close()


def test_repeated_failures_slow_down_and_success_resets():
    clock = [1_000_000.0]
    from desktop.storage.keystore import KeyringBlobStore
    from tests.conftest import FAST_KDF_SECONDS
    from tests.helpers.memory_keyring import MemoryKeyring

    profile = Profile.named(
        "slow",
        key_store=KeyringBlobStore(MemoryKeyring()),
        wall_clock=lambda: clock[0],
        kdf_target_seconds=FAST_KDF_SECONDS,
    )
    profile.create(PASS).store.close()
    for _ in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase):
            profile.unlock("feil passord nummer en")
    # the next attempt is refused without even trying the passphrase, the right one included
    with pytest.raises(TooManyAttempts) as info:
        profile.unlock(PASS)
    first_wait = info.value.retry_after
    assert first_wait > 0
    assert "Vent" in info.value.user_message("nb")
    clock[0] += first_wait + 0.1
    with pytest.raises(WrongPassphrase):
        profile.unlock("feil passord nummer to")
    with pytest.raises(TooManyAttempts) as info:
        profile.unlock(PASS)
    assert info.value.retry_after > first_wait  # the delay grows
    # a restart (new Profile object) does not reset the count
    restarted = Profile(
        profile.directory, key_store=profile.key_store(), wall_clock=lambda: clock[0]
    )
    assert restarted.retry_delay() > 0
    clock[0] += info.value.retry_after + 0.1
    profile.unlock(PASS).close()
    assert profile.retry_delay() == 0


def test_change_passphrase_reseals_without_reencrypting(make_profile):
    profile = make_profile()
    with profile.create(PASS).store as store:
        saved = _save(store, random.Random(2))
    db_before = profile.db_path.read_bytes()
    entry_before = json.loads(profile.key_store().load(profile.profile_id))
    with pytest.raises(WrongPassphrase):
        profile.change_passphrase("ikke det gamle passordet", "helt nytt passord her")
    profile.change_passphrase(PASS, "helt nytt passord her")
    entry_after = json.loads(profile.key_store().load(profile.profile_id))
    assert entry_after["seal"] != entry_before["seal"]
    assert entry_after["kdf"]["salt"] != entry_before["kdf"]["salt"]
    assert profile.db_path.read_bytes() == db_before  # database untouched
    with pytest.raises(WrongPassphrase):
        profile.unlock(PASS)
    with profile.unlock("helt nytt passord her") as store:
        assert store.call(lambda c: records.get(c, saved["record_id"])) is not None


def test_recovery_key_unlocks_and_sets_new_passphrase(make_profile):
    profile = make_profile()
    setup = profile.create(PASS)
    with setup.store as store:
        saved = _save(store, random.Random(3))
    # the user lost the keyring entry (new Windows profile) and the passphrase
    profile.key_store().delete(profile.profile_id)
    with pytest.raises(KeyMaterialMissing):
        profile.unlock(PASS)
    typed = setup.recovery_key.lower().replace("-", " ")  # typed sloppily from the printout
    with profile.unlock_with_recovery(typed, "nytt passord etter tap") as store:
        assert store.call(lambda c: records.get(c, saved["record_id"])) is not None
    profile.unlock("nytt passord etter tap").close()


def test_wrong_recovery_key_is_refused(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    with pytest.raises(WrongRecoveryKey):
        profile.unlock_with_recovery(keywrap.new_recovery_key(), "nytt passord etter tap")
    with pytest.raises(WrongRecoveryKey):
        profile.unlock_with_recovery("not a key at all", "nytt passord etter tap")
    profile.unlock(PASS).close()


def test_recovery_key_format():
    key = keywrap.new_recovery_key()
    assert len(key) == 39 and key.count("-") == 7
    assert keywrap.normalize_recovery_key(key.lower()) == key
    # Crockford: O is read as 0, I and L as 1
    assert keywrap.normalize_recovery_key("O" * 32) == "-".join(["0000"] * 8)
    assert keywrap.normalize_recovery_key("ABC") is None


def test_weak_passphrase_refused(make_profile):
    with pytest.raises(WeakPassphrase):
        make_profile().create("kort")
    assert not make_profile().exists
    assert passphrase_score("kort") == 0
    assert passphrase_score("Fire Ord Som Henger Sammen 7!") > passphrase_score("aaaaaaaaaaaa")


def test_second_setup_refused(make_profile):
    make_profile().create(PASS).store.close()
    with pytest.raises(ProfileExists):
        make_profile().create(PASS)


def test_no_secure_keyring_refused_unless_file_chosen(isolated_environment):
    # the autouse fixture installed an in-memory (non-OS) keyring process-wide
    with pytest.raises(NoSecureKeyring) as info:
        system_keyring_store()
    assert "gnome-keyring" in info.value.user_message("en")
    with pytest.raises(NoSecureKeyring):
        Profile.named("a").create(PASS)
    assert not Profile.named("a").exists
    profile = Profile.named("b", kdf_target_seconds=0.02)
    profile.create(PASS, key_storage="file").store.close()
    assert profile.info()["key_storage"] == "file"
    reopened = Profile.named("b")
    assert isinstance(reopened.key_store(), FileBlobStore)
    reopened.unlock(PASS).close()
    sealed = next(profile.directory.glob("sealed-key-*.json")).read_text()
    assert "seal" in sealed and "kdf" in sealed


def test_unlock_takes_calibrated_kdf(isolated_environment):
    params = keywrap.calibrate_kdf(0.3)
    assert params.memory_kib >= 64 * 1024
    assert params.iterations >= 2


def test_profile_files_are_owner_only(make_profile):
    profile = make_profile()
    profile.create(PASS).store.close()
    assert profile.directory.stat().st_mode & 0o777 == 0o700
    assert profile.directory.parent.stat().st_mode & 0o777 == 0o700
    for path in profile.directory.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path.name
    assert any(profile.directory.glob("backups/store-*.db")), "set-up makes the first backup"
