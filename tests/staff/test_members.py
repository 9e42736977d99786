"""Staff members as people (issue 17 point 1): three members (administrator, registrar,
reviewer) on one real PostgreSQL register, each with their own profile and keys; roles
checked; a removed member who can open nothing, not even with the wrap bytes and data key
they held; a fingerprint that does not match refused; the one-PC SQLCipher default as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sjelden_protocol.envelope import hpke_open

from desktop.staff import crypto, keys, members, roles, session
from desktop.staff.decisions import decide
from desktop.staff.dialect import Db
from desktop.staff.errors import BatchRefused, StaffError
from desktop.staff.importer import Importer
from desktop.staff.quarantine import envelope
from desktop.staff.quarantine import put as quarantine_put
from desktop.staff.session import StaffSession
from desktop.storage.profile import Profile
from tests.inbox.conftest import postgres_schema_url
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic, revised


@dataclass
class Team:
    url: str
    admin: StaffSession
    profiles: dict[str, Profile]
    requests: dict[str, Path]


def _join(
    make_profile: Callable[..., Profile], tmp_path: Path, url: str, name: str, label: str
) -> tuple[Profile, Path, members.Identity]:
    profile = make_profile(name)
    request = tmp_path / f"{name}.join.json"
    identity, _ = session.create_join(profile, PASSPHRASE, label, request, register_db=url)
    return profile, request, identity


@pytest.fixture
def team(make_profile: Callable[..., Profile], tmp_path: Path) -> Iterator[Team]:
    """An administrator who set up the register, and a registrar and a reviewer added by them."""
    with postgres_schema_url() as url:
        admin, _ = session.create(make_profile("admin"), PASSPHRASE, register_db=url)
        try:
            profiles, requests = {"administrator": make_profile("admin")}, {}
            for role, label in (("registrar", "Rita Registerfører"), ("reviewer", "Vera Vurder")):
                profile, request, identity = _join(make_profile, tmp_path, url, role, label)
                members.add_member(admin, request.read_bytes(), identity.fingerprint, role)
                profiles[role], requests[role] = profile, request
            yield Team(url, admin, profiles, requests)
        finally:
            admin.close()


def _fill(staff: StaffSession, records: Records) -> dict[str, object]:
    """Sealed rows in every table that holds any: records with history, a pending item, a
    quarantined batch, letters queued at acceptance. Returns the accepted record's payload."""
    clinic = pin_clinic(staff)
    first, second, pending = records.many(3)
    with Importer(staff, workers=1) as imp:
        imp.import_bytes(clinic.batch([first, second]))
        for record in (first, second):
            decide(staff.register, record["record_id"], "accept")
        imp.import_bytes(clinic.batch([revised(first), pending]))
    decide(staff.register, first["record_id"], "accept")
    refused = BatchRefused("decryption_failed", batch_id="kept-aside")
    cipher = staff.register.cipher
    staff.register.call(
        lambda db: quarantine_put(
            db, cipher, b"not a batch at all", refused, source="inbox", actor="test"
        )
    )
    current = staff.register.current(first["record_id"])
    assert current is not None and current.revision == 2
    return {"record_id": first["record_id"], "payload": current.payload}


def _sealed(db: Db) -> list[tuple[bytes, bytes]]:
    """Every sealed value in the register with the additional data it is bound to."""
    out = []
    for table, columns, column, associated in members.SEALED:
        rows = db.execute(
            f"SELECT {', '.join(columns)}, {column} FROM {table} WHERE {column} IS NOT NULL"
        ).fetchall()
        out += [(bytes(r[-1]), associated(tuple(r[: len(columns)]))) for r in rows]
    return out


def _sealed_tables(db: Db) -> set[str]:
    return {
        table
        for table, _, column, _ in members.SEALED
        if db.execute(f"SELECT 1 FROM {table} WHERE {column} IS NOT NULL LIMIT 1").fetchone()
    }


@pytest.mark.postgres
def test_three_members_unlock_with_their_own_keys_and_roles(team: Team, records: Records) -> None:
    filled = _fill(team.admin, records)
    listed = members.member_list(team.admin)
    assert sorted(m.role for m in listed) == ["administrator", "registrar", "reviewer"]
    admin_ids = (team.admin.keys.cipher.data_key_id, team.admin.keys.cipher.hmac_key_id)
    for role in ("registrar", "reviewer"):
        with session.open_session(team.profiles[role], PASSPHRASE) as opened:
            assert opened.role == role
            # The register's secrets came from the member's own wraps, not from their profile.
            held = opened.store.call(
                lambda c: {str(r[0]) for r in c.execute("SELECT role FROM staff_keys")}
            )
            assert held == {"signing", "member"}
            assert (opened.keys.cipher.data_key_id, opened.keys.cipher.hmac_key_id) == admin_ids
            assert opened.keys.root_key is None  # only administrators hold the root
            record = opened.register.current(str(filled["record_id"]))
            assert record is not None and record.payload == filled["payload"]
            assert opened.staff_key_id != team.admin.staff_key_id


@pytest.mark.postgres
def test_a_reviewer_cannot_export_reserve_or_add_members(team: Team) -> None:
    with session.open_session(team.profiles["reviewer"], PASSPHRASE) as reviewer:
        roles.require(reviewer, "decide")
        for action, needed in (("export", "registrar"), ("reserve", "registrar"),
                               ("letters", "registrar"), ("members", "administrator")):  # fmt: skip
            with pytest.raises(StaffError) as caught:
                roles.require(reviewer, action)  # type: ignore[arg-type]
            assert caught.value.code == "role_required"
            assert needed in caught.value.user_message("nb")
            assert needed in caught.value.user_message("en")
        before = len(members.member_list(reviewer))
        with pytest.raises(StaffError, match="role_required"):
            members.add_member(reviewer, team.requests["registrar"].read_bytes(), "x", "reviewer")
        assert len(members.member_list(reviewer)) == before
    with session.open_session(team.profiles["registrar"], PASSPHRASE) as registrar:
        roles.require(registrar, "export")
        roles.require(registrar, "reserve")
        with pytest.raises(StaffError, match="role_required"):
            roles.require(registrar, "members")


@pytest.mark.postgres
def test_a_removed_member_can_open_nothing(team: Team, records: Records) -> None:
    filled = _fill(team.admin, records)
    with session.open_session(team.profiles["reviewer"], PASSPHRASE) as reviewer:
        gone = reviewer.staff_key_id
        member_key = reviewer.keys.member_key
        assert member_key is not None
    # What the reviewer could have copied out of the database before: their wraps, and the
    # sealed payloads, which the data key in those wraps opens.
    old_wraps = team.admin.register.call(
        lambda db: db.execute(
            "SELECT secret_role, secret_key_id, wrapped FROM member_wraps WHERE member_key_id = ?",
            (gone,),
        ).fetchall()
    )
    old_data = next(
        hpke_open(bytes(w), member_key, crypto.aad("member-wrap", gone, r, k))
        for r, k, w in old_wraps
        if r == "data"
    )
    old_cipher = crypto.RegisterCipher(old_data, b"\x00" * 32)
    before = team.admin.register.call(_sealed)
    assert all(old_cipher.open_bytes(sealed, data) for sealed, data in before)
    assert team.admin.register.call(_sealed_tables) == {t for t, *_ in members.SEALED}
    old_register_keys = set(team.admin.keys.register_keys)

    rotation, manifest = members.remove_member(team.admin, gone)

    assert rotation.resealed == len(before)
    with pytest.raises(StaffError) as caught:
        session.open_session(team.profiles["reviewer"], PASSPHRASE)
    assert caught.value.code == "member_removed"
    assert "fjernet" in caught.value.user_message("nb")
    left = team.admin.register.call(
        lambda db: db.execute(
            "SELECT count(*) FROM member_wraps WHERE member_key_id = ?", (gone,)
        ).fetchone()[0]
    )
    assert left == 0
    after = team.admin.register.call(_sealed)
    assert len(after) == len(before)
    for sealed, data in after:
        with pytest.raises(StaffError, match="register_db_error"):
            old_cipher.open_bytes(sealed, data)
        team.admin.keys.cipher.open_bytes(sealed, data)
    meta = team.admin.register.call(
        lambda db: db.execute(
            "SELECT value FROM register_meta WHERE key = 'data_key_id'"
        ).fetchone()[0]
    )
    assert (
        meta == rotation.data_key_id == team.admin.keys.cipher.data_key_id != old_cipher.data_key_id
    )
    # A new register key for the clinics; every older one revoked in the manifest.
    new_key = team.admin.keys.newest_register_key_id
    assert new_key not in old_register_keys
    usable = manifest.usable("recipient", manifest.issued_at)
    assert [k.key_id for k in usable] == [new_key]
    # The members who stay open everything with the new data key.
    with session.open_session(team.profiles["registrar"], PASSPHRASE) as registrar:
        assert registrar.keys.cipher.data_key_id == rotation.data_key_id
        assert registrar.keys.newest_register_key_id == new_key
        record = registrar.register.current(str(filled["record_id"]))
        assert record is not None and record.payload == filled["payload"]
        assert len(registrar.register.history(str(filled["record_id"]))) == 1
    listed = {m.key_id: m for m in members.member_list(team.admin)}
    assert listed[gone].removed_at is not None


@pytest.mark.postgres
def test_a_fingerprint_that_does_not_match_is_refused(
    team: Team, make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    profile, request, identity = _join(make_profile, tmp_path, team.url, "late", "Sen Senere")
    wrong = "AAAA " * 8
    for typed in (wrong, members.Identity("x", identity.signing_key, b"\x09" * 32).fingerprint):
        with pytest.raises(StaffError) as caught:
            members.add_member(team.admin, request.read_bytes(), typed, "reviewer")
        assert caught.value.code == "member_fingerprint_mismatch"
    assert identity.key_id not in {m.key_id for m in members.member_list(team.admin)}
    with pytest.raises(StaffError) as refused:
        session.open_session(profile, PASSPHRASE)
    assert refused.value.code == "member_not_enrolled"
    # Spaces and case do not matter when read out.
    members.add_member(team.admin, request.read_bytes(), identity.fingerprint.lower(), "reviewer")
    with session.open_session(profile, PASSPHRASE) as joined:
        assert joined.role == "reviewer"


def test_join_requests_are_checked(tmp_path: Path) -> None:
    for data in (b"", b"{}", b'{"format": "sjelden-staff-join-request", "version": 1}',
                 b'{"format": "sjelden-staff-join-request", "version": 1, "label": "A", '
                 b'"signing_key": "AAAA", "member_key": "AAAA"}'):  # fmt: skip
        with pytest.raises(StaffError) as caught:
            members.read_request(data)
        assert caught.value.code == "join_request_invalid"


def test_the_one_pc_sqlcipher_register_is_its_own_administrator(
    make_profile: Callable[..., Profile], records: Records
) -> None:
    profile = make_profile("staff")
    opened, _ = session.create(profile, PASSPHRASE)
    try:
        filled = _fill(opened, records)
        assert opened.role == "administrator"
        assert [m.key_id for m in members.member_list(opened)] == [opened.staff_key_id]
        # A profile from before members: no member key, no members tables yet.
        opened.store.call(
            lambda c: (
                c.execute("DROP TABLE member_wraps"),
                c.execute("DROP TABLE members"),
                c.execute("DELETE FROM staff_schema WHERE component = 'members'"),
                c.execute("DELETE FROM staff_keys WHERE role = 'member'"),
            )
        )
    finally:
        opened.close()
    with session.open_session(profile, PASSPHRASE) as again:
        assert again.role == "administrator"
        assert again.keys.member_key is not None
        record = again.register.current(str(filled["record_id"]))
        assert record is not None and record.payload == filled["payload"]
        roles.require(again, "members")
        wrapped = again.register.call(
            lambda db: {str(r[0]) for r in db.execute("SELECT secret_role FROM member_wraps")}
        )
        assert wrapped == {"register", "data", "hmac", "root"}


@pytest.mark.postgres
def test_a_session_opened_before_a_rotation_writes_nothing_under_the_old_key(
    team: Team, records: Records
) -> None:
    _fill(team.admin, records)
    refused = BatchRefused("decryption_failed", batch_id="later")
    with session.open_session(team.profiles["registrar"], PASSPHRASE) as registrar:
        with session.open_session(team.profiles["reviewer"], PASSPHRASE) as reviewer:
            gone = reviewer.staff_key_id
        members.remove_member(team.admin, gone)
        count = team.admin.register.counts().quarantined

        def put(db: Db) -> object:
            cipher = registrar.register.cipher
            return quarantine_put(db, cipher, b"later bytes", refused, source="inbox", actor="t")

        with pytest.raises(StaffError) as caught:
            registrar.register.call(put)
        assert caught.value.code == "register_key_rotated"
        assert team.admin.register.counts().quarantined == count
        registrar.refresh_keys()
        held = registrar.register.call(put)
    cipher = team.admin.register.cipher
    assert (
        team.admin.register.call(
            lambda db: envelope(db, cipher, held.quarantine_id)  # type: ignore[attr-defined]
        )
        == b"later bytes"
    )


def test_every_seal_under_the_data_key_is_re_sealed_at_a_removal() -> None:
    """A payload sealed with the register cipher anywhere in desktop/staff must be bound by one
    of the additional-data functions ``members.SEALED`` re-seals with; a new sealed column
    without a row there would stay under a data key a removed member may hold."""
    import ast

    root = Path(__file__).resolve().parents[2] / "desktop" / "staff"
    covered = {"record_aad", "item_aad", "envelope_aad", "detail_aad"}
    source = (root / "members.py").read_text("utf-8")
    assert all(f".{name}(" in source for name in covered)
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("seal", "seal_bytes")
                and "cipher" in ast.unparse(node.func.value)
                and len(node.args) == 2
            ):
                bound = node.args[1]
                name = ast.unparse(bound.func) if isinstance(bound, ast.Call) else "?"
                found.add((path.name, name.rsplit(".", 1)[-1]))
    assert found, "no seal call found: the scan is broken"
    assert {name for _, name in found} <= covered, found


@pytest.mark.postgres
def test_a_register_key_rotated_by_an_administrator_reaches_every_member(team: Team) -> None:
    actor = team.admin.staff_key_id
    new_id = team.admin.store.call(lambda c: keys.rotate_register_key(c, actor=actor))
    team.admin.refresh_keys()
    assert team.admin.keys.newest_register_key_id == new_id
    for role in ("registrar", "reviewer"):
        with session.open_session(team.profiles[role], PASSPHRASE) as opened:
            assert opened.keys.newest_register_key_id == new_id
            assert len(opened.keys.register_keys) == 2
            assert opened.keys.root_key is None
