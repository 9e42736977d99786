"""The register as a team, end to end on one real PostgreSQL register (issue 17, "Show it"):
an administrator, a registrar and a reviewer, each with their own profile and keys, review
one queue at the same moment from their own sessions (own connections), the registrar's
export appears in the audit log, the reviewer's is refused by role, the removed reviewer can
open nothing, and a row rewritten in the database is found by ``audit verify``.

The inbox side of the team (two inbox processes on one PostgreSQL, uploads, receipts and
pulls exactly once) is ``tests/inbox/test_two_processes.py``.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

import pytest

from desktop.staff import access, decisions, members, roles, session
from desktop.staff.errors import AlreadyDecided, StaffError
from desktop.staff.importer import Importer
from desktop.staff.session import StaffSession
from tests.staff.conftest import PASSPHRASE, Records, pin_clinic
from tests.staff.test_members import Team, team

__all__ = ["team"]  # the fixture used below

pytestmark = pytest.mark.postgres

ITEMS = 24


def _review_at_once(
    sessions: dict[str, StaffSession], items: list[Any], choices: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Each session decides every item, in the same order, all released at one moment."""
    start = threading.Barrier(len(sessions))
    outcome: dict[str, dict[str, Any]] = {name: {"won": [], "lost": []} for name in sessions}
    failures: list[BaseException] = []

    def work(name: str) -> None:
        opened = sessions[name]
        start.wait()
        try:
            for item in items:
                try:
                    decisions.decide(
                        opened.register,
                        item.record_id,
                        choices[name],
                        revision=item.revision,
                        batch_id=item.origin.batch_id,
                        reason_code=None if choices[name] == "accept" else "incomplete",
                    )
                    outcome[name]["won"].append(item.record_id)
                except AlreadyDecided as lost:
                    outcome[name]["lost"].append((item.record_id, lost.decided_by))
        except BaseException as exc:  # reported below, not lost in the thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(name,)) for name in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    assert not failures, failures
    return outcome


def test_three_members_review_export_remove_and_the_audit_finds_a_rewrite(
    team: Team, records: Records, tmp_path: Path
) -> None:
    admin = team.admin
    clinic = pin_clinic(admin)
    with Importer(admin, workers=1) as importer:
        importer.import_bytes(clinic.batch(records.many(ITEMS)))
    items = admin.register.pending()
    assert len(items) == ITEMS

    with (
        session.open_session(team.profiles["registrar"], PASSPHRASE) as registrar,
        session.open_session(team.profiles["reviewer"], PASSPHRASE) as reviewer,
    ):
        assert (registrar.role, reviewer.role) == ("registrar", "reviewer")
        # Concurrent review of one queue: every item decided exactly once.
        outcome = _review_at_once(
            {"registrar": registrar, "reviewer": reviewer},
            items,
            {"registrar": "accept", "reviewer": "reject"},
        )
        won = outcome["registrar"]["won"] + outcome["reviewer"]["won"]
        assert sorted(won) == sorted(item.record_id for item in items)
        ids = {"registrar": registrar.staff_key_id, "reviewer": reviewer.staff_key_id}
        for name, other in (("registrar", "reviewer"), ("reviewer", "registrar")):
            # The loser is told who decided: the other member, by their key id.
            assert {by for _, by in outcome[name]["lost"]} <= {ids[other]}
            assert len(outcome[name]["lost"]) == len(outcome[other]["won"])
        assert admin.register.counts().pending == 0

        # The registrar exports, with a reason: one entry, with the file's hash, signed.
        out = tmp_path / "arsrapport.csv"
        roles.require(registrar, "export")
        result = access.export_register(registrar.register, "csv", out, reason="Årsrapport")
        assert result.count == len(outcome["registrar"]["won"])
        # The reviewer may not: refused by role before anything is written.
        with pytest.raises(StaffError) as refused:
            roles.require(reviewer, "export")
        assert refused.value.code == "role_required"
        gone = reviewer.staff_key_id

    entries = admin.register.call(
        lambda db: db.execute(
            "SELECT seq, actor, action, detail, signer FROM audit_log ORDER BY seq"
        ).fetchall()
    )
    exports = [e for e in entries if e[2] == "export:csv"]
    assert len(exports) == 1 and exports[0][1] == ids["registrar"] == exports[0][4]
    detail = dict(part.split("=", 1) for part in str(exports[0][3]).split(";"))
    assert detail["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert {e[4] for e in entries if e[2].startswith("review:")} <= set(ids.values())

    # The reviewer is removed: their next unlock opens nothing.
    members.remove_member(admin, gone)
    with pytest.raises(StaffError) as caught:
        session.open_session(team.profiles["reviewer"], PASSPHRASE)
    assert caught.value.code == "member_removed"
    verdict = admin.register.verify_audit()
    assert verdict.intact, verdict

    # Someone with the database (not the members' keys) rewrites who exported.
    seq = int(exports[0][0])
    admin.register.call(
        lambda db: (
            db.execute(
                "UPDATE audit_log SET actor = ? WHERE seq = ?", (ids["reviewer"], seq)
            ).rowcount
        )
    )
    broken = admin.register.verify_audit()
    assert broken.first_bad_seq == seq and broken.problem is not None
