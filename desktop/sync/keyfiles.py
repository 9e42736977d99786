"""Reading the public key files that come with the register's letter.

Enrollment (the dialog and ``sjelden enroll``) and a register key rotation (``sjelden
register-key add`` and its dialog) take the same ``.pub`` files; a wrong, unreadable or
swapped file is refused here with a message naming the file and the fix, before anything is
written.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from desktop.sync.errors import Lang, SyncError, message_for
from desktop.sync.protocol.errors import ProtocolError
from desktop.sync.protocol.keys import PublicKey, load_public_key


class KeyFileError(SyncError):
    """``code`` is ``key_file_unreadable``, ``key_file_not_a_key`` or ``key_file_wrong_kind``."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"key_file_{problem}", Path(path).name)
        self.path = Path(path)
        self.problem = problem

    def user_message(self, lang: Lang = "nb") -> str:
        return message_for(self.code, lang).replace("{name}", self.path.name)


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
