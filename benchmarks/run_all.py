"""Run every benchmark, one after another, each in its own process: one command for all.

Usage: ``.venv-test/bin/python benchmarks/run_all.py [--only NAME ...] [--skip NAME ...]``
(``NAME`` is a script's stem, e.g. ``bench_storage``). Each script prints its own figures and
ratios; this prints a line per script with its wall time and exit status at the end, and
exits non-zero if any script failed. PostgreSQL variants run when ``SJELDEN_TEST_PG_URL`` is
set (``scripts/start-test-postgres.sh`` starts a throwaway server). The GUI benchmarks need a
display: ``QT_QPA_PLATFORM=offscreen`` is set unless a platform is already chosen. Expect
about half an hour on a 2-core machine (the 1,000,000-row lookup benchmark alone loads for
several minutes).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = (
    "bench_storage",
    "bench_validate",
    "diagnosis_search",
    "bench_form",
    "bench_record_list",
    "bench_envelope",
    "bench_inbox",
    "bench_sync",
    "bench_sync_gui",
    "bench_staff_import",
    "bench_register_lookup",
    "bench_export",
)


def scripts() -> list[str]:
    """Every benchmark script: the known order first, then any new one, so none is missed."""
    found = {p.stem for p in HERE.glob("*.py") if p.stem not in ("run_all", "figures")}
    found.discard("__init__")
    return [name for name in ORDER if name in found] + sorted(found - set(ORDER))


def commands(name: str) -> list[list[str]]:
    base = [sys.executable, str(HERE / f"{name}.py")]
    runs = [base]
    database = os.environ.get("SJELDEN_TEST_PG_URL")
    if database and name in ("bench_inbox", "bench_staff_import"):
        runs.append([*base, "--database", database])
    return runs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, metavar="NAME")
    parser.add_argument("--skip", nargs="*", default=(), metavar="NAME")
    parser.add_argument("--list", action="store_true", help="only list the scripts")
    args = parser.parse_args(argv)
    names = [n for n in scripts() if (args.only is None or n in args.only) and n not in args.skip]
    if args.list:
        print("\n".join(names))
        return 0
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    summary: list[tuple[str, float, int]] = []
    for name in names:
        for command in commands(name):
            label = " ".join([name, *command[2:]])
            print(f"\n===== {label}", flush=True)
            start = time.perf_counter()
            status = subprocess.run(command, env=env, cwd=HERE.parent, check=False).returncode
            summary.append((label, time.perf_counter() - start, status))
    print("\n===== summary")
    for label, seconds, status in summary:
        print(f"{label:<60} {seconds:8.1f} s  {'ok' if status == 0 else f'FAILED ({status})'}")
    return 0 if all(status == 0 for _, _, status in summary) else 1


if __name__ == "__main__":
    raise SystemExit(main())
