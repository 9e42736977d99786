"""Inbox ingest throughput: N concurrent clients upload batches of 500 records to a real
`sjelden-inbox serve` subprocess. Prints records/s and p50/p99 upload latency.
Goal: >= 2,000 records/s on a 2-core machine, SQLite and PostgreSQL.

Run: .venv-test/bin/python benchmarks/bench_inbox.py [--database postgresql://...]
     [--clients 8] [--batches 6] [--records 500]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
from bench_envelope import synthetic_records
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from figures import pct
from sjelden_inbox.codes import canonical_code, new_code
from sjelden_inbox.storage import InstallationStatus, Store, open_database
from sjelden_protocol import build_batch, key_id
from sjelden_protocol.keys import raw_public

GOAL = 2_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def enroll(url: str, count: int) -> list[Ed25519PrivateKey]:
    store = Store(open_database(url, pool_size=1))
    store.migrate()
    keys = []
    for _ in range(count):
        key = Ed25519PrivateKey.generate()
        kid, code = key_id(key.public_key()), canonical_code(new_code())
        assert code is not None
        store.add_enrollment_code(code, now=0, expires_at=2**40)
        store.enroll(code, kid, raw_public(key.public_key()), "bench", now=0)
        store.set_status(kid, InstallationStatus.APPROVED, now=0)
        keys.append(key)
    store.close()
    return keys


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", help="postgresql://... (default: SQLite in a temp dir)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--batches", type=int, default=6, help="batches per client")
    parser.add_argument("--records", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'inbox.sqlite3'}"
        keys = enroll(url, args.clients)
        register = X25519PrivateKey.generate()
        records = synthetic_records(args.records)
        work = [
            [
                (
                    str(batch_id),
                    build_batch(
                        [{**r, "record_id": str(uuid.uuid4())} for r in records],
                        batch_id=batch_id,
                        signer=key,
                        recipient=register.public_key(),
                    ),
                )
                for batch_id in (uuid.uuid4() for _ in range(args.batches))
            ]
            for key in keys
        ]
        port = free_port()
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sjelden_inbox",
                "serve",
                "--data-dir",
                tmp,
                "--database",
                url,
                "--port",
                str(port),
                "--rate-limit-per-minute",
                "1000000",
                "--log-level",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{base}/v1/health", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            latencies: list[float] = []
            failures: list[int] = []
            lock = threading.Lock()
            barrier = threading.Barrier(args.clients + 1)

            def client(batches: list[tuple[str, bytes]]) -> None:
                with httpx.Client(base_url=base, timeout=120) as http:
                    barrier.wait()
                    for batch_id, data in batches:
                        start = time.perf_counter()
                        answer = http.put(f"/v1/batches/{batch_id}", content=data)
                        elapsed = time.perf_counter() - start
                        with lock:
                            latencies.append(elapsed)
                            if answer.status_code != 201:
                                failures.append(answer.status_code)

            threads = [threading.Thread(target=client, args=(b,)) for b in work]
            for thread in threads:
                thread.start()
            barrier.wait()
            start = time.perf_counter()
            for thread in threads:
                thread.join()
            wall = time.perf_counter() - start
        finally:
            server.terminate()
            server.wait(timeout=30)
    total = args.clients * args.batches * args.records
    rate = total / wall
    backend = "postgresql" if args.database else "sqlite"
    print(
        f"{backend}: {args.clients} clients x {args.batches} batches x {args.records} records, "
        f"envelope {len(work[0][0][1])} bytes"
    )
    print(
        f"{rate:,.0f} records/s (goal {GOAL:,}); latency p50 "
        f"{statistics.median(latencies) * 1000:.0f} ms, p99 {pct(latencies, 0.99) * 1000:.0f} ms; "
        f"failures {len(failures)}"
    )
    return 0 if rate >= GOAL and not failures else 1


if __name__ == "__main__":
    raise SystemExit(main())
