"""Record list benchmark: the main window's list over 100,000 registrations, offscreen.

Run: ``.venv-test/bin/python benchmarks/bench_record_list.py [--records 100000]``

A throwaway profile (``SJELDEN_HOME`` in a temporary directory, key kept in a file) is
filled with synthetic records by ``records.import_many`` in a child process, so this process's
RSS holds the window and the list only. The real main window is then unlocked offscreen
and the record list is paged to the end with ``fetchMore`` (what scrolling does). Printed:
time to the first page, time per page p50/p99, total time to list everything, process RSS
(VmRSS) before and after, and keyset (``after=``) against OFFSET paging at depth 90,000.
It asserts nothing: the machines are shared and noisy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.storage import records

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from figures import ms, pct, rss_mib  # noqa: E402

PASS = "benchmark passphrase 2026"
FORM = {"form_id": "sjeldenregisteret", "form_version": 1}
FAMILY_NAMES = ("Testesen", "Prøvesen", "Demodal", "Fiktivsen", "Eksempelstad", "Dummyvik")


def fill(directory: Path, count: int) -> None:
    """Child process: create the profile and import ``count`` synthetic records."""
    from desktop.storage.profile import Profile
    from desktop.storage.records import RecordStatus
    from tests.helpers.synthetic import record

    rng = random.Random(2026)
    statuses = list(RecordStatus)
    first_day = dt.date(2015, 1, 1)
    profile = Profile(directory, kdf_target_seconds=0.05)
    with profile.create(PASS, key_storage="file").store as store:
        for start in range(0, count, 10_000):
            items = []
            for _ in range(min(10_000, count - start)):
                payload = record(rng, family_name=rng.choice(FAMILY_NAMES))
                day = first_day + dt.timedelta(days=rng.randrange(4000))
                payload["reporter"]["registration_date"] = day.isoformat()
                items.append((payload["record_id"], payload, rng.choice(statuses)))
            store.call(
                lambda c, items=items: records.import_many(c, items, **FORM, author=store.actor)
            )


def wait_for(model, condition) -> None:
    """Run the event loop until ``condition()`` holds (checked whenever loading changes)."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    model.loading_changed.connect(loop.quit)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    try:
        while not condition():
            guard.start(30_000)
            loop.exec()
            if not guard.isActive():
                raise TimeoutError("the record list did not load")
    finally:
        guard.stop()
        model.loading_changed.disconnect(loop.quit)


def depth_comparison(store, depth: int, page_size: int, repeats: int) -> None:
    """One page at ``depth`` by OFFSET (the old paging) and by keyset (``after=``)."""
    from desktop.storage import records

    print(f"page of {page_size} rows at depth {depth:,}: OFFSET vs keyset (median of {repeats})")
    for key in ("registered_on", "display_name", "updated_at", "status"):
        last = store.call(
            lambda c, k=key: records.list_rows(c, order_by=k, limit=1, offset=depth - 1)
        )[0]

        def timed(key: str = key, **paging) -> tuple[float, list[str]]:
            samples, ids = [], []
            for _ in range(repeats):
                start = time.perf_counter()
                rows = store.call(
                    lambda c, p=paging, k=key: records.list_rows(
                        c, order_by=k, limit=page_size, **p
                    )
                )
                samples.append(time.perf_counter() - start)
                ids = [r.record_id for r in rows]
            return statistics.median(samples), ids

        offset_time, offset_ids = timed(offset=depth)
        keyset_time, keyset_ids = timed(after=last)
        same = "same rows" if offset_ids == keyset_ids else "ROWS DIFFER"
        print(
            f"  {key:14s} OFFSET {ms(offset_time)}   keyset {ms(keyset_time)}   "
            f"ratio OFFSET/keyset {offset_time / keyset_time:5.1f}x ({same})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--depth", type=int, default=90_000)
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--fill", type=Path, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    if args.fill:
        fill(args.fill, args.records)
        return

    with tempfile.TemporaryDirectory(prefix="sjelden-bench-list-") as tmp:
        os.environ["SJELDEN_HOME"] = tmp
        directory = Path(tmp) / "profile"
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, __file__, "--fill", str(directory), "--records", str(args.records)],
            check=True,
        )
        print(f"import {args.records:,} synthetic records: {time.perf_counter() - start:.1f} s")

        from desktop.storage.profile import Profile
        from desktop.storage.session import Session
        from desktop.ui import i18n
        from desktop.ui.app import application
        from desktop.ui.controller import AppController

        app = application()
        i18n.install("nb")
        profile = Profile(directory, kdf_target_seconds=0.05)
        controller = AppController(profile, Session(profile), check_interval_ms=3_600_000)
        controller.start()
        try:
            window = controller.main
            model = window.records.model
            controller.gate.unlock.passphrase.setText(PASS)
            controller.gate.unlock.try_unlock()
            deadline = time.monotonic() + 60
            while not (window.isVisible() and model.rowCount() and not model.loading):
                if time.monotonic() > deadline:
                    raise TimeoutError("the main window did not open")
                app.processEvents()
                time.sleep(0.005)
            window.resize(1200, 800)
            app.processEvents()

            # Time to first page: a fresh listing in the window's order (date, newest first).
            firsts = []
            for _ in range(5):
                start = time.perf_counter()
                model.reload()
                wait_for(model, lambda: model.rowCount() > 0 and not model.loading)
                firsts.append(time.perf_counter() - start)
            rss_before = rss_mib()

            pages = []
            start_all = time.perf_counter()
            while model.canFetchMore():
                start = time.perf_counter()
                before = model.rowCount()
                model.fetchMore()
                wait_for(model, lambda: not model.loading)
                if model.rowCount() > before:
                    pages.append(time.perf_counter() - start)
            total = time.perf_counter() - start_all + statistics.median(firsts)
            rss_after = rss_mib()
            rows = model.rowCount()
            ids = {model.record_id(row) for row in range(rows)}

            print(
                f"record list, {rows:,} rows listed ({len(ids):,} distinct), "
                f"{model.page_size} per page, sorted by {model.query.order_by}"
                f"{' desc' if model.query.descending else ''}"
            )
            print(f"  time to first page: median {ms(statistics.median(firsts))}")
            print(
                f"  time per page ({len(pages)} pages): p50 {ms(pct(pages, 0.5))}   "
                f"p99 {ms(pct(pages, 0.99))}   max {ms(max(pages))}"
            )
            print(
                "  deepest pages (last 10): median "
                f"{ms(statistics.median(pages[-10:]))}   first 10: "
                f"{ms(statistics.median(pages[:10]))}"
            )
            print(f"  total time to list all {rows:,}: {total:.2f} s")
            print(
                f"  process RSS: {rss_before:.0f} MiB after the first page, "
                f"{rss_after:.0f} MiB with all {rows:,} rows "
                f"({(rss_after - rss_before) * 1024 * 1024 / max(1, rows - model.page_size):.0f}"
                " bytes per row)"
            )
            store = controller.session.store
            depth = min(args.depth, max(1, rows - model.page_size))
            depth_comparison(store, depth, model.page_size, args.repeats)
        finally:
            controller.shutdown()
            app.processEvents()


if __name__ == "__main__":
    main()
