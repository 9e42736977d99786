"""The store against a real Secret Service: gnome-keyring under its own D-Bus session.

Each run gets a fresh ``HOME`` so the keyring starts empty. The whole flow runs through the
real ``sjelden`` CLI in that session: set-up, unlock, passphrase change, and ``doctor``
reporting the secure backend.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PASS = "riktig hest batteri stift"
NEW_PASS = "et helt nytt passord"

_tools = [shutil.which("dbus-run-session"), shutil.which("gnome-keyring-daemon")]
if not all(_tools):
    if os.environ.get("CI"):
        raise RuntimeError("CI must provide dbus-run-session and gnome-keyring (scripts/test.sh)")
    pytest.skip("needs dbus-run-session and gnome-keyring", allow_module_level=True)

pytestmark = pytest.mark.keyring_real


def _in_session_bus(
    script: str, home: Path, sjelden_home: Path, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run a bash script in a private D-Bus session with a fresh HOME, as a new user has."""
    env = {
        "HOME": str(home),
        "PATH": os.environ["PATH"],
        "SJELDEN_HOME": str(sjelden_home),
        "PYTHONPATH": os.getcwd(),
        "LANG": "C.UTF-8",
        **extra,
    }
    return subprocess.run(
        ["dbus-run-session", "--", "bash", "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_against_gnome_keyring(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    sjelden_home = tmp_path / "sjelden"
    script = textwrap.dedent(
        f"""
        set -eu
        # gnome-keyring needs an unlocked login collection; its password is unrelated to ours
        eval "$(printf 'keyring-test' | gnome-keyring-daemon --unlock --components=secrets)"
        py="{sys.executable}"
        "$py" -m desktop doctor
        printf '%s\\n' "$P1" | "$py" -m desktop init
        printf '%s\\n' "$P1" | "$py" -m desktop unlock-check
        if printf '%s\\n' wrong-passphrase-123 | "$py" -m desktop unlock-check; then
          echo "wrong passphrase accepted"; exit 9
        fi
        printf '%s\\n%s\\n' "$P1" "$P2" | "$py" -m desktop change-passphrase
        printf '%s\\n' "$P2" | "$py" -m desktop unlock-check
        "$py" - <<'PY'
        import json, keyring
        from desktop.storage.keystore import SERVICE_NAME
        from desktop.storage.profile import Profile
        profile = Profile.named()
        blob = keyring.get_password(SERVICE_NAME, profile.profile_id)
        entry = json.loads(blob)
        assert set(entry) == {{"format", "profile_id", "kdf", "seal"}}, sorted(entry)
        print("keyring entry ok:", type(keyring.get_keyring()).__module__)
        PY
        """
    )
    result = _in_session_bus(script, home, sjelden_home, P1=PASS, P2=NEW_PASS)
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    assert "nøkkelring: keyring.backends.SecretService.Keyring (sikker)" in out
    assert out.count("OK: profilen er låst opp") == 2
    assert "Feil passordfrase" in result.stderr
    assert "keyring entry ok: keyring.backends.SecretService" in out
    # the sealed key lives only in the keyring: no key file in the profile
    profile_dir = sjelden_home / "profiles" / "default"
    assert sorted(p.name for p in profile_dir.iterdir()) == [
        "backups",
        "commit-state.json",
        "profile.json",
        "profile.lock",
        "recovery.json",
        "store.db",
    ]


def test_a_locked_login_keyring_is_named_with_the_fix(tmp_path):
    """Lock the collection over the Secret Service API: unlock and set-up say to unlock it."""
    home = tmp_path / "home"
    home.mkdir()
    sjelden_home = tmp_path / "sjelden"
    script = textwrap.dedent(
        f"""
        set -u
        eval "$(printf 'keyring-test' | gnome-keyring-daemon --unlock --components=secrets)"
        py="{sys.executable}"
        printf '%s\\n' "$P1" | "$py" -m desktop init >/dev/null || exit 7
        "$py" - <<'PY'
        import secretstorage
        collection = secretstorage.get_default_collection(secretstorage.dbus_init())
        collection.lock()
        assert collection.is_locked()
        PY
        echo "== unlock-check"
        printf '%s\\n' "$P1" | "$py" -m desktop unlock-check; echo "exit $?"
        echo "== init"
        printf '%s\\n' "$P1" | "$py" -m desktop --profile second init; echo "exit $?"
        """
    )
    result = _in_session_bus(script, home, sjelden_home, P1=PASS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("exit 1") == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.count("(store.keyring_locked)") == 2, result.stderr
    assert "Lås opp påloggingsnøkkelringen" in result.stderr
    assert PASS not in result.stdout + result.stderr
    # the refused set-up left no profile behind, and the wrong-guess counter was not touched
    assert not (sjelden_home / "profiles" / "second" / "profile.json").exists()
    assert not (sjelden_home / "profiles" / "default" / "attempts.json").exists()


def test_the_failure_count_lives_in_the_keyring_entry(tmp_path):
    """Issue 13: deleting files in the profile folder does not reset the slow-down."""
    home = tmp_path / "home"
    home.mkdir()
    sjelden_home = tmp_path / "sjelden"
    script = textwrap.dedent(
        f"""
        set -u
        eval "$(printf 'keyring-test' | gnome-keyring-daemon --unlock --components=secrets)"
        py="{sys.executable}"
        printf '%s\\n' "$P1" | "$py" -m desktop init >/dev/null || exit 7
        for i in 1 2 3; do
          printf '%s\\n' "feil passordfrase $i" | "$py" -m desktop unlock-check
        done
        rm -f "$SJELDEN_HOME/profiles/default/attempts.json" \\
              "$SJELDEN_HOME/profiles/default/commit-state.json"
        echo "== right passphrase after deleting files"
        printf '%s\\n' "$P1" | "$py" -m desktop unlock-check; echo "exit $?"
        "$py" - <<'PY'
        import json, keyring
        from desktop.storage.keystore import SERVICE_NAME
        from desktop.storage.profile import Profile
        entry = json.loads(keyring.get_password(SERVICE_NAME, Profile.named().profile_id))
        print("failures in the keyring entry:", entry["attempts"]["failures"])
        PY
        """
    )
    result = _in_session_bus(script, home, sjelden_home, P1=PASS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stderr.count("Feil passordfrase") == 3, result.stderr
    after = result.stdout.split("== right passphrase after deleting files")[1]
    assert "exit 1" in after and "OK: profilen" not in after
    assert "For mange mislykkede forsøk" in result.stderr
    assert "failures in the keyring entry: 3" in result.stdout
    assert PASS not in result.stdout + result.stderr
