"""The public key files that come with the register's letter: reading and installing them.

Enrollment (the dialog and ``sjelden enroll``) and a register key rotation (``sjelden
register-key add`` and its dialog) take the same ``.pub`` files; a wrong, unreadable or
swapped file is refused here with a message naming the file and the fix, before anything is
written. ``install_register_key`` is the one rotation step both the CLI and the app run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import PublicKey, fingerprint, load_public_key, same_fingerprint

from desktop.net.errors import SyncError
from desktop.storage.store import Store
from desktop.sync import identity, outbox


class KeyFileError(SyncError):
    """``code`` is ``key_file_unreadable``, ``key_file_not_a_key`` or ``key_file_wrong_kind``."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"key_file_{problem}", Path(path).name)
        self.path = Path(path)
        self.problem = problem

    def message_params(self) -> Mapping[str, object]:
        return {"name": self.path.name}


def _load(path: Path) -> PublicKey:
    try:
        return load_public_key(Path(path))
    except OSError as exc:
        raise KeyFileError(path, "unreadable") from exc
    except (ValueError, UnsupportedAlgorithm, ProtocolError) as exc:
        # not PEM, a key type cryptography does not know, or neither Ed25519 nor X25519
        raise KeyFileError(path, "not_a_key") from exc


def load_register_key(path: Path) -> X25519PublicKey:
    """The register's encryption key (X25519), e.g. ``register.pub``."""
    key = _load(path)
    if not isinstance(key, X25519PublicKey):
        raise KeyFileError(path, "wrong_kind")
    return key


def load_staff_key(path: Path) -> Ed25519PublicKey:
    """A registry staff member's signing key (Ed25519), e.g. ``staff.pub``."""
    key = _load(path)
    if not isinstance(key, Ed25519PublicKey):
        raise KeyFileError(path, "wrong_kind")
    return key


@dataclass(frozen=True)
class RegisterKeyInstall:
    change: identity.RegisterKeyChange
    stale_batches: int  # undelivered batches sealed to an older key: re-packed at next sync


def check_fingerprint(key: X25519PublicKey, expected: str | None) -> str:
    """The key's fingerprint; ``register_key_mismatch`` when it is not the letter's."""
    shown = fingerprint(key)
    if expected and not same_fingerprint(expected, shown):
        raise SyncError("register_key_mismatch", shown)
    return shown


def install_register_key(
    store: Store, key: X25519PublicKey, *, replace: bool = False
) -> RegisterKeyInstall:
    """Pin the register's new key (``identity.add_register_key``) and count what waits."""
    change = store.call(lambda c: identity.add_register_key(c, key, replace=replace), "key")
    stale = store.call(lambda c: outbox.stale_batches(c, change.key_id), "stale batches")
    return RegisterKeyInstall(change, len(stale))
