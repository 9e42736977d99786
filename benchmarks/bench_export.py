"""Staff exports: records per second for each format over synthetic accepted records.

Each format writes to a fresh folder under a temporary directory (synthetic data only), best
of several rounds so a busy shared machine skews the figures less. The FHIR and phenopacket
figures include validating every resource against its standard (fhir.resources R4B models,
the phenopackets v2 protobuf classes), which is most of their cost; the second FHIR line
shows what building alone costs. Reports are counted over the same records.

    .venv-test/bin/python benchmarks/bench_export.py [--count 10000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path

from desktop.forms.demo import demo_records
from desktop.staff.export import FORMATS, export, fhir_bundle
from desktop.staff.export.codes import CodeNames
from desktop.staff.export.reports import DIMENSIONS, count_by
from desktop.staff.model import Origin, RegisterRecord

TODAY = dt.date(2025, 6, 15)


def records(count: int) -> list[RegisterRecord]:
    origin = Origin("batch-bench", "install-bench", "2025-06-14T10:00:00Z")
    return [
        RegisterRecord(p["record_id"], p["revision"], p, origin, "2025-06-14T12:00:00Z", "staff")
        for p in demo_records(count, seed=1, today=TODAY)
    ]


def best(rounds: int, run: object) -> float:
    assert callable(run)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
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


if __name__ == "__main__":
    main()
