"""Freed memory that is overwritten: the allocator settings the app starts with (issue 13).

Python frees the strings a session made (a patient's name in a record's JSON, the
passphrase from a text field) without clearing them: CPython's small-object allocator and
glibc's ``malloc`` leave the bytes where they were until the block is reused, so a core dump
taken after lock held the passphrase and patient names. Two settings, read only when a
process starts, make every free overwrite the block:

- ``PYTHONMALLOC=malloc``: Python objects are allocated with the C library's ``malloc``
  instead of its own pools, so each free reaches glibc;
- ``GLIBC_TUNABLES=glibc.malloc.perturb=165:glibc.malloc.tcache_count=0``: glibc fills
  every freed chunk with the byte 165 (``0xA5``); its per-thread cache, which would keep up
  to seven recently freed chunks per size unfilled, is switched off.

Their cost is small next to everything else: 400 saves p50 0.69-0.71 ms with them against
0.71-0.73 ms without, importing the whole GUI 0.38 s against 0.34 s, on the shared build
machine; the restart itself adds one interpreter start before Qt loads. ``sjelden`` (the
window) re-executes itself once with them on Linux (``restart_with_wiping_allocator``); the
memory-after-lock tests start their child with the same ``environment``. Other platforms keep
their allocator: Windows' and macOS's heaps have no equivalent switch, and there the
explicit wiping (``memory_wipe``) and SQLCipher's own are what remains.
"""

from __future__ import annotations

import os
import platform
import sys
from collections.abc import Mapping
from pathlib import Path

PERTURB = "glibc.malloc.perturb=165"
NO_TCACHE = "glibc.malloc.tcache_count=0"
#: set by the restarted process, so a missing tunable never loops
RESTARTED = "SJELDEN_WIPING_ALLOCATOR"


def supported() -> bool:
    """Linux with glibc: the tunables above exist there (glibc 2.26 and later)."""
    return sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def environment(base: Mapping[str, str]) -> dict[str, str]:
    """``base`` with the allocator settings added (other glibc tunables kept)."""
    tunables = [t for t in base.get("GLIBC_TUNABLES", "").split(":") if t]
    for tunable in (PERTURB, NO_TCACHE):
        name = tunable.split("=")[0]
        tunables = [t for t in tunables if not t.startswith(name + "=")]
    tunables = [PERTURB, NO_TCACHE, *tunables]
    return {
        **base,
        "PYTHONMALLOC": "malloc",
        "GLIBC_TUNABLES": ":".join(tunables),
        RESTARTED: "1",
    }


def active(environ: Mapping[str, str] | None = None) -> bool:
    """Whether ``environ`` (default: this process's) starts a process with the settings.

    The dynamic loader cuts ``GLIBC_TUNABLES`` at its first ``:`` while parsing it in place,
    so in the started process only the first tunable is still visible: that one is checked.
    """
    env = os.environ if environ is None else environ
    tunables = env.get("GLIBC_TUNABLES", "").split(":")
    return env.get("PYTHONMALLOC") == "malloc" and PERTURB in tunables


def restart_with_wiping_allocator() -> None:
    """Re-execute this process with ``environment`` unless it runs with it already.

    Only for the app started as ``sjelden``/``python -m desktop`` (not a host that imported
    us, such as a test run), only once (``RESTARTED``), and only where ``supported``.
    """
    if not supported() or active() or os.environ.get(RESTARTED):
        return
    if Path(sys.argv[0]).name not in ("sjelden", "__main__.py"):
        return
    # the same interpreter and arguments, no shell: nothing from outside is interpreted
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], environment(os.environ))  # noqa: S606
