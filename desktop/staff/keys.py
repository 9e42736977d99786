"""The staff profile's keys, kept only inside its encrypted store (table ``staff_keys``).

| role       | what                                   | why                                        |
|------------|----------------------------------------|--------------------------------------------|
| `register` | X25519 private keys, newest last       | batches are sealed to them; old keys stay  |
|            |                                        | so batches sealed before a rotation open   |
| `signing`  | this staff member's Ed25519 key        | signs feedback and inbox requests          |
| `member`   | this staff member's X25519 key         | the register's secrets are sealed to it in |
|            |                                        | the register database (``desktop.staff.    |
|            |                                        | members``)                                 |
| `data`     | 32-byte AES-GCM register data key      | payloads in the register store             |
| `hmac`     | 32-byte keyed-hash secret              | national ids / ORPHA codes in the indexes  |
| `root`     | the register root key (Ed25519)        | signs key manifests (``desktop.staff.     |
|            |                                        | manifest``); the one key clinics pin       |

Only ``signing`` and ``member`` are the member's own. The register secrets (``register``,
``data``, ``hmac``, ``root``) a session works with come from the member's wraps in the register
database (``desktop.staff.members``); the rows of them here are what the profile made itself
(its first set-up, a register or root key rotated here), which the register adopts at unlock.
A profile that joined a register (``staff init --join``) holds none.

Public keys leave the profile only as PEM ``.pub`` files (the format ``sjelden-inbox keygen``
writes) for the enrollment letter and ``sjelden-inbox staff add``. What the register trusts
(pinned installations, manifest keys, manifests) is the register's, in its database
(``desktop.staff.trust``).

Functions taking ``conn`` run on the store's thread (``store.call``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.keys import (
    fingerprint,
    key_id,
    raw_private,
    raw_public,
    save_public_key,
)
from sjelden_protocol.timefmt import format_utc, now_utc

from desktop.staff import crypto
from desktop.staff.errors import StaffError
from desktop.staff.members import Secret
from desktop.storage import audit
from desktop.storage.connection import Connection, transaction

REGISTER_PUB = "register.pub"
STAFF_PUB = "staff.pub"
ROOT_PUB = "root.pub"
ROOT_ROLE = "root"


@dataclass(frozen=True)
class PublicKeyInfo:
    role: str
    key_id: str
    fingerprint: str
    created_at: str


@dataclass(frozen=True)
class StaffKeys:
    """What a staff session holds in memory while unlocked."""

    register_keys: dict[str, X25519PrivateKey]  # key id -> private key, every generation
    newest_register_key_id: str
    signing_key: Ed25519PrivateKey
    cipher: crypto.RegisterCipher
    # None for a profile made before manifests until ``ensure_root`` made one, and for
    # members who are not administrators (only they hold the root)
    root_key: Ed25519PrivateKey | None = None
    member_key: X25519PrivateKey | None = None  # what this member's secrets are sealed to

    @property
    def staff_key_id(self) -> str:
        return key_id(self.signing_key.public_key())


def _insert(
    conn: Connection, role: str, kid: str, public: bytes | None, secret: bytes, stamp: str
) -> None:
    conn.execute(
        "INSERT INTO staff_keys (role, key_id, public_key, secret, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (role, kid, public, secret, stamp),
    )


def generate(conn: Connection, *, actor: str, join: bool = False) -> None:
    """All keys of a new staff profile, in one transaction (refused if any exist).

    With ``join`` only the member's own two keys: the register's secrets come from the
    register, sealed to the member key, once an administrator added the member."""
    with transaction(conn, "generate staff keys"):
        if conn.execute("SELECT 1 FROM staff_keys LIMIT 1").fetchone() is not None:
            raise StaffError("staff_profile_incomplete", "keys exist already")
        stamp = format_utc(now_utc())
        fresh: tuple[tuple[str, X25519PrivateKey | Ed25519PrivateKey], ...] = (
            ("signing", Ed25519PrivateKey.generate()),
            ("member", X25519PrivateKey.generate()),
        )
        if not join:
            fresh += (
                ("register", X25519PrivateKey.generate()),
                ("root", Ed25519PrivateKey.generate()),
            )
        for role, key in fresh:
            public = key.public_key()
            _insert(conn, role, key_id(public), raw_public(public), raw_private(key), stamp)
        for role in () if join else ("data", "hmac"):
            secret = crypto.new_secret()
            _insert(conn, role, crypto.secret_id(secret), None, secret, stamp)
        audit.append(conn, actor=actor, action="staff:keys_generated")


def own(conn: Connection, *, actor: str) -> tuple[Ed25519PrivateKey, X25519PrivateKey]:
    """This member's signing and member keys; a profile from before members gets its member
    key here, once (in one transaction)."""
    with transaction(conn, "member key"):
        signing, member = _rows(conn, "signing"), _rows(conn, "member")
        if not signing:
            raise StaffError("staff_profile_incomplete")
        if not member:
            made = X25519PrivateKey.generate()
            public = made.public_key()
            _insert(
                conn, "member", key_id(public), raw_public(public), raw_private(made),
                format_utc(now_utc()),
            )  # fmt: skip
            audit.append(conn, actor=actor, action=f"staff:member_key_generated:{key_id(public)}")
            member = _rows(conn, "member")
    return (
        Ed25519PrivateKey.from_private_bytes(signing[-1][2]),
        X25519PrivateKey.from_private_bytes(member[-1][2]),
    )


def profile_secrets(conn: Connection) -> list[Secret]:
    """The register secrets this profile made itself (none for a profile that joined)."""
    return [
        Secret(role, kid, generation, secret)
        for role in ("register", "data", "hmac", ROOT_ROLE)
        for generation, (kid, _, secret, _) in enumerate(_rows(conn, role))
    ]


def forget_retired(conn: Connection, key_ids: set[str], *, actor: str) -> int:
    """Delete this profile's own copies of retired register keys (``key_retirement``)."""
    gone = 0
    with transaction(conn, "forget retired register keys"):
        for kid in sorted(key_ids):
            deleted = conn.execute(
                "DELETE FROM staff_keys WHERE role = 'register' AND key_id = ?", (kid,)
            ).rowcount
            if deleted:
                audit.append(conn, actor=actor, action=f"staff:register_key_forgotten:{kid}")
                gone += deleted
    return gone


def assemble(
    signing: Ed25519PrivateKey, member: X25519PrivateKey, secrets: list[Secret]
) -> StaffKeys:
    """The session's keys: the member's own two and the secrets opened from their wraps."""
    by_role: dict[str, list[Secret]] = {}
    for secret in sorted(secrets, key=lambda s: (s.role, s.generation)):
        by_role.setdefault(secret.role, []).append(secret)
    registers, data, hmac_key = (by_role.get(r, []) for r in ("register", "data", "hmac"))
    if not (registers and data and hmac_key):
        raise StaffError("staff_profile_incomplete")
    roots = by_role.get(ROOT_ROLE, [])
    return StaffKeys(
        register_keys={s.key_id: X25519PrivateKey.from_private_bytes(s.value) for s in registers},
        newest_register_key_id=registers[-1].key_id,
        signing_key=signing,
        cipher=crypto.RegisterCipher(data[-1].value, hmac_key[-1].value),
        root_key=Ed25519PrivateKey.from_private_bytes(roots[-1].value) if roots else None,
        member_key=member,
    )


def rotate_register_key(conn: Connection, *, actor: str) -> str:
    """A new register key for announcements; the old ones stay to open older batches."""
    register = X25519PrivateKey.generate()
    with transaction(conn, "rotate register key"):
        _insert(
            conn,
            "register",
            key_id(register.public_key()),
            raw_public(register.public_key()),
            raw_private(register),
            format_utc(now_utc()),
        )
        audit.append(
            conn, actor=actor, action=f"staff:register_key_added:{key_id(register.public_key())}"
        )
    return key_id(register.public_key())


def _rows(conn: Connection, role: str) -> list[tuple[str, bytes | None, bytes, str]]:
    return [
        (str(r[0]), None if r[1] is None else bytes(r[1]), bytes(r[2]), str(r[3]))
        for r in conn.execute(
            "SELECT key_id, public_key, secret, created_at FROM staff_keys WHERE role = ? "
            # rowid: keys made within one second (whole-second stamps) keep the order they
            # were made in, so the newest register key is the last one rotated in.
            "ORDER BY created_at, rowid",
            (role,),
        )
    ]


def _root(conn: Connection) -> Ed25519PrivateKey | None:
    rows = _rows(conn, ROOT_ROLE)
    return Ed25519PrivateKey.from_private_bytes(rows[-1][2]) if rows else None


def _new_root(conn: Connection, actor: str, event: str) -> Ed25519PrivateKey:
    """A fresh root key stored in the profile, inside the caller's transaction."""
    root = Ed25519PrivateKey.generate()
    public = root.public_key()
    _insert(
        conn, ROOT_ROLE, key_id(public), raw_public(public), raw_private(root),
        format_utc(now_utc()),
    )  # fmt: skip
    audit.append(conn, actor=actor, action=f"staff:root_key_{event}:{key_id(public)}")
    return root


def ensure_root(conn: Connection, *, actor: str) -> Ed25519PrivateKey:
    """The register root key, made once for a profile set up before manifests existed.

    It is kept, like every other staff secret, only inside the profile's encrypted store. A
    profile holding one never makes another: replacing the root is a rotation (a manifest
    signed by the old and the new root), never a silent swap.
    """
    with transaction(conn, "register root key"):
        held = _root(conn)
        if held is not None:
            return held
        return _new_root(conn, actor, "generated")


def rotate_root(conn: Connection, *, actor: str) -> Ed25519PrivateKey:
    """A new register root, kept in this profile until the register seals it to every
    administrator (``members.unlock``). The session's previous root (which a member who
    joined holds only from the register) signs the rotation manifest with it
    (``manifest.session_rotate_root``), so clinics pinning it follow."""
    with transaction(conn, "rotate root key"):
        return _new_root(conn, actor, "rotated")


def write_root_file(root: Ed25519PrivateKey, directory: Path) -> Path:
    """``root.pub`` for the enrollment letter (its fingerprint is printed beside it)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / ROOT_PUB
    save_public_key(root.public_key(), path)
    return path


def public_keys(conn: Connection) -> list[PublicKeyInfo]:
    """The register keys (oldest first), the signing key and the root key, as their ids
    and fingerprints."""
    out: list[PublicKeyInfo] = []
    for role in ("register", "signing", ROOT_ROLE):
        for kid, public, _, created in _rows(conn, role):
            assert public is not None
            out.append(PublicKeyInfo(role, kid, fingerprint(public), created))
    return out


def write_public_files(keys: StaffKeys, directory: Path) -> tuple[Path, Path]:
    """``register.pub`` (the newest register key) and ``staff.pub`` for the enrollment letter."""
    directory.mkdir(parents=True, exist_ok=True)
    register = keys.register_keys[keys.newest_register_key_id].public_key()
    paths = (directory / REGISTER_PUB, directory / STAFF_PUB)
    save_public_key(register, paths[0])
    save_public_key(keys.signing_key.public_key(), paths[1])
    return paths
