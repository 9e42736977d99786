"""A staff profile: set it up, unlock it, and get everything the staff mode works with.

A staff profile is an ordinary ``Profile`` (same passphrase seal, keyring, recovery key and
SQLCipher file) whose ``profile.json`` says ``"kind": "staff"``; clinician and staff data never
share a profile. Unlocking it gives a ``StaffSession``: the profile store (keys, pinned
installations, settings), the keys in memory, and the ``Register`` on its backend (the same
SQLCipher file, or PostgreSQL when ``staff.register_db`` holds a ``postgresql://`` URL).

The register secrets in memory are the member's own wraps in the register database, opened
with the member key (``desktop.staff.members``); the session knows the member's role, which
``desktop.staff.roles.require`` checks before every command and window action.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.timefmt import now_utc

from desktop.net.http import RetryPolicy, Transport, check_server_url
from desktop.staff import keys as staff_keys
from desktop.staff import members, schema, trust
from desktop.staff.dialect import Backend, Db, PgBackend, SqliteBackend, SqliteDb
from desktop.staff.errors import StaffError
from desktop.staff.manifest import latest as manifest_latest
from desktop.staff.register import Register
from desktop.staff.roles import ADMINISTRATOR
from desktop.storage import audit
from desktop.storage.connection import Connection
from desktop.storage.profile import KeyStorage, Profile, WrongProfileKind
from desktop.storage.store import Store

INBOX_URL = "staff.inbox_url"
CA_BUNDLE = "staff.ca_bundle"
PROXY = "staff.proxy"
REGISTER_DB = "staff.register_db"


@dataclass
class StaffSession:
    """An unlocked staff profile. Close it when done (it owns two database threads)."""

    profile: Profile
    store: Store
    keys: staff_keys.StaffKeys
    register: Register
    member: members.Member

    @property
    def staff_key_id(self) -> str:
        return self.keys.staff_key_id

    @property
    def role(self) -> str:
        return self.member.role

    def refresh_keys(self) -> None:
        """Open this member's wraps again (after a key was added or the data key rotated),
        so the session and its register work with the newest secrets."""
        signing, member_key = self.keys.signing_key, self.keys.member_key
        assert member_key is not None
        identity = members.identity_of(self.member.identity.label, signing, member_key)
        # Straight on the backend: the register's own calls refuse a data key no longer current.
        self.member, self.keys = _unlock(self.store, self.register.backend, identity, signing,
                                         member_key)  # fmt: skip
        self.register.cipher = self.keys.cipher

    def setting(self, name: str) -> Any:
        return self.store.get_setting(name)

    def transport(self, policy: RetryPolicy | None = None) -> Transport:
        url = self.setting(INBOX_URL)
        if not url:
            raise StaffError("no_inbox")
        # The inbox's TLS key as the register's newest manifest pins it, as clinics do.
        newest = self.register.call(manifest_latest, "newest manifest")
        pins = frozenset() if newest is None else newest.tls_pins(now_utc())
        return Transport(
            str(url),
            ca_bundle=self.setting(CA_BUNDLE),
            proxy=self.setting(PROXY),
            policy=policy,
            tls_pins=pins,
        )

    def pinned_installations(self) -> dict[str, trust.PinnedInstallation]:
        """The installations the register trusts (shared by every member, in the register)."""
        return self.register.call(trust.pinned, "pinned installations")

    def close(self) -> None:
        try:
            self.register.close()
        finally:
            self.store.close()

    def __enter__(self) -> StaffSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _migrate_profile(conn: Connection, register_here: bool) -> None:
    db = SqliteDb(conn)
    for component in schema.dialect_components("sqlite", register_here=register_here):
        schema.migrate(db, component)


def _check_register_keys(db: Db, cipher_ids: tuple[str, str]) -> None:
    """A register database belongs to one pair of register secrets: refuse any other."""
    with db.transaction("register keys"):
        found = dict(
            (str(k), str(v))
            for k, v in db.execute(
                "SELECT key, value FROM register_meta WHERE key IN ('data_key_id', 'hmac_key_id')"
            ).fetchall()
        )
        wanted = {"data_key_id": cipher_ids[0], "hmac_key_id": cipher_ids[1]}
        if not found:
            db.executemany(
                "INSERT INTO register_meta (key, value) VALUES (?, ?)", list(wanted.items())
            )
        elif found != wanted:
            raise StaffError("register_key_mismatch")


def check_register_db(url: str | None) -> None:
    """``StaffError('register_db_not_postgres')`` unless ``url`` is empty or PostgreSQL's."""
    if url and not url.startswith(("postgresql://", "postgres://")):
        raise StaffError("register_db_not_postgres")


def _unlock(
    store: Store,
    backend: Backend,
    identity: members.Identity,
    signing: Ed25519PrivateKey,
    member_key: X25519PrivateKey,
) -> tuple[members.Member, staff_keys.StaffKeys]:
    """The member's unlock on ``backend`` (one transaction), then what the profile hands
    over: its copies of retired register keys deleted, and, for an administrator, the trust
    rows it held before the register did (``desktop.staff.trust.adopt``)."""
    held = store.call(staff_keys.profile_secrets, "profile secrets")
    unlocked = backend.submit(
        lambda db: members.unlock(db, identity, member_key, held, signing), "member unlock"
    ).result()
    loaded = staff_keys.assemble(signing, member_key, unlocked.secrets)
    gone, actor = set(unlocked.retired), loaded.staff_key_id
    if gone & {s.key_id for s in held if s.role == "register"}:
        store.call(lambda c: staff_keys.forget_retired(c, gone, actor=actor), "forget retired keys")
    if unlocked.member.role == ADMINISTRATOR:
        rows = store.call(trust.profile_rows, "profile trust")
        if rows:
            backend.submit(lambda db: trust.adopt(db, rows), "adopt profile trust").result()
            store.call(lambda c: trust.forget_profile_rows(c, rows), "forget adopted trust")
    return unlocked.member, loaded


def _open_register(profile: Profile, store: Store, backend: Backend) -> StaffSession:
    """The session on ``backend``, whose schema, member and register keys are checked first."""
    try:
        if backend.dialect == "postgresql":
            for component in schema.REGISTER_COMPONENTS:
                backend.submit(partial(schema.migrate, component=component), "schema").result()
        signing, member_key = store.call(
            lambda c: staff_keys.own(c, actor=store.actor), "member key"
        )
        identity = members.identity_of(profile.directory.name, signing, member_key)
        member, loaded = _unlock(store, backend, identity, signing, member_key)
        ids = (loaded.cipher.data_key_id, loaded.cipher.hmac_key_id)
        backend.submit(lambda db: _check_register_keys(db, ids), "register keys").result()
    except BaseException:
        backend.close()
        raise
    signer = audit.Signer(loaded.cipher.audit_key(), loaded.signing_key)
    register = Register(backend, loaded.cipher, actor=loaded.staff_key_id, signer=signer)
    if backend.dialect == "sqlite":
        # The register shares the profile's file and audit_log there: key events written on
        # the store's connection (desktop.staff.keys) join the keyed chain too.
        store.call(lambda conn: audit.act_as(conn, signer), "audit signer")
    return StaffSession(profile, store, loaded, register, member)


def _open_session(profile: Profile, store: Store) -> StaffSession:
    register_db = store.get_setting(REGISTER_DB)
    store.call(lambda c: _migrate_profile(c, not register_db), "staff schema")
    backend: Backend = PgBackend(register_db) if register_db else SqliteBackend(store)
    return _open_register(profile, store, backend)


def create(
    profile: Profile,
    passphrase: str,
    *,
    key_storage: KeyStorage = "keyring",
    language: str = "nb",
    inbox_url: str | None = None,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    register_db: str | None = None,
) -> tuple[StaffSession, str]:
    """Set up a staff profile with fresh keys; returns the session and the recovery key.

    The register database is checked (and PostgreSQL connected) before anything is created,
    and the keys and register are set up before ``profile.json`` is written: a failure leaves
    no half-made profile behind, so ``staff init`` can simply be run again.
    """
    check_register_db(register_db)
    if inbox_url:
        check_server_url(inbox_url)
    # Connected first: a PostgreSQL that is down or refuses us costs no key derivation.
    pg = PgBackend(register_db) if register_db else None
    opened: list[StaffSession] = []

    def setup(store: Store) -> None:
        configure(
            store, inbox_url=inbox_url, ca_bundle=ca_bundle, proxy=proxy, register_db=register_db
        )
        store.call(lambda c: _migrate_profile(c, pg is None), "staff schema")
        store.call(lambda c: staff_keys.generate(c, actor=store.actor), "staff keys")
        backend: Backend = pg if pg is not None else SqliteBackend(store)
        opened.append(_open_register(profile, store, backend))

    try:
        result = profile.create(
            passphrase, key_storage=key_storage, language=language, kind="staff", setup=setup
        )
    except BaseException:
        if opened:
            opened[0].register.close()
        elif pg is not None:
            pg.close()
        raise
    return opened[0], result.recovery_key


def create_join(
    profile: Profile,
    passphrase: str,
    label: str,
    request_path: Path,
    *,
    register_db: str,
    key_storage: KeyStorage = "keyring",
    language: str = "nb",
    inbox_url: str | None = None,
    ca_bundle: str | None = None,
    proxy: str | None = None,
) -> tuple[members.Identity, str]:
    """Set up a profile to join a register: its own signing and member keys, no register
    secrets, and the join request at ``request_path`` for an administrator (``staff member
    add``). Returns the request's identity and the recovery key; nothing is left behind
    when any step fails. The member's first unlock after being added opens their wraps."""
    if not register_db:
        raise StaffError("join_needs_register_db")
    check_register_db(register_db)
    if inbox_url:
        check_server_url(inbox_url)
    made: list[members.Identity] = []

    def setup(store: Store) -> None:
        configure(
            store, inbox_url=inbox_url, ca_bundle=ca_bundle, proxy=proxy, register_db=register_db
        )
        store.call(lambda c: _migrate_profile(c, False), "staff schema")
        store.call(lambda c: staff_keys.generate(c, actor=store.actor, join=True), "staff keys")
        signing, member_key = store.call(lambda c: staff_keys.own(c, actor=store.actor))
        identity = members.identity_of(label, signing, member_key)
        members.write_request(identity, request_path)
        made.append(identity)

    result = profile.create(
        passphrase, key_storage=key_storage, language=language, kind="staff", setup=setup
    )
    result.store.close()
    return made[0], result.recovery_key


def configure(store: Store, **values: str | None) -> None:
    """Set the inbox URL, CA bundle, proxy or register database (``None`` leaves a value)."""
    names = {
        "inbox_url": INBOX_URL,
        "ca_bundle": CA_BUNDLE,
        "proxy": PROXY,
        "register_db": REGISTER_DB,
    }
    check_register_db(values.get("register_db"))
    inbox_url = values.get("inbox_url")
    if inbox_url:
        check_server_url(inbox_url)  # https:// unless this machine's loopback
    for key, value in values.items():
        if value is not None:
            store.put_setting(names[key], value or None)


def open_session(profile: Profile, passphrase: str) -> StaffSession:
    """Unlock a staff profile (``StaffError('not_staff_profile')`` for a clinician's)."""
    try:
        store = profile.unlock(passphrase, kind="staff")
    except WrongProfileKind:
        raise StaffError("not_staff_profile") from None
    try:
        return _open_session(profile, store)
    except BaseException:
        store.close()
        raise


def attach(profile: Profile, store: Store) -> StaffSession:
    """A staff session on a store the caller already unlocked (the app's unlock screen).

    The caller keeps owning ``store``: closing the session closes it too, and locking the
    store (auto-lock) must be followed by ``session.register.close()``.
    """
    if profile.kind != "staff":
        raise StaffError("not_staff_profile")
    return _open_session(profile, store)
