"""The register's key manifest: every register-side key, signed by the one key a clinic pins.

A clinic pins a single long-term register root key (Ed25519) from its enrollment letter. The
recipient keys batches are sealed to, the staff keys that sign feedback, the inbox's receipt
keys and its TLS key pins, with their validity and revocations, reach the clinic only inside
a manifest the root signed. The inbox relays the manifest but cannot forge one, so a
compromised inbox cannot hand a clinic its own key. A sequence number orders manifests: a
client keeps the highest it accepted and refuses lower ones, so an old manifest (naming a
key since revoked) cannot be replayed. A root rotation is a manifest naming the new root and
the previous one, signed by both, so a client that trusts the old root can follow to the new
one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

from .canonical import MAX_SAFE_INTEGER
from .errors import MalformedError, ProtocolError, UnknownKeyError
from .keys import (
    b64decode,
    b64encode,
    check_key_id,
    ed25519_public_from_raw,
    key_id,
    raw_public,
    x25519_public_from_raw,
)
from .signing import sign_document, verify_document
from .timefmt import format_utc, parse_utc

MANIFEST_DOMAIN = b"sjelden/key-manifest/v1\x00"
MANIFEST_TYPE = "sjelden.key_manifest"
MAX_MANIFEST_KEYS = 256
Role = Literal["recipient", "staff", "receipt", "tls"]
ROLES: tuple[Role, ...] = ("recipient", "staff", "receipt", "tls")
_BODY_FIELDS = frozenset(
    {"issued_at", "keys", "previous_root_key", "root_key", "sequence", "type", "version"}
)
_KEY_FIELDS = frozenset({"key_id", "public_key", "revoked_at", "role", "valid_from", "valid_until"})
_SIGNATURE_FIELDS = frozenset({"key_id", "signature"})


class ManifestReplayError(ProtocolError):
    """A manifest older than one already accepted: never go back to keys since replaced."""

    code = "manifest_replayed"


@dataclass(frozen=True, slots=True)
class ManifestKey:
    role: Role
    # raw 32 bytes: X25519 for ``recipient``; for ``tls`` the SHA-256 of the inbox's TLS
    # SubjectPublicKeyInfo (DER), its certificate pin; Ed25519 otherwise
    public_key: bytes
    valid_from: datetime
    valid_until: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def key_id(self) -> str:
        return key_id(self.public_key)

    def usable_at(self, moment: datetime) -> bool:
        """Whether the key may be used (sealed to, or trusted as a signer) at ``moment``."""
        if self.revoked_at is not None and self.revoked_at <= moment:
            return False
        if moment < self.valid_from:
            return False
        return self.valid_until is None or moment < self.valid_until

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "public_key": b64encode(self.public_key),
            "revoked_at": None if self.revoked_at is None else format_utc(self.revoked_at),
            "role": self.role,
            "valid_from": format_utc(self.valid_from),
            "valid_until": None if self.valid_until is None else format_utc(self.valid_until),
        }


@dataclass(frozen=True, slots=True)
class Manifest:
    sequence: int
    issued_at: datetime
    root_key: Ed25519PublicKey
    previous_root_key: Ed25519PublicKey | None
    keys: tuple[ManifestKey, ...]
    signatures: tuple[tuple[str, str], ...]  # (key id, base64url signature)

    @property
    def root_key_id(self) -> str:
        return key_id(self.root_key)

    def body(self) -> dict[str, Any]:
        previous = self.previous_root_key
        return {
            "issued_at": format_utc(self.issued_at),
            "keys": [entry.to_json() for entry in self.keys],
            "previous_root_key": None if previous is None else b64encode(raw_public(previous)),
            "root_key": b64encode(raw_public(self.root_key)),
            "sequence": self.sequence,
            "type": MANIFEST_TYPE,
            "version": 1,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "manifest": self.body(),
            "signatures": [{"key_id": kid, "signature": sig} for kid, sig in self.signatures],
        }

    def usable(self, role: Role, moment: datetime) -> list[ManifestKey]:
        """The keys of ``role`` usable at ``moment``, oldest ``valid_from`` first."""
        keys = [k for k in self.keys if k.role == role and k.usable_at(moment)]
        return sorted(keys, key=lambda k: k.valid_from)

    def recipient(self, moment: datetime) -> X25519PublicKey | None:
        """The key a batch packed at ``moment`` is sealed to: the newest usable one."""
        keys = self.usable("recipient", moment)
        return x25519_public_from_raw(keys[-1].public_key) if keys else None

    def tls_pins(self, moment: datetime) -> frozenset[bytes]:
        """SHA-256 digests of the inbox TLS keys (SPKI DER) usable at ``moment``: a client
        talking https accepts a server whose certificate carries one of them (and, with
        none listed, the certificate authority's word alone)."""
        return frozenset(k.public_key for k in self.usable("tls", moment))

    def signers(self, role: Role, moment: datetime) -> dict[str, Ed25519PublicKey]:
        """Trusted ``staff`` or ``receipt`` keys at ``moment``: revoked ones are not."""
        return {k.key_id: ed25519_public_from_raw(k.public_key) for k in self.usable(role, moment)}


def _time(value: object, what: str, *, optional: bool = False) -> datetime | None:
    if value is None and optional:
        return None
    return parse_utc(value, what=what)


def _entry(value: object, index: int) -> ManifestKey:
    where = f"manifest key #{index}"
    if not isinstance(value, dict) or set(value) != _KEY_FIELDS:
        raise MalformedError(f"{where} must have exactly the fields {sorted(_KEY_FIELDS)}")
    role = value["role"]
    if role not in ROLES:
        raise MalformedError(f"{where} role must be one of {', '.join(ROLES)}")
    raw = b64decode(value["public_key"], what=f"{where} public_key", length=32)
    if role == "recipient":
        x25519_public_from_raw(raw)
    elif role != "tls":  # a digest: any 32 bytes
        ed25519_public_from_raw(raw)
    if check_key_id(value["key_id"], what=f"{where} key_id") != key_id(raw):
        raise MalformedError(f"{where} key_id is not the key id of its public_key")
    valid_from = _time(value["valid_from"], f"{where} valid_from")
    assert valid_from is not None
    return ManifestKey(
        role=role,
        public_key=raw,
        valid_from=valid_from,
        valid_until=_time(value["valid_until"], f"{where} valid_until", optional=True),
        revoked_at=_time(value["revoked_at"], f"{where} revoked_at", optional=True),
    )


def check_key(entry: ManifestKey) -> ManifestKey:
    """``entry`` as a receiver reads it (key form, key id): what a manifest's signer checks
    before naming a key, so nothing is signed that clinics would refuse."""
    return _entry(entry.to_json(), 0)


def _root(value: object, what: str) -> Ed25519PublicKey:
    return ed25519_public_from_raw(b64decode(value, what=what, length=32))  # type: ignore[arg-type]


def parse_manifest(document: object) -> Manifest:
    """Check the form of every field; ``verify_manifest`` checks who signed it."""
    if not isinstance(document, dict) or set(document) != {"manifest", "signatures"}:
        raise MalformedError("a key manifest is an object with 'manifest' and 'signatures'")
    body = document["manifest"]
    if not isinstance(body, dict) or set(body) != _BODY_FIELDS:
        raise MalformedError(f"manifest must have exactly the fields {sorted(_BODY_FIELDS)}")
    if body["type"] != MANIFEST_TYPE or body["version"] != 1:
        raise MalformedError("not a version 1 key manifest", code="unsupported_version")
    sequence = body["sequence"]
    if isinstance(sequence, bool) or not isinstance(sequence, int):
        raise MalformedError("manifest sequence must be an integer")
    if not 1 <= sequence <= MAX_SAFE_INTEGER:
        raise MalformedError("manifest sequence must be between 1 and 2^53-1")
    keys = body["keys"]
    if not isinstance(keys, list) or len(keys) > MAX_MANIFEST_KEYS:
        raise MalformedError(f"manifest keys must be an array of at most {MAX_MANIFEST_KEYS}")
    entries = tuple(_entry(value, index) for index, value in enumerate(keys))
    if len({(k.role, k.key_id) for k in entries}) != len(entries):
        raise MalformedError("a key appears twice in one role of the manifest")
    signatures = document["signatures"]
    if not isinstance(signatures, list) or not 1 <= len(signatures) <= 2:
        raise MalformedError("manifest signatures must be an array of one or two")
    pairs: list[tuple[str, str]] = []
    for value in signatures:
        if not isinstance(value, dict) or set(value) != _SIGNATURE_FIELDS:
            raise MalformedError("a manifest signature is an object with key_id and signature")
        if not isinstance(value["signature"], str):
            raise MalformedError("manifest signature must be a string")
        pairs.append((check_key_id(value["key_id"], what="signature key_id"), value["signature"]))
    issued = _time(body["issued_at"], "manifest issued_at")
    assert issued is not None
    previous = body["previous_root_key"]
    return Manifest(
        sequence=sequence,
        issued_at=issued,
        root_key=_root(body["root_key"], "manifest root_key"),
        previous_root_key=None if previous is None else _root(previous, "previous_root_key"),
        keys=entries,
        signatures=tuple(pairs),
    )


def sign_manifest(
    *,
    sequence: int,
    issued_at: datetime,
    keys: Sequence[ManifestKey],
    root: Ed25519PrivateKey,
    previous_root: Ed25519PrivateKey | None = None,
) -> Manifest:
    """Sign with the root (and, for a rotation, the previous root too), then parse the
    signed document: the one check of every field happens there."""
    unsigned = Manifest(
        sequence=sequence,
        issued_at=issued_at,
        root_key=root.public_key(),
        previous_root_key=None if previous_root is None else previous_root.public_key(),
        keys=tuple(keys),
        signatures=(),
    )
    body = unsigned.body()
    signers = [root] if previous_root is None else [root, previous_root]
    signatures = [
        {"key_id": key_id(k.public_key()), "signature": sign_document(MANIFEST_DOMAIN, body, k)}
        for k in signers
    ]
    return parse_manifest({"manifest": body, "signatures": signatures})


def verify_manifest(
    document: object, pinned_root: Ed25519PublicKey, *, newest_sequence: int = 0
) -> Manifest:
    """The manifest, when the pinned root signed it (or, for a rotation away from the pinned
    root, both the pinned and the new root did) and its sequence is not below the newest one
    accepted. The caller pins ``manifest.root_key`` afterwards (it changes on a rotation)."""
    manifest = parse_manifest(document)
    pinned_id = key_id(pinned_root)
    previous = manifest.previous_root_key
    required = {manifest.root_key_id: manifest.root_key}
    if previous is not None:
        required[key_id(previous)] = previous
    if pinned_id not in required:
        raise UnknownKeyError(
            "the key manifest is not signed by the register root key this client pinned"
        )
    signed = dict(manifest.signatures)
    if set(signed) != set(required):
        raise UnknownKeyError(
            "a key manifest is signed by its root, and a rotation by the previous root too"
        )
    body = manifest.body()
    for kid, key in required.items():
        verify_document(MANIFEST_DOMAIN, body, signed[kid], key, what="key manifest")
    if manifest.sequence < newest_sequence:
        raise ManifestReplayError(
            f"key manifest {manifest.sequence} is older than manifest {newest_sequence} "
            "already accepted"
        )
    return manifest
