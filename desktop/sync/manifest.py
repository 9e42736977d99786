"""The register's key manifest on the clinic side: the only way a register-side key is trusted.

The clinic pins one key, the register's root (from the enrollment letter, its fingerprint
compared at enrollment). Recipient keys (what batches are sealed to), staff keys (what
feedback must be signed by) and receipt keys (what receipts must be signed by) are read from
the newest manifest the root signed (``sjelden_protocol.manifest``), evaluated at the moment
they are used, so a key's validity and revocation take effect without a new download. The
manifest arrives from the inbox at every sync (``fetch``) or as a file (``import_file``); a
lower sequence than the one held is refused, so a compromised inbox can neither hand the
clinic its own key nor bring back a revoked one. No other path installs a register key.

Functions taking ``conn`` run on the database thread (``store.call``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sjelden_protocol.canonical import canonical_json, parse_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import ed25519_public_from_raw, key_id, raw_public
from sjelden_protocol.manifest import Manifest, parse_manifest, verify_manifest
from sjelden_protocol.timefmt import now_utc

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.storage import settings
from desktop.storage.connection import Connection, transaction
from desktop.storage.store import Store

log = logging.getLogger(__name__)

DOCUMENT = "sync.manifest"
ROOT_ROLE = "root"


@dataclass(frozen=True)
class ManifestChange:
    sequence: int
    changed: bool  # False: the manifest held already (same sequence, same bytes)
    root_rotated: bool = False


def pinned_root(conn: Connection) -> Ed25519PublicKey | None:
    row = conn.execute(
        "SELECT public_key FROM sync_keys WHERE role = ? ORDER BY added_at DESC LIMIT 1",
        (ROOT_ROLE,),
    ).fetchone()
    return None if row is None else ed25519_public_from_raw(bytes(row[0]))


def pin_root(conn: Connection, root: Ed25519PublicKey) -> None:
    conn.execute("DELETE FROM sync_keys WHERE role = ?", (ROOT_ROLE,))
    conn.execute(
        "INSERT INTO sync_keys (role, key_id, public_key, private_key, added_at) "
        "VALUES (?, ?, ?, NULL, ?)",
        (ROOT_ROLE, key_id(root), raw_public(root), now_utc().isoformat()),
    )


def current(conn: Connection) -> Manifest | None:
    """The manifest held (its signature was checked when it was accepted)."""
    text = settings.get(conn, DOCUMENT)
    return None if text is None else parse_manifest(parse_json(text.encode(), what="manifest"))


def check(document: object, root: Ed25519PublicKey, newest: Manifest | None) -> Manifest:
    """``document`` verified against ``root`` and not older than ``newest``; otherwise
    ``SyncError`` ``manifest_invalid`` (not the root's) or ``manifest_replayed``."""
    try:
        manifest = verify_manifest(
            document, root, newest_sequence=0 if newest is None else newest.sequence
        )
    except ProtocolError as exc:
        code = "manifest_replayed" if exc.code == "manifest_replayed" else "manifest_invalid"
        raise SyncError(code, exc.code) from exc
    if (
        newest is not None
        and manifest.sequence == newest.sequence
        and canonical_json(manifest.body()) != canonical_json(newest.body())
    ):
        raise SyncError("manifest_invalid", "another manifest under the same sequence")
    if manifest.recipient(now_utc()) is None:
        raise SyncError("manifest_invalid", "the manifest names no usable recipient key")
    return manifest


def accept(
    conn: Connection, document: object, *, root: Ed25519PublicKey | None = None
) -> ManifestChange:
    """Verify and keep ``document`` in one transaction. ``root`` pins the root first (at
    enrollment, after its fingerprint was compared); otherwise the pinned root is used."""
    with transaction(conn, "accept manifest"):
        if root is not None:
            pin_root(conn, root)
        pinned = pinned_root(conn)
        if pinned is None:
            raise SyncError("root_key_missing")
        newest = current(conn)
        manifest = check(document, pinned, newest)
        if newest is not None and manifest.sequence == newest.sequence:
            return ManifestChange(manifest.sequence, changed=False)
        rotated = manifest.root_key_id != key_id(pinned)
        if rotated:
            pin_root(conn, manifest.root_key)
        settings.write(conn, DOCUMENT, canonical_json(manifest.to_json()).decode("utf-8"))
    log.info("key manifest %d accepted", manifest.sequence)
    return ManifestChange(manifest.sequence, changed=True, root_rotated=rotated)


def fetch_document(transport: Transport) -> object | None:
    """The inbox's newest manifest as JSON, or ``None`` when it serves none yet."""
    try:
        document: object = transport.request("GET", "/v1/manifest", ok=(200,)).json()
    except SyncError as exc:
        if exc.code == "not_found":
            return None
        raise
    return document


def fetch(store: Store, transport: Transport) -> ManifestChange | None:
    """Fetch and accept the inbox's manifest; ``None`` when it serves none."""
    document = fetch_document(transport)
    if document is None:
        return None
    return store.call(lambda c: accept(c, document), "accept manifest")


def read_file(path: Path) -> object:
    try:
        return parse_json(Path(path).read_bytes(), what="manifest file")
    except OSError as exc:
        raise SyncError("manifest_unreadable", Path(path).name) from exc
    except ProtocolError as exc:
        raise SyncError("manifest_invalid", exc.code) from exc


def import_file(store: Store, path: Path) -> ManifestChange:
    """A manifest from a file (file-transport clinics, or a missed root rotation)."""
    document = read_file(path)
    return store.call(lambda c: accept(c, document), "accept manifest")
