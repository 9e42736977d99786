"""``sjelden staff …`` as real subprocesses against the real inbox: init, enroll code, approve,
pull, file import, queue, diff, decide, accept-clean, feedback as a file, reserve, status,
export. No national id ever appears in what the commands print."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from sjelden_protocol.keys import load_public_key

from desktop.storage import records
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import enroll, service, transport_file
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE
from tests.sync.conftest import FAST, add_completed
from tests.sync.inbox_process import InboxProcess

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}
_outputs: list[str] = []


def staff(*args: str, stdin: str = "", ok: bool = True) -> subprocess.CompletedProcess[str]:
    result = run_cli("--profile", "register", "staff", *args, stdin=stdin, env=ENV)
    _outputs.append(result.stdout + result.stderr)
    if ok:
        assert result.returncode == 0, (args, result.stdout, result.stderr)
    return result


def test_staff_commands(
    inbox_server: InboxProcess, make_profile: Callable[..., Profile], tmp_path: Path
) -> None:
    letter = tmp_path / "letter"
    init = staff(
        "init", "--key-file", "--language", "en", "--out", str(letter), "--inbox", inbox_server.url
    )
    assert "register  key id" in init.stdout and "signing   key id" in init.stdout
    assert (letter / "register.pub").exists() and (letter / "staff.pub").exists()
    inbox_server.admin("staff", "add", str(letter / "staff.pub"))

    clinic = make_profile("clinic").create(PASSPHRASE).store
    try:
        code = staff("enroll-code").stdout.strip()
        result = enroll.enroll(
            clinic,
            server_url=inbox_server.url,
            code=code,
            label="CLI-klinikken",
            register_keys=[load_public_key(letter / "register.pub")],  # type: ignore[list-item]
            staff_keys=[load_public_key(letter / "staff.pub")],  # type: ignore[list-item]
            policy=FAST,
        )
        prints = result.fingerprints
        listed = staff("installations").stdout
        assert prints.installation_key_id in listed and "pending" in listed
        wrong = staff("approve", prints.installation_key_id, "--fingerprint", "AAAA " * 8, ok=False)
        assert wrong.returncode == 1 and "fingerprint does not match" in wrong.stderr
        staff("approve", prints.installation_key_id, "--fingerprint", prints.installation)
        assert "pinned" in staff("installations").stdout

        ids = add_completed(clinic, 3, seed=5)
        service.run_sync(clinic, policy=FAST)
        pulled = staff("pull")
        assert "Imported: 1 batch with 3 registrations" in pulled.stdout
        # The same records by file: already imported, refused with its reason.
        draft = clinic.call(
            lambda c: records.new_revision(c, record_id=ids[0], author=clinic.actor)
        )
        clinic.call(
            lambda c: records.complete(
                c, record_id=ids[0], payload=dict(draft.payload, revision=2), author=clinic.actor
            )
        )
        files = transport_file.export_batches(clinic, tmp_path / "usb").files
        imported = staff("import", *map(str, files))
        assert "1 records (clean)" in imported.stdout  # revision 1 is not accepted yet
        replay = staff("import", *map(str, files), ok=False)
        assert replay.returncode == 1 and "already_imported" in replay.stderr

        queue = staff("queue").stdout
        assert all(i in queue for i in ids) and "4 pending" in queue
        refused = staff(
            "decide",
            ids[1],
            "reject",
            "--reason",
            "missing_consent",
            "--text",
            "Ring 912 34 567",
            ok=False,
        )
        assert "personal data" in refused.stderr
        staff(
            "decide", ids[1], "reject", "--reason", "missing_consent", "--text", "Samtykke mangler."
        )
        staff("decide", ids[0], "accept", "--revision", "1")
        # Decided already (by this member, here): refused with who and when, no traceback.
        again = staff("decide", ids[0], "reject", "--revision", "1", "--reason", "x", ok=False)
        assert again.returncode == 1 and "was decided by" in again.stderr
        assert "Refresh the queue" in again.stderr and "Traceback" not in again.stderr
        assert staff("diff", ids[0]).stdout == ""  # revision 2 changes nothing but its number
        assert "Accepted: 2." in staff("accept-clean").stdout  # ids[2] and revision 2 of ids[0]
        out = staff("send-feedback", "--out", str(tmp_path / "feedback")).stdout
        (feedback_file,) = (tmp_path / "feedback").glob("*.json")
        assert "2 new feedback documents; 1 file written" in out
        got = transport_file.import_file(clinic, feedback_file)
        assert (got.accepted, got.rejected) == (3, 1)  # revision 1 and 2 of ids[0], ids[2]
        assert clinic.call(lambda c: records.get(c, ids[1])).status is RecordStatus.REJECTED  # type: ignore[union-attr]
        assert clinic.call(lambda c: records.get(c, ids[0])).status is RecordStatus.ACCEPTED  # type: ignore[union-attr]

        nid = clinic.call(lambda c: records.get(c, ids[2])).payload["patient"]["national_id"]  # type: ignore[union-attr]
        reserved = staff("reserve", stdin=nid + "\n")
        assert "Deleted: 1 record," in reserved.stdout
        status = staff("status").stdout
        assert "register (sqlite): 1 records, 1 earlier revisions" in status
        assert "reservations: 1" in status
        bad = staff("reserve", stdin="12345678901\n", ok=False)
        assert bad.returncode == 1 and "not a valid national id" in bad.stderr
        export = staff("export", "research", "--out", str(tmp_path / "research.csv"), ok=False)
        # one person cannot hide among five: refused with its code, nothing written
        assert export.returncode == 1 and "(export.k_not_met)" in export.stderr
        assert not (tmp_path / "research.csv").exists()
        low = staff("export", "research", "--k", "2", "--out", str(tmp_path / "r.csv"), ok=False)
        assert low.returncode == 1 and "(export.k_too_small)" in low.stderr
        export = staff("export", "aggregate", "--out", str(tmp_path / "aggregate.csv"), ok=False)
        assert export.returncode == 0, export.stderr
        assert "Exported: 1 record." in export.stdout and (tmp_path / "aggregate.csv").exists()

        national_ids = [
            clinic.call(lambda c: records.get(c, i)).payload["patient"]["national_id"]
            for i in ids[:2]
        ]  # type: ignore[union-attr]
        for text in _outputs:
            assert nid not in text and not any(n in text for n in national_ids)
    finally:
        clinic.close()


def test_a_clinician_profile_is_not_a_staff_profile(make_profile: Callable[..., Profile]) -> None:
    assert run_cli("--profile", "klinikk", "init", "--key-file", env=ENV).returncode == 0
    result = run_cli("--profile", "klinikk", "staff", "queue", env=ENV)
    assert result.returncode == 1 and "(not_staff_profile)" in result.stderr


def test_init_with_a_bad_register_address_can_simply_be_run_again(tmp_path: Path) -> None:
    bad = staff(
        "init", "--key-file", "--out", str(tmp_path), "--register-db", "mysql://x", ok=False
    )
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert "(register_db_not_postgres)" in bad.stderr and "postgresql://" in bad.stderr
    down = "postgresql://127.0.0.1:9/register"
    unavailable = staff(
        "init", "--key-file", "--out", str(tmp_path), "--register-db", down, ok=False
    )
    assert unavailable.returncode == 1 and "(register_db_unavailable)" in unavailable.stderr
    assert (
        "Recovery key"
        in staff("init", "--key-file", "--language", "en", "--out", str(tmp_path)).stdout
    )
    assert staff("status").returncode == 0


def test_clinician_commands_refuse_a_staff_profile(tmp_path: Path) -> None:
    staff("init", "--key-file", "--language", "en", "--out", str(tmp_path))
    for command in (("sync",), ("sync-status",), ("import-receipt", str(tmp_path / "x.sjfb"))):
        result = run_cli("--profile", "register", *command, env=ENV)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        assert "registry-staff profile" in result.stderr and "Traceback" not in result.stderr
    # A profile-level check works on either kind.
    assert run_cli("--profile", "register", "unlock-check", env=ENV).returncode == 0
