"""Deleting a file of the profile so its bytes do not stay on the disk's free blocks.

The files deleted this way (migration backups, rolling backups past their time) are
SQLCipher ciphertext under the data key, so a leftover copy is readable only with the key;
still, a deletion the user was promised should not leave the data key's whole history on
disk. The file is overwritten with zeros in place, synced, then unlinked. On a filesystem
that writes elsewhere (copy-on-write: btrfs, ZFS, APFS) or a flash disk that remaps blocks
the old blocks may survive until reused; docs/sync.md says so. ``secure_delete`` covers the
pages inside the open database.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

_CHUNK = 1024 * 1024


def shred(path: Path) -> None:
    """Overwrite ``path`` with zeros, sync and remove it; a missing file is no error."""
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return
    with handle:
        size = os.fstat(handle.fileno()).st_size
        zeros = bytes(_CHUNK)
        left = size
        while left > 0:
            step = min(left, _CHUNK)
            handle.write(zeros[:step])
            left -= step
        handle.flush()
        os.fsync(handle.fileno())
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
