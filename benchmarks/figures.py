"""Small helpers the benchmark scripts share for printing their figures."""

from __future__ import annotations

import time
from collections.abc import Callable


def pct(samples: list[float], q: float) -> float:
    """The ``q`` quantile (0..1) of ``samples``, nearest-rank."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def rss_mib() -> float:
    """This process's resident memory (Linux ``/proc``; NaN elsewhere)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def timed(rounds: int, run: Callable[[], object]) -> list[float]:
    """Wall-clock seconds of ``rounds`` calls of ``run``, one sample a call."""
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return samples
