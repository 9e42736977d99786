"""Writing an export where the user chose, atomically, owner-only, and nothing on failure.

Exports hold personal data, so they never pass through the system temp directory: the
temporary file (or folder) is created in the destination's own directory, 0600 (0700), and
renamed onto the chosen name only once everything is written and flushed. Any error, an
invalid resource included, removes the temporary file and leaves the destination untouched.

The destination's directory is not created or re-moded: the user picked it (a shared
folder, a USB stick) and its permissions are theirs, so files go through
``sjelden_protocol.files.atomic_private_file``, not ``write_private_file`` (which makes the
directory 0700).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from sjelden_protocol.files import atomic_private_file, fsync_dir

from desktop.staff.export.errors import ExportError


def check_file_destination(destination: Path) -> None:
    """Refuse a destination that cannot take a file, before any work is done."""
    parent = destination.parent
    if not parent.is_dir():
        raise ExportError(
            f"The folder {parent} does not exist. Choose an existing folder for the export."
        )
    if destination.is_dir():
        raise ExportError(
            f"{destination} is a folder. Choose a file name for the export, e.g. "
            f"{destination / 'export.csv'}."
        )


def check_directory_destination(destination: Path) -> None:
    """Refuse a destination folder that exists with files in it (they would be mixed in)."""
    parent = destination.parent
    if not parent.is_dir():
        raise ExportError(
            f"The folder {parent} does not exist. Choose an existing folder for the export."
        )
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise ExportError(
            f"{destination} already exists and is not an empty folder. Choose a new folder "
            "name (it is created) or an empty folder."
        )


@contextlib.contextmanager
def atomic_file(destination: Path) -> Iterator[BinaryIO]:
    """A binary handle whose content becomes ``destination`` when the block ends cleanly
    (``sjelden_protocol.files.atomic_private_file``, after the destination checks)."""
    check_file_destination(destination)
    with atomic_private_file(destination) as handle:
        yield handle


class DirectoryWriter:
    """Files written into a hidden temporary folder beside the destination folder."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, name: str, data: bytes) -> None:
        if "/" in name or "\\" in name or name.startswith("."):
            raise ValueError("export file names are plain names")  # a bug, not user input
        with atomic_private_file(self.root / name, replace=False) as handle:
            handle.write(data)


@contextlib.contextmanager
def atomic_directory(destination: Path) -> Iterator[DirectoryWriter]:
    """A writer whose files appear as the folder ``destination`` when the block ends cleanly.

    The temporary folder is ``mkdtemp``'s (0700) beside the destination; an empty existing
    destination folder is replaced by it. On any error the temporary folder is removed.
    """
    check_directory_destination(destination)
    tmp = Path(
        tempfile.mkdtemp(prefix=f".{destination.name}.", suffix=".tmp", dir=destination.parent)
    )
    try:
        writer = DirectoryWriter(tmp)
        yield writer
        if destination.is_dir():
            destination.rmdir()  # empty (checked above); os.rename cannot replace it on Windows
        os.rename(tmp, destination)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    fsync_dir(destination.parent)
