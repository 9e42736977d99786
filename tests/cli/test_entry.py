"""The ``sjelden`` entry point: the command table matches the modules, a command imports only
its own module, and a machine that cannot show a window gets one clear line, not Qt's abort."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from desktop import cli
from desktop.cli import gui
from tests.helpers.cli import ROOT, run_cli


def test_the_command_table_names_each_module_s_own_commands() -> None:
    registered: dict[str, str] = {}
    for module_name in cli.COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers()
        importlib.import_module(module_name).register(sub)
        for command in sub.choices:
            registered[command] = module_name
    assert registered == cli.COMMANDS


def _imported_after(*argv: str) -> set[str]:
    code = (
        "import sys\n"
        "from desktop import cli\n"
        f"try:\n    cli.main({list(argv)!r})\nexcept SystemExit:\n    pass\n"
        "print(' '.join(m for m in sys.modules if m.startswith(('desktop.', 'PySide6'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return set(done.stdout.split()[-1000:])


def test_version_loads_no_command_module() -> None:
    loaded = _imported_after("--version")
    assert not {m for m in loaded if m.startswith("desktop.cli.")}
    assert not {m for m in loaded if m.startswith("PySide6")}


def test_a_command_loads_only_its_own_module_and_no_qt() -> None:
    loaded = _imported_after("schema")
    commands = {m for m in loaded if m.startswith("desktop.cli.")}
    assert "desktop.cli.forms" in commands
    assert not commands & {"desktop.cli.staff", "desktop.cli.sync", "desktop.cli.letters"}
    assert not {m for m in loaded if m.startswith(("PySide6", "desktop.ui"))}


def test_global_options_before_the_command_still_find_it() -> None:
    assert cli._command_word(["--profile", "x", "--language", "en", "validate", "f"]) == (
        "validate"
    )
    assert cli._command_word(["--profile", "validate"]) is None  # a profile named validate
    assert cli._command_word([]) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")
def test_no_display_is_reported_with_the_way_out() -> None:
    problem = gui.display_problem({})
    assert problem is not None
    nb, en = problem.text("nb"), problem.text("en")
    assert "DISPLAY" in nb and "sjelden --help" in en
    assert gui.display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert gui.display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 check")
def test_missing_x11_libraries_are_named_with_their_packages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gui, "_loadable", lambda library: library != "libxcb-cursor.so.0")
    problem = gui.display_problem({"DISPLAY": ":0"})
    assert problem is not None and "sudo apt install libxcb-cursor0" in problem.text("en")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 check")
def test_an_unreachable_display_is_named() -> None:
    problem = gui.display_problem({"DISPLAY": ":987"})  # no X server listens there
    assert problem is not None and "':987'" in problem.text("en")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 check")
def test_sjelden_without_a_display_exits_3_with_one_line() -> None:
    result = run_cli(env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""})
    assert result.returncode == 3
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("[no_display] Ingen skjerm")
    english = run_cli(
        "--language", "en", env={"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    )
    assert english.stderr.startswith("[no_display] No display")


@pytest.mark.gui
def test_selftest_passes_from_the_checkout() -> None:
    pytest.importorskip("PySide6")
    result = run_cli("selftest", "--gui", env={"QT_QPA_PLATFORM": "offscreen"}, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("OK    ") == 5
