"""Retiring an old register key (issue 15: the register need not keep every private key):
refused while it can still be needed, then gone from every member's wraps and the profile,
never sealed to the members again, and a batch sealed to it no longer opens. Both backends."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop.staff import key_retirement, keys, manifest, quarantine, session
from desktop.staff.errors import BatchRefused, StaffError
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from desktop.storage.profile import Profile
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic


def _code(staff: StaffSession, key_id: str) -> str:
    with pytest.raises(StaffError) as caught:
        key_retirement.retire(staff, key_id)
    return caught.value.code


def _wrapped(staff: StaffSession, key_id: str) -> int:
    return int(
        staff.register.call(
            lambda db: db.execute(
                "SELECT count(*) FROM member_wraps WHERE secret_key_id = ?", (key_id,)
            ).fetchone()[0]
        )
    )


def _in_profile(staff: StaffSession, key_id: str) -> bool:
    return bool(
        staff.store.call(
            lambda c: c.execute("SELECT 1 FROM staff_keys WHERE key_id = ?", (key_id,)).fetchone()
        )
    )


def test_an_old_register_key_is_retired_only_when_nothing_needs_it(
    staff_session: StaffSession, records: Records
) -> None:
    staff, actor = staff_session, staff_session.staff_key_id
    old_clinic = pin_clinic(staff)  # seals to the first register key
    old = staff.keys.newest_register_key_id
    manifest.session_sign(staff)
    new = staff.store.call(lambda c: keys.rotate_register_key(c, actor=actor))
    staff.refresh_keys()  # the new key sealed to the members
    assert staff.keys.newest_register_key_id == new and old in staff.keys.register_keys
    with Importer(staff, workers=1) as importer:  # the old key still opens its batches
        importer.import_bytes(old_clinic.batch([records.one()]))

    assert _code(staff, new) == "register_key_in_use"
    assert _code(staff, "0" * 32) == "unknown_register_key"
    # The newest manifest still tells clinics to seal to it.
    assert _code(staff, old) == "register_key_announced"
    manifest.session_revoke(staff, old)
    manifest.session_sign(staff)
    # A quarantined batch sealed to it still needs it.
    refused = BatchRefused("installation_not_approved", batch_id="kept-aside")
    cipher = staff.register.cipher
    held = staff.register.call(
        lambda db: quarantine.put(
            db, cipher, old_clinic.batch([records.one()]), refused, source="file", actor=actor
        )
    )
    assert _code(staff, old) == "register_key_still_needed"
    assert _wrapped(staff, old) == 1 and old in staff.keys.register_keys
    staff.register.call(lambda db: quarantine.discard(db, held.quarantine_id, actor))

    assert key_retirement.retire(staff, old) == 1
    assert old not in staff.keys.register_keys and new in staff.keys.register_keys
    assert _wrapped(staff, old) == 0 and not _in_profile(staff, old)
    with Importer(staff, workers=1) as importer, pytest.raises(BatchRefused) as caught:
        importer.import_bytes(old_clinic.batch([records.one()]))
    assert caught.value.code == "wrong_recipient"
    actions = [e.action for e in staff.register.audit_entries()]
    assert f"staff:register_key_retired:{old}" in actions
    assert staff.register.verify_audit().intact
    assert _code(staff, old) == "unknown_register_key"


def test_a_retired_key_is_never_sealed_to_the_members_again(
    staff_session: StaffSession, records: Records
) -> None:
    """An administrator's profile that still holds a copy (retired by another PC) forgets it
    at its next unlock instead of sealing it to the members again."""
    staff, actor = staff_session, staff_session.staff_key_id
    old = staff.keys.newest_register_key_id
    staff.store.call(lambda c: keys.rotate_register_key(c, actor=actor))
    staff.refresh_keys()
    # Retired on the register only, as from another administrator's PC: this profile's copy
    # stays until it unlocks again.
    staff.register.call(
        lambda db: (
            db.execute(
                "DELETE FROM member_wraps WHERE secret_role = 'register' AND secret_key_id = ?",
                (old,),
            ).rowcount
        )
    )
    from desktop.staff import members

    def mark(db: object) -> None:
        with db.transaction("retire"):  # type: ignore[attr-defined]
            members.mark_retired(db, old, "2026-12-03T12:00:00Z")  # type: ignore[arg-type]

    staff.register.call(mark)
    assert _in_profile(staff, old)
    profile = staff.profile
    staff.close()
    with session.open_session(profile, PASSPHRASE) as again:
        assert old not in again.keys.register_keys
        assert _wrapped(again, old) == 0 and not _in_profile(again, old)


def test_the_retire_command_names_what_stops_it(tmp_path: Path) -> None:
    """``sjelden staff retire-register-key`` as a real subprocess: the only register key is
    refused, an unknown one named, each with its code and no traceback."""
    env = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}

    def staff(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli("--profile", "register", "staff", *args, env=env)

    init = staff("init", "--key-file", "--language", "en", "--out", str(tmp_path / "letter"))
    assert init.returncode == 0, init.stderr
    with session.open_session(Profile.named("register"), PASSPHRASE) as opened:
        only = opened.keys.newest_register_key_id
    in_use = staff("retire-register-key", only)
    assert in_use.returncode == 1 and "(register_key_in_use)" in in_use.stderr
    unknown = staff("retire-register-key", "0" * 32)
    assert unknown.returncode == 1 and "(unknown_register_key)" in unknown.stderr
    assert "Traceback" not in in_use.stderr + unknown.stderr
