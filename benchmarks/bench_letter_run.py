"""Registry-staff letter run: print 1,000 information letters (the queue's pending entries)
to one 0600 PDF through ``desktop.staff.letters.print_run`` with Qt's PDF writer, as
``sjelden staff letters print`` and the Letters tab do (plan, decrypt each record in memory,
render, paint, commit the run before the file takes its name). Prints seconds per run,
letters/s and peak memory (Python heap by tracemalloc, resident set by /proc), median and
p99 over rounds; the baseline is a run of one letter, so the per-letter ratio shows what a
large run costs beyond its fixed part (opening the PDF writer, the transaction).

One register holds enough accepted, letter-ready synthetic records for every round (not
timed); each round prints the next ``--letters`` pending entries (``limit``).

Run: QT_QPA_PLATFORM=offscreen .venv-test/bin/python benchmarks/bench_letter_run.py
     [--letters 1000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from figures import pct, rss_mib
from sjelden_protocol import build_batch

from desktop.forms.demo import DemoGenerator
from desktop.staff import decisions, letters, session, trust
from desktop.staff.importer import Importer
from desktop.storage.profile import Profile
from tests.helpers.letters import letter_ready

PASSPHRASE = "benchmark register passphrase"
BATCH = 1_000


def letter_ready_records(count: int, seed: int) -> list[dict[str, Any]]:
    """Valid demo records of living people with a postal address whom no clinic informed."""
    generator = DemoGenerator(seed, dt.date(2025, 6, 15))
    out: list[dict[str, Any]] = []
    for _ in range(count):
        record = generator.record()
        record["revision"] = 1
        out.append(letter_ready(record))
    return out


def filled_register(home: Path, count: int) -> session.StaffSession:
    """A staff profile whose queue holds ``count`` pending letters (import + accept)."""
    os.environ["SJELDEN_HOME"] = str(home)
    profile = Profile.named("staff", kdf_target_seconds=0.05)
    opened, _ = session.create(profile, PASSPHRASE, key_storage="file")
    clinic = Ed25519PrivateKey.generate()
    opened.register.call(
        lambda db: trust.pin_installation(db, clinic.public_key(), "bench", actor="b")
    )
    recipient = opened.keys.register_keys[opened.keys.newest_register_key_id].public_key()
    records = letter_ready_records(count, seed=17)
    with Importer(opened, workers=1) as importer:
        for i in range(0, len(records), BATCH):
            batch = build_batch(
                records[i : i + BATCH],
                batch_id=f"00000000-0000-4000-8000-{i:012d}",
                signer=clinic,
                recipient=recipient,
            )
            importer.import_bytes(batch)
    decisions.accept_clean(opened.register)
    pending = letters.counts(opened.register).pending
    assert pending == count, (pending, count)
    return opened


def one_run(
    opened: session.StaffSession, out: Path, paint: letters.Painter, size: int
) -> tuple[float, float]:
    """Seconds and peak traced MiB of one run of ``size`` letters into ``out``."""
    tracemalloc.start()
    start = time.perf_counter()
    result = letters.print_run(opened.register, out, paint, limit=size)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.letters == size and out.stat().st_mode & 0o777 == 0o600, result
    out.unlink()
    return seconds, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--letters", type=int, default=1_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop.ui import printing

    app = QGuiApplication.instance() or QGuiApplication(["sjelden-bench"])
    paint: letters.Painter = printing.write_documents
    baseline_rounds = max(args.rounds, 5)
    needed = args.rounds * args.letters + baseline_rounds + 1

    with tempfile.TemporaryDirectory(prefix="sjelden-bench-letters-") as tmp:
        t0 = time.perf_counter()
        opened = filled_register(Path(tmp) / "home", needed)
        print(f"{needed} pending letters queued in {time.perf_counter() - t0:.1f} s (not timed)")
        try:
            out = Path(tmp) / "run.pdf"
            one_run(opened, out, paint, 1)  # warm up: fonts, templates, the PDF writer
            base = [one_run(opened, out, paint, 1)[0] for _ in range(baseline_rounds)]
            rss_before = rss_mib()
            big = [one_run(opened, out, paint, args.letters) for _ in range(args.rounds)]
            rss_after = rss_mib()
        finally:
            opened.close()
    del app

    seconds = [s for s, _ in big]
    peaks = [p for _, p in big]
    median, p99 = statistics.median(seconds), pct(seconds, 0.99)
    base_median = statistics.median(base)
    print(
        f"run of {args.letters} letters ({args.rounds} rounds): median {median:6.2f} s, "
        f"p99 {p99:6.2f} s = {args.letters / median:6.0f} letters/s (median)"
    )
    print(
        f"peak Python heap per run: median {statistics.median(peaks):6.1f} MiB, "
        f"max {max(peaks):6.1f} MiB; resident {rss_before:6.1f} -> {rss_after:6.1f} MiB"
    )
    print(
        f"baseline, run of 1 letter ({baseline_rounds} rounds): median "
        f"{base_median * 1000:7.1f} ms, p99 {pct(base, 0.99) * 1000:7.1f} ms"
    )
    per_letter = median / args.letters
    print(
        f"per letter in a run of {args.letters}: {per_letter * 1000:6.2f} ms = "
        f"{per_letter / base_median:.2f}x a run of one letter"
    )


if __name__ == "__main__":
    main()
