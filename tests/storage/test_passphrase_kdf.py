"""Issue 13 point 6: strength minimum (zxcvbn), the Argon2id floor and calibration, upgrades
of older envelopes, and a failure count that deleting files does not reset.

Real SQLCipher profiles in ``tmp_path``; the sealed key is kept in the profile's key file (a
real file store) or the in-memory keyring backend (``tests.helpers.memory_keyring``); the
OS keyring itself is covered in ``test_real_keyring``.
"""

from __future__ import annotations

import json
import re
import statistics
import time
from pathlib import Path

import pytest
import zxcvbn

from desktop.storage import keywrap, memory_wipe, passphrase_strength
from desktop.storage.errors import TooManyAttempts, WeakPassphrase, WrongPassphrase
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import FREE_ATTEMPTS, Profile, _aad

PASS = "riktig hest batteri stift"
NEW_PASS = "ny lang passordfrase 2025"


def _profile(directory: Path, **kwargs: object) -> Profile:
    kwargs.setdefault("kdf_target_seconds", 0.001)  # the floor alone: the fastest allowed
    return Profile(directory, key_store=FileBlobStore(directory), **kwargs)  # type: ignore[arg-type]


def _entry(profile: Profile) -> dict:
    return json.loads(profile.key_store().load(profile.profile_id) or "null")


@pytest.mark.parametrize("weak", ["aaaaaaaaaaaa", "passord12345", "qwertyuiopå1", "123456789012"])
def test_guessable_passphrases_are_refused_with_advice_in_both_languages(tmp_path, weak):
    with pytest.raises(WeakPassphrase) as caught:
        _profile(tmp_path / "p").create(weak, key_storage="file")
    assert not (tmp_path / "p" / "profile.json").exists()
    nb, en = caught.value.user_message("nb"), caught.value.user_message("en")
    assert "For lett å gjette" in nb and "Too easy to guess" in en
    assert weak not in nb and weak not in en  # the advice never repeats the passphrase
    assert caught.value.strength is not None and caught.value.strength.score < 3


def test_repeats_get_their_own_bokmal_advice():
    strength = passphrase_strength.estimate("aaaaaaaaaaaa")
    assert strength.warning == "passphrase.repeat_char"
    assert "Gjentakelser som «aaa» er lette å gjette." in strength.advice("nb")
    assert 'Repeats like "aaa" are easy to guess.' in strength.advice("en")


def test_short_passphrases_are_too_short_whatever_their_score():
    strength = passphrase_strength.estimate("Xq7#vLp2!")
    assert not strength.acceptable and strength.score == 0
    assert strength.advice("nb")[0] == "For kort: bruk minst 12 tegn."


def test_a_few_unrelated_words_pass():
    for good in (PASS, NEW_PASS, "fiktiv testfrase for røyktest", "x" * 30 + " fjell bok 9"):
        assert passphrase_strength.estimate(good).acceptable, good


def test_every_zxcvbn_feedback_text_has_our_code():
    """A zxcvbn release with new texts fails here, not as untranslated English on screen."""
    source = (Path(zxcvbn.__file__).parent / "feedback.py").read_text("utf-8")
    texts = set()
    for match in re.finditer(r"_\(((?:\s*(['\"])(?:(?!\2).|\\\2)*\2\s*\\?\s*)+)\)", source):
        parts = re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", match.group(1))
        texts.add("".join(a or b for a, b in parts))
    assert len(texts) >= 25
    assert texts <= set(passphrase_strength._FEEDBACK_CODES), texts - set(
        passphrase_strength._FEEDBACK_CODES
    )


def test_over_72_characters_is_scored_not_refused():
    assert passphrase_strength.estimate("lang setning om fjell og fjorder " * 4).acceptable


# -- the KDF floor and the calibration ------------------------------------------------------


def test_the_floor_holds_even_when_the_target_is_tiny(tmp_path):
    profile = _profile(tmp_path / "p", kdf_target_seconds=0.0001)
    profile.create(PASS, key_storage="file").store.close()
    kdf = keywrap.KdfParams.from_json(_entry(profile)["kdf"])
    assert kdf.memory_kib >= 64 * 1024 and kdf.iterations >= 2
    assert _entry(profile)["format"] == keywrap.WRAP_FORMAT == 2


def test_calibration_lands_unlock_inside_the_band():
    """One derivation with the calibrated parameters costs 0.2-0.5 s of CPU time here.

    CPU time, not the wall clock: the test machine is shared, and calibrating on CPU time is
    what keeps a loaded PC from calibrating down (the issue's t=1 at 145-207 ms). The wall
    clock distribution is ``benchmarks/bench_unlock.py``'s.
    """
    params, kek = keywrap.derive_calibrated(PASS, keywrap.DEFAULT_TARGET_SECONDS)
    memory_wipe.wipe(kek)
    assert params.meets_floor
    spent = []
    for _ in range(3):
        start = time.thread_time()
        memory_wipe.wipe(keywrap.derive_passphrase_key(PASS, params))
        spent.append(time.thread_time() - start)
    low, high = keywrap.UNLOCK_BAND
    assert low <= statistics.median(spent) <= high, (params.iterations, spent)


def test_envelopes_below_the_floor_are_refused_by_nobody_but_raised(tmp_path):
    """A format-1 envelope (t=1, 19 MiB) still opens, and the unlock re-seals it."""
    profile = _profile(tmp_path / "p")
    result = profile.create(PASS, key_storage="file")
    result.store.close()
    data_key = profile._unseal_with_passphrase(PASS)
    old = keywrap.KdfParams(salt=keywrap.new_salt(), memory_kib=19 * 1024, iterations=1)
    kek = keywrap.derive_passphrase_key(PASS, old)
    sealed = keywrap.seal(data_key, kek, _aad("passphrase", profile.profile_id))
    legacy = {"format": 1, "profile_id": profile.profile_id, "kdf": old.to_json()}
    profile.key_store().save(profile.profile_id, json.dumps({**legacy, "seal": sealed.to_json()}))

    profile.unlock(PASS).close()
    upgraded = _entry(profile)
    kdf = keywrap.KdfParams.from_json(upgraded["kdf"])
    assert upgraded["format"] == 2 and kdf.meets_floor
    assert kdf.salt != old.salt
    profile.unlock(PASS).close()  # the new seal opens the same store
    with pytest.raises(WrongPassphrase):
        profile.unlock("ikke det gamle passordet")


def test_change_passphrase_writes_floor_parameters(tmp_path):
    profile = _profile(tmp_path / "p")
    profile.create(PASS, key_storage="file").store.close()
    entry = _entry(profile)
    entry["format"] = 1
    profile.key_store().save(profile.profile_id, json.dumps(entry))
    profile.change_passphrase(PASS, NEW_PASS)
    assert _entry(profile)["format"] == 2
    with pytest.raises(WeakPassphrase):
        profile.change_passphrase(NEW_PASS, "passord12345")
    profile.unlock(NEW_PASS).close()


# -- the failure count ----------------------------------------------------------------------


def _fail(profile: Profile, times: int) -> None:
    for _ in range(times):
        with pytest.raises(WrongPassphrase):
            profile.unlock("feil passord nummer en")


def test_deleting_files_does_not_reset_the_slow_down(tmp_path):
    clock = [1_000_000.0]
    profile = _profile(tmp_path / "p", wall_clock=lambda: clock[0])
    profile.create(PASS, key_storage="file").store.close()
    _fail(profile, FREE_ATTEMPTS)
    with pytest.raises(TooManyAttempts):
        profile.unlock(PASS)
    # everything an attacker at the folder might delete, the pre-issue-13 file included
    for name in ("attempts.json", "commit-state.json", "profile.lock"):
        (profile.directory / name).unlink(missing_ok=True)
    restarted = _profile(profile.directory, wall_clock=lambda: clock[0])
    with pytest.raises(TooManyAttempts):
        restarted.unlock(PASS)
    assert _entry(restarted)["attempts"]["failures"] == FREE_ATTEMPTS
    clock[0] += restarted.retry_delay() + 0.1
    restarted.unlock(PASS).close()
    assert "attempts" not in _entry(restarted) and restarted.retry_delay() == 0


def test_an_old_attempts_file_is_carried_into_the_entry(tmp_path):
    clock = [1_000_000.0]
    profile = _profile(tmp_path / "p", wall_clock=lambda: clock[0])
    profile.create(PASS, key_storage="file").store.close()
    legacy = profile.directory / "attempts.json"
    failures = FREE_ATTEMPTS + 3  # 16 s to wait after the last one
    legacy.write_text(json.dumps({"failures": failures, "last_failure": clock[0] - 10}))
    with pytest.raises(TooManyAttempts):
        profile.unlock(PASS)
    clock[0] += 100
    _fail(profile, 1)
    assert not legacy.exists()
    assert _entry(profile)["attempts"]["failures"] == failures + 1
    with pytest.raises(TooManyAttempts):
        profile.unlock(PASS)


def test_a_tampered_count_counts_as_the_worst(tmp_path):
    clock = [1_000_000.0]
    profile = _profile(tmp_path / "p", wall_clock=lambda: clock[0])
    profile.create(PASS, key_storage="file").store.close()
    entry = _entry(profile)
    entry["attempts"] = {"failures": "many"}
    profile.key_store().save(profile.profile_id, json.dumps(entry))
    with pytest.raises(TooManyAttempts):
        profile.unlock(PASS)


def test_recovery_without_a_key_entry_still_works(tmp_path):
    profile = _profile(tmp_path / "p")
    result = profile.create(PASS, key_storage="file")
    result.store.close()
    profile.key_store().delete(profile.profile_id)  # the lost keyring entry recovery is for
    assert profile.retry_delay() == 0
    profile.unlock_with_recovery(result.recovery_key, NEW_PASS).close()
    assert _entry(profile)["format"] == 2
    profile.unlock(NEW_PASS).close()
