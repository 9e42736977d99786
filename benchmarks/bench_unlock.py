"""Unlock time after the Argon2id floor and CPU-time calibration (issue 13 point 6).

Run: ``.venv-test/bin/python benchmarks/bench_unlock.py [--rounds 30] [--setups 5]``

- Calibration: ``--setups`` fresh calibrations (``keywrap.derive_calibrated``, the default
  0.3 s target): the iteration counts chosen, 64 MiB each.
- Baseline: the calibration before issue 13 (one wall-clock probe at t=1, iterations =
  round(0.3 s / probe), no floor), calibrated as often, and its derivation times; and the
  floor alone (64 MiB, t=2).
- Unlock: a real profile (SQLCipher file, sealed key in the profile's key file), the
  passphrase check alone (Argon2id + unseal: ``verify_passphrase``) and the full unlock to
  an open store and back (``unlock`` + ``close``), ``--rounds`` times each: median, p95,
  p99, min/max, and how many rounds landed inside the 0.2-0.5 s band; the passphrase check
  also in this thread's CPU time, which is what the calibration aims at (a shared machine's
  load lengthens the wall clock, not the CPU time).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures import ms, pct, timed

from desktop.storage import keywrap, memory_wipe
from desktop.storage.keystore import FileBlobStore
from desktop.storage.profile import Profile

PASS = "benchmark unlock hest stift"


def _old_calibration(target: float = 0.3) -> keywrap.KdfParams:
    """What ``calibrate_kdf`` did before issue 13: a wall-clock probe at t=1, no floor."""
    probe = keywrap.KdfParams(salt=os.urandom(16), memory_kib=64 * 1024, iterations=1)
    start = time.perf_counter()
    memory_wipe.wipe(keywrap.derive_passphrase_key("calibration", probe))
    one = max(time.perf_counter() - start, 1e-4)
    iterations = max(1, min(32, round(target / one)))
    return keywrap.KdfParams(salt=probe.salt, memory_kib=64 * 1024, iterations=iterations)


def _derive_times(params: keywrap.KdfParams, rounds: int) -> list[float]:
    return timed(rounds, lambda: memory_wipe.wipe(keywrap.derive_passphrase_key(PASS, params)))


def _cpu_timed(rounds: int, run: Callable[[], object]) -> list[float]:
    """This thread's CPU seconds per call: what the calibration aims at, load left out."""
    samples = []
    for _ in range(rounds):
        start = time.thread_time()
        run()
        samples.append(time.thread_time() - start)
    return samples


def _line(label: str, samples: list[float]) -> None:
    low, high = keywrap.UNLOCK_BAND
    inside = sum(low <= s <= high for s in samples)
    print(
        f"{label:<38} median {ms(pct(samples, 0.5))}  p95 {ms(pct(samples, 0.95))}  "
        f"p99 {ms(pct(samples, 0.99))}  min {ms(min(samples))}  max {ms(max(samples))}  "
        f"in band {inside}/{len(samples)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--setups", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"cpu count {os.cpu_count()}, load {os.getloadavg()[0]:.2f}")

    chosen = []
    for _ in range(args.setups):
        params, kek = keywrap.derive_calibrated(PASS)
        memory_wipe.wipe(kek)
        chosen.append(params.iterations)
    old = [_old_calibration().iterations for _ in range(args.setups)]
    print(f"calibrated iterations (64 MiB): new {chosen}  baseline (before) {old}")

    rounds = args.rounds
    _line(
        f"baseline: before, t={min(old)}",
        _derive_times(keywrap.KdfParams(os.urandom(16), 64 * 1024, min(old)), rounds),
    )
    _line(
        "floor alone, t=2", _derive_times(keywrap.KdfParams(os.urandom(16), 64 * 1024, 2), rounds)
    )

    with tempfile.TemporaryDirectory(prefix="bench-unlock-") as tmp:
        os.environ["SJELDEN_HOME"] = tmp
        directory = Path(tmp) / "profile"
        profile = Profile(directory, key_store=FileBlobStore(directory))
        profile.create(PASS, key_storage="file").store.close()
        params = keywrap.KdfParams.from_json(
            json.loads(profile.key_store().load(profile.profile_id) or "{}")["kdf"]
        )
        print(f"profile sealed with t={params.iterations}, {params.memory_kib // 1024} MiB")
        _line(
            "passphrase check (KDF + unseal)",
            timed(rounds, lambda: profile.verify_passphrase(PASS)),
        )
        _line(
            "passphrase check, CPU time",
            _cpu_timed(rounds, lambda: profile.verify_passphrase(PASS)),
        )
        _line(
            "unlock to an open store and close", timed(rounds, lambda: profile.unlock(PASS).close())
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
