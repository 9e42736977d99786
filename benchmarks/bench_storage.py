"""Storage benchmarks: one save, bulk insert, list pages, encryption overhead, unlock, RSS.

Run: ``.venv-test/bin/python benchmarks/bench_storage.py [--records 100000]``
Prints figures and ratios; it asserts nothing (the machines are shared and noisy). Works in a
throwaway ``SJELDEN_HOME`` with a file-kept key, and synthetic records only.

The encryption overhead is the same workload (one bulk import, then list pages) on a plain
and an encrypted file opened with the same pragmas. SQLCipher's cost is per page it encrypts
or decrypts, so the bulk import is one transaction as ``records.import_many`` does it: every
page is then encrypted about once. ``--batch 10000`` imports 10,000 a transaction instead;
each commit then encrypts again every index page the batch touched (the list indexes fill at
random places), about 64,000 page encryptions for a 27,000-page file instead of 27,000.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.storage import records

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from figures import ms, pct, rss_mib

from desktop.storage import keywrap
from desktop.storage.connection import open_encrypted, open_plain
from desktop.storage.profile import Profile
from desktop.storage.records import RecordStatus
from desktop.storage.schema import migrate
from tests.helpers.synthetic import record

PASS = "benchmark passphrase 2026"
FORM = {"form_id": "sjeldenregisteret", "form_version": 1}


def bench_single_save(profile: Profile, n: int) -> None:
    rng = random.Random(1)
    with profile.unlock(PASS) as store:
        samples = []
        for _ in range(n):
            payload = record(rng)
            start = time.perf_counter()
            store.call(
                lambda c, p=payload: records.save_draft(
                    c, record_id=p["record_id"], payload=p, **FORM, author=store.actor
                )
            )
            samples.append(time.perf_counter() - start)
    print(f"save one record + audit entry ({n}x, synchronous=FULL, via the db thread)")
    print(f"  p50 {ms(pct(samples, 0.5))}   p99 {ms(pct(samples, 0.99))}   goal p99 <= 10 ms")


SIDES = ("plain", "encrypted")
SORT_KEYS = ("updated_at", "display_name", "registered_on", "status")


@dataclass
class Side:
    """The figures of one side (plain or encrypted) of the overhead comparison.

    Each list holds one entry per step of the workload (one bulk-insert transaction, one list
    page); over several rounds an entry keeps the best time that step had in any round.
    """

    insert: list[float] = field(default_factory=list)
    insert_cpu: list[float] = field(default_factory=list)
    pages: list[float] = field(default_factory=list)
    pages_cpu: list[float] = field(default_factory=list)

    def keep_best(self, attr: str, step: int, value: float) -> None:
        values: list[float] = getattr(self, attr)
        if step == len(values):
            values.append(value)
        else:
            values[step] = min(values[step], value)

    @property
    def total(self) -> float:
        return sum(self.insert) + sum(self.pages)

    @property
    def total_cpu(self) -> float:
        return sum(self.insert_cpu) + sum(self.pages_cpu)


def timed(side: Side, attr: str, step: int, fn: Callable[[], object]) -> None:
    cpu = time.process_time()
    start = time.perf_counter()
    fn()
    side.keep_best(attr, step, time.perf_counter() - start)
    side.keep_best(f"{attr}_cpu", step, time.process_time() - cpu)


def turns(first: int) -> tuple[str, ...]:
    return SIDES if first % 2 == 0 else SIDES[::-1]


def interleaved_round(
    conns: dict[str, Any],
    sides: dict[str, Side],
    payloads: list[dict[str, Any]],
    args: Any,
    round_no: int,
) -> None:
    """Bulk insert then list pages, the same SQL on both files, step by step in turn.

    The plain and the encrypted file take turns at every step (one transaction, one page),
    the side going first swapping each time: a burst of outside load on this shared machine
    then lands on both sides alike instead of on whichever side happened to be running.
    """
    items = [(p["record_id"], p, RecordStatus.COMPLETED) for p in payloads]
    batch = args.batch or len(items)
    for step, i in enumerate(range(0, len(items), batch)):
        chunk = items[i : i + batch]
        for label in turns(round_no + step):
            timed(
                sides[label],
                "insert",
                step,
                lambda c=conns[label], ch=chunk: records.import_many(c, ch, author="bench", **FORM),
            )
    rng = random.Random(3)
    for step in range(args.pages):
        key = rng.choice(SORT_KEYS)
        depth = rng.randint(0, max(0, len(payloads) - 101))
        for label in turns(round_no + step):
            conn = conns[label]
            # the row the previous page ended on (not timed): the app pages by keyset from there
            (after,) = records.list_rows(conn, order_by=key, limit=1, offset=depth)
            timed(
                sides[label],
                "pages",
                step,
                lambda c=conn, k=key, a=after: records.list_rows(c, order_by=k, limit=100, after=a),
            )


def naive_page(conn, offset: int) -> float:
    """Baseline: what listing costs without the summary columns (parse every payload)."""
    start = time.perf_counter()
    rows = conn.execute("SELECT record_id, status, payload FROM records").fetchall()
    decoded = [(rid, st, json.loads(p)) for rid, st, p in rows]
    decoded.sort(key=lambda r: r[2]["patient"]["family_name"])
    _ = decoded[offset : offset + 100]
    return time.perf_counter() - start


def release_freed_memory() -> None:
    """Hand memory freed by the rounds above back to the OS, so the RSS figure is the store's.

    glibc keeps freed heap (the page caches of the closed connections) mapped; without this
    the figure would count what the comparison left behind.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL("libc.so.6").malloc_trim(0)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--saves", type=int, default=500)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5, help="fresh file pairs to run")
    parser.add_argument(
        "--batch",
        type=int,
        default=0,
        help="records per bulk-insert transaction (default: all in one, as records.import_many)",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["SJELDEN_HOME"] = tmp
        profile = Profile.named("bench")
        start = time.perf_counter()
        profile.create(PASS, key_storage="file").store.close()
        print(f"set-up (calibrate KDF, seal key, create db): {ms(time.perf_counter() - start)}")
        bench_single_save(profile, args.saves)

        rng = random.Random(2)
        payloads = [record(rng) for _ in range(args.records)]
        # The payloads live through every round: keep the collector from walking them again
        # and again, at moments that would fall on one side or the other by chance.
        gc.collect()
        gc.freeze()
        key = keywrap.new_data_key()
        sides = {label: Side() for label in SIDES}
        naive: dict[str, list[float]] = {label: [] for label in SIDES}
        paths = {label: Path(tmp) / f"{label}.db" for label in SIDES}
        for round_no in range(args.rounds):
            for path in paths.values():
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            conns = {
                "plain": open_plain(paths["plain"]),
                "encrypted": open_encrypted(paths["encrypted"], key, create=True),
            }
            try:
                for conn in conns.values():
                    migrate(conn, None)
                interleaved_round(conns, sides, payloads, args, round_no)
                for label, conn in conns.items():
                    naive[label].append(naive_page(conn, rng.randint(0, args.records - 100)))
            finally:
                for conn in conns.values():
                    conn.close()
        enc_path = paths["encrypted"]  # the last round's file, for the unlock figure
        batch = f"transactions of {args.batch:,}" if args.batch else "one transaction"
        print(
            f"plain vs encrypted: bulk insert in {batch}, then {args.pages} list pages; "
            f"the two files take turns step by step, best of {args.rounds} rounds per step"
        )
        for label in ("encrypted", "plain"):
            side = sides[label]
            insert = sum(side.insert)
            print(
                f"{label:9s} bulk insert {args.records} records: {insert:7.2f} s "
                f"({args.records / insert:,.0f} records/s)"
            )
            print(
                f"{label:9s} list page (100 rows after a random row, keyset, by status/date/name): "
                f"p50 {ms(pct(side.pages, 0.5))}  p99 {ms(pct(side.pages, 0.99))}"
                "   goal p99 <= 20 ms"
            )
            print(
                f"{label:9s} naive page (parse every payload): "
                f"{ms(statistics.median(naive[label]))}"
                f"  -> ours is {statistics.median(naive[label]) / pct(side.pages, 0.5):,.0f}x "
                "faster (p50)"
            )
        enc, plain = sides["encrypted"], sides["plain"]
        # CPU time beside wall time: it leaves out time spent waiting for a core, so a gap
        # between the two says the machine was busy rather than that encryption costs more.
        print(
            f"encryption overhead, bulk insert: {sum(enc.insert) / sum(plain.insert):.3f}x "
            f"(CPU {sum(enc.insert_cpu) / sum(plain.insert_cpu):.3f}x)   goal <= 1.15"
        )
        print(
            f"encryption overhead, list page p50: "
            f"{pct(enc.pages, 0.5) / pct(plain.pages, 0.5):.3f}x   goal <= 1.15"
        )
        print(
            f"encryption overhead, whole workload: {enc.total / plain.total:.3f}x "
            f"(CPU {enc.total_cpu / plain.total_cpu:.3f}x)   goal <= 1.15"
        )

        # unlock a 100,000-record store through the real path (KDF + open + migrate check)
        del payloads
        gc.unfreeze()
        gc.collect()
        big = Profile.named("big")
        big.create(PASS, key_storage="file").store.close()
        big_key = big._unseal_with_passphrase(PASS)  # benchmark-only: reuse the fixture file
        conn = open_encrypted(enc_path, key)
        conn.execute(f"PRAGMA rekey = \"x'{bytes(big_key).hex()}'\"")
        conn.close()
        os.replace(enc_path, big.db_path)
        release_freed_memory()
        rss_before = rss_mib()
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            store = big.unlock(PASS)
            samples.append(time.perf_counter() - start)
            store.close()
        store = big.unlock(PASS)
        count = store.call(lambda c: records.count(c))
        first_page = store.call(lambda c: records.list_rows(c, limit=100))
        print(
            f"unlock (Argon2id + open + schema check), {count} records: "
            f"median {ms(statistics.median(samples))}   goal 200-500 ms"
        )
        print(
            f"process RSS: before open {rss_before:.0f} MiB, after open and first page "
            f"{rss_mib():.0f} MiB ({len(first_page)} rows)"
        )
        store.close()


if __name__ == "__main__":
    main()
