"""Where the sealed data key is kept: the OS keyring, or a file only by explicit choice.

The blob kept here is already sealed (see ``keywrap``); the keyring adds a second layer that
is bound to the user's OS login. We refuse keyring backends that are not a real OS secret
store (plaintext or "null" backends), because silently degrading to a file is exactly the gap
Vorta and others are criticised for.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import keyring
import keyring.backend
import keyring.errors

from desktop.paths import write_private_file
from desktop.storage.errors import (
    KeyringFailed,
    KeyringLocked,
    KeyringUnavailable,
    NoSecureKeyring,
)

SERVICE_NAME = "no.sjeldenregisteret.sjelden"

# Backends that keep secrets in an OS-managed, login-bound store.
_SECURE_BACKEND_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.Windows",
    "keyring.backends.macOS",
)


class KeyBlobStore(Protocol):
    """A place for one sealed-key blob per profile id."""

    kind: str

    def load(self, profile_id: str) -> str | None: ...

    def save(self, profile_id: str, blob: str) -> None: ...

    def delete(self, profile_id: str) -> None: ...


@contextlib.contextmanager
def keyring_errors(operation: str) -> Iterator[None]:
    """The keyring's own failures as the store's errors, each with a message naming the fix.

    A locked login keyring, a keyring service that is not running and any other refusal
    otherwise reach the user as an unexplained crash; unlocking and set-up both go through
    here. The detail keeps the operation and the keyring's exception type, never the blob.
    """
    try:
        yield
    except keyring.errors.KeyringLocked as exc:
        raise KeyringLocked(_detail(operation, exc)) from exc
    except (keyring.errors.InitError, keyring.errors.NoKeyringError) as exc:
        raise KeyringUnavailable(_detail(operation, exc)) from exc
    except keyring.errors.KeyringError as exc:
        raise KeyringFailed(_detail(operation, exc)) from exc


def _detail(operation: str, exc: BaseException) -> str:
    return f"keyring {operation}: {type(exc).__module__}.{type(exc).__name__}"


class KeyringBlobStore:
    kind = "keyring"

    def __init__(self, backend: keyring.backend.KeyringBackend) -> None:
        self._backend = backend

    def load(self, profile_id: str) -> str | None:
        with keyring_errors("load"):
            value = self._backend.get_password(SERVICE_NAME, profile_id)
        return None if value is None else str(value)

    def save(self, profile_id: str, blob: str) -> None:
        with keyring_errors("save"):
            self._backend.set_password(SERVICE_NAME, profile_id, blob)

    def delete(self, profile_id: str) -> None:
        with keyring_errors("delete"), contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._backend.delete_password(SERVICE_NAME, profile_id)


class FileBlobStore:
    """The sealed key in a 0600 file: only when the user explicitly chose it."""

    kind = "file"

    def __init__(self, directory: Path) -> None:
        self._directory = directory

    def _path(self, profile_id: str) -> Path:
        return self._directory / f"sealed-key-{profile_id}.json"

    def load(self, profile_id: str) -> str | None:
        path = self._path(profile_id)
        return path.read_text("utf-8") if path.exists() else None

    def save(self, profile_id: str, blob: str) -> None:
        write_private_file(self._path(profile_id), blob.encode("utf-8"))

    def delete(self, profile_id: str) -> None:
        self._path(profile_id).unlink(missing_ok=True)


def backend_name(backend: keyring.backend.KeyringBackend) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def is_secure_backend(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith("keyring.backends.chainer"):
        members = getattr(backend, "backends", [])
        return bool(members) and all(is_secure_backend(b) for b in members)
    return module.startswith(_SECURE_BACKEND_MODULES)


def system_keyring_store() -> KeyringBlobStore:
    """The OS keyring, or ``NoSecureKeyring`` naming what to install."""
    with keyring_errors("find backend"):
        backend = keyring.get_keyring()
    if not is_secure_backend(backend):
        raise NoSecureKeyring(f"backend {backend_name(backend)} is not a secure OS keyring")
    return KeyringBlobStore(backend)
