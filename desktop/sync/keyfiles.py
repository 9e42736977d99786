"""The public key files that come with the register's enrollment letter: reading them.

Enrollment (the dialog and ``sjelden enroll``) takes the letter's ``.pub`` files; a wrong,
unreadable or swapped file is refused here with a message naming the file and the fix,
before anything is written. A key file never changes the keys of an enrolled installation:
a register key rotation arrives only in a root-signed key manifest (``manifest``), so a
compromised inbox cannot talk a user into installing its own key.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import PublicKey, load_public_key

from desktop.net.errors import SyncError


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


def load_root_key(path: Path) -> Ed25519PublicKey:
    """The register's root key (Ed25519), e.g. ``register-root.pub``: it signs manifests."""
    return load_staff_key(path)
