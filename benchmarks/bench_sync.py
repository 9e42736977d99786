"""Sync throughput: 10,000 completed records end to end on loopback.

Pack (read from the encrypted store, re-validate each record as the product does before
sealing it, seal with HPKE, sign, store envelopes and move records to ``queued``), upload to
a real inbox subprocess, verify receipts and mark records ``sent``. Goal: <= 5 s for 10,000
records. ``--no-revalidate`` leaves the validator out, to show what re-validation costs.

    .venv-test/bin/python benchmarks/bench_sync.py [--count 10000] [--batch 1000] [--no-revalidate]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from desktop.storage import records as stored

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.forms.demo import demo_records
from desktop.storage.records import RecordStatus

FORM = {"form_id": "sjeldenregisteret", "form_version": 1}


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

    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    os.environ["SJELDEN_HOME"] = str(root / "home")
    from desktop.net.http import RetryPolicy
    from desktop.storage.profile import Profile
    from desktop.sync import outbox, service
    from tests.sync.conftest import enroll_store
    from tests.sync.inbox_process import InboxProcess, Staff

    server = InboxProcess(root / "inbox")
    server.start()
    staff = Staff(server, root)
    store = Profile.named("bench").create("bench sjelden passphrase 1", key_storage="file").store
    try:
        enroll_store(store, server.url, staff)
        records = list(demo_records(args.count, seed=1))
        items = [(r["record_id"], r, RecordStatus.COMPLETED) for r in records]
        store.call(lambda c: stored.import_many(c, items, **FORM, author=store.actor))
        policy = RetryPolicy(attempts=3, base_delay=0.05)
        validator = outbox.full_validation if args.revalidate else None
        phases: dict[str, list[float]] = {}

        def progress(phase: str, done: int, total: int) -> None:
            phases.setdefault(phase, [time.perf_counter(), 0.0])[1] = time.perf_counter()

        start = time.perf_counter()
        report = service.run_sync(
            store,
            policy=policy,
            validator=validator,
            max_records=args.batch,
            purge=False,
            progress=progress,
        )
        total = time.perf_counter() - start
        assert report.uploaded.delivered_records == args.count, report
        assert store.call(lambda c: stored.count(c, RecordStatus.SENT)) == args.count
        pack_s = phases["upload"][0] - start
        upload_s = phases["upload"][1] - phases["upload"][0]
        print(
            f"{args.count} records in {report.packed.batches} batches "
            f"({'with' if args.revalidate else 'without'} re-validation)"
        )
        print(f"  pack (read, seal, sign, queue): {pack_s:6.2f} s")
        print(f"  upload + verify receipts:       {upload_s:6.2f} s")
        print(f"  end to end:                     {total:6.2f} s  (goal <= 5 s)")
        print(f"  {args.count / total:,.0f} records/s")
    finally:
        store.close()
        staff.close()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
