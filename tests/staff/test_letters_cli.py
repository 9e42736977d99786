"""``sjelden staff letters list``, ``print`` and ``mark-sent`` as real subprocesses (issue 17
point 4): a staff profile whose register holds accepted, letter-ready records, the PDF
from Qt's writer in the child process, 0600, the counts moving as the run is printed and
sent, a bad limit refused with its code. No national id or name in what the commands print."""

from __future__ import annotations

import re
import stat
import subprocess
from pathlib import Path

import pytest

from desktop.staff import session
from desktop.staff.importer import Importer
from desktop.storage.profile import Profile
from tests.helpers.cli import run_cli
from tests.helpers.letters import accept_all, letter_ready, pdf_pages
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic

ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en", "QT_QPA_PLATFORM": "offscreen"}


def letters_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--profile", "register", "staff", "letters", *args, env=ENV)


def test_list_print_and_mark_sent_through_the_cli(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    records = Records(seed=23)
    people = [letter_ready(records.one()) for _ in range(3)]
    opened, _ = session.create(
        Profile.named("register", kdf_target_seconds=0.05), PASSPHRASE, key_storage="file"
    )
    try:
        clinic = pin_clinic(opened)
        with Importer(opened, workers=1) as importer:
            importer.import_bytes(clinic.batch(people))
        accept_all(opened)
    finally:
        opened.close()

    listed = letters_cli("list")
    assert listed.returncode == 0, listed.stderr
    assert "pending: 3, printed (not sent): 0, sent: 0" in listed.stdout

    bad = letters_cli("print", "--out", str(tmp_path / "bad.pdf"), "--limit", "0")
    assert bad.returncode == 1 and "at least 1" in bad.stderr
    assert "Traceback" not in bad.stderr and not (tmp_path / "bad.pdf").exists()

    out = tmp_path / "run.pdf"
    printed = letters_cli("print", "--out", str(out), "--limit", "2")
    assert printed.returncode == 0, printed.stderr
    found = re.search(r"Letter run (\S+): 2 letters, (\d+) pages", printed.stdout)
    assert found, printed.stdout
    run_id, pages = found.group(1), int(found.group(2))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF") and pdf_pages(out) == pages >= 2
    listed = letters_cli("list")
    assert "pending: 1, printed (not sent): 2, sent: 0" in listed.stdout
    assert run_id in listed.stdout and "runs not marked sent: 1" in listed.stdout

    assert letters_cli("mark-sent", run_id).returncode == 0
    listed = letters_cli("list")
    assert "pending: 1, printed (not sent): 0, sent: 2" in listed.stdout
    unknown = letters_cli("mark-sent", "no-such-run")
    assert unknown.returncode == 1 and "no letter run with that id" in unknown.stderr

    said = printed.stdout + printed.stderr + listed.stdout + bad.stderr + unknown.stderr
    for person in people:
        assert person["patient"]["national_id"] not in said
        assert person["patient"]["family_name"] not in said
