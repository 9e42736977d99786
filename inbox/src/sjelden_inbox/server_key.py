"""The server's receipt-signing key, created on first start and kept in the data dir.

Clients pin this key's id after checking its fingerprint, so it must survive restarts and
never be readable by other users (the file is created 0600).
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.canonical import parse_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import key_id, load_private_key, save_private_key
from sjelden_protocol.manifest import parse_manifest


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


def missing_from_manifest(key: Ed25519PrivateKey, manifest_json: str | None) -> str | None:
    """Why clients would refuse this key's receipts, or ``None``: the register's newest
    manifest (as held) names its receipt keys, and a client takes a receipt only from one of
    them. Several processes behind one address must share one key (``server_key_file``);
    one started with a key of its own is caught here, at start."""
    if manifest_json is None:
        return None  # nothing published yet: the first start, before enrollment letters
    try:
        manifest = parse_manifest(parse_json(manifest_json.encode("utf-8"), what="manifest"))
    except ProtocolError:
        return None  # the inbox never trusts a manifest; a malformed one is the clients' news
    listed = {
        entry.key_id: entry
        for entry in manifest.keys
        if entry.role == "receipt" and entry.revoked_at is None
    }
    own = key_id(key.public_key())
    if own in listed:
        return None
    return (
        f"this process signs receipts with key {own}, which the register's key manifest "
        f"{manifest.sequence} does not list ({', '.join(sorted(listed)) or 'no receipt key'}): "
        "clients will refuse its receipts. Give every inbox process the same key file "
        "(server_key_file), or have the register publish a manifest with this key"
    )
