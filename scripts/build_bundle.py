"""Build the frozen application bundle (``dist/sjelden/``) for this platform with PyInstaller.

    python3 scripts/build_bundle.py        (Windows: py scripts\\build_bundle.py)

For clinicians who cannot run pip: a folder with the app, Python, Qt and SQLCipher inside,
started by ``dist/sjelden/sjelden`` (``sjelden.exe`` on Windows). The build environment
(``.venv-bundle``) is installed from ``requirements/bundle.lock`` with hashes checked, and the
three distributions of this repository as wheels, so the bundle holds exactly what a wheel
install holds. PyInstaller builds for the platform it runs on; docs/packaging.md says how
to build and sign on Windows and macOS.

Standard library only, like scripts/start.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv-bundle"
WINDOWS = os.name == "nt"


def _bin(name: str) -> str:
    return str(VENV / ("Scripts" if WINDOWS else "bin") / (f"{name}.exe" if WINDOWS else name))


def _run(*command: str) -> None:
    subprocess.run(command, check=True, cwd=ROOT)


def main() -> int:
    if not Path(_bin("python")).exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = (_bin("python"), "-m", "pip", "--disable-pip-version-check", "-q")
    lock = str(ROOT / "requirements" / "bundle.lock")
    _run(*pip, "install", "--require-hashes", "--no-deps", "-r", lock)
    _run(
        *pip,
        "install",
        "--no-deps",
        "--no-build-isolation",
        "--force-reinstall",
        str(ROOT / "protocol"),
        str(ROOT / "inbox"),
        str(ROOT),
    )
    _run(*pip, "check")
    work = ROOT / "build" / "pyinstaller"
    shutil.rmtree(ROOT / "dist" / "sjelden", ignore_errors=True)
    _run(
        _bin("pyinstaller"),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(ROOT / "dist"),
        "--workpath",
        str(work),
        str(ROOT / "packaging" / "pyinstaller" / "sjelden.spec"),
    )
    executable = ROOT / "dist" / "sjelden" / ("sjelden.exe" if WINDOWS else "sjelden")
    print(f"bundle: {executable}")
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except subprocess.CalledProcessError as exc:
        print(f"The bundle build failed (exit {exc.returncode}); see the messages above.")
        raise SystemExit(1) from None
