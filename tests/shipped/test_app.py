"""The installed ``sjelden`` (a wheel in a fresh virtualenv, or the frozen bundle) works
outside the checkout: every resource loads, the commands run, the window opens offscreen."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.shipped.conftest import run, shipped

PASSPHRASE = "fiktiv testfrase for røyktest"


@pytest.fixture
def app() -> Path:
    return shipped("SJELDEN_SHIPPED_APP")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


def _bundle() -> bool:
    return os.environ.get("SJELDEN_SHIPPED_KIND") == "bundle"


def test_version(app: Path, home: Path) -> None:
    result = run(app, "--version", home=home)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "sjelden 0.2.0"


def test_selftest_opens_the_window_offscreen(app: Path, home: Path) -> None:
    result = run(app, "selftest", "--gui", home=home, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr
    for check in ("resources", "sqlcipher", "validation", "letter", "window"):
        assert f"OK    {check}:" in result.stdout
    assert "Traceback" not in result.stderr


def test_codes_search_finds_a_diagnosis(app: Path, home: Path) -> None:
    result = run(app, "codes", "search", "cystisk fibrose", home=home)
    assert result.returncode == 0, result.stderr
    assert "ORPHA:586" in result.stdout


def test_demo_data_validates_and_prints_a_letter(app: Path, home: Path) -> None:
    made = run(app, "demo-data", "--count", "1", home=home)
    assert made.returncode == 0, made.stderr
    record = home / "record.json"
    record.write_text(made.stdout.splitlines()[0], encoding="utf-8")
    assert json.loads(record.read_text(encoding="utf-8"))["record_id"]

    checked = run(app, "validate", str(record), home=home)
    assert checked.returncode == 0, checked.stdout + checked.stderr

    pdf = home / "letter.pdf"
    letter = run(app, "letter", "--record", str(record), "--pdf", str(pdf), home=home)
    assert letter.returncode == 0, letter.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_key_file_profile_opens(app: Path, home: Path) -> None:
    made = run(app, "init", "--key-file", home=home, env={"SJELDEN_PASSPHRASE": PASSPHRASE})
    assert made.returncode == 0, made.stderr
    assert PASSPHRASE not in made.stdout + made.stderr
    profile = home / "sjelden" / "profiles" / "default"
    assert stat.S_IMODE(profile.stat().st_mode) == 0o700
    opened = run(app, "unlock-check", home=home, stdin=PASSPHRASE + "\n")
    assert opened.returncode == 0, opened.stderr
    assert "OK" in opened.stdout


def test_no_display_is_one_clear_line_not_a_qt_abort(app: Path, home: Path) -> None:
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run(app, home=home, env=env, timeout=60)
    assert result.returncode == 3, (result.returncode, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("[no_display] "), result.stderr
    assert "DISPLAY" in lines[0] and "sjelden --help" in lines[0]


def test_the_demo_runs_once(app: Path, home: Path) -> None:
    result = run(app, "demo", "--once", "--no-gui", home=home, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_resources_come_from_the_install_not_the_checkout(app: Path, home: Path) -> None:
    if _bundle():
        pytest.skip("a bundle has no Python to ask; its other tests run from the bundle")
    python = app.with_name("python")
    result = run(
        python,
        "-c",
        "import desktop, sjelden_resources, sjelden_protocol, sjelden_inbox; "
        "print(desktop.__file__, sjelden_resources.__file__, sjelden_protocol.__file__, "
        "sjelden_inbox.__file__)",
        home=home,
    )
    assert result.returncode == 0, result.stderr
    checkout = Path(__file__).resolve().parents[2]
    for location in result.stdout.split():
        assert "site-packages" in location and not location.startswith(str(checkout))
