"""Staff exports: records per second for each format over synthetic accepted records.

Each format writes to a fresh folder under a temporary directory (synthetic data only), best
of several rounds so a busy shared machine skews the figures less. The FHIR and phenopacket
figures include validating every resource against its standard (fhir.resources R4B models,
the phenopackets v2 protobuf classes), which is most of their cost; the second FHIR line
shows what building alone costs. Reports are counted over the same records.

The research extract is then measured on its own at each of ``--research-counts`` (default
10,000 and 100,000), median of ``--research-rounds``, for each column set at the policy's
defaults (a refused set is shown as refused, with the time it took to find out), beside the
unprotected baseline: the rows at level 0 on the earlier extract's columns (age, sex,
county, ORPHA code, diagnosis year), with their share of unique rows, minimum k and loss 0.

    .venv-test/bin/python benchmarks/bench_export.py [--count 10000] [--rounds 3]
        [--research-counts 10000,100000] [--research-rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from figures import timed

from desktop.forms.demo import demo_records
from desktop.staff.export import FORMATS, AnonymityRefused, export, fhir_bundle, policy
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.records import current_revisions
from desktop.staff.export.reports import DIMENSIONS, count_by
from desktop.staff.export.research import Hierarchies, ResearchRequest, build_extract
from desktop.staff.model import Origin, RegisterRecord

TODAY = dt.date(2025, 6, 15)


def records(count: int) -> list[RegisterRecord]:
    origin = Origin("batch-bench", "install-bench", "2025-06-14T10:00:00Z")
    return [
        RegisterRecord(p["record_id"], p["revision"], p, origin, "2025-06-14T12:00:00Z", "staff")
        for p in demo_records(count, seed=1, today=TODAY)
    ]


def best(rounds: int, run: Callable[[], object]) -> float:
    return min(timed(rounds, run))


def median(rounds: int, run: Callable[[], object]) -> float:
    return statistics.median(timed(rounds, run))


def baseline(register: list[RegisterRecord]) -> tuple[float, int, int]:
    """The unprotected rows: (share unique, minimum k, rows) on the earlier columns."""
    hierarchies = Hierarchies()
    keys = []
    for record in register:
        for facts, _ in hierarchies.rows(record, TODAY):
            ladders = facts.ladders
            keys.append(
                (
                    ladders["age"][0],
                    ladders["sex"][0],
                    ladders["geography"][1],  # the county, as the earlier extract had it
                    ladders["diagnosis"][0],
                    ladders["diagnosis_year"][0],
                )
            )
    counts = Counter(keys)
    unique = sum(1 for key in keys if counts[key] == 1)
    return unique / len(keys), min(counts.values()), len(keys)


def research(count: int, rounds: int) -> None:
    register = list(current_revisions(records(count)))
    start = time.perf_counter()
    unique, smallest, rows = baseline(register)
    seconds = time.perf_counter() - start
    print(f"research extract, {count} records ({rows} rows), median of {rounds}:")
    print(
        f"  unprotected baseline  {seconds:6.2f} s  k {smallest}  loss 0.0000  "
        f"unique rows {unique:.1%}"
    )
    for name in policy.COLUMN_SETS:
        request = ResearchRequest.build(columns=name)
        outcome: list[str] = []

        def run(request: ResearchRequest = request, outcome: list[str] = outcome) -> None:
            outcome.clear()
            try:
                extract = build_extract(register, request, TODAY)
            except AnonymityRefused as exc:
                outcome.append(f"refused ({exc.code})")
                return
            result = extract.result
            levels = ", ".join(
                f"{c} {policy.HIERARCHIES[c][level]}" for c, level in result.levels.items()
            )
            outcome.append(
                f"k {result.k}  loss {result.loss:.4f}  rows suppressed "
                f"{result.rows_suppressed / extract.total_rows:.1%}  "
                f"nodes {result.nodes_evaluated}  [{levels}]"
            )

        seconds = median(rounds, run)
        print(f"  {name:20s}  {seconds:6.2f} s  {outcome[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--research-counts", default="10000,100000")
    parser.add_argument("--research-rounds", type=int, default=3)
    parser.add_argument("--research-only", action="store_true")
    args = parser.parse_args()
    if args.research_only:
        for count in (int(c) for c in args.research_counts.split(",") if c):
            research(count, args.research_rounds)
        return
    register = records(args.count)
    print(f"records: {len(register)} (best of {args.rounds} rounds)")
    root = Path(tempfile.mkdtemp(prefix="bench-export-"))
    try:
        export("csv", register[:10], root / "warm.csv", today=TODAY)  # load code lists
        export("fhir", register[:10], root / "warm.json", today=TODAY)  # load FHIR models
        rates = {}
        for fmt in FORMATS:
            target = root / fmt

            def run(fmt: str = fmt, target: Path = target) -> None:
                if target.is_dir():
                    shutil.rmtree(target)
                target.unlink(missing_ok=True)
                export(fmt, register, target, today=TODAY)

            seconds = best(args.rounds, run)
            rates[fmt] = len(register) / seconds
            size = sum(p.stat().st_size for p in [target, *target.glob("*")] if p.is_file())
            print(
                f"{fmt:12s} {rates[fmt]:9.0f} records/s  {seconds:6.2f} s  {size / 2**20:7.1f} MiB"
            )

        def build_only() -> None:
            builder = fhir_bundle.BundleBuilder(CodeNames(), TODAY)
            validate = fhir_bundle.validate_resource
            fhir_bundle.validate_resource = lambda resource: None  # type: ignore[assignment]
            try:
                for record in register:
                    builder.add(record)
                builder.bundle()
            finally:
                fhir_bundle.validate_resource = validate

        unvalidated = len(register) / best(args.rounds, build_only)
        print(f"fhir, building without validation: {unvalidated:9.0f} records/s")
        print(f"validation costs {unvalidated / rates['fhir']:.1f}x the FHIR build alone")
        for dimension in DIMENSIONS:
            seconds = best(args.rounds, lambda d=dimension: count_by(register, d))
            print(f"report by {dimension:12s} {len(register) / seconds:9.0f} records/s")
    finally:
        shutil.rmtree(root, ignore_errors=True)
    for count in (int(c) for c in args.research_counts.split(",") if c):
        research(count, args.research_rounds)


if __name__ == "__main__":
    main()
