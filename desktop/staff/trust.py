"""What the register trusts, kept in the register database every member shares.

Three things decide which keys the register and its clinics trust: the installations whose
batches the register opens (pinned after staff compared fingerprints), the keys the register's
manifests name, and the manifests signed so far (their sequence only grows). They are the
register's, not one PC's: a reviewer on a second PC must open batches from the clinics an
administrator pinned on the first, and a second administrator must sign the manifest after
the one the first signed, naming the keys the first added. So they live in the register
database (component ``trust``: ``register_installations``, ``register_manifest_keys``,
``register_manifests``), on SQLCipher or PostgreSQL, and every change to them is an audit
entry in the register's chain, signed by the member who made it.

A profile from before (these were profile tables, ``staff_installations``,
``staff_manifest_keys``, ``staff_manifests``) hands its rows over at an administrator's
unlock (``adopt``): copied in (a row the register holds already wins), then deleted from the
profile, so nothing is kept in two places. A crash between the two only repeats the copy.

Functions taking ``db`` run on the register's backend thread (``session.register.call``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sjelden_protocol.keys import ed25519_public_from_raw, fingerprint, key_id, raw_public
from sjelden_protocol.timefmt import format_utc, now_utc, parse_utc

from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.storage import audit
from desktop.storage.connection import Connection, transaction


@dataclass(frozen=True)
class PinnedInstallation:
    key_id: str
    public_key: Ed25519PublicKey
    label: str
    pinned_at: str
    # From this time (the inbox's receipt time) on, the register takes no batch of it.
    revoked_at: str | None = None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)

    def revoked_before(self, received_at: datetime) -> bool:
        """Whether a batch the inbox received at ``received_at`` came after the revocation."""
        if self.revoked_at is None:
            return False
        return parse_utc(self.revoked_at, what="revoked_at") <= received_at


# -- pinned installations ------------------------------------------------------------------------


def pin_installation(
    db: Db, public_key: Ed25519PublicKey, label: str, *, actor: str
) -> PinnedInstallation:
    kid = key_id(public_key)
    stamp = format_utc(now_utc())
    with db.transaction("pin installation"):
        db.execute(
            "INSERT INTO register_installations (key_id, public_key, label, pinned_at) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (key_id) DO UPDATE SET label = excluded.label",
            (kid, raw_public(public_key), label, stamp),
        )
        audit.append(db, actor=actor, action=f"staff:installation_pinned:{kid}")
    found = pinned(db).get(kid)
    assert found is not None
    return found


def pinned(db: Db) -> dict[str, PinnedInstallation]:
    return {
        str(r[0]): PinnedInstallation(
            str(r[0]),
            ed25519_public_from_raw(bytes(r[1])),
            str(r[2]),
            str(r[3]),
            None if r[4] is None else str(r[4]),
        )
        for r in db.execute(
            "SELECT key_id, public_key, label, pinned_at, revoked_at FROM register_installations "
            "ORDER BY key_id"
        ).fetchall()
    }


def revoke_installation(
    db: Db, installation_key_id: str, at: datetime, *, actor: str
) -> PinnedInstallation:
    """Refuse the installation's batches received from ``at`` on (final, like the inbox's).

    An earlier revocation time already held is kept: a revocation is never moved later."""
    stamp = format_utc(at)
    with db.transaction("revoke installation"):
        found = db.execute(
            "SELECT revoked_at FROM register_installations WHERE key_id = ?",
            (installation_key_id,),
        ).fetchone()
        if found is None:
            raise StaffError("unknown_installation", installation_key_id)
        if found[0] is None or parse_utc(str(found[0]), what="revoked_at") > at:
            db.execute(
                "UPDATE register_installations SET revoked_at = ? WHERE key_id = ?",
                (stamp, installation_key_id),
            )
            audit.append(
                db, actor=actor, action=f"staff:installation_revoked:{installation_key_id}"
            )
    return pinned(db)[installation_key_id]


# -- a profile's rows from before ----------------------------------------------------------------

_PROFILE_TABLES: tuple[tuple[str, str, str], ...] = (
    (
        "staff_installations",
        "register_installations",
        "key_id, public_key, label, pinned_at, revoked_at",
    ),
    (
        "staff_manifest_keys",
        "register_manifest_keys",
        "role, key_id, public_key, valid_from, valid_until, revoked_at, added_at",
    ),
    ("staff_manifests", "register_manifests", "sequence, document, issued_at, issued_by"),
)

ProfileRows = dict[str, list[tuple[Any, ...]]]


def profile_rows(conn: Connection) -> ProfileRows:
    """This profile's trust rows from before the register held them (on the store's thread;
    the profile's migrations made the tables, which stay empty once adopted)."""
    out: ProfileRows = {}
    for table, _, columns in _PROFILE_TABLES:
        rows = conn.execute(f"SELECT {columns} FROM {table}").fetchall()  # noqa: S608 - names are code
        if rows:
            out[table] = [tuple(r) for r in rows]
    return out


def adopt(db: Db, rows: ProfileRows) -> None:
    """Copy a profile's trust rows into the register in one transaction.

    A row the register holds already (same key, same manifest sequence) is kept as it is: the
    register's history is the one every member signs on from."""
    with db.transaction("adopt profile trust"):
        for table, target, columns in _PROFILE_TABLES:
            held: Sequence[tuple[Any, ...]] = rows.get(table, [])
            marks = ", ".join("?" for _ in columns.split(","))
            for row in held:
                db.execute(
                    f"INSERT INTO {target} ({columns}) VALUES ({marks}) ON CONFLICT DO NOTHING",  # noqa: S608 - names are code
                    row,
                )


def forget_profile_rows(conn: Connection, rows: ProfileRows) -> None:
    """Delete the adopted rows from the profile (on the store's thread), in one transaction."""
    with transaction(conn, "forget adopted trust"):
        for table, _, _ in _PROFILE_TABLES:
            if table in rows:
                conn.execute(f"DELETE FROM {table}")  # noqa: S608 - names are code
