"""Revocation reaches the register (issue 13 point 2), on the real inbox on 127.0.0.1 and a
real staff profile (SQLCipher, or the register in PostgreSQL).

A batch is judged at the time the inbox received it: one held before its installation was
revoked is imported and the import says so; one received after is refused
(``installation_revoked``), from the inbox (quarantined, so nothing is lost) and from a
file (a file carries no receipt time the register can trust, so it is judged at now)."""

from __future__ import annotations

import time
import uuid
from pathlib import Path

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import build_batch, key_id
from sjelden_protocol.enrollment import build_enrollment
from sjelden_protocol.keys import fingerprint, load_public_key

from desktop.staff import installations, quarantine, session
from desktop.staff.errors import BatchRefused
from desktop.staff.importer import Importer
from desktop.staff.pull import pull
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE, Records, enrolled_clinic_key, table_counts
from tests.sync.conftest import FAST
from tests.sync.inbox_process import InboxProcess


def _batch(staff: session.StaffSession, key: Ed25519PrivateKey, records: Records) -> bytes:
    recipient = staff.keys.register_keys[staff.keys.newest_register_key_id].public_key()
    return build_batch(records.many(2), batch_id=str(uuid.uuid4()), signer=key, recipient=recipient)


def _upload(url: str, data: bytes) -> int:
    from sjelden_protocol import parse_envelope

    batch_id = parse_envelope(data).header.batch_id
    return requests.put(
        f"{url}/v1/batches/{batch_id}",
        data=data,
        headers={"Content-Type": "application/octet-stream"},
        timeout=30,
    ).status_code


def test_batches_are_judged_at_the_inbox_receipt_time(
    inbox_server: InboxProcess,
    staff: session.StaffSession,
    records: Records,
    tmp_path: Path,
) -> None:
    url = inbox_server.url
    with staff.transport(FAST) as transport, Importer(staff, workers=1) as importer:
        held_before = enrolled_clinic_key(staff, transport, url)
        revoked_here = enrolled_clinic_key(staff, transport, url)
        assert _upload(url, _batch(staff, held_before, records)) == 201
        time.sleep(1.1)  # receipt times are whole seconds: the revocation comes strictly later
        # Revoked with the inbox's own tool: the pull takes the inbox's revocation time.
        inbox_server.admin("devices", "revoke", key_id(held_before.public_key()))
        # Revoked only in the register (the inbox still takes its uploads).
        installations.revoke(staff, None, key_id(revoked_here.public_key()))
        assert _upload(url, _batch(staff, revoked_here, records)) == 201
        assert _upload(url, _batch(staff, held_before, records)) == 403  # the inbox refuses

        report = pull(importer, transport)
        (imported,) = report.imported
        assert imported.installation_key_id == key_id(held_before.public_key())
        assert imported.sender_revoked_at is not None  # the import says so
        (quarantined,) = report.quarantined
        assert quarantined.reason_code == "installation_revoked"
        assert quarantined.installation_key_id == key_id(revoked_here.public_key())
        retried = quarantine.retry(importer, quarantined.quarantine_id)  # judged as pulled
        assert isinstance(retried, BatchRefused) and retried.code == "installation_revoked"
        pinned = staff.pinned_installations()
        assert pinned[key_id(held_before.public_key())].revoked_at is not None

        # From a file: judged at now, so every batch of a revoked sender is refused.
        before = table_counts(staff)
        for key in (held_before, revoked_here):
            path = tmp_path / f"{key_id(key.public_key())}.sjbt"
            path.write_bytes(_batch(staff, key, records))
            with pytest.raises(BatchRefused) as refused:
                importer.import_file(path)
            assert refused.value.code == "installation_revoked"
            assert "revoked" in refused.value.user_message("en")
        assert table_counts(staff) == before  # nothing half-written


def test_the_staff_commands_revoke_and_say_so(inbox_server: InboxProcess, tmp_path: Path) -> None:
    """``sjelden staff revoke``, ``pull`` and ``import`` as real subprocesses: the batch held
    before the revocation is imported and the pull says so; a file sent after is refused
    with its coded message."""
    env = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}

    def staff_cli(*args: str) -> tuple[int, str]:
        done = run_cli("--profile", "register", "staff", *args, env=env)
        return done.returncode, done.stdout + done.stderr

    letter = tmp_path / "letter"
    code, _ = staff_cli(
        "init", "--key-file", "--language", "en", "--out", str(letter), "--inbox", inbox_server.url
    )
    assert code == 0
    inbox_server.admin("staff", "add", str(letter / "staff.pub"))
    key = Ed25519PrivateKey.generate()
    code, enroll_code = staff_cli("enroll-code")
    answer = requests.post(
        inbox_server.url + "/v1/enrollments",
        json=build_enrollment(key, enroll_code.strip(), "Testklinikk"),
        timeout=30,
    )
    assert answer.status_code == 201, answer.text
    kid = key_id(key.public_key())
    assert staff_cli("approve", kid, "--fingerprint", fingerprint(key.public_key()))[0] == 0
    register_pub = load_public_key(letter / "register.pub")
    records = Records(seed=3)

    def batch() -> bytes:
        return build_batch(
            records.many(1),
            batch_id=str(uuid.uuid4()),
            signer=key,
            recipient=register_pub,  # type: ignore[arg-type]
        )

    assert _upload(inbox_server.url, batch()) == 201
    time.sleep(1.1)
    code, said = staff_cli("revoke", kid)
    assert code == 0 and f"Revoked: {kid}" in said
    code, said = staff_cli("pull")
    assert code == 0 and "was received before installation" in said and "is imported" in said
    late = tmp_path / "late.sjbt"
    late.write_bytes(batch())
    code, said = staff_cli("import", str(late))
    assert code == 1 and "installation_revoked" in said and "was revoked" in said
