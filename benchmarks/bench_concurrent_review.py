"""Two reviewers deciding one queue of 10,000 items at once on one PostgreSQL register
(issue 17 point 2): items/s, per-decision latency (median, p99) and double decisions, which
must be 0 (checked, and printed, every round).

Each reviewer is an OS process of its own with its own connection
(``tests.helpers.review_worker``), released at the same instant; both accept through
``decisions.decide`` as the CLI and the window do. ``--order same`` (the default) has both
work the queue from the top in the same order, so they contend for every item and every
item is tried twice (one wins, one is told ``already_decided``); ``--order opposite`` has
them start at opposite ends and meet in the middle. The baseline is one reviewer process
deciding a queue of the same size alone; the ratio shows what the second reviewer adds
(every register write holds the register's write lock, so it is not more decisions per
second: it is no double decision and no lost work).

Every round decides a fresh queue (imported before the round, not timed): a round consumes
``--items`` new records (a few repeat a person and diagnosis of an earlier one and are
left out, having a finding), so the register holds ``--items * rounds * 2`` by the end.

Run: SJELDEN_TEST_PG_URL=postgresql://... .venv-test/bin/python \\
     benchmarks/bench_concurrent_review.py [--items 10000] [--rounds 3] [--order same]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from figures import ms, pct
from sjelden_protocol import build_batch

from desktop.forms.demo import DemoGenerator
from desktop.staff import session, trust
from desktop.staff.importer import Importer
from desktop.storage.profile import Profile
from tests.helpers.review_worker import Outcome, Workers, job, register_secrets

PASSPHRASE = "benchmark register passphrase"
BATCH = 1_000


class Queue:
    """A staff profile on a PostgreSQL register and a clinic that fills its queue."""

    def __init__(self, home: Path, url: str) -> None:
        os.environ["SJELDEN_HOME"] = str(home)
        profile = Profile.named("staff", kdf_target_seconds=0.05)
        self.staff, _ = session.create(profile, PASSPHRASE, key_storage="file", register_db=url)
        self.url = url
        self.clinic = Ed25519PrivateKey.generate()
        self.staff.register.call(
            lambda db: trust.pin_installation(db, self.clinic.public_key(), "bench", actor="b")
        )
        self.recipient = self.staff.keys.register_keys[
            self.staff.keys.newest_register_key_id
        ].public_key()
        self.generator = DemoGenerator(23, dt.date(2025, 6, 15))
        self.secrets = register_secrets(self.staff)
        self.batches = 0

    def fill(self, count: int) -> list[list[Any]]:
        """Import ``count`` new records; their clean pending items as worker jobs (accept).

        The demo generator repeats a person and diagnosis now and then: such an item has a
        finding (and acceptance would be refused as a duplicate), so it is left out."""
        before = {i.record_id for i in self.staff.register.pending()}
        with Importer(self.staff) as importer:
            for start in range(0, count, BATCH):
                records = []
                for _ in range(min(BATCH, count - start)):
                    record = self.generator.record()
                    record["revision"] = 1
                    records.append(record)
                self.batches += 1
                importer.import_bytes(
                    build_batch(
                        records,
                        batch_id=f"00000000-0000-4000-8000-{self.batches:012d}",
                        signer=self.clinic,
                        recipient=self.recipient,
                    )
                )
        return [
            [i.origin.batch_id, i.record_id, i.revision, "accept"]
            for i in self.staff.register.pending()
            if i.record_id not in before and not i.findings
        ]

    def double_decisions(self) -> int:
        """Items with more than one decision in the audit log (must be 0)."""
        rows = self.staff.register.call(
            lambda db: db.execute(
                "SELECT record_id FROM audit_log WHERE action LIKE 'review:%' "
                "GROUP BY record_id HAVING count(*) > 1"
            ).fetchall(),
            "bench: double decisions",
        )
        return len(rows)

    def close(self) -> None:
        self.staff.close()


def decide(queue: Queue, items: list[list[Any]], reviewers: int, order: str) -> list[Outcome]:
    orders = [items, items if order == "same" else items[::-1]][:reviewers]
    return Workers(
        [
            job(queue.url, queue.secrets, f"reviewer-{n}", "decide", items=mine)
            for n, mine in enumerate(orders)
        ],
        timeout=3600,
    ).go()


def check(queue: Queue, items: list[list[Any]], outcomes: list[Outcome]) -> int:
    """Each item decided exactly once, every loser told ``already_decided``; the doubles."""
    won = [r for o in outcomes for r in o.won]
    refused = [o.refused for o in outcomes]
    assert sorted(won) == sorted(i[1] for i in items), f"lost or decided twice ({refused})"
    for outcome in outcomes:
        assert set(outcome.refused) <= {"already_decided"}, outcome.refused
    doubles = queue.double_decisions()
    assert doubles == 0, f"{doubles} double decisions"
    return doubles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--order", choices=("same", "opposite"), default="same")
    parser.add_argument("--database", default=os.environ.get("SJELDEN_TEST_PG_URL"))
    args = parser.parse_args()
    if not args.database:
        print("PostgreSQL: skipped (set SJELDEN_TEST_PG_URL or pass --database URL)")
        return
    os.environ.setdefault("SJELDEN_TEST_PG_URL", args.database)
    from tests.inbox.conftest import postgres_schema_url

    # A fresh schema, dropped afterwards, so the benchmark never touches real tables.
    with tempfile.TemporaryDirectory() as tmp, postgres_schema_url() as url:
        queue = Queue(Path(tmp), url)
        try:
            print(
                f"{args.items} items a round, {args.rounds} rounds, order {args.order} "
                "(one reviewer process, then two on one PostgreSQL register)"
            )
            rates: dict[int, list[float]] = {1: [], 2: []}
            latencies: dict[int, list[float]] = {1: [], 2: []}
            for round_no in range(args.rounds):
                for reviewers in (1, 2):
                    t0 = time.perf_counter()
                    items = queue.fill(args.items)
                    filled = time.perf_counter() - t0
                    outcomes = decide(queue, items, reviewers, args.order)
                    doubles = check(queue, items, outcomes)
                    wall = max(o.seconds for o in outcomes)
                    rates[reviewers].append(len(items) / wall)
                    samples = [s for o in outcomes for s in o.latencies]
                    latencies[reviewers].extend(samples)
                    split = " / ".join(f"{len(o.won)} won" for o in outcomes)
                    lost = sum(sum(o.refused.values()) for o in outcomes)
                    print(
                        f"  round {round_no + 1}, {reviewers} reviewer(s): "
                        f"{len(items) / wall:8.1f} items/s  ({split}; {lost} already_decided; "
                        f"double decisions {doubles}; queue filled in {filled:.1f} s)"
                    )
            for reviewers, label in ((1, "baseline, one reviewer"), (2, "two reviewers")):
                samples = latencies[reviewers]
                print(
                    f"{label:24s} items/s median {statistics.median(rates[reviewers]):8.1f}  "
                    f"per decision p50 {ms(statistics.median(samples))}  "
                    f"p99 {ms(pct(samples, 0.99))}"
                )
            ratio = statistics.median(rates[2]) / statistics.median(rates[1])
            print(f"two reviewers / one: {ratio:.2f}x items/s; double decisions: 0 (checked)")
        finally:
            queue.close()


if __name__ == "__main__":
    main()
