"""Keyring failures reach the user as the store's errors, with a message naming the fix.

Set-up and unlocking both talk to the keyring; each of its failures becomes a ``StoreError``
with a stable code, so the CLI and the unlock page show what to do instead of a crash.
"""

from __future__ import annotations

import keyring.errors
import pytest

from desktop.storage.errors import (
    KeyringFailed,
    KeyringLocked,
    KeyringUnavailable,
    StoreError,
    WrongPassphrase,
)
from desktop.storage.keystore import KeyringBlobStore
from tests.helpers.failing_keyring import FailingKeyring

PASS = "riktig hest batteri stift"

CASES = [
    # the keyring's error, the store's error, its code, what the message must name
    (keyring.errors.KeyringLocked, KeyringLocked, "store.keyring_locked", ("Lås opp", "Unlock")),
    (keyring.errors.InitError, KeyringUnavailable, "store.keyring_unavailable", ("gnome-keyring",)),
    (
        keyring.errors.NoKeyringError,
        KeyringUnavailable,
        "store.keyring_unavailable",
        ("--key-file",),
    ),
    (keyring.errors.PasswordSetError, KeyringFailed, "store.keyring_error", ("--key-file",)),
    (
        keyring.errors.KeyringError,
        KeyringFailed,
        "store.keyring_error",
        ("Prøv igjen", "Try again"),
    ),
]


@pytest.mark.parametrize(("raised", "expected", "code", "fixes"), CASES)
def test_set_up_with_a_failing_keyring_is_a_store_error(
    make_profile, raised, expected, code, fixes
):
    backend = FailingKeyring(raised)
    profile = make_profile(key_store=KeyringBlobStore(backend))
    with pytest.raises(expected) as caught:
        profile.create(PASS)
    error = caught.value
    assert isinstance(error, StoreError) and error.code == code
    assert isinstance(error.__cause__, raised)
    text = error.user_message("nb") + " " + error.user_message("en")
    for fix in fixes:
        assert fix in text, (fix, text)
    assert PASS not in str(error) and PASS not in text
    # nothing of the failed set-up is left, so it can simply be run again
    assert not profile.exists
    assert sorted(p.name for p in profile.directory.iterdir()) == []


@pytest.mark.parametrize(("raised", "expected", "code", "fixes"), CASES)
def test_unlocking_with_a_failing_keyring_is_a_store_error_not_a_wrong_passphrase(
    make_profile, raised, expected, code, fixes
):
    make_profile().create(PASS).store.close()
    backend = FailingKeyring(raised)
    profile = make_profile(key_store=KeyringBlobStore(backend))
    for _ in range(4):  # more than the free attempts: a keyring failure is no guess
        with pytest.raises(expected) as caught:
            profile.unlock(PASS)
        assert caught.value.code == code
    assert backend.calls == 4
    assert profile.retry_delay() == 0
    with pytest.raises(expected):
        profile.change_passphrase(PASS, "et helt nytt passord")


def test_the_messages_name_the_fixes_in_both_languages():
    locked = KeyringLocked("load")
    assert "påloggingsnøkkelringen" in locked.user_message("nb")
    assert "Unlock the login keyring" in locked.user_message("en")
    unavailable = KeyringUnavailable("load")
    for lang in ("nb", "en"):
        assert "start gnome-keyring" in unavailable.user_message(lang)
        assert "sjelden init --key-file" in unavailable.user_message(lang)
        assert "sjelden init --key-file" in KeyringFailed("save").user_message(lang)


def test_a_wrong_passphrase_is_still_a_wrong_passphrase(make_profile):
    make_profile().create(PASS).store.close()
    with pytest.raises(WrongPassphrase):
        make_profile().unlock("feil passordfrase her")
