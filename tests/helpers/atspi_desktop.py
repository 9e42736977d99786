"""A desktop a screen reader could use, for one run of the app: Xvfb, the AT-SPI bus, the app.

Run inside ``dbus-run-session`` (the session bus the app and the checker share) by
``tests/helpers/atspi_check.py`` under the system Python, where ``python3-pyatspi`` installs;
this module needs only the standard library. The app runs on Qt's xcb platform, because Qt's
AT-SPI bridge only starts on a real window system, with accessibility forced on
(``QT_LINUX_ACCESSIBILITY_ALWAYS_ON``): there is no desktop session to switch it on.

Every process started here is ended here, by its own pid, however the check ends.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

SCREEN = "1400x900x24"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


def bus_launcher() -> str | None:
    """Where at-spi2-core put its bus launcher (it is not on PATH on Debian)."""
    found = shutil.which("at-spi-bus-launcher")
    if found:
        return found
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def _stop(process: subprocess.Popen[bytes], seconds: float = 5.0) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(seconds)


def _start_xvfb(log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number, which it reports through ``-displayfd``."""
    read_end, write_end = os.pipe()
    with log.open("ab") as out:
        xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_end,),
            stdout=out,
            stderr=out,
        )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as reader:
        number = reader.readline().strip().decode()
    if not number:
        _stop(xvfb)
        raise RuntimeError(f"Xvfb did not start (see {log})")
    return xvfb, f":{number}"


@contextlib.contextmanager
def desktop(
    app: Sequence[str], env: Mapping[str, str], logs: Path
) -> Iterator[subprocess.Popen[bytes]]:
    """Xvfb, the AT-SPI bus and ``app`` on them; yields the app's process."""
    launcher = bus_launcher()
    if launcher is None:
        raise RuntimeError("at-spi-bus-launcher is missing: install at-spi2-core")
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        raise RuntimeError("no session bus: run this under dbus-run-session")
    logs.mkdir(parents=True, exist_ok=True)
    started: list[subprocess.Popen[bytes]] = []
    try:
        xvfb, display = _start_xvfb(logs / "xvfb.log")
        started.append(xvfb)
        os.environ["DISPLAY"] = display  # for xdotool and the checker's own calls
        with (logs / "at-spi.log").open("ab") as out:
            started.append(
                subprocess.Popen(
                    [launcher, "--launch-immediately"],
                    env={**os.environ, "DISPLAY": display},
                    stdout=out,
                    stderr=out,
                )
            )
        time.sleep(0.3)  # the launcher claims org.a11y.Bus before the app asks for it
        app_env = {
            **env,
            "DISPLAY": display,
            "DBUS_SESSION_BUS_ADDRESS": os.environ["DBUS_SESSION_BUS_ADDRESS"],
            "QT_QPA_PLATFORM": "xcb",
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }
        with (logs / "app.log").open("ab") as out:
            process = subprocess.Popen(list(app), env=app_env, stdout=out, stderr=out)
        started.append(process)
        yield process
    finally:
        for process in reversed(started):
            _stop(process)
