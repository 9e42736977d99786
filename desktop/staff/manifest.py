"""Making the register's key manifests: the staff side of ``sjelden_protocol.manifest``.

Clinics pin one key, the register root, and trust every other register-side key only as a
manifest the root signed names it. The root is a register secret sealed to each
administrator (``desktop.staff.members``), never in clear outside a session's memory, and
every manifest is built from one table in the register database, ``register_manifest_keys``
(``desktop.staff.trust``), so any administrator signs the next one on any PC:

* the register (recipient) keys the session holds and every member's signing (staff) key
  are named in it each time a manifest is signed, so a rotated register key or a new member
  is in the next manifest without a separate step, and a removed member's key is revoked
  from their removal;
* the inbox's receipt key and its TLS certificate pin (and any other key) are added by an
  administrator (``add_key``), after comparing the fingerprint;
* revoking a key sets its ``revoked_at``; it takes effect at the clinics with the next
  manifest (``sign_next``), which the inbox serves at their next sync.

Rotating the root (``session_rotate_root``) makes a new root and signs the next manifest with
both; from then on only the new root signs. Every manifest signed is kept in
``register_manifests``: the next one has the next sequence, so a clinic that holds any of
them takes it. Publishing is a staff-signed ``PUT /v1/staff/manifest``; the inbox cannot
change what it relays.

Functions taking ``db`` run on the register's backend thread; the ``session_*`` ones check
the member's role first.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.canonical import canonical_json
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import fingerprint, key_id, raw_public
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
from desktop.staff import keys, members
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.roles import require
from desktop.storage import audit

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession


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


RegisterKeys = Sequence[tuple[str, bytes]]  # (key id, raw X25519 public key) a session holds


def register_keys(held: Mapping[str, X25519PrivateKey]) -> list[tuple[str, bytes]]:
    """The public halves of the register (recipient) keys held, by key id (a session's
    ``keys.register_keys``: every generation not retired)."""
    return [(kid, raw_public(private.public_key())) for kid, private in held.items()]


def _sync(db: Db, held: RegisterKeys) -> None:
    """Name what the register holds now: the session's register keys (a key first seen is
    valid from now) and every member's signing key as a staff key, revoked from the moment
    the member was removed (a row already there is kept)."""
    stamp = format_utc(now_utc())
    for kid, public in held:
        db.execute(
            "INSERT INTO register_manifest_keys (role, key_id, public_key, valid_from, "
            "valid_until, revoked_at, added_at) VALUES ('recipient', ?, ?, ?, NULL, NULL, ?) "
            "ON CONFLICT (role, key_id) DO NOTHING",
            (kid, public, stamp, stamp),
        )
    for member in members.members(db):
        # A revocation already held (earlier, or set by hand) is kept.
        db.execute(
            "INSERT INTO register_manifest_keys (role, key_id, public_key, valid_from, "
            "valid_until, revoked_at, added_at) VALUES ('staff', ?, ?, ?, NULL, ?, ?) "
            "ON CONFLICT (role, key_id) DO UPDATE SET revoked_at = "
            "COALESCE(register_manifest_keys.revoked_at, excluded.revoked_at)",
            (member.key_id, member.identity.signing_key, member.added_at, member.removed_at,
             stamp),
        )  # fmt: skip


def _entries(db: Db) -> list[ManifestKey]:
    def moment(value: object) -> datetime | None:
        return None if value is None else parse_utc(value, what="manifest key time")

    out = []
    for role, public, valid_from, valid_until, revoked_at in db.execute(
        "SELECT role, public_key, valid_from, valid_until, revoked_at "
        "FROM register_manifest_keys ORDER BY valid_from, added_at, role, key_id"
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


def listed(db: Db, held: RegisterKeys) -> list[ListedKey]:
    """Every key the next manifest names (the register's own keys and members included)."""
    with db.transaction("manifest keys"):
        _sync(db, held)
    return [ListedKey(entry) for entry in _entries(db)]


def add_key(
    db: Db,
    role: Role,
    public_key: bytes,
    *,
    actor: str,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
) -> ManifestKey:
    """Name another key in the next manifests (checked as the protocol checks it)."""
    with db.transaction("add manifest key"):
        return _add_key(db, role, public_key, actor, valid_from, valid_until)


def _add_key(
    db: Db,
    role: Role,
    public_key: bytes,
    actor: str,
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
) -> ManifestKey:
    entry = ManifestKey(role, public_key, valid_from or now_utc(), valid_until)
    try:
        check_key(entry)
    except ProtocolError as exc:
        raise StaffError("manifest_key_invalid", exc.code) from exc
    added = db.execute(
        "INSERT INTO register_manifest_keys (role, key_id, public_key, valid_from, "
        "valid_until, revoked_at, added_at) VALUES (?, ?, ?, ?, ?, NULL, ?) "
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
    audit.append(db, actor=actor, action=f"staff:manifest_key_added:{role}:{entry.key_id}")
    return entry


def revoke(
    db: Db,
    revoked_key_id: str,
    *,
    actor: str,
    held: RegisterKeys = (),
    at: datetime | None = None,
) -> list[Role]:
    """Revoke ``revoked_key_id`` in every role it has, from ``at`` (now); the roles."""
    with db.transaction("revoke manifest key"):
        _sync(db, held)
        return _revoke(db, revoked_key_id, actor, at)


def _revoke(db: Db, revoked_key_id: str, actor: str, at: datetime | None = None) -> list[Role]:
    rows = db.execute(
        "SELECT role FROM register_manifest_keys WHERE key_id = ? AND revoked_at IS NULL",
        (revoked_key_id,),
    ).fetchall()
    if not rows:
        raise StaffError("unknown_manifest_key", revoked_key_id)
    db.execute(
        "UPDATE register_manifest_keys SET revoked_at = ? WHERE key_id = ? AND revoked_at IS NULL",
        (format_utc(at or now_utc()), revoked_key_id),
    )
    audit.append(db, actor=actor, action=f"staff:manifest_key_revoked:{revoked_key_id}")
    return [row[0] for row in rows]


def latest(db: Db) -> Manifest | None:
    row = db.execute(
        "SELECT document FROM register_manifests ORDER BY sequence DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return parse_manifest(json.loads(str(row[0])))


def sign_next(
    db: Db,
    *,
    actor: str,
    root: Ed25519PrivateKey,
    held: RegisterKeys,
    issued_at: datetime | None = None,
    previous_root: Ed25519PrivateKey | None = None,
) -> Manifest:
    """Sign the next manifest with ``root`` from the keys listed now, and keep it; with
    ``previous_root`` (a root rotation) signed by both, so clinics pinning it follow.

    The sequence is the register's, read and taken in one transaction: two administrators
    signing at once get consecutive manifests, never two with one number. Refused
    (``manifest_no_recipient``) when no recipient key would be usable: clinics refuse such
    a manifest, and must never be left without a key to seal to."""
    with db.transaction("sign manifest"):
        _sync(db, held)
        return _sign(db, actor, root, issued_at, previous_root)


def _sign(
    db: Db,
    actor: str,
    root: Ed25519PrivateKey,
    issued_at: datetime | None = None,
    previous_root: Ed25519PrivateKey | None = None,
) -> Manifest:
    """The next manifest from the keys the table names now (the caller synced them)."""
    moment = issued_at or now_utc()
    entries = _entries(db)
    if not any(e.role == "recipient" and e.usable_at(moment) for e in entries):
        raise StaffError("manifest_no_recipient")
    newest = db.execute("SELECT MAX(sequence) FROM register_manifests").fetchone()[0]
    manifest = sign_manifest(
        sequence=int(newest or 0) + 1,
        issued_at=moment,
        keys=entries,
        root=root,
        previous_root=previous_root,
    )
    db.execute(
        "INSERT INTO register_manifests (sequence, document, issued_at, issued_by) "
        "VALUES (?, ?, ?, ?)",
        (manifest.sequence, document_text(manifest), format_utc(moment), actor),
    )
    audit.append(db, actor=actor, action=f"staff:manifest_signed:{manifest.sequence}")
    return manifest


def replace_recipient(
    db: Db,
    public_key: bytes,
    *,
    actor: str,
    root: Ed25519PrivateKey,
    held: RegisterKeys,
    previous_root: Ed25519PrivateKey | None = None,
) -> Manifest:
    """Inside the caller's transaction (a member's removal, ``members.remove``): name a new
    register recipient key, revoke every older one, and sign the next manifest (signed by
    ``previous_root`` too when the removal rotated the root), so clinics seal to no key the
    removed member may hold from then on."""
    _add_key(db, "recipient", public_key, actor)
    new_id = key_id(public_key)
    _sync(db, held)
    for entry in _entries(db):
        if entry.role == "recipient" and entry.key_id != new_id and entry.revoked_at is None:
            _revoke(db, entry.key_id, actor)
    return _sign(db, actor, root, previous_root=previous_root)


# -- on a session (the CLI and the window) -------------------------------------------------------


def session_root(session: StaffSession) -> Ed25519PrivateKey:
    """The root this administrator signs with: opened from their wraps in the register.

    A register that has no root at all (a profile set up before manifests) gets one here,
    made in the profile and sealed to the administrators at once (``members.unlock``)."""
    require(session, "keys")
    if session.keys.root_key is not None:
        return session.keys.root_key
    if session.register.call(members.has_root, "root held"):
        raise StaffError("root_not_held")  # the register has a root, not sealed to this member
    actor = session.staff_key_id
    session.store.call(lambda c: keys.ensure_root(c, actor=actor), "root key")
    session.refresh_keys()
    if session.keys.root_key is None:
        raise StaffError("root_key_missing")
    return session.keys.root_key


def session_listed(session: StaffSession) -> list[ListedKey]:
    require(session, "view")
    held = register_keys(session.keys.register_keys)
    return session.register.call(lambda db: listed(db, held), "manifest keys")


def session_latest(session: StaffSession) -> Manifest | None:
    return session.register.call(latest, "newest manifest")


def session_add_key(
    session: StaffSession, role: Role, public_key: bytes, *, valid_until: datetime | None = None
) -> ManifestKey:
    require(session, "keys")
    actor = session.staff_key_id
    return session.register.call(
        lambda db: add_key(db, role, public_key, actor=actor, valid_until=valid_until),
        "add manifest key",
    )


def session_revoke(session: StaffSession, revoked_key_id: str) -> list[Role]:
    require(session, "keys")
    actor, held = session.staff_key_id, register_keys(session.keys.register_keys)
    return session.register.call(
        lambda db: revoke(db, revoked_key_id, actor=actor, held=held), "revoke key"
    )


def session_sign(session: StaffSession) -> Manifest:
    """The next manifest, signed with this administrator's root."""
    root = session_root(session)
    actor, held = session.staff_key_id, register_keys(session.keys.register_keys)
    return session.register.call(
        lambda db: sign_next(db, actor=actor, root=root, held=held), "sign manifest"
    )


def session_rotate_root(session: StaffSession) -> Manifest:
    """A new root and the rotation manifest signed by it and the previous root, in one step
    (a new root that signed nothing yet would strand clinics); the new root is sealed to
    every administrator. Clinics that miss it while the inbox already serves a later
    manifest import it as a file."""
    previous = session_root(session)
    actor = session.staff_key_id
    new_root = session.store.call(lambda c: keys.rotate_root(c, actor=actor), "rotate root key")
    held = register_keys(session.keys.register_keys)
    signed = session.register.call(
        lambda db: sign_next(db, actor=actor, root=new_root, held=held, previous_root=previous),
        "sign manifest",
    )
    session.refresh_keys()  # the new root, sealed to the other administrators too
    return signed


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
