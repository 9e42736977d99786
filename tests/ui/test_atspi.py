"""The real app as a screen reader sees it, over AT-SPI (issue 16, point 6).

``sjelden --profile NAME`` (the venv's command) runs on Xvfb with Qt's AT-SPI bridge; the
checker (``tests/helpers/atspi_check.py``) runs under the system Python with Debian's
``python3-pyatspi``, in the same private D-Bus session, and drives the app by keyboard only.
For the unlock page, the record list, a new registration (every section) and the staff
window, every focusable object on screen has a name and a role other than unknown or filler;
Tab from the form's first field reaches every input of the form in the form's order, by the
labels the form gives them, and comes back to the first field (no trap).

Without the tools (no Xvfb, at-spi2-core, python3-pyatspi or xdotool) the test skips and
says what is missing; under CI (``CI=true``) it fails instead: ``scripts/test.sh`` installs
them.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import atspi_profiles
from tests.helpers.atspi_desktop import bus_launcher

REPO = Path(__file__).resolve().parents[2]
SYSTEM_PYTHON = "/usr/bin/python3"
CLINIC_PASSPHRASE = "skjermleser sjekker skjemaet"


def missing_tools() -> list[str]:
    missing = [tool for tool in ("Xvfb", "xdotool", "dbus-run-session") if not shutil.which(tool)]
    if bus_launcher() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False, timeout=30
    ) if os.access(SYSTEM_PYTHON, os.X_OK) else None  # fmt: skip
    if probe is None or probe.returncode != 0:
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


_missing = missing_tools()
if _missing and os.environ.get("CI"):
    raise RuntimeError(f"CI must provide {', '.join(_missing)} (scripts/test.sh installs them)")
real_desktop = pytest.mark.skipif(
    bool(_missing), reason=f"the AT-SPI check needs {', '.join(_missing)}"
)


def check(mode: str, profile: str, passphrase: str, tmp_path: Path, *extra: str) -> dict[str, Any]:
    """Run the checker in its own session bus against ``sjelden --profile profile``."""
    out = tmp_path / f"{mode}.json"
    sjelden = Path(sys.executable).with_name("sjelden")
    env = {
        **os.environ,
        "ATSPI_CHECK_PASSPHRASE": passphrase,
        "SJELDEN_LANGUAGE": "nb",
    }
    env.pop("QT_QPA_PLATFORM", None)  # the checker puts the app on xcb
    done = subprocess.run(
        ["dbus-run-session", "--", SYSTEM_PYTHON, str(REPO / "tests/helpers/atspi_check.py"),
         mode, "--out", str(out), "--logs", str(tmp_path / f"{mode}-logs"), *extra,
         "--", str(sjelden), "--profile", profile],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=150, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    log = tmp_path / f"{mode}-logs" / "app.log"
    assert report["error"] is None, (report["error"], log.read_text(errors="replace")[-3000:])
    return report


def unnamed(report: dict[str, Any]) -> list[str]:
    """Every page's focusable objects without a name or a real role, as ``page: role path``."""
    return [
        f"{page}: {item['role']} {item['path']}"
        for page, found in report["pages"].items()
        for item in found["missing"]
    ]


def said_as(stop: dict[str, Any], label: str) -> bool:
    """A Tab stop is the field labelled ``label``: by its name (a radio button is named
    'label: option') or, for a combo box, by the label that names it (its buddy label, which
    may add ' *' for required)."""
    name = stop["name"] or ""
    if name == label or name.startswith(f"{label}: "):
        return True
    return any(text.rstrip(" *") == label for text in stop["labels"])


def unreached(expected: list[str], visited: list[dict[str, Any]]) -> list[str]:
    """The fields of ``expected`` that Tab did not reach in that order."""
    position = 0
    missing = []
    for label in expected:
        found = next((i for i in range(position, len(visited)) if said_as(visited[i], label)), None)
        if found is None:
            missing.append(label)
        else:
            position = found + 1
    return missing


@pytest.mark.slow
@real_desktop
def test_the_clinic_app_has_names_roles_and_a_tab_path_through_the_form(tmp_path):
    atspi_profiles.clinic_profile("atspi-clinic", CLINIC_PASSPHRASE)
    expected = atspi_profiles.tab_path()
    report = check(
        "clinic", "atspi-clinic", CLINIC_PASSPHRASE, tmp_path, "--first-field", expected[0]
    )
    assert set(report["pages"]) == {"unlock", "list", "form"}
    assert all(found["focusable"] > 0 for found in report["pages"].values()), report["pages"]
    assert_named_and_walked(report, expected)


def assert_named_and_walked(report: dict, expected: list[str]) -> None:
    """Every focusable object named; Tab reached every expected field, with no trap."""
    assert unnamed(report) == []
    tab = report["tab"]
    assert tab["trap"] is None, tab
    assert unreached(expected, tab["visited"]) == [], [stop["name"] for stop in tab["visited"]]
    assert report["exit_code"] == 0


@pytest.mark.slow
@real_desktop
def test_tab_reaches_every_field_a_record_can_show(tmp_path):
    """A draft whose answers show the conditional fields, a genetic finding and the module."""
    payload = atspi_profiles.every_field_profile("atspi-every-field", CLINIC_PASSPHRASE)
    expected = atspi_profiles.tab_path(payload)
    assert len(expected) > len(atspi_profiles.tab_path()) + 15  # the answers show more
    report = check(
        "record", "atspi-every-field", CLINIC_PASSPHRASE, tmp_path, "--first-field", expected[0]
    )
    assert_named_and_walked(report, expected)


@pytest.mark.slow
@real_desktop
def test_the_staff_window_has_names_and_roles(tmp_path):
    atspi_profiles.staff_profile("atspi-staff")
    report = check("staff", "atspi-staff", atspi_profiles.screenshot_tool().PASSPHRASE, tmp_path)
    tabs = [page for page in report["pages"] if page.startswith("staff: ")]
    assert {"unlock", "staff"} <= set(report["pages"]) and len(tabs) >= 2, report["pages"]
    assert all(found["focusable"] > 0 for found in report["pages"].values()), report["pages"]
    assert unnamed(report) == []
    assert report["exit_code"] == 0


def test_the_matching_finds_a_field_out_of_order_or_missing():
    """The comparison itself: order matters, a combo box counts by its label."""
    visited = [
        {"name": "Etternavn", "labels": []},
        {"name": "– velg –", "labels": ["Kjønn *"]},
        {"name": "Vitalstatus: Levende", "labels": []},
    ]
    assert unreached(["Etternavn", "Kjønn", "Vitalstatus"], visited) == []
    assert unreached(["Kjønn", "Etternavn"], visited) == ["Etternavn"]
    assert unreached(["Etternavn", "Telefon"], visited) == ["Telefon"]
