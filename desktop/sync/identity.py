"""The installation's own signing key and the peer keys pinned at enrollment.

Everything lives in the encrypted store (table ``sync_keys``): the installation's Ed25519
private key never touches the file system or the keyring in plain form. Peer keys:

* ``root``: the register's root key, pinned at enrollment after its fingerprint was
  compared; every other register-side key comes in a manifest it signed
  (``desktop.sync.manifest``), which ``load`` reads;
* ``server``, ``register``, ``staff``: the receipt, encryption and staff keys a profile
  enrolled before manifests pinned from key files; read only until its first manifest.

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
from sjelden_protocol.timefmt import now_utc

from desktop.storage import settings
from desktop.storage.connection import Connection, transaction

Role = Literal["installation", "server", "register", "staff", "root"]
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
    # Staff keys the newest manifest revoked: feedback signed by one is refused by name.
    revoked_staff_keys: frozenset[str] = frozenset()
    # The inbox's TLS key pins (SPKI SHA-256) from the manifest; empty: the CA's word only.
    tls_pins: frozenset[bytes] = frozenset()

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
    root: list[str] = field(default_factory=list)


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
    """The identity for a sync run, or ``None`` if this installation is not enrolled.

    With a key manifest held (every enrollment since manifests), the register-side keys are
    the manifest's, usable now: the newest valid recipient key, staff and receipt keys that
    are neither revoked nor outside their validity. A profile enrolled before manifests keeps
    its pinned keys until its first manifest arrives (``desktop.sync.manifest``)."""
    from desktop.sync import manifest

    signing = installation_key(conn)
    url = settings.get(conn, SERVER_URL)
    if signing is None or not url:
        return None
    held = manifest.current(conn)
    if held is not None:
        moment = now_utc()
        recipient = held.recipient(moment)
        if recipient is None:
            return None
        server_keys = held.signers("receipt", moment)
        staff_keys = held.signers("staff", moment)
        revoked = frozenset(
            k.key_id
            for k in held.keys
            if k.role == "staff" and k.revoked_at is not None and k.revoked_at <= moment
        )
        pins = held.tls_pins(moment)
    else:
        revoked, pins = frozenset(), frozenset()
        registers = _rows(conn, "register")
        if not registers:
            return None
        recipient = x25519_public_from_raw(registers[-1][1])
        server_keys = {k: ed25519_public_from_raw(raw) for k, raw, _ in _rows(conn, "server")}
        staff_keys = {k: ed25519_public_from_raw(raw) for k, raw, _ in _rows(conn, "staff")}
    return Identity(
        signing_key=signing,
        server_url=str(url),
        server_keys=server_keys,
        register_key=recipient,
        staff_keys=staff_keys,
        ca_bundle=settings.get(conn, CA_BUNDLE),
        proxy=settings.get(conn, PROXY),
        revoked_staff_keys=revoked,
        tls_pins=pins,
    )


def fingerprints(conn: Connection) -> Fingerprints | None:
    signing = installation_key(conn)
    if signing is None:
        return None
    public = signing.public_key()
    ident = load(conn)
    if ident is not None and _rows(conn, "root"):
        return Fingerprints(
            installation=fingerprint(public),
            installation_key_id=key_id(public),
            server=[fingerprint(k) for k in ident.server_keys.values()],
            register=[fingerprint(ident.register_key)],
            staff=[fingerprint(k) for k in ident.staff_keys.values()],
            root=[fingerprint(raw) for _, raw, _ in _rows(conn, "root")],
        )
    return Fingerprints(
        installation=fingerprint(public),
        installation_key_id=key_id(public),
        server=[fingerprint(raw) for _, raw, _ in _rows(conn, "server")],
        register=[fingerprint(raw) for _, raw, _ in _rows(conn, "register")],
        staff=[fingerprint(raw) for _, raw, _ in _rows(conn, "staff")],
        root=[fingerprint(raw) for _, raw, _ in _rows(conn, "root")],
    )
