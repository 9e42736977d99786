"""Registry-staff ``audit verify``: walk a keyed, signed audit chain of 1,000,000 entries.

Two SQLCipher files (the staff profile's pragmas, a random raw key) hold the same number of
entries: one as the register writes them now (HMAC under the audit key, an Ed25519
signature per entry, a signed checkpoint every ``CHECKPOINT_EVERY``), one as the old
unkeyed SHA-256 chain. The rows are built with ``executemany`` in one transaction (not
timed); each round then runs ``desktop.storage.audit.verify`` (keyed) and
``verify_chain`` (the baseline: the old unkeyed verify) over the whole chain. Prints the
median and p99 per round, entries/s, and the ratio keyed/unkeyed: what the key and the
signatures cost on verification. A signature check per entry dominates (Ed25519 verify is
tens of microseconds; SHA-256 of a short row is one).

Run: .venv-test/bin/python benchmarks/bench_audit_verify.py [--entries 1000000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from figures import pct

from desktop.staff import crypto, schema
from desktop.staff.dialect import SqliteDb
from desktop.storage import audit
from desktop.storage.connection import Connection, open_encrypted
from desktop.storage.schema import migrate

ACTIONS = ("view:record", "review:accepted", "search:duplicate", "view:queue", "export:csv")
CHUNK = 50_000


def _entries(count: int) -> Iterator[audit.AuditEntry]:
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for seq in range(1, count + 1):
        at = (start + dt.timedelta(seconds=seq)).isoformat(timespec="microseconds")
        yield audit.AuditEntry(
            seq, at, "bench-actor", ACTIONS[seq % len(ACTIONS)], f"record-{seq % 5000}", 1,
            "items=1", None,
        )  # fmt: skip


def _open(directory: Path, name: str) -> Connection:
    conn = open_encrypted(directory / name, os.urandom(32), create=True)
    migrate(conn, None)
    return conn


def build_keyed(conn: Connection, count: int, signer: audit.Signer) -> None:
    db = SqliteDb(conn)
    schema.migrate(db, "audit")
    prev = audit.GENESIS
    kid = signer.key_id
    with db.transaction("bench build"):
        db.execute(
            "INSERT INTO audit_signers (key_id, public_key, first_seq) VALUES (?, ?, 1)",
            (kid, signer.public_raw),
        )
        rows: list[tuple[Any, ...]] = []
        marks: list[tuple[Any, ...]] = []
        for plain in _entries(count):
            entry = audit.AuditEntry(
                plain.seq, plain.at, plain.actor, plain.action, plain.record_id, plain.revision,
                plain.detail, kid,
            )  # fmt: skip
            digest = audit.keyed_hash(signer.mac_key, prev, entry)
            signature = signer.signing_key.sign(audit.entry_message(prev, entry, digest))
            rows.append(
                (entry.seq, entry.at, entry.actor, entry.action, entry.record_id, entry.revision,
                 prev, digest, entry.detail, kid, signature)
            )  # fmt: skip
            if entry.seq % audit.CHECKPOINT_EVERY == 0:
                message = audit.checkpoint_message(entry.seq, digest, entry.at, kid)
                marks.append((entry.seq, digest, entry.at, kid, signer.signing_key.sign(message)))
            prev = digest
            if len(rows) == CHUNK:
                _flush_keyed(conn, rows)
        _flush_keyed(conn, rows)
        conn.executemany(
            "INSERT INTO audit_checkpoints (seq, hash, at, signer, signature) "
            "VALUES (?, ?, ?, ?, ?)",
            marks,
        )


def _flush_keyed(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    conn.executemany(
        "INSERT INTO audit_log (seq, at, actor, action, record_id, revision, prev_hash, hash, "
        "detail, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    rows.clear()


def build_unkeyed(conn: Connection, count: int) -> None:
    prev = audit.GENESIS
    conn.execute("BEGIN IMMEDIATE")
    rows: list[tuple[Any, ...]] = []
    for entry in _entries(count):
        plain = audit.AuditEntry(
            *[getattr(entry, f) for f in ("seq", "at", "actor", "action", "record_id", "revision")]
        )
        digest = audit.unkeyed_hash(prev, plain)
        rows.append(
            (
                plain.seq,
                plain.at,
                plain.actor,
                plain.action,
                plain.record_id,
                plain.revision,
                prev,
                digest,
            )
        )
        prev = digest
        if len(rows) == CHUNK:
            conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
            rows.clear()
    conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    conn.execute("COMMIT")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cipher = crypto.RegisterCipher(crypto.new_secret(), crypto.new_secret())
    signer = audit.Signer(cipher.audit_key(), Ed25519PrivateKey.generate())
    with tempfile.TemporaryDirectory(prefix="sjelden-bench-audit-") as tmp:
        directory = Path(tmp)
        keyed, unkeyed = _open(directory, "keyed.db"), _open(directory, "unkeyed.db")
        start = time.perf_counter()
        build_keyed(keyed, args.entries, signer)
        build_unkeyed(unkeyed, args.entries)
        built = time.perf_counter() - start
        print(f"built {args.entries:,} entries per chain in {built:.1f} s (not timed)")
        key = cipher.audit_key()
        samples: dict[str, list[float]] = {"keyed": [], "unkeyed": []}
        for _ in range(args.rounds):
            for name, run in (
                ("unkeyed", lambda: audit.verify_chain(unkeyed)),
                ("keyed", lambda: audit.verify(keyed, key)),
            ):
                t0 = time.perf_counter()
                outcome = run()
                samples[name].append(time.perf_counter() - t0)
                intact = outcome is None if name == "unkeyed" else outcome.intact  # type: ignore[union-attr]
                if not intact:
                    raise SystemExit(f"{name} chain did not verify: {outcome}")
        keyed.close()
        unkeyed.close()
    print(f"audit verify over {args.entries:,} entries, {args.rounds} rounds (SQLCipher)")
    for name in ("unkeyed", "keyed"):
        median = statistics.median(samples[name])
        print(
            f"  {name:8} median {median:8.2f} s   p99 {pct(samples[name], 0.99):8.2f} s   "
            f"{args.entries / median:12,.0f} entries/s"
        )
    ratio = statistics.median(samples["keyed"]) / statistics.median(samples["unkeyed"])
    print(f"  ratio keyed/unkeyed (baseline: the old unkeyed verify): {ratio:.1f}x")


if __name__ == "__main__":
    main()
