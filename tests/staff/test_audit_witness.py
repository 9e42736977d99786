"""The inbox as a witness of the audit chain: checkpoint copies sent to the real inbox, and a
tail cut from the register's chain (entries and checkpoints together, which the chain alone
cannot see) found by comparing; a rewritten checkpoint refused by the inbox. Both backends,
and the commands as subprocesses."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from desktop.staff import audit_witness, session
from desktop.staff.dialect import Db
from desktop.staff.errors import StaffError
from desktop.staff.session import StaffSession
from desktop.storage.profile import Profile
from tests.helpers.cli import run_cli
from tests.staff.conftest import PASSPHRASE, pin_clinic
from tests.sync.inbox_process import InboxProcess


def _cut_from(seq: int) -> object:
    """What someone holding the register database can do: drop the newest entries and the
    checkpoints over them, leaving a shorter chain that still verifies."""

    def cut(db: Db) -> None:
        with db.transaction("tamper"):
            db.execute("DELETE FROM audit_checkpoints WHERE seq >= ?", (seq,))
            db.execute("DELETE FROM audit_log WHERE seq >= ?", (seq,))

    return cut


def _newest(staff: StaffSession) -> int:
    return int(
        staff.register.call(lambda db: db.execute("SELECT MAX(seq) FROM audit_log").fetchone()[0])
    )


def test_a_cut_tail_is_found_by_the_inbox_copies(staff: StaffSession) -> None:
    pin_clinic(staff, "Fiktiv klinikk Vest")
    first = staff.register.audit_checkpoint()
    pin_clinic(staff, "Fiktiv klinikk Øst")
    second = staff.register.audit_checkpoint()
    assert first is not None and second is not None and second.seq > first.seq

    with staff.transport() as transport:
        sent = audit_witness.send(staff, transport)
        assert (sent.sent, sent.held) == (2, 0)
        again = audit_witness.send(staff, transport)
        assert (again.sent, again.held) == (0, 2)
        assert audit_witness.compare(staff, transport) == audit_witness.Comparison(2)

        staff.register.backend.submit(_cut_from(first.seq + 1), "tamper").result()
        # The shorter chain verifies on its own: only the witness sees what is gone.
        assert staff.register.verify_audit().intact
        found = audit_witness.compare(staff, transport)
        assert (found.problem, found.seq) == (audit_witness.CHAIN_CUT, second.seq)

        # Entries written again up to that number carry other hashes: the inbox keeps its
        # first copy, refuses the new checkpoint, and the comparison names the rewrite.
        while _newest(staff) < second.seq:
            pin_clinic(staff)
        assert _newest(staff) == second.seq  # one entry per pin: the same number again
        assert audit_witness.compare(staff, transport).problem == audit_witness.CHAIN_REWRITTEN
        staff.register.audit_checkpoint()
        with pytest.raises(StaffError) as refused:
            audit_witness.send(staff, transport)
        assert refused.value.code == "audit_broken"
        found = audit_witness.compare(staff, transport)
        assert (found.problem, found.seq) == (audit_witness.CHAIN_REWRITTEN, second.seq)


ENV = {"SJELDEN_PASSPHRASE": PASSPHRASE, "SJELDEN_LANG": "en"}


def _staff(*args: str) -> subprocess.CompletedProcess[str]:
    return run_cli("--profile", "register", "staff", *args, env=ENV)


def test_checkpoint_send_and_verify_inbox_as_commands(
    inbox_server: InboxProcess, tmp_path: Path
) -> None:
    letter = tmp_path / "letter"
    init = _staff(
        "init", "--key-file", "--language", "en", "--out", str(letter), "--inbox", inbox_server.url
    )
    assert init.returncode == 0, init.stderr
    inbox_server.admin("staff", "add", str(letter / "staff.pub"), "--label", "register staff")

    sent = _staff("audit", "checkpoint", "--send")
    assert sent.returncode == 0, sent.stderr
    assert "1 checkpoint sent to the inbox; it held 0 already." in sent.stdout
    witnessed = _staff("audit", "verify", "--inbox")
    assert witnessed.returncode == 0, witnessed.stderr
    assert "The inbox's 1 copy of the checkpoints match" in witnessed.stdout

    opened = session.open_session(Profile.named("register"), PASSPHRASE)
    try:
        mark = opened.store.call(
            lambda c: c.execute("SELECT MAX(seq) FROM audit_checkpoints").fetchone()[0]
        )
        opened.register.backend.submit(_cut_from(int(mark)), "tamper").result()
    finally:
        opened.close()
    cut = _staff("audit", "verify", "--inbox")
    assert cut.returncode == 1
    assert f"entry no. {mark} ({audit_witness.CHAIN_CUT})" in cut.stderr
    assert "(audit_broken)" in cut.stderr
    assert "Traceback" not in cut.stderr


def test_an_unreadable_answer_is_named() -> None:
    """A checkpoint copy the inbox gives back in a form the protocol refuses: coded."""
    with pytest.raises(StaffError) as caught:
        audit_witness.parse_or_refuse([{"format": "sjelden-audit-checkpoint", "version": 1}])
    assert caught.value.code == "witness_unreadable"
