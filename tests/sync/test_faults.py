"""Exactly once, whatever the network does: 200+ randomized rounds through the fault proxy.

Each round adds a few completed records and runs a sync while the proxy drops uploads
half-way, delays, answers 5xx, loses or duplicates requests and kills the real server between
request and response. Some rounds the register decides on what arrived. At the end (faults
off) every record revision is stored at the server exactly once, and every client state
agrees with the server and the register's decisions.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from sjelden_protocol import RecordDecision

from desktop.net.errors import SyncError
from desktop.net.http import RetryPolicy
from desktop.storage import records
from desktop.storage.connection import Connection
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.sync import outbox, service
from tests.sync.conftest import PASSPHRASE, add_completed, enroll_store
from tests.sync.faultproxy import FaultProxy
from tests.sync.inbox_process import InboxProcess, Staff

ROUNDS = int(os.environ.get("SJELDEN_FAULT_ROUNDS", "200"))
MAX_KILLS = 6
POLICY = RetryPolicy(
    attempts=4, base_delay=0.005, max_delay=0.05, connect_timeout=1, read_timeout=1
)


def _consistency(conn: Connection) -> list[str]:
    """Client-side invariants that must hold after any run, however it ended."""
    problems = []
    rows = conn.execute(
        "SELECT i.record_id, i.revision, i.state, b.state, r.status, r.revision "
        "FROM outbox_items i LEFT JOIN outbox_batches b ON b.batch_id = i.batch_id "
        "JOIN records r ON r.record_id = i.record_id"
    ).fetchall()
    for record_id, revision, item_state, batch_state, status, current in rows:
        if current != revision:
            continue
        expected = {
            "queued": ("pending", "queued"),
            "sent": ("delivered", "sent"),
            "accepted": ("delivered", "accepted"),
            "rejected": ("delivered", "rejected"),
        }.get(item_state)
        if expected is not None and (batch_state, status) != expected:
            problems.append(f"{record_id}: {item_state} / {batch_state} / {status}")
    twice = conn.execute(
        "SELECT record_id, revision FROM outbox_items WHERE batch_id IS NOT NULL "
        "GROUP BY record_id, revision HAVING count(DISTINCT batch_id) > 1"
    ).fetchall()
    problems += [f"{r[0]} in two batches" for r in twice]
    return problems


@pytest.mark.slow
def test_exactly_once_under_faults(make_profile: Callable[..., Profile], tmp_path: Path) -> None:
    rng = random.Random(20250314)
    server = InboxProcess(tmp_path / "inbox-data")
    server.start()
    kills = 0

    def kill_and_restart() -> None:
        nonlocal kills
        kills += 1
        server.kill()
        server.start()

    staff = Staff(server, tmp_path)
    proxy = FaultProxy(("127.0.0.1", server.port), seed=7, on_kill=kill_and_restart, max_delay=1.3)
    server.reached_through(proxy.url)
    store = make_profile().create(PASSPHRASE).store
    try:
        key_id = enroll_store(store, proxy.url, staff)
        decided: dict[tuple[str, int], str] = {}
        errors: Counter[str] = Counter()
        for round_no in range(ROUNDS):
            add_completed(store, rng.randint(1, 3))
            weights = {
                "pass": 4.0,
                "delay": 0.6,
                "drop_upload": 1.0,
                "error_503": 1.0,
                "error_after": 0.7,
                "lose_response": 1.0,
                "duplicate": 1.0,
            }
            if kills < MAX_KILLS and round_no % 30 == 15:
                weights["kill"] = 3.0
            proxy.set_faults(**weights)
            try:
                service.run_sync(store, policy=POLICY, purge=False)
            except SyncError as exc:
                errors[exc.code] += 1
            assert store.call(_consistency) == [], f"round {round_no}"
            if round_no % 40 == 39:
                # The register imports what arrived and decides (one in five rejected).
                decisions = []
                for batch in staff.batches():
                    for record in staff.open(batch["batch_id"]):
                        ident = (record["record_id"], record["revision"])
                        if ident in decided:
                            continue
                        verdict = "rejected" if rng.random() < 0.2 else "accepted"
                        decided[ident] = verdict
                        decisions.append(
                            RecordDecision(*ident, verdict, "missing_consent")
                            if verdict == "rejected"
                            else RecordDecision(*ident, "accepted")
                        )
                for start in range(0, len(decisions), 500):
                    staff.decide(key_id, decisions[start : start + 500])

        # Heal the network; everything still waiting must now go through.
        proxy.set_faults(**{"pass": 1.0})
        service.run_sync(store, policy=POLICY, purge=False)
        assert store.call(_consistency) == []

        # Server side: every revision the client packed is stored exactly once.
        stored: Counter[tuple[str, int]] = Counter()
        server_batches = staff.batches()
        for batch in server_batches:
            for record in staff.open(batch["batch_id"]):
                stored[(record["record_id"], record["revision"])] += 1
        assert stored and max(stored.values()) == 1
        client_items = store.call(
            lambda c: c.execute(
                "SELECT record_id, revision, state, batch_id FROM outbox_items"
            ).fetchall()
        )
        assert {(r[0], int(r[1])) for r in client_items} == set(stored)
        # Every client batch is delivered, with the sha256 the server holds.
        client_batches = store.call(
            lambda c: c.execute("SELECT batch_id, state, sha256 FROM outbox_batches").fetchall()
        )
        assert {b[1] for b in client_batches} == {outbox.BatchState.DELIVERED.value}
        assert {(b[0], b[2]) for b in client_batches} == {
            (b["batch_id"], b["envelope_sha256"]) for b in server_batches
        }
        # Every record's state is right: decided ones as decided, the rest sent.
        total = store.call(lambda c: records.count(c))
        for record_id, revision, state, _ in client_items:
            expected = decided.get((record_id, int(revision)), "sent")
            assert state == expected
            record = store.call(lambda c: records.get(c, record_id))
            assert record is not None and record.status is RecordStatus(expected)
        assert store.call(lambda c: records.count(c, RecordStatus.COMPLETED)) == 0 and total == len(
            stored
        )
        # The faults really happened.
        assert kills >= min(3, ROUNDS // 30)
        for mode in ("drop_upload", "error_503", "lose_response", "duplicate", "error_after"):
            assert proxy.counts[mode] > 0, mode
        print(f"faults {dict(proxy.counts)}; sync errors {dict(errors)}; kills {kills}")
    finally:
        store.close()
        proxy.close()
        staff.close()
        server.stop()
