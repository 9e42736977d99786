"""Sync throughput: 10,000 completed records end to end on loopback.

Pack (read from the encrypted store, re-validate each record as the product does before
sealing it, seal with HPKE, sign, store envelopes and move records to ``queued``), upload to
a real inbox subprocess, verify receipts and mark records ``sent``. Goal: <= 5 s for 10,000
records. ``--no-revalidate`` leaves the validator out, to show what re-validation costs.

    .venv-test/bin/python benchmarks/bench_sync.py [--count 10000] [--batch 1000] [--no-revalidate]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from clinic import enrolled_clinic

from desktop.storage import records as stored
from desktop.storage.records import RecordStatus
from desktop.storage.store import Store

PASSPHRASE = "bench sjelden passphrase 1"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=1000, help="records per batch")
    parser.add_argument(
        "--no-revalidate",
        dest="revalidate",
        action="store_false",
        help="leave out the re-validation that packing does (to measure its cost)",
    )
    args = parser.parse_args()
    with enrolled_clinic("bench-sync-", args.count, PASSPHRASE) as profile:
        store = profile.unlock(PASSPHRASE)
        try:
            measure(store, args.count, args.batch, args.revalidate)
        finally:
            store.close()
    return 0


def measure(store: Store, count: int, batch: int, revalidate: bool) -> None:
    from desktop.net.http import RetryPolicy
    from desktop.sync import outbox, service

    phases: dict[str, list[float]] = {}

    def progress(phase: str, done: int, total: int) -> None:
        phases.setdefault(phase, [time.perf_counter(), 0.0])[1] = time.perf_counter()

    start = time.perf_counter()
    report = service.run_sync(
        store,
        policy=RetryPolicy(attempts=3, base_delay=0.05),
        validator=outbox.full_validation if revalidate else None,
        max_records=batch,
        purge=False,
        progress=progress,
    )
    total = time.perf_counter() - start
    assert report.uploaded.delivered_records == count, report
    assert store.call(lambda c: stored.count(c, RecordStatus.SENT)) == count
    pack_s = phases["upload"][0] - start
    upload_s = phases["upload"][1] - phases["upload"][0]
    print(
        f"{count} records in {report.packed.batches} batches "
        f"({'with' if revalidate else 'without'} re-validation)"
    )
    print(f"  pack (read, seal, sign, queue): {pack_s:6.2f} s")
    print(f"  upload + verify receipts:       {upload_s:6.2f} s")
    print(f"  end to end:                     {total:6.2f} s  (goal <= 5 s)")
    print(f"  {count / total:,.0f} records/s")


if __name__ == "__main__":
    raise SystemExit(main())
