"""Per-key token buckets, in memory: one bucket per installation, staff key or client address.

The limit protects the database from one misbehaving client; it is per server process,
which is enough for a register-sized deployment (document multiple workers accordingly).

A bucket that has refilled completely behaves exactly like no bucket at all, so such
buckets are dropped in a sweep every ``SWEEP_EVERY`` calls: enrollment is limited per client
address, and a long-running server would otherwise keep one entry for every address that
ever knocked.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

SWEEP_EVERY = 1024


class RateLimiter:
    def __init__(
        self, per_minute: float, burst: int, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._rate = per_minute / 60.0
        self._burst = float(burst)
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()
        self._clock = clock
        self._calls = 0

    def __len__(self) -> int:
        return len(self._buckets)

    def take(self, key: str) -> float:
        """0 when allowed, otherwise the seconds until a request would be allowed."""
        now = self._clock()
        with self._lock:
            self._calls += 1
            if self._calls % SWEEP_EVERY == 0:
                self._sweep(now)
            tokens, last = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self._rate if self._rate > 0 else 3600.0

    def wait(self, key: str) -> float:
        """What ``take`` would answer, without taking a token: 0 while ``key`` has one."""
        now = self._clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self._burst, now))
            tokens = min(self._burst, tokens + (now - last) * self._rate)
            if tokens >= 1.0:
                return 0.0
            return (1.0 - tokens) / self._rate if self._rate > 0 else 3600.0

    def _sweep(self, now: float) -> None:
        if self._rate <= 0:
            return
        full = [
            key
            for key, (tokens, last) in self._buckets.items()
            if tokens + (now - last) * self._rate >= self._burst
        ]
        for key in full:
            del self._buckets[key]
