"""The register's staff members, and the register secrets each of them holds (issue 17 point 1).

Every staff member has their own staff profile with two keys of their own, kept only in that
profile's encrypted store (``desktop.staff.keys``): the Ed25519 signing key (their name in the
audit log) and an X25519 *member* key. The register's secrets (the register recipient private
keys of every generation, the data key, the keyed-hash secret and, for administrators, the
root key) live in the shared register database, in ``member_wraps``: each one sealed to each
member's member key with the protocol's one HPKE suite (``sjelden_protocol.envelope``), the
``info`` naming the member, the secret's role and id, so a database administrator cannot move
a wrap onto another row. Unlocking a profile opens that member's wraps; nobody else's.

* The first profile to open a register (a profile from before members, or a fresh one) becomes
  its first administrator: the secrets its profile holds are sealed to it (``bootstrap``).
  Register and root keys made later in an administrator's profile (``staff
  rotate-register-key``, ``manifest rotate-root``) are sealed to the members at the next
  unlock (``adopt``): one way for a secret to enter the register.
* ``add`` seals the secrets once more, to a new member whose join request (their public keys
  and a fingerprint over both) an administrator compared by fingerprint, in one transaction.
* ``remove`` deletes the member's wraps, marks them removed, and rotates what they could have
  kept, in one transaction: a new data key with every sealed payload re-sealed under it, a new
  register recipient key, a new root when they were an administrator, and the next manifest
  naming only the new recipient key (the caller publishes it). See docs/staff.md for what that
  does not protect.

Functions taking ``db`` run inside the register's backend thread; the ones that change
anything open their own transaction.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.envelope import hpke_open, hpke_seal
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import (
    b64decode,
    b64encode,
    ed25519_public_from_raw,
    fingerprint,
    key_id,
    raw_private,
    raw_public,
    same_fingerprint,
    x25519_public_from_raw,
)
from sjelden_protocol.timefmt import format_utc, now_utc

from desktop.paths import write_private_file
from desktop.staff import crypto, letter_queue, quarantine, register
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.roles import ADMINISTRATOR, ROLES, require
from desktop.storage import audit

if TYPE_CHECKING:
    from sjelden_protocol.manifest import Manifest

    from desktop.staff.session import StaffSession

REQUEST_FORMAT = "sjelden-staff-join-request"
REQUEST_VERSION = 1
SECRET_ROLES = ("register", "data", "hmac", "root")
# Secrets only administrators hold: the root signs manifests (keys), nobody else needs it.
ADMINISTRATOR_ONLY = frozenset({"root"})
MAX_LABEL = 200


@dataclass(frozen=True)
class Secret:
    """One register secret in memory: its role, public id, order within the role, bytes."""

    role: str
    key_id: str
    generation: int
    value: bytes


@dataclass(frozen=True)
class Identity:
    """A member's public keys: what a join request carries and ``members`` keeps."""

    label: str
    signing_key: bytes  # raw Ed25519 public key
    member_key: bytes  # raw X25519 public key

    @property
    def key_id(self) -> str:
        return key_id(self.signing_key)

    @property
    def fingerprint(self) -> str:
        """Over both keys, so neither can be swapped between the request and the comparison."""
        return fingerprint(self.signing_key + self.member_key)


@dataclass(frozen=True)
class Member:
    identity: Identity
    role: str
    added_by: str
    added_at: str
    removed_at: str | None

    @property
    def key_id(self) -> str:
        return self.identity.key_id


@dataclass(frozen=True)
class Rotation:
    """What ``remove`` made: the new data key's id, the new register key (named in the
    manifest signed in the same transaction), the new root when an administrator was
    removed, and how many payloads were re-sealed."""

    data_key_id: str
    register_key: X25519PrivateKey
    resealed: int
    root_key_id: str | None = None


def identity_of(label: str, signing: Ed25519PrivateKey, member: X25519PrivateKey) -> Identity:
    return Identity(label, raw_public(signing.public_key()), raw_public(member.public_key()))


# -- join requests -------------------------------------------------------------------------------


def write_request(identity: Identity, path: Path) -> Path:
    """The join request file the new member hands an administrator (public keys only)."""
    document = {
        "format": REQUEST_FORMAT,
        "version": REQUEST_VERSION,
        "label": identity.label,
        "signing_key": b64encode(identity.signing_key),
        "member_key": b64encode(identity.member_key),
    }
    try:
        write_private_file(path, json.dumps(document, indent=2).encode("utf-8") + b"\n")
    except OSError as exc:
        raise StaffError("join_request_not_written", type(exc).__name__) from exc
    return path


def read_request(data: bytes) -> Identity:
    """A join request, checked as the protocol checks keys; ``join_request_invalid`` else."""
    try:
        document = json.loads(data)
        if not isinstance(document, dict) or document.get("format") != REQUEST_FORMAT:
            raise ValueError("not a join request")
        if document.get("version") != REQUEST_VERSION:
            raise ValueError("unknown version")
        label = document["label"]
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
            raise ValueError("label")
        signing = b64decode(document["signing_key"], what="signing_key", length=32)
        member = b64decode(document["member_key"], what="member_key", length=32)
        ed25519_public_from_raw(signing)
        x25519_public_from_raw(member)
    except (ValueError, KeyError, TypeError, ProtocolError) as exc:
        raise StaffError("join_request_invalid", type(exc).__name__) from None
    return Identity(label.strip(), signing, member)


# -- wraps ---------------------------------------------------------------------------------------


def _info(member_key_id: str, role: str, secret_key_id: str) -> bytes:
    return crypto.aad("member-wrap", member_key_id, role, secret_key_id)


def _wrap(db: Db, identity: Identity, secrets: Iterable[Secret]) -> None:
    recipient = x25519_public_from_raw(identity.member_key)
    db.executemany(
        "INSERT INTO member_wraps (member_key_id, secret_role, secret_key_id, generation, "
        "wrapped) VALUES (?, ?, ?, ?, ?)",
        [
            (
                identity.key_id,
                s.role,
                s.key_id,
                s.generation,
                hpke_seal(s.value, recipient, _info(identity.key_id, s.role, s.key_id)),
            )
            for s in secrets
        ],
    )


def _for_role(role: str, secrets: Iterable[Secret]) -> list[Secret]:
    return [s for s in secrets if role == ADMINISTRATOR or s.role not in ADMINISTRATOR_ONLY]


def _member_row(row: Sequence[Any]) -> Member:
    return Member(
        Identity(str(row[1]), bytes(row[4]), bytes(row[3])),
        str(row[2]),
        str(row[5]),
        str(row[6]),
        None if row[7] is None else str(row[7]),
    )


_MEMBER_COLUMNS = (
    "member_key_id, label, role, member_key, signing_key, added_by, added_at, removed_at"
)


def members(db: Db) -> list[Member]:
    rows = db.execute(
        f"SELECT {_MEMBER_COLUMNS} FROM members ORDER BY added_at, member_key_id"  # noqa: S608 - constant columns
    ).fetchall()
    return [_member_row(r) for r in rows]


def find(db: Db, member_key_id: str) -> Member | None:
    row = db.execute(
        f"SELECT {_MEMBER_COLUMNS} FROM members WHERE member_key_id = ?",  # noqa: S608 - constant columns
        (member_key_id,),
    ).fetchone()
    return None if row is None else _member_row(row)


def _active(db: Db) -> list[Member]:
    return [m for m in members(db) if m.removed_at is None]


def open_wraps(db: Db, member_key_id: str, member_key: X25519PrivateKey) -> list[Secret]:
    """This member's secrets, opened with their member key (oldest first within a role)."""
    out = []
    for role, kid, generation, wrapped in db.execute(
        "SELECT secret_role, secret_key_id, generation, wrapped FROM member_wraps "
        "WHERE member_key_id = ? ORDER BY secret_role, generation",
        (member_key_id,),
    ).fetchall():
        try:
            value = hpke_open(bytes(wrapped), member_key, _info(member_key_id, role, kid))
        except (InvalidTag, ProtocolError, ValueError) as exc:
            raise StaffError("member_wrap_invalid", str(role)) from exc
        out.append(Secret(str(role), str(kid), int(generation), value))
    return out


def _next_generation(db: Db, role: str) -> int:
    row = db.execute(
        "SELECT MAX(generation) FROM member_wraps WHERE secret_role = ?", (role,)
    ).fetchone()
    return 0 if row is None or row[0] is None else int(row[0]) + 1


# -- unlock --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unlocked:
    """What one unlock read in its transaction: the member, their opened secrets, and the
    register keys retired on this register (a profile deletes its own copies of those)."""

    member: Member
    secrets: list[Secret]
    retired: frozenset[str]


def unlock(
    db: Db,
    identity: Identity,
    member_key: X25519PrivateKey,
    profile_secrets: Sequence[Secret],
    signing: Ed25519PrivateKey,
) -> Unlocked:
    """This member and their secrets, in one transaction.

    The first profile on a register without members becomes its administrator with the
    secrets its profile holds; an administrator's profile-made register and root keys are
    sealed to the members who should hold them (``adopt``), one audit entry each, keyed and
    signed by this member (``signing``, with the audit key of the secrets just opened). A
    removed member is refused (``member_removed``), a profile the register does not know too
    (``member_not_enrolled``).
    """
    with db.transaction("member unlock"):
        me = find(db, identity.key_id)
        if me is None:
            if db.execute("SELECT 1 FROM members LIMIT 1").fetchone() is not None:
                raise StaffError("member_not_enrolled", identity.key_id)
            if not {"register", "data", "hmac"} <= {s.role for s in profile_secrets}:
                raise StaffError("member_not_enrolled", identity.key_id)
            with _signing_as(db, signing, profile_secrets):
                me = _bootstrap(db, identity, profile_secrets)
        if me.removed_at is not None:
            raise StaffError("member_removed", identity.key_id)
        held = open_wraps(db, me.key_id, member_key)
        if me.role == ADMINISTRATOR:
            adopted = _adopt(db, profile_secrets)
            if adopted:
                with _signing_as(db, signing, held):
                    for secret in adopted:
                        audit.append(
                            db,
                            actor=me.key_id,
                            action=f"staff:{secret.role}_key_sealed:{secret.key_id}",
                        )
                held = open_wraps(db, me.key_id, member_key)
        retired = frozenset(retired_register_keys(db))
    return Unlocked(me, held, retired)


def _bootstrap(db: Db, identity: Identity, secrets: Sequence[Secret]) -> Member:
    """The first administrator: the register's secrets as this profile holds them.

    Only the newest data key and keyed-hash secret: every payload is sealed under the newest.
    """
    newest = {s.role: s for s in secrets if s.role in ("data", "hmac")}
    meta = dict(
        (str(k), str(v))
        for k, v in db.execute(
            "SELECT key, value FROM register_meta WHERE key IN ('data_key_id', 'hmac_key_id')"
        ).fetchall()
    )
    wanted = {f"{role}_key_id": crypto.secret_id(s.value) for role, s in newest.items()}
    if meta and meta != wanted:
        raise StaffError("register_key_mismatch")  # another profile's register: change nothing
    stamp = format_utc(now_utc())
    _insert_member(db, identity, ADMINISTRATOR, identity.key_id, stamp)
    kept = [s for s in secrets if s.role not in ("data", "hmac")] + list(newest.values())
    _wrap(db, identity, kept)
    audit.append(db, actor=identity.key_id, action=f"staff:member_added:{ADMINISTRATOR}")
    found = find(db, identity.key_id)
    assert found is not None
    return found


_RETIRED = "retired_register_key:"


def retired_register_keys(db: Db) -> set[str]:
    """The register key ids retired on this register (``desktop.staff.key_retirement``)."""
    return {
        str(row[0])[len(_RETIRED) :]
        for row in db.execute(
            "SELECT key FROM register_meta WHERE key LIKE ?", (_RETIRED + "%",)
        ).fetchall()
    }


def mark_retired(db: Db, key_id: str, stamp: str) -> None:
    """Inside the caller's transaction: no profile's copy of the key is sealed again."""
    db.execute("INSERT INTO register_meta (key, value) VALUES (?, ?)", (_RETIRED + key_id, stamp))


def _adopt(db: Db, secrets: Sequence[Secret]) -> list[Secret]:
    """Register and root keys an administrator's profile made since, sealed to the members
    (never a retired one, which a profile may still hold until its next unlock); the ones
    sealed now."""
    wrapped = {
        (str(r[0]), str(r[1]))
        for r in db.execute("SELECT DISTINCT secret_role, secret_key_id FROM member_wraps")
    }
    gone = retired_register_keys(db)
    fresh = [s for s in secrets if s.role in ("register", "root")]
    fresh = [s for s in fresh if (s.role, s.key_id) not in wrapped and s.key_id not in gone]
    if not fresh:
        return []
    numbered = [
        Secret(s.role, s.key_id, _next_generation(db, s.role) + i, s.value)
        for i, s in enumerate(fresh)
    ]
    for member in _active(db):
        _wrap(db, member.identity, _for_role(member.role, numbered))
    return numbered


@contextlib.contextmanager
def _signing_as(db: Db, signing: Ed25519PrivateKey, secrets: Sequence[Secret]) -> Iterator[None]:
    """Entries an unlock writes (the first administrator's, a key sealed from a profile) are
    keyed and signed by this member like every later one: with the audit key of the newest
    keyed-hash secret in ``secrets`` (the profile's at bootstrap, the wraps just opened when
    sealing), unless the connection has a signer already (the one-PC register shares the
    store's connection, which an open session has bound: kept, and given back afterwards)."""
    bound = audit.signer_of(db)
    hmac_secrets = [s for s in secrets if s.role == "hmac"]
    if bound is None and hmac_secrets:
        audit.act_as(db, audit.Signer(crypto.audit_key(hmac_secrets[-1].value), signing))
    try:
        yield
    finally:
        audit.act_as(db, bound)


def _insert_member(db: Db, identity: Identity, role: str, added_by: str, stamp: str) -> None:
    db.execute(
        "INSERT INTO members (member_key_id, label, role, member_key, signing_key, added_by, "
        "added_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)",
        (identity.key_id, identity.label, role, identity.member_key, identity.signing_key,
         added_by, stamp),
    )  # fmt: skip


# -- administration ------------------------------------------------------------------------------


def add(
    db: Db,
    identity: Identity,
    typed_fingerprint: str,
    role: str,
    *,
    actor: str,
    actor_key: X25519PrivateKey,
) -> Member:
    """Enroll a member after the administrator compared the fingerprint; one transaction."""
    if role not in ROLES:
        raise StaffError("member_role_unknown", role)
    if not same_fingerprint(typed_fingerprint, identity.fingerprint):
        raise StaffError("member_fingerprint_mismatch", identity.key_id)
    with db.transaction("add member"):
        if find(db, identity.key_id) is not None:
            raise StaffError("member_exists", identity.key_id)
        held = open_wraps(db, actor, actor_key)
        _insert_member(db, identity, role, actor, format_utc(now_utc()))
        _wrap(db, identity, _for_role(role, held))
        audit.append(db, actor=actor, action=f"staff:member_added:{role}:{identity.key_id}")
    found = find(db, identity.key_id)
    assert found is not None
    return found


# Every table holding a payload sealed under the data key: (table, key columns, sealed
# column, the additional data the seal is bound to). A new sealed column belongs here, or a
# removal would leave it under a data key a removed member may hold.
Associated = Callable[[Sequence[Any]], bytes]
SEALED: tuple[tuple[str, tuple[str, ...], str, Associated], ...] = (
    ("register_records", ("record_id", "revision"), "payload",
     lambda k: register.record_aad(k[0], k[1])),
    ("register_history", ("record_id", "revision"), "payload",
     lambda k: register.record_aad(k[0], k[1])),
    ("review_items", ("batch_id", "record_id", "revision"), "payload",
     lambda k: register.item_aad(k[0], k[1], k[2])),
    ("quarantined_batches", ("quarantine_id",), "envelope",
     lambda k: quarantine.envelope_aad(k[0])),
    ("letter_queue", ("entry_id",), "detail", lambda k: letter_queue.detail_aad(k[0])),
)  # fmt: skip


def _reseal(db: Db, old: crypto.RegisterCipher, new: crypto.RegisterCipher) -> int:
    """Every sealed payload opened with the old data key and sealed with the new one."""
    count = 0
    for table, keys_, column, associated in SEALED:
        where = " AND ".join(f"{k} = ?" for k in keys_)
        rows = db.execute(
            f"SELECT {', '.join(keys_)}, {column} FROM {table} WHERE {column} IS NOT NULL"  # noqa: S608 - names are code
        ).fetchall()
        updates = []
        for row in rows:
            key = tuple(row[: len(keys_)])
            data = associated(key)
            updates.append((new.seal_bytes(old.open_bytes(bytes(row[-1]), data), data), *key))
        if updates:
            db.executemany(f"UPDATE {table} SET {column} = ? WHERE {where}", updates)  # noqa: S608
        count += len(updates)
    return count


def remove(
    db: Db,
    member_key_id: str,
    *,
    actor: str,
    actor_key: X25519PrivateKey,
) -> tuple[Rotation, Manifest]:
    """Remove a member and rotate what they could have kept, in one transaction.

    Their wraps go and ``removed_at`` is set; a new data key re-seals every payload
    (``SEALED``) and replaces ``register_meta``'s data key id; a new register key is sealed
    to the remaining members; an administrator's removal also makes a new root, sealed to
    the remaining administrators. The next manifest, signed in the same transaction, names
    the new register key only, revokes the removed member's signing key, and is signed by
    the new root and the old one (a rotation clinics follow): nothing of a removal can be
    half done. The keyed-hash secret is not rotated (docs/staff.md says why).
    """
    from desktop.staff import manifest

    with db.transaction("remove member"):
        target = find(db, member_key_id)
        if target is None:
            raise StaffError("unknown_member", member_key_id)
        if target.removed_at is not None:
            raise StaffError("member_removed", member_key_id)
        if member_key_id == actor:
            raise StaffError("member_remove_self", member_key_id)
        held = open_wraps(db, actor, actor_key)
        data = [s for s in held if s.role == "data"]
        hmac_key = [s for s in held if s.role == "hmac"]
        roots = [s for s in held if s.role == "root"]
        if not data or not hmac_key:
            raise StaffError("member_wrap_invalid", "data")
        if not roots:
            raise StaffError("root_not_held")
        old = crypto.RegisterCipher(data[-1].value, hmac_key[-1].value)
        new_value = crypto.new_secret()
        new = crypto.RegisterCipher(new_value, hmac_key[-1].value)
        resealed = _reseal(db, old, new)
        db.execute(
            "UPDATE register_meta SET value = ? WHERE key = 'data_key_id'", (new.data_key_id,)
        )
        stamp = format_utc(now_utc())
        db.execute("DELETE FROM member_wraps WHERE member_key_id = ?", (member_key_id,))
        db.execute(
            "UPDATE members SET removed_at = ? WHERE member_key_id = ?", (stamp, member_key_id)
        )
        db.execute("DELETE FROM member_wraps WHERE secret_role = 'data'")
        register = X25519PrivateKey.generate()
        fresh = [
            Secret("data", new.data_key_id, _next_generation(db, "data"), new_value),
            Secret(
                "register",
                key_id(register.public_key()),
                _next_generation(db, "register"),
                raw_private(register),
            ),
        ]
        old_root = Ed25519PrivateKey.from_private_bytes(roots[-1].value)
        root, previous = old_root, None
        if target.role == ADMINISTRATOR:
            # They held the root: clinics must stop trusting it, through a rotation.
            root, previous = Ed25519PrivateKey.generate(), old_root
            fresh.append(
                Secret(
                    "root",
                    key_id(root.public_key()),
                    _next_generation(db, "root"),
                    raw_private(root),
                )
            )
        for member in _active(db):
            _wrap(db, member.identity, _for_role(member.role, fresh))
        audit.append(db, actor=actor, action=f"staff:member_removed:{member_key_id}")
        audit.append(db, actor=actor, action=f"staff:data_key_rotated:{new.data_key_id}")
        audit.append(
            db, actor=actor, action=f"staff:register_key_added:{key_id(register.public_key())}"
        )
        if previous is not None:
            audit.append(
                db, actor=actor, action=f"staff:root_key_rotated:{key_id(root.public_key())}"
            )
        signed = manifest.replace_recipient(
            db,
            raw_public(register.public_key()),
            actor=actor,
            root=root,
            held=manifest.register_keys(
                {
                    s.key_id: X25519PrivateKey.from_private_bytes(s.value)
                    for s in held
                    if s.role == "register"
                }
            ),
            previous_root=previous,
        )
    rotation = Rotation(
        new.data_key_id,
        register,
        resealed,
        None if previous is None else key_id(root.public_key()),
    )
    return rotation, signed


def has_root(db: Db) -> bool:
    """Whether the register has a root key (sealed to its administrators)."""
    return (
        db.execute("SELECT 1 FROM member_wraps WHERE secret_role = 'root' LIMIT 1").fetchone()
        is not None
    )


# -- on a session (the CLI and the window) -------------------------------------------------------


def member_list(session: StaffSession) -> list[Member]:
    require(session, "view")
    return session.register.call(members, "members")


def add_member(session: StaffSession, request: bytes, typed_fingerprint: str, role: str) -> Member:
    """An administrator adds the member whose join request ``request`` is."""
    require(session, "members")
    identity = read_request(request)
    actor, own = session.staff_key_id, session.keys.member_key
    assert own is not None
    return session.register.call(
        lambda db: add(db, identity, typed_fingerprint, role, actor=actor, actor_key=own),
        "add member",
    )


def remove_member(session: StaffSession, member_key_id: str) -> tuple[Rotation, Manifest]:
    """An administrator removes a member: the register's one transaction (``remove``, with
    the next manifest), then this session's keys opened anew."""
    from desktop.staff import manifest

    require(session, "members")
    manifest.session_root(session)  # a register from before manifests gets its root first
    actor, own = session.staff_key_id, session.keys.member_key
    assert own is not None
    rotation, signed = session.register.call(
        lambda db: remove(db, member_key_id, actor=actor, actor_key=own), "remove member"
    )
    session.refresh_keys()
    return rotation, signed
