"""Envelope throughput on one core: build + compress + encrypt + sign, and
verify + decrypt + decompress + parse. Goal: >= 10,000 records/s each.

Run: .venv-test/bin/python benchmarks/bench_envelope.py [--records 500] [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol import build_batch, key_id, open_batch

from desktop.forms.demo import demo_records

GOAL = 10_000


def synthetic_records(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """Records of realistic size and shape, from the form's demo generator."""
    return list(demo_records(count, seed=seed))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    signer, register = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    records = synthetic_records(args.records)
    ids = [uuid.uuid4() for _ in range(args.rounds)]
    start = time.perf_counter()
    batches = [
        build_batch(records, batch_id=i, signer=signer, recipient=register.public_key())
        for i in ids
    ]
    built = time.perf_counter() - start
    keys = {key_id(register.public_key()): register}
    signers = {key_id(signer.public_key()): signer.public_key()}
    start = time.perf_counter()
    for data in batches:
        open_batch(data, keys, signers)
    opened = time.perf_counter() - start
    total = args.records * args.rounds
    plain = sum(len(str(r)) for r in records) / len(records)
    print(
        f"records/batch {args.records}, ~{plain:.0f} chars/record, envelope {len(batches[0])} bytes"
    )
    ok = True
    for label, seconds in (("build+encrypt+sign", built), ("verify+decrypt", opened)):
        rate = total / seconds
        ok &= rate >= GOAL
        print(f"{label:<20} {rate:>10,.0f} records/s  (goal {GOAL:,})")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
