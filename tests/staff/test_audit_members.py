"""``audit verify`` checks every signer against the register's members, on SQLCipher and
PostgreSQL (``desktop.staff.audit_members``). The forger in these tests holds the database
and the register's keyed-hash secret (every member does, a removed member may have kept it):
their entries have a keyed hash and a signature that verify, and their key sits in
``audit_signers``, so only the members check can name them.

Named: an entry signed by a key that is no member's (also with a ``members`` row written
into the database, and when a non-administrator's entry "adds" it), a member's signing key
changed under them, and a member's entry after their removal (by the chain's removal entry,
and by ``removed_at`` alone). Only an administrator's entry adds or removes a member.
Intact: every real member's entries, the first administrator's bootstrap, and signed
entries of a non-member key from before the register had members."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.keys import key_id, raw_public

from desktop.staff import members
from desktop.staff.dialect import Db
from desktop.staff.session import StaffSession
from desktop.storage import audit
from tests.staff.conftest import add_member, forge_signed


def _sql(staff: StaffSession, sql: str, params: tuple[Any, ...] = ()) -> None:
    """A write by someone holding the database, outside any session."""

    def run(db: Db) -> None:
        with db.transaction("tamper"):
            db.execute(sql, params)

    staff.register.backend.submit(run, "tamper").result()


def _finding(staff: StaffSession) -> tuple[int | None, str | None]:
    verdict = staff.register.verify_audit()
    return verdict.first_bad_seq, verdict.problem


def _bootstrap_seq(staff: StaffSession) -> int:
    return next(
        e.seq
        for e in staff.register.audit_entries()
        if e.action == "staff:member_added:administrator"
    )


def test_a_signer_who_is_no_member_is_named(staff_session: StaffSession) -> None:
    staff = staff_session
    assert staff.register.verify_audit().intact
    forger = Ed25519PrivateKey.generate()
    seq = forge_signed(staff, forger, "export:csv")
    assert _finding(staff) == (seq, "signer_not_member")

    # A members row written straight into the database does not make the forger a member:
    # the chain has no administrator's entry adding them.
    fake = members.identity_of("Falsk", forger, X25519PrivateKey.generate())
    _sql(
        staff,
        "INSERT INTO members (member_key_id, label, role, member_key, signing_key, added_by, "
        "added_at, removed_at) VALUES (?, ?, 'administrator', ?, ?, ?, ?, NULL)",
        (fake.key_id, fake.label, fake.member_key, fake.signing_key, staff.staff_key_id,
         "2026-01-01T00:00:00Z"),
    )  # fmt: skip
    assert _finding(staff) == (seq, "signer_not_member")


def test_a_signing_key_changed_under_a_member_is_named(staff_session: StaffSession) -> None:
    staff = staff_session
    other = raw_public(Ed25519PrivateKey.generate().public_key())
    _sql(
        staff,
        "UPDATE members SET signing_key = ? WHERE member_key_id = ?",
        (other, staff.staff_key_id),
    )
    # The first entry the member signed as a member: the bootstrap that made them one.
    assert _finding(staff) == (_bootstrap_seq(staff), "signer_key_mismatch")


def test_a_member_signing_after_their_removal_is_named(
    staff_session: StaffSession, tmp_path: Path
) -> None:
    staff = staff_session
    rita = add_member(staff)
    rita_id = key_id(rita.public_key())
    before = forge_signed(staff, rita, "view:queue")  # hers while a member: fine
    assert staff.register.verify_audit().intact

    # Marked removed in the database only (no removal in the chain): ``removed_at`` counts.
    _sql(staff, "UPDATE members SET removed_at = '2000-01-01T00:00:00Z' WHERE member_key_id = ?",
         (rita_id,))  # fmt: skip
    assert _finding(staff) == (before, "signer_removed")
    _sql(staff, "UPDATE members SET removed_at = NULL WHERE member_key_id = ?", (rita_id,))

    # A registrar's entry "removing" the administrator removes nobody, and one "adding" a
    # key makes nobody a member: only an administrator's entries do.
    forge_signed(staff, rita, f"staff:member_removed:{staff.staff_key_id}")
    staff.register.access("view:queue")  # the administrator's, after it
    assert staff.register.verify_audit().intact
    stranger = Ed25519PrivateKey.generate()
    forge_signed(staff, rita, f"staff:member_added:registrar:{key_id(stranger.public_key())}")
    assert staff.register.verify_audit().intact
    theirs = forge_signed(staff, stranger, "export:csv")
    assert _finding(staff) == (theirs, "signer_not_member")
    _sql(staff, "DELETE FROM audit_log WHERE seq = ?", (theirs,))
    assert staff.register.verify_audit().intact

    members.remove_member(staff, rita_id)
    assert staff.register.verify_audit().intact  # her entries before the removal stay valid
    after = forge_signed(staff, rita, "export:csv")  # she kept the keyed-hash secret
    assert _finding(staff) == (after, "signer_removed")
    # Even with ``removed_at`` cleared again: the chain's removal entry is what counts.
    _sql(staff, "UPDATE members SET removed_at = NULL WHERE member_key_id = ?", (rita_id,))
    assert _finding(staff) == (after, "signer_removed")


def test_signed_entries_from_before_the_register_had_members_still_verify(
    staff_session: StaffSession,
) -> None:
    """A register from before members: keyed entries signed by profiles that never became
    members come before the first administrator's bootstrap. The chain is rebuilt here with
    such entries in front, as that register's history would be; it verifies, and the same
    key signing after the bootstrap is named."""
    staff = staff_session
    old = Ed25519PrivateKey.generate()
    mac_key = staff.keys.cipher.audit_key()
    columns = "seq, at, actor, action, record_id, revision, detail, signer, signature"
    rows = staff.register.call(
        lambda db: [tuple(r) for r in db.execute(f"SELECT {columns} FROM audit_log ORDER BY seq")]
    )
    unkeyed = [r for r in rows if r[8] is None]
    keyed = [r for r in rows if r[8] is not None]
    assert keyed[0][3] == "staff:member_added:administrator"  # the register's first keyed
    legacy_at = str(keyed[0][1])
    # (row, signing key or None): the unkeyed prefix, two entries by the old profile, the rest.
    plan: list[tuple[tuple[Any, ...], Ed25519PrivateKey | None]] = [(r, None) for r in unkeyed]
    plan += [
        ((0, legacy_at, key_id(old.public_key()), f"import_batch:old-{n}", None, None, None,
          key_id(old.public_key()), b""), old)
        for n in range(2)
    ]  # fmt: skip
    plan += [(r, staff.keys.signing_key) for r in keyed]

    def rechain(db: Db) -> None:
        prev = audit.GENESIS
        with db.transaction("rechain"):
            db.execute("DELETE FROM audit_log")
            db.execute(
                "INSERT INTO audit_signers (key_id, public_key, first_seq) VALUES (?, ?, ?)",
                (key_id(old.public_key()), raw_public(old.public_key()), len(unkeyed) + 1),
            )
            for seq, (row, key) in enumerate(plan, start=1):
                if key is None:
                    entry = audit.AuditEntry(seq, *row[1:6])
                    digest, signature, detail, signer = (
                        audit.unkeyed_hash(prev, entry),
                        None,
                        None,
                        None,
                    )
                else:
                    entry = audit.AuditEntry(seq, *row[1:8])
                    digest = audit.keyed_hash(mac_key, prev, entry)
                    signature = key.sign(audit.entry_message(prev, entry, digest))
                    detail, signer = entry.detail, entry.signer
                db.execute(
                    "INSERT INTO audit_log (seq, at, actor, action, record_id, revision, "
                    "prev_hash, hash, detail, signer, signature) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (seq, entry.at, entry.actor, entry.action, entry.record_id, entry.revision,
                     prev, digest, detail, signer, signature),
                )  # fmt: skip
                prev = digest

    staff.register.backend.submit(rechain, "rechain").result()
    verdict = staff.register.verify_audit()
    assert verdict.intact, verdict
    assert verdict.entries == len(rows) + 2 and verdict.keyed_from == len(unkeyed) + 1
    late = forge_signed(staff, old, "export:csv")
    assert _finding(staff) == (late, "signer_not_member")
