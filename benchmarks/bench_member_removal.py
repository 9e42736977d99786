"""Removing a staff member (issue 17 point 1): the one transaction that re-seals every payload
under a new data key, seals the new keys to the remaining members and signs the manifest.

Run: .venv-test/bin/python benchmarks/bench_member_removal.py [--records 10000] [--rounds 5]
     [--database postgresql://...]

A real staff profile (SQLCipher file, or its register on PostgreSQL with --database) holds
``--records`` accepted synthetic registrations (each with its letter-queue row) and as many
pending ones; each round adds a member (in memory keys, as ``staff member add`` does) and
removes them again with ``members.remove_member``. Printed: seconds per removal (median, p99),
sealed payloads re-sealed per second, and the baseline, the same removal on an empty register
(what a removal costs beyond re-sealing), with the ratio. The unlock's member step (opening the
member's wraps) is timed too, against the register's own key check it runs beside.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_staff_import import PASSPHRASE, synthetic
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from figures import ms, pct, timed
from sjelden_protocol import build_batch

from desktop.staff import decisions, members, session, trust
from desktop.staff.importer import Importer
from desktop.storage.profile import Profile


def open_staff(home: Path, database: str | None) -> session.StaffSession:
    os.environ["SJELDEN_HOME"] = str(home)
    profile = Profile.named("staff", kdf_target_seconds=0.05)
    opened, _ = session.create(profile, PASSPHRASE, key_storage="file", register_db=database)
    return opened


def fill(opened: session.StaffSession, count: int, batch: int = 1_000) -> None:
    """``count`` accepted registrations and ``count`` pending ones."""
    clinic = Ed25519PrivateKey.generate()
    opened.register.call(
        lambda db: trust.pin_installation(db, clinic.public_key(), "bench", actor="b")
    )
    recipient = opened.keys.register_keys[opened.keys.newest_register_key_id].public_key()
    records = synthetic(2 * count, seed=5)
    with Importer(opened, workers=os.cpu_count() or 1, validator=lambda payload: []) as imp:
        for start in range(0, count, batch):
            imp.import_bytes(
                build_batch(records[start : start + batch], batch_id=str(uuid.uuid4()),
                            signer=clinic, recipient=recipient)
            )  # fmt: skip
        decisions.accept_clean(opened.register)
        for start in range(count, 2 * count, batch):
            imp.import_bytes(
                build_batch(records[start : start + batch], batch_id=str(uuid.uuid4()),
                            signer=clinic, recipient=recipient)
            )  # fmt: skip


def one_removal(opened: session.StaffSession) -> int:
    identity = members.identity_of(
        "Benk Benksen", Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    )
    members.add_member(opened, members_request(identity), identity.fingerprint, "reviewer")
    rotation, _ = members.remove_member(opened, identity.key_id)
    return rotation.resealed


def members_request(identity: members.Identity) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        path = members.write_request(identity, Path(tmp) / "join.json")
        return path.read_bytes()


def measure(opened: session.StaffSession, rounds: int) -> tuple[list[float], int]:
    resealed: list[int] = []
    samples = timed(rounds, lambda: resealed.append(one_removal(opened)))
    return samples, resealed[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--database", help="postgresql://… (default: the profile's SQLCipher)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="sjelden-bench-members-") as tmp:
        empty = open_staff(Path(tmp) / "empty", None)
        try:
            base, _ = measure(empty, args.rounds)
        finally:
            empty.close()
        opened = open_staff(Path(tmp) / "full", args.database)
        try:
            t0 = time.perf_counter()
            fill(opened, args.records)
            print(f"register filled in {time.perf_counter() - t0:.1f} s")
            full, resealed = measure(opened, args.rounds)
            own = opened.keys.member_key
            assert own is not None
            kid = opened.staff_key_id
            unlock = timed(
                args.rounds * 10,
                lambda: opened.register.backend.submit(
                    lambda db: members.open_wraps(db, kid, own)
                ).result(),
            )
            check = timed(
                args.rounds * 10,
                lambda: opened.register.backend.submit(
                    lambda db: db.execute("SELECT value FROM register_meta").fetchall()
                ).result(),
            )
            backend = opened.register.dialect
        finally:
            opened.close()

    median, base_median = pct(full, 0.5), pct(base, 0.5)
    print(f"backend {backend}, {args.rounds} rounds, {resealed} sealed payloads per removal")
    print(
        f"removal, empty register (baseline): median {ms(base_median)}  p99 {ms(pct(base, 0.99))}"
    )
    print(
        f"removal, full register:             median {ms(median)}  p99 {ms(pct(full, 0.99))}"
        f"  ratio {median / base_median:6.1f}x"
    )
    print(f"re-sealed: {resealed / max(median - base_median, 1e-9):10.0f} payloads/s")
    print(
        f"opening one member's wraps: median {ms(pct(unlock, 0.5))}  p99 {ms(pct(unlock, 0.99))}"
        f"  (a register_meta read: {ms(pct(check, 0.5))}, ratio "
        f"{pct(unlock, 0.5) / max(pct(check, 0.5), 1e-9):5.1f}x)"
    )


if __name__ == "__main__":
    main()
