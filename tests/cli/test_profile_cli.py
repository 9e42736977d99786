"""The profile commands of ``sjelden``, run as a real subprocess."""

from __future__ import annotations

from tests.helpers.cli import run_cli as run

PASS = "riktig hest batteri stift"


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("sjelden ")


def test_init_refuses_without_secure_keyring_and_names_the_fix(isolated_environment):
    # no D-Bus session here, so keyring has no Secret Service backend
    result = run(
        "init", stdin=PASS + "\n", env={"DBUS_SESSION_BUS_ADDRESS": "unix:path=/nonexistent"}
    )
    assert result.returncode == 1
    assert "gnome-keyring" in result.stderr and "--key-file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (isolated_environment["home"] / "profiles" / "default" / "profile.json").exists()


def test_init_unlock_check_and_wrong_passphrase(isolated_environment):
    result = run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS})
    assert result.returncode == 0, result.stderr
    recovery = result.stdout.strip().splitlines()[-1]
    assert len(recovery) == 39
    assert PASS not in result.stdout + result.stderr
    ok = run("unlock-check", stdin=PASS + "\n")
    assert ok.returncode == 0 and "OK" in ok.stdout
    bad = run("unlock-check", stdin="feil passordfrase her\n")
    assert bad.returncode == 1
    assert "Feil passordfrase" in bad.stderr and "Traceback" not in bad.stderr
    again = run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS})
    assert again.returncode == 1 and "allerede satt opp" in again.stderr
    recovered = run("recover", stdin=f"{recovery}\nnytt passord etter tap\n")
    assert recovered.returncode == 0, recovered.stderr
    assert run("unlock-check", stdin="nytt passord etter tap\n").returncode == 0


def test_weak_passphrase_message(isolated_environment):
    result = run("init", "--key-file", env={"SJELDEN_PASSPHRASE": "kort"})
    assert result.returncode == 1
    assert "minst 12 tegn" in result.stderr


def test_english_messages(isolated_environment):
    run("init", "--key-file", "--language", "en", env={"SJELDEN_PASSPHRASE": PASS})
    bad = run("unlock-check", stdin="wrong passphrase here\n")
    assert "Wrong passphrase" in bad.stderr


def test_doctor_reports_without_secrets(isolated_environment):
    run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS})
    result = run("--language", "en", "doctor")
    assert result.returncode == 0
    assert "sqlcipher: 4." in result.stdout
    assert "keyring backend:" in result.stdout
    assert str(isolated_environment["home"]) in result.stdout
    assert "profiles: default" in result.stdout
    assert PASS not in result.stdout
    for path in (isolated_environment["home"] / "profiles" / "default").glob("sealed-key-*"):
        assert path.read_text()[:40] not in result.stdout
    norwegian = run("doctor").stdout  # the profile's language, bokmål
    assert "nøkkelring:" in norwegian and "profiler: default" in norwegian
