"""Writing a private file atomically: the one implementation for the app, the CLI and the inbox.

It lives in the protocol distribution because that is the one thing the desktop app and the
inbox server both install, and the inbox may import nothing else of ours; key files
(``keys.save_private_key``), batch files, exports and profile files all go through it.

The temporary file is created in the target's own directory (so the rename is atomic, and
personal data never pass through the system temp directory) with ``mkstemp``, which opens it
0600; it is fsynced before it takes the target's name and the directory after. A crash or an
exception leaves either the old file or none, never a part, and the temporary file is
removed. The directory itself is neither created nor re-moded: a key or an export goes where
the user chose, with the permissions that folder has.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_private_file(path: Path, *, replace: bool = True) -> Iterator[BinaryIO]:
    """A binary handle whose content becomes ``path`` (mode 0600) when the block ends cleanly.

    With ``replace=False`` an existing ``path`` is never overwritten (``FileExistsError``, the
    temporary file removed): the complete file is hard-linked into place, so a second process
    racing to create the same key sees either no file or a whole one, never a half-written one.
    """
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(tmp_name, path)
        else:
            os.link(tmp_name, path)
            os.unlink(tmp_name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in ``path`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
