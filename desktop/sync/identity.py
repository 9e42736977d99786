"""The installation's own signing key and the peer keys pinned at enrollment.

Everything lives in the encrypted store (table ``sync_keys``): the installation's Ed25519
private key never touches the file system or the keyring in plain form. Peer keys:

* ``server``: the inbox's receipt key (Ed25519), fetched at enrollment and compared by
  fingerprint;
* ``register``: the register's X25519 encryption key(s) that batches are sealed to (the
  newest is used; older ones stay for reference until removed). ``add_register_key`` pins
  the new key the register publishes when it rotates (``sjelden register-key add``); the
  next sync re-packs undelivered batches sealed to an older key (``upload``);
* ``staff``: registry staff Ed25519 keys whose signed feedback is trusted.

Functions taking ``conn`` run on the database thread (``store.call``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_protocol.keys import (
    ed25519_public_from_raw,
    fingerprint,
    key_id,
    raw_private,
    raw_public,
    x25519_public_from_raw,
)

from desktop.net.errors import SyncError
from desktop.storage import settings
from desktop.storage.connection import Connection, transaction

Role = Literal["installation", "server", "register", "staff"]
SERVER_URL = "sync.server_url"
LABEL = "sync.label"
CA_BUNDLE = "sync.ca_bundle"
PROXY = "sync.proxy"


@dataclass(frozen=True)
class Identity:
    """What a sync run needs: our key and whom we trust."""

    signing_key: Ed25519PrivateKey
    server_url: str
    server_keys: dict[str, Ed25519PublicKey]
    register_key: X25519PublicKey
    staff_keys: dict[str, Ed25519PublicKey]
    ca_bundle: str | None = None
    proxy: str | None = None

    @property
    def key_id(self) -> str:
        return key_id(self.signing_key.public_key())


@dataclass(frozen=True)
class Fingerprints:
    """Shown after enrollment, to be read out and compared by phone."""

    installation: str
    installation_key_id: str
    server: list[str] = field(default_factory=list)
    register: list[str] = field(default_factory=list)
    staff: list[str] = field(default_factory=list)


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _rows(conn: Connection, role: Role) -> list[tuple[str, bytes, bytes | None]]:
    return [
        (str(r[0]), bytes(r[1]), None if r[2] is None else bytes(r[2]))
        for r in conn.execute(
            "SELECT key_id, public_key, private_key FROM sync_keys WHERE role = ? "
            "ORDER BY added_at, key_id",
            (role,),
        )
    ]


def installation_key(conn: Connection) -> Ed25519PrivateKey | None:
    rows = _rows(conn, "installation")
    if not rows or rows[-1][2] is None:
        return None
    return Ed25519PrivateKey.from_private_bytes(rows[-1][2])


def new_installation_key(conn: Connection) -> Ed25519PrivateKey:
    """Generate and keep a fresh key, replacing any earlier one (a new enrollment)."""
    key = Ed25519PrivateKey.generate()
    with transaction(conn, "new installation key"):
        conn.execute("DELETE FROM sync_keys WHERE role = 'installation'")
        conn.execute(
            "INSERT INTO sync_keys (role, key_id, public_key, private_key, added_at) "
            "VALUES ('installation', ?, ?, ?, ?)",
            (key_id(key.public_key()), raw_public(key.public_key()), raw_private(key), _now()),
        )
    return key


def pin_keys(
    conn: Connection,
    *,
    server_url: str,
    label: str,
    server_keys: list[Ed25519PublicKey],
    register_keys: list[X25519PublicKey],
    staff_keys: list[Ed25519PublicKey],
) -> None:
    """Replace the pinned peer keys and the server address in one transaction."""
    with transaction(conn, "pin keys"):
        conn.execute("DELETE FROM sync_keys WHERE role IN ('server', 'register', 'staff')")
        stamp = _now()
        # Register keys keep their order: the last given is the one batches are sealed to.
        groups: list[tuple[str, Sequence[Ed25519PublicKey | X25519PublicKey]]] = [
            ("server", server_keys),
            ("register", register_keys),
            ("staff", staff_keys),
        ]
        for role, keys in groups:
            for position, key in enumerate(keys):
                conn.execute(
                    "INSERT OR REPLACE INTO sync_keys (role, key_id, public_key, private_key, "
                    "added_at) VALUES (?, ?, ?, NULL, ?)",
                    (role, key_id(key), raw_public(key), f"{stamp}#{position:04d}"),
                )
        for name, value in ((SERVER_URL, server_url), (LABEL, label)):
            settings.write(conn, name, value)


@dataclass(frozen=True)
class RegisterKeyChange:
    """What ``add_register_key`` did: the key now sealed to and the one it took over from."""

    key_id: str
    fingerprint: str
    previous_key_id: str
    removed: int = 0  # older register keys unpinned (``replace``)

    @property
    def changed(self) -> bool:
        """Whether new batches are now sealed to another key than before."""
        return self.key_id != self.previous_key_id


def register_key_id(conn: Connection) -> str | None:
    """The key id of the register key batches are sealed to (the newest pinned one)."""
    rows = _rows(conn, "register")
    return rows[-1][0] if rows else None


def _later_stamp(conn: Connection, role: Role) -> str:
    """An ``added_at`` that sorts after every key of ``role``, even within the same second
    (keys pinned together carry ``<time>#<position>``; the newest sorts last)."""
    stamp = f"{_now()}#0000"
    row = conn.execute("SELECT max(added_at) FROM sync_keys WHERE role = ?", (role,)).fetchone()
    last = None if row is None else row[0]
    if last is None or stamp > last:
        return stamp
    head, _, position = str(last).rpartition("#")
    if head and position.isdigit():
        return f"{head}#{int(position) + 1:0{len(position)}d}"
    return f"{last}#0001"


def add_register_key(
    conn: Connection, key: X25519PublicKey, *, replace: bool = False
) -> RegisterKeyChange:
    """Pin ``key`` as the register's newest encryption key: new batches are sealed to it.

    For the register's key rotation (``docs/protocol.md``, "Rotation"): the register
    publishes a new key file and compares fingerprints as at enrollment. A key already pinned
    becomes the newest again; with ``replace`` the older register keys are unpinned. Batches
    still undelivered that were sealed to an older key are not changed here (their id and
    bytes never change): the next sync asks the inbox about each and re-packs those it does
    not hold into new batches under this key. Raises ``SyncError("not_enrolled")`` before
    enrollment, which pins the first register key.
    """
    with transaction(conn, "add register key"):
        previous = register_key_id(conn)
        if previous is None or installation_key(conn) is None:
            raise SyncError("not_enrolled")
        new_id = key_id(key)
        if new_id != previous:
            conn.execute(
                "INSERT OR REPLACE INTO sync_keys (role, key_id, public_key, private_key, "
                "added_at) VALUES ('register', ?, ?, NULL, ?)",
                (new_id, raw_public(key), _later_stamp(conn, "register")),
            )
        removed = 0
        if replace:
            removed = conn.execute(
                "DELETE FROM sync_keys WHERE role = 'register' AND key_id != ?", (new_id,)
            ).rowcount
    return RegisterKeyChange(new_id, fingerprint(key), previous, removed)


def set_transport(conn: Connection, *, ca_bundle: str | None, proxy: str | None) -> None:
    """The health network's CA bundle and proxy; verification itself can never be turned off."""
    settings.put(conn, CA_BUNDLE, ca_bundle)
    settings.put(conn, PROXY, proxy)


def load(conn: Connection) -> Identity | None:
    """The identity for a sync run, or ``None`` if this installation is not enrolled."""
    signing = installation_key(conn)
    url = settings.get(conn, SERVER_URL)
    registers = _rows(conn, "register")
    if signing is None or not url or not registers:
        return None
    return Identity(
        signing_key=signing,
        server_url=str(url),
        server_keys={kid: ed25519_public_from_raw(raw) for kid, raw, _ in _rows(conn, "server")},
        register_key=x25519_public_from_raw(registers[-1][1]),
        staff_keys={kid: ed25519_public_from_raw(raw) for kid, raw, _ in _rows(conn, "staff")},
        ca_bundle=settings.get(conn, CA_BUNDLE),
        proxy=settings.get(conn, PROXY),
    )


def fingerprints(conn: Connection) -> Fingerprints | None:
    signing = installation_key(conn)
    if signing is None:
        return None
    public = signing.public_key()
    return Fingerprints(
        installation=fingerprint(public),
        installation_key_id=key_id(public),
        server=[fingerprint(raw) for _, raw, _ in _rows(conn, "server")],
        register=[fingerprint(raw) for _, raw, _ in _rows(conn, "register")],
        staff=[fingerprint(raw) for _, raw, _ in _rows(conn, "staff")],
    )
