"""Where a profile's files live, and how they are written.

Every file the app writes holds either encrypted data or non-secret settings, but the
directories are still created owner-only (0700) and files 0600: a shared clinic PC must not
even reveal which profiles exist or how large their stores are.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

import platformdirs
from sjelden_protocol.files import atomic_private_file

APP_NAME = "sjelden"
HOME_ENV = "SJELDEN_HOME"
DEFAULT_PROFILE = "default"
_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def data_root() -> Path:
    """The root of all profiles: ``$SJELDEN_HOME`` when set, else the platform data dir."""
    override = os.environ.get(HOME_ENV)
    root = Path(override) if override else platformdirs.user_data_path(APP_NAME, appauthor=False)
    ensure_private_dir(root)
    return root


def validate_profile_name(name: str) -> str:
    if not _PROFILE_NAME.match(name):
        raise ValueError(
            f"Invalid profile name {name!r}: use 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit."
        )
    return name


def profile_dir(name: str = DEFAULT_PROFILE, *, create: bool = True) -> Path:
    """The directory of one profile (a clinician's or the registry staff's)."""
    profiles = data_root() / "profiles"
    path = profiles / validate_profile_name(name)
    if create:
        ensure_private_dir(profiles)
        ensure_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) owner-only, and tighten it if it already exists."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):  # e.g. a filesystem without POSIX modes
        os.chmod(path, 0o700)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty 0600 file if missing, so a library that creates it later (SQLite,
    which gives its WAL and journal the main file's mode) inherits owner-only permissions."""
    fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600, in an owner-only directory.

    The atomic write itself is ``sjelden_protocol.files.atomic_private_file``, shared with
    the inbox.
    """
    ensure_private_dir(path.parent)
    with atomic_private_file(path) as handle:
        handle.write(data)
