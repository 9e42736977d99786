"""Several staff members on one register (issue 17 point 2): each review item is decided
exactly once, the loser is told who decided and when, and a reservation wins over a decision
made at the same moment.

The races run as two OS processes (``tests.helpers.review_worker``), each with its own
connection to one real PostgreSQL register, released at the same instant; they are skipped
without ``SJELDEN_TEST_PG_URL``. The rules themselves are checked on both backends too, with
a second ``Register`` (another member's actor) on the same database: the SQLCipher register
stays the one-PC default.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol.keys import key_id

from desktop.staff import decisions, members, reservations, session
from desktop.staff import register as reg
from desktop.staff.errors import AlreadyDecided, StaffError
from desktop.staff.importer import Importer
from desktop.staff.model import RESERVED_REASON, ReviewItem, ReviewState
from desktop.staff.session import StaffSession
from desktop.storage import audit
from tests.helpers.review_worker import Workers, job, register_secrets
from tests.inbox.conftest import postgres_schema_url
from tests.staff.conftest import (
    PASSPHRASE,
    Clinic,
    Records,
    add_member,
    pin_clinic,
    table_counts,
)

COLLEAGUE = "kollega-fiktiv-0002"  # another member's key id, as the decisions name it
_COLLEAGUE_KEY = Ed25519PrivateKey.generate()  # what their audit entries are signed with


def _colleague(staff: StaffSession) -> reg.Register:
    """Another staff member's handle on the same register database (a member once)."""
    known = staff.register.call(lambda db: members.find(db, key_id(_COLLEAGUE_KEY.public_key())))
    if known is None:
        add_member(staff, _COLLEAGUE_KEY)
    cipher = staff.register.cipher
    signer = audit.Signer(cipher.audit_key(), _COLLEAGUE_KEY)
    return reg.Register(staff.register.backend, cipher, actor=COLLEAGUE, signer=signer)


@pytest.fixture
def pg_staff(make_profile: Any) -> Iterator[tuple[StaffSession, str]]:
    """A staff session whose register is a fresh PostgreSQL schema, and that schema's URL."""
    with postgres_schema_url() as url:
        opened, _ = session.create(make_profile("staff"), PASSPHRASE, register_db=url)
        try:
            yield opened, url
        finally:
            opened.close()


def _queue(staff: StaffSession, records: list[dict[str, Any]]) -> list[ReviewItem]:
    clinic: Clinic = pin_clinic(staff)
    with Importer(staff, workers=1) as importer:
        importer.import_bytes(clinic.batch(records))
    return staff.register.pending()


def _review_actions(staff: StaffSession) -> dict[str, list[str]]:
    """Every decision the audit log holds, per record id."""
    actions: dict[str, list[str]] = {}
    for entry in staff.register.audit_entries():
        if entry.action.startswith("review:") and entry.record_id is not None:
            actions.setdefault(entry.record_id, []).append(entry.action)
    return actions


# -- both backends: the rules ---------------------------------------------------------------


def test_the_second_decision_is_refused_naming_who_decided_and_when(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    item = staff_session.register.pending()[0]
    # The colleague decided while this reviewer had the item open.
    decisions.decide(_colleague(staff_session), record["record_id"], "accept")
    before = table_counts(staff_session)

    with pytest.raises(AlreadyDecided) as caught:
        decisions.decide(
            staff_session.register,
            record["record_id"],
            "reject",
            revision=item.revision,
            batch_id=item.origin.batch_id,
            reason_code="incomplete",
        )
    after = table_counts(staff_session)  # before the look below (a view is audited)

    decided = staff_session.register.item(item.origin.batch_id, item.record_id)
    assert decided is not None and decided.decided_at is not None
    refusal = caught.value
    assert refusal.code == "already_decided"
    assert (refusal.decided_by, refusal.decided_at) == (COLLEAGUE, decided.decided_at)
    nb, en = refusal.user_message("nb"), refusal.user_message("en")
    assert f"avgjort av {COLLEAGUE} ({decided.decided_at})" in nb and "Oppdater køen" in nb
    assert f"decided by {COLLEAGUE} at {decided.decided_at}" in en and "Refresh" in en
    # Nothing of the refused decision: no write, no audit entry, the winner's state stays.
    assert after == before
    assert decided.state is ReviewState.ACCEPTED and decided.decided_by == COLLEAGUE
    current = staff_session.register.current(record["record_id"])
    assert current is not None and current.accepted_by == COLLEAGUE
    assert _review_actions(staff_session) == {record["record_id"]: ["review:accepted"]}
    assert staff_session.register.verify_audit_chain() is None


def test_bulk_acceptance_counts_only_its_own_decisions(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    register = staff_session.register
    importer.import_bytes(clinic.batch(records.many(4)))
    listed = register.pending()
    decisions.decide(_colleague(staff_session), listed[1].record_id, "accept")
    decisions.decide(
        _colleague(staff_session), listed[2].record_id, "reject", reason_code="incomplete"
    )

    result = decisions.accept_clean(
        register, only=[(i.origin.batch_id, i.record_id) for i in listed]
    )

    assert result == decisions.CleanResult(accepted=2, left=0, decided_elsewhere=2)
    mine = {listed[0].record_id, listed[3].record_id}
    by = {
        i.record_id: i.decided_by
        for i in (register.item(i.origin.batch_id, i.record_id) for i in listed)
        if i is not None
    }
    assert {r for r, who in by.items() if who == staff_session.staff_key_id} == mine
    assert all(len(a) == 1 for a in _review_actions(staff_session).values())


def test_a_decision_on_a_reserved_person_is_refused(
    staff_session: StaffSession, importer: Importer, clinic: Clinic, records: Records
) -> None:
    record = records.one()
    importer.import_bytes(clinic.batch([record]))
    reservations.reserve(_colleague(staff_session), record["patient"]["national_id"])
    before = table_counts(staff_session)

    with pytest.raises(StaffError) as caught:
        decisions.decide(staff_session.register, record["record_id"], "accept")

    assert caught.value.code == "reserved"
    assert "reservasjonen gjelder" in caught.value.user_message("nb")
    assert table_counts(staff_session) == before
    assert staff_session.register.current(record["record_id"]) is None


# -- PostgreSQL, two OS processes ------------------------------------------------------------


@pytest.mark.postgres
def test_two_reviewer_processes_decide_each_item_exactly_once(
    pg_staff: tuple[StaffSession, str], records: Records
) -> None:
    staff, url = pg_staff
    queue = _queue(staff, records.many(40))
    secrets = register_secrets(staff)
    # The same queue in the same order: they contend for every item. One accepts, one
    # rejects, so each item's state says whose decision it holds.
    work = [
        job(
            url,
            secrets,
            actor,
            "decide",
            signing_key=add_member(staff),
            items=[[i.origin.batch_id, i.record_id, i.revision, choice] for i in queue],
        )
        for actor, choice in (("reviewer-a", "accept"), ("reviewer-b", "reject"))
    ]
    first, second = Workers(work).go()

    assert sorted(first.won + second.won) == sorted(i.record_id for i in queue)
    assert not set(first.won) & set(second.won)
    for mine, other in ((first, second), (second, first)):
        lost = len(queue) - len(mine.won)
        assert mine.refused == ({"already_decided": lost} if lost else {})
        assert set(mine.decided_by) <= {other.actor}
    states = {
        i.record_id: (i.state, i.decided_by)
        for i in (staff.register.item(q.origin.batch_id, q.record_id) for q in queue)
        if i is not None
    }
    assert {r for r, s in states.items() if s == (ReviewState.ACCEPTED, "reviewer-a")} == set(
        first.won
    )
    assert {r for r, s in states.items() if s == (ReviewState.REJECTED, "reviewer-b")} == set(
        second.won
    )
    assert staff.register.counts().records == len(first.won)
    assert all(len(actions) == 1 for actions in _review_actions(staff).values())
    assert len(_review_actions(staff)) == len(queue)
    assert staff.register.verify_audit_chain() is None


@pytest.mark.postgres
def test_two_bulk_acceptances_of_one_list_accept_each_item_once(
    pg_staff: tuple[StaffSession, str], records: Records
) -> None:
    staff, url = pg_staff
    queue = _queue(staff, records.many(30))
    listed = [[i.origin.batch_id, i.record_id] for i in queue]
    secrets = register_secrets(staff)
    first, second = Workers(
        [
            job(url, secrets, actor, "accept_clean", signing_key=add_member(staff), items=listed)
            for actor in ("reviewer-a", "reviewer-b")
        ]
    ).go()

    assert first.accepted + second.accepted == len(queue)
    assert (first.left, second.left) == (0, 0)
    assert first.decided_elsewhere == second.accepted
    assert second.decided_elsewhere == first.accepted
    assert staff.register.counts().records == len(queue)
    assert all(len(actions) == 1 for actions in _review_actions(staff).values())


@pytest.mark.postgres
def test_a_reservation_and_a_decision_at_the_same_moment_end_in_the_reservation(
    pg_staff: tuple[StaffSession, str], records: Records
) -> None:
    staff, url = pg_staff
    people = records.many(12)
    queue = _queue(staff, people)
    secrets = register_secrets(staff)
    by_id = {p["record_id"]: p for p in people}
    ordered = [by_id[i.record_id]["patient"]["national_id"] for i in queue]
    decider, reserver = Workers(
        [
            job(
                url,
                secrets,
                "reviewer-a",
                "decide",
                signing_key=add_member(staff),
                items=[[i.origin.batch_id, i.record_id, i.revision, "accept"] for i in queue],
            ),
            # From the other end: they meet in the middle, where both reach a person at once.
            job(
                url,
                secrets,
                "registrar-b",
                "reserve",
                signing_key=add_member(staff),
                national_ids=ordered[::-1],
            ),
        ]
    ).go()

    assert reserver.reserved == len(people)
    # Each decision either came first (and the reservation then deleted what it accepted)
    # or was refused because the reservation came first: never a record left behind.
    assert len(decider.won) + decider.refused.get("reserved", 0) == len(people)
    assert set(decider.refused) <= {"reserved"}
    counts = staff.register.counts()
    assert (counts.records, counts.history, counts.reservations) == (0, 0, len(people))
    for item in queue:
        now = staff.register.item(item.origin.batch_id, item.record_id)
        assert now is not None and now.state is ReviewState.REJECTED
        assert now.reason_code == RESERVED_REASON and now.payload is None
    assert staff.register.verify_audit_chain() is None
