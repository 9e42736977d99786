"""The server's receipt-signing key, created on first start and kept in the data dir.

Clients pin this key's id after checking its fingerprint, so it must survive restarts and
never be readable by other users (the file is created 0600).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.keys import load_private_key, save_private_key


def load_or_create_server_key(path: Path) -> Ed25519PrivateKey:
    if not path.exists():
        # Another process may create it first; then use theirs.
        with contextlib.suppress(FileExistsError):
            save_private_key(Ed25519PrivateKey.generate(), path)
    key = load_private_key(path)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} must hold an Ed25519 private key")
    if path.stat().st_mode & 0o077:
        raise PermissionError(f"{path} is readable by other users; run: chmod 600 {path}")
    return key
