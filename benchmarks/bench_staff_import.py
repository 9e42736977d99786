"""Registry-staff import throughput: verify, decrypt, validate, de-duplicate and queue
100,000 synthetic records (batches of 1,000, as clinics send them) into a staff profile's
register (its SQLCipher file, or PostgreSQL with --database). Prints records/s overall,
the same import without validation (what the validator costs), and the validator alone on
one core, so the ratios show where the time goes. Goal: >= 2,000 records/s.

Run: .venv-test/bin/python benchmarks/bench_staff_import.py [--records 100000] [--batch 1000]
     [--workers N] [--database postgresql://...]
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sjelden_protocol import build_batch

from desktop.forms.demo import DemoGenerator
from desktop.staff import decisions, session, trust
from desktop.staff.importer import Importer, validation_errors
from desktop.storage.profile import Profile

GOAL = 2_000
PASSPHRASE = "benchmark register passphrase"


def synthetic(count: int, seed: int) -> list[dict[str, Any]]:
    """Valid demo records; one in 100 is a second registration of an earlier person."""
    generator = DemoGenerator(seed, dt.date(2025, 6, 15))
    out: list[dict[str, Any]] = []
    for n in range(count):
        if n % 100 == 99:
            twin = copy.deepcopy(out[n - 50])
            twin["record_id"] = str(uuid.uuid4())
            out.append(twin)
            continue
        record = generator.record()
        record["revision"] = 1
        out.append(record)
    return out


def open_staff(home: Path, name: str, database: str | None) -> session.StaffSession:
    os.environ["SJELDEN_HOME"] = str(home)
    profile = Profile.named(name, kdf_target_seconds=0.05)
    opened, _ = session.create(profile, PASSPHRASE, key_storage="file", register_db=database)
    return opened


def run_import(
    opened: session.StaffSession, batches: list[bytes], workers: int, validate: bool
) -> float:
    validator = None if validate else (lambda payload: [])
    with Importer(opened, workers=workers, validator=validator) as importer:
        importer.import_bytes(batches[0])  # start the pool and load code lists (not timed)
        start = time.perf_counter()
        for _, outcome in importer.import_many(
            (n, data, None) for n, data in enumerate(batches[1:])
        ):
            assert not isinstance(outcome, Exception), outcome
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--database", help="postgresql://… (default: the profile's SQLCipher)")
    args = parser.parse_args()

    t0 = time.perf_counter()
    records = synthetic(args.records + args.batch, seed=3)
    print(f"{len(records)} synthetic records in {time.perf_counter() - t0:.1f} s")

    with tempfile.TemporaryDirectory(prefix="sjelden-bench-staff-") as tmp:
        results: dict[str, float] = {}
        for label, validate in (("full import", True), ("without validation", False)):
            database = args.database
            if database and label != "full import":
                database = None  # the PostgreSQL database takes one register; compare on SQLCipher
            opened = open_staff(Path(tmp) / label.replace(" ", "-"), "staff", database)
            try:
                clinic = Ed25519PrivateKey.generate()
                opened.register.call(
                    lambda db, k=clinic: trust.pin_installation(
                        db, k.public_key(), "bench", actor="b"
                    )  # type: ignore[misc]
                )
                recipient = opened.keys.register_keys[opened.keys.newest_register_key_id]
                t0 = time.perf_counter()
                batches = [
                    build_batch(
                        records[i : i + args.batch],
                        batch_id=str(uuid.uuid4()),
                        signer=clinic,
                        recipient=recipient.public_key(),
                    )
                    for i in range(0, len(records), args.batch)
                ]
                if label == "full import":
                    print(f"{len(batches)} sealed batches in {time.perf_counter() - t0:.1f} s")
                seconds = run_import(opened, batches, args.workers, validate)
                counts = opened.register.counts()
                assert counts.pending == len(records), counts
                results[label] = args.records / seconds
                backend = opened.register.dialect
                print(
                    f"{label:<20} ({backend}, {args.workers} workers): {args.records} records in "
                    f"{seconds:6.1f} s = {results[label]:8.0f} records/s"
                    + (f"  (goal >= {GOAL})" if label == "full import" else "")
                )
                if label == "full import":
                    # Then into the register store itself: accepting every clean item writes
                    # the record, its index keys and the decision (what "insert" costs).
                    t0 = time.perf_counter()
                    cleaned = decisions.accept_clean(opened.register)
                    accepted, left = cleaned.accepted, cleaned.left
                    accept_s = time.perf_counter() - t0
                    both = accepted / (seconds * accepted / args.records + accept_s)
                    results["with acceptance"] = both
                    print(
                        f"{'accept clean':<20} ({backend}): {accepted} records into the "
                        f"register in {accept_s:6.1f} s = {accepted / accept_s:8.0f} records/s "
                        f"({left} left for a decision)"
                    )
                    print(
                        f"{'import + accept':<20} ({backend}): {both:8.0f} records/s end to end"
                        f"  (goal >= {GOAL})"
                    )
            finally:
                opened.close()

    sample = records[: min(2000, len(records))]
    validation_errors(sample[0])
    t0 = time.perf_counter()
    for record in sample:
        validation_errors(record)
    single = len(sample) / (time.perf_counter() - t0)
    print(f"validator alone, one core: {single:8.0f} records/s")
    full, bare = results["full import"], results["without validation"]
    print(f"validation's share of the import: {1 - full / bare:.0%} of the time")
    print(f"full import vs the validator on one core: {full / single:.2f}x")
    both = results["with acceptance"]
    print(f"goal: {'met' if full >= GOAL else 'NOT met'} ({full:.0f} vs {GOAL} records/s)")
    print(
        f"goal with acceptance into the register: {'met' if both >= GOAL else 'NOT met'} "
        f"({both:.0f} vs {GOAL} records/s)"
    )


if __name__ == "__main__":
    main()
