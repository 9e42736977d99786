"""Overwriting secrets in memory once they are no longer needed (issue 13 point 7).

After the profile locks, a core dump or a swapped-out page must not hold the data key, the
passphrase or a patient name of the session. Three kinds of buffer hold them:

- ``bytearray`` we own (the data key, key-encryption keys, encoded passphrases): wiped with
  ``wipe`` (``ctypes.memset``) as soon as they are used.
- ``bytes`` a library hands back (``AESGCM.decrypt``, ``Argon2id.derive``, ``hex`` strings we
  build for SQLCipher's ``PRAGMA key``): copied into a ``bytearray`` by ``take`` and the
  original overwritten in place by ``wipe_bytes`` / ``wipe_ascii_str``. These write into an
  immutable object, so they are only used on an object this code created a moment ago and
  that nothing else references; each checks that the address it computed really holds the
  object's contents before writing (CPython's object layout), and does nothing otherwise.
- everything Python copies on its own: a ``str`` passphrase from a text field or the
  terminal, its UTF-8 encoding inside the interpreter, record values passing through JSON
  and SQL parameters, SQLite's page cache. SQLCipher wipes its own allocations when they are
  freed (``PRAGMA cipher_memory_security = ON``, ``connection``); what Python frees is
  overwritten by CPython's allocator debug hooks, which the app turns on before the
  interpreter starts (``PYTHONMALLOC=debug``: freed blocks are filled with ``0xDD``, see
  ``desktop.memory_hygiene``). What stays out of reach: copies the operating system's
  keyring daemon, the terminal or the window system hold in *their* processes, and
  anything still referenced while the profile is open (that is the session itself).
"""

from __future__ import annotations

import ctypes
import sys
import threading

_BYTES_HEADER = sys.getsizeof(b"") - 1
_ASCII_HEADER = sys.getsizeof("") - 1


def wipe(buffer: bytearray) -> None:
    """Overwrite a ``bytearray`` with zeros, in place."""
    if buffer:
        ctypes.memset((ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


def take(data: bytes) -> bytearray:
    """A wipeable copy of ``data``; ``data`` itself (fresh from a library) is overwritten."""
    copy = bytearray(data)
    wipe_bytes(data)
    return copy


def wipe_bytes(data: bytes) -> bool:
    """Zero a ``bytes`` object this code just created; ``False`` when it was left alone.

    One-byte and empty ``bytes`` are shared singletons in CPython and are never touched.
    """
    if type(data) is not bytes or len(data) < 2:
        return False
    address = id(data) + _BYTES_HEADER
    if not _holds(address, len(data), data[0], data[-1]):
        return False
    ctypes.memset(address, 0, len(data))
    return True


def wipe_ascii_str(text: str) -> bool:
    """Zero an ASCII ``str`` this code just built (e.g. a hex key); ``False`` if left alone.

    Only compact ASCII strings (one byte per character, CPython's layout for them) of two
    or more characters; never an interned or shared string: the callers pass an f-string
    result that nothing else references.
    """
    if type(text) is not str or len(text) < 2 or not text.isascii():
        return False
    if sys.getsizeof(text) != _ASCII_HEADER + len(text) + 1:
        return False
    address = id(text) + _ASCII_HEADER
    if not _holds(address, len(text), ord(text[0]), ord(text[-1])):
        return False
    ctypes.memset(address, ord("0"), len(text))  # still valid ASCII if anything reads it
    return True


def _holds(address: int, length: int, first: int, last: int) -> bool:
    """Whether ``address`` looks like the object's buffer: first, last and the NUL after.

    Compared byte by byte, because a comparison of the whole would make one more copy.
    """
    at = ctypes.c_ubyte.from_address
    return (
        at(address).value == first
        and at(address + length - 1).value == last
        and at(address + length).value == 0
    )


def reclaim_finished_thread_stacks() -> None:
    """Let a throw-away thread take over the stack a finished thread left behind.

    glibc keeps the stacks of finished threads mapped for reuse, with what the thread's C
    code left at their base and in their thread-local block: fragments of a record's JSON,
    64 bytes at a time, stayed on the database thread's stack after the store closed. The
    next thread to start gets that stack, and glibc re-initialises its thread-local block
    and the new thread's first frames overwrite the base. Called when the session locks.
    """
    thread = threading.Thread(target=lambda: None, name="sjelden-stack-reclaim")
    thread.start()
    thread.join()
