"""Staff profiles: their kind, keys only inside the encrypted store, public key files,
rotation, and a register database bound to one set of register secrets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sjelden_inbox import cli as inbox_cli
from sjelden_protocol.keys import fingerprint, key_id, load_public_key, raw_private
from sjelden_protocol.timefmt import parse_utc

from desktop.staff import keys, schema, session
from desktop.staff.dialect import SqliteDb
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.storage.keystore import KeyringBlobStore
from desktop.storage.profile import Profile
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic


def test_profile_kind_defaults_to_clinician(make_profile: Callable[..., Profile]) -> None:
    clinician = make_profile("clinic")
    clinician.create(PASSPHRASE).store.close()
    assert clinician.kind == "clinician"
    assert json.loads((clinician.directory / "profile.json").read_text())["kind"] == "clinician"
    # A profile.json written before kinds existed is a clinician's.
    info = json.loads((clinician.directory / "profile.json").read_text())
    del info["kind"]
    (clinician.directory / "profile.json").write_text(json.dumps(info))
    assert clinician.kind == "clinician"
    with pytest.raises(StaffError) as caught:
        session.open_session(clinician, PASSPHRASE)
    assert caught.value.code == "not_staff_profile"
    with pytest.raises(ValueError):
        make_profile("odd").create(PASSPHRASE, kind="admin")


def test_staff_profile_keys_stay_inside_the_store(
    make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    profile = make_profile("staff")
    opened, recovery = session.create(profile, PASSPHRASE)
    try:
        assert profile.kind == "staff" and recovery
        register_pub, staff_pub = keys.write_public_files(opened.keys, tmp_path / "letter")
        register = load_public_key(register_pub)
        staff = load_public_key(staff_pub)
        assert isinstance(register, X25519PublicKey) and isinstance(staff, Ed25519PublicKey)
        assert key_id(register) == opened.keys.newest_register_key_id
        assert key_id(staff) == opened.staff_key_id
        # The inbox reads the same file format: `sjelden-inbox staff add staff.pub`.
        assert (
            inbox_cli.main(["staff", "add", str(staff_pub), "--data-dir", str(tmp_path / "i")]) == 0
        )
        listed = opened.store.call(keys.public_keys)
        assert opened.keys.root_key is not None
        root = opened.keys.root_key.public_key()
        assert {k.fingerprint for k in listed} == {
            fingerprint(register),
            fingerprint(staff),
            fingerprint(root),
        }
        secrets = [
            raw_private(opened.keys.signing_key),
            *(raw_private(k) for k in opened.keys.register_keys.values()),
        ]
    finally:
        opened.close()
    for path in [*profile.directory.rglob("*"), *(tmp_path / "letter").rglob("*")]:
        if path.is_file():
            data = path.read_bytes()
            assert not any(secret in data for secret in secrets), path
    # Unlocks again with the same keys.
    with session.open_session(profile, PASSPHRASE) as again:
        assert again.staff_key_id == key_id(staff)


def test_rotation_keeps_old_register_keys(
    make_profile: Callable[..., Profile], records: Records
) -> None:
    profile = make_profile("staff")
    opened, _ = session.create(profile, PASSPHRASE)
    try:
        clinic = pin_clinic(opened)  # seals to the first register key
        old_batch = clinic.batch(records.many(2))
        new_id = opened.store.call(lambda c: keys.rotate_register_key(c, actor="test"))
    finally:
        opened.close()
    with session.open_session(profile, PASSPHRASE) as rotated, Importer(rotated, workers=1) as imp:
        assert rotated.keys.newest_register_key_id == new_id
        assert len(rotated.keys.register_keys) == 2
        assert imp.import_bytes(old_batch).records == 2


@pytest.mark.postgres
def test_register_database_belongs_to_one_set_of_secrets(
    make_profile: Callable[..., Profile],
) -> None:
    from tests.inbox.conftest import postgres_schema_url

    with postgres_schema_url() as url:
        first, _ = session.create(make_profile("one"), PASSPHRASE, register_db=url)
        first.close()
        with pytest.raises(StaffError) as caught:
            session.create(make_profile("two"), PASSPHRASE, register_db=url)
        # A register with members takes only a profile an administrator added (members.add).
        assert caught.value.code == "member_not_enrolled"


def test_schema_versions_are_tracked_per_component(make_profile: Callable[..., Profile]) -> None:
    opened, _ = session.create(make_profile("staff"), PASSPHRASE)
    try:
        versions = opened.store.call(
            lambda c: {
                name: schema.current_version(SqliteDb(c), name) for name in schema.SCHEMA_VERSIONS
            }
        )
        assert versions == schema.SCHEMA_VERSIONS
        # Migrating again is a no-op; a newer file is refused with a clear code.
        opened.store.call(lambda c: schema.migrate(SqliteDb(c), "register"))
        opened.store.call(
            lambda c: c.execute("UPDATE staff_schema SET version = 99 WHERE component = 'register'")
        )
        with pytest.raises(StaffError) as caught:
            opened.store.call(lambda c: schema.migrate(SqliteDb(c), "register"))
        assert caught.value.code == "register_schema_too_new"
    finally:
        opened.close()


def _leftovers(profile: Profile) -> list[str]:
    return sorted(p.name for p in profile.directory.iterdir()) if profile.directory.exists() else []


def test_a_failed_set_up_leaves_no_half_made_profile(
    make_profile: Callable[..., Profile],
    memory_key_store: KeyringBlobStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profile = make_profile("staff")
    # A bad register address is refused before anything is created.
    with pytest.raises(StaffError) as caught:
        session.create(profile, PASSPHRASE, register_db="sqlite:///register.db")
    assert caught.value.code == "register_db_not_postgres"
    assert not profile.exists and _leftovers(profile) == []
    # A PostgreSQL that does not answer: also before any key is derived or saved.
    with pytest.raises(StaffError) as caught:
        session.create(profile, PASSPHRASE, register_db="postgresql://127.0.0.1:9/nothing")
    assert caught.value.code == "register_db_unavailable"
    assert not profile.exists and _leftovers(profile) == []

    # A failure after the store exists (here: generating the keys) removes it again.
    def broken(*args: object, **kwargs: object) -> None:
        raise StaffError("register_db_error", "simulated")

    with monkeypatch.context() as patch:
        patch.setattr(keys, "generate", broken)
        with pytest.raises(StaffError):
            session.create(profile, PASSPHRASE)
    assert not profile.exists
    assert not any(name.startswith(("store.db", "recovery")) for name in _leftovers(profile))
    assert memory_key_store._backend.entries == {}  # type: ignore[attr-defined]

    # So set-up can simply be run again, and then it is complete.
    opened, recovery = session.create(profile, PASSPHRASE)
    opened.close()
    assert profile.exists and profile.kind == "staff" and recovery
    with session.open_session(profile, PASSPHRASE) as again:
        assert again.keys.staff_key_id


def test_unlock_checks_the_kind_of_profile(make_profile: Callable[..., Profile]) -> None:
    from desktop.storage.profile import WrongProfileKind
    from desktop.storage.session import Session

    profile = make_profile("staff")
    session.create(profile, PASSPHRASE)[0].close()
    with pytest.raises(WrongProfileKind) as caught:
        profile.unlock(PASSPHRASE)  # what every clinician command does
    assert "sjelden staff" in caught.value.user_message("en")
    profile.unlock(PASSPHRASE, kind="staff").close()
    # The app's unlock screen opens either kind (and shows the kind's own window).
    app = Session(profile)
    app.unlock(PASSPHRASE)
    app.lock()


def test_one_timestamp_format_and_the_migration_to_it(
    make_profile: Callable[..., Profile], records: Records
) -> None:
    """Keys and pins are stamped as the register is (timefmt); older stamps are converted."""
    profile = make_profile("staff")
    opened, _ = session.create(profile, PASSPHRASE)
    try:
        pin_clinic(opened)
        new_id = opened.store.call(lambda c: keys.rotate_register_key(c, actor="test"))
        stamps = opened.store.call(
            lambda c: [
                str(r[0])
                for r in c.execute(
                    "SELECT created_at FROM staff_keys UNION ALL "
                    "SELECT pinned_at FROM register_installations"
                )
            ]
        )
        for stamp in stamps:
            parse_utc(stamp, what="stamp")
        # As a profile of schema 1 wrote them: microseconds and +00:00, the pin in the
        # profile's own table (where pins were kept before the register held them).
        opened.store.call(
            lambda c: (
                c.execute("UPDATE staff_keys SET created_at = '2025-01-31T12:00:00.123456+00:00'"),
                c.execute(
                    "INSERT INTO staff_installations (key_id, public_key, label, pinned_at) "
                    "SELECT key_id, public_key, label, '2025-02-01T08:30:15.5+00:00' "
                    "FROM register_installations"
                ),
                c.execute("DELETE FROM register_installations"),
                c.execute("DROP TABLE staff_manifest_keys"),
                c.execute("DROP TABLE staff_manifests"),
                c.execute("ALTER TABLE staff_installations DROP COLUMN revoked_at"),
                c.execute("UPDATE staff_schema SET version = 1 WHERE component = 'profile'"),
            )
        )
    finally:
        opened.close()
    with session.open_session(profile, PASSPHRASE) as again:
        rows = again.store.call(
            lambda c: c.execute(
                "SELECT (SELECT group_concat(DISTINCT created_at) FROM staff_keys), "
                "(SELECT group_concat(DISTINCT pinned_at) FROM register_installations), "
                "(SELECT version FROM staff_schema WHERE component = 'profile'), "
                "(SELECT COUNT(*) FROM staff_installations)"
            ).fetchone()
        )
        # Converted by the profile's migration, then handed to the register (trust.adopt).
        assert tuple(rows) == ("2025-01-31T12:00:00Z", "2025-02-01T08:30:15Z", 3, 0)
        assert again.keys.newest_register_key_id == new_id  # same stamp: made-in order holds
