"""The installation's own signing key and the peer keys pinned at enrollment.

Everything lives in the encrypted store (table ``sync_keys``): the installation's Ed25519
private key never touches the file system or the keyring in plain form. Peer keys:

* ``server``: the inbox's receipt key (Ed25519), fetched at enrollment and compared by
  fingerprint;
* ``register``: the register's X25519 encryption key(s) that batches are sealed to (the
  newest is used; older ones stay for reference until removed);
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

from desktop.storage import settings
from desktop.storage.connection import Connection, transaction
from desktop.sync.protocol.keys import (
    ed25519_public_from_raw,
    fingerprint,
    key_id,
    raw_private,
    raw_public,
    x25519_public_from_raw,
)

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
