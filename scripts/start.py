"""Install the app into ./.venv from the lock file and start it, on Linux, macOS and Windows.

    python3 scripts/start.py [ARGS...]      (Windows: py scripts\\start.py [ARGS...])

ARGS go to ``sjelden`` (``demo`` starts the one-PC tour). The third-party packages come from
``requirements/app.lock`` with their hashes checked (``--require-hashes``), so every machine
gets the same, unaltered versions; the three distributions of this repository (the batch
protocol, the inbox server, the app) are then built and installed from the checkout as wheels,
not editable, which is how a clinician's PC runs them. A stamp of the lock and the sources
skips the install when nothing changed, so the second start is immediate.

Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements" / "app.lock"
SOURCES = ("protocol", "inbox", "desktop", "resources", "pyproject.toml", "setup.py")
WINDOWS = os.name == "nt"


def _bin(name: str) -> Path:
    return VENV / ("Scripts" if WINDOWS else "bin") / (f"{name}.exe" if WINDOWS else name)


def _stamp() -> str:
    digest = hashlib.sha256(LOCK.read_bytes())
    for name in SOURCES:
        top = ROOT / name
        paths = [top] if top.is_file() else sorted(top.rglob("*"))
        for path in paths:
            if path.is_file() and "__pycache__" not in path.parts and ".egg-info" not in str(path):
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def _pip(*args: str) -> None:
    command = [str(_bin("python")), "-m", "pip", "--disable-pip-version-check", "-q", *args]
    subprocess.run(command, check=True)


def install() -> None:
    stamp_file = VENV / "sjelden-installed.txt"
    stamp = _stamp()
    if _bin("sjelden").exists() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return
    if not _bin("python").exists():
        print("Setting up .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the app from requirements/app.lock (hashes checked) …", flush=True)
    _pip("install", "--require-hashes", "--no-deps", "-r", str(LOCK))
    _pip(
        "install",
        "--no-deps",
        "--no-build-isolation",  # the build backend is the locked setuptools
        "--force-reinstall",
        str(ROOT / "protocol"),
        str(ROOT / "inbox"),
        str(ROOT),
    )
    _pip("check")
    stamp_file.write_text(stamp)


def main(argv: list[str]) -> int:
    if sys.version_info < (3, 11):  # noqa: UP036 (this runs on whatever python3 the user has)
        print("Sjelden needs Python 3.11 or newer (python.org, or your system's packages).")
        return 2
    try:
        install()
    except subprocess.CalledProcessError as exc:
        print(f"The installation failed (exit {exc.returncode}); see pip's message above.")
        return 1
    command = [str(_bin("sjelden")), *argv]
    if WINDOWS:  # exec on Windows does not hand over the console cleanly
        return subprocess.run(command).returncode
    os.execv(command[0], command)  # noqa: S606 (the app replaces this process: signals reach it)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
