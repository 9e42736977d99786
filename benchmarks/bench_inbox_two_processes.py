"""Uploads per second through one inbox process and through two on the same PostgreSQL
(docs/inbox.md "Deployment"): the clients spread their uploads round robin over the
processes, as a load balancer would. Baseline: one process; prints medians and p99 over
rounds and the ratio two/one. Every upload must be stored exactly once (201, then counted).

Run: .venv-test/bin/python benchmarks/bench_inbox_two_processes.py [--database postgresql://...]
     [--rounds 5] [--clients 8] [--batches 10] [--records 50]
(default database: SJELDEN_TEST_PG_URL; without one the benchmark is skipped.)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx
import psycopg
from bench_envelope import synthetic_records
from bench_inbox import enroll, free_port
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from figures import pct
from sjelden_inbox.storage import Store, open_database
from sjelden_protocol import build_batch
from sjelden_protocol.keys import save_private_key


def start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [sys.executable, "-m", "sjelden_inbox", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=1)
            return process
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError("inbox did not start")


def round_of_uploads(
    urls: list[str], work: list[list[tuple[str, bytes]]], latencies: list[float]
) -> float:
    """Every client uploads its batches, the n-th to ``urls[n % len(urls)]``; wall seconds."""
    failures: list[int] = []
    lock = threading.Lock()
    barrier = threading.Barrier(len(work) + 1)

    def client(index: int, batches: list[tuple[str, bytes]]) -> None:
        sessions = [httpx.Client(base_url=url, timeout=120) for url in urls]
        try:
            barrier.wait()
            for n, (batch_id, data) in enumerate(batches):
                began = time.perf_counter()
                answer = sessions[(index + n) % len(urls)].put(
                    f"/v1/batches/{batch_id}", content=data
                )
                with lock:
                    latencies.append(time.perf_counter() - began)
                    if answer.status_code != 201:
                        failures.append(answer.status_code)
        finally:
            for session in sessions:
                session.close()

    threads = [threading.Thread(target=client, args=(i, b)) for i, b in enumerate(work)]
    for thread in threads:
        thread.start()
    barrier.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"{len(failures)} uploads not stored: {sorted(set(failures))}")
    return wall


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database", default=os.environ.get("SJELDEN_TEST_PG_URL"))
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--batches", type=int, default=10, help="batches per client a round")
    parser.add_argument("--records", type=int, default=50)
    args = parser.parse_args()
    if not args.database:
        print("skipped: needs --database postgresql://... or SJELDEN_TEST_PG_URL")
        return 0
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(args.database, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in args.database else "?"
    url = f"{args.database}{separator}options={quote(f'-csearch_path={schema}')}"
    processes: list[subprocess.Popen[bytes]] = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            keys = enroll(url, args.clients)
            key_file = Path(tmp) / "server-signing-key.pem"
            save_private_key(Ed25519PrivateKey.generate(), key_file)
            env = {k: v for k, v in os.environ.items() if not k.startswith("SJELDEN_INBOX_")}
            env.update(
                SJELDEN_INBOX_DATABASE_URL=url,
                SJELDEN_INBOX_DATA_DIR=tmp,
                SJELDEN_INBOX_SERVER_KEY_FILE=str(key_file),
                SJELDEN_INBOX_PUBLIC_URLS="https://innboks.bench.test",
                SJELDEN_INBOX_RATE_LIMIT_PER_MINUTE="100000000",
                SJELDEN_INBOX_LOG_LEVEL="warning",
            )
            ports = [free_port(), free_port()]
            processes = [start(env, port) for port in ports]
            urls = [f"http://127.0.0.1:{port}" for port in ports]
            register = X25519PrivateKey.generate()
            records = synthetic_records(args.records)

            def batches() -> list[list[tuple[str, bytes]]]:
                out = []
                for key in keys:
                    mine = []
                    for _ in range(args.batches):
                        batch_id = str(uuid.uuid4())
                        mine.append(
                            (
                                batch_id,
                                build_batch(
                                    [{**r, "record_id": str(uuid.uuid4())} for r in records],
                                    batch_id=batch_id,
                                    signer=key,
                                    recipient=register.public_key(),
                                ),
                            )
                        )
                    out.append(mine)
                return out

            per_round = args.clients * args.batches
            rates: dict[int, list[float]] = {1: [], 2: []}
            latencies: dict[int, list[float]] = {1: [], 2: []}
            round_of_uploads(urls, batches(), [])  # warm-up: connections, pools, caches
            for _ in range(args.rounds):
                for count in (1, 2):  # interleaved, so drift hits both alike
                    wall = round_of_uploads(urls[:count], batches(), latencies[count])
                    rates[count].append(per_round / wall)
            store = Store(open_database(url, pool_size=1))
            stored = store.count_batches()
            store.close()
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=30)
        with psycopg.connect(args.database, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")
    expected = per_round * (2 * args.rounds + 1)
    print(
        f"{args.clients} clients x {args.batches} batches x {args.records} records a round, "
        f"{args.rounds} rounds, {os.cpu_count()} cores"
    )
    for count in (1, 2):
        name = "processes" if count > 1 else "process  "
        print(
            f"{count} {name}: median {statistics.median(rates[count]):7.1f} uploads/s"
            f" (min {min(rates[count]):.1f}); latency p50 "
            f"{statistics.median(latencies[count]) * 1000:.0f} ms, "
            f"p99 {pct(latencies[count], 0.99) * 1000:.0f} ms"
        )
    ratio = statistics.median(rates[2]) / statistics.median(rates[1])
    print(f"ratio two/one processes: {ratio:.2f}x (baseline: one process)")
    print(f"stored {stored} of {expected} uploads (exactly once: {stored == expected})")
    return 0 if stored == expected else 1


if __name__ == "__main__":
    raise SystemExit(main())
