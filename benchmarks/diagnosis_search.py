"""Diagnosis search latency over all shipped code lists (goal: p99 <= 10 ms per query).

Simulates typing: every prefix of real ORPHA and ICD-10 names (as the GUI searches on each
keystroke), the same names with one typo, and codes in several spellings. Prints the time to
load and index the lists, then latency percentiles per kind of query.

    python benchmarks/diagnosis_search.py [--names 300] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.forms.codelists import DiagnosisSearch, default_store


def typo(rng: random.Random, text: str) -> str:
    if len(text) < 5:
        return text
    i = rng.randrange(1, len(text) - 1)
    kind = rng.choice(("delete", "double", "swap", "replace"))
    if kind == "delete":
        return text[:i] + text[i + 1 :]
    if kind == "double":
        return text[:i] + text[i] + text[i:]
    if kind == "swap":
        return text[: i - 1] + text[i] + text[i - 1] + text[i + 1 :]
    return text[:i] + rng.choice("aeiourst") + text[i + 1 :]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=300, help="names typed letter by letter")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    start = time.perf_counter()
    store = default_store()
    lists = [store.get("orpha"), store.get("icd10")]
    loaded = time.perf_counter()
    search = DiagnosisSearch(lists)
    built = time.perf_counter()
    print(f"entries: {len(search)} (ORPHA {len(lists[0])}, ICD-10 {len(lists[1])})")
    load_ms, build_ms = (loaded - start) * 1000, (built - loaded) * 1000
    print(f"load lists: {load_ms:.0f} ms; build index: {build_ms:.0f} ms")

    concepts = [c for codelist in lists for c in codelist]
    sample = rng.sample(concepts, args.names)
    queries: dict[str, list[str]] = {"typing": [], "typo": [], "code": []}
    for concept in sample:
        name = concept.label("en")[:24]
        queries["typing"].extend(name[:n] for n in range(1, len(name) + 1))
        queries["typo"].append(typo(rng, concept.label("en")[:30]))
        code = concept.code
        queries["code"].extend(
            [code, code.lower(), code.replace("ORPHA:", "orpha "), code.replace(".", "")]
        )

    everything: list[float] = []
    print(f"{'queries':<8} {'n':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind, items in queries.items():
        timings = []
        for query in items:
            t0 = time.perf_counter()
            search.search(query, limit=20)
            timings.append((time.perf_counter() - t0) * 1000)
        everything.extend(timings)
        print(
            f"{kind:<8} {len(timings):>6} {statistics.median(timings):>8.2f} "
            f"{percentile(timings, 95):>8.2f} {percentile(timings, 99):>8.2f} {max(timings):>8.2f}"
        )
    p99 = percentile(everything, 99)
    print(
        f"{'all':<8} {len(everything):>6} {statistics.median(everything):>8.2f} "
        f"{percentile(everything, 95):>8.2f} {p99:>8.2f} {max(everything):>8.2f}"
    )
    print(f"goal p99 <= 10 ms: {'met' if p99 <= 10 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
