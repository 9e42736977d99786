"""Child process for the memory-after-lock test: one real session, then locked and waiting.

The passphrase and the patient's family name arrive on standard input (never as a literal of
this file, which would keep a copy in the code object), are read straight into a
``bytearray`` (``os.readv``: no buffered reader keeps a copy) and wiped after use. The
session unlocks, saves and completes a synthetic record, lists and reads it back and prints
``unlocked``; on the line ``lock`` it locks, prints ``locked`` and waits for the parent to dump
its memory (``gcore``) until standard input closes. It allows any process of the same user to
trace it (``PR_SET_PTRACER``), so ``ptrace_scope`` 1 does not stop the parent's ``gcore``.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import random
import sys
from pathlib import Path

from desktop.storage import memory_wipe, record_ops, records
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile
from desktop.storage.session import Session
from desktop.storage.store import Store
from tests.helpers.synthetic import FORM, record


def _line(buffer: bytearray) -> bytearray:
    """One line of stdin into ``buffer`` (without the newline), byte by byte."""
    one = bytearray(1)
    size = 0
    while os.readv(0, [one]) == 1 and one[0] != ord("\n"):
        buffer[size] = one[0]
        size += 1
    memory_wipe.wipe(one)
    return buffer[:size] if size < len(buffer) else buffer


def session(directory: Path) -> None:
    raw_passphrase, raw_name = bytearray(128), bytearray(64)
    passphrase, name_bytes = _line(raw_passphrase), _line(raw_name)
    memory_wipe.wipe(raw_passphrase)
    memory_wipe.wipe(raw_name)
    profile = Profile(directory, key_store=FileBlobStore(directory))
    live = Session(profile)
    _work(live.unlock(passphrase), name_bytes)
    memory_wipe.wipe(passphrase)
    memory_wipe.wipe(name_bytes)
    gc.collect()
    _say("unlocked")
    command = bytearray(16)
    _line(command)
    live.lock()


def _work(store: Store, name: bytearray) -> None:
    """What a clinician does in the window: save, complete, list and open a registration."""
    payload = record(random.Random(7), family_name=name.decode("ascii"))
    rid = payload["record_id"]
    store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
    store.call(lambda c: records.complete(c, record_id=rid, payload=payload, author=store.actor))
    store.call(lambda c: records.list_rows(c))
    store.call(lambda c: records.require(c, rid))


def _say(word: str) -> None:
    os.write(1, word.encode("ascii") + b"\n")


def main() -> None:
    with contextlib.suppress(OSError, AttributeError):
        pr_set_ptracer, any_process = 0x59616D61, ctypes.c_ulong(-1).value
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_ptracer, any_process, 0, 0, 0)
    session(Path(sys.argv[1]))
    _say("locked")
    while os.read(0, 4096):  # until the parent closes the pipe
        pass


if __name__ == "__main__":
    main()
