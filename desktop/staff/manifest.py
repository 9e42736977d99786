"""Making the register's key manifests: the staff side of ``sjelden_protocol.manifest``.

Clinics pin one key, the register root, and trust every other register-side key only as a
manifest the root signed names it. So the root's private key never leaves the staff
profile's encrypted store (``desktop.staff.keys``, role ``root``), and every manifest is
built here from one table, ``staff_manifest_keys``:

* this profile's register (recipient) and signing (staff) keys are copied in, valid from
  when they were made, each time a manifest is signed, so a rotated register key is in the
  next manifest without a separate step;
* other staff members' keys, the inbox's receipt key and its TLS certificate pin are added
  by staff (``add_key``), after comparing the fingerprint;
* revoking a key sets its ``revoked_at``; it takes effect at the clinics with the next
  manifest (``sign_next``), which the inbox serves at their next sync.

Rotating the root (``rotate_root``) makes a new root and signs the next manifest with both;
from then on only the new root signs. Every manifest signed is kept in ``staff_manifests``:
the next one has the next sequence, so a clinic that holds any of them takes it. Publishing
is a staff-signed ``PUT /v1/staff/manifest``; the inbox cannot change what it relays.

Functions taking ``conn`` run on the profile store's thread (``store.call``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import fingerprint, key_id
from sjelden_protocol.manifest import (
    Manifest,
    ManifestKey,
    Role,
    check_key,
    parse_manifest,
    sign_manifest,
)
from sjelden_protocol.timefmt import format_utc, now_utc, parse_utc

from desktop.net.errors import SyncError
from desktop.net.http import Transport
from desktop.paths import write_private_file
from desktop.staff import keys
from desktop.staff.errors import StaffError
from desktop.storage import audit
from desktop.storage.connection import Connection, transaction

_OWN_ROLES: tuple[tuple[str, Role], ...] = (("register", "recipient"), ("signing", "staff"))


@dataclass(frozen=True)
class ListedKey:
    """A key as the next manifest will name it, for ``sjelden staff manifest show``."""

    entry: ManifestKey

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.entry.public_key)


def tls_pin(certificate_pem: bytes) -> bytes:
    """SHA-256 of the certificate's SubjectPublicKeyInfo (DER): the inbox's TLS key pin.

    The public key, not the whole certificate, is pinned, so the inbox may renew its
    certificate under the same key without a new manifest."""
    try:
        cert = x509.load_pem_x509_certificate(certificate_pem)
    except ValueError as exc:
        raise StaffError("certificate_unreadable", type(exc).__name__) from exc
    spki = cert.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return hashlib.sha256(spki).digest()


def _sync_own(conn: Connection) -> None:
    """Copy this profile's register and signing keys in (a row already there is kept)."""
    for staff_role, role in _OWN_ROLES:
        for kid, public, created in conn.execute(
            "SELECT key_id, public_key, created_at FROM staff_keys WHERE role = ? "
            "ORDER BY created_at, rowid",
            (staff_role,),
        ).fetchall():
            conn.execute(
                "INSERT INTO staff_manifest_keys (role, key_id, public_key, valid_from, "
                "valid_until, revoked_at, added_at) VALUES (?, ?, ?, ?, NULL, NULL, ?) "
                "ON CONFLICT (role, key_id) DO NOTHING",
                (role, kid, public, created, created),
            )


def _entries(conn: Connection) -> list[ManifestKey]:
    def moment(value: object) -> datetime | None:
        return None if value is None else parse_utc(value, what="manifest key time")

    out = []
    for role, public, valid_from, valid_until, revoked_at in conn.execute(
        "SELECT role, public_key, valid_from, valid_until, revoked_at FROM staff_manifest_keys "
        "ORDER BY valid_from, rowid"
    ).fetchall():
        start = moment(valid_from)
        assert start is not None
        out.append(
            ManifestKey(
                role=role,
                public_key=bytes(public),
                valid_from=start,
                valid_until=moment(valid_until),
                revoked_at=moment(revoked_at),
            )
        )
    return out


def listed(conn: Connection) -> list[ListedKey]:
    """Every key the next manifest names (this profile's own keys included)."""
    with transaction(conn, "manifest keys"):
        _sync_own(conn)
    return [ListedKey(entry) for entry in _entries(conn)]


def add_key(
    conn: Connection,
    role: Role,
    public_key: bytes,
    *,
    actor: str,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
) -> ManifestKey:
    """Name another key in the next manifests (checked as the protocol checks it)."""
    entry = ManifestKey(role, public_key, valid_from or now_utc(), valid_until)
    try:
        check_key(entry)
    except ProtocolError as exc:
        raise StaffError("manifest_key_invalid", exc.code) from exc
    with transaction(conn, "add manifest key"):
        added = conn.execute(
            "INSERT INTO staff_manifest_keys (role, key_id, public_key, valid_from, valid_until, "
            "revoked_at, added_at) VALUES (?, ?, ?, ?, ?, NULL, ?) "
            "ON CONFLICT (role, key_id) DO NOTHING",
            (
                role,
                entry.key_id,
                public_key,
                format_utc(entry.valid_from),
                None if valid_until is None else format_utc(valid_until),
                format_utc(now_utc()),
            ),
        ).rowcount
        if added != 1:
            raise StaffError("manifest_key_exists", entry.key_id)
        audit.append(conn, actor=actor, action=f"staff:manifest_key_added:{role}:{entry.key_id}")
    return entry


def revoke(
    conn: Connection, revoked_key_id: str, *, actor: str, at: datetime | None = None
) -> list[Role]:
    """Revoke ``revoked_key_id`` in every role it has, from ``at`` (now); the roles."""
    moment = format_utc(at or now_utc())
    with transaction(conn, "revoke manifest key"):
        _sync_own(conn)
        rows = conn.execute(
            "SELECT role FROM staff_manifest_keys WHERE key_id = ? AND revoked_at IS NULL",
            (revoked_key_id,),
        ).fetchall()
        if not rows:
            raise StaffError("unknown_manifest_key", revoked_key_id)
        conn.execute(
            "UPDATE staff_manifest_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
            (moment, revoked_key_id),
        )
        audit.append(conn, actor=actor, action=f"staff:manifest_key_revoked:{revoked_key_id}")
    return [row[0] for row in rows]


def latest(conn: Connection) -> Manifest | None:
    row = conn.execute(
        "SELECT document FROM staff_manifests ORDER BY sequence DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return parse_manifest(json.loads(str(row[0])))


def sign_next(
    conn: Connection,
    *,
    actor: str,
    issued_at: datetime | None = None,
    previous_root: Ed25519PrivateKey | None = None,
    root: Ed25519PrivateKey | None = None,
) -> Manifest:
    """Sign the next manifest with the root from the keys listed now, and keep it; with
    ``previous_root`` (a root rotation) signed by both, so clinics pinning it follow.
    ``root``: the session's root (a member's, opened from the register); else the profile's.

    Refused (``manifest_no_recipient``) when no recipient key would be usable: clinics
    refuse such a manifest, and must never be left without a key to seal to."""
    moment = issued_at or now_utc()
    if root is None:
        root = keys.ensure_root(conn, actor=actor)
    with transaction(conn, "sign manifest"):
        _sync_own(conn)
        entries = _entries(conn)
        if not any(e.role == "recipient" and e.usable_at(moment) for e in entries):
            raise StaffError("manifest_no_recipient")
        newest = conn.execute("SELECT MAX(sequence) FROM staff_manifests").fetchone()[0]
        manifest = sign_manifest(
            sequence=int(newest or 0) + 1,
            issued_at=moment,
            keys=entries,
            root=root,
            previous_root=previous_root,
        )
        conn.execute(
            "INSERT INTO staff_manifests (sequence, document, issued_at, issued_by) "
            "VALUES (?, ?, ?, ?)",
            (manifest.sequence, document_text(manifest), format_utc(moment), actor),
        )
        audit.append(conn, actor=actor, action=f"staff:manifest_signed:{manifest.sequence}")
    return manifest


def rotate_root(conn: Connection, *, actor: str) -> Manifest:
    """A new root and the rotation manifest signed by it and the previous root, in one step
    (a new root that signed nothing yet would strand clinics). Clinics that miss it while
    the inbox already serves a later manifest import it as a file."""
    keys.ensure_root(conn, actor=actor)
    previous, _ = keys.rotate_root(conn, actor=actor)
    return sign_next(conn, actor=actor, previous_root=previous)


def replace_recipient(
    conn: Connection, public_key: bytes, *, actor: str, root: Ed25519PrivateKey
) -> Manifest:
    """Name a new register recipient key, revoke every older one, and sign the next manifest
    (a member's removal: clinics seal to no key the removed member may hold from then on)."""
    add_key(conn, "recipient", public_key, actor=actor)
    new_id = key_id(public_key)
    for listed_key in listed(conn):
        entry = listed_key.entry
        if entry.role == "recipient" and entry.key_id != new_id and entry.revoked_at is None:
            revoke(conn, entry.key_id, actor=actor)
    return sign_next(conn, actor=actor, root=root)


def document_text(manifest: Manifest) -> str:
    return canonical_json(manifest.to_json()).decode("utf-8")


def write_file(manifest: Manifest, path: Path) -> Path:
    """The manifest as a file for file-transport clinics (``sjelden manifest import``)."""
    try:
        write_private_file(path, document_text(manifest).encode("utf-8"))
    except OSError as exc:
        raise StaffError("manifest_not_written", type(exc).__name__) from exc
    return path


def publish(manifest: Manifest, transport: Transport, signer: Ed25519PrivateKey) -> bool:
    """Upload to the inbox; ``True`` when it was new there, ``False`` when held already."""
    try:
        answer = transport.request(
            "PUT",
            "/v1/staff/manifest",
            body=document_text(manifest).encode("utf-8"),
            signer=signer,
            content_type="application/json",
            ok=(200, 201),
        )
    except SyncError as exc:
        if exc.code in ("manifest_stale", "manifest_conflict"):
            raise StaffError(exc.code, str(manifest.sequence)) from exc
        raise
    return answer.status == 201


def root_fingerprint(root: Ed25519PrivateKey) -> tuple[str, str]:
    """Key id and fingerprint of the root, for the enrollment letter."""
    public = root.public_key()
    return key_id(public), fingerprint(public)
