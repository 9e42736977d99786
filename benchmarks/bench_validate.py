"""Headless validation throughput on synthetic records (``sjelden demo-data``).

Prints records per second for the full validator (every rule, code lists, messages) through
``validate()`` (what packing and the registry import use, via ``error_keys``), and, as a
baseline, for the structural pydantic model alone, best of several rounds so
a busy shared machine skews the figures less. Goal: at least 10,000 records/s for the full
validator (the registry import must take >= 2,000 records/s including verify, decrypt,
de-duplicate and insert, and packing re-validates every record).

    .venv-test/bin/python benchmarks/bench_validate.py [--count 2000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections.abc import Callable
from typing import Any

from desktop.forms.demo import demo_records
from desktop.forms.model import record_model
from desktop.forms.validate import validate


def best_rate(
    records: list[dict[str, Any]], check: Callable[[dict[str, Any]], object], rounds: int
) -> float:
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        for record in records:
            check(record)
        best = max(best, len(records) / (time.perf_counter() - start))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    today = dt.date(2025, 6, 15)
    records = list(demo_records(args.count, seed=1, today=today))
    validate(records[0], today=today)  # load code lists and the definition once
    model = record_model()
    full = best_rate(records, lambda r: validate(r, today=today), args.rounds)
    draft = best_rate(records, lambda r: validate(r, today=today, mode="draft"), args.rounds)
    pydantic_only = best_rate(records, model.model_validate, args.rounds)
    print(f"records: {len(records)} (best of {args.rounds} rounds)")
    print(f"full validation (complete): {full:10.0f} records/s  (goal >= 10000)")
    print(f"draft validation:           {draft:10.0f} records/s")
    print(f"pydantic model only:        {pydantic_only:10.0f} records/s  (structure, no rules)")
    print(f"full rules cost {pydantic_only / full:.1f}x the structural check alone")


if __name__ == "__main__":
    main()
