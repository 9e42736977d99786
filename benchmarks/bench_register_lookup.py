"""Duplicate lookup in the register store with 1,000,000 records: the keyed-hash index
(person, diagnosis) that the import and every acceptance use, on the staff profile's
SQLCipher file and (with SJELDEN_TEST_PG_URL or --database) PostgreSQL.

Bulk-loads synthetic rows (register records with sealed payloads of a realistic size, and
their index rows) in big transactions (executemany; COPY on PostgreSQL), then times random
lookups through ``Register.find_duplicate`` (keyed hashes, the register's thread, the index
seek) and prints p50/p99. Baseline: the same query forced to scan (no index), which is what
a lookup would cost if national ids were encrypted without a keyed hash. Goal: p99 <= 5 ms.

Run: .venv-test/bin/python benchmarks/bench_register_lookup.py [--records 1000000]
     [--lookups 5000] [--database postgresql://...]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import ms, pct

from desktop.staff import register as reg
from desktop.staff import session
from desktop.staff.dialect import Db, PgDb
from desktop.storage.profile import Profile

GOAL_P99 = 0.005
PASSPHRASE = "benchmark register passphrase"
CHUNK = 50_000
ORPHA = [f"ORPHA:{n}" for n in range(1, 6001)]


def synthetic_nid(n: int) -> str:
    return f"{n:011d}"  # only ever hashed: the lookup cost does not depend on check digits


def rows(opened: session.StaffSession, start: int, count: int) -> Iterator[tuple[Any, ...]]:
    cipher = opened.register.cipher
    rng = random.Random(start)
    payload = cipher.seal({"x": "y" * 1400}, b"bench")  # the size of a sealed record
    for n in range(start, start + count):
        record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        person = cipher.person_key(synthetic_nid(n))
        diagnosis = cipher.diagnosis_key(ORPHA[n % len(ORPHA)])
        yield record_id, person, diagnosis, payload


def load(opened: session.StaffSession, total: int) -> float:
    started = time.perf_counter()
    stamp = reg.now()
    for start in range(0, total, CHUNK):
        batch = list(rows(opened, start, min(CHUNK, total - start)))

        def write(db: Db, batch: list[tuple[Any, ...]] = batch) -> None:
            records = [(r, 1, p, pl, "b", "i", stamp, stamp, "bench") for r, p, _, pl in batch]
            index = [(p, d, r) for r, p, d, _ in batch]
            if isinstance(db, PgDb):
                with db.conn.transaction(), db.conn.cursor() as cursor:
                    with cursor.copy(
                        "COPY register_records (record_id, revision, person_key, payload, "
                        "batch_id, installation_key_id, received_at, accepted_at, accepted_by) "
                        "FROM STDIN"
                    ) as copy:
                        for row in records:
                            copy.write_row(row)
                    with cursor.copy(
                        "COPY register_index (person_key, diagnosis_key, record_id) FROM STDIN"
                    ) as copy:
                        for row in index:
                            copy.write_row(row)
                return
            with db.transaction("bulk load"):
                db.executemany(
                    "INSERT INTO register_records (record_id, revision, person_key, payload, "
                    "batch_id, installation_key_id, received_at, accepted_at, accepted_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    records,
                )
                db.executemany(
                    "INSERT INTO register_index (person_key, diagnosis_key, record_id) "
                    "VALUES (?, ?, ?)",
                    index,
                )

        opened.register.call(write, "bulk load")
    if opened.register.dialect == "postgresql":
        opened.register.call(lambda db: db.execute("ANALYZE"), "analyze")
    return time.perf_counter() - started


def time_lookups(opened: session.StaffSession, total: int, count: int) -> tuple[list[float], int]:
    rng = random.Random(99)
    samples: list[float] = []
    hits = 0
    for _ in range(count):
        n = rng.randrange(total * 2)  # half of them are people the register does not hold
        started = time.perf_counter()
        found = opened.register.find_duplicate(synthetic_nid(n), ORPHA[n % len(ORPHA)])
        samples.append(time.perf_counter() - started)
        hits += found is not None
    return samples, hits


def time_scans(opened: session.StaffSession, total: int, count: int) -> list[float]:
    """The same lookup with the index out of play: a scan of the whole table."""
    cipher = opened.register.cipher
    postgres = opened.register.dialect == "postgresql"
    sql = (
        "SELECT record_id FROM register_index WHERE person_key = ? AND diagnosis_key = ? "
        "AND record_id <> ? ORDER BY record_id LIMIT 1"
    )
    if postgres:
        # Other text than the lookup's own query: psycopg prepares a statement after a few
        # runs, and a prepared plan (the index seek) would ignore the settings below.
        sql = "/* baseline scan */ " + sql
    else:
        sql = sql.replace("FROM register_index", "FROM register_index NOT INDEXED")
    rng = random.Random(7)
    samples = []
    plans: list[str] = []
    for _ in range(count):
        n = rng.randrange(total)
        person = cipher.person_key(synthetic_nid(n))
        diagnosis = cipher.diagnosis_key(ORPHA[n % len(ORPHA)])

        def scan(db: Db, person: bytes = person, diagnosis: bytes = diagnosis) -> Any:
            if postgres:
                with db.transaction("scan"):
                    for setting in (
                        "enable_indexscan",
                        "enable_bitmapscan",
                        "enable_indexonlyscan",
                    ):
                        db.execute(f"SET LOCAL {setting} = off")
                    if not plans:
                        plans.extend(
                            str(r[0]) for r in db.execute("EXPLAIN " + sql, (person, diagnosis, ""))
                        )
                    return db.execute(sql, (person, diagnosis, "")).fetchone()
            return db.execute(sql, (person, diagnosis, "")).fetchone()

        started = time.perf_counter()
        assert opened.register.call(scan, "scan") is not None
        samples.append(time.perf_counter() - started)
    if plans:
        print("  baseline plan: " + " / ".join(p.strip() for p in plans[:3]))
    return samples


def run(label: str, database: str | None, args: argparse.Namespace, home: Path) -> None:
    os.environ["SJELDEN_HOME"] = str(home)
    profile = Profile.named(label, kdf_target_seconds=0.05)
    opened, _ = session.create(profile, PASSPHRASE, key_storage="file", register_db=database)
    try:
        seconds = load(opened, args.records)
        print(f"[{label}] loaded {args.records} records and index rows in {seconds:.1f} s "
              f"({args.records / seconds:.0f} rows/s)")  # fmt: skip
        time_lookups(opened, args.records, 200)  # warm the page cache
        samples, hits = time_lookups(opened, args.records, args.lookups)
        p50, p99 = pct(samples, 0.5), pct(samples, 0.99)
        print(f"[{label}] {args.lookups} duplicate lookups ({hits} found): p50 {ms(p50)}  "
              f"p99 {ms(p99)}  (goal p99 <= {ms(GOAL_P99).strip()}: "
              f"{'met' if p99 <= GOAL_P99 else 'NOT met'})")  # fmt: skip
        scans = time_scans(opened, args.records, args.scans)
        s50 = pct(scans, 0.5)
        print(f"[{label}] baseline without the index ({args.scans} scans): p50 {ms(s50)}  "
              f"-> the index is {s50 / p50:,.0f}x faster at p50")  # fmt: skip
    finally:
        opened.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=5_000)
    parser.add_argument("--scans", type=int, default=10)
    parser.add_argument("--database", default=os.environ.get("SJELDEN_TEST_PG_URL"))
    parser.add_argument("--skip-sqlcipher", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sjelden-bench-lookup-") as tmp:
        if not args.skip_sqlcipher:
            run("sqlcipher", None, args, Path(tmp) / "sqlcipher")
        if args.database:
            from tests.inbox.conftest import postgres_schema_url

            # A fresh schema, dropped afterwards, so the benchmark never touches real tables.
            os.environ.setdefault("SJELDEN_TEST_PG_URL", args.database)
            with postgres_schema_url() as url:
                run("postgresql", url, args, Path(tmp) / "postgresql")
        else:
            print("PostgreSQL: skipped (set SJELDEN_TEST_PG_URL or pass --database URL)")


if __name__ == "__main__":
    main()
