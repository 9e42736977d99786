"""What the register trusts is the register's, not one PC's (issue 17): the clinics an
administrator pinned open for a reviewer on another PC, a second administrator signs the
manifest after the first one's (same root, next sequence, every member's key named), and
removing an administrator is one transaction that rotates the root, revokes their key and
the old register keys in a manifest the clinics verify against the root they pinned.

Also: a profile from before (trust rows in the profile's own tables) hands them over at
its next unlock, and keeps no copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import key_id, raw_public
from sjelden_protocol.manifest import sign_manifest, verify_manifest

from desktop.staff import decisions, keys, manifest, members, session, trust
from desktop.staff.errors import StaffError
from desktop.staff.importer import Importer
from desktop.storage.connection import Connection
from desktop.storage.profile import Profile
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic
from tests.staff.test_members import Team, _join, team

__all__ = ["team"]  # the fixture used below


@pytest.mark.postgres
def test_trust_is_shared_and_a_second_administrator_carries_it_on(
    team: Team, records: Records, make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    admin = team.admin
    clinic = pin_clinic(admin, "Fiktiv klinikk Nord")
    first = manifest.session_sign(admin)
    first_root = admin.keys.root_key
    assert first_root is not None
    named = {(k.role, k.key_id) for k in first.keys}
    # Every member's signing key is a staff key the clinics trust feedback from.
    for member in members.member_list(admin):
        assert ("staff", member.key_id) in named

    # A reviewer on another PC opens the clinic's batch: the pin is the register's.
    with session.open_session(team.profiles["reviewer"], PASSPHRASE) as reviewer:
        assert clinic.key_id in reviewer.pinned_installations()
        assert reviewer.pinned_installations()[clinic.key_id].label == "Fiktiv klinikk Nord"
        record = records.one()
        with Importer(reviewer, workers=1) as importer:
            report = importer.import_bytes(clinic.batch([record]))
        assert report.records == 1
        decisions.decide(reviewer.register, record["record_id"], "accept")
        # A reviewer signs no manifest and pins nothing.
        with pytest.raises(StaffError) as refused:
            manifest.session_sign(reviewer)
        assert refused.value.code == "role_required"

    # A second administrator joins; the next manifest is theirs, after the first one's.
    profile, request, identity = _join(make_profile, tmp_path, team.url, "admin2", "Ada Admin")
    members.add_member(admin, request.read_bytes(), identity.fingerprint, "administrator")
    with session.open_session(profile, PASSPHRASE) as second:
        assert second.keys.root_key is not None
        assert key_id(second.keys.root_key.public_key()) == key_id(first_root.public_key())
        after = manifest.session_sign(second)
        assert after.sequence == first.sequence + 1
        assert ("staff", second.staff_key_id) in {(k.role, k.key_id) for k in after.keys}
        verify_manifest(after.to_json(), first_root.public_key(), newest_sequence=first.sequence)

        # A register key made in the second administrator's profile is sealed to the members
        # at their refresh, with an entry in the register's keyed chain, signed by them.
        made = second.store.call(lambda c: keys.rotate_register_key(c, actor="t"))
        second.refresh_keys()
        assert second.keys.newest_register_key_id == made
        sealed = second.register.call(
            lambda db: db.execute(
                "SELECT signer FROM audit_log WHERE action = ?",
                (f"staff:register_key_sealed:{made}",),
            ).fetchall()
        )
        assert [row[0] for row in sealed] == [second.staff_key_id]
        assert second.register.verify_audit().intact

        # The second administrator removes the first: one transaction, the root rotated.
        gone = admin.staff_key_id
        rotation, removal = members.remove_member(second, gone)
        assert rotation.root_key_id is not None
        assert removal.sequence == after.sequence + 1
        # A clinic that pinned the first root follows the rotation, and only it.
        verified = verify_manifest(
            removal.to_json(), first_root.public_key(), newest_sequence=after.sequence
        )
        assert verified.root_key_id == rotation.root_key_id
        assert second.keys.root_key is not None
        assert key_id(second.keys.root_key.public_key()) == rotation.root_key_id
        now = removal.issued_at
        staff_keys = {k.key_id: k for k in removal.keys if k.role == "staff"}
        assert staff_keys[gone].revoked_at is not None
        assert staff_keys[second.staff_key_id].revoked_at is None
        usable = [k for k in removal.keys if k.role == "recipient" and k.usable_at(now)]
        new_public = raw_public(rotation.register_key.public_key())
        assert [k.public_key for k in usable] == [new_public]
        # The removed administrator's root signs nothing a clinic on the new root takes.
        forged = sign_manifest(
            sequence=removal.sequence + 1, issued_at=now, keys=list(removal.keys), root=first_root
        )
        with pytest.raises(ProtocolError):
            verify_manifest(forged.to_json(), second.keys.root_key.public_key(), newest_sequence=0)
        assert second.register.verify_audit().intact
    admin.close()  # the removed administrator's PC: their next unlock opens nothing
    with pytest.raises(StaffError) as caught:
        session.open_session(team.profiles["administrator"], PASSPHRASE)
    assert caught.value.code == "member_removed"


def test_a_profile_from_before_hands_its_trust_rows_to_the_register(
    make_profile: Callable[..., Profile],
) -> None:
    """The one-PC default: rows a profile kept in its own tables (before the register held
    them) are adopted at the next unlock, and deleted from the profile's tables."""
    profile = make_profile("staff")
    opened, _ = session.create(profile, PASSPHRASE)
    with opened:
        clinic = pin_clinic(opened, "Fiktiv klinikk Sør")
        signed = manifest.session_sign(opened)

        rows = opened.register.call(
            lambda db: {
                "inst": db.execute(
                    "SELECT key_id, public_key, label, pinned_at, revoked_at "
                    "FROM register_installations"
                ).fetchall(),
                "keys": db.execute(
                    "SELECT role, key_id, public_key, valid_from, valid_until, revoked_at, "
                    "added_at FROM register_manifest_keys"
                ).fetchall(),
                "docs": db.execute(
                    "SELECT sequence, document, issued_at, issued_by FROM register_manifests"
                ).fetchall(),
            }
        )

        def move(conn: Connection) -> None:
            """What a profile from before looked like: the same rows, in its own tables."""
            conn.executemany("INSERT INTO staff_installations VALUES (?, ?, ?, ?, ?)", rows["inst"])
            conn.executemany(
                "INSERT INTO staff_manifest_keys VALUES (?, ?, ?, ?, ?, ?, ?)", rows["keys"]
            )
            conn.executemany("INSERT INTO staff_manifests VALUES (?, ?, ?, ?)", rows["docs"])
            for table in ("register_installations", "register_manifest_keys", "register_manifests"):
                conn.execute(f"DELETE FROM {table}")

        opened.store.call(move, "back to the profile tables")
        assert not opened.pinned_installations()
    with session.open_session(profile, PASSPHRASE) as reopened:
        assert clinic.key_id in reopened.pinned_installations()
        assert manifest.session_latest(reopened) == signed
        assert manifest.session_sign(reopened).sequence == signed.sequence + 1
        left = reopened.store.call(trust.profile_rows, "profile trust")
        assert left == {}


def test_key_events_after_a_refresh_stay_in_the_keyed_chain(
    make_profile: Callable[..., Profile],
) -> None:
    """On the one-PC register the store's connection is the register's: a refresh of the
    session's keys keeps its signer bound, so a key event written afterwards is keyed too."""
    opened, _ = session.create(make_profile("staff"), PASSPHRASE)
    with opened:
        first = opened.store.call(lambda c: keys.rotate_register_key(c, actor="t"))
        opened.refresh_keys()
        second = opened.store.call(lambda c: keys.rotate_register_key(c, actor="t"))
        opened.refresh_keys()
        assert opened.keys.newest_register_key_id == second != first
        verdict = opened.register.verify_audit()
        assert verdict.intact, verdict
        unkeyed = opened.register.call(
            lambda db: db.execute(
                "SELECT COUNT(*) FROM audit_log WHERE signature IS NULL AND seq > 1"
            ).fetchone()[0]
        )
        assert unkeyed == 0
