"""``sjelden staff audit verify | checkpoint | report`` as real subprocesses on a real staff
profile: intact (exit 0, bokmål and English), an export refused without ``--reason`` and
then counted in the report, and a row rewritten in the database named with its code."""

from __future__ import annotations

import subprocess
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop.staff import session
from desktop.staff.dialect import Db
from desktop.storage.profile import Profile
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE, forge_signed

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}


def staff(*args: str, lang: str = "en") -> subprocess.CompletedProcess[str]:
    return run_cli("--profile", "register", "staff", *args, env={**ENV, "SJELDEN_LANG": lang})


def test_audit_verify_report_and_a_rewritten_row(tmp_path: Path) -> None:
    init = staff("init", "--key-file", "--language", "en", "--out", str(tmp_path / "letter"))
    assert init.returncode == 0, init.stderr

    intact = staff("audit", "verify")
    assert intact.returncode == 0, intact.stderr
    assert intact.stdout.startswith("The audit log is intact:")
    norsk = staff("audit", "verify", lang="nb")
    assert norsk.returncode == 0 and norsk.stdout.startswith("Revisjonsloggen er intakt:")

    out = tmp_path / "registeret.csv"
    refused = staff("export", "csv", "--out", str(out))
    assert refused.returncode == 1 and "(export_reason_missing)" in refused.stderr
    assert not out.exists()
    exported = staff("export", "csv", "--out", str(out), "--reason", "Kvalitetskontroll")
    assert exported.returncode == 0, exported.stderr
    assert out.exists()
    mark = staff("audit", "checkpoint")
    assert mark.returncode == 0 and mark.stdout.startswith("Checkpoint signed for entry no.")

    report = staff("audit", "report")
    assert report.returncode == 0, report.stderr
    lines = report.stdout.splitlines()
    assert lines[0] == "month  staff member (key id)  action  count"
    assert any(line.endswith("  export:csv  1") for line in lines[1:])
    bad_month = staff("audit", "report", "--month", "2026-13")
    assert bad_month.returncode == 1 and "(bad_audit_month)" in bad_month.stderr
    assert staff("audit", "report", "--month", "1999-01").stdout.startswith("No audit log")

    # Someone with the database rewrites the export's entry (no key: the hash stays).
    opened = session.open_session(Profile.named("register"), PASSPHRASE)
    try:
        seq = next(e.seq for e in opened.register.audit_entries() if e.action == "export:csv")

        def rewrite(db: Db) -> None:
            with db.transaction("tamper"):
                db.execute("UPDATE audit_log SET action = 'export:aggregate' WHERE seq = ?", (seq,))

        opened.register.backend.submit(rewrite, "tamper").result()
    finally:
        opened.close()
    broken = staff("audit", "verify")
    assert broken.returncode == 1
    assert f"First fault in the audit log: entry no. {seq} (hash_mismatch)." in broken.stderr
    assert "(audit_broken)" in broken.stderr


def test_audit_verify_names_an_entry_signed_by_no_member(tmp_path: Path) -> None:
    """Someone with the database and the register's secret adds a key of their own to
    ``audit_signers`` and signs an entry with it: everything about the entry verifies but
    its signer, and ``audit verify`` names that (``desktop.staff.audit_members``)."""
    init = staff("init", "--key-file", "--language", "en", "--out", str(tmp_path / "letter"))
    assert init.returncode == 0, init.stderr
    with session.open_session(Profile.named("register"), PASSPHRASE) as opened:
        seq = forge_signed(opened, Ed25519PrivateKey.generate(), "export:csv")
    broken = staff("audit", "verify")
    assert broken.returncode == 1 and "(audit_broken)" in broken.stderr
    assert f"First fault in the audit log: entry no. {seq} (signer_not_member)." in broken.stderr
    norsk = staff("audit", "verify", lang="nb")
    assert f"oppføring nr. {seq} (signer_not_member)" in norsk.stderr
    assert "ikke tilhører et medlem av" in norsk.stderr
